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
