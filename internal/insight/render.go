package insight

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
)

// cut shortens a line to width columns, ending it with "…" when cut.
func cut(s string, width int) string {
	if width < 1 || ansi.StringWidth(s) <= width {
		return s
	}
	return ansi.Truncate(s, width, "…")
}

// wrap breaks a line at spaces into lines of at most width columns, the
// later ones indented by two; a word wider than that is cut.
func wrap(s string, width int) []string {
	if width < 1 || ansi.StringWidth(s) <= width {
		return []string{s}
	}
	var out []string
	line, lw := "", 0
	for _, w := range strings.Fields(s) {
		ww := ansi.StringWidth(w)
		switch {
		case lw == 0:
			line, lw = w, ww
			if len(out) > 0 {
				line, lw = "  "+w, ww+2
			}
		case lw+1+ww <= width:
			line, lw = line+" "+w, lw+1+ww
		default:
			out = append(out, cut(line, width))
			line, lw = "  "+w, ww+2
		}
	}
	if lw > 0 {
		out = append(out, cut(line, width))
	}
	return out
}
