package ui

import (
	"fmt"

	"github.com/synoptic-news/synoptic/internal/layout"
)

// hop is the last jump to a possible match, to come back from with the
// same key.
type hop struct {
	on       bool // at the match, not moved to another event since
	back     bool // came back to from: the key takes the next match
	from, to int  // events
	delta    int  // rows from from's rule to the top of the view
	l, r     int  // the pair shown
	hint     int  // which of from's matches was taken
}

// possible goes to a possible match of the current event (layout.Hints):
// the strongest, or after coming back from one the next. At the match it
// goes back to where the view was.
func (m *Model) possible() {
	b := m.body
	h := &m.hop
	if h.on && b.cur == h.to && b.l == h.l && b.r == h.r {
		if s, ok := b.start[h.from]; ok {
			b.cur, b.offset = h.from, max(0, s+h.delta)
			b.clamp()
			h.on, h.back = false, true
			m.setStatus(fmt.Sprintf("back at event %d", h.from+1), false)
			return
		}
	}
	if b.cur < 0 {
		m.setStatus("no event", false)
		return
	}
	hs := layout.Hints(m.st, b.cur, b.l, b.r)
	if len(hs) == 0 {
		m.setStatus(fmt.Sprintf("event %d has no possible match in the other article", b.cur+1), false)
		return
	}
	i := 0
	if h.back && h.from == b.cur && h.l == b.l && h.r == b.r {
		i = (h.hint + 1) % len(hs)
	}
	from := b.cur
	delta := b.offset - b.start[from]
	// The match holds a paragraph of the other article shown, so it is in
	// this pair's view: the pair stays, and a join (a … a) can follow.
	m.revealEvent(hs[i].Event)
	if b.cur != hs[i].Event {
		return // not laid out yet: revealEvent said so
	}
	if _, ok := b.start[from]; !ok {
		return
	}
	*h = hop{on: true, from: from, to: b.cur, delta: delta, l: b.l, r: b.r, hint: i}
	if m.status == "" {
		more := ""
		if len(hs) > 1 {
			more = fmt.Sprintf(" (%d of %d)", i+1, len(hs))
		}
		m.setStatus(fmt.Sprintf("possible match of event %d%s · %s: back", from+1, more, m.keys.Possible.Help().Key), false)
	}
}

// possibleStatus is the status bar's note of the current event's possible
// matches: the strongest, and the key that goes there.
func (m *Model) possibleStatus() string {
	b := m.body
	if b.cur < 0 {
		return ""
	}
	hs := layout.Hints(m.st, b.cur, b.l, b.r)
	if len(hs) == 0 {
		return ""
	}
	return m.keys.Possible.Help().Key + ": " + hs[0].Text
}
