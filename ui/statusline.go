package ui

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// fitStatus fits a status line to w columns: the parts joined by " · " on
// the left, the message msg on the right. When they do not fit, the spare
// parts go first; then the message wins, as it answers what the user just
// did, and the left is cut, or, when the message alone fills the line,
// dropped and the message cut. Both sides are made safe to show; the
// widths of left and right add up to w at most.
func fitStatus(parts []string, spare map[int]bool, msg string, w int) (left, right string) {
	left = " " + sanitizeLine(strings.Join(parts, " · "))
	if msg != "" {
		right = sanitizeLine(msg) + " "
	}
	lw, rw := ansi.StringWidth(left), ansi.StringWidth(right)
	room := w
	if right != "" {
		room = w - rw - 1
	}
	if lw > room && len(spare) > 0 {
		var kept []string
		for i, p := range parts {
			if !spare[i] {
				kept = append(kept, p)
			}
		}
		left = " " + sanitizeLine(strings.Join(kept, " · "))
		lw = ansi.StringWidth(left)
	}
	switch {
	case right != "" && lw+rw+1 > w && rw+2 >= w:
		return "", ansi.Truncate(right, w, "…")
	case right != "" && lw+rw+1 > w:
		return ansi.Truncate(left, w-rw-1, "…"), right
	case lw > w:
		return ansi.Truncate(left, w, "…"), right
	}
	return left, right
}
