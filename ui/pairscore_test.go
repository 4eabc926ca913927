package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/muesli/termenv"
)

// TestPairScoreShown: with three articles, the gutter and the status bar
// give a shared event's score between the two articles on screen, not the
// whole event's.
func TestPairScoreShown(t *testing.T) {
	st := harbour()
	m := New(st, Options{Renderer: pinned(termenv.Ascii), Left: 0, Right: 2})
	m.Update(sizeMsg(160, 45))
	differs := false
	for k := range st.Events {
		if kindFor(st, k, 0, 2) != pkShared {
			continue
		}
		e := &st.Events[k]
		want := fmt.Sprintf("%.2f", e.PairScore(0, 2))
		differs = differs || want != fmt.Sprintf("%.2f", e.Score)
		m.body.goTo(k)
		m.fit()
		lines := strings.Split(plain(m.View()), "\n")
		rule := lines[len(m.hdrLines)+len(m.sumLines)]
		if !strings.HasPrefix(strings.TrimSpace(rule), itoa(k+1)+" ▸") || !strings.Contains(rule, want+" ─") {
			t.Errorf("event %d: rule %q, want the pair's score %s", k+1, rule, want)
		}
		if s := statusLine(m); !strings.Contains(s, "shared · "+want) {
			t.Errorf("event %d: status bar %q, want the pair's score %s", k+1, s, want)
		}
	}
	if !differs {
		t.Fatal("no shared event of articles 1 and 3 has a pair score other than its own: the test shows nothing")
	}
}
