package facts

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
)

// Type is what kind of fact a value is.
type Type string

// The types of value.
const (
	Number  Type = "number"  // a count or quantity: 8,000; 3.6 billion; twelve
	Money   Type = "money"   // an amount with a currency: $2 million; €40
	Percent Type = "percent" // 5%; 12 percent
	Date    Type = "date"    // Nov. 1, 2024; 1 November; Friday; 2024-11-01
	Year    Type = "year"    // a year on its own: 1949
	Name    Type = "name"    // a named person or place: Sergey Lavrov; Kursk
)

// Value is one fact an article gives: a number, a date or a name.
type Value struct {
	Type Type `json:"type"`
	// Text is the value as written ("$3.6 billion", "Sergei Lavrov").
	Text string `json:"text"`
	// Key is the normalised value: "3600000000" for money and numbers,
	// "5" for 5%, "2024-11-01", "--11-01" (no year), "friday", or a name
	// in lower case without diacritics or titles. Equal keys mean the same
	// value; names also match fuzzily (see SameName).
	Key string `json:"key"`
	// Unit is what a number counts ("soldier"), or the currency of money
	// ("USD"); empty when unknown.
	Unit string `json:"unit,omitempty"`
	// Approx says the text hedges the number ("up to", "about", "nearly").
	Approx bool `json:"approx,omitempty"`
	// Person says a name looks like a person's (two or more name words, or
	// a title before it).
	Person bool `json:"person,omitempty"`
	// Article and Block locate the value; Start and End are byte offsets
	// into the block's text.
	Article int `json:"article"`
	Block   int `json:"block"`
	Start   int `json:"start"`
	End     int `json:"end"`

	num  float64   // numeric value for numbers, money and percents
	prec float64   // the place of the last digit written (1, 0.1, 1e8 for "3.6 billion")
	toks *[]string // for names, names.NameTokens(Text) as found
	// fig is what comparing a figure reads beyond the value (nil for a
	// date or a name): a report holds many values, and keeps none of it
	fig *figure
}

// figure is what comparing a figure (a number, money, a percentage) reads
// besides its value.
type figure struct {
	noun string         // for money, the noun after it ("grant" in "$2 million grant")
	src  string         // the text it was read from: its context is read from it when needed
	ctx  *figureContext // contextOf src around the figure, once read (see context): few are
}

// noun is the noun after an amount of money, "" for none.
func (v *Value) noun() string {
	if v.fig == nil {
		return ""
	}
	return v.fig.noun
}

var scales = map[string]float64{"trillion": 1e12, "tn": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6,
	"mn": 1e6, "m": 1e6, "thousand": 1e3, "k": 1e3, "hundred": 100, "dozen": 12}

var wordNums = map[string]float64{"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
	"ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
	"sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "dozen": 12, "a hundred": 100,
	"a thousand": 1000, "a million": 1e6, "a billion": 1e9}

var currencies = map[string]string{"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₩": "KRW", "₽": "RUB",
	"dollars": "USD", "euros": "EUR", "pounds": "GBP", "rubles": "RUB", "roubles": "RUB", "yuan": "CNY", "yen": "JPY",
	"won": "KRW", "pesos": "MXN", "rupees": "INR"}

// Extract returns the numbers, money, percentages, dates and years that
// text gives, in text order, with Article and Block zero. Names are not
// included; see ExtractNames.
func Extract(text string) []Value {
	var sc scratch
	return sc.extract(text)
}

// scratch holds the working memory of Extract and ExtractNames, for a
// caller that reads many blocks one after another: what they return is
// then allocated once, at its size.
type scratch struct {
	values []Value
	taken  []bool
	words  []match  // numbers in words, found before the figures
	dm, wm match    // the matches of the scanners
	figs   []figure // the rest of a chunk of figures, taken one by one
}

// newFigure returns a figure of sc's, allocated a few at a time: most
// values a block gives are figures.
func (sc *scratch) newFigure() *figure {
	if len(sc.figs) == 0 {
		sc.figs = make([]figure, 32)
	}
	f := &sc.figs[0]
	sc.figs = sc.figs[1:]
	return f
}

// extract is Extract.
func (sc *scratch) extract(text string) []Value {
	out := sc.appendValues(sc.values[:0], text)
	sc.values = out[:0]
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// extractNames is ExtractNames.
func (sc *scratch) extractNames(text string, lower map[string]bool) []Value {
	out := appendNames(sc.values[:0], text, lower)
	sc.values = out[:0]
	if len(out) == 0 {
		return nil
	}
	return slices.Clone(out)
}

// appendValues appends Extract(text) to out.
func (sc *scratch) appendValues(out []Value, text string) []Value {
	// without a digit, no figure; nor a date, but for a weekday: most
	// prose paragraphs are only read for numbers in words
	digits := hasDigit(text)
	dates := digits || strings.Contains(text, "day")
	start := len(out)
	// the bytes a value already covers: dates first, then figures, then
	// numbers in words, each taking what the ones before left
	var taken []bool
	add := func(v Value) {
		out = append(out, v)
		for i := v.Start; i < v.End; i++ {
			taken[i] = true
		}
	}
	if dates {
		taken = sc.cleared(len(text) + 1)
	}
	// dates and numbers in words are found in one reading of the text,
	// the numbers in words kept until the figures have taken their bytes
	words := sc.words[:0]
	scanWords(text, dates, &sc.dm, &sc.wm, func(m *match) {
		if v, ok := dateValue(text, m); ok {
			add(v)
		}
	}, func(m *match) { words = append(words, *m) })
	sc.words = words
	if !dates && len(words) == 0 {
		return out // nothing found: most prose paragraphs, quickly
	}
	if !dates {
		taken = sc.cleared(len(text) + 1)
	}
	if digits {
		scanNumbers(text, &sc.dm, func(m *match) {
			if taken[m[6]] { // the digits
				return
			}
			if v, ok := figureValue(text, m); ok {
				add(v)
			}
		})
	}
	for k := range words {
		m := &words[k]
		if taken[m[0]] {
			continue
		}
		if v, ok := wordNumberValue(text, m); ok {
			add(v)
		}
	}
	slices.SortStableFunc(out[start:], func(x, y Value) int { return x.Start - y.Start })
	for i := start; i < len(out); i++ {
		if t := out[i].Type; t == Number || t == Money || t == Percent {
			if out[i].fig == nil {
				out[i].fig = sc.newFigure()
			}
			out[i].fig.src = text
		}
	}
	return out
}

// cleared returns sc's buffer of n bools, all false.
func (sc *scratch) cleared(n int) []bool {
	sc.taken = append(sc.taken[:0], make([]bool, n)...)
	return sc.taken
}

// group returns the text of submatch k of m in text, "" when it took no
// part.
func (m *match) group(text string, k int) string {
	if m[2*k] < 0 {
		return ""
	}
	return text[m[2*k]:m[2*k+1]]
}

// dateValue is the date of a match of scanDates; false when it is none
// (a day past 31, "May 40").
func dateValue(text string, m *match) (Value, bool) {
	v := Value{Type: Date, Start: m[0], End: m[1], Text: text[m[0]:m[1]]}
	switch {
	case m.group(text, 1) != "":
		v.Key = m.group(text, 1) + "-" + m.group(text, 2) + "-" + m.group(text, 3)
	case m.group(text, 4) != "":
		v.Key = dateKey(m.group(text, 6), names.MonthNumber(m.group(text, 4)), m.group(text, 5))
	case m.group(text, 8) != "":
		v.Key = dateKey(m.group(text, 9), names.MonthNumber(m.group(text, 8)), m.group(text, 7))
	default:
		v.Key = strings.ToLower(m.group(text, 10))
	}
	return v, v.Key != ""
}

// figureValue is the number, money, percentage or year of a match of
// scanNumbers; false when its digits are part of a code ("F-35", "G7").
func figureValue(text string, m *match) (Value, bool) {
	s, e := m[0], m[1]
	ds := m[6] // the digits
	if !numberBoundary(text, ds, m[7]) {
		return Value{}, false
	}
	digits := m.group(text, 3)
	intPart := strings.ReplaceAll(digits, ",", "")
	frac := m.group(text, 4)
	f, err := parseFigure(intPart, frac)
	if err != nil {
		return Value{}, false
	}
	prec := math.Pow(10, -float64(len(frac)))
	sign := m.group(text, 2)
	suffix := strings.ToLower(m.group(text, 5))
	cur := currencies[sign]
	if c := currencies[strings.ToLower(m.group(text, 6))]; c != "" {
		cur = c
	}
	if sign == "" {
		s = ds // a stray "A" or "C" before a number is a word, not a currency
	}
	v := Value{Start: s, End: e}
	switch {
	case suffix == "%" || suffix == "percent" || suffix == "per cent":
		v.Type = Percent
	case cur != "":
		v.Type = Money
		v.Unit = cur
	default:
		v.Type = Number
	}
	numEnd := m[7]
	if m[8] >= 0 {
		numEnd = m[9]
	}
	if sc, ok := scales[suffix]; ok {
		// "3 m" in prose is metres; a one- or two-letter scale ("3.6B",
		// "$2bn") is written without a space
		if len(suffix) <= 2 && (m[10] > numEnd || (suffix == "m" && cur == "")) {
			v.End = numEnd
		} else {
			f *= sc
			prec *= sc
		}
	}
	if v.Type == Number && frac == "" && !strings.Contains(digits, ",") && len(intPart) == 4 && f >= 1800 && f <= 2100 && suffix == "" {
		v.Type = Year
		v.Key = intPart
		v.Text = text[v.Start:v.End]
		return v, true
	}
	v.num, v.prec = f, prec
	v.Key = formatNum(f)
	v.Text = strings.TrimSpace(text[v.Start:v.End])
	v.Start = v.Start + strings.Index(text[v.Start:v.End], v.Text)
	v.End = v.Start + len(v.Text)
	v.Approx = hedged(text, v.Start)
	if v.Type == Number {
		v.Unit = unitAfter(text[v.End:])
	} else if v.Type == Money {
		if noun := unitAfter(text[v.End:]); noun != "" {
			v.fig = &figure{noun: noun} // few amounts name one
		}
	}
	return v, true
}

// parseFigure is the number whose digits before the point are intPart
// and after it frac (either may be empty), as strconv.ParseFloat reads
// it. Most figures are whole numbers of a few digits, which a float64
// holds exactly: those are read without making a string for ParseFloat.
func parseFigure(intPart, frac string) (float64, error) {
	if frac == "" && len(intPart) > 0 && len(intPart) <= 15 {
		n := int64(0)
		for i := 0; i < len(intPart); i++ {
			n = n*10 + int64(intPart[i]-'0')
		}
		return float64(n), nil
	}
	return strconv.ParseFloat(intPart+"."+frac+"0", 64)
}

// wordNumberValue is the number of a match of scanWordNumbers ("two
// dozen"); false when it counts nothing named ("two of them").
func wordNumberValue(text string, m *match) (Value, bool) {
	if m[0] > 0 && isWordByte(text[m[0]-1]) {
		return Value{}, false
	}
	f := wordNums[strings.ToLower(text[m[2]:m[3]])]
	if m[4] >= 0 {
		f *= scales[strings.ToLower(text[m[4]:m[5]])]
	}
	unit := unitAfter(text[m[1]:])
	if unit == "" || strings.HasPrefix(strings.TrimSpace(text[m[1]:]), "of ") {
		return Value{}, false // "two of them", "five to one": not a count of anything
	}
	v := Value{Type: Number, Text: text[m[0]:m[1]], Key: formatNum(f), Unit: unit, Start: m[0], End: m[1], num: f, prec: 1}
	v.Approx = hedged(text, m[0])
	return v, true
}

// hasDigit is strings.IndexFunc(text, unicode.IsDigit) >= 0, decoding
// only what is not ASCII.
func hasDigit(text string) bool {
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			if '0' <= c && c <= '9' {
				return true
			}
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		if unicode.IsDigit(r) {
			return true
		}
		i += w
	}
	return false
}

// hedged says whether the words before text[i:] hedge a number ("up to").
func hedged(text string, i int) bool {
	s := i - 30
	if s < 0 {
		s = 0
	}
	return approxAt(text[s:i])
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c >= 0x80
}

// numberBoundary rejects digits glued to letters ("F-35", "COVID-19", "G7").
func numberBoundary(text string, s, e int) bool {
	if s > 0 {
		r, _ := utf8.DecodeLastRuneInString(text[:s])
		if unicode.IsLetter(r) || unicode.IsDigit(r) || r == '-' || r == '/' || r == '.' {
			return false
		}
	}
	if e < len(text) {
		c := text[e]
		if c == '-' && e+1 < len(text) && text[e+1] >= '0' && text[e+1] <= '9' {
			return false // a range or a code, "2000-2006", "555-1234"
		}
	}
	return true
}

func dateKey(year string, month int, day string) string {
	d, err := strconv.Atoi(day)
	if err != nil || month == 0 || d < 1 || d > 31 {
		return ""
	}
	if year == "" {
		return fmt.Sprintf("--%02d-%02d", month, d)
	}
	return fmt.Sprintf("%s-%02d-%02d", year, month, d)
}

func formatNum(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }

// unitSkip are words between a number and the noun it counts.
var unitSkip = names.Set("more", "additional", "extra", "new", "other", "of", "the", "its", "their", "his", "her", "our",
	"than", "about", "some", "mostly", "newly", "so-called", "active", "such", "total", "estimated")

// unitStop are words after a number that say it counts nothing named.
var unitStop = names.Set("to", "and", "or", "in", "on", "at", "by", "for", "from", "with", "is", "are", "was", "were", "has",
	"have", "had", "will", "would", "a", "an", "that", "which", "who", "as", "per", "percent", "if", "but", "times",
	"when", "into", "since", "after", "before", "it", "this", "there", "be", "could", "said", "says")

// unitSynonyms fold nouns that count the same thing.
var unitSynonyms = map[string]string{"soldier": "troop", "personnel": "troop", "serviceman": "troop",
	"servicemen": "troop", "fighter": "troop", "person": "people", "individual": "people", "resident": "people",
	"civilian": "people", "dollar": "USD", "buck": "USD", "migrant": "migrant", "refugee": "migrant", "kilometer": "km",
	"kilometre": "km", "mile": "mile", "year": "year", "yr": "year"}

// unitAfter returns the noun a number counts: the first lower-case word of
// the next few, past capitalised names ("8,000 Korean People’s Army
// personnel") and a few fillers, stemmed to the singular.
func unitAfter(rest string) string {
	ws := names.WordsN(rest, 5) // no more are read
	for k, w := range ws {
		if k >= 5 || (w.Glued && k > 0) || (k == 0 && strings.TrimSpace(rest[:w.Start]) != "") {
			return ""
		}
		l := names.Fold(w.Text)
		switch {
		case names.Capitalised(w.Text):
			continue
		case unitSkip[l]:
			continue
		case unitStop[l]:
			return ""
		}
		u := singular(l)
		if s, ok := unitSynonyms[u]; ok {
			return s
		}
		return u
	}
	return ""
}

func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "men"):
		return w
	case strings.HasSuffix(w, "sses"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// ExtractNames returns the names text gives (see names.Names), as values. lower,
// when not nil, holds words written in lower case elsewhere, so a sentence's
// first word is not taken for a name.
func ExtractNames(text string, lower map[string]bool) []Value {
	var sc scratch
	return sc.extractNames(text, lower)
}

// appendNames appends ExtractNames(text, lower) to out.
func appendNames(out []Value, text string, lower map[string]bool) []Value {
	names.Cores(text, lower, func(n names.NameSpan, toks []string) {
		v := nameValue(n, toks)
		v.toks = &toks
		out = append(out, v)
	})
	return out
}

// nameValue is the value of name n, whose tokens are toks, without them:
// the caller keeps them where v.toks may point.
func nameValue(n names.NameSpan, toks []string) Value {
	return Value{Type: Name, Text: n.Core, Key: strings.Join(toks, " "), Person: names.PersonLikeTokens(n, toks),
		Start: n.CoreStart, End: n.CoreStart + len(n.Core)}
}

// SameValue says whether a and b give the same fact: equal numbers (to the
// precision the less precise one is written with), equal dates, or names
// that SameName matches.
func SameValue(a, b Value) bool { return sameValue(&a, &b) }

// sameValue is SameValue without copying the values: the checks compare
// many pairs of them.
func sameValue(a, b *Value) bool {
	if a.Type == Name || b.Type == Name {
		return a.Type == b.Type && (a.Key == b.Key || names.SameTokens(a.nameTokens(), b.nameTokens()))
	}
	if a.num != 0 || b.num != 0 {
		if numeric(a.Type) != numeric(b.Type) {
			return false
		}
		p := math.Max(a.prec, b.prec)
		if p <= 0 {
			p = 1
		}
		return math.Abs(a.num-b.num) < p/2+1e-9*math.Max(math.Abs(a.num), math.Abs(b.num)) ||
			math.Round(a.num/p) == math.Round(b.num/p)
	}
	if a.Type == Date && b.Type == Date {
		return sameDate(a.Key, b.Key)
	}
	return a.Type == b.Type && a.Key == b.Key
}

// nameTokens returns names.NameTokens(v.Text), computed once for names from
// ExtractNames.
func (v *Value) nameTokens() []string {
	if v.toks != nil {
		return *v.toks
	}
	return names.NameTokens(v.Text)
}

// numeric sorts types that compare as numbers: money and a plain number
// ("3.6B" and "$3.6 billion") are the same figure; a percent is not.
func numeric(t Type) string {
	if t == Percent {
		return "percent"
	}
	return "number"
}

// sameDate compares dates, ignoring the year when one side omits it.
func sameDate(a, b string) bool {
	if a == b {
		return true
	}
	if strings.HasPrefix(a, "--") && len(b) == 10 {
		return a[2:] == b[5:]
	}
	if strings.HasPrefix(b, "--") && len(a) == 10 {
		return b[2:] == a[5:]
	}
	return false
}
