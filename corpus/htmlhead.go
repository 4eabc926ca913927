package corpus

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"time"

	"golang.org/x/net/html"
)

// pageHead is what a page says about itself beyond what readability reads:
// the names it gives itself and the first time it marks up.
type pageHead struct {
	names []string // application-name, publisher metadata, JSON-LD publisher
	title string   // the <title>
	time  string   // the first <time datetime> of the article as YYYY-MM-DD
	// h1s are the texts of the page's <h1> elements that may be the
	// article's own headline: inside an <article>, or elsewhere but
	// neither in the page's header or navigation nor a link home or an
	// image (a site's logo is often an <h1>).
	h1s []string
}

// readHead reads a page's own names, first marked-up time and headlines.
func readHead(doc *html.Node) pageHead {
	var h pageHead
	var rec func(*html.Node, int, bool, bool)
	rec = func(n *html.Node, depth int, inArticle, inChrome bool) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.ElementNode {
			inArticle = inArticle || n.Data == "article"
			inChrome = inChrome || n.Data == "header" || n.Data == "nav"
			switch n.Data {
			case "h1":
				if inArticle || !inChrome && !logoLike(n) {
					if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" && len(h.h1s) < 8 {
						h.h1s = append(h.h1s, t)
					}
				}
			case "meta":
				key := strings.ToLower(attr(n, "name") + attr(n, "property"))
				switch key {
				case "application-name", "publisher", "dc.publisher", "dcterms.publisher", "og:site_name", "article:publisher":
					if v := strings.TrimSpace(attr(n, "content")); v != "" && !strings.Contains(v, "://") {
						h.names = append(h.names, v)
					}
				}
			case "title":
				if h.title == "" {
					h.title = strings.Join(strings.Fields(textOf(n)), " ")
				}
			case "script":
				if strings.EqualFold(attr(n, "type"), "application/ld+json") && n.FirstChild != nil {
					h.names = append(h.names, ldPublishers(n.FirstChild.Data)...)
				}
				return
			case "time":
				// the article's own time, not a sidebar's or a ticker's
				own := inArticle || hasAttr(n, "pubdate") || strings.EqualFold(attr(n, "itemprop"), "datePublished")
				if h.time == "" && own {
					if t, ok := datetimeDay(attr(n, "datetime")); ok {
						h.time = t
					}
				}
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1, inArticle, inChrome)
		}
	}
	rec(doc, 0, false, false)
	return h
}

// logoLike says whether heading n holds an image or a link to a site's
// home page ("/" or an address with no path), as a logo does.
func logoLike(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		switch c.Data {
		case "img", "svg", "picture":
			return true
		case "a":
			u, err := url.Parse(strings.TrimSpace(attr(c, "href")))
			if err == nil && u.RawQuery == "" && (u.Path == "/" || u.Path == "" && u.Host != "") {
				return true
			}
		}
		if logoLike(c) {
			return true
		}
	}
	return false
}

func hasAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return true
		}
	}
	return false
}

// datetimeDay reads the day of an HTML datetime ("2016-12-22T10:00:00Z",
// "2016-12-22").
func datetimeDay(s string) (string, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 10 {
		return "", false
	}
	if _, err := time.Parse("2006-01-02", s[:10]); err != nil {
		return "", false
	}
	return s[:10], true
}

// ldPublishers are the publishers' names in a JSON-LD script, wherever
// they sit (at the top, in "@graph", in a list).
func ldPublishers(src string) []string {
	var v any
	if json.Unmarshal([]byte(src), &v) != nil {
		return nil
	}
	var out []string
	var rec func(any, int)
	rec = func(v any, depth int) {
		if depth > 16 {
			return
		}
		switch x := v.(type) {
		case []any:
			for _, e := range x {
				rec(e, depth+1)
			}
		case map[string]any:
			if p, ok := x["publisher"]; ok {
				switch pub := p.(type) {
				case map[string]any:
					if n, ok := pub["name"].(string); ok && strings.TrimSpace(n) != "" {
						out = append(out, strings.TrimSpace(n))
					}
				case []any:
					for _, e := range pub {
						if m, ok := e.(map[string]any); ok {
							if n, ok := m["name"].(string); ok && strings.TrimSpace(n) != "" {
								out = append(out, strings.TrimSpace(n))
							}
						}
					}
				}
			}
			for _, e := range x {
				rec(e, depth+1)
			}
		}
	}
	rec(v, 0)
	return out
}

// siteName is the name the page gives itself, for a page readability
// found none on: its publisher metadata, else the end of its <title>
// ("… - The New York Times") when that end shares a word with the page's
// host (nytimes.com), which tells a site's name from a section's.
func (h pageHead) siteName(pageURL string) string {
	if len(h.names) > 0 {
		return h.names[0]
	}
	host := urlHost(pageURL)
	if host == "" || h.title == "" {
		return ""
	}
	i := strings.LastIndexAny(h.title, "|-–—·")
	if i < 0 {
		return ""
	}
	tail := strings.TrimSpace(h.title[i+1:])
	if tail == "" || len(strings.Fields(tail)) > 5 {
		return ""
	}
	for _, w := range strings.Fields(strings.ToLower(tail)) {
		if len(w) >= 4 && strings.Contains(host, w) {
			return tail
		}
	}
	return ""
}

// furnitureClassRE names the classes pages give their furniture: photo
// credits and captions, bylines, datelines and timestamps.
var furnitureClassRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:^|[\s_-])(?:(credit|credits|caption|photo-credit|image-credit)|(byline|author|author-name|dateline|timestamp|published|pubdate|date))(?:$|[\s_-])`)
})

// markedFurniture collects, before readability drops the classes, the text
// of short elements the page marks as a photo credit or caption (to read as
// captions) or as a byline, dateline or timestamp (to read as metadata).
func markedFurniture(doc *html.Node) map[string]Hint {
	out := map[string]Hint{}
	var rec func(*html.Node, int)
	rec = func(n *html.Node, depth int) {
		if depth > maxHTMLDepth {
			return
		}
		if n.Type == html.ElementNode && n.Data != "body" && n.Data != "article" && n.Data != "main" {
			if m := furnitureClassRE().FindStringSubmatch(attr(n, "class")); m != nil {
				if t := strings.Join(strings.Fields(textOf(n)), " "); t != "" && len(t) < 200 {
					switch {
					case m[1] != "":
						out[t] = HintCaption
					case !readsAsSentence(t):
						// a sentence is reporting, whatever its class
						out[t] = HintMeta
					}
				}
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c, depth+1)
		}
	}
	rec(doc, 0)
	return out
}
