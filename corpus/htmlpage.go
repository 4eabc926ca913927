package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"unicode/utf8"

	readability "github.com/go-shiori/go-readability"
	"golang.org/x/net/html"
)

// parseHTML extracts the article of a saved web page with go-readability and
// turns the body's block elements into paragraphs: headings keep the heading
// hint and figure captions the caption hint.
func parseHTML(s string) (Article, error) {
	var a Article
	if d := nestingDepth(s); d > maxHTMLDepth || len(s) > maxReadabilitySize {
		// The HTML parser and readability slow down badly on pathological
		// nesting and on huge pages; such a page is read with a plain
		// token walk instead, so it still loads in reasonable time.
		a.Paras = plainHTML(s)
		a.Warnings = append(a.Warnings, fmt.Sprintf("HTML page too deeply nested (%d levels) or too large (%d MB) for article extraction; read as plain text", d, len(s)>>20))
		return a, nil
	}
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return a, fmt.Errorf("cannot parse the HTML page: %w", err)
	}
	a.URL = pageURL(doc)
	deks := standfirsts(doc)
	head := readHead(doc)
	marked := markedFurniture(doc)
	r, err := readability.FromDocument(doc, nil)
	if err != nil {
		return a, fmt.Errorf("no article found in the HTML page: %w", err)
	}
	a.Title = strings.TrimSpace(r.Title)
	a.Byline = strings.TrimSpace(r.Byline)
	a.Outlet = strings.TrimSpace(r.SiteName)
	if a.Outlet == "" {
		a.Outlet = head.siteName(a.URL)
	}
	if r.PublishedTime != nil {
		a.Date = r.PublishedTime.Format("2006-01-02")
	} else if head.time != "" {
		a.Date = head.time
	}
	own, isOwn := ownHeadline(a.Title, head.h1s, append(head.names, a.Outlet))
	if isOwn {
		a.Title = own
	}
	if a.Title != "" {
		a.Paras = append(a.Paras, Para{Text: a.Title, Hint: HintTitle})
	}
	if r.Node != nil {
		walkBlocks(r.Node, &a.Paras)
	}
	for i := range a.Paras {
		p := &a.Paras[i]
		if p.Hint != HintNone {
			continue
		}
		if deks[p.Text] {
			p.Hint = HintStandfirst
		} else if h, ok := marked[p.Text]; ok {
			p.Hint = h
		}
	}
	if isOwn {
		// the <h1> readability left above the body's text is the
		// headline, now given as such; a heading further down is the
		// article's own text
		for i, p := range a.Paras[1:] {
			if p.Hint == HintHeading && p.Text == own {
				a.Paras = append(a.Paras[:i+1], a.Paras[i+2:]...)
				break
			}
			if p.Hint == HintNone || p.Hint == HintHeading {
				break
			}
		}
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

// ownHeadline returns the page's own headline when title is the page's
// title with more around it (readability keeps "Bridge to close | City
// Times" whole when what is left is short): the first of h1s that the
// title holds between separators ("|", "-", "–", "—", "·", "•", "»" with
// a space outside them) and that is not one of the site's names. The rest
// of the title names the site or a section; the outlet comes from the
// site's metadata or, when it matches the page's address, the title's
// last part, as before.
func ownHeadline(title string, h1s, sites []string) (string, bool) {
	for _, h := range h1s {
		if len(h) >= len(title) || siteNamed(h, sites) {
			continue
		}
		for from := 0; ; {
			i := strings.Index(title[from:], h)
			if i < 0 {
				break
			}
			i += from
			if separatedBefore(title[:i]) && separatedAfter(title[i+len(h):]) {
				return h, true
			}
			from = i + 1
		}
	}
	return "", false
}

const titleSeparators = "|-–—·•»"

// separatedBefore says whether s, the part of a title before a headline,
// is empty or ends in a separator that stands apart from the words
// before it ("City Times | ", not "Re-").
func separatedBefore(s string) bool {
	s = strings.TrimRight(s, " ")
	if s == "" {
		return true
	}
	r, n := utf8.DecodeLastRuneInString(s)
	rest := s[:len(s)-n]
	return strings.ContainsRune(titleSeparators, r) && (rest == "" || strings.HasSuffix(rest, " "))
}

// separatedAfter is separatedBefore for the part after a headline.
func separatedAfter(s string) bool {
	s = strings.TrimLeft(s, " ")
	if s == "" {
		return true
	}
	r, n := utf8.DecodeRuneInString(s)
	return strings.ContainsRune(titleSeparators, r) && (len(s) == n || s[n] == ' ')
}

// siteNamed says whether h is one of the site's names, as a logo given as
// a heading is.
func siteNamed(h string, sites []string) bool {
	for _, s := range sites {
		if s != "" && strings.EqualFold(strings.Join(strings.Fields(s), " "), h) {
			return true
		}
	}
	return false
}

// Limits beyond which a page is not given to the HTML parser and readability.
const (
	maxHTMLDepth       = 256
	maxReadabilitySize = 16 << 20
)

// optionalEnd are elements whose end tag may be left out; pages often do, and
// the parser closes them implicitly, so they do not count towards nesting.
var optionalEnd = map[string]bool{"p": true, "li": true, "dt": true, "dd": true, "option": true, "optgroup": true,
	"tr": true, "td": true, "th": true, "thead": true, "tbody": true, "tfoot": true, "colgroup": true,
	"rb": true, "rt": true, "rp": true, "html": true, "head": true, "body": true}

var voidElements = map[string]bool{"area": true, "base": true, "br": true, "col": true, "embed": true, "hr": true,
	"img": true, "input": true, "link": true, "meta": true, "source": true, "track": true, "wbr": true, "param": true, "keygen": true}

// nestingDepth estimates, in one linear pass of the tokenizer, how deeply the
// page's elements nest.
func nestingDepth(s string) int {
	z := html.NewTokenizer(strings.NewReader(s))
	depth, most := 0, 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return most
		case html.StartTagToken:
			name, _ := z.TagName()
			if t := string(name); !voidElements[t] && !optionalEnd[t] {
				depth++
				most = max(most, depth)
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if t := string(name); !voidElements[t] && !optionalEnd[t] && depth > 0 {
				depth--
			}
		}
	}
}

// blockTags end a paragraph in plainHTML.
var blockTags = map[string]bool{"p": true, "div": true, "li": true, "br": true, "h1": true, "h2": true, "h3": true,
	"h4": true, "h5": true, "h6": true, "blockquote": true, "pre": true, "tr": true, "td": true, "th": true,
	"section": true, "article": true, "figure": true, "figcaption": true, "header": true, "footer": true,
	"dd": true, "dt": true, "ul": true, "ol": true, "table": true, "hr": true, "main": true, "aside": true, "nav": true}

// plainHTML reads the text of a page that cannot go through readability:
// text outside scripts and styles, one paragraph per block element.
func plainHTML(s string) []Para {
	z := html.NewTokenizer(strings.NewReader(s))
	var out []Para
	var cur strings.Builder
	skip := 0
	flush := func() {
		if t := strings.Join(strings.Fields(cur.String()), " "); t != "" {
			out = append(out, Para{Text: t})
		}
		cur.Reset()
	}
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			flush()
			return out
		case html.TextToken:
			if skip == 0 {
				cur.Write(z.Text())
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			t := string(name)
			if t == "script" || t == "style" || t == "noscript" || t == "template" {
				if tt == html.StartTagToken {
					skip++
				} else if tt == html.EndTagToken && skip > 0 {
					skip--
				}
				continue
			}
			switch {
			case blockTags[t]:
				flush()
			case !isInline(t):
				cur.WriteByte(' ')
			}
		}
	}
}

// pageURL is the page's own address as its head gives it: the canonical
// link, else og:url.
func pageURL(doc *html.Node) string {
	var canonical, og string
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		if depth > 64 || (canonical != "" && og != "") {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") && canonical == "" {
					canonical = strings.TrimSpace(attr(n, "href"))
				}
			case "meta":
				if strings.EqualFold(attr(n, "property"), "og:url") && og == "" {
					og = strings.TrimSpace(attr(n, "content"))
				}
			case "body":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1)
		}
	}
	rec(doc, 0)
	if canonical != "" {
		return canonical
	}
	return og
}

// dekClassRE is compiled on first use: only HTML pages need it.
var dekClassRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[\s_-])(?:standfirst|dek|deck|subtitle|subhead(?:line)?|summary|teaser|lede|intro|sapo)(?:$|[\s_-])`)
})

// standfirsts collects the text of elements the page marks as a standfirst
// (class "standfirst", "dek", "summary" …), before readability drops the
// classes.
func standfirsts(doc *html.Node) map[string]bool {
	out := map[string]bool{}
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.ElementNode && (n.Data == "p" || n.Data == "div" || n.Data == "h2") && dekClassRE().MatchString(attr(n, "class")) {
			if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" && len(t) < 600 {
				out[t] = true
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1)
		}
	}
	rec(doc, 0)
	return out
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
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
