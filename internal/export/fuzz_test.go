package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
	"golang.org/x/net/html"
)

// Run one target at a time, e.g.
//
//	go test ./internal/export -run '^$' -fuzz '^FuzzMarkdown$' -fuzztime 2m
//
// The seed corpus is in testdata/fuzz/<target>/ and in addSeeds.

// fuzzStory turns two fuzzed texts into a story: each text's first line is
// the outlet and headline, the other lines its paragraphs.
func fuzzStory(a, b string) *story.Story {
	const limit = 6 << 10 // keep each run quick
	cs := &corpus.Story{Name: "fuzz"}
	for i, s := range []string{a, b} {
		if len(s) > limit {
			s = s[:limit]
		}
		// Loaders hand on valid UTF-8 only (corpus.Decode replaces the rest).
		s = strings.ToValidUTF8(s, "\uFFFD")
		head, body, _ := strings.Cut(s, "\n")
		art := corpus.Article{Path: []string{"a.txt", "b.txt"}[i], Outlet: head, Title: head, Date: "2025-01-02"}
		for _, p := range strings.Split(body, "\n") {
			if strings.TrimSpace(p) != "" {
				art.Paras = append(art.Paras, corpus.Para{Text: p})
			}
		}
		cs.Articles = append(cs.Articles, art)
	}
	return story.Build(cs, story.DefaultOptions())
}

func addSeeds(f *testing.F) {
	f.Add("Daily Bugle\nThe mayor opened the bridge on Tuesday, calling it a triumph.\nCritics said it cost twice its budget.",
		"River Times\nThe mayor opened the bridge on Tuesday, calling it a victory.\nIt opened a year late.")
	f.Add("<b>Out</b>let\n"+xssScript+" the council voted "+xssImg+" to close the mill.",
		"Other\n"+xssLink+" the council voted "+xssAuto+" to shut the mill.")
	f.Add("Esc\x1b]0;t\x07\nA \x1b[2J wipe and \u202e flip and \u0085 next line and \x00 nul.",
		"Esc two\nA wipe and flip and next line.")
	f.Add("Md\n# h *a* _b_ `c` ~~d~~ | e | [f](g) ![h](i) <j> &amp; $k$ @l #1\n- list\n1. item\n> quote",
		"Md2\n# h *a* _b_ `c` ~~d~~ | e | [f](g) ![h](i) <j> &amp; $k$ @m #2\n+ list\n2) item\n=== setext")
	f.Add("", "")
	f.Add("\n\n\n", "x\n \n\t\n")
	f.Add("Wide\n日本語の記事です。東京で会議が開かれた。", "Wide two\n日本語の記事です。大阪で会議が開かれた。")
	f.Add("A\n\"Quote,\" she said. “Curly” — dash… 'single'", "B\n'Quote,' she said. \"Curly\" - dash... ‘single’")
}

// FuzzHTML checks that any article text renders to a page where it stays
// text: no element or attribute of its own, every word kept.
func FuzzHTML(f *testing.F) {
	addSeeds(f)
	allowed := map[string]bool{}
	for _, e := range strings.Fields("html head meta title style body header p h1 h2 div section ul li b dl dt dd span del ins details summary nav ol a main footer") {
		allowed[e] = true
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		st := fuzzStory(a, b)
		var buf bytes.Buffer
		if err := HTML(&buf, st, DefaultOptions()); err != nil {
			t.Fatal(err)
		}
		out := buf.String()
		checkNoControls(t, out)
		checkWellFormed(t, out)
		doc := parseHTML(t, out)
		for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
			if !allowed[n.Data] {
				t.Fatalf("article text became a <%s> element", n.Data)
			}
			for _, at := range n.Attr {
				if strings.HasPrefix(strings.ToLower(at.Key), "on") || (at.Key == "href" && !strings.HasPrefix(at.Val, "#event-")) {
					t.Fatalf("<%s %s=%q>", n.Data, at.Key, at.Val)
				}
			}
		}
		checkHTMLKeepsText(t, st, doc)
	})
}

// FuzzMarkdown checks that any article text renders, through a GFM
// renderer, as the same text with the same words marked, and nothing else.
func FuzzMarkdown(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		st := fuzzStory(a, b)
		var buf bytes.Buffer
		if err := Markdown(&buf, st, DefaultOptions()); err != nil {
			t.Fatal(err)
		}
		checkNoControls(t, buf.String())
		checkMDElements(t, mdToHTML(t, buf.String()))
		checkMDKeepsText(t, st, 40)
	})
}

// FuzzText checks the two-column text: no control characters, no line
// wider than asked, at any width.
func FuzzText(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		st := fuzzStory(a, b)
		checks := Checks(st, DefaultOptions()) // the same at every width: computed once
		for _, w := range []int{20, 57, 120} {
			opt := DefaultOptions()
			opt.Width, opt.Checks = w, checks
			var buf bytes.Buffer
			if err := Text(&buf, st, opt); err != nil {
				t.Fatal(err)
			}
			checkNoControls(t, buf.String())
			for i, ln := range strings.Split(buf.String(), "\n") {
				if ansi.StringWidth(ln) > w {
					t.Fatalf("width %d: line %d is %d wide: %q", w, i+1, ansi.StringWidth(ln), ln)
				}
			}
		}
	})
}

// FuzzJSON checks that the JSON export is valid, version 1, keeps every
// block's text as loaded, that each diff's ops rebuild both sides, and
// that the whole-story checks are what encoding/json writes.
func FuzzJSON(f *testing.F) {
	addSeeds(f)
	f.Fuzz(func(t *testing.T, a, b string) {
		st := fuzzStory(a, b)
		var buf bytes.Buffer
		if err := JSON(&buf, st); err != nil {
			t.Fatal(err)
		}
		var v struct {
			Version  int `json:"version"`
			Articles []struct {
				Outlet string `json:"outlet"`
				Blocks []struct {
					Kind string `json:"kind"`
					Text string `json:"text"`
				} `json:"blocks"`
			} `json:"articles"`
			Events []struct {
				Kind   string          `json:"kind"`
				Blocks [][]int         `json:"blocks"`
				Diffs  []story.Diff    `json:"diffs"`
				Score  float64         `json:"score"`
				Moved  json.RawMessage `json:"moved"`
			} `json:"events"`
		}
		if err := json.Unmarshal(buf.Bytes(), &v); err != nil {
			t.Fatalf("invalid JSON: %v", err)
		}
		if v.Version != 1 || len(v.Articles) != 2 || len(v.Events) != len(st.Events) {
			t.Fatalf("version %d, %d articles, %d events", v.Version, len(v.Articles), len(v.Events))
		}
		for i, art := range v.Articles {
			if len(art.Blocks) != len(st.Articles[i].Blocks) {
				t.Fatalf("article %d: %d blocks, want %d", i, len(art.Blocks), len(st.Articles[i].Blocks))
			}
			for j, bl := range art.Blocks {
				if bl.Text != st.Articles[i].Blocks[j].Text {
					t.Fatalf("article %d block %d: text %q, want %q", i, j, bl.Text, st.Articles[i].Blocks[j].Text)
				}
			}
		}
		side := func(a int, bs []int) string {
			parts := make([]string, len(bs))
			for x, i := range bs {
				parts[x] = v.Articles[a].Blocks[i].Text
			}
			return strings.Join(parts, "\n\n")
		}
		for k, e := range v.Events {
			for _, d := range e.Diffs {
				if got, want := worddiff.A(d.Ops), side(d.From, e.Blocks[d.From]); got != want {
					t.Fatalf("event %d: ops rebuild %q for article %d, want %q", k, got, d.From, want)
				}
				if got, want := worddiff.B(d.Ops), side(d.To, e.Blocks[d.To]); got != want {
					t.Fatalf("event %d: ops rebuild %q for article %d, want %q", k, got, d.To, want)
				}
			}
		}
		// The checks are written as encoding/json writes them.
		checkSameAsReference(t, "fuzz", st)
	})
}
