package corpus

import (
	"strings"
	"testing"
)

// TestSavedPagesFurniture reads small saved pages written to show what
// news sites put around an article: bylines with their own "By" or with a
// date glued on, a date as the byline, photo labels and credits, dates
// printed twice, and the site's name given only as publisher metadata or
// at the end of the title.
func TestSavedPagesFurniture(t *testing.T) {
	type want struct {
		outlet, byline, date string
		captions, meta       []string
	}
	for file, w := range map[string]want{
		"double-by.html":      {outlet: "The Morning Ledger", byline: "Rosa Delgado", captions: []string{"Photo", "MARIA LOPEZ/AFP/Getty Images"}},
		"glued-byline.html":   {outlet: "Daily Wire Service", byline: "Lucas Nolan", date: "2016-12-22", meta: []string{"22 Dec, 2016 22 Dec, 2016"}},
		"date-as-byline.html": {outlet: "The Sound Times", byline: "", date: "2016-12-22", meta: []string{"Updated December 22, 2016 at 9:12 pm"}},
		"publisher-only.html": {outlet: "The Valley Herald", byline: "Sam Okafor"},
		"title-suffix.html":   {outlet: "The Lakeside Tribune"},
	} {
		arts, err := LoadFile("testdata/pages/" + file)
		if err != nil {
			t.Fatal(err)
		}
		a := arts[0]
		if a.Outlet != w.outlet || a.Byline != w.byline || a.Date != w.date {
			t.Errorf("%s: outlet %q byline %q date %q, want %q %q %q", file, a.Outlet, a.Byline, a.Date, w.outlet, w.byline, w.date)
		}
		hinted := map[string]Hint{}
		for _, p := range a.Paras {
			hinted[p.Text] = p.Hint
			if p.Hint == HintNone && (isPhotoCredit(p.Text) || isDateOnly(p.Text) || strings.HasPrefix(p.Text, "By ")) {
				t.Errorf("%s: %q left as a paragraph", file, p.Text)
			}
		}
		for _, c := range w.captions {
			if h, ok := hinted[c]; !ok || h != HintCaption {
				t.Errorf("%s: %q is %q, want a caption", file, c, h)
			}
		}
		for _, m := range w.meta {
			if h, ok := hinted[m]; !ok || h != HintMeta {
				t.Errorf("%s: %q is %q, want metadata", file, m, h)
			}
		}
	}
}

func TestCleanByline(t *testing.T) {
	for in, want := range map[string][2]string{
		"By Erin Cunningham":                                {"Erin Cunningham", ""},
		"by By Erin Cunningham":                             {"Erin Cunningham", ""},
		"BY: Kim Lee, Reuters":                              {"Kim Lee, Reuters", ""},
		"Lucas Nolan22 Dec 2016651":                         {"Lucas Nolan", "2016-12-22"},
		"Originally published December 22, 2016 at 8:00 pm": {"", "2016-12-22"},
		"Byron Hale":                                        {"Byron Hale", ""},
		"Agents 007 and Kim":                                {"Agents 007 and Kim", ""},
	} {
		by, day := cleanByline(in)
		if by != want[0] || day != want[1] {
			t.Errorf("cleanByline(%q) = %q, %q, want %q, %q", in, by, day, want[0], want[1])
		}
	}
}

func TestPhotoCreditsAndDateLines(t *testing.T) {
	for _, s := range []string{"Photo", "VIDEO", "JIM WATSON/AFP/Getty Images", "Evan Vucci/AP", "(J. Scott Applewhite/AP)", "Mandel Ngan/AFP via Getty Images", "Kim Hong-Ji/Reuters"} {
		if !isPhotoCredit(s) {
			t.Errorf("%q: not read as a photo credit", s)
		}
	}
	for _, s := range []string{"Photographs of the flood were shared widely on Tuesday.", "The 9/11 attacks changed the city.",
		"He said the AP/Reuters story was wrong.", "Read more at https://example.org/afp", "Trump/Putin",
		"The Ipsos/Reuters poll shows a tight race", "Obama/AP interview transcript"} {
		if isPhotoCredit(s) {
			t.Errorf("%q: read as a photo credit", s)
		}
	}
	for _, s := range []string{"22 Dec, 2016 22 Dec, 2016", "Dec. 22, 2016", "Published 22 December 2016 | Updated 23 December 2016 10:15"} {
		if !isDateOnly(s) {
			t.Errorf("%q: not read as dates only", s)
		}
	}
	for _, s := range []string{"On 22 Dec 2016 the council met.", "22 Dec, 2016: the day the bridge fell", "Since 2016"} {
		if isDateOnly(s) {
			t.Errorf("%q: read as dates only", s)
		}
	}
}

// A page's date comes from a <time> of its article, not from one in a list
// of other stories around it.
func TestPageTimeIsTheArticles(t *testing.T) {
	body := "<p>The harbour bridge in Kestrel reopened on Friday after three weeks of repairs to its cables, the county said.</p>" +
		"<p>Engineers found corrosion in two of the main stays during a routine inspection in May, officials said on Friday.</p>"
	for page, want := range map[string]string{
		`<html><body><aside><ul><li><time datetime="2016-01-05">Jan 5</time> Older story</li></ul></aside><article><h1>Bridge reopens</h1>` + body + `</article></body></html>`: "",
		`<html><body><article><h1>Bridge reopens</h1><time datetime="2016-12-22T10:00:00Z">22 Dec</time>` + body + `</article></body></html>`:                                   "2016-12-22",
	} {
		a := parseOne(t, "p.html", page)
		if a.Date != want {
			t.Errorf("date %q, want %q", a.Date, want)
		}
	}
}

// moreWordsThan counts words as strings.Fields splits them.
func TestMoreWordsThan(t *testing.T) {
	for _, s := range []string{"", " ", "one", " one  two\tthree\n", "a b c d e f g h i j", "a b c d e f g h i j k", "Ünïcode wörds\u00a0here\u2003too", strings.Repeat("w ", 30)} {
		for n := 0; n < 13; n++ {
			if got, want := moreWordsThan(s, n), len(strings.Fields(s)) > n; got != want {
				t.Errorf("moreWordsThan(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}
