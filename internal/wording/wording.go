// Package wording counts as a reader does: words in a text, and counts
// said in words ("1 event", "2 events").
package wording

import (
	"strconv"
	"unicode"
	"unicode/utf8"
)

// Noun is noun for n of it: singular for 1, with an "s" otherwise. It
// serves the regular nouns the views count (event, article, outlet).
func Noun(n int, noun string) string {
	if n == 1 {
		return noun
	}
	return noun + "s"
}

// Count is n and its noun: "1 event", "0 events", "26 events".
func Count(n int, noun string) string { return strconv.Itoa(n) + " " + Noun(n, noun) }

// Words counts the words of s: its runs of letters or digits.
func Words(s string) int {
	n := 0
	in := false
	for i := 0; i < len(s); {
		// the whole-story checks count every block and every diff
		// operation: ASCII, most of any text, is read from a table
		var w bool
		if c := s[i]; c < utf8.RuneSelf {
			w = asciiWord[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			w = unicode.IsLetter(r) || unicode.IsDigit(r)
			i += size
		}
		if w && !in {
			n++
		}
		in = w
	}
	return n
}

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()
