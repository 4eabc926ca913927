package story

import (
	"slices"
	"testing"
)

// TestEventOfAndLinksAt: every block of a built story is found in the
// event that lists it, and every possible match at the blocks it names,
// which lie in different events.
func TestEventOfAndLinksAt(t *testing.T) {
	st := Build(synthetic(t, 20<<10, 3), DefaultOptions())
	if len(st.Links) == 0 {
		t.Fatal("the synthetic story has no possible match to look up")
	}
	for k, e := range st.Events {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				if got := st.EventOf(a, i); got != k {
					t.Fatalf("EventOf(%d, %d) = %d, want %d", a, i, got, k)
				}
			}
		}
	}
	for x, l := range st.Links {
		a, i, b, j := l.Pair()
		if !slices.Contains(st.LinksAt(a, i), int32(x)) || !slices.Contains(st.LinksAt(b, j), int32(x)) {
			t.Errorf("link %d (%d:%d–%d:%d) is not listed at both its blocks", x, a, i, b, j)
		}
		if st.EventOf(a, i) == st.EventOf(b, j) {
			t.Errorf("link %d joins two blocks of event %d", x, st.EventOf(a, i))
		}
	}
	for _, c := range [][2]int{{-1, 0}, {0, -1}, {3, 0}, {0, len(st.Articles[0].Blocks)}} {
		if got := st.EventOf(c[0], c[1]); got != -1 {
			t.Errorf("EventOf(%d, %d) = %d for no such block, want -1", c[0], c[1], got)
		}
		if got := st.LinksAt(c[0], c[1]); got != nil {
			t.Errorf("LinksAt(%d, %d) = %v for no such block", c[0], c[1], got)
		}
	}
}
