package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/view"
)

// The text export marks an event "moved" when either article shown tells
// it out of the story's order, as Markdown, HTML and the reader do
// (view.MovedIn): with the articles swapped the mover is on the left.
func TestTextMarksMovedInEitherArticle(t *testing.T) {
	paras := []string{
		"The harbour board approved the new ferry timetable on Monday after a long public hearing.",
		"Fishermen said the early sailings would leave them no time to land their catch before the market opens.",
		"The board's chair, Ilse Varden, promised a review of the timetable after six months of service.",
		"Ticket prices will rise by eight percent in April, the first increase in four years.",
		"A second ferry is due to enter service in the autumn once its sea trials are finished.",
	}
	moved := []string{paras[0], paras[3], paras[1], paras[2], paras[4]}
	st := buildStory("ferry", art{outlet: "Harbour Post", paras: paras}, art{outlet: "Island Times", paras: moved})
	opt := DefaultOptions()
	opt.NoChecks = true
	opt.Left, opt.Right = 1, 0
	var b strings.Builder
	if err := Text(&b, st, opt); err != nil {
		t.Fatal(err)
	}
	leftMoved := 0
	for k, e := range st.Events {
		want := view.MovedIn(st, k, 1, 0) != ""
		if want && e.Moved[1] && !e.Moved[0] {
			leftMoved++
		}
		for _, ln := range strings.Split(b.String(), "\n") {
			if !strings.HasPrefix(ln, fmt.Sprintf("#%d ", k+1)) {
				continue
			}
			if got := strings.Contains(ln, " moved "); got != want {
				t.Errorf("event %d: label %q, moved %v, want %v", k+1, ln, got, want)
			}
		}
	}
	if leftMoved == 0 {
		t.Fatalf("no event is moved by the left article alone; the test story checks nothing:\n%s", b.String())
	}
}
