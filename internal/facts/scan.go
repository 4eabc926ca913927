package facts

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Hand-written scanners for the patterns Extract looks for. Each finds
// exactly what the regular expression in its comment finds, with the same
// submatch offsets (scan_test.go compares them on random text), in one
// pass over the text and without allocating: Extract runs on every block
// of every article, and the regular expressions cost most of the
// whole-story checks.
//
// The regular expressions' rules they follow: \d and \s are ASCII ([0-9]
// and [\t\n\f\r ]), \b is an ASCII word boundary ([0-9A-Za-z_] on one side
// only), alternatives and quantifiers are tried in the order written and
// the first way through wins, and (?i) folds an ASCII letter with its
// other case and, for k and s, with the Kelvin sign and the long s.

// match holds the submatch offsets of one match, as the regexp package's
// FindAllStringSubmatchIndex gives them (-1 for a group that took no part).
type match [22]int

func isWordByte2(c byte) bool { return wordBytes[c] }

// wordBytes are the bytes of \w: [0-9A-Za-z_].
var wordBytes = func() (t [256]bool) {
	for c := range t {
		t[c] = c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_'
	}
	return t
}()

func wordAt(s string, i int) bool { return i >= 0 && i < len(s) && isWordByte2(s[i]) }

// boundary is \b at s[i].
func boundary(s string, i int) bool { return wordAt(s, i-1) != wordAt(s, i) }

func digitAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }

func spaceAt(s string, i int) bool {
	if i < 0 || i >= len(s) {
		return false
	}
	switch s[i] {
	case ' ', '\t', '\n', '\f', '\r':
		return true
	}
	return false
}

// skipSpace returns the end of the run of \s at s[i:].
func skipSpace(s string, i int) int {
	for spaceAt(s, i) {
		i++
	}
	return i
}

// digitsAt returns the end of the run of digits at s[i:].
func digitsAt(s string, i int) int {
	for digitAt(s, i) {
		i++
	}
	return i
}

// foldAt says whether s[i:] starts with lit (lower-case ASCII) under (?i),
// and returns the end of it.
func foldAt(s string, i int, lit string) (int, bool) {
	for k := 0; k < len(lit); k++ {
		c := lit[k]
		if i < len(s) {
			b := s[i]
			if b == c || (c >= 'a' && c <= 'z' && b == c-'a'+'A') {
				i++
				continue
			}
			if c == 's' && strings.HasPrefix(s[i:], "ſ") {
				i += len("ſ")
				continue
			}
			if c == 'k' && strings.HasPrefix(s[i:], "K") {
				i += len("K")
				continue
			}
		}
		return 0, false
	}
	return i, true
}

// foldEndsAt says whether s[lo:j] ends with lit (lower-case ASCII) under (?i).
func foldEndsAt(s string, lo, j int, lit string) bool {
	for k := len(lit) - 1; k >= 0; k-- {
		c := lit[k]
		if j > lo {
			b := s[j-1]
			if b == c || (c >= 'a' && c <= 'z' && b == c-'a'+'A') {
				j--
				continue
			}
		}
		if c == 's' && j-len("ſ") >= lo && s[j-len("ſ"):j] == "ſ" {
			j -= len("ſ")
			continue
		}
		if c == 'k' && j-len("K") >= lo && s[j-len("K"):j] == "K" {
			j -= len("K")
			continue
		}
		return false
	}
	return true
}

// monthForms are the ways monthAlt writes each month, in the order it
// tries them.
var monthForms = [][]string{
	{"January", "Jan.", "Jan"}, {"February", "Feb.", "Feb"}, {"March", "Mar.", "Mar"}, {"April", "Apr.", "Apr"},
	{"May"}, {"June", "Jun"}, {"July", "Jul"}, {"August", "Aug.", "Aug"},
	{"September", "Sept.", "Sept", "Sepember", "Sep.", "Sep"}, {"October", "Oct.", "Oct"},
	{"November", "Nov.", "Nov"}, {"December", "Dec.", "Dec"},
}

// monthAt returns the forms of the month whose name may start at s[i:].
func monthAt(s string, i int) []string {
	if i+3 > len(s) {
		return nil
	}
	switch s[i : i+3] {
	case "Jan":
		return monthForms[0]
	case "Feb":
		return monthForms[1]
	case "Mar":
		return monthForms[2]
	case "Apr":
		return monthForms[3]
	case "May":
		return monthForms[4]
	case "Jun":
		return monthForms[5]
	case "Jul":
		return monthForms[6]
	case "Aug":
		return monthForms[7]
	case "Sep":
		return monthForms[8]
	case "Oct":
		return monthForms[9]
	case "Nov":
		return monthForms[10]
	case "Dec":
		return monthForms[11]
	}
	return nil
}

var weekdayNames = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

// ordinalAt says whether s[i:] starts with st, nd, rd or th.
func ordinalAt(s string, i int) bool {
	if i+2 > len(s) {
		return false
	}
	switch s[i : i+2] {
	case "st", "nd", "rd", "th":
		return true
	}
	return false
}

// yearEnds returns the ends of `,?\s+(\d{4})` at s[i:] in the order the
// pattern tries them (with the comma, without), and the year's start; ok
// is false when it does not match.
func yearAt(s string, i int) (start int, ok bool) {
	j := i
	if j < len(s) && s[j] == ',' {
		j++
	}
	// without the comma the \s+ would have to match the comma itself
	if !spaceAt(s, j) {
		return 0, false
	}
	j = skipSpace(s, j)
	for k := 0; k < 4; k++ {
		if !digitAt(s, j+k) {
			return 0, false
		}
	}
	return j, true
}

// scanDates calls f with each match of dateRE in s, in order:
//
//	\b(?:(\d{4})-(\d{2})-(\d{2})
//	|(MONTH)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?
//	|(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(MONTH)(?:,?\s+(\d{4}))?
//	|(Monday|…|Sunday))\b
func scanDates(s string, f func(m *match)) {
	scanWords(s, true, new(match), new(match), f, func(*match) {})
}

// scanWords calls date with each match of scanDates (when dates is true)
// and word with each match of scanWordNumbers, each in order, reading s
// once: both try the same word starts, each past the end of its last
// match. The two calls' matches may overlap (Extract keeps the date).
// dm and wm hold the matches passed to date and word, which a caller
// reading many texts keeps: a match passed to a function value would
// otherwise be allocated anew for each text.
func scanWords(s string, dates bool, dm, wm *match, date, word func(m *match)) {
	dateNext, wordNext := 0, 0 // where each scanner looks again
	if !dates {
		dateNext = len(s)
	}
	for i := 0; i < len(s); {
		// each scanner resumes after its match at a byte that is no word
		// byte or at the start of a word, both of which this loop visits
		c := s[i]
		if i >= dateNext && dateStarter[c] && !wordAt(s, i-1) && dateAt(s, i, dm) {
			date(dm)
			dateNext = dm[1]
		}
		if i >= wordNext && wordNumStarter[c] && boundary(s, i) && wordNumberAt(s, i, wm) {
			word(wm)
			wordNext = wm[1]
		}
		i = nextStart(s, i)
	}
}

// nextStart returns the position after i where \b may fall before a word
// byte: past the rest of the word when s[i] is a word byte, since no
// boundary falls between two of them; i+1 otherwise.
func nextStart(s string, i int) int {
	if !isWordByte2(s[i]) {
		return i + 1
	}
	for i++; i < len(s) && isWordByte2(s[i]); i++ {
	}
	return i
}

func resetMatch(m *match, s, e int) {
	for k := range m {
		m[k] = -1
	}
	m[0], m[1] = s, e
}

// dateAt matches dateRE at s[p:], p being at a word boundary before a word
// character, trying its alternatives in order.
func dateAt(s string, p int, m *match) bool {
	if c := s[p]; c >= '0' && c <= '9' {
		return isoDateAt(s, p, m) || dayFirstAt(s, p, m)
	}
	return monthFirstAt(s, p, m) || weekdayAt(s, p, m)
}

// isoDateAt matches (\d{4})-(\d{2})-(\d{2})\b at s[p:].
func isoDateAt(s string, p int, m *match) bool {
	if digitsAt(s, p) >= p+4 && p+10 <= len(s) && s[p+4] == '-' && digitAt(s, p+5) && digitAt(s, p+6) &&
		s[p+7] == '-' && digitAt(s, p+8) && digitAt(s, p+9) && !wordAt(s, p+10) {
		resetMatch(m, p, p+10)
		m[2], m[3], m[4], m[5], m[6], m[7] = p, p+4, p+5, p+7, p+8, p+10
		return true
	}
	return false
}

// dayFirstAt matches
// (\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(MONTH)(?:,?\s+(\d{4}))?\b at s[p:].
func dayFirstAt(s string, p int, m *match) bool {
	return dayAt(s, p, func(r, r2 int) bool {
		if !spaceAt(s, r2) {
			return false
		}
		q := skipSpace(s, r2)
		if strings.HasPrefix(s[q:], "of") && spaceAt(s, q+2) && monthYearAt(s, p, r, skipSpace(s, q+2), m) {
			return true
		}
		return monthYearAt(s, p, r, q, m)
	})
}

// dayAt calls f with each way (\d{1,2})(?:st|nd|rd|th)? matches at s[q:],
// in the order the pattern tries them, until f returns true: r is the end
// of the digits and r2 of the match.
func dayAt(s string, q int, f func(r, r2 int) bool) bool {
	for dl := 2; dl >= 1; dl-- {
		if digitsAt(s, q) < q+dl {
			continue
		}
		r := q + dl
		if ordinalAt(s, r) && f(r, r+2) {
			return true
		}
		if f(r, r) {
			return true
		}
	}
	return false
}

// monthYearAt matches (MONTH)(?:,?\s+(\d{4}))?\b at s[mq:], for a date
// that starts at p with its day at s[p:r].
func monthYearAt(s string, p, r, mq int, m *match) bool {
	for _, form := range monthAt(s, mq) {
		if !strings.HasPrefix(s[mq:], form) {
			continue
		}
		me := mq + len(form)
		if ys, ok := yearAt(s, me); ok && !wordAt(s, ys+4) {
			resetMatch(m, p, ys+4)
			m[14], m[15], m[16], m[17], m[18], m[19] = p, r, mq, me, ys, ys+4
			return true
		}
		if boundary(s, me) {
			resetMatch(m, p, me)
			m[14], m[15], m[16], m[17] = p, r, mq, me
			return true
		}
	}
	return false
}

// monthFirstAt matches
// (MONTH)\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?\b at s[p:].
func monthFirstAt(s string, p int, m *match) bool {
	for _, form := range monthAt(s, p) {
		if !strings.HasPrefix(s[p:], form) {
			continue
		}
		me := p + len(form)
		if !spaceAt(s, me) {
			continue
		}
		q := skipSpace(s, me)
		found := dayAt(s, q, func(r, r2 int) bool {
			if ys, ok := yearAt(s, r2); ok && !wordAt(s, ys+4) {
				resetMatch(m, p, ys+4)
				m[8], m[9], m[10], m[11], m[12], m[13] = p, me, q, r, ys, ys+4
				return true
			}
			if !wordAt(s, r2) {
				resetMatch(m, p, r2)
				m[8], m[9], m[10], m[11] = p, me, q, r
				return true
			}
			return false
		})
		if found {
			return true
		}
	}
	return false
}

// weekdayAt matches (Monday|…|Sunday)\b at s[p:].
func weekdayAt(s string, p int, m *match) bool {
	for _, w := range weekdayNames {
		if strings.HasPrefix(s[p:], w) && !wordAt(s, p+len(w)) {
			resetMatch(m, p, p+len(w))
			m[20], m[21] = p, p+len(w)
			return true
		}
	}
	return false
}

var (
	numPrefixes    = []string{"us", "u.s.", "c", "a", "hk"}
	currencySigns  = []string{"$", "€", "£", "¥", "₩", "₽"}
	numSuffixes    = []string{"percent", "per cent", "trillion", "billion", "million", "thousand", "bn", "tn", "mn", "m", "b", "k"}
	currencyWords  = []string{"dollars", "euros", "pounds", "rubles", "roubles", "yuan", "yen", "won", "pesos", "rupees"}
	wordNumbers    = []string{"two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "dozen", "a hundred", "a thousand", "a million", "a billion"}
	wordMultiples  = []string{"million", "billion", "trillion", "thousand", "hundred", "dozen"}
	approxPhrases  = []string{"about", "around", "approximately", "roughly", "nearly", "almost", "up to", "some", "more than", "less than", "fewer than", "over", "under", "at least", "at most", "estimated", "an estimated", "as many as", "as much as", "close to"}
	numLeadWindow  = len("u.ſ.") + len("€") + 1 // the most bytes before the digits of a match
	wordNumStarter = [256]bool{}
)

func init() {
	for _, w := range wordNumbers {
		wordNumStarter[w[0]] = true
		wordNumStarter[w[0]-'a'+'A'] = true
	}
	wordNumStarter["ſ"[0]] = true
	for _, w := range wordNumbers {
		wordNumbersBy[w[0]] = append(wordNumbersBy[w[0]], w)
		wordNumSecond[w[0]][w[1]] = true
		if c := w[1]; c >= 'a' && c <= 'z' {
			wordNumSecond[w[0]][c-'a'+'A'] = true
		}
	}
	for _, c := range []byte("0123456789JFMASONDTW") {
		dateStarter[c] = true
	}
}

// numberStarter are the bytes a match of numRE may start with: a
// prefix's first letter, a currency sign's first byte, the \s before the
// digits, or a digit.
var numberStarter = func() (t [256]bool) {
	for _, p := range numPrefixes {
		t[p[0]] = true
		t[p[0]-'a'+'A'] = true
	}
	for _, c := range currencySigns {
		t[c[0]] = true
	}
	for _, c := range []byte(" \t\n\f\r0123456789") {
		t[c] = true
	}
	return t
}()

// signStarter are the first bytes of the currency signs.
var signStarter = func() (t [256]bool) {
	for _, c := range currencySigns {
		t[c[0]] = true
	}
	return t
}()

// wordNumPrefixes are the first three bytes of each of wordNumbers as
// foldKey3 makes them, sorted.
var wordNumPrefixes = func() []uint32 {
	var ks []uint32
	for _, w := range wordNumbers {
		ks = append(ks, foldKey3(w[0], w[1], w[2]))
	}
	slices.Sort(ks)
	return slices.Compact(ks)
}()

// foldKey3 is a number three ASCII bytes give alike in either case.
func foldKey3(a, b, c byte) uint32 {
	lower := func(x byte) uint32 {
		if 'A' <= x && x <= 'Z' {
			x += 'a' - 'A'
		}
		return uint32(x)
	}
	return lower(a)<<16 | lower(b)<<8 | lower(c)
}

// wordNumbersBy are wordNumbers by first letter, in their order.
var wordNumbersBy [256][]string

// wordNumSecond[c] are the bytes the words of wordNumbersBy[c] may go on
// with, in either case.
var wordNumSecond [256][256]bool

// dateStarter are the bytes a date may start with.
var dateStarter = [256]bool{}

// scanNumbers calls f with each match of numRE in s, in order:
//
//	(?i)(US|U\.S\.|C|A|HK)?([$€£¥₩₽])?\s?\b(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?
//	(?:\s?(%|percent\b|per cent\b|trillion\b|billion\b|million\b|thousand\b|bn\b|tn\b|mn\b|m\b|b\b|k\b))?
//	(?:\s(dollars|euros|pounds|rubles|roubles|yuan|yen|won|pesos|rupees)\b)?
//
// A match needs digits at most numLeadWindow bytes after its start, so
// only the starts before each run of digits are tried. m holds the
// match passed to f (see scanWords).
func scanNumbers(s string, m *match, f func(m *match)) {
	pos := 0
	for pos < len(s) {
		d := pos
		for d < len(s) && s[d]-'0' > 9 { // not a digit: one comparison
			d++
		}
		if d == len(s) {
			return
		}
		found := false
		for p := max(pos, d-numLeadWindow); p <= d; p++ {
			if numberStarter[s[p]] && numberAt(s, p, m) {
				f(m)
				pos = m[1]
				found = true
				break
			}
		}
		if !found {
			// no match starts inside the run of digits: \b fails there
			pos = digitsAt(s, d)
		}
	}
}

// numberLead finds, in the order numRE tries them, the first way through
// (US|U\.S\.|C|A|HK)?([$€£¥₩₽])?\s?\b that reaches a digit: the end of the
// prefix and of the sign (-1 when absent) and where the digits start (q is
// -1 when none is reached).
func numberLead(s string, p int) (pre, signEnd, q int) {
	for k := 0; k <= len(numPrefixes); k++ {
		a, pre := p, -1
		if k < len(numPrefixes) {
			e, ok := foldAt(s, p, numPrefixes[k])
			if !ok {
				continue
			}
			a, pre = e, e
		}
		sign := -1
		if a < len(s) && signStarter[s[a]] {
			for _, c := range currencySigns {
				if strings.HasPrefix(s[a:], c) {
					sign = a + len(c)
					break
				}
			}
		}
		for _, b := range [2]int{sign, a} {
			if b < 0 {
				continue
			}
			se := -1
			if b == sign {
				se = sign
			}
			if spaceAt(s, b) && digitAt(s, b+1) {
				return pre, se, b + 1
			}
			if digitAt(s, b) && !wordAt(s, b-1) {
				return pre, se, b
			}
		}
	}
	return -1, -1, -1
}

// numberAt matches numRE at s[p:].
func numberAt(s string, p int, m *match) bool {
	pre, signEnd, q := numberLead(s, p)
	if q < 0 {
		return false
	}
	resetMatch(m, p, 0)
	if pre >= 0 {
		m[2], m[3] = p, pre
	}
	if signEnd >= 0 {
		m[4], m[5] = max(pre, p), signEnd
	}
	// the digits
	r := digitsAt(s, q)
	e := r
	if r-q <= 3 && r < len(s) && s[r] == ',' && digitAt(s, r+1) && digitAt(s, r+2) && digitAt(s, r+3) {
		for e+4 <= len(s) && s[e] == ',' && digitAt(s, e+1) && digitAt(s, e+2) && digitAt(s, e+3) {
			e += 4
		}
	}
	m[6], m[7] = q, e
	if e < len(s) && s[e] == '.' && digitAt(s, e+1) {
		fe := digitsAt(s, e+1)
		m[8], m[9] = e+1, fe
		e = fe
	}
	// the scale or percent sign
	if spaceAt(s, e) {
		if se, ok := suffixAt(s, e+1); ok {
			m[10], m[11] = e+1, se
			e = se
		}
	} else if se, ok := suffixAt(s, e); ok {
		m[10], m[11] = e, se
		e = se
	}
	// a currency in words
	if spaceAt(s, e) {
		for _, w := range currencyWords {
			if we, ok := foldAt(s, e+1, w); ok && !wordAt(s, we) {
				m[12], m[13] = e+1, we
				e = we
				break
			}
		}
	}
	m[1] = e
	return true
}

// suffixAt matches (%|percent\b|…|k\b) at s[i:].
func suffixAt(s string, i int) (int, bool) {
	if i < len(s) && s[i] == '%' {
		return i + 1, true
	}
	for _, w := range numSuffixes {
		if e, ok := foldAt(s, i, w); ok && !wordAt(s, e) {
			return e, true
		}
	}
	return 0, false
}

// scanWordNumbers calls f with each match of wordNumRE in s, in order:
//
//	(?i)\b(two|three|…|a billion)(?:\s(million|billion|trillion|thousand|hundred|dozen))?\b
func scanWordNumbers(s string, f func(m *match)) { scanWords(s, false, new(match), new(match), nil, f) }

func wordNumberAt(s string, p int, m *match) bool {
	c := s[p] | 0x20 // lower case for ASCII letters
	if s[p] == "ſ"[0] {
		c = 's'
	} else if p+1 < len(s) && s[p+1] < utf8.RuneSelf && !wordNumSecond[c][s[p+1]] {
		// most words that start like a number word do not go on like
		// one (an ASCII byte folds only to itself and its other case)
		return false
	} else if p+2 < len(s) && s[p+1] < utf8.RuneSelf && s[p+2] < utf8.RuneSelf {
		// nor do most that go on like one for two letters ("the",
		// "that", "a p…"); each number word has three bytes or more
		if _, ok := slices.BinarySearch(wordNumPrefixes, foldKey3(s[p], s[p+1], s[p+2])); !ok {
			return false
		}
	}
	for _, w := range wordNumbersBy[c] {
		e, ok := foldAt(s, p, w)
		if !ok {
			continue
		}
		if spaceAt(s, e) {
			for _, x := range wordMultiples {
				if xe, ok := foldAt(s, e+1, x); ok && boundary(s, xe) {
					resetMatch(m, p, xe)
					m[2], m[3], m[4], m[5] = p, e, e+1, xe
					return true
				}
			}
		}
		if boundary(s, e) {
			resetMatch(m, p, e)
			m[2], m[3] = p, e
			return true
		}
	}
	return false
}

// approxAt says whether approxRE matches s:
//
//	(?i)(?:about|around|…|close to)\s*$
func approxAt(s string) bool {
	j := len(s)
	for j > 0 && spaceAt(s, j-1) {
		j--
	}
	for _, w := range approxPhrases {
		if foldEndsAt(s, 0, j, w) {
			return true
		}
	}
	return false
}
