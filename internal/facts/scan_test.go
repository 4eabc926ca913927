package facts

import (
	"math/rand/v2"
	"reflect"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/synoptic-news/synoptic/internal/benchdata"
)

// The regular expressions the scanners of scan.go replace: the scanners
// must find exactly what these find.
var (
	monthAlt = `(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sept?(?:ember|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)`
	dateRE   = regexp.MustCompile(`\b(?:` +
		`(\d{4})-(\d{2})-(\d{2})` + // ISO
		`|(` + monthAlt + `)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?` + // Nov. 1, 2024
		`|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(` + monthAlt + `)(?:,?\s+(\d{4}))?` + // 1 November 2024
		`|(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)` +
		`)\b`)
	numRE = regexp.MustCompile(`(?i)(US|U\.S\.|C|A|HK)?([$€£¥₩₽])?\s?\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?` +
		`(?:\s?(%|percent\b|per cent\b|trillion\b|billion\b|million\b|thousand\b|bn\b|tn\b|mn\b|m\b|b\b|k\b))?` +
		`(?:\s(dollars|euros|pounds|rubles|roubles|yuan|yen|won|pesos|rupees)\b)?`)
	wordNumRE = regexp.MustCompile(`(?i)\b(two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|dozen|a hundred|a thousand|a million|a billion)(?:\s(million|billion|trillion|thousand|hundred|dozen))?\b`)
	approxRE  = regexp.MustCompile(`(?i)(?:about|around|approximately|roughly|nearly|almost|up to|some|more than|less than|fewer than|over|under|at least|at most|estimated|an estimated|as many as|as much as|close to)\s*$`)
)

func collect(scan func(string, func(*match)), s string, groups int) [][]int {
	var out [][]int
	scan(s, func(m *match) { out = append(out, append([]int(nil), m[:2*groups+2]...)) })
	return out
}

// compareScanners checks each scanner against its regular expression on s.
func compareScanners(t *testing.T, s string) {
	t.Helper()
	for _, c := range []struct {
		name   string
		re     *regexp.Regexp
		scan   func(string, func(*match))
		groups int
	}{{"date", dateRE, scanDates, 10}, {"number", numRE, func(s string, f func(*match)) { scanNumbers(s, new(match), f) }, 6}, {"word number", wordNumRE, scanWordNumbers, 2}} {
		want := c.re.FindAllStringSubmatchIndex(s, -1)
		got := collect(c.scan, s, c.groups)
		if !reflect.DeepEqual(want, got) {
			t.Fatalf("%s in %q:\n regexp  %v\n scanner %v", c.name, s, want, got)
		}
	}
	for _, dates := range []bool{true, false} {
		var gotDates, gotWords [][]int
		scanWords(s, dates, new(match), new(match), func(m *match) { gotDates = append(gotDates, append([]int(nil), m[:22]...)) },
			func(m *match) { gotWords = append(gotWords, append([]int(nil), m[:6]...)) })
		wantDates := dateRE.FindAllStringSubmatchIndex(s, -1)
		if !dates {
			wantDates = nil
		}
		if want := wordNumRE.FindAllStringSubmatchIndex(s, -1); !reflect.DeepEqual(wantDates, gotDates) || !reflect.DeepEqual(want, gotWords) {
			t.Fatalf("scanWords(%q, %v):\n dates   %v\n regexp  %v\n numbers %v\n regexp  %v", s, dates, gotDates, wantDates, gotWords, want)
		}
	}
	if want, got := strings.IndexFunc(s, unicode.IsDigit) >= 0, hasDigit(s); want != got {
		t.Fatalf("hasDigit(%q) = %v, want %v", s, got, want)
	}
	for i := 0; i <= len(s); i++ {
		w := s[max(0, i-30):i]
		if want, got := approxRE.MatchString(w), approxAt(w); want != got {
			t.Fatalf("approxAt(%q) = %v, regexp %v", w, got, want)
		}
	}
}

// pieces are the fragments random texts are made of: the patterns'
// words and marks in several cases, and what sits around them.
var pieces = []string{
	"Jan", "January", "Jan.", "Feb", "March", "Mar.", "May", "June", "Jun", "July", "Jul", "Aug.", "Sept", "Sept.",
	"September", "Sepember", "Sep", "Oct", "Nov.", "November", "Dec", "Monday", "Friday", "Sunday", "Tue",
	"of", "st", "nd", "rd", "th", "1", "12", "123", "2024", "20245", "1,000", "1,234,567", ",000", "3.6", ".5", "-", "--",
	"US", "us", "U.S.", "u.s.", "C", "c", "A", "a", "HK", "hk", "$", "€", "£", "¥", "₩", "₽", "%", "percent",
	"per cent", "trillion", "billion", "Million", "thousand", "bn", "BN", "tn", "mn", "m", "b", "k", "K", "K", "ſ",
	"dollars", "Euros", "pounds", "rubles", "roubles", "yuan", "yen", "won", "pesos", "rupees",
	"two", "Three", "four", "five", "six", "sixty", "seven", "seventy", "eight", "eighty", "nine", "ninety", "ten",
	"eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "hundred", "dozen", "a hundred",
	"A thousand", "a million", "a billion", "about", "around", "up to", "some", "more than", "at least", "as many as",
	"close to", "estimated", "an estimated", "over", "under", "nearly", "the", "THIRTY", "fOrty", "a thing", "A Hun", "tw",
	" ", " ", " ", "  ", "\t", "\n", "\r", "\f", "\v", ",", ", ", ".", "_", "x", "Z", "é", "\u00a0", "\xe2", "\xc5", "(", "'", "٣", "５",
}

func randomText(r *rand.Rand) string {
	var b strings.Builder
	for n := r.IntN(12); n >= 0; n-- {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestScannersMatchRegexps compares the scanners with the regular
// expressions on hand-picked texts, random texts made of the patterns'
// pieces, and the paragraphs of a generated story.
func TestScannersMatchRegexps(t *testing.T) {
	for _, s := range []string{"", "Nov. 1, 2024", "1 November 2024", "1st of Jan.", "5 Jan.x", "Friday", "2024-11-01",
		"US$5", "U.S.$3.6 billion", "HK$ 40", "a 5", "data 5", "€40", "5 m", "3.6B", "12 per cent", "$2bn", "1,2345",
		"1234,567", "8,000 soldiers", "two dozen", "sixty million", "a hundred", "two millionaires", "ſix", "xſix",
		"up to 8,000", "5 K", "Uſ$5", "u.ſ.€ 5", "Sept 5th, 2024", "Sepember 5", "May 12345", "12 Mayday"} {
		compareScanners(t, s)
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		compareScanners(t, randomText(r))
	}
	g := benchdata.Generate(benchdata.Config{Bytes: benchdata.KB100, Articles: 2, Seed: benchdata.Seed})
	for _, a := range g.Corpus.Articles {
		for _, p := range a.Paras {
			compareScanners(t, p.Text)
		}
	}
}

// FuzzScanners compares the scanners with the regular expressions on any
// text.
func FuzzScanners(f *testing.F) {
	for _, s := range []string{"Nov. 1, 2024", "US$5 million dollars", "two dozen", "about 5", "1 of March, 2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) { compareScanners(t, s) })
}
