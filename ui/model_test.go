package ui

import (
	"bytes"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
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

func TestSearch(t *testing.T) {
	st := seed(t)
	m := newModel(t, st, 160, 45)
	press(m, "/")
	if m.mode != modeSearch {
		t.Fatal("/ does not open the search")
	}
	typeText(m, "Lavrov")
	if !strings.Contains(plain(m.View()), "/Lavrov") {
		t.Errorf("search input not shown")
	}
	press(m, "enter")
	b := m.body
	if m.mode != modeRead || b.query != "Lavrov" || len(b.matches) < 3 {
		t.Fatalf("after enter: mode %v query %q %d matches", m.mode, b.query, len(b.matches))
	}
	// The match is on screen and highlighted.
	hl := m.pal.match
	view := m.View()
	if !strings.Contains(view, hl.on+"Lavrov"+hl.off) {
		t.Fatalf("no highlighted match on screen")
	}
	first := b.match
	row := b.matches[first]
	if row < b.offset || row >= b.offset+b.height {
		t.Fatalf("match row %d not in view [%d,%d)", row, b.offset, b.offset+b.height)
	}
	press(m, ">")
	if b.match != first+1 {
		t.Fatalf(">: match %d, want %d", b.match, first+1)
	}
	r2 := b.matches[b.match]
	if r2 < b.offset || r2 >= b.offset+b.height {
		t.Fatalf("> : match row %d not in view", r2)
	}
	press(m, "<")
	if b.match != first {
		t.Fatalf("<: match %d", b.match)
	}
	press(m, "<")
	if b.match != (first-1+len(b.matches))%len(b.matches) {
		t.Fatalf("< wraps: match %d", b.match)
	}
	if !strings.Contains(plain(m.View()), "/Lavrov ") {
		t.Errorf("status bar does not show the search")
	}
	// Case does not matter; esc clears.
	press(m, "/")
	for range "Lavrov" {
		press(m, "backspace")
	}
	typeText(m, "LAVROV")
	press(m, "enter")
	if len(b.matches) == 0 {
		t.Fatalf("upper-case query found nothing")
	}
	press(m, "esc")
	if b.query != "" || strings.Contains(m.View(), hl.on) || strings.Contains(m.View(), m.pal.curMatch.on) {
		t.Fatalf("esc: query %q, highlight still shown", b.query)
	}
	press(m, "/")
	typeText(m, "zzqqx")
	press(m, "enter")
	if len(b.matches) != 0 || !strings.Contains(m.status, "no match") {
		t.Fatalf("missing word: %d matches, status %q", len(b.matches), m.status)
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

func TestExportPrompt(t *testing.T) {
	dir := t.TempDir()
	st := seed(t)
	m := newModel(t, st, 120, 40)
	press(m, "f") // changed events only: the export covers them only
	press(m, "e")
	if m.mode != modeExport {
		t.Fatal("e: no export prompt")
	}
	if got := m.exp.path.Value(); got != "north-korea-russia-2024-11-01."+export.Ext(m.exp.format()) {
		t.Fatalf("prefilled path %q", got)
	}
	// Pick txt, then write into the temporary folder.
	for m.exp.format() != "txt" {
		press(m, "tab")
	}
	if !strings.HasSuffix(m.exp.path.Value(), ".txt") {
		t.Fatalf("tab did not follow the format: %q", m.exp.path.Value())
	}
	path := filepath.Join(dir, "out.txt")
	m.exp.path.SetValue(path)
	run := func(cmd tea.Cmd) {
		t.Helper()
		if cmd == nil {
			t.Fatal("no write command")
		}
		m.Update(cmd())
	}
	run(press(m, "enter"))
	if m.mode != modeRead || !strings.Contains(m.status, "wrote "+path) {
		t.Fatalf("after write: mode %v status %q", m.mode, m.status)
	}
	if !strings.Contains(plain(m.View()), "wrote "+path) {
		t.Errorf("status bar does not confirm the path")
	}
	got, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(got), "{+sacred+}") || strings.Contains(string(got), "· not in") {
		t.Errorf("export does not cover the changed filter:\n%s", got)
	}
	// The same path again: asked, "n" keeps the file.
	os.WriteFile(path, []byte("keep me"), 0o644)
	press(m, "e")
	m.exp.path.SetValue(path)
	run(press(m, "enter"))
	if !m.exp.confirm || !strings.Contains(plain(m.View()), "Overwrite it? y/n") {
		t.Fatalf("existing file: no question")
	}
	press(m, "n")
	if m.mode != modeExport || m.exp.confirm {
		t.Errorf("n at the question: mode %v, still asking %v; want the path again", m.mode, m.exp.confirm)
	}
	press(m, "esc")
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatalf("file overwritten without confirmation")
	}
	// esc at the question leaves the export: the next key is the reader's.
	press(m, "e")
	m.exp.path.SetValue(path)
	run(press(m, "enter"))
	press(m, "esc")
	if m.mode != modeRead {
		t.Errorf("esc at the question: mode %v, want the reader", m.mode)
	}
	cur := m.body.cur
	press(m, "n")
	if m.mode != modeRead || m.body.cur == cur && len(m.body.events) > 1 {
		t.Errorf("n after esc: mode %v, event %d (was %d): the key went elsewhere", m.mode, m.body.cur, cur)
	}
	if b, _ := os.ReadFile(path); string(b) != "keep me" {
		t.Fatalf("file overwritten after esc")
	}
	press(m, "e")
	m.exp.path.SetValue(path)
	run(press(m, "enter"))
	run(press(m, "y"))
	if b, _ := os.ReadFile(path); !strings.Contains(string(b), "sacred") {
		t.Fatalf("confirmed overwrite did not write")
	}
	// A write that fails is reported, not fatal.
	press(m, "e")
	m.exp.path.SetValue(filepath.Join(dir, "no", "such", "dir", "x.txt"))
	run(press(m, "enter"))
	if !m.statusErr || !strings.Contains(m.status, "export failed") {
		t.Fatalf("failed write: status %q", m.status)
	}
	// The form stays open with the path typed, to correct it.
	if m.mode != modeExport || !strings.HasSuffix(m.exp.path.Value(), "x.txt") {
		t.Fatalf("after a failed write: mode %v, path %q", m.mode, m.exp.path.Value())
	}
	if !strings.Contains(plain(m.View()), "export failed") {
		t.Errorf("the failure is not on screen")
	}
	m.exp.path.SetValue(filepath.Join(dir, "x.txt"))
	run(press(m, "enter"))
	if _, err := os.Stat(filepath.Join(dir, "x.txt")); err != nil || m.mode != modeRead {
		t.Fatalf("corrected path: %v, mode %v", err, m.mode)
	}
}

// TestExportPromptShowsChosenFormat: on a terminal too narrow for every
// format name and the hints, the chosen format stays on screen, marked.
func TestExportPromptShowsChosenFormat(t *testing.T) {
	for _, w := range []int{160, 80, 60, 40} {
		m := newModel(t, seed(t), w, 30)
		press(m, "e")
		// every format the command writes, the reader's own view included
		if want := []string{"ansi", "html", "json", "matrix-html", "matrix-md", "md", "report-html", "report-md", "txt"}; !slices.Equal(m.exp.formats, want) {
			t.Fatalf("the prompt lists %v, want %v", m.exp.formats, want)
		}
		for i := 0; i < len(m.exp.formats); i++ {
			f := m.exp.format()
			lines := m.exp.View(w)
			if got := ansi.StringWidth(lines[0]); got > w {
				t.Errorf("width %d: the format line is %d wide", w, got)
			}
			if !strings.Contains(lines[0], "["+f+"]") {
				t.Errorf("width %d: %s chosen, but the line shows %q", w, f, lines[0])
			}
			press(m, "tab")
		}
		if w >= 160 && !strings.Contains(m.exp.View(w)[0], "tab: format") {
			t.Errorf("width %d: the hints are gone: %q", w, m.exp.View(w)[0])
		}
	}
}

// TestExportSaysWholeStory: json covers every event of every article, not
// the filter on screen; the status bar says so with the path it wrote,
// and says nothing more for a format that follows the filter.
func TestExportSaysWholeStory(t *testing.T) {
	dir := t.TempDir()
	m := newModel(t, seed(t), 160, 40)
	write := func(format, name string) string {
		t.Helper()
		press(m, "e")
		for m.exp.format() != format {
			press(m, "tab")
		}
		m.exp.path.SetValue(filepath.Join(dir, name))
		cmd := press(m, "enter")
		if cmd == nil {
			t.Fatal("no write command")
		}
		m.Update(cmd())
		if m.mode != modeRead || !strings.Contains(m.status, "wrote "+filepath.Join(dir, name)) {
			t.Fatalf("%s: status %q", format, m.status)
		}
		return m.status
	}
	if s := write("json", "all.json"); strings.Contains(s, "whole story") {
		t.Errorf("json with no filter: status %q says more than the path", s)
	}
	press(m, "f") // changed events only
	if s := write("json", "changed.json"); !strings.Contains(s, "whole story") {
		t.Errorf("json under a filter: status %q does not say it holds the whole story", s)
	}
	if !strings.Contains(plain(m.View()), "whole story") {
		t.Errorf("the status bar does not show it")
	}
	if s := write("md", "changed.md"); strings.Contains(s, "whole story") {
		t.Errorf("md under a filter: status %q, but md follows the filter", s)
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

func TestSearchAcrossLineBreaks(t *testing.T) {
	m := newModel(t, fixture(), 100, 30)
	press(m, "/")
	typeText(m, "WEEKS from monday")
	press(m, "enter")
	b := m.body
	// Both columns' matches start on the same row, one stop for > and <.
	if len(b.matches) != 1 || len(b.hitsAt(b.matches[0], 0)) != 1 || len(b.hitsAt(b.matches[0], 1)) != 1 {
		t.Fatalf("matches %v, hits %v", b.matches, b.hits)
	}
	v := m.View()
	hl := m.pal.curMatch // the only match is the current one, on both rows
	// At 100 columns the phrase breaks after "weeks" in both columns.
	for _, want := range []string{hl.on + "weeks" + hl.off, hl.on + "from Monday" + hl.off} {
		if n := strings.Count(v, want); n != 2 {
			t.Errorf("%q highlighted %d times, want 2:\n%s", want, n, plain(v))
		}
	}
	if strings.Contains(plain(v), "weeks from Monday") {
		t.Fatalf("the phrase is not broken at this width; the test proves nothing")
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

// Each format offers its own file: exporting the side-by-side HTML and then
// the report (or the matrix), which share its extension, must not propose
// to overwrite the first.
func TestExportPromptPathPerFormat(t *testing.T) {
	m := newModel(t, seed(t), 120, 40)
	ext := map[string]string{"html": "html", "md": "md", "matrix-html": "html", "matrix-md": "md", "report-html": "html", "report-md": "md", "txt": "txt", "json": "json", "ansi": "ans"}
	old := extOf
	extOf = func(f string) string { return ext[f] }
	defer func() { extOf = old }()
	seen := map[string]string{}
	for f := range ext {
		p := m.exp.defaultPath(f)
		if g, ok := seen[p]; ok {
			t.Errorf("formats %s and %s both offer %q", g, f, p)
		}
		if !strings.HasSuffix(p, "."+ext[f]) {
			t.Errorf("format %s offers %q, not a .%s file", f, p, ext[f])
		}
		seen[p] = f
	}
}

// After the filter changes, the match counter follows the event on screen:
// > goes to the next match below it, never back up the story.
func TestSearchMatchFollowsFilter(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	press(m, "/")
	typeText(m, "the")
	press(m, "enter")
	b := m.body
	if len(b.matches) < 6 {
		t.Fatalf("%d matches", len(b.matches))
	}
	for range 4 {
		press(m, ">")
	}
	for _, f := range []string{"f", "f", "f"} {
		press(m, f)
		b = m.body
		if b.match < 0 || len(b.matches) == 0 {
			continue
		}
		start := b.start[b.cur]
		if got := b.matches[b.match]; got < start && b.match < len(b.matches)-1 {
			t.Errorf("filter %s: event %d starts at row %d but the current match is at row %d, above it", b.filter, b.cur+1, start, got)
		}
		if b.match > 0 && b.matches[b.match-1] >= start {
			t.Errorf("filter %s: match %d/%d is not the first at event %d", b.filter, b.match+1, len(b.matches), b.cur+1)
		}
	}
}

// A new search replaces the last one: typing after / does not append to
// the previous query, and / enter searches for it again.
func TestSearchStartsEmpty(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	press(m, "/")
	typeText(m, "Lavrov")
	press(m, "enter")
	press(m, "/")
	typeText(m, "Moscow")
	press(m, "enter")
	if q := m.body.query; q != "Moscow" {
		t.Fatalf("second search is for %q, want \"Moscow\"", q)
	}
	if len(m.body.matches) == 0 {
		t.Fatalf("no match for Moscow: %q", m.status)
	}
	press(m, "/")
	if !strings.Contains(plain(m.View()), "Moscow") {
		t.Errorf("the search input does not show the last query")
	}
	press(m, "enter")
	if q := m.body.query; q != "Moscow" {
		t.Fatalf("/ enter searches for %q, want the last query \"Moscow\"", q)
	}
}

// > after moving away from the current match goes on from the screen, not
// back up to the match after the one left behind.
func TestNextMatchFromScreen(t *testing.T) {
	m := newModel(t, seed(t), 160, 30)
	press(m, "/")
	typeText(m, "the")
	press(m, "enter")
	b := m.body
	if len(b.matches) < 10 {
		t.Fatalf("%d matches", len(b.matches))
	}
	for range 8 {
		press(m, "n")
	}
	top := b.offset
	last := b.matches[len(b.matches)-1]
	if last < top {
		t.Fatalf("no match below row %d", top)
	}
	press(m, ">")
	if got := b.matches[b.match]; got < top {
		t.Errorf("> went up to row %d from a screen starting at row %d", got, top)
	}
	press(m, "g")
	press(m, "<")
	if got := b.matches[b.match]; b.match != len(b.matches)-1 && got >= top {
		t.Errorf("< from the top went down to row %d", got)
	}
}

// TestCurrentMatchStandsOut: with several matches on the screen, the one
// that > and < step to is painted apart from the others, with colour and
// without, so that a step shows where it went.
func TestCurrentMatchStandsOut(t *testing.T) {
	for _, noColor := range []bool{false, true} {
		m := New(seed(t), Options{Renderer: pinned(termenv.ANSI256), NoColor: noColor})
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		press(m, "/")
		typeText(m, "struggle")
		press(m, "enter")
		b := m.body
		if len(b.matches) < 3 {
			t.Fatalf("%d matches of \"struggle\", want 3 or more", len(b.matches))
		}
		for step := 0; step < len(b.matches); step++ {
			lines := strings.Split(m.View(), "\n")
			cur := len(m.drawn.header) + len(m.drawn.summary) + b.matches[b.match] - b.offset
			curStyles, otherStyles := map[string]bool{}, map[string]bool{}
			for i, ln := range lines {
				for _, sm := range styledRE.FindAllStringSubmatch(ln, -1) {
					if sm[2] != "struggle" {
						continue
					}
					if i == cur {
						curStyles[sm[1]] = true
					} else {
						otherStyles[sm[1]] = true
					}
				}
			}
			if len(curStyles) != 1 || len(otherStyles) != 1 {
				t.Fatalf("no colour %v, match %d: styles of the current match %q, of the others %q, want one each",
					noColor, b.match+1, mapKeys(curStyles), mapKeys(otherStyles))
			}
			for s := range curStyles {
				if otherStyles[s] {
					t.Fatalf("no colour %v, match %d: the current match is styled like the others: %q", noColor, b.match+1, s)
				}
			}
			press(m, ">")
		}
	}
}

func mapKeys(m map[string]bool) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
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

// A path the editor typed keeps its name when the format changes, but its
// extension follows the format when it was the old format's: tab from html
// to json turns mystory.html into mystory.json, not JSON in a .html file.
func TestExportPromptTypedPathFollowsFormat(t *testing.T) {
	m := newModel(t, seed(t), 120, 40)
	press(m, "e")
	for m.exp.format() != "html" {
		press(m, "tab")
	}
	m.exp.path.SetValue("")
	typeText(m, "mystory.html")
	for m.exp.format() != "json" {
		press(m, "tab")
	}
	if got := m.exp.path.Value(); got != "mystory.json" {
		t.Errorf("html → json: path %q, want mystory.json", got)
	}
	m.exp.path.SetValue("")
	typeText(m, "notes.dat")
	press(m, "tab")
	if got := m.exp.path.Value(); got != "notes.dat" {
		t.Errorf("an extension of no format changed: %q", got)
	}
}

// esc closes the full help, as it closes the matrix and the quote check;
// with the help closed it clears the search.
func TestEscClosesHelp(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	press(m, "/")
	typeText(m, "Lavrov")
	press(m, "enter")
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

// A search typed with the keyboard's straight quotes finds the curly ones
// articles print: "Un's" finds "Kim Jong Un’s" too.
func TestSearchFoldsQuotes(t *testing.T) {
	s := "Kim Jong Un’s regime, “always” and \"never\""
	got := findAll(s, "un's")
	if len(got) != 1 || s[got[0][0]:got[0][1]] != "Un’s" {
		t.Errorf("findAll(%q, \"un's\") = %v", s, got)
	}
	got = findAll(s, `"always"`)
	if len(got) != 1 || s[got[0][0]:got[0][1]] != "“always”" {
		t.Errorf("findAll(%q, \"always\" in quotes) = %v", s, got)
	}
	if got := findAll("İstanbul and ISTANBUL", "istanbul"); len(got) != 2 {
		t.Errorf("case folding: %v", got)
	}
	m := newModel(t, seed(t), 160, 45)
	press(m, "/")
	typeText(m, "Un's")
	press(m, "enter")
	if n := len(m.body.matches); n < 2 {
		t.Errorf("/Un's: %d rows match, want translated report's and Washington Examiner's", n)
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

// TestExportNeverReplacesAnArticle: the export prompt refuses to write
// over a file the story was read from, before asking and after a yes.
func TestExportNeverReplacesAnArticle(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.txt"), filepath.Join(dir, "b.txt")
	texts := map[string]string{
		a: "Bridge closes for repairs\nThe council closed the bridge on Monday after inspectors found cracks.\n",
		b: "Bridge shut after cracks found\nInspectors found cracks and the council closed the bridge on Monday.\n",
	}
	for p, s := range texts {
		if err := os.WriteFile(p, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cs, err := corpus.Load([]string{a, b})
	if err != nil {
		t.Fatal(err)
	}
	m := newModel(t, story.Build(cs, story.DefaultOptions()), 120, 40)
	for _, yes := range []bool{false, true} {
		press(m, "e")
		m.exp.path.SetValue(a)
		cmd := press(m, "enter")
		if cmd == nil {
			t.Fatal("no write command")
		}
		m.Update(cmd())
		if yes && m.exp.confirm {
			// (were it asked) a yes still does not replace the article
			m.Update(press(m, "y")())
		}
		if !m.statusErr || !strings.Contains(m.status, "is an article of this story") {
			t.Errorf("status after writing over an article: %q", m.status)
		}
		if got, _ := os.ReadFile(a); string(got) != texts[a] {
			t.Fatalf("the article was replaced by the export:\n%s", got)
		}
		press(m, "esc")
	}
}

// TestExportPromptWritesANSI: the prompt's options carry the reader's own
// view, so its ansi format writes it rather than fail.
func TestExportPromptWritesANSI(t *testing.T) {
	m := newModel(t, seed(t), 120, 40)
	var b bytes.Buffer
	if err := export.Render(&b, "ansi", m.st, m.exportOptions().options()); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "\x1b[") || !strings.Contains(plain(b.String()), "Washington Examiner") {
		t.Errorf("the ansi export is not the coloured view:\n%.500s", b.String())
	}
}
