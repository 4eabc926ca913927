package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/story"
)

// The one-line account at the top of txt and ansi names every event it
// counts: its parts add up to its total, as in the Markdown contents line.
func TestSummaryPartsAddUp(t *testing.T) {
	st := seedStory(t)
	c := Count(st, 0, 1)
	if c.Boilerplate == 0 {
		t.Fatal("the seed story has no page furniture to count")
	}
	got := Summary(st, 0, 1)
	if c.Shared+c.OnlyLeft+c.OnlyRight+c.Boilerplate != c.Events {
		t.Fatalf("counts do not add up: %+v", c)
	}
	want := fmt.Sprintf("%d page furniture", c.Boilerplate)
	if !strings.Contains(got, want) {
		t.Errorf("summary %q counts %d events but leaves out the %d of page furniture", got, c.Events, c.Boilerplate)
	}
}

// The text export keeps to --width from its first line: the account of the
// story names two outlets and five counts, more than a narrow page holds.
func TestTextKeepsToItsWidth(t *testing.T) {
	t.Run("seed", func(t *testing.T) { textKeepsToWidth(t, seedStory(t)) })
	t.Run("hostile", func(t *testing.T) { textKeepsToWidth(t, hostileStory()) })
	// an edited event's rule names its edits too
	t.Run("edited", func(t *testing.T) {
		st, _, _, _ := edited(t, "check the figures against the ministry's statement")
		textKeepsToWidth(t, st)
	})
}

func textKeepsToWidth(t *testing.T, st *story.Story) {
	for _, w := range []int{20, 23, 40, 80, 120} {
		opt := DefaultOptions()
		opt.Width = w
		var b strings.Builder
		if err := Text(&b, st, opt); err != nil {
			t.Fatal(err)
		}
		for i, ln := range strings.Split(b.String(), "\n") {
			if got := ansi.StringWidth(ln); got > w {
				t.Errorf("width %d: line %d is %d wide: %q", w, i+1, got, ln)
			}
		}
		// every character of it, wherever the wrap broke its lines (a name
		// longer than the page is cut inside a word)
		squeeze := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if !strings.Contains(squeeze(b.String()), squeeze(Summary(st, 0, 1))) {
			t.Errorf("width %d: the account of the story is not all there", w)
		}
	}
}
