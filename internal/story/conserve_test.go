package story_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Property: whatever the input, the JSON export holds every non-space
// character of every article in its blocks, in order, and each diff's ops
// rebuild both sides of its event exactly.

// vocab mixes plain words with what real and hostile articles hold:
// abbreviations, figures, typography, non-Latin scripts, combining marks,
// controls, escape sequences and markup.
var vocab = []string{
	"the", "council", "said", "bridge", "reopened", "on", "Friday", "after", "repairs", "ferry", "will", "stop",
	"Sunday", "engineer", "promise", "town", "storm", "deck", "Lavrov", "Sergei", "Sergey", "Choe", "Moscow",
	"U.S.", "Gen.", "Nov.", "8,000", "4.2", "$2", "million", "30%", "don't", "it’s", "“great", "victory”",
	"\"absolute", "struggle\"", "‘sacred’", "—", "–", "-", "…", "...", "(AP", "Photo/Someone)", "[…]",
	"café", "e\u0301", "naïve", "日本語", "москва", "العربية", "🙂", "👩‍👩‍👧",
	"\x1b]0;title\x07", "\x1b[2J", "\x1b]52;c;cm0=\x07", "\u0085", "\u009b31m", "\u202e", "\u2066x\u2069", "\u200b", "\ufffd",
	"<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[link](javascript:alert(1))", "**bold**", "&amp;", "#",
}

var seps = []string{" ", " ", " ", " ", "  ", "\u00a0", "\t", ", ", ". ", "? ", "! ", ": ", "; "}

func sentence(r *rand.Rand) string {
	n := 1 + r.IntN(18)
	var b strings.Builder
	for i := 0; i < n; i++ {
		if i > 0 {
			b.WriteString(seps[r.IntN(len(seps))])
		}
		b.WriteString(vocab[r.IntN(len(vocab))])
	}
	b.WriteString(".")
	return b.String()
}

func paragraph(r *rand.Rand) string {
	n := 1 + r.IntN(4)
	s := make([]string, n)
	for i := range s {
		s[i] = sentence(r)
	}
	return strings.Join(s, " ")
}

// retell rewrites a paragraph as another outlet might: some words swapped,
// some dropped, some added, quotes straightened.
func retell(r *rand.Rand, p string) string {
	words := strings.Fields(p)
	var out []string
	for _, w := range words {
		switch x := r.IntN(10); {
		case x == 0:
			continue
		case x == 1:
			out = append(out, vocab[r.IntN(len(vocab))])
		case x == 2:
			out = append(out, w, vocab[r.IntN(len(vocab))])
		default:
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		out = []string{"Added."}
	}
	return strings.NewReplacer("“", `"`, "”", `"`, "’", "'").Replace(strings.Join(out, " "))
}

// genStory writes 2 to 4 articles, each a retelling of a base, as text files
// in either shape, and one as JSON; it returns the paths.
func genStory(t *testing.T, r *rand.Rand, dir string) []string {
	base := make([]string, 1+r.IntN(10))
	for i := range base {
		base[i] = paragraph(r)
	}
	n := 2 + r.IntN(3)
	var paths []string
	for a := 0; a < n; a++ {
		var paras []string
		for _, p := range base {
			switch {
			case a == 0:
				paras = append(paras, p)
			case r.IntN(8) == 0: // dropped
			default:
				paras = append(paras, retell(r, p))
			}
			if a > 0 && r.IntN(6) == 0 {
				paras = append(paras, paragraph(r)) // its own material
			}
		}
		if a > 0 && len(paras) > 1 {
			i, j := r.IntN(len(paras)), r.IntN(len(paras))
			paras[i], paras[j] = paras[j], paras[i] // moved
		}
		if len(paras) == 0 {
			paras = []string{paragraph(r)}
		}
		if r.IntN(3) == 0 {
			paras = append([]string{" date 2024-11-01 Some section"}, paras...)
		}
		var data []byte
		name := fmt.Sprintf("%02d", a)
		switch r.IntN(4) {
		case 0:
			name += ".json"
			data, _ = json.Marshal(map[string]any{"title": "Headline " + name, "source": "Outlet " + name, "paragraphs": paras})
		case 1:
			name += ".txt"
			data = []byte(strings.Join(paras, "\n\n") + "\n")
		case 2:
			name += ".txt"
			data = []byte(strings.ReplaceAll(strings.Join(paras, "\n")+"\n", "\n", "\r\n"))
		default:
			name += ".txt"
			data = []byte("\ufeff" + strings.Join(paras, "\n"))
		}
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// sourceText is the article text a file holds, as the user wrote it.
func sourceText(t *testing.T, path string) string {
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasSuffix(path, ".json") {
		var rec struct {
			Title      string   `json:"title"`
			Paragraphs []string `json:"paragraphs"`
		}
		if err := json.Unmarshal(b, &rec); err != nil {
			t.Fatal(err)
		}
		return rec.Title + "\n" + strings.Join(rec.Paragraphs, "\n")
	}
	s, _, err := corpus.Decode(b)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

type exported struct {
	Articles []struct {
		Blocks []struct {
			Text string `json:"text"`
		} `json:"blocks"`
	} `json:"articles"`
	Events []struct {
		Blocks [][]int `json:"blocks"`
		Diffs  []struct {
			From int           `json:"from"`
			To   int           `json:"to"`
			Ops  []worddiff.Op `json:"ops"`
		} `json:"diffs"`
	} `json:"events"`
}

func (e *exported) side(a int, bs []int) string {
	parts := make([]string, len(bs))
	for k, i := range bs {
		parts[k] = e.Articles[a].Blocks[i].Text
	}
	return strings.Join(parts, "\n\n")
}

// checkConserved runs the whole pipeline on paths and checks the property.
// It returns how many diffs it checked.
func checkConserved(t *testing.T, paths []string) int {
	t.Helper()
	return checkEdited(t, paths, nil)
}

// checkEdited is checkConserved on the story edited by edit (when not nil).
func checkEdited(t *testing.T, paths []string, edit func(*story.Story) *story.Story) int {
	t.Helper()
	cs, err := corpus.Load(paths)
	if err != nil {
		t.Fatalf("load: %v", err)
	}
	st := story.Build(cs, story.DefaultOptions())
	if edit != nil {
		st = edit(st)
	}
	var buf bytes.Buffer
	if err := export.JSON(&buf, st); err != nil {
		t.Fatalf("export: %v", err)
	}
	var doc exported
	if err := json.Unmarshal(buf.Bytes(), &doc); err != nil {
		t.Fatalf("JSON export does not parse: %v", err)
	}
	if len(doc.Articles) != len(paths) {
		t.Fatalf("%d articles exported from %d files", len(doc.Articles), len(paths))
	}
	for a, p := range paths {
		var got strings.Builder
		for _, b := range doc.Articles[a].Blocks {
			got.WriteString(b.Text)
		}
		if g, w := noSpace(got.String()), noSpace(sourceText(t, p)); g != w {
			t.Fatalf("article %d (%s): blocks hold\n%q\nthe file holds\n%q", a, filepath.Base(p), g, w)
		}
	}
	diffs := 0
	seen := make([]map[int]bool, len(doc.Articles))
	for a := range seen {
		seen[a] = map[int]bool{}
	}
	for k, ev := range doc.Events {
		for a, bs := range ev.Blocks {
			for _, i := range bs {
				if seen[a][i] {
					t.Fatalf("article %d block %d is in two events", a, i)
				}
				seen[a][i] = true
			}
		}
		for _, d := range ev.Diffs {
			diffs++
			if got, want := worddiff.A(d.Ops), doc.side(d.From, ev.Blocks[d.From]); got != want {
				t.Fatalf("event %d diff %d→%d: ops rebuild side A as\n%q\nwant\n%q", k, d.From, d.To, got, want)
			}
			if got, want := worddiff.B(d.Ops), doc.side(d.To, ev.Blocks[d.To]); got != want {
				t.Fatalf("event %d diff %d→%d: ops rebuild side B as\n%q\nwant\n%q", k, d.From, d.To, got, want)
			}
		}
		// every pair of articles the reader may put side by side
		for l := range ev.Blocks {
			for r := range ev.Blocks {
				ops := st.Ops(k, l, r)
				if l == r || len(ev.Blocks[l]) == 0 || len(ev.Blocks[r]) == 0 {
					continue
				}
				if got, want := worddiff.A(ops), st.SideText(l, st.Events[k].Blocks[l]); got != want {
					t.Fatalf("event %d Ops(%d,%d): side A\n%q\nwant\n%q", k, l, r, got, want)
				}
				if got, want := worddiff.B(ops), st.SideText(r, st.Events[k].Blocks[r]); got != want {
					t.Fatalf("event %d Ops(%d,%d): side B\n%q\nwant\n%q", k, l, r, got, want)
				}
			}
		}
	}
	for a := range doc.Articles {
		if len(seen[a]) != len(doc.Articles[a].Blocks) {
			t.Fatalf("article %d: %d of %d blocks are in an event", a, len(seen[a]), len(doc.Articles[a].Blocks))
		}
	}
	return diffs
}

func TestTextIsConserved(t *testing.T) {
	n := 300
	if testing.Short() {
		n = 40
	}
	diffs := 0
	for i := 0; i < n; i++ {
		seed := uint64(i)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 0x5eed))
			diffs += checkConserved(t, genStory(t, r, t.TempDir()))
		})
	}
	// The retellings must pair up often enough for the diffs to be tested.
	if diffs < n {
		t.Errorf("only %d diffs in %d generated stories", diffs, n)
	}
	t.Logf("%d stories, %d diffs checked", n, diffs)
}

// Property: an editor's pins and splits at any threshold keep every block
// in exactly one event and every diff true to its sides.
func TestEditedStoryIsConserved(t *testing.T) {
	n := 60
	if testing.Short() {
		n = 10
	}
	for i := 0; i < n; i++ {
		seed := uint64(i)
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewPCG(seed, 0xed17))
			checkEdited(t, genStory(t, r, t.TempDir()), func(st *story.Story) *story.Story {
				arts := make([][]segment.Block, len(st.Articles))
				for a := range arts {
					arts[a] = st.Articles[a].Blocks
				}
				ref := func() review.Ref {
					a := r.IntN(len(arts))
					return review.MakeRef(arts, a, r.IntN(len(arts[a])))
				}
				rev := &review.Review{}
				for e := r.IntN(6); e > 0; e-- {
					if r.IntN(2) == 0 {
						rev.Pin(ref(), ref())
					} else {
						rev.Split(ref())
					}
				}
				return st.Realign(r.Float64(), rev)
			})
		})
	}
}

func TestSeedStoryIsConserved(t *testing.T) {
	// The embedded story: its files are compared with what Default loads.
	cs := corpus.Default()
	st := story.Build(cs, story.DefaultOptions())
	for a, art := range cs.Articles {
		var src, got strings.Builder
		for _, p := range art.Paras {
			src.WriteString(p.Text)
		}
		for _, b := range st.Articles[a].Blocks {
			got.WriteString(b.Text)
		}
		if noSpace(got.String()) != noSpace(src.String()) {
			t.Errorf("seed article %d: blocks differ from the loaded text", a)
		}
	}
	for k, ev := range st.Events {
		for _, d := range ev.Diffs {
			if worddiff.A(d.Ops) != st.SideText(d.From, ev.Blocks[d.From]) || worddiff.B(d.Ops) != st.SideText(d.To, ev.Blocks[d.To]) {
				t.Errorf("seed event %d: diff %d→%d does not rebuild its sides", k, d.From, d.To)
			}
		}
	}
}

// FuzzConserve runs the property on two articles drawn from fuzz input: the
// text before the first form feed is one article, the rest the other.
func FuzzConserve(f *testing.F) {
	f.Add("Bridge reopens\nThe bridge reopened on Friday.\n\"We kept our promise,\" he said.\fHarbour bridge reopens\nThe bridge reopened on Friday after repairs.\n“We kept our promise,” the engineer said.")
	f.Add(" date 2024-11-01 War\nTitle \x1b]0;x\x07\n\u202eText \x9b.\f\ufeffTitle\r\n\r\nText.")
	f.Add("a\fb")
	f.Fuzz(func(t *testing.T, s string) {
		a, b, ok := strings.Cut(s, "\f")
		if !ok {
			return
		}
		dir := t.TempDir()
		paths := []string{filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")}
		for i, text := range []string{a, b} {
			if err := os.WriteFile(paths[i], []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		if _, err := corpus.Load(paths); err != nil {
			return // bad input is refused; the loader fuzz targets check how
		}
		checkConserved(t, paths)
	})
}
