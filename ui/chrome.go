package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/view"
)

// The chrome around the body: the header and the summary under it, the
// status bar and the key help, measured and drawn once per size and state.

// drawn holds the chrome drawn once per size and state, each part with
// the key it was drawn for: a frame draws a part again only when its key
// changed, or when the part was dropped (nil) because the story changed.
type drawn struct {
	header    []string
	headerKey [4]int
	fullH     int    // height of the full header for fullKey
	fullKey   [3]int // width and pair fullH was measured for

	// the key hint or full help, for a width and key state
	help    []string
	helpKey [2]int

	// the summary's lines under the header, for a width and line count
	summary    []string
	summaryKey int

	// widths of chrome lines already measured: most frames repeat them
	widths map[string]int
}

// forgetStory drops what the story's alignment drew: the header's counts
// and coverage, its height, and the help.
func (d *drawn) forgetStory() { d.header, d.fullH, d.help = nil, 0, nil }

// forgetSummary drops the summary, for checks made anew.
func (d *drawn) forgetSummary() { d.summary, d.summaryKey = nil, -1 }

// footerLines are the lines under the body: the status bar, then the key
// hint, the full help, or the open prompt.
func (m *Model) footerLines() []string {
	w := m.w
	out := []string{m.statusBar()}
	switch m.mode {
	case modeSearch:
		m.search.Width = max(1, w-2)
		out = append(out, m.search.View())
	case modeExport:
		out = append(out, m.exp.View(w)...)
	case modePick:
		// the list takes up to two thirds of the screen, the story the rest
		out = append(out, m.pick.View(m.pal, w, max(2, m.h*2/3))...)
	case modeNote:
		m.ed.note.Width = max(1, w-len(m.ed.note.Prompt)-2)
		out = append(out, " "+m.ed.note.View())
	case modeQuit:
		out = append(out, m.quitHint(w))
	case modeSaveAs:
		m.ed.saveAs.Width = max(1, w-ansi.StringWidth(m.ed.saveAs.Prompt)-2)
		out = append(out, " "+m.ed.saveAs.View())
	case modeMatrix, modeQuotes:
		out = append(out, m.overlayFooter())
	default:
		if m.ed.marked {
			out = append(out, m.joinHint(w))
			break
		}
		if key := [2]int{w, boolInt(m.help.ShowAll)}; key != m.drawn.helpKey || m.drawn.help == nil {
			m.drawn.helpKey = key
			if m.help.ShowAll {
				m.drawn.help = m.fullHelp()
			} else {
				m.drawn.help = []string{m.help.ShortHelpView(m.keys.ShortHelp())}
			}
		}
		out = append(out, m.drawn.help...)
	}
	return out
}

// fullHelp draws the full help in as many bands of columns as the width
// needs, so that no column is cut off on a narrow terminal.
func (m *Model) fullHelp() []string {
	groups := m.keys.FullHelp()
	per := len(groups)
	switch {
	case m.w < 60:
		per = 1
	case m.w < 90:
		per = 2
	case m.w < 130:
		per = 3
	}
	var out []string
	for i := 0; i < len(groups); i += per {
		band := m.help.FullHelpView(groups[i:min(len(groups), i+per)])
		if band == "" {
			continue
		}
		out = append(out, strings.Split(band, "\n")...)
	}
	return out
}

// statusBar is the event, its kind and score, the filter and search state,
// and the last message, fitted to the width and painted.
func (m *Model) statusBar() string {
	parts, spare := m.statusParts()
	left, right := fitStatus(parts, spare, m.status, m.w)
	var sb strings.Builder
	sb.WriteString(m.pal.statusSeq.render(left + spaces(m.w-ansi.StringWidth(left)-ansi.StringWidth(right))))
	if right != "" {
		q := m.pal.message
		if m.statusErr {
			q = m.pal.errorSeq
		}
		sb.WriteString(q.render(right))
	}
	return sb.String()
}

// statusParts is what the status bar says of the view, part by part, and
// which parts say a default (filter all, the threshold the story opened
// with): those are given up first when the line is too long.
func (m *Model) statusParts() (parts []string, spare map[int]bool) {
	b := m.body
	if ov := m.overlay(); ov != nil {
		// an open list says only its own state
		return []string{ov.status()}, nil
	}
	if b.cur >= 0 {
		parts = append(parts, m.eventStatus()...)
	} else {
		parts = append(parts, "no events")
	}
	spare = map[int]bool{}
	if m.pending {
		// The first screen of a big story is laid out ahead of the rest,
		// which is still being laid out: its count would mislead.
		parts = append(parts, fmt.Sprintf("filter: %s (laying out)", b.filter))
	} else {
		spare[len(parts)] = b.filter == view.FilterAll
		parts = append(parts, "filter: "+b.filter.String())
	}
	spare[len(parts)] = m.st.Threshold() == m.ed.base
	parts = append(parts, m.editParts()...)
	if s := m.diffsStatus(); s != "" {
		parts = append(parts, s)
	}
	if b.boiler {
		parts = append(parts, "furniture shown")
	}
	if b.query != "" {
		if len(b.matches) > 0 {
			parts = append(parts, fmt.Sprintf("/%s %d/%d", b.query, b.match+1, len(b.matches)))
		} else {
			parts = append(parts, fmt.Sprintf("/%s no match", b.query))
		}
	}
	if b.cur >= 0 {
		// Last: the values can be long, and the state above is shorter.
		if f := m.factsStatus(b.cur); f != "" {
			parts = append(parts, f)
		}
	}
	return parts, spare
}

// eventStatus is what the status bar says of the current event: its
// number and place, its kind and score, its possible matches.
func (m *Model) eventStatus() []string {
	b := m.body
	var parts []string
	// The event's number is the one its rule and the exports show (page
	// furniture and other articles' events count too); its place among
	// the rows on show is what the title's count and n/p go by.
	if i, ok := b.index[b.cur]; ok && !m.pending {
		parts = append(parts, fmt.Sprintf("event %d · %d/%d shown", b.cur+1, i+1, len(b.events)))
	} else {
		parts = append(parts, fmt.Sprintf("event %d", b.cur+1))
	}
	switch view.KindOf(m.st, b.cur, b.l, b.r) {
	case view.Shared:
		parts = append(parts, fmt.Sprintf("shared · %.2f", m.st.Events[b.cur].PairScore(b.l, b.r)))
	case view.OnlyLeft:
		parts = append(parts, "only in "+view.Outlet(m.st, b.l))
	case view.OnlyRight:
		parts = append(parts, "only in "+view.Outlet(m.st, b.r))
	case view.PageFurniture:
		parts = append(parts, view.Label(m.st, b.cur, b.l, b.r))
	}
	if p := m.possibleStatus(); p != "" {
		parts = append(parts, p)
	}
	return parts
}

// fit measures the chrome for the current size and mode and gives the rest
// to the body. The header shrinks before the body does: full boxes, then a
// line per article, then the story line alone, then nothing.
func (m *Model) fit() {
	if !m.sized {
		return
	}
	w, h := m.w, m.h
	l, r := m.body.l, m.body.r
	foot := len(m.footerLines())
	if h <= 2 {
		foot = min(foot, 1)
	}
	if fk := [3]int{w, l, r}; fk != m.drawn.fullKey || m.drawn.fullH == 0 {
		m.drawn.fullKey, m.drawn.fullH = fk, fullHeight(m.st, l, r, contentWidth(w))
	}
	hdr := hdrNone
	switch {
	case w >= 40 && h-foot-m.drawn.fullH >= 8 && !geometry(w).stacked:
		hdr = hdrFull
	case w >= 40 && h-foot-5 >= stackedHeaderBody:
		hdr = hdrStacked
	case w >= 20 && h-foot-3 >= 4:
		hdr = hdrCompact
	case h-foot-1 >= 3:
		hdr = hdrTitle
	}
	key := [4]int{w, l, r, int(hdr)}
	if key != m.drawn.headerKey || m.drawn.header == nil && hdr != hdrNone {
		m.drawn.headerKey = key
		m.drawn.header = headerLines(m.st, m.pal, l, r, contentWidth(w), hdr)
	}
	m.hdr = hdr
	m.fitSummary(hdr, h-len(m.drawn.header)-foot)
	if ov := m.overlay(); ov != nil {
		ov.SetSize(w, h-foot)
	}
	bh := max(0, h-len(m.drawn.header)-len(m.drawn.summary)-foot)
	if m.pending && m.body.rows != nil && geometry(w) != m.body.g {
		m.body.setHeight(bh) // the new layout is on its way
		return
	}
	m.body.SetSize(w, bh)
}

// stackedHeaderBody is the least room the body must keep for the stacked
// layout's header to give each article a second line (byline, coverage):
// on a short terminal the text matters more.
const stackedHeaderBody = 20

// measure is ansi.StringWidth, remembered for the lines frames repeat.
func (m *Model) measure(s string) int {
	if w, ok := m.drawn.widths[s]; ok {
		return w
	}
	if m.drawn.widths == nil || len(m.drawn.widths) > 512 {
		m.drawn.widths = make(map[string]int)
	}
	w := ansi.StringWidth(s)
	m.drawn.widths[s] = w
	return w
}
