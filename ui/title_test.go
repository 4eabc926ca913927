package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// On a terminal too narrow for the whole title, the counts stay: the
// program's name goes first, the story's name is cut last.
func TestTitleKeepsCounts(t *testing.T) {
	st := harbour()
	m := newModel(t, st, 160, 40)
	pal := m.pal
	shared, onlyL, onlyR := counts(st, 0, 1)
	want := fmt.Sprintf("%d only right)", onlyR)
	full := plain(titleLine(st, pal, 0, 1, 500))
	if !strings.Contains(full, want) {
		t.Fatalf("title %q lacks %q", full, want)
	}
	for w := ansi.StringWidth(full) - 1; w >= ansi.StringWidth(full)-12; w-- {
		got := plain(titleLine(st, pal, 0, 1, w))
		if ansi.StringWidth(got) > w {
			t.Errorf("width %d: %q is wider", w, got)
		}
		if !strings.Contains(got, want) || !strings.Contains(got, fmt.Sprintf("%d shared, %d only left", shared, onlyL)) {
			t.Errorf("width %d: title %q lost its counts", w, got)
		}
	}
}

// Narrower still, the article count goes before the event counts are cut:
// at 60 columns the seed story's title keeps "10 only right)".
func TestTitleKeepsCountsAt60(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 60, 20)
	got := plain(titleLine(st, m.pal, 0, 1, 60))
	if ansi.StringWidth(got) > 60 || !strings.Contains(got, "17 events (5 shared, 2 only left, 10 only right)") {
		t.Errorf("title %q", got)
	}
}

func TestTitleKeepsCountsNarrowThreeArticles(t *testing.T) {
	st := kestrel(t)
	m := newModel(t, st, 72, 20)
	got := plain(titleLine(st, m.pal, 0, 1, 72))
	if ansi.StringWidth(got) > 72 || !strings.Contains(got, "1 & 2 of 4 · 9 events (5 shared, 3 only left, 1 only right)") {
		t.Errorf("title %q", got)
	}
}
