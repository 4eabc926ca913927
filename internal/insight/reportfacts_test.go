package insight

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"
)

// report-html gives the facts report-md gives: after the conflicts, the
// values given alike, among them a name spelled two ways (Katerina and
// Katarina Voss), which the HTML report left out.
func TestReportHTMLGivesFactsAlike(t *testing.T) {
	st := kestrel(t)
	r := Analyze(st)
	var md, h bytes.Buffer
	if err := Markdown(&md, st, r); err != nil {
		t.Fatal(err)
	}
	if err := HTML(&h, st, r); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(h.String(), ""))
	n := 0
	for _, ln := range strings.Split(md.String(), "\n") {
		if !strings.Contains(ln, ", given alike (") {
			continue
		}
		n++
		want := strings.ReplaceAll(strings.TrimPrefix(ln, "- "), `\`, "")
		if !strings.Contains(page, want) {
			t.Errorf("report-html lacks %q", want)
		}
	}
	if n == 0 || !strings.Contains(page, "Katarina Voss") {
		t.Fatalf("the test needs kestrel-bridge's values given alike (found %d) and its two spellings of Voss", n)
	}
}

// A conflict names what the numbers count without bending the word:
// "number (vehicle)", not "number of vehicle".
func TestReportFactKind(t *testing.T) {
	st := kestrel(t)
	var md bytes.Buffer
	if err := Markdown(&md, st, Analyze(st)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "event 8, number (vehicle): ") {
		t.Errorf("no \"event 8, number (vehicle): \" in the facts:\n%s", md.String()[strings.Index(md.String(), "## Facts"):])
	}
}

// A quotation one outlet gives is headed "1 outlet", not "1 outlet · one
// outlet".
func TestReportQuoteTitleSaysOnce(t *testing.T) {
	st := kestrel(t)
	var md bytes.Buffer
	if err := Markdown(&md, st, Analyze(st)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), "Priya Anand · 1 outlet\n") || strings.Contains(md.String(), "1 outlet · one outlet") {
		t.Errorf("quote titles:\n%s", md.String()[strings.Index(md.String(), "## Quotes"):strings.Index(md.String(), "## Facts")])
	}
}
