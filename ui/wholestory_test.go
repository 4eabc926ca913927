package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
	"github.com/synoptic-news/synoptic/internal/view"
)

var kestrelStory *story.Story

// kestrel is the four-outlet test story: one number conflict (32,000 and
// 23,000 vehicles) and a quotation one outlet gives to another speaker.
func kestrel(t testing.TB) *story.Story {
	t.Helper()
	if kestrelStory == nil {
		kestrelStory = testkit.Kestrel(t)
	}
	return kestrelStory
}

// bodyTop is the plain first line of the body on m's screen.
func bodyTop(t *testing.T, m *Model) string {
	t.Helper()
	lines := strings.Split(plain(m.View()), "\n")
	i := len(m.drawn.header) + len(m.drawn.summary)
	if i >= len(lines) {
		t.Fatalf("no body on a screen of %d lines", len(lines))
	}
	return lines[i]
}

// checkAt fails unless event k is current, its rule at the top of the body
// and marked ▸, in the side-by-side view.
func checkAt(t *testing.T, m *Model, k int) {
	t.Helper()
	b := m.body
	if m.mode != modeRead || b.cur != k || b.offset != b.start[k] {
		t.Fatalf("mode %d, event %d at row %d; want reading event %d at its rule %d", m.mode, b.cur+1, b.offset, k+1, b.start[k])
	}
	if top := strings.TrimSpace(bodyTop(t, m)); !strings.HasPrefix(top, itoa(k+1)+" ▸") {
		t.Fatalf("first body line %q is not event %d's rule, marked", top, k+1)
	}
}

func TestMatrixViewOpenMoveEnter(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	checks := m.checks
	rows := checks.Matrix.Rows
	if len(rows) < 4 {
		t.Fatalf("matrix has %d rows", len(rows))
	}
	press(m, "m")
	if m.mode != modeMatrix {
		t.Fatalf("m: mode %d", m.mode)
	}
	v := m.View()
	checkFits(t, v, 160, 45)
	pv := plain(v)
	for _, want := range []string{"coverage matrix", "translated report", "Washington Ex", "events covered", "only this outlet", "▸", "enter go to event"} {
		if !strings.Contains(pv, want) {
			t.Errorf("matrix view lacks %q:\n%s", want, pv)
		}
	}
	// The selected row is marked and names its event.
	for _, ln := range strings.Split(pv, "\n") {
		if strings.HasPrefix(ln, "▸") && !strings.Contains(ln, " "+itoa(rows[0].Event+1)+" ") {
			t.Errorf("selected line %q is not event %d's row", ln, rows[0].Event+1)
		}
	}
	press(m, "j", "down", "down", "k")
	if m.mx.selected() != 2 {
		t.Fatalf("j down down k: row %d, want 2", m.mx.selected())
	}
	if !strings.Contains(m.statusBar(), "row 3/") {
		t.Errorf("status bar %q does not say row 3", plain(m.statusBar()))
	}
	press(m, "enter")
	checkAt(t, m, rows[2].Event)

	// m again, then m or esc, closes without moving.
	for _, closeKey := range []string{"m", "esc"} {
		press(m, "m", "G")
		if m.mx.selected() != len(rows)-1 {
			t.Fatalf("G: row %d, want the last", m.mx.selected())
		}
		press(m, closeKey)
		if m.mode != modeRead || m.body.cur != rows[2].Event {
			t.Fatalf("%s: mode %d, event %d", closeKey, m.mode, m.body.cur+1)
		}
	}
	if m.checks != checks {
		t.Error("the checks were run again")
	}
}

// TestMatrixEnterShowsAPairThatTellsIt: in a story of four, a row the pair
// shown lacks brings a pair that tells it.
func TestMatrixEnterShowsAPairThatTellsIt(t *testing.T) {
	st := kestrel(t)
	m := newModel(t, st, 160, 45)
	row := -1
	for i, r := range m.checks.Matrix.Rows {
		e := st.Events[r.Event]
		if len(e.Blocks[0]) > 0 && len(e.Blocks[1]) == 0 && len(e.Blocks[2]) > 0 {
			row = i
			break
		}
	}
	if row < 0 {
		t.Fatal("no row told by articles 1 and 3 but not 2")
	}
	press(m, "m")
	for i := 0; i < row; i++ {
		press(m, "j")
	}
	press(m, "enter")
	k := m.checks.Matrix.Rows[row].Event
	checkAt(t, m, k)
	if m.body.l != 0 || m.body.r != 2 || view.KindOf(st, k, m.body.l, m.body.r) != view.Shared {
		t.Errorf("showing articles %d and %d, want 0 and 2", m.body.l, m.body.r)
	}
	if !strings.Contains(m.status, "showing") {
		t.Errorf("status %q does not say the pair changed", m.status)
	}
}

func TestQuoteViewOpenMoveEnter(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	r := m.checks.Quotes
	// Choe's "great victory" quotation, in both articles.
	pos := quoteRow(r, func(g quotes.Group) bool {
		return len(g.Articles) == 2 && strings.Contains(g.Members[0].Text, "great victory")
	})
	if pos < 0 {
		t.Fatal("no group of both articles holds \"great victory\"")
	}
	press(m, "Q")
	if m.mode != modeQuotes {
		t.Fatalf("Q: mode %d", m.mode)
	}
	for i := 0; i < pos; i++ {
		press(m, "j")
	}
	v := m.View()
	checkFits(t, v, 160, 45)
	pv := plain(v)
	for _, want := range []string{"quote check", "Choe Son Hui", "wording differs", "esteemed → honorable", "absolute → sacred"} {
		if !strings.Contains(pv, want) {
			t.Errorf("quote view lacks %q:\n%s", want, pv)
		}
	}
	g := r.Groups[quotes.Order(r)[pos]]
	want := quotes.EventOf(st, g.Members[0].Article, g.Members[0].Block)
	if want < 0 {
		t.Fatal("the group's first member is in no event")
	}
	press(m, "enter")
	checkAt(t, m, want)
	press(m, "Q", "Q")
	if m.mode != modeRead {
		t.Fatalf("Q Q: mode %d", m.mode)
	}
	press(m, "Q", "m")
	if m.mode != modeMatrix {
		t.Fatalf("m in the quote check: mode %d, want the matrix", m.mode)
	}
}

// TestFactsMark: the event of kestrel-bridge whose outlets give 32,000 and
// 23,000 vehicles is marked ≠ in the gutter, in words on its rule, and its
// values in the status bar; without colour too. No other event is marked.
func TestFactsMark(t *testing.T) {
	st := kestrel(t)
	m := New(st, Options{Renderer: pinned(termenv.Ascii), NoColor: true})
	m.Update(sizeMsg(160, 45))
	conflict := -1
	for k := range st.Events {
		if ef := m.checks.Facts.Event(k); ef != nil && ef.Conflict {
			if conflict >= 0 {
				t.Fatalf("events %d and %d conflict, want one", conflict+1, k+1)
			}
			conflict = k
		}
	}
	if conflict < 0 {
		t.Fatal("no conflicting event")
	}
	for m.body.cur != conflict {
		if press(m, "n"); m.status == "last event" {
			t.Fatalf("n never reached event %d", conflict+1)
		}
	}
	v := m.View()
	if strings.Contains(v, "\x1b[") {
		t.Fatal("colour with NoColor and the Ascii profile")
	}
	top := bodyTop(t, m)
	if !strings.HasPrefix(strings.TrimSpace(top), itoa(conflict+1)+" ▸≠") || !strings.HasSuffix(top, "facts differ") {
		t.Errorf("rule of event %d: %q, want the ≠ mark and \"facts differ\"", conflict+1, top)
	}
	status := m.statusBar()
	for _, want := range []string{"facts differ", "32,000 (Harbour Herald)", "23,000 (The Coastal Times)"} {
		if !strings.Contains(status, want) {
			t.Errorf("status bar %q lacks %q", status, want)
		}
	}
	marks := 0
	for _, ln := range strings.Split(v, "\n") {
		if strings.Contains(ln, "≠") {
			marks++
		}
	}
	if marks != 1 {
		t.Errorf("%d lines carry ≠, want only the conflicting event's rule", marks)
	}
	press(m, "n")
	if strings.Contains(m.statusBar(), "facts differ") {
		t.Error("the next event's status still says facts differ")
	}
}

// TestWholeStorySummary: two lines under the header where there is room,
// none on a small terminal; the body keeps its rows.
func TestWholeStorySummary(t *testing.T) {
	st := kestrel(t)
	for _, c := range []struct{ w, h, lines int }{{160, 45, 2}, {80, 24, 2}, {80, 14, 1}, {80, 12, 0}, {20, 6, 0}, {1, 1, 0}} {
		m := newModel(t, st, c.w, c.h)
		v := m.View()
		checkFits(t, v, c.w, c.h)
		if len(m.drawn.summary) != c.lines {
			t.Errorf("%dx%d: %d summary lines, want %d", c.w, c.h, len(m.drawn.summary), c.lines)
		}
		if c.lines > 0 {
			got := strings.Split(plain(v), "\n")[len(m.drawn.header)]
			if !strings.HasPrefix(got, " 9 events · 8 shared · 1 one-sided") {
				t.Errorf("%dx%d: summary line %q", c.w, c.h, got)
			}
			if c.w >= 160 && !strings.Contains(got, "2 misattributed") || c.w >= 160 && !strings.Contains(got, "facts differ in event") {
				t.Errorf("%dx%d: summary line %q lacks the quote or facts checks", c.w, c.h, got)
			}
			if m.body.height < minBodyRows {
				t.Errorf("%dx%d: body has %d rows", c.w, c.h, m.body.height)
			}
		}
	}
}

// TestWholeStoryViewsFitAnySize opens both views at sizes down to 1×1 and
// moves, pages and resizes in them: no panic, the screen always fits.
func TestWholeStoryViewsFitAnySize(t *testing.T) {
	sizes := [][2]int{{1, 1}, {2, 1}, {1, 3}, {5, 3}, {12, 4}, {20, 6}, {40, 10}, {80, 24}, {160, 45}, {300, 80}}
	for _, st := range []*story.Story{seed(t), kestrel(t), fixture()} {
		for _, open := range []string{"m", "Q"} {
			for _, sz := range sizes {
				m := newModel(t, st, sz[0], sz[1])
				press(m, open)
				for _, k := range []string{"", "j", "down", "pgdown", "G", "space", "up", "pgup", "g", "k", "right", "left"} {
					if k != "" {
						press(m, k)
					}
					checkFits(t, m.View(), sz[0], sz[1])
				}
				for _, sz2 := range sizes {
					m.Update(sizeMsg(sz2[0], sz2[1]))
					checkFits(t, m.View(), sz2[0], sz2[1])
				}
				press(m, "G", "enter")
				checkFits(t, m.View(), sizes[len(sizes)-1][0], sizes[len(sizes)-1][1])
			}
		}
	}
}

func sizeMsg(w, h int) tea.WindowSizeMsg { return tea.WindowSizeMsg{Width: w, Height: h} }

// TestChecksInBackground: a story above syncChecksBytes opens before its
// checks; Init runs them once, and the views open when they arrive.
func TestChecksInBackground(t *testing.T) {
	cs := benchdata.Generate(benchdata.Config{Bytes: 2 * syncChecksBytes, Articles: 2, Seed: benchdata.Seed}).Corpus
	st := story.Build(cs, story.DefaultOptions())
	if storyBytes(st) <= syncChecksBytes {
		t.Fatalf("story of %d bytes is not above %d", storyBytes(st), syncChecksBytes)
	}
	m := newModel(t, st, 120, 40)
	if m.checks != nil || len(m.drawn.summary) != 0 {
		t.Fatal("checks ran before the first screen")
	}
	press(m, "m")
	if m.mode != modeRead || !strings.Contains(m.status, "still running") {
		t.Fatalf("m before the checks: mode %d, status %q", m.mode, m.status)
	}
	cmd := m.Init()
	if cmd == nil {
		t.Fatal("Init starts no checks")
	}
	m.Update(cmd())
	if m.checks == nil || len(m.drawn.summary) != 2 || m.Init() != nil {
		t.Fatalf("after the checks: %v, %d summary lines", m.checks != nil, len(m.drawn.summary))
	}
	press(m, "m")
	if m.mode != modeMatrix {
		t.Fatalf("m after the checks: mode %d", m.mode)
	}
	checkFits(t, m.View(), 120, 40)
}

// TestWholeStoryViewsKeepUntrustedTextText opens the matrix and the quote
// check of articles whose quotations, names and figures carry terminal
// escape sequences and bidirectional controls: they show as text.
func TestWholeStoryViewsKeepUntrustedTextText(t *testing.T) {
	cs, err := corpus.Load([]string{"../testdata/hostile/escape-a.txt", "../testdata/hostile/escape-b.txt"})
	if err != nil {
		t.Fatal(err)
	}
	st := story.Build(cs, story.DefaultOptions())
	m := newModel(t, st, 160, 45)
	if len(m.checks.Quotes.Quotes) == 0 {
		t.Fatal("no quotation found: the test would show nothing")
	}
	for _, keys := range [][]string{nil, {"m"}, {"esc", "Q"}, {"j", "j", "enter"}} {
		press(m, keys...)
		v := m.View()
		checkFits(t, v, 160, 45)
		for _, bad := range []string{"\u202e", "\u2066", "\u200f", "\u009b"} {
			if strings.Contains(v, bad) {
				t.Errorf("after %v: the screen holds %q", keys, bad)
			}
		}
	}
}

// TestQuoteViewPagesThroughATallGroup: on a small terminal a group taller
// than the view is read page by page before the next is selected.
func TestQuoteViewPagesThroughATallGroup(t *testing.T) {
	m := newModel(t, kestrel(t), 40, 8)
	press(m, "Q")
	sc := &m.qv.sc
	if tall := sc.end(0) - sc.starts[0]; tall <= sc.h {
		t.Fatalf("group 1 has %d lines in a view of %d: not tall", tall, sc.h)
	}
	seen := map[int]bool{}
	for sc.sel == 0 {
		seen[sc.offset] = true
		v := m.View()
		checkFits(t, v, 40, 8)
		if len(seen) > 20 {
			t.Fatal("pgdown never left group 1")
		}
		press(m, "pgdown")
	}
	for line := sc.starts[0]; line < sc.end(0); line++ {
		shown := false
		for off := range seen {
			shown = shown || line >= off && line < off+sc.h
		}
		if !shown {
			t.Errorf("line %d of group 1 was never on screen", line)
		}
	}
	press(m, "pgup")
	if sc.sel != 0 {
		t.Errorf("pgup: group %d, want 1", sc.sel+1)
	}
	press(m, "k", "j")
	if sc.sel != 1 || sc.offset != sc.starts[1] {
		t.Errorf("j: group %d at line %d, want group 2 at %d", sc.sel+1, sc.offset, sc.starts[1])
	}
}

// TestQuoteViewStylesChangedWords: in "changed: absolute → sacred" the
// dropped word has the deleted style and its replacement the inserted one,
// bold and underlined, so that they read apart without colour too.
func TestQuoteViewStylesChangedWords(t *testing.T) {
	m := New(seed(t), Options{Renderer: pinned(termenv.ANSI256), NoColor: true})
	m.Update(sizeMsg(160, 45))
	press(m, "Q")
	p := m.pal
	if p.deleted.on == "" || p.insert.on == "" || p.deleted.on == p.insert.on {
		t.Fatalf("deleted %q and inserted %q are not styled apart", p.deleted.on, p.insert.on)
	}
	all := strings.Join(m.qv.painted, "\n") // a change may wrap
	if !strings.Contains(all, p.deleted.on+"absolute"+p.deleted.off) || !strings.Contains(all, p.insert.on+"sacred"+p.insert.off) ||
		!strings.Contains(all, p.deleted.on+"esteemed"+p.deleted.off) || !strings.Contains(all, p.insert.on+"honorable"+p.insert.off) {
		t.Error("no line styles absolute/esteemed as deleted and sacred/honorable as inserted")
	}
}

// TestQuoteViewStylesDroppedWords: a member that leaves words out of a
// quotation gets a "dropped:" line with those words in the deleted style.
func TestQuoteViewStylesDroppedWords(t *testing.T) {
	m := New(kestrel(t), Options{Renderer: pinned(termenv.ANSI256), NoColor: true})
	m.Update(sizeMsg(160, 45))
	press(m, "Q")
	p := m.pal
	all := strings.Join(m.qv.painted, "\n")
	if !strings.Contains(all, "dropped: ") || !strings.Contains(all, p.deleted.on+"that was"+p.deleted.off) {
		t.Errorf("no dropped line styles \"that was\" as deleted:\n%s", plain(all))
	}
}

// TestMatrixTitleSaysWhatItLeavesOut: the summary counts the headlines'
// event, the matrix lists events with body text; its title says how many
// it leaves out, so "8 events" under a summary of 9 is not a puzzle.
func TestMatrixTitleSaysWhatItLeavesOut(t *testing.T) {
	m := newModel(t, kestrel(t), 160, 45)
	press(m, "m")
	title := strings.Split(plain(m.View()), "\n")[0]
	rows, all := len(m.checks.Matrix.Rows), m.checks.Summary.Events
	if rows >= all {
		t.Fatalf("the matrix lists %d of %d events; the test needs one left out", rows, all)
	}
	want := fmt.Sprintf("%d events × 4 outlets (of %d: headlines, captions apart)", rows, all)
	if !strings.Contains(title, want) {
		t.Errorf("title %q, want it to hold %q", title, want)
	}
}

// TestMatrixScrollsAcrossOutlets: twelve outlets at 60 columns do not
// fit; the title says which are shown, → and ← bring the others' columns
// (all of them, each once), and the key hint offers them only then.
func TestMatrixScrollsAcrossOutlets(t *testing.T) {
	cs := benchdata.Generate(benchdata.Config{Bytes: 2 << 10, Articles: 12, Seed: benchdata.Seed}).Corpus
	st := story.Build(cs, story.DefaultOptions())
	m := newModel(t, st, 60, 24)
	press(m, "m")
	cols := m.checks.Matrix.Columns
	totals := func() string {
		for _, ln := range strings.Split(plain(m.View()), "\n") {
			if strings.Contains(ln, "events covered") {
				return ln
			}
		}
		t.Fatalf("no totals on screen:\n%s", plain(m.View()))
		return ""
	}
	seen := 0
	for page := 0; ; page++ {
		first, whole := m.mx.first, m.mx.whole
		if whole < 1 || page > len(cols) {
			t.Fatalf("page %d: outlets from %d, %d whole", page+1, first+1, whole)
		}
		screen := plain(m.View())
		checkFits(t, m.View(), 60, 24)
		if want := fmt.Sprintf("outlets %d–%d of %d · ", first+1, first+whole, len(cols)); !strings.Contains(strings.Split(screen, "\n")[0], want) {
			t.Errorf("page %d: title %q lacks %q", page+1, strings.Split(screen, "\n")[0], want)
		}
		if !strings.Contains(screen, "←/→ other outlets") {
			t.Errorf("page %d: the key hint does not offer ←/→", page+1)
		}
		if got := len(strings.Fields(strings.TrimPrefix(strings.TrimSpace(totals()), "events covered"))); got != whole {
			t.Errorf("page %d: %d totals for %d outlets shown whole", page+1, got, whole)
		}
		seen += whole
		press(m, "right")
		if m.mx.first == first {
			break
		}
		if m.mx.first != first+whole {
			t.Fatalf("→ from outlet %d: outlet %d first, want %d", first+1, m.mx.first+1, first+whole+1)
		}
	}
	if seen != len(cols) {
		t.Errorf("→ reached %d of %d outlets", seen, len(cols))
	}
	if !strings.Contains(m.statusBar(), "no more outlets to the right") {
		t.Errorf("→ at the last outlets: status bar %q", plain(m.statusBar()))
	}
	for range cols {
		press(m, "left")
	}
	if m.mx.first != 0 {
		t.Errorf("← back: outlet %d first", m.mx.first+1)
	}

	// Scrolled to the last outlets, a screen wide enough for all of them
	// shows them all.
	press(m, "right", "right", "right")
	m.Update(sizeMsg(300, 40))
	if m.mx.first != 0 {
		t.Errorf("at 300 columns the matrix starts at outlet %d", m.mx.first+1)
	}

	// A matrix that fits says nothing of it.
	m = newModel(t, st, 300, 40)
	press(m, "m")
	if s := plain(m.View()); strings.Contains(s, "outlets 1–") || strings.Contains(s, "←/→") {
		t.Errorf("all outlets fit, yet:\n%s", s)
	}
}

func TestSummaryOneWordRun(t *testing.T) {
	s := insight.Summary{Events: 2, Shared: 2, LongestRun: &insight.Run{Words: 1, Text: "Tram", B: 1}}
	if got := strings.Join(summaryText(seed(t), s), "\n"); !strings.Contains(got, "longest verbatim run 1 word (event 1)") {
		t.Errorf("summary %q", got)
	}
}

// TestOverlayTitlesCutWithEllipsis: on a narrow terminal the matrix's and
// the quote check's titles end in "…" where they are cut, so a reader
// sees that words are missing; the matrix's legend wraps instead, whole.
func TestOverlayTitlesCutWithEllipsis(t *testing.T) {
	m := newModel(t, kestrel(t), 60, 20)
	for _, k := range []string{"m", "Q"} {
		press(m, k)
		lines := strings.Split(plain(m.View()), "\n")
		check := []string{lines[0]}
		if all := strings.Join(strings.Fields(strings.Join(lines, " ")), " "); k == "m" {
			for _, key := range strings.Split(matrix.Legend, " · ") {
				if !strings.Contains(all, key) {
					t.Errorf("m: the legend lacks %q:\n%s", key, strings.Join(lines, "\n"))
				}
			}
		}
		for _, ln := range check {
			if w := ansi.StringWidth(ln); w > 60 || !strings.HasSuffix(strings.TrimRight(ln, " "), "…") {
				t.Errorf("%s: line %q (width %d) is not cut with an ellipsis", k, ln, w)
			}
		}
		press(m, "esc")
	}
}

// TestFactsStatusKeepsValuesWhenNarrow: on a narrow terminal the status bar
// gives up the filter and threshold while they are the defaults before it
// cuts the values that differ.
func TestFactsStatusKeepsValuesWhenNarrow(t *testing.T) {
	m := newModel(t, kestrel(t), 100, 30)
	k := -1
	for e := range m.st.Events {
		if m.body.conflicts[e] {
			k = e
		}
	}
	if k < 0 {
		t.Fatal("no event with conflicting facts")
	}
	m.body.goTo(k)
	m.fit()
	line := statusLine(m)
	if !strings.Contains(line, "vehicle 32,000 (Harbour Herald) vs 23,000") || strings.Contains(line, "filter: all") {
		t.Errorf("status %q", line)
	}
	press(m, "f") // not the default: shown again
	m.body.goTo(k)
	if line := statusLine(m); !strings.Contains(line, "filter: changed") {
		t.Errorf("status %q lacks a filter that is not the default", line)
	}
}

// TestQuoteJumpToHiddenEventSays: entering a quotation whose event the
// filter hides shows the event and says the filter was reset.
func TestQuoteJumpToHiddenEventSays(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	r := m.checks.Quotes
	pos := quoteRow(r, func(g quotes.Group) bool {
		e := quotes.EventOf(st, g.Members[0].Article, g.Members[0].Block)
		return e >= 0 && st.Events[e].Kind == story.Single
	})
	if pos < 0 {
		t.Fatal("no quotation in a one-sided event of the seed story")
	}
	press(m, "f") // changed events only: a one-outlet quotation's event is hidden
	if m.body.filter == view.FilterAll {
		t.Fatal("f did not change the filter")
	}
	press(m, "Q")
	for i := 0; i < pos; i++ {
		press(m, "j")
	}
	g := r.Groups[quotes.Order(r)[pos]]
	want := quotes.EventOf(st, g.Members[0].Article, g.Members[0].Block)
	press(m, "enter")
	checkAt(t, m, want)
	if m.body.filter != view.FilterAll {
		t.Errorf("the filter is %v after the jump, want all", m.body.filter)
	}
	if sb := statusLine(m); !strings.Contains(sb, fmt.Sprintf("event %d was hidden: filter changed → all", want+1)) {
		t.Errorf("status bar after the jump: %q", sb)
	}
}

// quoteRow is the row of the quote check (in quotes.Order) of the first
// group that is, or -1.
func quoteRow(r *quotes.Report, is func(quotes.Group) bool) int {
	for n, i := range quotes.Order(r) {
		if is(r.Groups[i]) {
			return n
		}
	}
	return -1
}

// longNamedOutlets is a story of two outlets named after long file names.
func longNamedOutlets() *story.Story {
	long := func(name string) string { return name + "_2025-03-01_harbour-bridge-closure-for-repairs-of-its-cables" }
	return makeStory("harbour-bridge",
		[]string{long("coast-courier"), "Harbour bridge to close for repairs",
			"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.",
			"Local shop owners warned that the closure would cost them customers in the busiest month of the year."},
		[]string{long("valley-herald"), "Bridge shuts for cable work",
			"The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced.",
			"Cyclists will be allowed to use a temporary lane on the old rail viaduct."},
	)
}

// TestSummaryOutletsKeepTheirFigures: outlets named after long file names
// would push the last outlet's figures off the summary's outlets line; the
// names are shortened instead, so every outlet keeps its three figures.
func TestSummaryOutletsKeepTheirFigures(t *testing.T) {
	st := longNamedOutlets()
	for _, w := range []int{160, 120, 80} {
		m := newModel(t, st, w, 45)
		if m.checks == nil || len(m.drawn.summary) < 2 {
			t.Fatalf("%d columns: no outlets line in the summary", w)
		}
		ln := plain(m.drawn.summary[1])
		if got := ansi.StringWidth(ln); got > contentWidth(w) {
			t.Errorf("%d columns: outlets line %d wide: %q", w, got, ln)
		}
		for _, o := range m.checks.Summary.Outlets {
			figs := fmt.Sprintf(" %d, %d, %d%%", o.Shared, o.OneSided, int(o.AlignedShare*100+0.5))
			if !strings.Contains(ln, "…"+figs) {
				t.Errorf("%d columns: outlet %d's shortened name and figures %q not on %q", w, o.Article, figs, ln)
			}
		}
	}
}

// TestHeaderCoverageKeepsItsShare: in each article's box (and in the
// stacked header) a long name of the other outlet is shortened, so the
// share of the article's text stays in view.
func TestHeaderCoverageKeepsItsShare(t *testing.T) {
	st := longNamedOutlets()
	for _, size := range [][2]int{{160, 45}, {80, 40}} {
		m := newModel(t, st, size[0], size[1])
		var shares []string
		for _, ln := range m.drawn.header {
			p := plain(ln)
			if w := ansi.StringWidth(p); w > size[0] {
				t.Errorf("%dx%d: header line %d wide: %q", size[0], size[1], w, p)
			}
			for _, part := range strings.Split(p, "│") {
				if strings.Contains(part, "events also in") {
					shares = append(shares, strings.TrimSpace(part))
				}
			}
		}
		if len(shares) != 2 {
			t.Fatalf("%dx%d: %d coverage lines in the header, want 2:\n%s", size[0], size[1], len(shares), plain(strings.Join(m.drawn.header, "\n")))
		}
		for _, s := range shares {
			if !strings.Contains(s, "…") || !strings.HasSuffix(s, "% of its text") {
				t.Errorf("%dx%d: coverage %q: want the name shortened and the share kept", size[0], size[1], s)
			}
		}
	}
}

// TestHeaderCoverageNarrowBoxKeepsShare: at 100 columns a box has no room
// for "also in The New York Times" and the share both; the share stays,
// the name goes (the other box names it).
func TestHeaderCoverageNarrowBoxKeepsShare(t *testing.T) {
	st := makeStory("harbour-bridge",
		[]string{"The Coastal Courier Evening Edition", "Harbour bridge to close for repairs",
			"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.",
			"Local shop owners warned that the closure would cost them customers in the busiest month of the year."},
		[]string{"The Valley Herald and Chronicle", "Bridge shuts for cable work",
			"The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced.",
			"Cyclists will be allowed to use a temporary lane on the old rail viaduct."},
	)
	m := newModel(t, st, 100, 30)
	found := 0
	for _, ln := range m.drawn.header {
		for _, part := range strings.Split(plain(ln), "│") {
			if p := strings.TrimSpace(part); strings.Contains(p, " events ") && !strings.Contains(p, "synoptic ·") {
				found++
				if !strings.HasSuffix(p, "% of its text") {
					t.Errorf("coverage %q: the share of the text is cut", p)
				}
			}
		}
	}
	if found != 2 {
		t.Fatalf("%d coverage lines in the header, want 2:\n%s", found, plain(strings.Join(m.drawn.header, "\n")))
	}
}

// TestMatrixExplainsItsMarksAt80Columns: on a terminal of 80 columns the
// title and the legend were cut at the right, and with them what ≠ and ·
// mean. The ≠ key is the legend's, and the legend wraps.
func TestMatrixExplainsItsMarksAt80Columns(t *testing.T) {
	m := newModel(t, kestrel(t), 80, 24)
	press(m, "m")
	screen := plain(m.View())
	checkFits(t, m.View(), 80, 24)
	for _, want := range []string{"≠ facts differ", "· absent", matrix.Reworded.Symbol() + " " + matrix.Reworded.Meaning()} {
		if !strings.Contains(strings.Join(strings.Fields(screen), " "), want) {
			t.Errorf("the matrix at 80 columns does not say %q:\n%s", want, screen)
		}
	}
}

// The status bar names two outlets of a value at most and counts the rest.
func TestOutletsShort(t *testing.T) {
	st := &story.Story{}
	for _, o := range []string{"Harbour Herald", "Coastal Times", "Valley Post", "Bay Courier", "Hill Gazette"} {
		st.Articles = append(st.Articles, story.Article{Outlet: o})
	}
	m := &Model{st: st}
	for _, c := range []struct {
		arts []int
		want string
	}{
		{[]int{1}, "Coastal Times"},
		{[]int{0, 2, 4}, "Harbour Herald, Valley Post, Hill Gazette"},
		{[]int{0, 1, 2, 3}, "Harbour Herald, Coastal Times +2"},
	} {
		if got := m.outletsShort(c.arts); got != c.want {
			t.Errorf("outletsShort(%v) = %q, want %q", c.arts, got, c.want)
		}
	}
}
