package export

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// seedStory is the embedded default story, aligned.
func seedStory(t testing.TB) *story.Story {
	t.Helper()
	return story.Build(corpus.Default(), story.DefaultOptions())
}

// art is an article for a test story: metadata and paragraphs.
type art struct {
	outlet, title, date, byline, url string
	paras                            []string
}

// buildStory aligns articles written for a test.
func buildStory(name string, arts ...art) *story.Story {
	cs := &corpus.Story{Name: name}
	for i, a := range arts {
		ca := corpus.Article{Path: "test" + string(rune('a'+i)) + ".txt", Outlet: a.outlet, Title: a.title, Date: a.date, Byline: a.byline, URL: a.url}
		for _, p := range a.paras {
			ca.Paras = append(ca.Paras, corpus.Para{Text: p})
		}
		cs.Articles = append(cs.Articles, ca)
	}
	return story.Build(cs, story.DefaultOptions())
}

// The payloads an article may carry to attack an export.
const (
	xssScript = `<script>alert("owned")</script>`
	xssImg    = `<img src=x onerror=alert(1)>`
	xssLink   = `[click me](javascript:alert(1))`
	xssAuto   = `<javascript:alert(2)>`
	xssEscape = "\x1b]0;pwned\x07\x1b[2J\x1b]52;c;ZXZpbA==\x07\u202egnp.exe\u0085"
)

// hostileStory is a story of two articles whose text, outlets and
// metadata carry HTML, Markdown and terminal escape payloads, with one
// shared event in which the payloads sit in changed words.
func hostileStory() *story.Story {
	return buildStory(`name "><script>alert(0)</script>`,
		art{
			outlet: `Daily <b onmouseover=alert(3)>Bugle</b>`,
			title:  "Mayor opens the bridge " + xssScript,
			date:   "2025-03-04",
			byline: `Ann "><svg onload=alert(4)>`,
			url:    "javascript:alert(5)",
			paras: []string{
				"The mayor opened the new river bridge on Tuesday, calling it " + xssScript + " a triumph for the town and its 4,000 commuters.",
				"Critics said the bridge cost twice its budget " + xssImg + " and opened a year late.",
				"# Not a heading * not a list | not | a table ~~not struck~~ **not bold** `not code` " + xssLink + " " + xssAuto + " https://example.com/x www.example.org @someone #12 $5 and $6 &amp; &#60;",
				"Terminal trouble: " + xssEscape + " end.",
			},
		},
		art{
			outlet: "River Times",
			title:  "New bridge opens after delays",
			date:   "2025-03-04",
			url:    "https://rivertimes.example/bridge?a=1&b=2",
			paras: []string{
				"The mayor opened the new river bridge on Tuesday, calling it " + xssImg + " a victory for the town and its 4,000 commuters.",
				"- 1. A line that looks like a list " + xssScript,
				"The bridge, which cost twice its budget, opened a year late, critics said.",
			},
		},
	)
}

// collapse joins runs of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }

// The whole-story summary and a two-article story's own counts give one
// number of page furniture: metadata (front matter, bylines) is neither.
func TestSummaryFurnitureIsTheViewsFurniture(t *testing.T) {
	for _, st := range []*story.Story{seedStory(t), testkit.Story(t, "ferry-two-outlets")} {
		s := insight.Summarize(st, nil, nil)
		if got, want := s.Boilerplate, Count(st, 0, 1).Boilerplate; got != want {
			t.Errorf("%s: the summary counts %d events of page furniture, the view %d", st.Name, got, want)
		}
	}
}
