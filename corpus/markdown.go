package corpus

import (
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML header of a Markdown article.
type frontMatter struct {
	Title   string `yaml:"title"`
	Outlet  string `yaml:"outlet"`
	Source  string `yaml:"source"`
	Site    string `yaml:"site_name"`
	Date    string `yaml:"date"`
	URL     string `yaml:"url"`
	Byline  string `yaml:"byline"`
	Author  string `yaml:"author"`
	Section string `yaml:"section"`
}

// parseMarkdown reads a Markdown article with optional YAML front matter.
// Headings become heading paragraphs (without their # marks); the front matter
// is kept as one meta paragraph.
func parseMarkdown(s string) (Article, error) {
	var a Article
	var meta string
	if strings.HasPrefix(s, "---\n") {
		end := strings.Index(s[4:], "\n---")
		if end < 0 {
			return a, fmt.Errorf("front matter starts with --- but never ends")
		}
		meta = s[4 : 4+end]
		rest := s[4+end+4:]
		if i := strings.IndexByte(rest, '\n'); i >= 0 {
			rest = rest[i+1:]
		} else {
			rest = ""
		}
		var fm frontMatter
		if err := yaml.Unmarshal([]byte(meta), &fm); err != nil {
			return a, fmt.Errorf("front matter is not valid YAML: %v", firstLine(err.Error()))
		}
		a.Title, a.Date, a.URL, a.Section = fm.Title, fm.Date, fm.URL, fm.Section
		a.Outlet = firstNonEmpty(fm.Outlet, fm.Source, fm.Site)
		a.Byline = firstNonEmpty(fm.Byline, fm.Author)
		s = rest
	}
	body := parseText(s)
	for i := range body.Paras {
		p := &body.Paras[i]
		if strings.HasPrefix(p.Text, "#") {
			t := strings.TrimLeft(p.Text, "#")
			if t != p.Text && (t == "" || t[0] == ' ') {
				p.Text = strings.TrimSpace(t)
				p.Hint = HintHeading
			}
		}
	}
	if meta != "" {
		a.Paras = append([]Para{{Text: strings.TrimSpace(meta), Hint: HintMeta}}, body.Paras...)
	} else {
		a.Paras = body.Paras
	}
	if a.Date == "" {
		a.Date = body.Date
	}
	if a.Section == "" {
		a.Section = body.Section
	}
	if a.Title != "" {
		for i := range a.Paras {
			if a.Paras[i].Hint == HintNone && strings.EqualFold(strings.TrimSpace(a.Paras[i].Text), strings.TrimSpace(a.Title)) {
				a.Paras[i].Hint = HintTitle
				break
			}
		}
	}
	return a, nil
}

func firstNonEmpty(ss ...string) string {
	for _, s := range ss {
		if s = strings.TrimSpace(s); s != "" {
			return s
		}
	}
	return ""
}

func firstLine(s string) string {
	if i := strings.IndexByte(s, '\n'); i >= 0 {
		return s[:i]
	}
	return s
}
