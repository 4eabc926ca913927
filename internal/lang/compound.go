package lang

import (
	"strings"
	"unicode"
)

// Compounds splits the German compounds of one story into the words of
// that story they are made of, so that Finanzaufsicht meets Aufsicht and
// Aufsichtsstrukturen meets Aufsicht too. German has no spaces inside its
// compounds and no dictionary ships with synoptic; the story's own words
// are the dictionary: a compound's head is the longest word of the story
// it ends with, its modifier the longest word it starts with (less a
// linking s, es, n or en). A nil Compounds splits nothing.
type Compounds struct {
	parts map[string][]string // per folded word: the stems of its parts
}

// Compound parts are at least minPart bytes, the compound at least
// minCompound: shorter words split into chance pieces ("Beispiel" is no
// "Spiel" of "Bei").
const (
	minPart     = 4
	minCompound = 9
)

// NewCompounds learns the German words of texts and how the longer ones
// split.
func NewCompounds(texts []string) *Compounds {
	words := map[string]bool{}
	seen := map[string]bool{} // words as written: a story repeats most of them
	for _, t := range texts {
		for i := 0; i < len(t); {
			j := strings.IndexFunc(t[i:], unicode.IsLetter)
			if j < 0 {
				break
			}
			i += j
			k := strings.IndexFunc(t[i:], func(r rune) bool { return !unicode.IsLetter(r) })
			if k < 0 {
				k = len(t) - i
			}
			w := t[i : i+k]
			i += k
			if seen[w] {
				continue
			}
			seen[w] = true
			if f := Fold(w); len(f) >= minPart && !IsStop(German, f) {
				words[f] = true
			}
		}
	}
	c := &Compounds{parts: map[string][]string{}}
	for w := range words {
		if len(w) < minCompound {
			continue
		}
		var parts []string
		for i := minPart - 1; i+minPart <= len(w); i++ {
			if words[w[i:]] {
				parts = append(parts, Stem(German, w[i:]))
				break
			}
		}
		for i := len(w) - minPart; i >= minPart; i-- {
			if m := linked(w[:i], words); m != "" {
				parts = append(parts, Stem(German, m))
				break
			}
		}
		if len(parts) > 0 {
			c.parts[w] = parts
		}
	}
	return c
}

// linked is m, or m less a linking s, es, n or en, when that is a word of
// words; else "".
func linked(m string, words map[string]bool) string {
	if words[m] {
		return m
	}
	for _, link := range []string{"s", "es", "n", "en"} {
		if b, ok := strings.CutSuffix(m, link); ok && len(b) >= minPart && words[b] {
			return b
		}
	}
	return ""
}

// Parts returns the stems of the parts of w, a folded lowercase German
// word, or nil when it is no compound of the story's words.
func (c *Compounds) Parts(w []byte) []string {
	if c == nil || len(w) < minCompound {
		return nil
	}
	return c.parts[string(w)]
}
