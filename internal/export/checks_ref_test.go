package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// The JSON export's checks were once the structs below written through
// encoding/json; referenceJSON writes them so, as the reference for the
// hand-written writer.

type refChecks struct {
	Summary insight.Summary    `json:"summary"`
	Quotes  []refQuoteGroup    `json:"quotes"`
	Facts   []facts.EventFacts `json:"facts"`
}

type refQuoteGroup struct {
	Members        []refQuote    `json:"members"`
	Diffs          []quotes.Diff `json:"diffs"`
	Speakers       []string      `json:"speakers"`
	Flags          []string      `json:"flags"`
	SpeakersDiffer bool          `json:"speakers_differ"`
	WordingDiffers bool          `json:"wording_differs"`
	OneOutlet      bool          `json:"one_outlet"`
}

type refQuote struct {
	Article int    `json:"article"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	Event   int    `json:"event"`
	Block   int    `json:"block"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
}

func refChecksOf(st *story.Story, r *insight.Report) refChecks {
	c := refChecks{Summary: r.Summary, Quotes: []refQuoteGroup{}, Facts: []facts.EventFacts{}}
	if r.Quotes != nil {
		for _, g := range r.Quotes.Groups {
			jg := refQuoteGroup{
				Members: make([]refQuote, len(g.Members)), Diffs: g.Diffs, Speakers: g.Speakers,
				Flags: g.FlagsIn(st), SpeakersDiffer: g.SpeakersDiffer, WordingDiffers: g.WordingDiffers, OneOutlet: g.OneOutlet,
			}
			for i, m := range g.Members {
				jg.Members[i] = refQuote{Article: m.Article, Speaker: m.Speaker, Text: m.Text,
					Event: quotes.EventOf(st, m.Article, m.Block), Block: m.Block, Start: m.Start, End: m.End}
			}
			if jg.Diffs == nil {
				jg.Diffs = []quotes.Diff{}
			}
			if jg.Speakers == nil {
				jg.Speakers = []string{}
			}
			if jg.Flags == nil {
				jg.Flags = []string{}
			}
			c.Quotes = append(c.Quotes, jg)
		}
	}
	if r.Facts != nil {
		c.Facts = r.Facts.Events
	}
	return c
}

// refEscapeTerminal writes DEL, C1 controls and bidirectional controls
// and marks as \u escapes.
func refEscapeTerminal(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			r == 0x200e || r == 0x200f || r == 0x061c {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func referenceJSON(t testing.TB, st *story.Story, r *insight.Report) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := st.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	out, ok := bytes.CutSuffix(b.Bytes(), []byte("\n}\n"))
	if !ok {
		t.Fatalf("story JSON ends in %q", b.Bytes()[max(0, b.Len()-3):])
	}
	out = bytes.Clone(out)
	c := refChecksOf(st, r)
	for _, f := range []struct {
		name string
		v    any
	}{{"summary", c.Summary}, {"quotes", c.Quotes}, {"facts", c.Facts}} {
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		enc.SetIndent(" ", " ")
		if err := enc.Encode(f.v); err != nil {
			t.Fatal(err)
		}
		out = fmt.Appendf(out, ",\n %q: ", f.name)
		out = append(out, refEscapeTerminal(bytes.TrimRight(v.Bytes(), "\n"))...)
	}
	return append(out, "\n}\n"...)
}

// checkSameAsReference checks that the JSON export of st is byte for byte
// the reference, and that both decode to the same value.
func checkSameAsReference(t testing.TB, name string, st *story.Story) {
	t.Helper()
	r := Checks(st, Options{})
	want := referenceJSON(t, st, r)
	var got bytes.Buffer
	if err := writeJSON(&got, st, r); err != nil {
		t.Fatal(err)
	}
	var gv, wv any
	if err := json.Unmarshal(got.Bytes(), &gv); err != nil {
		t.Fatalf("%s: invalid JSON: %v", name, err)
	}
	if err := json.Unmarshal(want, &wv); err != nil {
		t.Fatalf("%s: the reference is invalid JSON: %v", name, err)
	}
	if !reflect.DeepEqual(gv, wv) {
		t.Errorf("%s: the JSON export decodes to another value than encoding/json's", name)
	}
	if !bytes.Equal(got.Bytes(), want) {
		i := 0
		for i < len(want) && i < got.Len() && want[i] == got.Bytes()[i] {
			i++
		}
		lo := max(0, i-80)
		t.Fatalf("%s: differs from encoding/json at byte %d:\n got %q\nwant %q", name, i,
			got.Bytes()[lo:min(got.Len(), i+80)], want[lo:min(len(want), i+80)])
	}
}

func TestChecksJSONAsEncodingJSON(t *testing.T) {
	checkSameAsReference(t, "seed", seedStory(t))
	checkSameAsReference(t, "hostile", hostileStory())
	cs, err := corpus.Load([]string{"../../testdata/stories/kestrel-bridge"})
	if err != nil {
		t.Fatal(err)
	}
	checkSameAsReference(t, "kestrel-bridge", story.Build(cs, story.DefaultOptions()))
	// Each hostile input that loads, beside one that carries escapes.
	const dir = "../../testdata/hostile"
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	loaded := 0
	for _, e := range ents {
		paths := []string{filepath.Join(dir, e.Name()), filepath.Join(dir, "escape-b.txt")}
		if e.IsDir() {
			paths = paths[:1]
		}
		cs, err := corpus.Load(paths)
		if err != nil || len(cs.Articles) < 2 {
			continue
		}
		loaded++
		checkSameAsReference(t, e.Name(), story.Build(cs, story.DefaultOptions()))
	}
	if loaded < 5 {
		t.Errorf("only %d hostile inputs load", loaded)
	}
	for _, cfg := range []benchdata.Config{
		{Bytes: 20 << 10, Articles: 2, Seed: benchdata.Seed},
		{Bytes: 50 << 10, Articles: 3, Seed: 7},
		{Bytes: 10 << 10, Articles: 5, Seed: 11, Rewrite: 0.3},
	} {
		st := story.Build(benchdata.Generate(cfg).Corpus, story.DefaultOptions())
		checkSameAsReference(t, fmt.Sprintf("generated %+v", cfg), st)
	}
	// A hand-made report with the shapes the checks rarely give: nil
	// slices, a window, an equal op spelled otherwise, a one-sided member.
	seed := seedStory(t)
	odd := &insight.Report{
		Summary: insight.Summary{LongestRun: &insight.Run{Words: 2, Text: "a\u2028b\x7f\u0085"}},
		Quotes: &quotes.Report{Groups: []quotes.Group{
			{Members: []quotes.Quote{{Article: 0, Block: 1, Text: "x", Speaker: "<b>"}, {Article: 1, Block: 99}},
				Diffs:          []quotes.Diff{{From: 0, To: 1, Window: &[2]int{3, 9}, Ops: []worddiff.Op{{Kind: worddiff.Equal, Text: "\"q\"", Other: "“q”"}}}, {From: 0, To: 1}},
				SpeakersDiffer: true, OneOutlet: true},
			{},
		}},
		Facts: &facts.Report{Events: []facts.EventFacts{
			{Event: 3},
			{Event: 4, Articles: []int{}, Values: []facts.Value{{Type: facts.Money, Unit: "USD", Approx: true, Person: true}},
				Agreed:    []facts.Agreement{{Type: facts.Name, Variant: true, Texts: []string{"S\u202eé"}}},
				Conflicts: []facts.Conflict{{Type: facts.Number, Unit: "soldier", A: &facts.Value{Text: "1"}, B: &facts.Value{Text: "2"}}}},
		}},
	}
	var got bytes.Buffer
	if err := writeJSON(&got, seed, odd); err != nil {
		t.Fatal(err)
	}
	if want := referenceJSON(t, seed, odd); !bytes.Equal(got.Bytes(), want) {
		t.Errorf("odd checks: got\n%s\nwant\n%s", got.Bytes(), want)
	}
	// Checks of nothing, and a story without articles.
	empty := &story.Story{}
	for _, r := range []*insight.Report{{}, {Quotes: &quotes.Report{}, Facts: &facts.Report{}}} {
		got.Reset()
		if err := writeJSON(&got, empty, r); err != nil {
			t.Fatal(err)
		}
		if want := referenceJSON(t, empty, r); !bytes.Equal(got.Bytes(), want) {
			t.Errorf("empty checks: got\n%s\nwant\n%s", got.Bytes(), want)
		}
	}
}
