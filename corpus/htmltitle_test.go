package corpus

import (
	"reflect"
	"strings"
	"testing"
)

// A short headline whose page title adds the site's name ("Bridge to close |
// City Times") is the page's own <h1>, once: not the title with the site's
// name above the same words as a heading. A logo given as an <h1>, or an
// <h1> the title holds only as part of a word, is no headline.
func TestOwnH1IsTheHeadline(t *testing.T) {
	body := []string{
		"The old river bridge will close to traffic for three months from next Monday, the city council said on Thursday.",
		"Buses will be diverted over the northern crossing, adding about ten minutes to journeys into the centre.",
		"Inspectors found corrosion on two of the bearings during a routine check in March, the council said.",
	}
	paras := "<p>" + strings.Join(body, "</p><p>") + "</p>"
	page := func(title, top, article string) string {
		return "<html><head><title>" + title + "</title></head><body><header>" + top +
			`<nav><a href="/">Home</a> <a href="/news">News</a></nav></header><article>` + article + paras + "</article></body></html>"
	}
	for _, c := range []struct {
		name, data, title string
	}{
		{"suffix", page("Bridge to close | City Times", "", "<h1>Bridge to close</h1>"), "Bridge to close"},
		{"dash", page("Bridge to close - City Times", "", "<h1>Bridge to close</h1>"), "Bridge to close"},
		{"prefix", page("City Times — Bridge to close", "", "<h1>Bridge to close</h1>"), "Bridge to close"},
		// readability takes the masthead for the headline's duplicate and
		// leaves the <h1> in the body
		{"masthead", page("Bridge to close | City Times", `<div class="masthead"><h2>City Times</h2></div>`, "<h1>Bridge to close</h1>"), "Bridge to close"},
		{"logo", page("Bridge to close | City Times", `<h1><a href="/">City Times</a></h1>`, ""), "Bridge to close | City Times"},
		{"home link", `<html><head><title>Bridge to close | City Times</title></head><body><div><h1><a href="https://citytimes.example/">City Times</a></h1></div><article>` + paras + `</article></body></html>`, "Bridge to close | City Times"},
		{"site name", `<html><head><title>Bridge to close | City Times</title><meta property="og:site_name" content="City Times"></head><body><div><h1>City Times</h1></div><article>` + paras + `</article></body></html>`, "Bridge to close | City Times"},
		{"inside a word", page("Bridge to close-up photos | City Times", "", "<h1>Bridge to close</h1>"), "Bridge to close-up photos | City Times"},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := parseOne(t, c.name+".html", c.data)
			if a.Title != c.title {
				t.Errorf("title %q, want %q", a.Title, c.title)
			}
			var got []string
			for _, p := range a.Paras {
				if p.Hint == HintTitle {
					if p.Text != c.title {
						t.Errorf("headline %q, want %q", p.Text, c.title)
					}
					continue
				}
				if p.Hint == HintNone {
					got = append(got, p.Text)
				} else if p.Text != "Bridge to close" || c.title != "Bridge to close | City Times" {
					t.Errorf("block %q (%s) besides the headline and the body; paragraphs %q", p.Text, p.Hint, paraTexts(a))
				}
			}
			if !reflect.DeepEqual(got, body) {
				t.Errorf("body %q, want %q", got, body)
			}
		})
	}
}

// The <h1> the headline comes from leaves the body only where it stands
// above the body's text: the same words as a heading further down are the
// article's own.
func TestHeadlineRepeatedAsHeadingStays(t *testing.T) {
	a := parseOne(t, "repeat.html", `<html><head><title>Bridge to close | City Times</title></head><body><article><h1>Bridge to close</h1>`+
		`<p>The old river bridge will close to traffic for three months from next Monday, the city council said on Thursday.</p>`+
		`<h2>Bridge to close</h2><p>Buses will be diverted over the northern crossing, adding about ten minutes to journeys into the centre.</p></article></body></html>`)
	if a.Title != "Bridge to close" {
		t.Errorf("title %q", a.Title)
	}
	if len(a.Paras) != 4 || a.Paras[2].Text != "Bridge to close" || a.Paras[2].Hint != HintHeading {
		t.Errorf("paragraphs %q, want the headline, two paragraphs and the heading between them", paraTexts(a))
	}
}
