package corpus

import (
	"fmt"
	"strings"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
)

// parseHTML extracts the article of a saved web page with go-readability and
// turns the body's block elements into paragraphs: headings keep the heading
// hint and figure captions the caption hint.
func parseHTML(s string) (Article, error) {
	var a Article
	r, err := readability.FromReader(strings.NewReader(s), nil)
	if err != nil {
		return a, fmt.Errorf("no article found in the HTML page: %v", err)
	}
	a.Title = strings.TrimSpace(r.Title)
	a.Byline = strings.TrimSpace(r.Byline)
	a.Outlet = strings.TrimSpace(r.SiteName)
	if r.PublishedTime != nil {
		a.Date = r.PublishedTime.Format("2006-01-02")
	}
	if a.Title != "" {
		a.Paras = append(a.Paras, Para{Text: a.Title, Hint: HintTitle})
	}
	if r.Node != nil {
		walkBlocks(r.Node, &a.Paras)
	}
	if len(a.Paras) == 0 || (len(a.Paras) == 1 && a.Title != "") {
		for _, t := range strings.Split(r.TextContent, "\n") {
			if t = strings.Join(strings.Fields(t), " "); t != "" {
				a.Paras = append(a.Paras, Para{Text: t})
			}
		}
	}
	return a, nil
}

var blockHints = map[string]Hint{
	"p": HintNone, "li": HintNone, "blockquote": HintNone, "pre": HintNone, "dd": HintNone, "dt": HintNone,
	"h1": HintHeading, "h2": HintHeading, "h3": HintHeading, "h4": HintHeading, "h5": HintHeading, "h6": HintHeading,
	"figcaption": HintCaption, "caption": HintCaption,
}

// walkBlocks appends the text of each outermost block element under n. Text
// that sits directly in a container between blocks is kept as a paragraph too.
func walkBlocks(n *html.Node, out *[]Para) {
	var loose strings.Builder
	flush := func() {
		if t := strings.Join(strings.Fields(loose.String()), " "); t != "" {
			*out = append(*out, Para{Text: t})
		}
		loose.Reset()
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			loose.WriteString(c.Data)
		case html.ElementNode:
			if c.Data == "script" || c.Data == "style" || c.Data == "noscript" {
				continue
			}
			if hint, ok := blockHints[c.Data]; ok && !hasBlockChild(c) {
				flush()
				if t := strings.Join(strings.Fields(textOf(c)), " "); t != "" {
					*out = append(*out, Para{Text: t, Hint: hint})
				}
				continue
			}
			if isInline(c.Data) {
				loose.WriteString(textOf(c))
				continue
			}
			flush()
			walkBlocks(c, out)
		}
	}
	flush()
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			if _, ok := blockHints[c.Data]; ok {
				return true
			}
			if !isInline(c.Data) && hasBlockChild(c) {
				return true
			}
		}
	}
	return false
}

func isInline(tag string) bool {
	switch tag {
	case "a", "b", "i", "em", "strong", "span", "small", "sub", "sup", "abbr", "cite", "code", "q", "mark", "time", "u", "s", "br", "wbr", "font":
		return true
	}
	return false
}

func textOf(n *html.Node) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		if n.Type == html.ElementNode && (n.Data == "script" || n.Data == "style") {
			return
		}
		if n.Type == html.ElementNode && n.Data == "br" {
			b.WriteByte(' ')
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}
