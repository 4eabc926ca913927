package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
)

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
	search(m, "zzqqx")
	if len(b.matches) != 0 || !strings.Contains(m.status, "no match") {
		t.Fatalf("missing word: %d matches, status %q", len(b.matches), m.status)
	}
}

func TestSearchAcrossLineBreaks(t *testing.T) {
	m := newModel(t, fixture(), 100, 30)
	search(m, "WEEKS from monday")
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

// After the filter changes, the match counter follows the event on screen:
// > goes to the next match below it, never back up the story.
func TestSearchMatchFollowsFilter(t *testing.T) {
	m := newModel(t, seed(t), 160, 45)
	search(m, "the")
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
	search(m, "Lavrov")
	search(m, "Moscow")
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
	search(m, "the")
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
		search(m, "struggle")
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
	search(m, "Un's")
	if n := len(m.body.matches); n < 2 {
		t.Errorf("/Un's: %d rows match, want translated report's and Washington Examiner's", n)
	}
}
