package ui

import (
	"fmt"
	"github.com/synoptic-news/synoptic/internal/wording"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

// The whole-story checks (coverage matrix, quote check, facts check and
// their summary) are computed once per story: when the reader is made, or
// for a big story once in the background after it opens. Nothing here runs
// them again; frames only paint what they laid out.

// checksMsg carries the whole-story checks made in the background.
type checksMsg struct {
	st *story.Story // the story checked: a re-aligned story needs its own
	r  *insight.Report
}

// analyzeCmd runs the checks of st off the event loop.
func analyzeCmd(st *story.Story) tea.Cmd {
	return func() tea.Msg { return checksMsg{st, insight.Analyze(st)} }
}

// setChecks installs the whole-story checks: the views that show them and
// the facts marks of the body's gutter.
func (m *Model) setChecks(r *insight.Report) {
	m.checks = r
	m.body.conflicts = conflictSet(r.Facts)
	m.mx = newMatrixView(r.Matrix, m.body.conflicts, r.Summary.Events)
	m.qv = newQuotesView(m.st, r.Quotes, m.pal)
	m.drawn.forgetSummary()
}

// minBodyRows is the least the body keeps for the summary to show.
const minBodyRows = 8

// fitSummary gives the summary two lines under a header of article lines,
// one, or none, so that the body keeps minBodyRows of the room left.
func (m *Model) fitSummary(hdr headerMode, room int) {
	n := 0
	if m.checks != nil && (hdr == hdrFull || hdr == hdrStacked || hdr == hdrCompact) {
		switch {
		case room-2 >= minBodyRows:
			n = 2
		case room-1 >= minBodyRows:
			n = 1
		}
	}
	if key := m.w*3 + n; key != m.drawn.summaryKey {
		m.drawn.summaryKey = key
		m.drawn.summary = nil
		if n > 0 {
			for _, ln := range summaryLines(m.st, m.checks.Summary, contentWidth(m.w))[:n] {
				m.drawn.summary = append(m.drawn.summary, m.sumSeq.render(ln))
			}
		}
	}
}

// conflictSet is the set of events whose articles give conflicting facts.
func conflictSet(f *facts.Report) map[int]bool {
	if f == nil {
		return nil
	}
	out := map[int]bool{}
	for _, ef := range f.Events {
		if ef.Conflict {
			out[ef.Event] = true
		}
	}
	return out
}

// factsStatus says which values differ in event k, for the status bar:
// "facts differ: vehicle 32,000 (Harbour Herald) vs 23,000 (The Coastal
// Times)".
func (m *Model) factsStatus(k int) string {
	if m.checks == nil || m.checks.Facts == nil || k < 0 {
		return ""
	}
	ef := m.checks.Facts.Event(k)
	if ef == nil || !ef.Conflict {
		return ""
	}
	var parts []string
	for _, g := range view.FactGroups(ef) {
		unit := ""
		if g.Unit != "" {
			unit = g.Unit + " " // what the figures count: "six vs eight" says little alone
		}
		var vals []string
		for _, v := range g.Values {
			vals = append(vals, fmt.Sprintf("%s (%s)", v.Text, m.outletsShort(v.Articles)))
		}
		parts = append(parts, unit+strings.Join(vals, " vs "))
	}
	return "facts differ: " + strings.Join(parts, "; ")
}

// outletsShort names the outlets of articles for the status bar: two at
// most, then how many more ("Harbour Herald, Coastal Times +3").
func (m *Model) outletsShort(articles []int) string {
	n := len(articles)
	if n > 3 {
		n = 2
	}
	who := make([]string, n)
	for k, a := range articles[:n] {
		who[k] = view.Outlet(m.st, a)
	}
	if more := len(articles) - n; more > 0 {
		return fmt.Sprintf("%s +%d", strings.Join(who, ", "), more)
	}
	return strings.Join(who, ", ")
}

// summaryLines are the two lines of the whole-story summary under the
// header, cut to width w: the counts and checks, then the outlets.
func summaryLines(st *story.Story, s insight.Summary, w int) []string {
	out := summaryText(st, s)
	if ansi.StringWidth(out[1]) > w {
		// Long outlet names (a file's name stands for an outlet that has
		// none) would push the last outlets' figures off the line: shorten
		// every name alike until all the figures fit.
		longest := 0
		for _, o := range s.Outlets {
			longest = max(longest, ansi.StringWidth(textsafe.VisibleLine(view.Outlet(st, o.Article))))
		}
		for n := longest - 1; n >= minOutletName; n-- {
			if ln := outletsLine(st, s, n); ansi.StringWidth(ln) <= w {
				out[1] = ln
				break
			}
		}
	}
	for i, ln := range out {
		out[i] = ansi.Truncate(ln, max(0, w), "…")
	}
	return out
}

// minOutletName is the fewest columns an outlet's name is cut to on the
// summary's outlets line and an article's coverage line; below that a name
// no longer says which it is.
const minOutletName = 6

// shortOutlet cuts an outlet's name to n columns, "…" included, at no
// space: "Coast…", not "Coast …".
func shortOutlet(name string, n int) string {
	if ansi.StringWidth(name) <= n {
		return name
	}
	return strings.TrimRight(ansi.Truncate(name, n-1, ""), " ") + "…"
}

// outletsLine is the summary's line of outlets, each name cut to n columns
// ("…" included), or whole when n < 0.
func outletsLine(st *story.Story, s insight.Summary, n int) string {
	var b strings.Builder
	b.WriteString(" outlets (shared, alone, words aligned):")
	for i, o := range s.Outlets {
		if i > 0 {
			b.WriteString(" ·")
		}
		name := textsafe.VisibleLine(view.Outlet(st, o.Article))
		if n >= 0 {
			name = shortOutlet(name, n)
		}
		fmt.Fprintf(&b, " %s %d, %d, %d%%", name, o.Shared, o.OneSided, int(o.AlignedShare*100+0.5))
	}
	return textsafe.VisibleLine(b.String())
}

// summaryText is the summary's two lines, whole and terminal-safe.
func summaryText(st *story.Story, s insight.Summary) []string {
	var a strings.Builder
	fmt.Fprintf(&a, " %s · %d shared · %d one-sided", wording.Count(s.Events, "event"), s.Shared, s.Single)
	if r := s.LongestRun; r != nil {
		fmt.Fprintf(&a, " · longest verbatim run %s (event %d)", wording.Count(r.Words, "word"), r.Event+1)
	}
	fmt.Fprintf(&a, " · quotes: %d differ, %d misattributed, %d in one outlet", s.QuotesDiffering, s.QuotesMisattributed, s.QuotesOneOutlet)
	switch n := len(s.FactEvents); {
	case n == 0:
		a.WriteString(" · facts: none differ")
	default:
		var evs []string
		for _, k := range s.FactEvents {
			evs = append(evs, fmt.Sprint(k+1))
		}
		word := "events"
		if n == 1 {
			word = "event"
		}
		fmt.Fprintf(&a, " · facts differ in %s %s", word, strings.Join(evs, ", "))
	}
	return []string{textsafe.VisibleLine(a.String()), outletsLine(st, s, -1)}
}

// overlay is the open whole-story view, nil when reading.
func (m *Model) overlay() overlayView {
	switch m.mode {
	case modeMatrix:
		return m.mx
	case modeQuotes:
		return m.qv
	}
	return nil
}

// overlayView is a full-screen list over the reader: the coverage matrix or
// the quote check.
type overlayView interface {
	SetSize(w, h int)
	move(d int)
	page(d int)
	home(end bool)
	// target is the event the selection stands for, -1 if none, and the
	// articles it should be shown with, most wanted first.
	target() (int, []int)
	view(p *palette) []string
	status() string
}

// openOverlay opens the view for mode md (its key again, or esc, closes it).
func (m *Model) openOverlay(md mode) {
	if m.checks == nil {
		m.setStatus("the whole-story checks are still running", false)
		return
	}
	m.mode = md
	m.updateKeys()
}

func (m *Model) closeOverlay() {
	m.mode = modeRead
	m.updateKeys()
}

// overlayKey handles a key while the matrix or the quote check is open.
func (m *Model) overlayKey(msg tea.KeyMsg) tea.Cmd {
	ov := m.overlay()
	k := m.keys
	m.status = ""
	switch {
	case key.Matches(msg, k.Quit):
		return tea.Quit
	case key.Matches(msg, k.Close),
		m.mode == modeMatrix && key.Matches(msg, k.Matrix),
		m.mode == modeQuotes && key.Matches(msg, k.Quotes):
		m.closeOverlay()
	case key.Matches(msg, k.Matrix):
		m.openOverlay(modeMatrix)
	case key.Matches(msg, k.Quotes):
		m.openOverlay(modeQuotes)
	case key.Matches(msg, k.Select):
		ev, prefer := ov.target()
		if ev < 0 {
			m.setStatus("no event to go to", false)
			return nil
		}
		m.closeOverlay()
		m.showEvent(ev, prefer)
	case key.Matches(msg, k.Left), key.Matches(msg, k.Right):
		if m.mode != modeMatrix {
			return nil
		}
		d, side := 1, "right"
		if key.Matches(msg, k.Left) {
			d, side = -1, "left"
		}
		if !m.mx.shift(d) {
			m.setStatus("no more outlets to the "+side, false)
		}
	case key.Matches(msg, k.Down):
		ov.move(1)
	case key.Matches(msg, k.Up):
		ov.move(-1)
	case key.Matches(msg, k.PageDown):
		ov.page(1)
	case key.Matches(msg, k.PageUp):
		ov.page(-1)
	case key.Matches(msg, k.Top):
		ov.home(false)
	case key.Matches(msg, k.Bottom):
		ov.home(true)
	}
	return nil
}

// showEvent makes event k current in the side-by-side view, scrolled to the
// top. When an article shown does not tell it, it shows a pair that does
// (keeping the shown article that tells it, preferring the articles in
// prefer); a filter that hides it is lifted.
func (m *Model) showEvent(k int, prefer []int) {
	b := m.body
	if k < 0 || k >= len(m.st.Events) {
		return
	}
	e := &m.st.Events[k]
	in := func(a int) bool { return a >= 0 && a < len(e.Blocks) && len(e.Blocks[a]) > 0 }
	l, r := b.l, b.r
	if !in(l) || !in(r) {
		// Keep a shown article that tells it; fill the other side with the
		// first wanted article that tells it too.
		cands := append([]int(nil), prefer...)
		for a := range e.Blocks {
			cands = append(cands, a)
		}
		keepL := in(l)
		keepR := in(r) && !keepL
		for _, a := range cands {
			if !in(a) || a == l && keepL || a == r && keepR {
				continue
			}
			switch {
			case keepL:
				if a != l {
					r, keepR = a, true
				}
			case keepR:
				if a != r {
					l, keepL = a, true
				}
			default:
				l, keepL = a, true
			}
			if keepL && keepR {
				break
			}
		}
		if l == r {
			// One article tells it: show it with one of the pair.
			if r = b.r; r == l {
				r = b.l
			}
		}
		if l != b.l || r != b.r {
			b.setPair(l, r)
			m.setStatus(fmt.Sprintf("showing %s and %s", view.Outlet(m.st, l), view.Outlet(m.st, r)), false)
		}
	}
	m.revealEvent(k)
}

// revealEvent makes event k current in the pair shown, scrolled to the
// top, lifting a filter that hides it.
func (m *Model) revealEvent(k int) {
	b := m.body
	if k < 0 || k >= len(m.st.Events) {
		return
	}
	if !keep(m.st, k, b.l, b.r, b.filter, b.boiler) {
		// the event is hidden: show it, and say what was changed to
		was := b.filter
		b.setFilter(view.FilterAll)
		shown := fmt.Sprintf("filter %s → all", was)
		if was == view.FilterAll {
			shown = ""
		}
		if !keep(m.st, k, b.l, b.r, b.filter, b.boiler) {
			b.setBoiler(true)
			shown = strings.TrimPrefix(shown+", furniture shown", ", ")
		}
		if shown != "" {
			m.setStatus(fmt.Sprintf("event %d was hidden: %s", k+1, shown), false)
		}
	}
	if _, ok := b.start[k]; !ok {
		m.setStatus(fmt.Sprintf("event %d is not laid out yet", k+1), false)
		return
	}
	b.goTo(k)
}

// overlayFooter is the key hint under an open whole-story view.
func (m *Model) overlayFooter() string {
	k := m.keys
	keys := []key.Binding{k.Move, k.Select, k.Close, k.PageDown, k.Top, k.Bottom, k.Quit}
	if m.mode == modeMatrix && m.mx.wider() {
		keys = slices.Insert(keys, 1, k.Left)
	}
	return m.help.ShortHelpView(keys)
}

// overlayScreen draws the open whole-story view above the status bar and
// key hint; like View, never more lines than the terminal has, never a
// line wider than it.
func (m *Model) overlayScreen() string {
	foot := m.footerLines()
	oh := max(0, m.h-len(foot))
	lines := m.overlay().view(m.pal)
	if len(lines) > oh {
		lines = lines[:oh]
	}
	for len(lines) < oh {
		lines = append(lines, "")
	}
	lines = append(lines, foot...)
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	for i, ln := range lines {
		if m.measure(ln) > m.w {
			lines[i] = ansi.Truncate(ln, m.w, "")
		}
	}
	return strings.Join(lines, "\n")
}

// quoteTarget is the event of group g's first member and the articles of
// the group, in order.
func quoteTarget(st *story.Story, g quotes.Group) (int, []int) {
	for _, mb := range g.Members {
		if k := quotes.EventOf(st, mb.Article, mb.Block); k >= 0 {
			return k, g.Articles
		}
	}
	return -1, nil
}
