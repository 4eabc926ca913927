package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/story"
)

func isQuit(cmd tea.Cmd) bool {
	if cmd == nil {
		return false
	}
	_, ok := cmd().(tea.QuitMsg)
	return ok
}

// A reader whose edits are all saved quits at once.
func TestQuitWithEverythingSaved(t *testing.T) {
	m, _ := editModel(t, 160, 45)
	m.body.goTo(absoluteEvent(t, m.st))
	press(m, "x")
	if !isQuit(press(m, "q")) || m.EditsReport() != "" {
		t.Errorf("q after a saved edit: did not quit, or reports %q", m.EditsReport())
	}
}

// Edits that could not be saved make q ask; s saves them to another file,
// and the reader then says where they went.
func TestQuitAsksAndSavesElsewhere(t *testing.T) {
	dir := t.TempDir()
	locked := filepath.Join(dir, "locked")
	if err := os.Mkdir(locked, 0o755); err != nil {
		t.Fatal(err)
	}
	// A review path whose folder is a file cannot be written, even by root.
	blocker := filepath.Join(dir, "blocker")
	if err := os.WriteFile(blocker, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	st := story.Build(corpus.Default(), story.DefaultOptions())
	m := New(st, Options{Renderer: pinned(termenv.ANSI256), ReviewPath: filepath.Join(blocker, "seed.synoptic.json")})
	m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	m.body.goTo(absoluteEvent(t, m.st))
	press(m, "x", "+")
	if !strings.Contains(m.status, "not saved") {
		t.Fatalf("status %q", m.status)
	}
	if isQuit(press(m, "q")) {
		t.Fatal("q quit with two edits not saved")
	}
	if !strings.Contains(m.status, "2 edits not saved") || !strings.Contains(plain(m.View()), "y: quit") {
		t.Errorf("no question:\n%s", plain(m.View()))
	}
	if isQuit(press(m, "esc")) || m.mode != modeRead {
		t.Fatal("esc did not go back to reading")
	}
	press(m, "q", "s")
	if m.mode != modeSaveAs {
		t.Fatalf("s: mode %v", m.mode)
	}
	want := filepath.Join(locked, "elsewhere.synoptic.json")
	m.ed.saveAs.SetValue(want)
	if !isQuit(press(m, "enter")) {
		t.Fatalf("saving elsewhere did not quit: %q", m.status)
	}
	r, err := review.Load(want)
	if err != nil || len(r.Splits) == 0 || r.Threshold == nil {
		t.Fatalf("edits not in %s: %+v %v", want, r, err)
	}
	if rep := m.EditsReport(); !strings.Contains(rep, want) || !strings.Contains(rep, "--review") {
		t.Errorf("report %q", rep)
	}
}

// Quitting without saving says how many edits were lost and why.
func TestQuitWithoutSavingReports(t *testing.T) {
	m := newModel(t, story.Build(corpus.Default(), story.DefaultOptions()), 120, 40)
	m.body.goTo(absoluteEvent(t, m.st))
	press(m, "x")
	if isQuit(press(m, "q")) {
		t.Fatal("q quit at once")
	}
	if !isQuit(press(m, "y")) {
		t.Fatal("y did not quit")
	}
	if rep := m.EditsReport(); !strings.Contains(rep, "1 edit not saved") {
		t.Errorf("report %q", rep)
	}
}

// Two readers of one story save to one review: each one's edits survive
// the other's saves, and each shows the other's once it saves.
func TestTwoReadersKeepEachOthersEdits(t *testing.T) {
	path := filepath.Join(t.TempDir(), "seed.synoptic.json")
	open := func() *Model {
		rev, err := review.Load(path)
		if err != nil {
			t.Fatal(err)
		}
		opt := story.DefaultOptions()
		opt.Review = rev
		m := New(story.Build(corpus.Default(), opt), Options{Renderer: pinned(termenv.ANSI256), ReviewPath: path})
		m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
		return m
	}
	one, two := open(), open()
	k := absoluteEvent(t, one.st)
	two.body.goTo(k)
	press(two, "o")
	typeText(two, "from editor two")
	press(two, "enter")
	one.body.goTo(0)
	press(one, "+")
	if !strings.Contains(one.status, "saved") || !strings.Contains(one.status, "meanwhile") {
		t.Errorf("first reader's status %q; want a save merged with the other's", one.status)
	}
	r := loadReview(t, path)
	if len(r.Notes) != 1 || r.Notes[0].Text != "from editor two" || r.Threshold == nil {
		t.Fatalf("review after both saved: %+v", r)
	}
	found := false
	for _, e := range one.st.Events {
		found = found || e.Note == "from editor two"
	}
	if !found {
		t.Error("the first reader does not show the note the second saved")
	}
	// Undoing one's own edit keeps the other's note.
	press(one, "u")
	if r := loadReview(t, path); len(r.Notes) != 1 || r.Threshold != nil {
		t.Errorf("after undo: %+v", r)
	}
}

// Bidirectional controls and other characters that act or hide, typed or
// pasted into a prompt, are echoed as visible stand-ins while editing.
func TestPromptsEchoNothingRaw(t *testing.T) {
	m, _ := editModel(t, 160, 45)
	payload := "abc\u202edef\u200b\x1b[2J\nx"
	for _, open := range []string{"/", "o", "e"} {
		press(m, open)
		m.Update(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(payload), Paste: true})
		v := m.View()
		for _, bad := range []string{"\u202e", "\u200b", "\x1b[2J"} {
			if strings.Contains(v, bad) {
				t.Errorf("%s prompt echoes %q raw", open, bad)
			}
		}
		if !strings.Contains(plain(v), "⟨U+202E⟩") {
			t.Errorf("%s prompt does not show the control:\n%s", open, plain(v))
		}
		press(m, "esc")
	}
}

// An export that does not end (a named pipe nobody reads) does not hold the
// reader: esc leaves the form, and the write's late report changes no form.
func TestEscLeavesAnExportThatHangs(t *testing.T) {
	m, _ := editModel(t, 160, 45)
	press(m, "e")
	m.exp.path.SetValue(filepath.Join(t.TempDir(), "out.html"))
	cmd := press(m, "enter")
	if !m.exp.busy || cmd == nil {
		t.Fatal("enter did not start the write")
	}
	press(m, "esc")
	if m.mode != modeRead {
		t.Fatalf("esc during a write: mode %v", m.mode)
	}
	press(m, "/")
	m.Update(cmd()) // the write ends after all
	if m.mode != modeSearch {
		t.Errorf("the late report of the write changed the mode to %v", m.mode)
	}
}
