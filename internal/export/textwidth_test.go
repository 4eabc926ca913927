package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/view"
)

// TestTextSaysFilter: a text export under --only says so, as HTML and
// Markdown do, and says when nothing is left rather than end at the header.
func TestTextSaysFilter(t *testing.T) {
	st := seedStory(t)
	for _, c := range []struct {
		only view.Filter
		want string
	}{
		{view.FilterChanged, "Showing the 5 shared events whose wording differs, of 25."},
		{view.FilterSingle, "Showing the 12 events only one side tells, of 25."},
	} {
		opt := DefaultOptions()
		opt.Only = c.only
		var b bytes.Buffer
		if err := Text(&b, st, opt); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), c.want) {
			t.Errorf("--only %s: the text lacks %q", c.only, c.want)
		}
	}
	var b bytes.Buffer
	if err := Text(&b, st, DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), "Showing the") {
		t.Error("with every event shown the text still names a filter")
	}
	same := buildStory("same",
		art{outlet: "A", paras: []string{"The bridge will close on Monday for repairs to its deck."}},
		art{outlet: "B", paras: []string{"The bridge will close on Monday for repairs to its deck."}})
	opt := DefaultOptions()
	opt.Only = view.FilterChanged
	b.Reset()
	if err := Text(&b, same, opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "No events to show.") {
		t.Errorf("no changed event, and the text does not say so:\n%s", b.String())
	}
}

func TestFilterNoteCountsOne(t *testing.T) {
	if got, want := FilterNote(view.FilterChanged, 1, 6), "Showing the 1 shared event whose wording differs, of 6."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got, want := FilterNote(view.FilterSingle, 1, 6), "Showing the 1 event only one side tells, of 6."; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := FilterNote(view.FilterAll, 3, 6); got != "" {
		t.Errorf("all: got %q", got)
	}
}

// TestTextWrapKeepsLongNames: an outlet name wider than the text is cut
// across lines, and every character of it is still there, in order.
func TestTextWrapKeepsLongNames(t *testing.T) {
	long := strings.Repeat("Harbourheraldnews", 5)
	st := buildStory("long",
		art{outlet: long, paras: []string{"The bridge will close on Monday for repairs to its deck."}},
		art{outlet: "B", paras: []string{"The bridge will shut on Monday for repairs to its deck."}})
	for _, w := range []int{20, 40, 80} {
		opt := DefaultOptions()
		opt.Width = w
		var b bytes.Buffer
		if err := Text(&b, st, opt); err != nil {
			t.Fatal(err)
		}
		first := strings.SplitN(b.String(), "\n=", 2)[0]
		// the cut lines joined again, their indent dropped: no character
		// lost or added inside the name
		got := strings.ReplaceAll(strings.ReplaceAll(first, "\n  ", ""), "\n", "")
		if !strings.Contains(got, long) {
			t.Errorf("width %d: the opening lines lose part of the name:\n%s", w, first)
		}
	}
}
