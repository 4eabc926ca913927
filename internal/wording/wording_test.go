package wording

import (
	"testing"
	"unicode"
)

func TestCount(t *testing.T) {
	for n, want := range map[int]string{0: "0 events", 1: "1 event", 2: "2 events", 26: "26 events", -1: "-1 events"} {
		if got := Count(n, "event"); got != want {
			t.Errorf("Count(%d) = %q, want %q", n, got, want)
		}
	}
	if got := Noun(1, "outlet"); got != "outlet" {
		t.Errorf("Noun(1, outlet) = %q", got)
	}
}

func TestWords(t *testing.T) {
	for s, want := range map[string]int{"": 0, "  ": 0, "The U.S. paid $8,000.": 6, "don't": 2, "Élysée 2024—now": 3, "«¿Qué?»": 1} {
		if got := Words(s); got != want {
			t.Errorf("Words(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestWordsASCII checks the ASCII table against the letters and digits of
// package unicode, byte by byte and in runs.
func TestWordsASCII(t *testing.T) {
	for c := 0; c < 128; c++ {
		want := 0
		if unicode.IsLetter(rune(c)) || unicode.IsDigit(rune(c)) {
			want = 1
		}
		if got := Words(string(rune(c))); got != want {
			t.Errorf("Words(%q) = %d, want %d", string(rune(c)), got, want)
		}
	}
	for s, want := range map[string]int{"a\xffb": 2, "x\u00a0y": 2, "naïve café": 2, "٣٤ apples": 2} {
		if got := Words(s); got != want {
			t.Errorf("Words(%q) = %d, want %d", s, got, want)
		}
	}
}
