package story

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// reference encodes st's fields with encoding/json as the JSON export does.
func reference(t testing.TB, st *Story) []byte {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	// the contract's link: one list of blocks per article, as in events
	type link struct {
		Score  float64 `json:"score"`
		Blocks [][]int `json:"blocks"`
	}
	var links []link // null where the story has none, as WriteJSON writes
	if st.Links != nil {
		links = []link{}
	}
	for _, l := range st.Links {
		bs := make([][]int, len(st.Articles))
		for a := range bs {
			bs[a] = []int{}
		}
		bs[l.A], bs[l.B] = []int{l.I}, []int{l.J}
		links = append(links, link{l.Score, bs})
	}
	if err := enc.Encode(struct {
		Version     int       `json:"version"`
		Name        string    `json:"name,omitempty"`
		Translation bool      `json:"translation,omitempty"`
		Articles    []Article `json:"articles"`
		Events      []Event   `json:"events"`
		Links       []link    `json:"links"`
	}{st.Version, st.Name, st.Translation, st.Articles, st.Events, links}); err != nil {
		t.Fatal(err)
	}
	return escapeTerminal(b.Bytes())
}

// escapeTerminal rewrites the characters a terminal may act on as \u
// escapes, as the JSON export does after encoding/json.
func escapeTerminal(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func checkSameJSON(t *testing.T, name string, st *Story) {
	t.Helper()
	if st.diffed != nil {
		st.FillDiffs(context.Background(), nil) // the reference cannot
	}
	want := reference(t, st)
	var got bytes.Buffer
	if err := st.WriteJSON(&got); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got.Bytes(), want) {
		i := 0
		for i < len(want) && i < got.Len() && want[i] == got.Bytes()[i] {
			i++
		}
		lo := max(0, i-80)
		t.Fatalf("%s: WriteJSON differs from encoding/json at byte %d:\n got %q\nwant %q", name, i,
			got.Bytes()[lo:min(got.Len(), i+80)], want[lo:min(len(want), i+80)])
	}
	// Through an Encoder, as export.JSON uses it, MarshalJSON gives the same.
	var enc bytes.Buffer
	e := json.NewEncoder(&enc)
	e.SetEscapeHTML(false)
	e.SetIndent("", " ")
	if err := e.Encode(st); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(escapeTerminal(enc.Bytes()), want) {
		t.Fatalf("%s: encoding through MarshalJSON differs from encoding the fields", name)
	}
}

func TestWriteJSONMatchesEncodingJSON(t *testing.T) {
	checkSameJSON(t, "seed", Build(corpus.Default(), DefaultOptions()))
	checkSameJSON(t, "synthetic", Build(synthetic(t, 20<<10, 3), DefaultOptions()))
	opt := DefaultOptions()
	opt.DeferDiffs = true
	checkSameJSON(t, "deferred", Build(synthetic(t, 10<<10, 2), opt))

	odd := "quote \" backslash \\ <b>&amp;</b> tab\t nl\n cr\r bs\b ff\f nul\x00 esc\x1b del\x7f " +
		"bad\xff\xfe utf8 \u2028\u2029 nbsp\u00a0 emoji 🗞 cjk 新闻 combining e\u0301 c1\u0085\u009b bidi\u202e\u2067\u200f\u061c"
	st := &Story{Version: Version, Articles: []Article{
		{Path: odd, Outlet: "O", Title: odd, URL: "https://x.test/?a=1&b=<2>", Section: "S", Warnings: []string{odd, ""},
			Blocks: []segment.Block{{Kind: segment.Paragraph, Text: odd}}},
		{Blocks: []segment.Block{}},
	}, Events: []Event{
		{Kind: Shared, Score: 0.123, Blocks: [][]int{{0}, {}}, Moved: []bool{false, true},
			Diffs: []Diff{{From: 0, To: 1, Ops: []worddiff.Op{{Kind: worddiff.Equal, Text: odd, Other: "x"}, {Kind: worddiff.Delete, Text: "y"}}}, {Ops: []worddiff.Op{}}, {}}},
		{Kind: Single, Score: 1, Blocks: [][]int{nil, {0, 1, 2}}, Diffs: []Diff{}},
		{Kind: Boilerplate, Score: 1e-7, Blocks: nil, Diffs: nil, Moved: nil},
		{Kind: Single, Score: 0.0000012, Blocks: [][]int{}},
	}}
	st.diffed = nil // a hand-made story has nothing to fill
	checkSameJSON(t, "odd strings and shapes", st)
	checkSameJSON(t, "empty", &Story{})
}
