package ui

import (
	"fmt"
	"math/rand"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// absoluteEvent is the seed story's event where the left article says
// "absolute" and the right one "sacred".
func absoluteEvent(t *testing.T, st *story.Story) int {
	t.Helper()
	for k := range st.Events {
		l, r := st.SideText(0, st.Events[k].Blocks[0]), st.SideText(1, st.Events[k].Blocks[1])
		if strings.Contains(l, "absolute struggle") && strings.Contains(r, "sacred struggle") {
			return k
		}
	}
	t.Fatal("seed story: no event with both \"absolute struggle\" and \"sacred struggle\"")
	return -1
}

func TestNavigation(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	b := m.body
	if len(b.events) < 5 {
		t.Fatalf("only %d events shown", len(b.events))
	}
	first := b.events[0]
	if b.cur != first || b.offset != 0 {
		t.Fatalf("start: cur %d offset %d, want %d 0", b.cur, b.offset, first)
	}
	press(m, "n")
	if b.cur != b.events[1] || b.offset != b.start[b.events[1]] {
		t.Fatalf("n: cur %d offset %d, want event %d at its rule %d", b.cur, b.offset, b.events[1], b.start[b.events[1]])
	}
	// The current event is marked on its rule, which is at the top.
	body := strings.Split(plain(m.View()), "\n")[len(m.drawn.header)+len(m.drawn.summary)]
	if !strings.Contains(body, "▸") || !strings.HasPrefix(strings.TrimSpace(body), itoa(b.cur+1)+" ▸") {
		t.Fatalf("n: first body line %q is not the current event's rule", body)
	}
	press(m, "]")
	if b.cur != b.events[2] {
		t.Fatalf("]: cur %d, want %d", b.cur, b.events[2])
	}
	press(m, "p", "[")
	if b.cur != first {
		t.Fatalf("p [: cur %d, want %d", b.cur, first)
	}
	press(m, "p")
	if b.cur != first || !strings.Contains(m.status, "first event") {
		t.Fatalf("p at the first event: cur %d status %q", b.cur, m.status)
	}

	// N goes from changed event to changed event.
	want := absoluteEvent(t, st)
	for i := 0; i < len(st.Events) && b.cur != want; i++ {
		press(m, "N")
		if !view.Changed(st, b.cur, 0, 1) {
			t.Fatalf("N stopped at event %d, which has no changes", b.cur+1)
		}
	}
	if b.cur != want {
		t.Fatalf("N never reached event %d", want+1)
	}
	press(m, "P")
	if b.cur >= want || !view.Changed(st, b.cur, 0, 1) {
		t.Fatalf("P: cur %d", b.cur)
	}

	// Scrolling moves line by line and the current event follows the top.
	press(m, "g")
	if b.offset != 0 || b.cur != first {
		t.Fatalf("g: offset %d cur %d", b.offset, b.cur)
	}
	press(m, "j", "j", "down")
	if b.offset != 3 {
		t.Fatalf("j j down: offset %d", b.offset)
	}
	press(m, "k", "up")
	if b.offset != 1 {
		t.Fatalf("k up: offset %d", b.offset)
	}
	press(m, "space")
	if b.offset != 1+b.height-1 {
		t.Fatalf("space: offset %d, height %d", b.offset, b.height)
	}
	if b.cur != b.rows[b.offset].ev {
		t.Fatalf("space: current event %d is not the top row's %d", b.cur, b.rows[b.offset].ev)
	}
	press(m, "b")
	if b.offset != 1 {
		t.Fatalf("b: offset %d", b.offset)
	}
	press(m, "G")
	if b.offset != b.maxOffset() || b.offset == 0 {
		t.Fatalf("G: offset %d max %d", b.offset, b.maxOffset())
	}
	press(m, "home")
	if b.offset != 0 {
		t.Fatalf("home: offset %d", b.offset)
	}
	press(m, "end", "pgup", "pgdown")
	if b.offset != b.maxOffset() {
		t.Fatalf("end pgup pgdown: offset %d", b.offset)
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress})
	if b.offset != b.maxOffset()-3 {
		t.Fatalf("wheel up: offset %d, want %d", b.offset, b.maxOffset()-3)
	}
	m.Update(tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress})
	if b.offset != b.maxOffset() {
		t.Fatalf("wheel down: offset %d", b.offset)
	}
}

// styledRE matches a styled span: its sequences, its text, the reset.
var styledRE = regexp.MustCompile(`((?:\x1b\[[0-9;]*m)+)([^\x1b]*)\x1b\[0m`)

func itoa(n int) string {
	var s []byte
	for {
		s = append([]byte{byte('0' + n%10)}, s...)
		n /= 10
		if n == 0 {
			return string(s)
		}
	}
}

func TestSharedWordsStyledApart(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	m.body.goTo(absoluteEvent(t, st))
	m.fit()
	view := m.View()
	s := NewStyles(pinned(termenv.ANSI256), true)
	del, ins := compile(s.Deleted).on, compile(s.Inserted).on
	if !strings.Contains(view, del+"absolute"+compile(s.Deleted).off) {
		t.Errorf("\"absolute\" is not styled as left-only")
	}
	if !strings.Contains(view, ins+"sacred"+compile(s.Inserted).off) {
		t.Errorf("\"sacred\" is not styled as right-only")
	}
	if del == ins || del == "" {
		t.Errorf("left-only and right-only styles are not distinct: %q %q", del, ins)
	}
	// "struggle", which both use, is plain.
	if n := strings.Count(plain(view), "struggle"); n < 2 {
		t.Errorf("\"struggle\" shows %d times", n)
	}
	for _, m := range styledRE.FindAllStringSubmatch(strings.Join(m.body.lines(), "\n"), -1) {
		if strings.Contains(m[2], "struggle") {
			t.Errorf("\"struggle\" is styled: %q", m[0])
		}
	}
}

func TestNoColorKeepsAttributes(t *testing.T) {
	st := seed(t)
	m := New(st, Options{Renderer: pinned(termenv.ANSI), NoColor: true})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m.body.goTo(absoluteEvent(t, st))
	m.fit()
	view := m.View()
	if strings.Contains(view, "38;5;") || strings.Contains(view, "\x1b[3") && strings.Contains(view, "\x1b[31m") {
		t.Errorf("colour in a no-colour view")
	}
	attrs := map[string]string{}
	for _, m := range styledRE.FindAllStringSubmatch(view, -1) {
		attrs[m[2]] = m[1]
	}
	if a := attrs["absolute"]; !regexp.MustCompile(`\x1b\[(.*;)?1[;m]`).MatchString(a) {
		t.Errorf("left-only word has no bold without colour: %q", a)
	}
	if a := attrs["sacred"]; !regexp.MustCompile(`\x1b\[(.*;)?4[;m]`).MatchString(a) {
		t.Errorf("right-only word has no underline without colour: %q", a)
	}
}

func TestFilters(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	all := append([]int(nil), m.body.events...)
	for _, k := range all {
		if st.Events[k].Kind == story.Boilerplate {
			t.Fatalf("boilerplate event %d shown by default", k+1)
		}
	}
	press(m, "f")
	if m.body.filter != view.FilterChanged || len(m.body.events) == 0 {
		t.Fatalf("f: filter %v, %d events", m.body.filter, len(m.body.events))
	}
	for _, k := range m.body.events {
		if view.KindOf(st, k, 0, 1) != view.Shared || !view.Changed(st, k, 0, 1) {
			t.Fatalf("changed filter shows event %d", k+1)
		}
	}
	if !strings.Contains(plain(m.View()), "filter: changed") {
		t.Errorf("status bar does not show the filter")
	}
	press(m, "f")
	if m.body.filter != view.FilterSingle || len(m.body.events) == 0 {
		t.Fatalf("f f: filter %v", m.body.filter)
	}
	for _, k := range m.body.events {
		if pk := view.KindOf(st, k, 0, 1); pk != view.OnlyLeft && pk != view.OnlyRight {
			t.Fatalf("single filter shows event %d", k+1)
		}
	}
	press(m, "f")
	if m.body.filter != view.FilterAll || len(m.body.events) != len(all) {
		t.Fatalf("f f f: back to all, %d events, want %d", len(m.body.events), len(all))
	}
	press(m, "B")
	if len(m.body.events) <= len(all) {
		t.Fatalf("B: page furniture not shown (%d events)", len(m.body.events))
	}
	press(m, "g")
	if v := plain(m.View()); !strings.Contains(v, "page furniture") || !strings.Contains(v, "furniture shown") {
		t.Errorf("B: no page furniture on screen or in the status bar:\n%s", v)
	}
	press(m, "B")
	if len(m.body.events) != len(all) {
		t.Fatalf("B B: %d events", len(m.body.events))
	}
}

func TestSwapAndPick(t *testing.T) {
	st := harbour()
	m := newModel(t, st, 120, 40)
	if !strings.Contains(plain(m.View()), "articles 1 & 2 of 3") {
		t.Fatalf("header does not say which two of three")
	}
	press(m, "s")
	if m.body.l != 1 || m.body.r != 0 {
		t.Fatalf("s: pair %d,%d", m.body.l, m.body.r)
	}
	hdr := plain(strings.Join(m.drawn.header, "\n"))
	if i, j := strings.Index(hdr, "Valley Herald"), strings.Index(hdr, "Coast Courier"); i < 0 || j < 0 || i > j {
		t.Fatalf("s: the header still has the old order:\n%s", hdr)
	}
	press(m, "A")
	if m.mode != modePick {
		t.Fatal("A: no picker")
	}
	// Left: the third article; right: the first.
	press(m, "down", "enter")
	press(m, "enter")
	if m.mode != modeRead || m.body.l != 2 || m.body.r != 0 {
		t.Fatalf("pick: mode %v pair %d,%d", m.mode, m.body.l, m.body.r)
	}
	if !strings.Contains(plain(m.View()), "articles 3 & 1 of 3") {
		t.Errorf("header does not show the picked pair")
	}
	press(m, "A", "down", "esc")
	if m.body.l != 2 || m.body.r != 0 {
		t.Fatalf("esc changed the pair")
	}
	// The left article again as the right one is refused, and says so.
	press(m, "A", "enter")
	for m.pick.sel != m.pick.l {
		press(m, "down")
	}
	press(m, "enter")
	if m.mode != modePick || !strings.Contains(plain(m.View()), "on the left already") {
		t.Fatalf("picking the left article as the right one: mode %v, screen:\n%s", m.mode, plain(m.View()))
	}
	press(m, "esc")
	// With two articles there is nothing to pick: the key is off and not offered.
	m2 := newModel(t, seed(t), 160, 45)
	press(m2, "A")
	if m2.mode != modeRead || strings.Contains(plain(m2.View()), "pick articles") {
		t.Errorf("pick offered with two articles")
	}
}

func TestResize(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	press(m, "N")
	cur := m.body.cur
	for _, sz := range [][2]int{{1, 1}, {20, 6}, {80, 24}, {400, 50}, {99, 30}, {100, 30}, {2, 40}, {300, 2}, {0, 0}, {160, 45}} {
		m.Update(tea.WindowSizeMsg{Width: sz[0], Height: sz[1]})
		checkFits(t, m.View(), sz[0], sz[1])
		if sz[0] > maxWidth {
			// Very wide terminals keep readable columns.
			checkFits(t, strings.Join(append(m.body.lines(), m.drawn.header...), "\n"), maxWidth, sz[1])
		}
		if m.body.cur != cur {
			t.Fatalf("%dx%d: current event %d, want %d", sz[0], sz[1], m.body.cur, cur)
		}
	}
	// A storm of resizes ends in the same screen as a fresh reader's.
	rng := rand.New(rand.NewSource(7))
	for i := 0; i < 300; i++ {
		w, h := rng.Intn(420), rng.Intn(80)
		m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		checkFits(t, m.View(), w, h)
	}
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	fresh := newModel(t, st, 160, 45)
	fresh.body.goTo(cur)
	fresh.fit()
	if got, want := m.View(), fresh.View(); got != want {
		t.Fatalf("after 300 resizes the screen differs from a fresh one:\n%s\n----\n%s", plain(got), plain(want))
	}
	// Keys on a tiny screen do not panic and keep it within bounds.
	m.Update(tea.WindowSizeMsg{Width: 1, Height: 1})
	for _, k := range []string{"n", "N", "j", "G", "g", "f", "/", "x", "enter", "?", "?", "s", "e", "esc", "p", "P", "B"} {
		press(m, k)
		checkFits(t, m.View(), 1, 1)
	}
}

func TestHelp(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	short := plain(m.View())
	if !strings.Contains(short, "n/] next event") || !strings.Contains(short, "? help") {
		t.Fatalf("no key hint:\n%s", short)
	}
	h := m.body.height
	press(m, "?")
	full := plain(m.View())
	for _, want := range []string{"N", "next changed", "G/end", "search", "next match", "page furniture", "swap", "export", "quit"} {
		if !strings.Contains(full, want) {
			t.Errorf("full help lacks %q", want)
		}
	}
	if m.body.height >= h {
		t.Errorf("full help did not take room from the body")
	}
	checkFits(t, m.View(), 160, 45)
	press(m, "?")
	if m.body.height != h {
		t.Errorf("closing help did not give the room back")
	}
	// At 80 columns every help column is shown.
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 40})
	press(m, "?")
	full = plain(m.View())
	for _, want := range []string{"next changed", "bottom", "search", "swap", "quit"} {
		if !strings.Contains(full, want) {
			t.Errorf("80 columns: full help lacks %q", want)
		}
	}
}

func TestStackedLayout(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 80, 24)
	if !m.body.g.stacked {
		t.Fatal("80 columns is not stacked")
	}
	m.body.goTo(absoluteEvent(t, st))
	m.fit()
	lines := strings.Split(plain(m.View()), "\n")
	left, right := -1, -1
	for i, ln := range lines {
		if strings.HasPrefix(ln, " ‹ ") && strings.Contains(ln, "absolute") {
			left = i
		}
		if strings.HasPrefix(ln, " › ") && strings.Contains(ln, "sacred") {
			right = i
		}
	}
	if left < 0 || right < 0 || left > right {
		t.Fatalf("stacked: left line %d, right line %d:\n%s", left, right, strings.Join(lines, "\n"))
	}
}

func TestUntrustedTextStaysText(t *testing.T) {
	st := makeStory("hostile",
		[]string{"Evil\x1b]0;pwned\x07 Outlet", "Title \x1b[2J cleared",
			"The minister said \x1b]52;c;aGVsbG8=\x07 the plan \u202eis final\u202c and \u009b31m red.",
			"Nothing else happened today in the town hall meeting at all."},
		[]string{"Plain Outlet", "Title",
			"The minister said the plan is final and red.",
			"Nothing else happened today in the town hall meeting."},
	)
	for _, sz := range [][2]int{{160, 45}, {80, 24}, {20, 6}} {
		m := newModel(t, st, sz[0], sz[1])
		press(m, "?")
		checkFits(t, m.View(), sz[0], sz[1])
		press(m, "?", "n")
		checkFits(t, m.View(), sz[0], sz[1])
	}
}

func TestViewBeforeSize(t *testing.T) {
	m := New(seed(t), Options{Renderer: pinned(termenv.Ascii)})
	if v := m.View(); v != "" {
		t.Fatalf("view before the first size: %q", v)
	}
	press(m, "n", "j", "?")
	if v := m.View(); v != "" {
		t.Fatalf("view before the first size: %q", v)
	}
}

func TestQuit(t *testing.T) {
	m := newModel(t, seed(t), 80, 24)
	if cmd := press(m, "q"); cmd == nil || cmd() != tea.Quit() {
		t.Fatal("q does not quit")
	}
	m = newModel(t, seed(t), 80, 24)
	if cmd := press(m, "ctrl+c"); cmd == nil || cmd() != tea.Quit() || !m.Interrupted {
		t.Fatal("ctrl+c does not quit as interrupted")
	}
	// In the search input q is text, ctrl+c still quits.
	m = newModel(t, seed(t), 80, 24)
	press(m, "/")
	if cmd := press(m, "q"); cmd != nil && cmd() == tea.Quit() {
		t.Fatal("q in the search input quits")
	}
}

func TestEmptyStory(t *testing.T) {
	st := &story.Story{Version: story.Version, Articles: []story.Article{{Outlet: "A"}, {Outlet: "B"}}}
	for _, sz := range [][2]int{{160, 45}, {80, 24}, {1, 1}} {
		m := newModel(t, st, sz[0], sz[1])
		press(m, "n", "N", "j", "G", "f", "/", "x", "enter", ">", "s", "?")
		checkFits(t, m.View(), sz[0], sz[1])
		if sz[1] > 2 && !strings.Contains(plain(m.View()), "no events") {
			t.Errorf("%dx%d: no \"no events\" in the status bar", sz[0], sz[1])
		}
	}
	var buf strings.Builder
	if err := WriteANSI(&buf, st, export.DefaultOptions()); err != nil || !strings.Contains(plain(buf.String()), "0 events") {
		t.Errorf("WriteANSI of an empty story: %v\n%s", err, buf.String())
	}
}

func TestAdaptivePalette(t *testing.T) {
	dark := pinned(termenv.ANSI256)
	light := pinned(termenv.ANSI256)
	light.SetHasDarkBackground(false)
	d, l := NewStyles(dark, true), NewStyles(light, true)
	for name, pair := range map[string][2]string{
		"deleted":  {compile(d.Deleted).on, compile(l.Deleted).on},
		"inserted": {compile(d.Inserted).on, compile(l.Inserted).on},
		"heading":  {compile(d.Heading).on, compile(l.Heading).on},
	} {
		if pair[0] == pair[1] {
			t.Errorf("%s: same colours on dark and light backgrounds: %q", name, pair[0])
		}
	}
	// Without colour, both backgrounds get the same attributes.
	if a, b := compile(NewStyles(dark, false).Deleted).on, compile(NewStyles(light, false).Deleted).on; a != b || a == "" {
		t.Errorf("no-colour styles differ or are empty: %q %q", a, b)
	}
}

// Keys typed faster than the terminal is read arrive as one message with
// several runes; each must count.
func TestKeysArrivingTogether(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	b := m.body
	if len(b.events) < 4 {
		t.Fatalf("only %d events shown", len(b.events))
	}
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("nnn")})
	if b.cur != b.events[3] {
		t.Fatalf("\"nnn\" in one message: cur %d, want %d", b.cur, b.events[3])
	}
	// A paste into the search prompt stays one piece of text.
	press(m, "/")
	m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune("struggle"), Paste: true})
	press(m, "enter")
	if b.query != "struggle" {
		t.Fatalf("pasted query %q", b.query)
	}
}

// TestSharedHeadingsStyled: in the seed story's headline event, the words
// both headlines use are painted as a headline, and the changed ones as
// changes. Without colour the shared words stay plain, so that bold and
// underline keep meaning "only on this side".
func TestSharedHeadingsStyled(t *testing.T) {
	st := seed(t)
	k := -1
	for i, e := range st.Events {
		if len(e.Blocks[0]) > 0 && len(e.Blocks[1]) > 0 &&
			st.Articles[0].Blocks[e.Blocks[0][0]].Kind == segment.Headline {
			k = i
			break
		}
	}
	if k < 0 {
		t.Fatal("seed story: no shared event that opens with the left headline")
	}
	for _, noColor := range []bool{false, true} {
		m := New(st, Options{Renderer: pinned(termenv.ANSI256), NoColor: noColor})
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		m.body.goTo(k)
		m.fit()
		lines := strings.Split(m.View(), "\n")
		row := lines[len(m.drawn.header)+len(m.drawn.summary)+1] // under the event's rule
		if !strings.Contains(plain(row), "North Korea wants") {
			t.Fatalf("the headline event's first line is %q", plain(row))
		}
		head, del, ins := m.pal.role[layout.SharedHeading].render("North Korea "), m.pal.deleted.render("wants"), m.pal.insert.render("vows")
		if !noColor && head == "North Korea " {
			t.Fatalf("with colour, shared headline words have no style")
		}
		if noColor && head != "North Korea " {
			t.Errorf("without colour, shared headline words are styled %q, which bold or underline would confuse with changes", head)
		}
		for _, want := range []string{head, del, ins} {
			if !strings.Contains(row, want) {
				t.Errorf("no colour %v: %q not on the line %q", noColor, want, row)
			}
		}
	}
}

// TestFullHelpNamesEveryKey: the full help, as drawn, names every key the
// reader answers to, the mouse wheel and ctrl+c included.
func TestFullHelpNamesEveryKey(t *testing.T) {
	m := newModel(t, harbour(), 160, 45) // three articles: A picks two
	press(m, "?")
	full := plain(m.View())
	named := map[string]bool{}
	for _, col := range m.keys.FullHelp() {
		for _, b := range col {
			if !b.Enabled() {
				continue
			}
			if !strings.Contains(full, b.Help().Key+" ") {
				t.Errorf("%q is not in the full help on screen", b.Help().Key)
			}
			named[b.Help().Key] = true // "/" itself
			for _, k := range strings.Split(b.Help().Key, "/") {
				named[k] = true
			}
		}
	}
	for _, k := range []string{"n", "]", "p", "[", "N", "P", "j", "↓", "k", "↑", "wheel", "space", "pgdn", "b", "pgup",
		"g", "home", "G", "end", "/", ">", "<", "esc", "f", "B", "s", "A", "e", "?", "q", "ctrl+c"} {
		if !named[k] {
			t.Errorf("the full help does not name %q", k)
		}
	}
}

// TestStackedHeaderWithRoom: a terminal under 100 columns but tall enough
// still shows each article's byline and coverage under its line; a short
// one keeps one line per article.
func TestStackedHeaderWithRoom(t *testing.T) {
	st := fixture()
	m := newModel(t, st, 90, 40)
	if !m.body.g.stacked {
		t.Fatal("90 columns is not stacked")
	}
	lines := strings.Split(plain(m.View()), "\n")
	pct, both, total := coverage(st, 0, 1)
	wantL := fmt.Sprintf("by Ana Reyes · %d of %d events also in Valley Herald · %.0f%% of its text", both, total, pct)
	pct, both, total = coverage(st, 1, 0)
	wantR := fmt.Sprintf("%d of %d events also in Coast Courier · %.0f%% of its text", both, total, pct)
	if len(lines) < 5 || !strings.HasPrefix(lines[1], " ‹ Coast Courier") || strings.TrimSpace(lines[2]) != wantL ||
		!strings.HasPrefix(lines[3], " › Valley Herald") || strings.TrimSpace(lines[4]) != wantR {
		t.Errorf("90x40 header, want the article lines with %q and %q under them:\n%s", wantL, wantR, strings.Join(lines[:min(6, len(lines))], "\n"))
	}
	checkFits(t, m.View(), 90, 40)
	m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
	if v := plain(m.View()); strings.Contains(v, "events also in") {
		t.Errorf("80x24: the header took lines from a short body:\n%s", v)
	}
}

// esc closes the full help, as it closes the matrix and the quote check;
// with the help closed it clears the search.
func TestEscClosesHelp(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	search(m, "Lavrov")
	press(m, "?")
	if !m.help.ShowAll || !strings.Contains(plain(m.View()), "close help") {
		t.Fatal("?: no full help")
	}
	press(m, "esc")
	if m.help.ShowAll {
		t.Error("esc left the help open")
	}
	if m.body.query != "Lavrov" {
		t.Errorf("esc closing the help cleared the search too: query %q", m.body.query)
	}
	press(m, "esc")
	if m.body.query != "" {
		t.Errorf("esc with the help closed: query %q", m.body.query)
	}
}

// A filter that leaves no event says so in the body, rather than leaving
// it blank under the header.
func TestEmptyFilterSaysSo(t *testing.T) {
	paras := []string{"Bridge reopens after repairs",
		"The harbour bridge reopened on Friday after six weeks of repairs to its worn cables.",
		"Ferries that ran during the closure will stop on Sunday, the council said."}
	st := makeStory("same", append([]string{"Coast Courier"}, paras...), append([]string{"Valley Herald"}, paras...))
	m := newModel(t, st, 120, 30)
	press(m, "f", "f") // one-sided events: there are none
	if len(m.body.events) != 0 {
		t.Fatalf("the test story has %d one-sided events", len(m.body.events))
	}
	if v := plain(m.View()); !strings.Contains(v, "no one-sided events in these two articles") {
		t.Errorf("empty filter: view\n%s", v)
	}
	press(m, "f")
	if v := plain(m.View()); strings.Contains(v, "no ") && strings.Contains(v, "in these two articles") {
		t.Errorf("all events shown, yet the body says there are none")
	}
}

// A on a story of two articles has nothing to pick, and says so.
func TestPickWithTwoArticlesSaysWhy(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	press(m, "A")
	if m.mode != modeRead || !strings.Contains(m.status, "two articles") {
		t.Errorf("A: mode %v, status %q", m.mode, m.status)
	}
}

// TestPickerScrollsThroughManyArticles: twelve articles on a short
// terminal do not all fit under the picker's title; the list shows a
// window that keeps the selection on screen, the title says which, and
// the last article can be seen and picked.
func TestPickerScrollsThroughManyArticles(t *testing.T) {
	cs := benchdata.Generate(benchdata.Config{Bytes: 2 << 10, Articles: 12, Seed: benchdata.Seed}).Corpus
	m := newModel(t, story.Build(cs, story.DefaultOptions()), 100, 12)
	press(m, "A")
	for i := 0; i < 11; i++ {
		press(m, "down")
		screen := plain(m.View())
		checkFits(t, m.View(), 100, 12)
		cursor := ""
		for _, ln := range strings.Split(screen, "\n") {
			if strings.HasPrefix(ln, " ▸") {
				cursor = ln
			}
		}
		if want := fmt.Sprintf(" %2d %s", m.pick.sel+1, m.st.Articles[m.pick.sel].Outlet); !strings.Contains(cursor, want) {
			t.Fatalf("article %d selected, but the marked line is %q:\n%s", m.pick.sel+1, cursor, screen)
		}
		if !strings.Contains(screen, " of 12") {
			t.Errorf("the picker's title does not say which articles it shows:\n%s", screen)
		}
	}
	press(m, "enter", "up", "enter")
	if m.mode != modeRead || m.body.l != 11 || m.body.r != 0 {
		t.Errorf("picked %d and %d (mode %v), want 12 and 1", m.body.l+1, m.body.r+1, m.mode)
	}
}
