package names

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestLowerWords checks that the words of every article written in lower
// case are found, folded, and no capitalised one, however many articles
// are read side by side.
func TestLowerWords(t *testing.T) {
	texts := []string{
		"The ministry said on Friday that Choe met Lavrov.",
		"However, the ministry’s spokesman declined to comment on the talks.",
		"Talks resumed in Zürich after a break; officials were cautious.",
		"Résumé writers in Moscow met the MINISTER.",
		// a word of combining marks alone, which folds to nothing
		"Officials were \u0301\u0301 cautious.",
	}
	var cs corpus.Story
	for i, s := range texts {
		cs.Articles = append(cs.Articles, corpus.Article{Path: string(rune('a'+i)) + ".txt", Paras: []corpus.Para{{Text: s}}})
	}
	st := story.Build(&cs, story.DefaultOptions())
	got := slices.Sorted(maps.Keys(LowerWords(st)))
	want := append(strings.Fields("a after break cautious comment declined met ministry ministry's on resumed said spokesman talks that the to were writers officials in"), "")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("LowerWords = %q\nwant %q", got, want)
	}
}

// TestLowerWordsAsWordsSplitsThem checks LowerWords, which reads each
// word once through a table of the words last seen, against the set made
// from Words on a generated story of many distinct sentences.
func TestLowerWordsAsWordsSplitsThem(t *testing.T) {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.KB100, Articles: 3, Seed: benchdata.Seed}).Corpus
	st := story.Build(cs, story.DefaultOptions())
	want := map[string]bool{}
	for _, art := range st.Articles {
		for _, b := range art.Blocks {
			if b.Kind == segment.Boilerplate || b.Kind == segment.Meta {
				continue
			}
			for _, w := range Words(b.Text) {
				if !Capitalised(w.Text) {
					want[Fold(w.Text)] = true
				}
			}
		}
	}
	got := LowerWords(st)
	if len(want) < 500 {
		t.Fatalf("the generated story writes %d words in lower case, want many", len(want))
	}
	if !maps.Equal(got, want) {
		for w := range want {
			if !got[w] {
				t.Errorf("LowerWords misses %q", w)
			}
		}
		for w := range got {
			if !want[w] {
				t.Errorf("LowerWords has %q, which Words gives in no lower case", w)
			}
		}
	}
}
