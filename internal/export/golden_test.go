package export

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/story"
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
			checkGolden(t, name, b.String())
		})
	}
}

// checkGolden compares got with testdata/name, or writes it there with
// -update.
func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update after an intended change):\n%s", name, firstDiff(string(want), got))
	}
}

// firstDiff shows the first line where two texts differ, with its number.
func firstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\n got: %s", i+1, w, g)
		}
	}
	return "(same lines, different bytes)"
}
