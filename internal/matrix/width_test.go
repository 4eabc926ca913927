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

// More outlets than a line holds: Whole counts those shown whole, From
// starts the columns at a later outlet, and together they reach every
// outlet's column and totals.
func TestLinesWholeAndFrom(t *testing.T) {
	m := &Matrix{}
	for i := range 30 {
		m.Columns = append(m.Columns, Column{Article: i, Outlet: "Outlet " + itoa(i), Covered: 100 + i, Only: 1})
	}
	cells := make([]Cell, 30)
	for i := range cells {
		cells[i] = Absent
	}
	cells[29] = Only
	m.Rows = append(m.Rows, Row{Event: 7, Label: "Ferry service resumes", Cells: cells, Share: make([]float64, 30)})
	whole := m.Whole(80)
	if whole < 1 || whole >= 30 {
		t.Fatalf("Whole(80) = %d of 30 outlets", whole)
	}
	if lines := m.Lines(80); strings.Contains(lines[len(lines)-2], itoa(100+whole)) {
		t.Errorf("outlet %d is counted as cut but its total shows: %q", whole, lines[len(lines)-2])
	}
	seen := map[int]bool{}
	for first := 0; first < 30; {
		sub := m.From(first)
		n := sub.Whole(80)
		if n < 1 {
			t.Fatalf("from outlet %d: no column fits", first)
		}
		lines := sub.Lines(80)
		for i := first; i < first+n; i++ {
			if !strings.Contains(lines[len(lines)-2], itoa(100+i)) {
				t.Errorf("from outlet %d: outlet %d's total is missing from %q", first, i, lines[len(lines)-2])
			}
			seen[i] = true
		}
		if first+n == 30 && !strings.Contains(lines[1], "○") {
			t.Errorf("the last outlet's cell is missing from %q", lines[1])
		}
		first += n
	}
	if len(seen) != 30 {
		t.Errorf("%d of 30 outlets reached", len(seen))
	}
	if len(m.From(0).Columns) != 30 || len(m.From(40).Columns) != 0 || len(m.Rows[0].Cells) != 30 {
		t.Error("From changed the matrix or took out of range outlets")
	}
}
