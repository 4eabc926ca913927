package matrix

import (
	"strings"
	"testing"
)

// The outlets' names head the columns: they give up width to the event
// labels only after the labels have given up theirs, and are never cut
// when the line has room for them.
func TestLinesOutletNamesReadable(t *testing.T) {
	names := []string{"The New York Times", "HuffPost", "Fox News", "USA Today", "Breitbart"}
	m := &Matrix{}
	for i, n := range names {
		m.Columns = append(m.Columns, Column{Article: i, Outlet: n})
	}
	for k := range 3 {
		m.Rows = append(m.Rows, Row{Event: 10 + k, Label: "The postponement would effectively extend the exemptions", Cells: make([]Cell, len(names)), Share: make([]float64, len(names))})
	}
	head := m.Lines(160)[0]
	for _, n := range names {
		if !strings.Contains(head, n) {
			t.Errorf("width 160: %q is cut in %q", n, head)
		}
	}
	head = m.Lines(80)[0]
	for _, n := range names {
		if p := n[:min(len(n), 7)]; !strings.Contains(head, p) {
			t.Errorf("width 80: %q is cut to less than %q in %q", n, p, head)
		}
	}
}

// A column is never narrower than its totals: "2001" under an outlet named
// "00" is a count, not a name to cut.
func TestLinesTotalsNotCut(t *testing.T) {
	m := &Matrix{}
	for i, n := range []string{"00", "01", "Some Outlet With A Long Name"} {
		m.Columns = append(m.Columns, Column{Article: i, Outlet: n, Covered: 2001 + i, Only: 12345})
	}
	m.Rows = append(m.Rows, Row{Event: 4, Label: "A label", Cells: make([]Cell, 3), Share: make([]float64, 3)})
	for _, w := range []int{160, 60, 44} {
		lines := m.Lines(w)
		covered, only := lines[len(lines)-2], lines[len(lines)-1]
		for _, want := range []string{"2001", "2002", "2003"} {
			if !strings.Contains(covered, want) {
				t.Errorf("width %d: %q lacks %s", w, covered, want)
			}
		}
		if strings.Count(only, "12345") != 3 {
			t.Errorf("width %d: %q lacks a 12345", w, only)
		}
	}
}
