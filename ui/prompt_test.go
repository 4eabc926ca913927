package ui

import (
	"bytes"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
)

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
		// the key that changes the format stays while there is room for
		// it beside the chosen one: no other key says how
		if w >= 40 && !strings.Contains(m.exp.View(w)[0], "tab: format") {
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
