package wording

import "testing"

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
