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
