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
// fit; a line that still does not fit is cut (Whole counts the outlets
// left whole, From skips outlets). Text from articles is made
// terminal-safe. Row i of m.Rows is line i+1.
func (m *Matrix) Lines(width int) []string {
	if width < 1 {
		width = 1
	}
	num, labelW, colW := m.widths(width)
	names := make([]string, len(m.Columns))
	for i, c := range m.Columns {
		names[i] = textsafe.VisibleLine(c.Outlet)
	}
	labels := make([]string, len(m.Rows))
	for i, r := range m.Rows {
		labels[i] = textsafe.VisibleLine(r.Label)
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

// widths are the columns' widths Lines gives at width: the event
// numbers', the labels' and each outlet's.
func (m *Matrix) widths(width int) (num, labelW int, colW []int) {
	num = len(itoa(len(m.Rows)))
	for _, r := range m.Rows {
		num = max(num, len(itoa(r.Event+1)))
	}
	colW = make([]int, len(m.Columns))
	minW := make([]int, len(m.Columns)) // the totals are never cut
	for i, c := range m.Columns {
		minW[i] = max(3, len(itoa(c.Covered)), len(itoa(c.Only)))
		colW[i] = max(ansi.StringWidth(textsafe.VisibleLine(c.Outlet)), minW[i])
	}
	labelW = ansi.StringWidth(TotalOnly)
	for _, r := range m.Rows {
		labelW = max(labelW, ansi.StringWidth(textsafe.VisibleLine(r.Label)))
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
	return num, labelW, colW
}

// Whole counts the outlets, from the first, whose columns Lines(width)
// shows whole; the others are cut off at the right (see From).
func (m *Matrix) Whole(width int) int {
	num, labelW, colW := m.widths(max(width, 1))
	t := 1 + num + 1 + labelW
	for i, w := range colW {
		if t += 2 + w; t > width {
			return i
		}
	}
	return len(colW)
}

// From is the matrix without its first outlets' columns, for a view that
// scrolls across more outlets than its width holds.
func (m *Matrix) From(first int) *Matrix {
	first = min(max(first, 0), len(m.Columns))
	sub := &Matrix{Columns: m.Columns[first:], Rows: make([]Row, len(m.Rows))}
	for i, r := range m.Rows {
		r.Cells = r.Cells[first:]
		r.Share = r.Share[first:]
		sub.Rows[i] = r
	}
	return sub
}

// The names of the matrix's totals, as every rendering of it gives them.
const (
	TotalCovered = "events covered"
	TotalOnly    = "only this outlet"
)
