package ui

import (
	"fmt"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// body is the scrolling list of events. It lays the story out once per
// width, pair of articles and filter, and paints only the rows a frame
// shows.
type body struct {
	st     *story.Story
	pal    *palette
	l, r   int
	filter view.Filter
	boiler bool // show page furniture
	// noMeta leaves out events of metadata alone, as exports do: their
	// header gives it (story.MetadataOnly).
	noMeta bool

	g      geom
	height int

	// cache holds each event's rows for the current geometry and pair;
	// filters and toggles reuse it.
	cacheKey [3]int
	cache    [][]row

	rows   []row
	start  map[int]int // event → index of its rule in rows
	events []int       // the events shown, in order
	index  map[int]int // event → its position in events

	// rowLimit, when set, stops a layout once it has that many rows: the
	// first screen of a big story, while the whole is laid out elsewhere.
	rowLimit int

	offset int // first row shown
	cur    int // the current event (index into st.Events), -1 when none

	// conflicts are the events whose articles give conflicting facts,
	// marked ≠ in the gutter.
	conflicts map[int]bool

	query   string
	matches []int             // rows where a match of query starts
	hits    map[int]*[2][]hit // row → the parts of matches it shows, per column
	match   int               // index into matches of the current match, -1 when none
}

func newBody(st *story.Story, pal *palette, l, r int) *body {
	return &body{st: st, pal: pal, l: l, r: r, cur: -1, match: -1}
}

// SetSize lays the body out for width w and shows h rows, keeping the
// current event where it was on the screen.
func (b *body) SetSize(w, h int) {
	b.height = max(0, h)
	g := geometry(w)
	if g != b.g || b.rows == nil {
		b.g = g
		b.relayout()
	}
	b.clamp()
}

// setHeight shows h rows and keeps the layout, even if it was made for
// another width: the frame clips it until the new layout arrives.
func (b *body) setHeight(h int) {
	b.height = max(0, h)
	b.clamp()
}

// layoutAll lays out every event the pair can show at geometry g. It only
// reads the story, so it may run off the program's goroutine.
func layoutAll(st *story.Story, l, r int, g geom) [][]row {
	cache := make([][]row, len(st.Events))
	for k := range st.Events {
		if view.KindOf(st, k, l, r) != view.None {
			cache[k] = eventRows(st, k, l, r, g)
		}
	}
	return cache
}

// install takes a layout made by layoutAll for geometry g and the current
// pair.
func (b *body) install(g geom, cache [][]row) {
	b.g = g
	b.cacheKey = [3]int{g.width, b.l, b.r}
	b.cache = cache
	b.relayout()
}

// relayout rebuilds the rows after a change of geometry, pair or filter,
// keeping the current event at the same distance from the top.
func (b *body) relayout() {
	anchor, delta := b.cur, 0
	if s, ok := b.start[anchor]; ok {
		delta = b.offset - s
	}
	key := [3]int{b.g.width, b.l, b.r}
	if key != b.cacheKey || b.cache == nil {
		b.cacheKey = key
		b.cache = make([][]row, len(b.st.Events))
	}
	b.rows = b.rows[:0]
	b.events = b.events[:0]
	b.start = make(map[int]int)
	b.index = make(map[int]int)
	for k := range b.st.Events {
		if b.rowLimit > 0 && len(b.rows) >= b.rowLimit {
			break
		}
		if !keep(b.st, k, b.l, b.r, b.filter, b.boiler) || b.noMeta && b.st.MetadataOnly(k, b.l, b.r) {
			continue
		}
		if b.cache[k] == nil {
			b.cache[k] = eventRows(b.st, k, b.l, b.r, b.g)
		}
		b.start[k] = len(b.rows)
		b.index[k] = len(b.events)
		b.events = append(b.events, k)
		b.rows = append(b.rows, b.cache[k]...)
	}
	if b.rows == nil {
		b.rows = []row{}
	}
	b.cur = -1
	if len(b.events) > 0 {
		// Keep the anchor if it is still shown, or the nearest event after it.
		b.cur = b.events[0]
		for _, k := range b.events {
			if k >= anchor {
				b.cur = k
				break
			}
		}
		if anchor > b.events[len(b.events)-1] {
			b.cur = b.events[len(b.events)-1]
		}
	}
	b.offset = 0
	if s, ok := b.start[b.cur]; ok {
		if b.cur == anchor {
			s += delta
		}
		b.offset = s
	}
	b.findMatches()
	if b.match >= 0 && len(b.matches) > 0 {
		// The rows moved: the current match is the first at or below the
		// current event, so that > goes on down the story from there.
		start := b.start[b.cur]
		b.match = len(b.matches) - 1
		for i, ri := range b.matches {
			if ri >= start {
				b.match = i
				break
			}
		}
	}
	b.clamp()
}

// setPair shows articles l and r.
func (b *body) setPair(l, r int) {
	b.l, b.r = l, r
	b.relayout()
}

func (b *body) setFilter(f view.Filter) {
	b.filter = f
	b.relayout()
}

func (b *body) setBoiler(on bool) {
	b.boiler = on
	b.relayout()
}

func (b *body) maxOffset() int { return max(0, len(b.rows)-b.height) }

// clamp keeps the offset in range. An event jump may leave the view
// scrolled past the last full page so that the event starts at the top.
func (b *body) clamp() {
	b.offset = min(b.offset, max(b.maxOffset(), min(b.offset, len(b.rows)-1)))
	b.offset = max(0, b.offset)
}

// scroll moves the view by d rows; the current event follows the top row.
func (b *body) scroll(d int) {
	limit := max(b.maxOffset(), b.offset)
	if d > 0 {
		b.offset = min(b.offset+d, limit)
	} else {
		b.offset = max(0, b.offset+d)
	}
	b.follow()
}

func (b *body) top()    { b.offset = 0; b.follow() }
func (b *body) bottom() { b.offset = b.maxOffset(); b.follow() }

// follow makes the event at the top of the view the current one.
func (b *body) follow() {
	if b.offset < len(b.rows) {
		b.cur = b.rows[b.offset].ev
	}
}

// jump moves to the next (dir > 0) or previous event, only changed ones
// when onlyChanged, and puts it at the top. It reports whether it moved.
func (b *body) jump(dir int, onlyChanged bool) bool {
	pos := b.eventPos()
	for i := pos + dir; i >= 0 && i < len(b.events); i += dir {
		k := b.events[i]
		if onlyChanged && (view.KindOf(b.st, k, b.l, b.r) != view.Shared || !view.Changed(b.st, k, b.l, b.r)) {
			continue
		}
		b.goTo(k)
		return true
	}
	return false
}

// goTo makes event k current and scrolls it to the top.
func (b *body) goTo(k int) {
	if s, ok := b.start[k]; ok {
		b.cur = k
		b.offset = s
		b.clamp()
	}
}

// eventPos is the position of the current event among the shown ones, -1
// when none is current.
func (b *body) eventPos() int {
	if i, ok := b.index[b.cur]; ok {
		return i
	}
	return -1
}

// setQuery searches for q (case-insensitive) and goes to the first match at
// or below the top of the view.
func (b *body) setQuery(q string) {
	b.query = q
	b.findMatches()
	b.match = -1
	for i, ri := range b.matches {
		if ri >= b.offset {
			b.match = i
			break
		}
	}
	if b.match < 0 && len(b.matches) > 0 {
		b.match = 0
	}
	b.showMatch()
}

// findMatches finds the query in each side of each shown event, across
// line breaks, and records which part of which row each match covers.
func (b *body) findMatches() {
	b.matches = b.matches[:0]
	b.hits = nil
	if b.query == "" {
		return
	}
	b.hits = make(map[int]*[2][]hit)
	for _, k := range b.events {
		start := b.start[k]
		end := start + 1
		for end < len(b.rows) && b.rows[end].ev == k && b.rows[end].kind != rowRule {
			end++
		}
		// The sides: the left and right of paired rows, or the stacked runs.
		if b.g.stacked {
			b.searchSide(start, end, 0, func(rw *row) (layout.Line, bool) { return rw.left, rw.kind == rowLeft })
			b.searchSide(start, end, 0, func(rw *row) (layout.Line, bool) { return rw.left, rw.kind == rowRight })
		} else {
			b.searchSide(start, end, 0, func(rw *row) (layout.Line, bool) { return rw.left, rw.kind == rowPair })
			b.searchSide(start, end, 1, func(rw *row) (layout.Line, bool) { return rw.right, rw.kind == rowPair })
		}
	}
	slices.Sort(b.matches)
	b.matches = slices.Compact(b.matches)
	if b.match >= len(b.matches) {
		b.match = len(b.matches) - 1
	}
}

// searchSide searches the lines that pick selects from rows [start, end),
// joined by spaces, and records the hits in column col.
func (b *body) searchSide(start, end, col int, pick func(*row) (layout.Line, bool)) {
	var joined strings.Builder
	type part struct{ row, off, n int }
	var parts []part
	for i := start; i < end; i++ {
		ln, ok := pick(&b.rows[i])
		if !ok {
			continue
		}
		if len(parts) > 0 {
			joined.WriteByte(' ')
		}
		t := ln.String()
		parts = append(parts, part{i, joined.Len(), len(t)})
		joined.WriteString(t)
	}
	for _, m := range findAll(joined.String(), b.query) {
		from := -1 // the row the match starts on, which names it
		for _, p := range parts {
			s, e := max(m[0], p.off), min(m[1], p.off+p.n)
			if s >= e {
				continue
			}
			if from < 0 {
				from = p.row
				b.matches = append(b.matches, p.row)
			}
			h := b.hits[p.row]
			if h == nil {
				h = new([2][]hit)
				b.hits[p.row] = h
			}
			h[col] = append(h[col], hit{s - p.off, e - p.off, from})
		}
	}
}

// stepMatch goes to the next (dir > 0) or previous match, wrapping around.
func (b *body) stepMatch(dir int) {
	n := len(b.matches)
	if n == 0 {
		return
	}
	switch {
	case b.match < 0:
		b.match = 0
	case b.matches[b.match] < b.offset || b.matches[b.match] >= b.offset+b.height:
		// The reader moved away from the current match: go on from the
		// screen, the first match on or below it (or the last above it).
		i := sort.SearchInts(b.matches, b.offset)
		if dir < 0 {
			i--
		}
		b.match = (i%n + n) % n
	default:
		b.match = ((b.match+dir)%n + n) % n
	}
	b.showMatch()
}

// showMatch scrolls the current match into view, a few rows below the top
// so that its event's rule stays visible when it can.
func (b *body) showMatch() {
	if b.match < 0 || b.match >= len(b.matches) {
		return
	}
	ri := b.matches[b.match]
	if ri < b.offset || ri >= b.offset+b.height {
		b.offset = max(0, ri-min(2, b.height/3))
		b.clamp()
	}
	b.cur = b.rows[ri].ev
}

// findAll returns the byte ranges of q in s, ignoring case and the kind
// of quotation mark.
func findAll(s, q string) [][2]int {
	if q == "" || s == "" {
		return nil
	}
	fs, at := searchFold(s, true)
	fq, _ := searchFold(q, false)
	if fq == "" {
		return nil
	}
	var out [][2]int
	for i := 0; i+len(fq) <= len(fs); {
		j := strings.Index(fs[i:], fq)
		if j < 0 {
			break
		}
		out = append(out, [2]int{at[i+j], at[i+j+len(fq)]})
		i += j + len(fq)
	}
	return out
}

// searchFold folds s for search: lower case, and the quotation marks a
// keyboard does not type (’ ‘ “ ” „ and the like) as ' and ". With offsets
// it also returns, for each byte of the folded text and its end, the
// offset in s of the character it comes from.
func searchFold(s string, offsets bool) (string, []int) {
	var b strings.Builder
	b.Grow(len(s))
	var at []int
	if offsets {
		at = make([]int, 0, len(s)+1)
	}
	for i, r := range s {
		switch r {
		case '’', '‘', '‚', '‛', '′':
			r = '\''
		case '“', '”', '„', '‟', '″', '«', '»':
			r = '"'
		default:
			r = unicode.ToLower(r)
		}
		n := b.Len()
		b.WriteRune(r)
		for ; offsets && n < b.Len(); n++ {
			at = append(at, i)
		}
	}
	if offsets {
		at = append(at, len(s))
	}
	return b.String(), at
}

// View paints the rows from the offset down, height rows at most. Each line
// is at most the body's width.
func (b *body) View() string {
	var out strings.Builder
	end := min(len(b.rows), b.offset+b.height)
	for i := b.offset; i < end; i++ {
		if i > b.offset {
			out.WriteByte('\n')
		}
		b.paintRow(&out, i)
	}
	return out.String()
}

// lines returns the painted visible rows.
func (b *body) lines() []string {
	out, _ := b.linesWidths(nil)
	return out
}

// linesWidths returns the painted visible rows and the display width of
// each, known from the layout, so that a frame need not measure them.
func (b *body) linesWidths(widths []int) ([]string, []int) {
	end := min(len(b.rows), b.offset+b.height)
	out := make([]string, 0, max(0, end-b.offset))
	widths = widths[:0]
	var sb strings.Builder
	for i := b.offset; i < end; i++ {
		sb.Reset()
		widths = append(widths, b.paintRow(&sb, i))
		out = append(out, sb.String())
	}
	return out, widths
}

// paintRow writes row i and returns its display width (for a rule, the
// body's width, which it never exceeds).
func (b *body) paintRow(out *strings.Builder, i int) int {
	rw := &b.rows[i]
	w := b.g.width
	switch rw.kind {
	case rowRule:
		b.paintRule(out, rw.ev, w)
		return w
	case rowPair:
		used := b.g.indent
		out.WriteString(spaces(b.g.indent))
		lw := b.paintLine(out, rw.left, b.hitsAt(i, 0))
		used += lw
		if len(rw.right) > 0 {
			pad := max(0, b.g.colW-lw) + gap
			out.WriteString(spaces(pad))
			used += pad
			used += b.paintLine(out, rw.right, b.hitsAt(i, 1))
		}
		return used
	case rowLeft, rowRight:
		mark := " ‹ "
		if rw.kind == rowRight {
			mark = " › "
		}
		switch {
		case b.g.indent >= 3:
			b.pal.faint.wrap(out, mark+spaces(b.g.indent-3))
		case b.g.indent == 2:
			b.pal.faint.wrap(out, mark[1:])
		default:
			out.WriteString(spaces(b.g.indent))
		}
		return b.g.indent + b.paintLine(out, rw.left, b.hitsAt(i, 0))
	case rowNote:
		return b.paintNote(out, rw.left)
	}
	return 0
}

// hit is the part of a search match on one row: bytes from to to of a
// column's line, of the match that starts on row start.
type hit struct{ from, to, start int }

// hitsAt is the match ranges in column col of row i.
func (b *body) hitsAt(i, col int) []hit {
	if h := b.hits[i]; h != nil {
		return h[col]
	}
	return nil
}

// paintLine writes a line's spans in their roles' styles, the ranges ms
// highlighted as search matches (the current one apart), and returns its
// width.
func (b *body) paintLine(out *strings.Builder, ln layout.Line, ms []hit) int {
	w := 0
	if len(ms) == 0 {
		for _, s := range ln {
			b.pal.role[s.Role].wrap(out, s.Text)
		}
		return ln.Width()
	}
	text := ln.String()
	w = ln.Width()
	cur := -1
	if b.match >= 0 && b.match < len(b.matches) {
		cur = b.matches[b.match]
	}
	pos := 0
	for _, s := range ln {
		spanEnd := pos + len(s.Text)
		at := pos
		for _, m := range ms {
			if m.to <= at || m.from >= spanEnd {
				continue
			}
			if m.from > at {
				b.pal.role[s.Role].wrap(out, text[at:m.from])
				at = m.from
			}
			e := min(m.to, spanEnd)
			if m.start == cur {
				b.pal.curMatch.wrap(out, text[at:e])
			} else {
				b.pal.match.wrap(out, text[at:e])
			}
			at = e
		}
		if at < spanEnd {
			b.pal.role[s.Role].wrap(out, text[at:spanEnd])
		}
		pos = spanEnd
	}
	return w
}

// paintRule writes event k's rule: number, cursor and score in the gutter,
// a line, and the event's kind on the right.
func (b *body) paintRule(out *strings.Builder, k, w int) {
	st := b.st
	numW := len(fmt.Sprint(len(st.Events)))
	num := fmt.Sprintf(" %*d ", numW, k+1)
	marker := "  "
	score := "    "
	if view.KindOf(st, k, b.l, b.r) == view.Shared {
		score = fmt.Sprintf("%4.2f", st.Events[k].PairScore(b.l, b.r))
	}
	if k == b.cur {
		marker = "▸ "
	}
	conflict := b.conflicts[k]
	if conflict {
		marker = marker[:len(marker)-1] + "≠"
	}
	label := ruleLabel(st, k, b.l, b.r)
	if conflict {
		label += factsLabel
	}
	gw := utf8.RuneCountInString(num) + 2 + 4 + 1
	lw := ansi.StringWidth(label)
	if gw > w {
		// Too narrow for a gutter: just the number.
		s := ansi.Truncate(fmt.Sprintf("%d%s", k+1, strings.TrimSpace(marker)), w, "")
		b.numberSeq(k).wrap(out, s)
		return
	}
	if conflict {
		b.numberSeq(k).wrap(out, num+strings.TrimSuffix(marker, "≠"))
		b.pal.errorSeq.wrap(out, "≠")
	} else {
		b.numberSeq(k).wrap(out, num+marker)
	}
	out.WriteString(score)
	out.WriteByte(' ')
	rest := w - gw
	if lw+3 > rest {
		label = ansi.Truncate(label, max(0, rest-3), "…")
		lw = ansi.StringWidth(label)
	}
	ruleW := rest - lw - 1
	if lw == 0 {
		ruleW = rest
	}
	b.pal.border.wrap(out, strings.Repeat("─", max(0, ruleW)))
	if lw > 0 {
		out.WriteByte(' ')
		facts := ""
		if i := strings.Index(label, factsLabel); i >= 0 {
			label, facts = label[:i], label[i:]
		}
		if i := strings.Index(label, " · moved"); i >= 0 {
			b.pal.faint.wrap(out, label[:i])
			b.pal.moved.wrap(out, label[i:])
		} else {
			b.pal.faint.wrap(out, label)
		}
		b.pal.errorSeq.wrap(out, facts)
	}
}

func (b *body) numberSeq(k int) seq {
	if k == b.cur {
		return b.pal.cursor
	}
	return b.pal.number
}

var spaceCache = strings.Repeat(" ", 512)

func spaces(n int) string {
	if n <= 0 {
		return ""
	}
	if n <= len(spaceCache) {
		return spaceCache[:n]
	}
	return strings.Repeat(" ", n)
}

// factsLabel ends the rule of an event whose articles give conflicting
// facts, so that the ≠ in the gutter reads without colour too.
const factsLabel = " · facts differ"
