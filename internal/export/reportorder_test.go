package export

import (
	"fmt"
	"html"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// TestReportQuotesInReaderOrder: the report numbers the quote groups as
// the reader's quote check does (quotes differing between outlets first,
// quotes of one outlet last), so that "quote 2" is one group in both,
// whatever order the check found them in.
func TestReportQuotesInReaderOrder(t *testing.T) {
	st := testkit.Kestrel(t)
	r := insight.Analyze(st)
	q := *r.Quotes
	q.Groups = slices.Clone(q.Groups)
	slices.Reverse(q.Groups) // one outlet's quotations now come first
	r.Quotes = &q
	var want []string
	for n, i := range quotes.Order(&q) {
		want = append(want, fmt.Sprintf("%d. %s", n+1, groupTitle(st, q.Groups[i])))
	}
	if len(want) < 2 || q.Groups[0].OneOutlet == q.Groups[quotes.Order(&q)[0]].OneOutlet {
		t.Fatalf("the test needs groups found in another order than the reader's: %v", want)
	}

	md, h := reports(t, st, r)
	var got []string
	for _, m := range regexp.MustCompile(`(?m)^### (.*)$`).FindAllStringSubmatch(md, -1) {
		got = append(got, strings.ReplaceAll(m[1], `\`, ""))
	}
	if !slices.Equal(got, want) {
		t.Errorf("Markdown quote groups:\n%s\nwant the reader's order:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	got = got[:0]
	for _, m := range regexp.MustCompile(`<h3[^>]*>(.*?)</h3>`).FindAllStringSubmatch(h, -1) {
		got = append(got, html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(m[1], "")))
	}
	if !slices.Equal(got, want) {
		t.Errorf("HTML quote groups:\n%s\nwant the reader's order:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
