package matrix

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

func TestBuild(t *testing.T) {
	m := Build(testkit.Matrix())
	if len(m.Rows) != 3 {
		t.Fatalf("%d rows, want 3 (boilerplate left out)", len(m.Rows))
	}
	want := [][]Cell{{Close, Close, Reworded}, {Reworded, Reworded, Absent}, {Absent, Absent, Only}}
	for i, r := range m.Rows {
		for a, c := range r.Cells {
			if c != want[i][a] {
				t.Errorf("row %d (event %d) article %d: %s (share %.2f), want %s", i, r.Event, a, c, r.Share[a], want[i][a])
			}
		}
		if n := len([]rune(r.Label)); n == 0 || n > MaxLabel {
			t.Errorf("row %d label %q has %d characters", i, r.Label, n)
		}
	}
	if m.Rows[0].Share[0] != 1 {
		t.Errorf("verbatim share %v, want 1", m.Rows[0].Share[0])
	}
	cols := []Column{{Covered: 2, Close: 1, Reworded: 1}, {Covered: 2, Close: 1, Reworded: 1}, {Covered: 2, Only: 1, Reworded: 1}}
	for a, c := range m.Columns {
		if c.Covered != cols[a].Covered || c.Only != cols[a].Only || c.Close != cols[a].Close || c.Reworded != cols[a].Reworded {
			t.Errorf("column %d totals %+v, want %+v", a, c, cols[a])
		}
	}
	if !strings.HasPrefix(m.Rows[2].Label, "Anand: “Half my customers") {
		t.Errorf("quotation label %q", m.Rows[2].Label)
	}
}

func TestLines(t *testing.T) {
	m := Build(testkit.Matrix())
	for _, w := range []int{20, 40, 60, 80, 200} {
		lines := m.Lines(w)
		if len(lines) != len(m.Rows)+3 {
			t.Fatalf("width %d: %d lines, want header, %d rows and two totals", w, len(lines), len(m.Rows))
		}
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q is %d wide", w, l, ansi.StringWidth(l))
			}
			if strings.ContainsRune(l, '\x1b') {
				t.Errorf("width %d: escape in %q", w, l)
			}
		}
	}
	lines := m.Lines(80)
	if !strings.Contains(lines[1], "●") || !strings.Contains(lines[1], "◐") || !strings.Contains(lines[3], "○") {
		t.Errorf("cells missing:\n%s", strings.Join(lines, "\n"))
	}
	if !strings.Contains(lines[len(lines)-1], "only this outlet") || !strings.HasSuffix(strings.TrimSpace(lines[len(lines)-1]), "1") {
		t.Errorf("totals line %q", lines[len(lines)-1])
	}
}

// TestKestrelMatrix checks the matrix of the four-outlet test story against
// the story's own events, whatever the aligner made of them.
func TestKestrelMatrix(t *testing.T) {
	cs, err := corpus.Load([]string{"../../testdata/stories/kestrel-bridge"})
	if err != nil {
		t.Fatal(err)
	}
	st := story.Build(cs, story.DefaultOptions())
	m := Build(st)
	if len(m.Columns) != 4 || len(m.Rows) == 0 {
		t.Fatalf("%d columns, %d rows", len(m.Columns), len(m.Rows))
	}
	covered := make([]int, 4)
	for _, r := range m.Rows {
		e := st.Events[r.Event]
		present := 0
		for _, bs := range e.Blocks {
			if len(bs) > 0 {
				present++
			}
		}
		for a, c := range r.Cells {
			has := len(e.Blocks[a]) > 0
			switch {
			case !has && c != Absent, has && c == Absent:
				t.Errorf("event %d article %d: %s but blocks %v", r.Event, a, c, e.Blocks[a])
			case has && present == 1 && c != Only, has && present > 1 && c == Only:
				t.Errorf("event %d article %d: %s with %d articles", r.Event, a, c, present)
			}
			if has {
				covered[a]++
			}
		}
		if n := len([]rune(r.Label)); n == 0 || n > MaxLabel {
			t.Errorf("event %d label %q", r.Event, r.Label)
		}
	}
	for a, c := range m.Columns {
		if c.Covered != covered[a] || c.Close+c.Reworded+c.Only != c.Covered {
			t.Errorf("column %d totals %+v, want %d covered", a, c, covered[a])
		}
	}
}

func TestShortName(t *testing.T) {
	for in, want := range map[string]string{"Vicente Fox": "Fox", "Choe Son Hui": "Choe", "Kim Jong Un": "Kim",
		"Robert S. Mueller III": "Mueller", "Donald J. Trump": "Trump", "Felipe Calderón": "Calderón", "Fox": "Fox"} {
		if got := shortName(in); got != want {
			t.Errorf("shortName(%q) = %q, want %q", in, got, want)
		}
	}
}
