package insight

import (
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"unicode"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// everyPairRun is the longest verbatim run found the plain way: the diff of
// every pair of articles of every shared event, taken in order, the first
// of the longest kept. longestRun must find the same.
func everyPairRun(st *story.Story) *Run {
	var best *Run
	for k, e := range st.Events {
		if e.Kind != story.Shared {
			continue
		}
		for a := range e.Blocks {
			for b := a + 1; b < len(e.Blocks); b++ {
				if len(e.Blocks[a]) == 0 || len(e.Blocks[b]) == 0 || !st.ComparesWording(a, b) {
					continue
				}
				if n, text := pairRun(st.Ops(k, a, b), nil); n > 0 && (best == nil || n > best.Words) {
					best = &Run{Words: n, Text: text, A: a, B: b, Event: k}
				}
			}
		}
	}
	return best
}

// randomStory retells a few paragraphs in several articles, each changing
// words, punctuation, quotes and spacing, and dropping or repeating
// paragraphs, so that runs of every length, ties between pairs and runs
// broken by punctuation alone all occur.
func randomStory(r *rand.Rand) *corpus.Story {
	words := []string{"the", "mayor", "said", "bridge", "council", "don't", "U.S.", "8,000", "river", "opened",
		"on", "Tuesday", "costs", "rose", "a", "year", "late", "“triumph”", "\"triumph\"", "well-known", "it's", "it’s"}
	punct := []string{",", ".", " —", " --", ";", ":", " (", ")", "…", "..."}
	base := make([][]string, 2+r.IntN(4))
	for i := range base {
		for range 8 + r.IntN(25) {
			base[i] = append(base[i], words[r.IntN(len(words))])
		}
	}
	cs := &corpus.Story{Name: "random"}
	for a := range 3 + r.IntN(6) {
		art := corpus.Article{Outlet: fmt.Sprintf("Outlet %d", a), Title: "Bridge"}
		for _, p := range base {
			if r.IntN(8) == 0 {
				continue
			}
			var b strings.Builder
			for i, w := range p {
				if i > 0 {
					b.WriteString([]string{" ", " ", " ", "  "}[r.IntN(4)])
				}
				switch x := r.IntN(20); {
				case x == 0 && a > 0:
					w = words[r.IntN(len(words))]
				case x == 1 && a > 0:
					continue
				}
				b.WriteString(w)
				if r.IntN(6) == 0 {
					b.WriteString(punct[r.IntN(len(punct))])
				}
			}
			art.Paras = append(art.Paras, corpus.Para{Text: b.String()})
		}
		if len(art.Paras) > 0 {
			cs.Articles = append(cs.Articles, art)
		}
	}
	return cs
}

// TestLongestRunEveryPair holds longestRun, which diffs only the pairs
// that may hold the longest run, to the diff of every pair on random
// stories: the same words, text, articles and event.
func TestLongestRunEveryPair(t *testing.T) {
	r := rand.New(rand.NewPCG(18, 2026))
	multi := 0
	for i := range 300 {
		cs := randomStory(r)
		if len(cs.Articles) < 2 {
			continue
		}
		st := story.Build(cs, story.DefaultOptions())
		got := longestRun(st)
		want := everyPairRun(st) // the diffs are the same, kept or not
		for _, e := range st.Events {
			n := 0
			for _, bs := range e.Blocks {
				if len(bs) > 0 {
					n++
				}
			}
			if e.Kind == story.Shared && n > 2 {
				multi++
				break
			}
		}
		if fmt.Sprint(got) != fmt.Sprint(want) && (got == nil || want == nil || *got != *want) {
			t.Fatalf("story %d: longestRun %+v, every pair %+v", i, got, want)
		}
	}
	if multi < 100 {
		t.Errorf("only %d stories have an event of three articles or more", multi)
	}
}

// A verbatim run is the same words in the same case: a title-case headline
// and its sentence-case retelling share the words, not the writing.
func TestVerbatimRunKeepsCase(t *testing.T) {
	for _, c := range []struct {
		a, b string
		n    int
		text string
	}{
		{"Mayor Opens New Bridge Over The River", "Mayor opens new bridge over the river", 1, "Mayor"},
		{"the mayor said “the bridge is open to all” on Tuesday", `The mayor said "the bridge is open to all" on Tuesday`, 10, `mayor said “the bridge is open to all” on Tuesday`},
	} {
		n, text := pairRun(worddiff.Diff(c.a, c.b), nil)
		if n != c.n || text != c.text {
			t.Errorf("%q / %q: run of %d words %q, want %d %q", c.a, c.b, n, text, c.n, c.text)
		}
	}
}

// TestSameLettersAsUnicode compares sameLetters, which reads ASCII
// without decoding, with the letters unicode.IsLetter finds, on texts
// made of letters in either case, digits, punctuation and typography.
func TestSameLettersAsUnicode(t *testing.T) {
	letters := func(s string) string {
		var b strings.Builder
		for _, r := range s {
			if unicode.IsLetter(r) {
				b.WriteRune(r)
			}
		}
		return b.String()
	}
	pieces := []string{"a", "A", "z", "Z", "@", "[", "`", "{", "é", "É", "ß", "“", "”", "'", "’", " ", "-", "—", "1", "\xff", "x"}
	r := rand.New(rand.NewPCG(5, 6))
	same := 0
	for range 20000 {
		var a, b strings.Builder
		for range r.IntN(6) {
			p := pieces[r.IntN(len(pieces))]
			a.WriteString(p)
			if r.IntN(4) > 0 {
				b.WriteString(p) // mostly alike, as the diff's equal words are
			} else {
				b.WriteString(pieces[r.IntN(len(pieces))])
			}
		}
		want := letters(a.String()) == letters(b.String())
		if got := sameLetters(a.String(), b.String()); got != want {
			t.Fatalf("sameLetters(%q, %q) = %v, want %v", a.String(), b.String(), got, want)
		}
		if want {
			same++
		}
	}
	if same < 1000 {
		t.Fatalf("only %d pairs with the same letters: the test compares little", same)
	}
}
