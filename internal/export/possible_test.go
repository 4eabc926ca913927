package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/view"

	"github.com/synoptic-news/synoptic/internal/layout"
	"golang.org/x/net/html"
)

// TestPossibleMatchLine: every text format shows a one-sided event's
// possible matches as the reader does; HTML and Markdown link each to its
// event when the export shows that event, and give it as text when the
// filter leaves the event out.
func TestPossibleMatchLine(t *testing.T) {
	st := seedStory(t)
	opt := DefaultOptions()
	hinted := map[int][]layout.Hint{}
	for k := range st.Events {
		if hs := layout.Hints(st, k, 0, 1); len(hs) > 0 {
			hinted[k] = hs
		}
	}
	if len(hinted) == 0 {
		t.Fatal("the seed story offers no possible match: the test shows nothing")
	}
	for _, f := range []string{"txt", "md", "html"} {
		out := render(t, f, st, opt)
		for k, hs := range hinted {
			for _, h := range hs {
				var want string
				switch f {
				case "txt":
					want = h.Text
				case "md":
					want = fmt.Sprintf("[%s](#event-%d)", mdLine(h.Text), h.Event+1)
				case "html":
					want = fmt.Sprintf(`<a href="#event-%d">%s</a>`, h.Event+1, html.EscapeString(h.Text))
				}
				if !strings.Contains(out, want) {
					t.Errorf("%s: event %d lacks %q", f, k+1, want)
				}
			}
		}
	}

	// Under a filter that hides a match's event, the line stays, unlinked.
	opt.Only = view.FilterSingle
	hidden := 0
	md, page := render(t, "md", st, opt), render(t, "html", st, opt)
	doc := parseHTML(t, page)
	for k, hs := range hinted {
		for _, h := range hs {
			if Keep(st, h.Event, 0, 1, view.FilterSingle) {
				continue
			}
			hidden++
			if strings.Contains(md, fmt.Sprintf("(#event-%d)", h.Event+1)) || strings.Contains(page, fmt.Sprintf(`href="#event-%d"`, h.Event+1)) {
				t.Errorf("event %d: a link to event %d, which the export leaves out", k+1, h.Event+1)
			}
			sec := findAll(doc, func(n *html.Node) bool { return n.Data == "section" && attr(n, "id") == fmt.Sprintf("event-%d", k+1) })
			if len(sec) != 1 || !strings.Contains(textOf(sec[0], nil), h.Text) {
				t.Errorf("html, only single: event %d lacks %q", k+1, h.Text)
			}
			if !strings.Contains(md, "\n"+mdLine(h.Text)+"\n") {
				t.Errorf("md, only single: event %d lacks %q", k+1, h.Text)
			}
		}
	}
	if hidden == 0 {
		t.Log("no possible match of the seed story points to a shared event; the unlinked case is not shown")
	}
}
