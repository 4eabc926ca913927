package export

import (
	"bytes"
	"flag"
	"fmt"
	"testing"

	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
	"github.com/synoptic-news/synoptic/internal/view"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// TestGolden compares the text and Markdown exports at fixed widths with
// the files in testdata/. Run `go test ./internal/export -run Golden
// -update` after an intended change, and read the diff before committing.
func TestGolden(t *testing.T) {
	stories := map[string]*story.Story{"seed": seedStory(t), "hostile": hostileStory()}
	cases := []struct {
		story, format string
		width         int
		only          view.Filter
	}{
		{"seed", "txt", 80, view.FilterAll},
		{"seed", "txt", 120, view.FilterAll},
		{"seed", "md", 80, view.FilterAll},
		{"seed", "md", 100, view.FilterChanged},
		{"seed", "txt", 100, view.FilterChanged},
		{"hostile", "txt", 80, view.FilterAll},
		{"hostile", "md", 80, view.FilterAll},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%s-%d", c.story, c.width)
		if c.only != view.FilterAll {
			name += "-" + c.only.String()
		}
		name += "." + c.format + ".golden"
		t.Run(name, func(t *testing.T) {
			opt := DefaultOptions()
			opt.Width, opt.Only = c.width, c.only
			var b bytes.Buffer
			if err := Render(&b, c.format, stories[c.story], opt); err != nil {
				t.Fatal(err)
			}
			checkNoControls(t, b.String())
			testkit.Golden(t, *update, name, b.String())
		})
	}
}
