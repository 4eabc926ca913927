// Package wording writes counts as a reader says them: "1 event", "2 events".
package wording

import "strconv"

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
