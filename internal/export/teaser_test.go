package export

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/story"
)

// TestTeaserFolded: the example story's teaser ("…by our […]"), which the
// paragraphs under it repeat, is folded in every export but JSON: HTML
// keeps its text inside a fold that opens, Markdown and text show its first
// words; JSON keeps it whole.
func TestTeaserFolded(t *testing.T) {
	st := seedStory(t)
	const tail = "“always stand firmly by our […]"
	write := func(f func(io.Writer, *story.Story, Options) error) string {
		var b bytes.Buffer
		opt := DefaultOptions()
		opt.Width = 120
		if err := f(&b, st, opt); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	html := write(HTML)
	i := strings.Index(html, `<details class="furniture">
<summary><h2 class="ev-head"><a class="num" href="#event-4">4</a><span class="chip furniture">teaser</span>`)
	if i < 0 {
		t.Fatal("HTML: event 4 is not a fold labelled teaser")
	}
	end := strings.Index(html[i:], "</details>")
	if end < 0 || !strings.Contains(html[i:i+end], tail) || strings.Count(html, tail) != 1 {
		t.Errorf("HTML: the teaser's text is not once, inside its fold")
	}
	for name, out := range map[string]string{"md": write(Markdown), "txt": write(Text)} {
		out = strings.Join(strings.Fields(strings.ReplaceAll(out, "\n> ", " ")), " ") // unwrapped
		if strings.Contains(out, tail) {
			t.Errorf("%s: the teaser is shown whole", name)
		}
		if !strings.Contains(out, "(folded: the paragraphs under it repeat it)") || !strings.Contains(out, "teaser") {
			t.Errorf("%s: no folded teaser", name)
		}
	}
	var js bytes.Buffer
	if err := JSON(&js, st); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Articles []struct {
			Blocks []struct{ Kind, Text string }
		}
	}
	if err := json.Unmarshal(js.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	teasers := 0
	for _, a := range doc.Articles {
		for _, b := range a.Blocks {
			if b.Kind == "teaser" && strings.HasSuffix(b.Text, tail) {
				teasers++
			}
		}
	}
	if teasers != 1 {
		t.Errorf("JSON: %d whole teasers, want 1", teasers)
	}
}
