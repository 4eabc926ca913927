package matrix

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// Lines lays the matrix out as plain lines of at most width columns: a
// header of outlets, a row per event ("  3 Choe: “always stand…”  ●  ◐"),
// then the totals "covered" and "only this outlet". Outlet names shrink
// (to three characters, or their totals' width, at least), then labels, to
// fit; a line that still does not fit is cut. Text from articles is made terminal-safe. Row i of
// m.Rows is line i+1.
func (m *Matrix) Lines(width int) []string {
	if width < 1 {
		width = 1
	}
	num := len(itoa(len(m.Rows)))
	for _, r := range m.Rows {
		num = max(num, len(itoa(r.Event+1)))
	}
	names := make([]string, len(m.Columns))
	colW := make([]int, len(m.Columns))
	minW := make([]int, len(m.Columns)) // the totals are never cut
	for i, c := range m.Columns {
		names[i] = textsafe.VisibleLine(c.Outlet)
		minW[i] = max(3, len(itoa(c.Covered)), len(itoa(c.Only)))
		colW[i] = max(ansi.StringWidth(names[i]), minW[i])
	}
	labels := make([]string, len(m.Rows))
	labelW := ansi.StringWidth(TotalOnly)
	for i, r := range m.Rows {
		labels[i] = textsafe.VisibleLine(r.Label)
		labelW = max(labelW, ansi.StringWidth(labels[i]))
	}
	labelW = min(labelW, MaxLabel)
	total := func() int {
		t := 1 + num + 1 + labelW
		for _, w := range colW {
			t += 2 + w
		}
		return t
	}
	// Narrow the widest outlet column to 14, the labels to 24, then the
	// columns to 3 and the labels to 12: an outlet's name is what tells
	// its column from the others, a label is an excerpt.
	shrinkCol := func(floor int) bool {
		widest := -1
		for i, w := range colW {
			if w > max(floor, minW[i]) && (widest < 0 || w > colW[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return false
		}
		colW[widest]--
		return true
	}
	shrinkLabel := func(floor int) bool {
		if labelW <= floor {
			return false
		}
		labelW--
		return true
	}
	for total() > width {
		if !shrinkCol(14) && !shrinkLabel(24) && !shrinkCol(3) && !shrinkLabel(12) {
			break // as narrow as it goes; lines are cut below
		}
	}
	pad := func(s string, w int) string {
		s = ansi.Truncate(s, w, "…")
		return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	}
	center := func(s string, w int) string {
		left := (w - ansi.StringWidth(s)) / 2
		return strings.Repeat(" ", max(0, left)) + pad(s, w-max(0, left))
	}
	cut := func(s string) string { return strings.TrimRight(ansi.Truncate(s, width, ""), " ") }
	var out []string
	var b strings.Builder
	b.WriteString(" " + pad("events × outlets", num+1+labelW))
	for i, n := range names {
		b.WriteString("  " + pad(n, colW[i]))
	}
	out = append(out, cut(b.String()))
	for i, r := range m.Rows {
		b.Reset()
		b.WriteString(" " + fmt.Sprintf("%*d", num, r.Event+1) + " " + pad(labels[i], labelW))
		for a, c := range r.Cells {
			b.WriteString("  " + center(c.Symbol(), colW[a]))
		}
		out = append(out, cut(b.String()))
	}
	for _, t := range []struct {
		name string
		n    func(Column) int
	}{{TotalCovered, func(c Column) int { return c.Covered }}, {TotalOnly, func(c Column) int { return c.Only }}} {
		b.Reset()
		b.WriteString(" " + pad(t.name, num+1+labelW))
		for a, c := range m.Columns {
			b.WriteString("  " + center(itoa(t.n(c)), colW[a]))
		}
		out = append(out, cut(b.String()))
	}
	return out
}

// The names of the matrix's totals, as every rendering of it gives them.
const (
	TotalCovered = "events covered"
	TotalOnly    = "only this outlet"
)
