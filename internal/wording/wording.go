// Package wording counts as a reader does: words in a text, and counts
// said in words ("1 event", "2 events").
package wording

import (
	"strconv"
	"unicode"
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
	for _, r := range s {
		w := unicode.IsLetter(r) || unicode.IsDigit(r)
		if w && !in {
			n++
		}
		in = w
	}
	return n
}
