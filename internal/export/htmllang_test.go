package export

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/testkit"
	"golang.org/x/net/html"
)

// TestHTMLMarksArticleLanguage: the page's own words are English, an
// article's text is in its language; each side's text carries a lang
// attribute naming it, so a browser or screen reader does not read German
// as English. English articles need none.
func TestHTMLMarksArticleLanguage(t *testing.T) {
	st := testkit.Story(t, "tram-translation")
	for i, a := range st.Articles {
		if a.Lang == "" || a.Lang == "en" {
			t.Fatalf("article %d's language is %q; the test needs two non-English articles", i, a.Lang)
		}
	}
	doc := parseHTML(t, renderHTML(t, st, DefaultOptions()))
	want := map[string]string{"left": string(st.Articles[0].Lang), "right": string(st.Articles[1].Lang)}
	sides := 0
	walk(doc, func(n *html.Node) {
		if n.Type != html.ElementNode || !hasClass(n, "side") || hasClass(n, "absent") {
			return
		}
		sides++
		for side, l := range want {
			if hasClass(n, side) && attr(n, "lang") != l {
				t.Errorf("%s side: lang %q, want %q", side, attr(n, "lang"), l)
			}
		}
	})
	if sides == 0 {
		t.Fatal("no side with text on the page")
	}

	en := parseHTML(t, renderHTML(t, testkit.Kestrel(t), DefaultOptions()))
	walk(en, func(n *html.Node) {
		if n.Type == html.ElementNode && n.Data != "html" && attr(n, "lang") != "" {
			t.Errorf("English story: <%s> has lang %q", n.Data, attr(n, "lang"))
		}
	})
}
