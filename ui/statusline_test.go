package ui

import (
	"testing"

	"github.com/charmbracelet/x/ansi"
)

func TestFitStatus(t *testing.T) {
	parts := []string{"event 3 · 2/9 shown", "shared · 0.82", "filter: all", "threshold 0.49"}
	spare := map[int]bool{2: true, 3: true}
	for _, c := range []struct {
		w           int
		msg         string
		left, right string
	}{
		{80, "", " event 3 · 2/9 shown · shared · 0.82 · filter: all · threshold 0.49", ""},
		// too long: the spare parts go first
		{80, "wrote a.html", " event 3 · 2/9 shown · shared · 0.82", "wrote a.html "},
		{60, "", " event 3 · 2/9 shown · shared · 0.82", ""},
		// still too long beside the message: the left is cut
		{40, "wrote a.html", " event 3 · 2/9 shown · sh…", "wrote a.html "},
		// the message alone fills the line
		{12, "wrote a.html", "", "wrote a.htm…"},
		{20, "", " event 3 · 2/9 show…", ""},
	} {
		left, right := fitStatus(parts, spare, c.msg, c.w)
		if left != c.left || right != c.right {
			t.Errorf("width %d, message %q: %q | %q, want %q | %q", c.w, c.msg, left, right, c.left, c.right)
		}
		if n := ansi.StringWidth(left) + ansi.StringWidth(right); n > c.w {
			t.Errorf("width %d: the line is %d wide", c.w, n)
		}
	}
	if left, _ := fitStatus([]string{"a\x1b[2Jb"}, nil, "", 20); left != " a␛[2Jb" {
		t.Errorf("an escape reached the status line: %q", left)
	}
}
