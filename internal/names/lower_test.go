package names

import (
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
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
	}
	var cs corpus.Story
	for i, s := range texts {
		cs.Articles = append(cs.Articles, corpus.Article{Path: string(rune('a'+i)) + ".txt", Paras: []corpus.Para{{Text: s}}})
	}
	st := story.Build(&cs, story.DefaultOptions())
	got := slices.Sorted(maps.Keys(LowerWords(st)))
	want := strings.Fields("a after break cautious comment declined met ministry ministry's on resumed said spokesman talks that the to were writers officials in")
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("LowerWords = %q\nwant %q", got, want)
	}
}
