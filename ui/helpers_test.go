package ui

import (
	"fmt"
	"io"
	"regexp"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// pinned is a renderer with a fixed colour profile and background, so that
// views are the same on every machine.
func pinned(p termenv.Profile) *lipgloss.Renderer {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(p)
	r.SetHasDarkBackground(true)
	return r
}

var seedStory *story.Story

func seed(t testing.TB) *story.Story {
	t.Helper()
	if seedStory == nil {
		seedStory = story.Build(corpus.Default(), story.DefaultOptions())
	}
	return seedStory
}

// newModel returns a reader sized w×h with the 256-colour profile pinned,
// fully laid out.
func newModel(t testing.TB, st *story.Story, w, h int) *Model {
	t.Helper()
	m := New(st, Options{Renderer: pinned(termenv.ANSI256)})
	if _, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h}); cmd != nil {
		m.Update(cmd()) // a big story's layout, made in the background
	}
	return m
}

// press sends keys to m: single runes, or names such as "down", "pgdown".
func press(m *Model, keys ...string) tea.Cmd {
	var last tea.Cmd
	for _, k := range keys {
		_, last = m.Update(keyMsg(k))
	}
	return last
}

func keyMsg(k string) tea.KeyMsg {
	switch k {
	case "enter":
		return tea.KeyMsg{Type: tea.KeyEnter}
	case "esc":
		return tea.KeyMsg{Type: tea.KeyEsc}
	case "tab":
		return tea.KeyMsg{Type: tea.KeyTab}
	case "shift+tab":
		return tea.KeyMsg{Type: tea.KeyShiftTab}
	case "down":
		return tea.KeyMsg{Type: tea.KeyDown}
	case "up":
		return tea.KeyMsg{Type: tea.KeyUp}
	case "left":
		return tea.KeyMsg{Type: tea.KeyLeft}
	case "right":
		return tea.KeyMsg{Type: tea.KeyRight}
	case "pgdown":
		return tea.KeyMsg{Type: tea.KeyPgDown}
	case "pgup":
		return tea.KeyMsg{Type: tea.KeyPgUp}
	case "home":
		return tea.KeyMsg{Type: tea.KeyHome}
	case "end":
		return tea.KeyMsg{Type: tea.KeyEnd}
	case "space":
		return tea.KeyMsg{Type: tea.KeySpace, Runes: []rune{' '}}
	case "ctrl+c":
		return tea.KeyMsg{Type: tea.KeyCtrlC}
	case "backspace":
		return tea.KeyMsg{Type: tea.KeyBackspace}
	}
	return tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(k)}
}

// typeText types s into whatever has the focus.
func typeText(m *Model, s string) {
	for _, r := range s {
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}})
	}
}

// search opens the search, types q and runs it.
func search(m *Model, q string) {
	press(m, "/")
	typeText(m, q)
	press(m, "enter")
}

var sgrRE = regexp.MustCompile(`\x1b\[[0-9;]*m`)

// plain strips the reader's own colour sequences.
func plain(s string) string { return sgrRE.ReplaceAllString(s, "") }

// checkFits fails unless view has at most h lines, none wider than w, and
// no escape sequence other than colours.
func checkFits(t testing.TB, view string, w, h int) {
	t.Helper()
	lines := strings.Split(view, "\n")
	if view != "" && len(lines) > h {
		t.Fatalf("%dx%d: view has %d lines", w, h, len(lines))
	}
	for i, ln := range lines {
		if lw := ansi.StringWidth(ln); lw > w {
			t.Fatalf("%dx%d: line %d is %d cells wide: %q", w, h, i, lw, ln)
		}
		if p := plain(ln); strings.ContainsAny(p, "\x1b\x07\x9b\x9d") {
			t.Fatalf("%dx%d: line %d holds a raw control: %q", w, h, i, p)
		}
	}
}

// makeStory builds a story from articles given as outlet and paragraphs.
func makeStory(name string, arts ...[]string) *story.Story {
	cs := &corpus.Story{Name: name}
	for i, a := range arts {
		art := corpus.Article{Outlet: a[0], Date: fmt.Sprintf("2025-03-0%d", i+1), Title: a[1]}
		for _, p := range a[2:] {
			art.Paras = append(art.Paras, corpus.Para{Text: p})
		}
		cs.Articles = append(cs.Articles, art)
	}
	return story.Build(cs, story.DefaultOptions())
}

// harbour is a small three-article story written for the tests.
func harbour() *story.Story {
	return makeStory("harbour-bridge",
		[]string{"Coast Courier", "Harbour bridge to close for repairs",
			"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.",
			"Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.",
			"Local shop owners warned that the closure would cost them customers in the busiest month of the year.",
			"The bridge opened in 1962 and carries about forty thousand vehicles a day."},
		[]string{"Valley Herald", "Bridge shuts for cable work",
			"The bridge opened in 1962 and now carries about forty thousand cars every day.",
			"The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced.",
			"Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.",
			"Cyclists will be allowed to use a temporary lane on the old rail viaduct."},
		[]string{"Morning Ledger", "Six-week closure for harbour bridge",
			"Engineers will replace the worn cables of the harbour bridge during a six-week closure starting Monday, the city council said.",
			"Shop owners near the bridge fear losing customers in the busiest month of the year.",
			"A petition against the timing has gathered two thousand signatures."},
	)
}

// fixture is a story built by hand rather than by the aligner, so that
// golden screens change only when the reader does. It has a shared event
// with changed words, a shared event with the same words, one-sided events
// on each side, a caption, a heading, page furniture, and an event the
// right article tells out of order.
func fixture() *story.Story {
	blk := func(k segment.Kind, text string) segment.Block { return segment.Block{Kind: k, Text: text} }
	eq := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Equal, Text: s} }
	del := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Delete, Text: s} }
	ins := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Insert, Text: s} }
	st := &story.Story{Version: story.Version, Name: "harbour-bridge", Articles: []story.Article{
		{Outlet: "Coast Courier", Date: "2025-03-01", Byline: "Ana Reyes", Title: "Harbour bridge to close for six weeks", Blocks: []segment.Block{
			blk(segment.Meta, "Posted 1 March 2025 · 3 min read"),
			blk(segment.Paragraph, "The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said."),
			blk(segment.Caption, "Photo: the bridge at dusk, seen from the ferry pier."),
			blk(segment.Paragraph, "Ferries will run every ten minutes during the closure."),
			blk(segment.Heading, "What shop owners say"),
			blk(segment.Paragraph, "Local shop owners warned that the closure would cost them customers in the busiest month of the year."),
		}},
		{Outlet: "Valley Herald", Date: "2025-03-02", Title: "Bridge shuts for cable work, council says", Blocks: []segment.Block{
			blk(segment.Paragraph, "Ferries will run every ten minutes during the closure."),
			blk(segment.Paragraph, "The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced."),
			blk(segment.Paragraph, "Cyclists may use a temporary lane on the old rail viaduct."),
		}},
		{Outlet: "Morning Ledger", Date: "2025-03-02", Title: "Six-week closure for harbour bridge", Blocks: []segment.Block{
			blk(segment.Paragraph, "Engineers will replace the worn cables of the harbour bridge during a six-week closure, the council said."),
		}},
	}}
	st.Events = []story.Event{
		{Kind: story.Boilerplate, Score: 1, Blocks: [][]int{{0}, {}, {}}},
		{Kind: story.Shared, Score: 0.71, Blocks: [][]int{{1}, {1}, {0}}, Diffs: []story.Diff{{From: 0, To: 1, Ops: []worddiff.Op{
			eq("The harbour bridge will "), del("close"), ins("shut"), eq(" for "), del("six"), ins("eight"),
			eq(" weeks from Monday while engineers replace "), del("the worn"), ins("its corroded"),
			eq(" cables, the "), del("city council said"), ins("council announced"), eq("."),
		}}}},
		{Kind: story.Single, Score: 1, Blocks: [][]int{{2}, {}, {}}},
		{Kind: story.Shared, Score: 1, Blocks: [][]int{{3}, {0}, {}}, Diffs: []story.Diff{{From: 0, To: 1, Ops: []worddiff.Op{
			eq("Ferries will run every ten minutes during the closure."),
		}}}},
		{Kind: story.Single, Score: 1, Blocks: [][]int{{4, 5}, {}, {}}},
		{Kind: story.Single, Score: 1, Blocks: [][]int{{}, {2}, {}}},
	}
	for k := range st.Events {
		st.Events[k].Moved = make([]bool, 3)
	}
	st.Events[3].Moved[1] = true
	return st
}
