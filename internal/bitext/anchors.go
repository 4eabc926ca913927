package bitext

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/lang"
)

// token is a figure or a capitalised word of a text, with where it is.
type token struct {
	start, end int    // byte span in the text
	key        string // a figure's value ("17000", "2.05"), or a word's name key
	runs       string // a figure's digit runs, space-separated ("10 30" for 10.30)
	num        bool
}

// nameKeyLen is how many runes of a folded capitalised word make its key:
// names keep their stem across languages (Hessen and Hesse, Europa and
// Europe) more often than their endings.
const nameKeyLen = 5

// tokens returns the figures and capitalised words of text.
func tokens(text string) []token {
	var out []token
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		switch {
		case r >= '0' && r <= '9':
			t := number(text, i)
			out = append(out, t)
			i = t.end
		case unicode.IsLetter(r):
			j := i
			for j < len(text) {
				r2, w2 := utf8.DecodeRuneInString(text[j:])
				if !unicode.IsLetter(r2) {
					break
				}
				j += w2
			}
			word := text[i:j]
			if unicode.IsUpper(r) && utf8.RuneCountInString(word) >= 3 {
				out = append(out, token{start: i, end: j, key: nameKey(word)})
			}
			i = j
		default:
			i += w
		}
	}
	return out
}

// nameKey is the key of a capitalised word: its first nameKeyLen runes,
// lowercased and with accents folded.
func nameKey(word string) string {
	f := []rune(lang.Fold(word))
	if len(f) > nameKeyLen {
		f = f[:nameKeyLen]
	}
	return string(f)
}

// isGroupSep says whether r separates groups of thousands in some
// language: a point, comma, apostrophe or (narrow, no-break) space.
func isGroupSep(r rune) bool {
	switch r {
	case '.', ',', '\'', '’', ' ', '\u00a0', '\u202f', '\u2009':
		return true
	}
	return false
}

// number reads the figure at text[i:]. "17 000", "17.000" and "17,000"
// are 17000 (a separator followed by exactly three digits groups
// thousands; a space does only after a first group of one to three
// digits, so "2020 100" stays two figures); another point or comma is a
// decimal one ("2,05" and "2.05" are 2.05). A letter suffix stays out of
// the value ("1er", "3." in a German date).
func number(text string, i int) token {
	start := i
	var val, runs strings.Builder
	digits := func() int { // reads a run of digits at i
		n := 0
		for i < len(text) && text[i] >= '0' && text[i] <= '9' {
			val.WriteByte(text[i])
			runs.WriteByte(text[i])
			i++
			n++
		}
		return n
	}
	first := digits()
	group := first
	decimal := false
	for i < len(text) {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isGroupSep(r) || i+w >= len(text) || text[i+w] < '0' || text[i+w] > '9' {
			break
		}
		n := 0
		for k := i + w; k < len(text) && text[k] >= '0' && text[k] <= '9'; k++ {
			n++
		}
		space := r == ' ' || r == '\u00a0' || r == '\u202f' || r == '\u2009'
		switch {
		case !decimal && n == 3 && (!space || group <= 3 && first <= 3):
			// a group of thousands
			i += w
			runs.WriteByte(' ')
			digits()
			group = 3
		case !decimal && !space && (r == '.' || r == ','):
			i += w
			val.WriteByte('.')
			runs.WriteByte(' ')
			digits()
			decimal = true
		default:
			return token{start: start, end: i, key: val.String(), runs: runs.String(), num: true}
		}
	}
	return token{start: start, end: i, key: val.String(), runs: runs.String(), num: true}
}

// anchors is what a unit offers for alignment across languages: its
// figures and the names it shares with the other article.
type anchors struct {
	nums   []string // figure values
	runs   []string // every digit run of its figures
	names  []string // name keys the other article also has
	quoted bool     // holds a quotation
}

// anchorsOf collects the anchors of text; names keeps only the capitalised
// words whose key is in other (the other article's keys).
func anchorsOf(text string, other map[string]bool) anchors {
	var a anchors
	for _, t := range tokens(text) {
		switch {
		case t.num:
			a.nums = append(a.nums, t.key)
			a.runs = append(a.runs, strings.Fields(t.runs)...)
		case other[t.key]:
			a.names = append(a.names, t.key)
		}
	}
	a.quoted = strings.ContainsAny(text, "\"“”„«»‹›")
	return a
}

// keysOf is the set of capitalised words' keys of texts.
func keysOf(texts []string) map[string]bool {
	m := map[string]bool{}
	for _, s := range texts {
		for _, t := range tokens(s) {
			if !t.num {
				m[t.key] = true
			}
		}
	}
	return m
}

// contains says whether xs holds x.
func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// matches counts the anchors of x that y also has (each figure or name of
// x once), and the figures each has that the other lacks, by value and by
// digit runs (10.30 and 10h30 agree).
func matches(x, y anchors) (shared, onlyX, onlyY int) {
	for _, n := range x.nums {
		if contains(y.nums, n) {
			shared++
		}
	}
	for _, n := range x.names {
		if contains(y.names, n) {
			shared++
		}
	}
	onlyX = unmatchedNums(x, y)
	onlyY = unmatchedNums(y, x)
	return shared, onlyX, onlyY
}

// unmatchedNums counts the figures of x that y has neither as a value nor
// as digit runs.
func unmatchedNums(x, y anchors) int {
	n := 0
	for _, t := range x.nums {
		if contains(y.nums, t) {
			continue
		}
		all := true
		for _, r := range strings.FieldsFunc(t, func(r rune) bool { return r == '.' }) {
			if !contains(y.runs, r) {
				all = false
				break
			}
		}
		if !all {
			n++
		}
	}
	return n
}
