package export

import (
	"bytes"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestTextFitsWidth: --width is the width of the whole text export, its
// opening line included, so that it reads in a terminal or an email of
// that width without lines running over.
func TestTextFitsWidth(t *testing.T) {
	for name, st := range map[string]*story.Story{"seed": seedStory(t), "hostile": hostileStory()} {
		for _, w := range []int{20, 40, 80, 120} {
			opt := DefaultOptions()
			opt.Width = w
			var b bytes.Buffer
			if err := Text(&b, st, opt); err != nil {
				t.Fatal(err)
			}
			for i, ln := range strings.Split(b.String(), "\n") {
				if n := ansi.StringWidth(ln); n > w {
					t.Errorf("%s at width %d: line %d is %d wide: %q", name, w, i+1, n, ln)
				}
			}
		}
	}
}
