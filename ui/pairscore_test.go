package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/view"
)

// TestPairScoreShown: with three articles, the gutter and the status bar
// give a shared event's score between the two articles on screen, not the
// whole event's.
func TestPairScoreShown(t *testing.T) {
	st := harbour()
	// the two articles shown: a pair with an event whose score between
	// them is not the whole event's
	l, r := -1, -1
	for a := 0; a < len(st.Articles) && l < 0; a++ {
		for b := a + 1; b < len(st.Articles) && l < 0; b++ {
			for k := range st.Events {
				if e := &st.Events[k]; view.KindOf(st, k, a, b) == view.Shared && fmt.Sprintf("%.2f", e.PairScore(a, b)) != fmt.Sprintf("%.2f", e.Score) {
					l, r = a, b
					break
				}
			}
		}
	}
	if l < 0 {
		t.Fatal("no shared event has a pair score other than its own: the test shows nothing")
	}
	m := New(st, Options{Renderer: pinned(termenv.Ascii), Left: l, Right: r})
	m.Update(sizeMsg(160, 45))
	differs := false
	for k := range st.Events {
		if view.KindOf(st, k, l, r) != view.Shared {
			continue
		}
		e := &st.Events[k]
		want := fmt.Sprintf("%.2f", e.PairScore(l, r))
		differs = differs || want != fmt.Sprintf("%.2f", e.Score)
		m.body.goTo(k)
		m.fit()
		lines := strings.Split(plain(m.View()), "\n")
		rule := lines[len(m.drawn.header)+len(m.drawn.summary)]
		if !strings.HasPrefix(strings.TrimSpace(rule), itoa(k+1)+" ▸") || !strings.Contains(rule, want+" ─") {
			t.Errorf("event %d: rule %q, want the pair's score %s", k+1, rule, want)
		}
		if s := statusLine(m); !strings.Contains(s, "shared · "+want) {
			t.Errorf("event %d: status bar %q, want the pair's score %s", k+1, s, want)
		}
	}
	if !differs {
		t.Fatalf("no shared event of articles %d and %d has a pair score other than its own", l+1, r+1)
	}
}
