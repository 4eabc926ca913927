package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"sync"

	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML header of a Markdown article. Values are decoded
// as YAML nodes so that a date, a number or a list gives its text as written
// or a clear error, instead of failing inside the YAML decoder.
type frontMatter map[string]yaml.Node

// parseMarkdown reads a Markdown article with optional YAML front matter.
// Headings become heading paragraphs (without their # marks); the front matter
// is kept as one meta paragraph so that no text is lost.
func parseMarkdown(s string) (Article, error) {
	var a Article
	meta, rest, ok := splitFrontMatter(s)
	if !ok && strings.HasPrefix(s, "---\n") && looksYAML(s[4:]) {
		return a, fmt.Errorf("front matter starts with --- but has no closing --- line")
	}
	if ok {
		fm, err := readFrontMatter(meta)
		if err != nil {
			return a, err
		}
		get := func(keys ...string) (string, error) {
			for _, k := range keys {
				n, ok := fm[k]
				if !ok {
					continue
				}
				v, err := scalar(k, n)
				if err != nil || v != "" {
					return v, err
				}
			}
			return "", nil
		}
		fields := []struct {
			dst  *string
			keys []string
		}{
			{&a.Title, []string{"title", "headline"}},
			{&a.Outlet, []string{"outlet", "source", "site_name", "publisher"}},
			{&a.Date, []string{"date", "published"}},
			{&a.URL, []string{"url", "link"}},
			{&a.Byline, []string{"byline", "author", "authors"}},
			{&a.Section, []string{"section", "category"}},
		}
		for _, f := range fields {
			v, err := get(f.keys...)
			if err != nil {
				return a, fmt.Errorf("front matter: %w", err)
			}
			*f.dst = v
		}
		a.Date = isoDay(a.Date)
		s = rest
	}
	body := parseText(s)
	for i := range body.Paras {
		p := &body.Paras[i]
		if imageLineRE().MatchString(p.Text) {
			p.Hint = HintCaption // the photo: its alt text is the caption
			continue
		}
		if strings.HasPrefix(p.Text, "#") {
			t := strings.TrimLeft(p.Text, "#")
			if len(p.Text)-len(t) <= 6 && (t == "" || t[0] == ' ' || t[0] == '\t') && strings.TrimSpace(t) != "" {
				p.Text = strings.TrimSpace(t)
				p.Hint = HintHeading
			}
		}
	}
	if strings.TrimSpace(meta) != "" {
		// a copy: the file's text may be garbage once the body is read
		// (see pack)
		a.Paras = append([]Para{{Text: strings.Clone(strings.TrimSpace(meta)), Hint: HintMeta}}, body.Paras...)
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
		markTitle(&a)
	} else {
		// A Markdown article usually opens with its headline as "# …".
		for i := range a.Paras {
			p := &a.Paras[i]
			if p.Hint == HintMeta {
				continue
			}
			if p.Hint == HintHeading {
				p.Hint = HintTitle
				a.Title = p.Text
			}
			break
		}
	}
	return a, nil
}

// markTitle gives the title hint to the paragraph that repeats the title
// from the metadata, or adds the title as the headline after the metadata
// when the body does not repeat it.
func markTitle(a *Article) {
	at := 0
	for i := range a.Paras {
		p := &a.Paras[i]
		if p.Hint == HintMeta {
			at = i + 1
			continue
		}
		if (p.Hint == HintNone || p.Hint == HintHeading) && strings.EqualFold(strings.TrimSpace(p.Text), strings.TrimSpace(a.Title)) {
			p.Hint = HintTitle
			return
		}
	}
	a.Paras = append(a.Paras[:at:at], append([]Para{{Text: a.Title, Hint: HintTitle}}, a.Paras[at:]...)...)
}

func readFrontMatter(meta string) (frontMatter, error) {
	fm := frontMatter{}
	var doc yaml.Node
	if err := yaml.Unmarshal([]byte(meta), &doc); err != nil {
		return nil, fmt.Errorf("front matter is not valid YAML: %v", firstLine(err.Error()))
	}
	if len(doc.Content) == 0 {
		return fm, nil // an empty front matter
	}
	m := doc.Content[0]
	if m.Kind != yaml.MappingNode {
		return nil, fmt.Errorf("front matter must be \"key: value\" lines (title, outlet, date, url, byline)")
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		k := strings.ToLower(m.Content[i].Value)
		if _, seen := fm[k]; !seen {
			fm[k] = *m.Content[i+1]
		}
	}
	return fm, nil
}

// splitFrontMatter splits a leading YAML block fenced by "---" lines from
// the body. The closing fence is a line holding only "---" or "...".
func splitFrontMatter(s string) (meta, rest string, ok bool) {
	if !strings.HasPrefix(s, "---\n") {
		return "", s, false
	}
	pos := 4
	for pos <= len(s) {
		end := strings.IndexByte(s[pos:], '\n')
		line := s[pos:]
		next := len(s)
		if end >= 0 {
			line = s[pos : pos+end]
			next = pos + end + 1
		}
		if t := strings.TrimRight(line, " \t"); t == "---" || t == "..." {
			return s[4:pos], s[next:], true
		}
		if end < 0 {
			break
		}
		pos = next
	}
	return "", s, false
}

// looksYAML says whether the first line after an opening fence reads as a
// YAML key, which tells an unclosed front matter from a text that merely
// starts with a horizontal rule.
func looksYAML(s string) bool {
	line := firstLine(s)
	i := strings.IndexByte(line, ':')
	return i > 0 && !strings.ContainsAny(line[:i], " \t")
}

// scalar returns the text of a YAML value that should be a string: a
// string, a date or a number as written, or a list of strings joined by
// commas (several authors).
func scalar(key string, n yaml.Node) (string, error) {
	switch n.Kind {
	case yaml.ScalarNode:
		if n.Tag == "!!null" {
			return "", nil
		}
		return strings.TrimSpace(n.Value), nil
	case yaml.SequenceNode:
		var parts []string
		for _, c := range n.Content {
			if c.Kind != yaml.ScalarNode {
				return "", fmt.Errorf("field %q must be text or a list of text, not a nested list or map", key)
			}
			parts = append(parts, strings.TrimSpace(c.Value))
		}
		return strings.Join(parts, ", "), nil
	case yaml.MappingNode:
		// {name: …} as some tools write authors and publishers
		for i := 0; i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == "name" && n.Content[i+1].Kind == yaml.ScalarNode {
				return strings.TrimSpace(n.Content[i+1].Value), nil
			}
		}
		return "", fmt.Errorf("field %q must be text, not a map", key)
	}
	return "", fmt.Errorf("field %q must be text", key)
}

// isoDay shortens an ISO 8601 timestamp, or a date written out in English
// ("Fri, 01 Nov 2024 09:00:00 GMT", "November 2, 2024"), to its day
// (YYYY-MM-DD); other dates, such as an ambiguous 02/11/2024, stay as
// written.
func isoDay(d string) string {
	d = strings.TrimSpace(d)
	if len(d) > 10 && d[4] == '-' && d[7] == '-' && (d[10] == 'T' || d[10] == ' ') {
		return d[:10]
	}
	if day, ok := datelineOf(d); ok {
		return day // written out: "Fri, 01 Nov 2024 09:00:00 GMT", "November 2, 2024"
	}
	return d
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

// imageLineRE is a Markdown image alone on its line, optionally with a
// title: ![alt](src "title").
var imageLineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^!\[[^\]\n]*\]\([^()\n]*\)$`)
})
