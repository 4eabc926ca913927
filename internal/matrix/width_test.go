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
