package corpus

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// The regexps the hand matchers of match.go stand for.
var (
	dateRE      = regexp.MustCompile(`^\s*(?:date:?\s+)?(\d{4}-\d{2}-\d{2})(?:[T ][0-9:]+Z?)?\s*(.*)$`)
	readMoreRE  = regexp.MustCompile(`(?i)^(?:click here to )?read more (?:from|at|on) (?:the )?(.{3,60}?)[.!]?$`)
	blankLineRE = regexp.MustCompile(`\n[ \t\f\v\x{00A0}]*\n`)
)

// sameAsRegexps fails t when a hand matcher and its regexp disagree on s.
func sameAsRegexps(t *testing.T, s string) (date, readMore, blank bool) {
	t.Helper()
	d, rest, ok := matchDate(s)
	if m := dateRE.FindStringSubmatch(s); ok != (m != nil) || ok && (d != m[1] || rest != m[2]) {
		t.Fatalf("matchDate(%q) = %q, %q, %v; the regexp says %q", s, d, rest, ok, m)
	}
	name, ok2 := matchReadMore(s)
	if m := readMoreRE.FindStringSubmatch(s); ok2 != (m != nil) || ok2 && name != m[1] {
		t.Fatalf("matchReadMore(%q) = %q, %v; the regexp says %q", s, name, ok2, m)
	}
	start, end := blankLine(s)
	want := blankLineRE.FindStringIndex(s)
	if want == nil && start != -1 || want != nil && (start != want[0] || end != want[1]) {
		t.Fatalf("blankLine(%q) = %d, %d; the regexp says %v", s, start, end, want)
	}
	if got, want := splitBlankLines(s), blankLineRE.Split(s, -1); !slices.Equal(got, want) {
		t.Fatalf("splitBlankLines(%q) = %q; the regexp says %q", s, got, want)
	}
	if !mayBeDateline(s) && datelineRE().MatchString(s) {
		t.Fatalf("mayBeDateline(%q) is false, but datelineRE matches it", s)
	}
	return ok, ok2, want != nil
}

// TestMatchersAreTheRegexps checks the hand matchers against their regexps
// on texts made of the pieces that decide a match.
func TestMatchersAreTheRegexps(t *testing.T) {
	texts := []string{"", " ", "date", "date 2024-11-01 Ukraine war", "November 1, 2024", "Updated: Fri, Nov. 1, 2024, 10:15 a.m. ET",
		"Published 1 November 2024", "ſept. 3, 2024", "NOV 1 2024", "1 Dec 2024", "Dec 2024", "May 1, 224", "date: 2024-11-01", "\t\n 2024-11-01T10:00:00Z News",
		"2024-11-01", "Date 2024-11-01", "\v2024-11-01", "\u00a02024-11-01", "1 dead", "datestamp 2024-11-01", "dat 2024-11-01",
		"Reporting by 2024-11-01", "  date\t2024-01-02 x", "2024-1-01", "x2024-11-01", "2024-11-01 12", "2024-11-01T:Z\n",
		"CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER", "Read more at Él País.", "READ MORE FROM ÜBER-ZEITUNG",
		"read more from the AP", "read more on the", "read more at abc!", "read more at ab.", "read more from the the hill",
		"\u212Alick here to read more from x\u212Ay", "read more from " + strings.Repeat("é", 60) + ".",
		"read more from " + strings.Repeat("x", 61), "read more from " + strings.Repeat("x", 61) + ".", "read more from " + strings.Repeat("x", 60) + "!",
		"a\n\nb", "a\n \u00a0\t\v\f\nb\n\n", "\n\n\n", "\n \n\n", "x\n\xc2\n\n", "\r\n\r\n"}
	pieces := []string{" ", "\t", "\n", "\v", "\f", "\r", "date", "Date", ":", "2024", "-", "11", "01", "T", "10:00", "Z",
		"news", "\u00a0", "é", "2024-11-01", "date 2024-11-01", "2024-11-01 ", "click here to ", "CLICK HERE TO ",
		"read more ", "Read More ", "from ", "at ", "on ", "the ", "The ", ".", "!", "ab", "Hill", "\u212A", "\u017F",
		"\xc2", "\xa0", "\n\n", "\n \n", strings.Repeat("w", 25)}
	r := uint64(1)
	next := func() uint64 { r ^= r << 13; r ^= r >> 7; r ^= r << 17; return r }
	for range 60000 {
		var b strings.Builder
		for n := int(next()%7) + 1; n > 0; n-- {
			b.WriteString(pieces[next()%uint64(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	var dates, readMores, blanks int
	for _, s := range texts {
		d, m, bl := sameAsRegexps(t, s)
		dates, readMores, blanks = dates+b2i(d), readMores+b2i(m), blanks+b2i(bl)
	}
	// matches of each kind, or the comparison proves little
	if dates < 100 || readMores < 100 || blanks < 100 {
		t.Errorf("matches: %d dates, %d read-more lines, %d blank lines of %d texts", dates, readMores, blanks, len(texts))
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// FuzzMatchers checks the hand matchers against their regexps on any text.
func FuzzMatchers(f *testing.F) {
	for _, s := range []string{"date 2024-11-01 Ukraine war", "ſept. 3, 2024", "Updated: Fri, Nov. 1, 2024, 10:15 a.m. ET", "CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER",
		"a\n \u00a0\nb", "read more at ab.", "\t2024-11-01T10:00Z\n x"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { sameAsRegexps(t, s) })
}
