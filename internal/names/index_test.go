package names

import (
	"reflect"
	"sync"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestIndexCores checks that the names an index gives for each block are
// those Cores finds in the block's text with the story's lower-case words,
// when several callers ask for the same blocks at once.
func TestIndexCores(t *testing.T) {
	texts := []string{
		"Foreign Minister Choe Son Hui met Sergei Lavrov in Moscow on Friday.\n\nHowever, Lavrov's aide said talks went well.",
		"Sergey Lavrov, the Russian foreign minister, greeted Choe.\n\nMeanwhile the Kremlin said nothing.",
	}
	var cs corpus.Story
	for i, s := range texts {
		a := corpus.Article{Path: string(rune('a'+i)) + ".txt"}
		for _, p := range []string{s[:len(s)/2], s[len(s)/2:]} {
			a.Paras = append(a.Paras, corpus.Para{Text: p})
		}
		cs.Articles = append(cs.Articles, a)
	}
	st := story.Build(&cs, story.DefaultOptions())
	ix := NewIndex(st)
	type core struct {
		n    NameSpan
		toks []string
	}
	found := 0
	for a, art := range st.Articles {
		for b := range art.Blocks {
			ix.Cores(a, b, func(NameSpan, []string) { found++ })
		}
	}
	if found < 4 {
		t.Fatalf("the index gives %d names, want 4 or more", found)
	}
	ix = NewIndex(st) // a fresh one, for the callers at once
	var wg sync.WaitGroup
	for range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for a, art := range st.Articles {
				for b, blk := range art.Blocks {
					var got, want []core
					ix.Cores(a, b, func(n NameSpan, toks []string) { got = append(got, core{n, toks}) })
					Cores(blk.Text, ix.Lower, func(n NameSpan, toks []string) { want = append(want, core{n, toks}) })
					if !reflect.DeepEqual(got, want) {
						t.Errorf("article %d block %d: index gives %+v, Cores %+v", a, b, got, want)
					}
				}
			}
		}()
	}
	wg.Wait()
}

// TestIndexNamesKnown checks that the names an index gives for a block
// with a known set are those NamesKnown finds in the block's text: known
// words that open a sentence keep their name, a dateline stays none, and
// the others are as Names has them.
func TestIndexNamesKnown(t *testing.T) {
	texts := []string{
		"Schlafly then discussed it. Will Smith spoke. Strong said so. He went home with President Obama.",
		"HOUSTON — The mayor spoke. Brown Sugar Inc. denied it. Also Strong and Weak Pratt met. The Strong Man won.",
		"BROWN\n\nInternationally Mr. Brown is known. Strong. STRONG Brown's aide, Jr. Strong.",
		"strong brown weak will then shared also internationally",
	}
	var cs corpus.Story
	for i, s := range texts {
		a := corpus.Article{Path: string(rune('a'+i)) + ".txt"}
		for _, p := range []string{s[:len(s)/2], s[len(s)/2:], s} {
			a.Paras = append(a.Paras, corpus.Para{Text: p})
		}
		cs.Articles = append(cs.Articles, a)
	}
	st := story.Build(&cs, story.DefaultOptions())
	ix := NewIndex(st)
	changed := 0
	for _, known := range []map[string]bool{nil, {}, Set("schlafly", "strong", "brown", "he", "internationally", "also"), Set("will", "then", "weak")} {
		for a, art := range st.Articles {
			for b, blk := range art.Blocks {
				got, want := ix.NamesKnown(a, b, known), NamesKnown(blk.Text, ix.Lower, known)
				if !reflect.DeepEqual(got, want) {
					t.Errorf("known %v, article %d block %d %q: index gives %+v, NamesKnown %+v", known, a, b, blk.Text, got, want)
				}
				if !reflect.DeepEqual(want, Names(blk.Text, ix.Lower)) {
					changed++
				}
			}
		}
	}
	if changed == 0 {
		t.Error("no known set changed a block's names: the test tests nothing")
	}
}

// TestIndexTitleCase checks that the index says of each name what
// TitleCase says of its text, on headlines in title case, possessives and
// names with titles, and on a generated story.
func TestIndexTitleCase(t *testing.T) {
	cs := benchdata.Generate(benchdata.Config{Bytes: 40 << 10, Articles: 2, Seed: benchdata.Seed}).Corpus
	for i, s := range []string{
		"Trump Calls On Obama To Resign. Auctioning Off Gun Used To Kill Martin's Father.",
		"President Of The Senate Is Here. The Man With The Plan's Is At Work; Mr. Smith For Mayor’s.",
		"Sen. John Smith Jr. Of Ohio And Friends At Home. Lavrov’s Aide Says Talks Went Well.",
		"They met With Lavrov in Moscow, and At Kim’s home later.",
	} {
		cs.Articles[i%2].Paras = append(cs.Articles[i%2].Paras, corpus.Para{Text: s})
	}
	st := story.Build(cs, story.DefaultOptions())
	ix := NewIndex(st)
	titled, names := 0, 0
	for a, art := range st.Articles {
		for b, blk := range art.Blocks {
			ix.CoresTitleCase(a, b, func(n NameSpan, toks []string, tc bool) {
				names++
				if tc {
					titled++
				}
				if want := TitleCase(n.Text); tc != want {
					t.Errorf("%q in %q: title case %v, want %v", n.Text, blk.Text, tc, want)
				}
			})
		}
	}
	if titled < 3 || names < 100 {
		t.Fatalf("%d names, %d in title case: the test compares little", names, titled)
	}
}

// blanked returns text with the bytes [i, j) made spaces and, when dot,
// the last of them a full stop, as the quote check masks a quotation; it
// keeps the length of text (a rune cut in two leaves bytes that are no
// UTF-8, which the words read as other characters).
func blanked(text string, i, j int, dot bool) string {
	b := []byte(text)
	for k := max(0, i); k < j && k < len(b); k++ {
		b[k] = ' '
	}
	if dot && j > i && j <= len(b) && j > 0 {
		b[j-1] = '.'
	}
	return string(b)
}

// indexOf returns the index of a story of one article whose paragraphs
// are paras.
func indexOf(paras ...string) *Index {
	a := corpus.Article{Path: "a.txt"}
	for _, p := range paras {
		a.Paras = append(a.Paras, corpus.Para{Text: p})
	}
	return NewIndex(story.Build(&corpus.Story{Articles: []corpus.Article{a}}, story.DefaultOptions()))
}

// TestIndexNamesKnownIn checks that the names of a block with parts
// blanked out are those NamesKnown finds in the blanked text: a name that
// spans the blank, a name a blank cuts or ends, one whose sentence a full
// stop now opens, blanks at either end, and the names far from a blank
// the index had found.
func TestIndexNamesKnownIn(t *testing.T) {
	paras := []string{
		`Senator "Bob" Smith said the plan of Mayor Jane Doe would fail, and the aide of Choe "will" stay.`,
		`"We will win," said Foreign Minister Choe Son Hui on Friday. "It is sure," she added, and then Schlafly left.`,
		`The envoy of "the United" States met Sergei Lavrov and the mayor "of Boston" van Dyke in Moscow today.`,
		`Strong words came from the mayor. "Brown is out," he said; then Strong spoke with Will and the aide.`,
		`“Our Russian comrades” met the delegation of Kim Jong Un’s aides, said Choe, and Lavrov ‘agreed’ with them today.`,
	}
	ix := indexOf(paras...)
	st := ix.st
	cut, tested := 0, 0
	for b, blk := range st.Articles[0].Blocks {
		text := blk.Text
		for _, known := range []map[string]bool{nil, Set("schlafly", "strong", "brown")} {
			for i := 0; i < len(text); i += 3 {
				for _, n := range []int{1, 4, 9, 17} {
					for _, dot := range []bool{false, true} {
						m := blanked(text, i, i+n, dot)
						got, want := ix.NamesKnownIn(0, b, m, known), NamesKnown(m, ix.Lower, known)
						tested++
						if !reflect.DeepEqual(got, want) {
							t.Fatalf("known %v, %q: index gives %+v, NamesKnown %+v", known, m, got, want)
						}
						if !reflect.DeepEqual(want, ix.NamesKnown(0, b, known)) {
							cut++
						}
					}
				}
			}
			// two blanks far apart, and the text unchanged
			m := blanked(blanked(text, 2, 6, false), len(text)-12, len(text)-3, true)
			if got, want := ix.NamesKnownIn(0, b, m, known), NamesKnown(m, ix.Lower, known); !reflect.DeepEqual(got, want) {
				t.Errorf("known %v, %q: index gives %+v, NamesKnown %+v", known, m, got, want)
			}
			if got, want := ix.NamesKnownIn(0, b, text, known), NamesKnown(text, ix.Lower, known); !reflect.DeepEqual(got, want) {
				t.Errorf("known %v, %q unchanged: index gives %+v, NamesKnown %+v", known, text, got, want)
			}
		}
	}
	if cut < tested/4 {
		t.Fatalf("%d of %d blanks changed the names: the test compares little", cut, tested)
	}
}

// FuzzNamesKnownIn checks NamesKnownIn against NamesKnown of the blanked
// text on any text and blank.
func FuzzNamesKnownIn(f *testing.F) {
	f.Add(`Senator "Bob" Smith met the mayor of Boston van Dyke.`, 8, 5, true)
	f.Add(`"We will win," said Foreign Minister Choe Son Hui. Then Schlafly left.`, 0, 14, true)
	f.Add("Mr. Brown\u00a0Smith said “no” to U.S. officials, and Kim Jong Un’s aide agreed.", 10, 2, false)
	f.Fuzz(func(t *testing.T, text string, i, n int, dot bool) {
		if len(text) > 2000 || n < 0 || n > len(text) || i < 0 || i > len(text) {
			return
		}
		ix := indexOf(text)
		for b, blk := range ix.st.Articles[0].Blocks {
			m := blanked(blk.Text, i, i+n, dot)
			for _, known := range []map[string]bool{nil, Set("schlafly", "strong")} {
				if got, want := ix.NamesKnownIn(0, b, m, known), NamesKnown(m, ix.Lower, known); !reflect.DeepEqual(got, want) {
					t.Fatalf("known %v, %q: index gives %+v, NamesKnown %+v", known, m, got, want)
				}
			}
		}
	})
}
