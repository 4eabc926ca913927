package layout

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// TestTeaserFolded: the teaser of a loaded article ("…by our […]") is an
// event of its own, labelled "teaser", whose side shows its first words
// and says why the rest is folded; the story keeps its whole text.
func TestTeaserFolded(t *testing.T) {
	cs := &corpus.Story{Articles: []corpus.Article{
		{Outlet: "Harbour Herald", Paras: []corpus.Para{
			{Text: "Ferry company halves its winter crossings", Hint: corpus.HintTitle},
			{Text: "The Bay Ferry Company will run two crossings a day instead of four from December, its chief executive said on Monday."},
			{Text: "Islanders said they had not been consulted."},
		}},
		{Outlet: "Coastal Times", Paras: []corpus.Para{
			{Text: "Winter ferry timetable cut in half", Hint: corpus.HintTitle},
			{Text: "The Bay Ferry Company will run two crossings a day from December. Its chief executive, Ana Ruiz, said that fuel costs had “left us no other […]"},
			{Text: "The Bay Ferry Company will run two crossings a day from December."},
			{Text: "Its chief executive, Ana Ruiz, said that fuel costs had “left us no other choice” and that the timetable would be reviewed in spring."},
		}},
	}}
	st := story.Build(cs, story.DefaultOptions())
	if k := st.Articles[1].Blocks[1].Kind; k != segment.Teaser {
		t.Fatalf("the cut paragraph is a %s, want a teaser", k)
	}
	k := -1
	for i, e := range st.Events {
		for _, b := range e.Blocks[1] {
			if b == 1 {
				k = i
			}
		}
	}
	e := st.Events[k]
	if e.Kind != story.Boilerplate || len(e.Blocks[0]) > 0 || len(e.Blocks[1]) != 1 {
		t.Fatalf("the teaser's event is %s with blocks %v; want page furniture of its own", e.Kind, e.Blocks)
	}
	if got := view.Label(st, k, 0, 1); got != "teaser" {
		t.Errorf("label %q, want teaser", got)
	}
	var side strings.Builder
	for _, s := range Side(st, k, 1, 0, false) {
		side.WriteString(s.Text)
		if s.Role != Boilerplate {
			t.Errorf("span %q has role %d, want Boilerplate", s.Text, s.Role)
		}
	}
	want := "The Bay Ferry Company will run two crossings a day from December. … (folded: the paragraphs under it repeat it)"
	if side.String() != want {
		t.Errorf("side %q\nwant %q", side.String(), want)
	}
	if !strings.HasSuffix(st.Articles[1].Blocks[1].Text, "“left us no other […]") {
		t.Errorf("the story lost the teaser's text: %q", st.Articles[1].Blocks[1].Text)
	}
	// other furniture keeps its name
	for i, e := range st.Events {
		if e.Kind == story.Boilerplate && i != k {
			t.Errorf("event %d: unexpected furniture %v", i, e.Blocks)
		}
	}
}
