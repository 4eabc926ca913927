package export

import (
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
	"golang.org/x/net/html"
)

func renderHTML(t testing.TB, st *story.Story, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := HTML(&b, st, opt); err != nil {
		t.Fatalf("HTML: %v", err)
	}
	return b.String()
}

func parseHTML(t testing.TB, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// walk calls f on n and every node under it, in document order.
func walk(n *html.Node, f func(*html.Node)) {
	f(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walk(c, f)
	}
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

func hasClass(n *html.Node, c string) bool {
	for _, f := range strings.Fields(attr(n, "class")) {
		if f == c {
			return true
		}
	}
	return false
}

// textOf is the text under n; skip leaves out elements it matches.
func textOf(n *html.Node, skip func(*html.Node) bool) string {
	var b strings.Builder
	var rec func(*html.Node)
	rec = func(n *html.Node) {
		if n.Type == html.ElementNode && skip != nil && skip(n) {
			return
		}
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			rec(c)
		}
	}
	rec(n)
	return b.String()
}

func findAll(root *html.Node, pred func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	walk(root, func(n *html.Node) {
		if n.Type == html.ElementNode && pred(n) {
			out = append(out, n)
		}
	})
	return out
}

// eventWith returns the number of the first event row in which a <del>
// holds the word del and an <ins> the word ins, or "" when none does.
func eventWith(doc *html.Node, del, ins string) string {
	word := func(w string) *regexp.Regexp { return regexp.MustCompile(`\b` + regexp.QuoteMeta(w) + `\b`) }
	dw, iw := word(del), word(ins)
	for _, sec := range findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "event") }) {
		var inDel, inIns bool
		walk(sec, func(n *html.Node) {
			if n.Type != html.ElementNode {
				return
			}
			if n.Data == "del" && dw.MatchString(textOf(n, nil)) {
				inDel = true
			}
			if n.Data == "ins" && iw.MatchString(textOf(n, nil)) {
				inIns = true
			}
		})
		if inDel && inIns {
			return attr(sec, "id")
		}
	}
	return ""
}

// checkWellFormed tokenizes s and checks that every element the page opens
// is closed in order (void elements aside), as the template writes them:
// a parser repairs bad nesting silently, so a round trip alone would not
// show it.
func checkWellFormed(t *testing.T, s string) {
	t.Helper()
	void := map[string]bool{"meta": true, "br": true, "img": true, "link": true, "hr": true, "input": true}
	z := html.NewTokenizer(strings.NewReader(s))
	var stack []string
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatalf("tokenizer: %v", z.Err())
			}
			if len(stack) > 0 {
				t.Fatalf("unclosed elements at the end: %v", stack)
			}
			return
		case html.StartTagToken:
			name, _ := z.TagName()
			if !void[string(name)] {
				stack = append(stack, string(name))
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			if len(stack) == 0 || stack[len(stack)-1] != string(name) {
				t.Fatalf("</%s> closes %v", name, stack)
			}
			stack = stack[:len(stack)-1]
		}
	}
}

func TestHTMLSeedPage(t *testing.T) {
	st := seedStory(t)
	out := renderHTML(t, st, DefaultOptions())
	if !strings.HasPrefix(out, "<!DOCTYPE html>\n<html lang=\"en\">") {
		t.Errorf("page does not start with the HTML5 doctype and a language: %q", out[:40])
	}
	checkWellFormed(t, out)
	doc := parseHTML(t, out)

	// Self-contained: no script, no external resource.
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		switch n.Data {
		case "script", "link", "img", "iframe", "object", "embed", "video", "audio", "source":
			t.Errorf("page holds a <%s> element", n.Data)
		}
		if src := attr(n, "src"); src != "" {
			t.Errorf("<%s src=%q> loads a resource", n.Data, src)
		}
	}
	for _, bad := range []string{"@import", "url(", "http://", "<script"} {
		if strings.Contains(htmlCSS, bad) {
			t.Errorf("CSS holds %q", bad)
		}
	}
	for _, want := range []string{"prefers-color-scheme: dark", "@media (max-width: 700px)", "@media print", "color-scheme: light dark"} {
		if !strings.Contains(out, want) {
			t.Errorf("page lacks %q", want)
		}
	}

	// Anchors: unique ids, every in-page link lands on one.
	ids := map[string]bool{}
	for _, n := range findAll(doc, func(n *html.Node) bool { return attr(n, "id") != "" }) {
		id := attr(n, "id")
		if ids[id] {
			t.Errorf("duplicate id %q", id)
		}
		ids[id] = true
	}
	links := 0
	for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == "a" }) {
		h := attr(n, "href")
		if strings.HasPrefix(h, "#") {
			links++
			if !ids[h[1:]] {
				t.Errorf("link to %q has no target", h)
			}
		}
	}

	// One row per event but those of metadata alone (the header gives
	// them), numbered as the story numbers them, each with its two sides.
	var shown []int
	for k := range st.Events {
		if !st.MetadataOnly(k, 0, 1) {
			shown = append(shown, k)
		}
	}
	if len(shown) == len(st.Events) {
		t.Error("the seed story has no event of metadata alone to leave out")
	}
	secs := findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "event") })
	if len(secs) != len(shown) {
		t.Fatalf("%d event rows, want %d", len(secs), len(shown))
	}
	for i, s := range secs {
		if id := attr(s, "id"); id != fmt.Sprintf("event-%d", shown[i]+1) {
			t.Errorf("row %d has id %q", i, id)
		}
		sides := findAll(s, func(n *html.Node) bool { return hasClass(n, "side") })
		if len(sides) != 2 || !hasClass(sides[0], "left") || !hasClass(sides[1], "right") {
			t.Errorf("row %d: want a left and a right side, got %d sides", i+1, len(sides))
		}
	}
	toc := findAll(doc, func(n *html.Node) bool { return n.Data == "li" && n.Parent != nil && n.Parent.Data == "ol" })
	if len(toc) != len(shown) {
		t.Errorf("table of contents lists %d events, want %d", len(toc), len(shown))
	}
	if links < 2*len(shown) {
		t.Errorf("%d in-page links, want at least two per event", links)
	}

	// The quote both articles give: absolute → sacred, in one row.
	if id := eventWith(doc, "absolute", "sacred"); id == "" {
		t.Error(`no event row has "absolute" in a <del> and "sacred" in an <ins>`)
	}
	if id := eventWith(doc, "esteemed", "honorable"); id == "" {
		t.Error(`no event row has "esteemed" in a <del> and "honorable" in an <ins>`)
	}

	// Header, summary and legend name both outlets.
	text := collapse(textOf(doc, nil))
	for _, want := range []string{"Washington Examiner", "2024-11-01", "North Korea vows to support Russia", "only in Washington Examiner", "page furniture", "words only in Washington Examiner"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q", want)
		}
	}
	// The counts read as words when copied or read aloud, not "26events".
	c := Count(st, 0, 1)
	counts := findAll(doc, func(n *html.Node) bool { return n.Data == "ul" && hasClass(n, "counts") })
	if len(counts) != 1 {
		t.Fatalf("%d lists of counts, want 1", len(counts))
	}
	got := textOf(counts[0], nil)
	for _, want := range []string{fmt.Sprintf("%d events", c.Events), fmt.Sprintf("%d shared", c.Shared),
		fmt.Sprintf("%d only in translated report", c.OnlyLeft), fmt.Sprintf("%d only in Washington Examiner", c.OnlyRight)} {
		if !strings.Contains(got, want) {
			t.Errorf("counts %q lack %q", got, want)
		}
	}
	if len(findAll(doc, func(n *html.Node) bool { return hasClass(n, "one-sided") })) == 0 {
		t.Error("no one-sided block is marked")
	}
	if len(findAll(doc, func(n *html.Node) bool { return hasClass(n, "absent") })) == 0 {
		t.Error(`no side says "not in …"`)
	}
	if len(findAll(doc, func(n *html.Node) bool { return hasClass(n, "k-caption") })) == 0 {
		t.Error("no caption is styled as one")
	}
	if len(findAll(doc, func(n *html.Node) bool { return n.Data == "details" && hasClass(n, "furniture") })) == 0 {
		t.Error("page furniture is not collapsed")
	}
}

// TestHTMLKeepsEveryWord checks that each side of each row shows exactly
// the text of the article's blocks in that event, in order.
func TestHTMLKeepsEveryWord(t *testing.T) {
	for name, st := range map[string]*story.Story{"seed": seedStory(t), "hostile": hostileStory()} {
		t.Run(name, func(t *testing.T) {
			checkHTMLKeepsText(t, st, parseHTML(t, renderHTML(t, st, DefaultOptions())))
		})
	}
}

// checkHTMLKeepsText checks that each side of each row shows exactly the
// text of the article's blocks in that event, in order (made visible, white
// space aside), for a page of articles 0 and 1 with every event.
func checkHTMLKeepsText(t *testing.T, st *story.Story, doc *html.Node) {
	t.Helper()
	secs := findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "event") })
	want := 0
	for k := range st.Events {
		if Keep(st, k, 0, 1, view.FilterAll) {
			want++
		}
	}
	if len(secs) != want {
		t.Fatalf("%d event rows, want %d", len(secs), want)
	}
	x := 0
	for k := range st.Events {
		if !Keep(st, k, 0, 1, view.FilterAll) {
			continue
		}
		sec := secs[x]
		x++
		sides := findAll(sec, func(n *html.Node) bool { return hasClass(n, "side") })
		if len(sides) != 2 {
			t.Fatalf("event %d has %d sides", k+1, len(sides))
		}
		for i, a := range []int{0, 1} {
			bs := st.Events[k].Blocks[a]
			got := collapse(textOf(sides[i], func(n *html.Node) bool { return hasClass(n, "tag") || hasClass(n, "who") }))
			want := collapse(textsafe.Visible(st.SideText(a, bs)))
			if len(bs) == 0 {
				// the side that lacks the event says so, then offers its
				// possible matches
				want = "not in " + textsafe.VisibleLine(view.Outlet(st, a))
				for _, h := range layout.Hints(st, k, 0, 1) {
					want += " " + h.Text
				}
				want = collapse(want)
			}
			if got != want {
				t.Errorf("event %d side %d:\n got %q\nwant %q", k+1, a, got, want)
			}
		}
	}
}

func TestHTMLEscapesArticleText(t *testing.T) {
	st := hostileStory()
	out := renderHTML(t, st, DefaultOptions())
	checkWellFormed(t, out)
	doc := parseHTML(t, out)
	allowed := map[string]bool{}
	for _, e := range strings.Fields("html head meta title style body header p h1 h2 div section ul li b dl dt dd span del ins details summary nav ol a main footer") {
		allowed[e] = true
	}
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		if !allowed[n.Data] {
			t.Errorf("article text became a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("<%s> has an event handler %s=%q", n.Data, a.Key, a.Val)
			}
		}
		if n.Data == "a" {
			h := attr(n, "href")
			if !strings.HasPrefix(h, "#event-") && !strings.HasPrefix(h, "https://rivertimes.example/") {
				t.Errorf("unexpected link %q", h)
			}
		}
	}
	text := textOf(doc, nil)
	for _, want := range []string{xssScript, xssImg, `Daily <b onmouseover=alert(3)>Bugle</b>`, `Ann "><svg onload=alert(4)>`, "javascript:alert(5)", `name "><script>alert(0)</script>`, "␛]0;pwned␇"} {
		if !strings.Contains(text, want) {
			t.Errorf("page text lacks %q as text", want)
		}
	}
	checkNoControls(t, out)
}

// checkNoControls fails when s holds a character that acts on a terminal
// or is not allowed in HTML text: C0 controls but newline, DEL, C1
// controls, bidirectional overrides, invalid UTF-8.
func checkNoControls(t *testing.T, s string) {
	t.Helper()
	if !utf8.ValidString(s) {
		t.Error("output is not valid UTF-8")
	}
	for i, r := range s {
		if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
			t.Errorf("output holds control character U+%04X at byte %d: %q", r, i, s[max(0, i-20):min(len(s), i+20)])
			return
		}
	}
}

func TestHTMLThreeArticles(t *testing.T) {
	st := buildStory("three",
		art{outlet: "Alpha", paras: []string{`Councillor Mira Holt said: "We will close the old Baxter mill by the first of April, and the 120 workers will keep their pay until then."`, "Alpha alone reports the weather was fine."}},
		art{outlet: "Beta", paras: []string{`Councillor Mira Holt said: "We will shut the old Baxter mill by the first of April, and the 120 workers will keep their pay until then."`}},
		art{outlet: "Gamma", paras: []string{`"We will close the ancient Baxter mill by the first of April, and the 120 workers will keep their pay until then," Councillor Mira Holt said.`}},
	)
	opt := DefaultOptions()
	opt.Left, opt.Right = 0, 2
	out := renderHTML(t, st, opt)
	doc := parseHTML(t, out)
	// The whole-story summary names every outlet; the rest of the page
	// is about the pair.
	text := collapse(textOf(doc, func(n *html.Node) bool { return n.Data == "style" || hasClass(n, "whole") }))
	if ws := findAll(doc, func(n *html.Node) bool { return hasClass(n, "whole") }); len(ws) != 1 || !strings.Contains(textOf(ws[0], nil), "Beta: ") {
		t.Errorf("want one whole-story summary that names Beta, got %d", len(ws))
	}
	// Counted from 1 as the reader and its article picker count them; the
	// flag that picks them is 0-based.
	if !strings.Contains(text, "Showing articles 1 and 3 of 3 (--articles 0,2)") {
		t.Errorf("header does not say which two of three articles it shows: %q", text[:min(300, len(text))])
	}
	if !strings.Contains(text, "Gamma") || strings.Contains(text, "Beta") {
		t.Errorf("page should compare Alpha with Gamma only")
	}
	c := Count(st, 0, 2)
	if c.Events != c.Shared+c.OnlyLeft+c.OnlyRight+c.Boilerplate {
		t.Errorf("counts do not add up for the pair: %+v (story has %d events)", c, len(st.Events))
	}
	if rows := len(findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "event") })); rows != c.Events {
		t.Errorf("%d rows, want the %d events either article tells", rows, c.Events)
	}
	if eventWith(doc, "old", "ancient") == "" {
		t.Errorf("the shared event lacks its changed words: %s", text)
	}
}

func TestHTMLFilterChanged(t *testing.T) {
	st := seedStory(t)
	opt := DefaultOptions()
	opt.Only = view.FilterChanged
	doc := parseHTML(t, renderHTML(t, st, opt))
	secs := findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "event") })
	want := 0
	for k := range st.Events {
		if Keep(st, k, 0, 1, view.FilterChanged) {
			want++
		}
	}
	if want == 0 || len(secs) != want {
		t.Fatalf("%d rows with --only changed, want %d (>0)", len(secs), want)
	}
	for _, s := range secs {
		if !hasClass(s, "changed") {
			t.Errorf("row %s is not a changed shared event", attr(s, "id"))
		}
	}
	if !strings.Contains(collapse(textOf(doc, nil)), fmt.Sprintf("Showing the %d shared events whose wording differs", want)) {
		t.Error("page does not say it is filtered")
	}
}

func TestExportRejectsBadPair(t *testing.T) {
	st := seedStory(t)
	for _, f := range []string{"html", "md", "txt"} {
		for _, lr := range [][2]int{{0, 0}, {0, 5}, {-1, 1}} {
			opt := DefaultOptions()
			opt.Left, opt.Right = lr[0], lr[1]
			if err := Render(io.Discard, f, st, opt); err == nil {
				t.Errorf("%s with articles %v: no error", f, lr)
			}
		}
	}
	one := buildStory("one", art{outlet: "Solo", paras: []string{"Only one article here."}})
	for _, f := range []string{"html", "md", "txt"} {
		if err := Render(io.Discard, f, one, DefaultOptions()); err == nil || !strings.Contains(err.Error(), "1 article") {
			t.Errorf("%s of a one-article story: %v", f, err)
		}
	}
}
