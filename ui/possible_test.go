package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// hinted returns the first event of st one of articles l, r tells and the
// other lacks that has a possible match between them, and its matches.
func hinted(t *testing.T, st *story.Story, l, r int) (int, []layout.Hint) {
	t.Helper()
	for k := range st.Events {
		if pk := view.KindOf(st, k, l, r); pk != view.OnlyLeft && pk != view.OnlyRight {
			continue
		}
		if hs := layout.Hints(st, k, l, r); len(hs) > 0 {
			return k, hs
		}
	}
	t.Fatalf("no one-sided event of articles %d and %d has a possible match", l, r)
	return -1, nil
}

// TestPossibleMatchJumpsAndBack: a one-sided event with a possible match
// shows the match's line under "not in …", the status bar names the key,
// l goes to the matched event (at the top, current) and l again comes
// back to the view as it was.
func TestPossibleMatchJumpsAndBack(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	k, hs := hinted(t, st, 0, 1)
	m.body.goTo(k)
	m.body.scroll(1) // the view need not start at the event's rule
	m.fit()
	if m.body.cur != k {
		t.Fatalf("event %d is not current after a line's scroll", k+1)
	}
	offset := m.body.offset
	screen := plain(m.View())
	if !strings.Contains(screen, hs[0].Text) {
		t.Fatalf("event %d: the screen lacks %q:\n%s", k+1, hs[0].Text, screen)
	}
	// the line sits in the column of the article that lacks the event
	absent := "· not in "
	for _, ln := range strings.Split(plain(m.body.View()), "\n") {
		if i := strings.Index(ln, hs[0].Text); i >= 0 {
			if view.KindOf(st, k, 0, 1) == view.OnlyLeft && i < 80 || view.KindOf(st, k, 0, 1) == view.OnlyRight && i > 80 {
				t.Errorf("the match's line is in the column that tells the event: %q", ln)
			}
		}
	}
	if !strings.Contains(screen, absent) {
		t.Errorf("no %q on screen", absent)
	}
	if s := statusLine(m); !strings.Contains(s, "l: "+hs[0].Text) {
		t.Errorf("status bar %q does not offer l", s)
	}

	press(m, "l")
	if m.body.cur != hs[0].Event || m.body.offset != m.body.start[hs[0].Event] {
		t.Fatalf("l: event %d at row %d, want event %d at its rule", m.body.cur+1, m.body.offset, hs[0].Event+1)
	}
	body := strings.Split(plain(m.View()), "\n")[len(m.drawn.header)+len(m.drawn.summary)]
	if !strings.HasPrefix(strings.TrimSpace(body), itoa(hs[0].Event+1)+" ▸") {
		t.Errorf("l: first body line %q is not event %d's rule", body, hs[0].Event+1)
	}
	if !strings.Contains(m.status, fmt.Sprintf("possible match of event %d", k+1)) || !strings.Contains(m.status, "l: back") {
		t.Errorf("l: status %q", m.status)
	}

	press(m, "l")
	if m.body.cur != k || m.body.offset != offset {
		t.Errorf("l again: event %d at row %d, want event %d at row %d", m.body.cur+1, m.body.offset, k+1, offset)
	}
	checkFits(t, m.View(), 160, 45)

	// An event with no possible match says so and stays.
	for e := range st.Events {
		if _, ok := m.body.start[e]; ok && len(layout.Hints(st, e, 0, 1)) == 0 {
			m.body.goTo(e)
			press(m, "l")
			if m.body.cur != e || !strings.Contains(m.status, "no possible match") {
				t.Errorf("l on event %d without a match: now event %d, status %q", e+1, m.body.cur+1, m.status)
			}
			break
		}
	}
}

// TestPossibleMatchLiftsFilter: a match hidden by the filter is shown.
func TestPossibleMatchLiftsFilter(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	k, hs := hinted(t, st, 0, 1)
	press(m, "f", "f") // one-sided events only
	if m.body.filter != view.FilterSingle {
		t.Fatalf("filter %v", m.body.filter)
	}
	m.body.goTo(k)
	press(m, "l")
	if m.body.cur != hs[0].Event {
		t.Fatalf("l under the one-sided filter: event %d, want %d", m.body.cur+1, hs[0].Event+1)
	}
	if !keep(st, hs[0].Event, 0, 1, m.body.filter, m.body.boiler) {
		t.Errorf("the match's event %d is current but hidden", hs[0].Event+1)
	}
	press(m, "l")
	if m.body.cur != k {
		t.Errorf("l again: event %d, want %d", m.body.cur+1, k+1)
	}
}

// TestPossibleMatchInANSI: the ANSI export shows the reader's line.
func TestPossibleMatchInANSI(t *testing.T) {
	st := seed(t)
	k, hs := hinted(t, st, 0, 1)
	var b strings.Builder
	if err := WriteANSI(&b, st, export.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plain(b.String()), hs[0].Text) {
		t.Errorf("the ANSI export lacks event %d's %q", k+1, hs[0].Text)
	}
}

// TestPossibleMatchesInTurn: once back from a match, l takes the next one;
// after any other key it starts again from the strongest.
func TestPossibleMatchesInTurn(t *testing.T) {
	para := func(s string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: s} }
	one := func(a, i int) story.Event {
		bs := [][]int{{}, {}}
		bs[a] = []int{i}
		return story.Event{Kind: story.Single, Score: 1, Blocks: bs, Moved: []bool{false, false}}
	}
	st := &story.Story{Version: story.Version, Name: "turns", Articles: []story.Article{
		{Outlet: "Coast Courier", Blocks: []segment.Block{para("The ferry will run every ten minutes during the closure.")}},
		{Outlet: "Valley Herald", Blocks: []segment.Block{para("Ferries will leave each quarter hour."), para("Extra buses will use the coastal road.")}},
	}}
	st.Events = []story.Event{one(0, 0), one(1, 0), one(1, 1)}
	st.Links = []story.Link{
		{Score: 0.4, A: 0, I: 0, B: 1, J: 0},
		{Score: 0.3, A: 0, I: 0, B: 1, J: 1},
	}
	m := newModel(t, st, 120, 30)
	m.body.goTo(0)
	for i, c := range []struct {
		key  string
		want int
	}{{"l", 1}, {"l", 0}, {"l", 2}, {"l", 0}, {"l", 1}, {"l", 0}, {"j", 0}, {"l", 1}} {
		press(m, c.key)
		if m.body.cur != c.want {
			t.Fatalf("key %d (%s): event %d, want %d (status %q)", i+1, c.key, m.body.cur+1, c.want+1, m.status)
		}
	}
}

// TestPossibleMatchKeepsThePair: with three articles, a match that the
// third article also tells is shown in the pair on screen, where it is
// one-sided, and l comes back to where the view was.
func TestPossibleMatchKeepsThePair(t *testing.T) {
	para := func(s string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: s} }
	st := &story.Story{Version: story.Version, Name: "pairs", Articles: []story.Article{
		{Outlet: "Coast Courier", Blocks: []segment.Block{para("The ferry will run every ten minutes during the closure.")}},
		{Outlet: "Valley Herald", Blocks: []segment.Block{para("Ferries will leave each quarter hour.")}},
		{Outlet: "Hill Gazette", Blocks: []segment.Block{para("A ferry will leave every fifteen minutes.")}},
	}}
	st.Events = []story.Event{
		{Kind: story.Single, Score: 1, Blocks: [][]int{{0}, {}, {}}, Moved: []bool{false, false, false}},
		{Kind: story.Shared, Score: 0.8, Blocks: [][]int{{}, {0}, {0}}, Moved: []bool{false, false, false}},
	}
	st.Links = []story.Link{{Score: 0.4, A: 0, I: 0, B: 1, J: 0}}
	m := newModel(t, st, 120, 30)
	m.body.goTo(0)
	press(m, "l")
	if m.body.cur != 1 || m.body.l != 0 || m.body.r != 1 {
		t.Fatalf("l: event %d of articles %d and %d, want event 2 of 1 and 2 (status %q)", m.body.cur+1, m.body.l+1, m.body.r+1, m.status)
	}
	if !strings.Contains(m.status, "possible match of event 1 · l: back") {
		t.Errorf("l: status %q", m.status)
	}
	press(m, "l")
	if m.body.cur != 0 || m.body.l != 0 || m.body.r != 1 {
		t.Errorf("l again: event %d of articles %d and %d, want event 1 of 1 and 2 (status %q)", m.body.cur+1, m.body.l+1, m.body.r+1, m.status)
	}
	checkFits(t, m.View(), 120, 30)
}
