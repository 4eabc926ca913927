package insight

import (
	"github.com/charmbracelet/x/ansi"
)

// cut shortens a line to width columns, ending it with "…" when cut.
func cut(s string, width int) string {
	if width < 1 || ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}
