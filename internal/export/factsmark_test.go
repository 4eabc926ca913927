package export

import (
	"bytes"
	"html"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// An event whose outlets give different figures is marked "facts differ"
// in md, html and txt as on the reader's rule, with the values that
// differ under its heading: the summary's "facts: 1 event differs (8)"
// pointed at an event that said nothing of it. With the checks left out
// there is no mark.
func TestEventsMarkFactsThatDiffer(t *testing.T) {
	cs, err := corpus.Load([]string{"../../testdata/stories/kestrel-bridge"})
	if err != nil {
		t.Fatal(err)
	}
	st := story.Build(cs, story.DefaultOptions())
	c := Checks(st, Options{})
	if len(c.Summary.FactEvents) == 0 {
		t.Fatal("kestrel-bridge has no event whose facts differ; the test needs one")
	}
	k := c.Summary.FactEvents[0]
	const values = "32,000 (Harbour Herald) vs 23,000 (The Coastal Times)"
	for _, f := range []string{"md", "html", "txt"} {
		for _, noChecks := range []bool{false, true} {
			opt := DefaultOptions()
			opt.Width = 200
			opt.NoChecks = noChecks
			var b bytes.Buffer
			if err := Render(&b, f, st, opt); err != nil {
				t.Fatal(err)
			}
			out := b.String()
			if f == "html" {
				out = html.UnescapeString(out)
			}
			out = strings.ReplaceAll(out, `\,`, ",")
			var head string
			for _, ln := range strings.Split(out, "\n") {
				if strings.HasPrefix(ln, "### "+itoa(k+1)+" · ") || strings.HasPrefix(ln, "#"+itoa(k+1)+" ") || strings.Contains(ln, `href="#event-`+itoa(k+1)+`">`+itoa(k+1)+"<") {
					head = ln
				}
			}
			if head == "" {
				t.Fatalf("%s: no heading of event %d", f, k+1)
			}
			if noChecks {
				if strings.Contains(head, "facts differ") || strings.Contains(out, values) {
					t.Errorf("%s --checks=false: event %d marked %q", f, k+1, head)
				}
				continue
			}
			if !strings.Contains(head, "facts differ") {
				t.Errorf("%s: event %d heading %q lacks \"facts differ\"", f, k+1, head)
			}
			if !strings.Contains(out, values) {
				t.Errorf("%s: no %q", f, values)
			}
		}
	}
}
