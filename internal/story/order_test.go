package story

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
)

// TestOneSidedParagraphStaysByItsNeighbour: in a story of three articles,
// the County Lantern's “…,” she added.” continues the quotation before it
// and is in no other article. The Northern Gazette tells six paragraphs of
// its own after the same quotation; the Lantern's paragraph still comes
// right after the quotation's event in the Lantern–Gazette pair, after at
// most one of the Gazette's, not after all six.
func TestOneSidedParagraphStaysByItsNeighbour(t *testing.T) {
	cs, err := corpus.Load([]string{"../../testdata/stories/hollin-chalice"})
	if err != nil {
		t.Fatal(err)
	}
	st := Build(cs, DefaultOptions())
	const gazette, lantern = 1, 2
	evOf := func(a int, prefix string) int {
		t.Helper()
		for k, e := range st.Events {
			for _, i := range e.Blocks[a] {
				if strings.HasPrefix(st.Articles[a].Blocks[i].Text, prefix) {
					return k
				}
			}
		}
		t.Fatalf("no event holds %q of article %d", prefix, a)
		return -1
	}
	quote, added := evOf(lantern, "“Whoever did this"), evOf(lantern, "“We are treating this")
	if evOf(gazette, "“Whoever did this") != quote {
		t.Fatalf("the quotation is not one event of both articles")
	}
	if len(st.Events[added].Blocks[gazette]) > 0 || len(st.Events[added].Blocks[0]) > 0 {
		t.Fatalf("the added paragraph is shared: %v", st.Events[added].Blocks)
	}
	// the events between the quotation and the added paragraph that the
	// pair shows
	var between []int
	for k := quote + 1; k < added; k++ {
		if len(st.Events[k].Blocks[gazette])+len(st.Events[k].Blocks[lantern]) > 0 {
			between = append(between, k)
		}
	}
	if added < quote || len(between) > 1 {
		t.Errorf("the added paragraph is event %d, the quotation %d, with %d events of the pair between them; want it after at most one",
			added+1, quote+1, len(between))
	}
	// each article's paragraphs still read in its own order
	for a := range st.Articles {
		last := -1
		for k, e := range st.Events {
			for _, i := range e.Blocks[a] {
				if st.Articles[a].Blocks[i].Kind.IsBody() && i < last {
					t.Errorf("article %d: block %d in event %d comes after block %d", a, i, k+1, last)
				}
				if st.Articles[a].Blocks[i].Kind.IsBody() {
					last = i
				}
			}
		}
	}
}
