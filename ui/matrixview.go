package ui

import (
	"fmt"
	"github.com/synoptic-news/synoptic/internal/wording"
	"sort"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// scroller keeps a selected item of a list in view: item i covers lines
// starts[i] up to starts[i+1] (or n).
type scroller struct {
	starts []int
	n      int // lines in all
	h      int // lines shown
	sel    int
	offset int
}

func (s *scroller) end(i int) int {
	if i+1 < len(s.starts) {
		return s.starts[i+1]
	}
	return s.n
}

// show scrolls the least that puts the selected item in view. An item
// taller than the view shows from its first line, unless the view is
// already inside it (paged there).
func (s *scroller) show() {
	if len(s.starts) == 0 {
		s.sel, s.offset = 0, 0
		return
	}
	s.sel = min(max(s.sel, 0), len(s.starts)-1)
	start, end := s.starts[s.sel], s.end(s.sel)
	switch {
	case end-start > s.h:
		if s.offset < start || s.offset >= end {
			s.offset = start
		}
	case start < s.offset:
		s.offset = start
	case end > s.offset+s.h:
		s.offset = end - s.h
	}
	s.offset = max(0, min(s.offset, s.n-s.h))
}

func (s *scroller) move(d int) { s.sel += d; s.show() }

// page scrolls a screen down (d > 0) or up and selects the item at the top
// of the view: the one the top line is in when it is taller than the
// view, else the first that starts in view.
func (s *scroller) page(d int) {
	if len(s.starts) == 0 {
		return
	}
	s.offset = max(0, min(s.offset+d*max(1, s.h-1), s.n-s.h))
	i := sort.Search(len(s.starts), func(i int) bool { return s.starts[i] > s.offset }) - 1
	i = max(i, 0)
	if s.starts[i] < s.offset && s.end(i)-s.starts[i] <= s.h && i+1 < len(s.starts) {
		i++
	}
	s.sel = i
	s.show()
}

func (s *scroller) home(end bool) {
	s.sel = 0
	if end {
		s.sel = len(s.starts) - 1
	}
	s.show()
}

func (s *scroller) resize(n, h int) { s.n, s.h = n, max(0, h); s.show() }

// matrixView is the coverage matrix: a row per event, a column per
// outlet, totals below; a row is selected and enter shows its event.
type matrixView struct {
	m      *matrix.Matrix
	w, h   int
	lines  []string // m.Lines at width w from outlet first: header, rows, totals
	linesW int
	// first is the first outlet whose column is shown, whole the number
	// shown whole from it: ←/→ scroll across more outlets than fit.
	first, whole, linesFirst int
	top                      []string // fixed above the rows
	bottom                   []string // fixed below them
	sc                       scroller
	// conflicts are the events whose facts conflict, marked ≠ as in the
	// body's gutter.
	conflicts map[int]bool
	// events is the story's count of events, page furniture apart, as the
	// summary gives it; the matrix lists those with body text.
	events int
	// totals is how many of the bottom lines are totals; the legend's
	// lines follow them.
	totals int
}

func newMatrixView(m *matrix.Matrix, conflicts map[int]bool, events int) *matrixView {
	if m == nil {
		m = &matrix.Matrix{}
	}
	v := &matrixView{m: m, linesW: -1, conflicts: conflicts, events: events}
	v.sc.starts = make([]int, len(m.Rows))
	for i := range v.sc.starts {
		v.sc.starts[i] = i
	}
	return v
}

// SetSize lays the matrix out for w columns (once per width) and gives
// the rows what h leaves after the title, the outlets, the totals and the
// legend; those go first when h is small.
func (v *matrixView) SetSize(w, h int) {
	w, h = max(w, 1), max(h, 0)
	if w != v.linesW {
		// a wider screen shows the outlets before first when the rest fit
		for v.first > 0 && v.m.From(v.first-1).Whole(max(1, w-2)) >= len(v.m.Columns)-(v.first-1) {
			v.first--
		}
	}
	if w != v.linesW || v.first != v.linesFirst {
		sub := v.m.From(v.first)
		v.lines = sub.Lines(max(1, w-2))
		v.whole = sub.Whole(max(1, w-2))
		v.linesW, v.linesFirst = w, v.first
	}
	v.w, v.h = w, h
	title := fmt.Sprintf(" coverage matrix · %s × %s", wording.Count(len(v.m.Rows), "event"), wording.Count(len(v.m.Columns), "outlet"))
	if v.wider() {
		// which columns are on screen comes first: a narrow screen cuts the rest
		title = fmt.Sprintf(" coverage matrix · outlets %d–%d of %d · %s", v.first+1, v.first+max(1, v.whole), len(v.m.Columns), wording.Count(len(v.m.Rows), "event"))
	}
	if n := len(v.m.Rows); n < v.events {
		title += fmt.Sprintf(" (of %d: headlines, captions apart)", v.events)
	}
	top := []string{ansi.Truncate(title, w, "…"), "  " + v.lines[0]}
	var bottom []string
	if n := len(v.lines); n >= len(v.m.Rows)+3 {
		bottom = append(bottom, "  "+v.lines[n-2], "  "+v.lines[n-1])
	}
	v.totals = len(bottom)
	keys := strings.Split(matrix.Legend, " · ")
	if n := len(v.conflicts); n > 0 {
		keys = append(keys, fmt.Sprintf("≠ facts differ (%d)", n))
	}
	bottom = append(bottom, legendLines(keys, w)...)
	rows := len(v.m.Rows)
	want := min(rows, 3) // rows shown before any chrome
	for len(top)+len(bottom)+want > h && len(bottom) > 0 {
		bottom = bottom[:len(bottom)-1]
	}
	for len(top)+want > h && len(top) > 0 {
		top = top[:len(top)-1]
	}
	v.top, v.bottom = top, bottom
	v.sc.resize(rows, h-len(top)-len(bottom))
}

// wider says whether the outlets' columns do not all fit the width.
func (v *matrixView) wider() bool {
	return v.first > 0 || v.first+v.whole < len(v.m.Columns)
}

// shift shows the next outlets' columns (d > 0) or the ones before, a
// screenful at a time; it says whether there were any.
func (v *matrixView) shift(d int) bool {
	n, w := len(v.m.Columns), max(1, v.w-2)
	switch {
	case d > 0 && v.first+v.whole < n:
		v.first += max(1, v.whole)
	case d < 0 && v.first > 0:
		// back to the first outlet of the screenful that ends before this one
		f := v.first - 1
		for f > 0 && v.m.From(f-1).Whole(w) >= v.first-(f-1) {
			f--
		}
		v.first = f
	default:
		return false
	}
	v.SetSize(v.w, v.h)
	return true
}

func (v *matrixView) move(d int)     { v.sc.move(d) }
func (v *matrixView) page(d int)     { v.sc.page(d) }
func (v *matrixView) home(end bool)  { v.sc.home(end) }
func (v *matrixView) selected() int  { return v.sc.sel }
func (v *matrixView) rowsShown() int { return v.sc.h }

func (v *matrixView) target() (int, []int) {
	if v.sc.sel < 0 || v.sc.sel >= len(v.m.Rows) {
		return -1, nil
	}
	r := v.m.Rows[v.sc.sel]
	var arts []int
	for a, c := range r.Cells {
		if c != matrix.Absent {
			arts = append(arts, a)
		}
	}
	return r.Event, arts
}

func (v *matrixView) status() string {
	if len(v.m.Rows) == 0 {
		return "coverage matrix · no events"
	}
	r := v.m.Rows[v.sc.sel]
	return fmt.Sprintf("coverage matrix · row %d/%d · event %d · %s", v.sc.sel+1, len(v.m.Rows), r.Event+1, textsafe.VisibleLine(r.Label))
}

// view paints the matrix: the selected row reversed and marked ▸.
func (v *matrixView) view(p *palette) []string {
	out := make([]string, 0, v.h)
	for i, ln := range v.top {
		if i == 0 { // the title goes last, so it is always first
			out = append(out, p.heading.render(ln))
		} else {
			out = append(out, p.outlet.render(ln))
		}
	}
	end := min(len(v.m.Rows), v.sc.offset+v.sc.h)
	for i := v.sc.offset; i < end; i++ {
		ln := v.lines[1+i]
		mark := " "
		if v.conflicts[v.m.Rows[i].Event] {
			mark = p.errorSeq.render("≠")
		}
		if i == v.sc.sel {
			ln = ansi.Truncate(ln, v.w-2, "")
			out = append(out, p.cursor.render("▸")+mark+p.statusSeq.render(ln+spaces(v.w-2-ansi.StringWidth(ln))))
			continue
		}
		out = append(out, " "+mark+ln)
	}
	for len(out) < len(v.top)+v.sc.h {
		out = append(out, "")
	}
	for i, ln := range v.bottom {
		if i >= v.totals {
			out = append(out, p.faint.render(ln))
		} else {
			out = append(out, p.heading.render(ln))
		}
	}
	return out
}

// legendLines is the legend's keys wrapped to w columns between keys (a
// key wider than w cut): cut at the screen's edge, it lost what ≠ and ·
// mean on a terminal of 80 columns.
func legendLines(keys []string, w int) []string {
	var out []string
	ln := ""
	for _, part := range keys {
		switch {
		case ln == "":
			ln = " " + part
		case ansi.StringWidth(ln+" · "+part) <= w:
			ln += " · " + part
		default:
			out = append(out, ansi.Truncate(ln, w, "…"))
			ln = " " + part
		}
	}
	return append(out, ansi.Truncate(ln, w, "…"))
}
