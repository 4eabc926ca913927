package corpus

import "testing"

// A byline or a dateline under the headline is the article's metadata, not
// its reporting: it is read into the article's fields and kept as a meta
// paragraph, in text, Markdown and HTML alike.
func TestBylineAndDateLinesAreMetadata(t *testing.T) {
	body := "The Kestrel bridge will close on Nov. 4 for six weeks while engineers replace its cables, the council said."
	cases := []struct {
		name, data    string
		byline, date  string
		meta, notMeta []string
	}{
		{"lines.txt", "Bridge to close\nBy Kim Lee, Transport Correspondent\nNovember 1, 2024\n" + body + "\n",
			"Kim Lee, Transport Correspondent", "2024-11-01",
			[]string{"By Kim Lee, Transport Correspondent", "November 1, 2024"}, []string{"Bridge to close", body}},
		{"wrapped.txt", "Bridge to close\n\nBY KIM LEE AND JO PARK\n\nUpdated: Fri, Nov. 1, 2024, 10:15 a.m. ET\n\n" + body + "\n",
			"KIM LEE AND JO PARK", "2024-11-01",
			[]string{"BY KIM LEE AND JO PARK", "Updated: Fri, Nov. 1, 2024, 10:15 a.m. ET"}, []string{body}},
		{"dayfirst.txt", "Bridge to close\nPublished 1 November 2024\n" + body + "\n",
			"", "2024-11-01", []string{"Published 1 November 2024"}, []string{body}},
		{"front.md", "---\ntitle: Bridge to close\nbyline: Jo Park\ndate: 2024-11-02\n---\n\n# Bridge to close\n\nBy Jo Park\n\nNov. 3, 2024\n\n" + body + "\n",
			"Jo Park", "2024-11-02", []string{"By Jo Park", "Nov. 3, 2024"}, []string{body}},
		{"page.html", `<html><head><title>Bridge to close</title></head><body><article><h1>Bridge to close</h1>` +
			`<p class="byline">By Kim Lee</p><p>` + body + `</p><p>"We have no choice," Mayor Ana Ruiz said of the forty-year-old cables.</p></article></body></html>`,
			"Kim Lee", "", []string{"By Kim Lee"}, []string{body}},
		// reporting that opens like a byline or holds a date stays reporting
		{"prose.txt", "Council votes\nBy Monday, the council had voted to close the bridge.\nBy the end of the week\nNovember 1, 2024 was the day the bridge closed, officials said.\n" + body + "\n",
			"", "", nil, []string{"By Monday, the council had voted to close the bridge.", "By the end of the week", "November 1, 2024 was the day the bridge closed, officials said.", body}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := parseOne(t, c.name, c.data)
			if a.Byline != c.byline || a.Date != c.date {
				t.Errorf("byline %q date %q, want %q and %q", a.Byline, a.Date, c.byline, c.date)
			}
			for _, s := range c.meta {
				if h, ok := hintOf(a, s); !ok || h != HintMeta {
					t.Errorf("%q: hint %q (found %v), want meta; paragraphs %q", s, h, ok, paraTexts(a))
				}
			}
			for _, s := range c.notMeta {
				if h, ok := hintOf(a, s); !ok || h == HintMeta {
					t.Errorf("%q: hint %q (found %v), want reporting; paragraphs %q", s, h, ok, paraTexts(a))
				}
			}
		})
	}
}

// A date the metadata writes out, as feeds and pages do, is read as its
// day, as an ISO timestamp is; a date that cannot be read for sure stays
// as written.
func TestWrittenDatesInMetadataAreDays(t *testing.T) {
	for in, want := range map[string]string{
		"Fri, 01 Nov 2024 09:00:00 GMT":    "2024-11-01",
		"Fri, 1 Nov 2024 09:00:00 +0100":   "2024-11-01",
		"November 2, 2024":                 "2024-11-02",
		"3 November 2024":                  "2024-11-03",
		"2024-11-04T10:00:00+01:00":        "2024-11-04",
		"02/11/2024":                       "02/11/2024",
		"sometime in the autumn":           "sometime in the autumn",
		"November 31, 2024, or thereabout": "November 31, 2024, or thereabout",
	} {
		a := parseOne(t, "x.json", `{"title":"T","date":"`+in+`","text":"The bridge shuts on Nov. 4."}`)
		if a.Date != want {
			t.Errorf("JSON date %q read as %q, want %q", in, a.Date, want)
		}
		m := parseOne(t, "x.md", "---\ntitle: T\ndate: "+in+"\n---\n\nThe bridge shuts on Nov. 4.\n")
		if m.Date != want {
			t.Errorf("front matter date %q read as %q, want %q", in, m.Date, want)
		}
	}
}

// A short first line is a section label ("News", "World news") only when a
// headline follows it; above the reporting itself it is the headline.
func TestShortHeadlineIsNotASectionLabel(t *testing.T) {
	body := "The council voted on Monday to close the Kestrel bridge for six weeks of repairs."
	for _, c := range []struct{ data, title, section string }{
		{"Bridge closes\n" + body + "\n", "", ""},
		{"Bridge reopens\nThe bridge reopened on Friday.\n", "", ""},
		{"Bridge closes\n\n" + body + "\n\nThe mayor said the cables were forty years old.\n", "", ""},
		{"News\nBridge closes for six weeks\n" + body + "\n", "", "News"},
		{"World news\n\nBridge closes\n\n" + body + "\n", "", "World news"},
	} {
		a := parseOne(t, "x.txt", c.data)
		if a.Section != c.section {
			t.Errorf("%q: section %q, want %q", c.data, a.Section, c.section)
		}
		for _, p := range a.Paras {
			if p.Hint == HintMeta && p.Text != c.section {
				t.Errorf("%q: %q read as metadata", c.data, p.Text)
			}
		}
	}
}

// An image on a line of its own in Markdown is the photo: its alt text
// reads as the caption, kept as written.
func TestMarkdownImageLineIsACaption(t *testing.T) {
	a := parseOne(t, "x.md", "# Bridge closes\n\n![The Kestrel bridge at dusk](bridge.jpg)\n\nThe council voted on Monday to close the Kestrel bridge for six weeks.\n\nSee ![chart](c.png) for the traffic figures, the council said on its website.\n")
	if h, ok := hintOf(a, "![The Kestrel bridge at dusk](bridge.jpg)"); !ok || h != HintCaption {
		t.Errorf("image line: hint %q (found %v), want caption; paragraphs %q", h, ok, paraTexts(a))
	}
	if h, _ := hintOf(a, "See ![chart](c.png) for the traffic figures, the council said on its website."); h != HintNone {
		t.Errorf("a paragraph with an image inside: hint %q, want none", h)
	}
}
