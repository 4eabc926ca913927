package ui

import (
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

func deferredStory(bytes int) *story.Story {
	cs := benchdata.Generate(benchdata.Config{Bytes: bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
	opt := story.DefaultOptions()
	opt.DeferDiffs = true
	return story.Build(cs, opt)
}

// TestBackgroundDiffs: a story built without its diffs (big enough that
// the whole-story checks, which diff everything, wait for Init) shows its
// first screen with the diffs of what it shows, reports the background
// diffs in the status bar, and ends with every diff done and the same
// screen as a story built whole.
func TestBackgroundDiffs(t *testing.T) {
	st := deferredStory(benchdata.KB100)
	if done, total := st.DiffProgress(); total == 0 || done != 0 {
		t.Fatalf("deferred build: %d of %d events diffed", done, total)
	}
	m := New(st, Options{Renderer: pinned(0)})
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 160, Height: 40})
	if cmd == nil {
		t.Fatal("no background diffs for a deferred story")
	}
	if !strings.Contains(plain(m.View()), "diffing ") {
		t.Fatalf("no progress in the status bar:\n%s", plain(m.View()))
	}
	if done, _ := st.DiffProgress(); done == 0 {
		t.Fatal("the first screen was drawn without diffing the events it shows")
	}
	if m.startDiffs() != nil {
		t.Fatal("a second background run started")
	}
	reports := 0
	for cmd != nil {
		msg := cmd()
		if _, ok := msg.(diffsMsg); !ok {
			t.Fatalf("unexpected message %T", msg)
		}
		reports++
		_, cmd = m.Update(msg)
	}
	if done, total := st.DiffProgress(); done != total {
		t.Fatalf("after the background run: %d of %d events diffed", done, total)
	}
	view := plain(m.View())
	if strings.Contains(view, "diffing ") {
		t.Fatalf("progress still shown when done:\n%s", view)
	}
	whole := New(story.Build(benchdata.Generate(benchdata.Config{Bytes: benchdata.KB100, Articles: 2, Seed: benchdata.Seed}).Corpus, story.DefaultOptions()), Options{Renderer: pinned(0)})
	if _, cmd := whole.Update(tea.WindowSizeMsg{Width: 160, Height: 40}); cmd != nil {
		t.Fatal("background work for a story built whole")
	}
	if got, want := view, plain(whole.View()); got != want {
		t.Fatalf("screen after background diffs:\n%s\nwant (built whole):\n%s", got, want)
	}
	t.Logf("%d progress reports", reports)
}

// BenchmarkOpenStory is what a reader waits for before the first frame of
// a synthetic story of two articles of each size: alignment without diffs
// (story.Options.DeferDiffs), the reader's first size message, which lays
// out and diffs the rows on screen, and the first frame. The remaining
// diffs run afterwards in the background and are not timed.
func BenchmarkOpenStory(b *testing.B) {
	for _, sz := range []struct {
		name  string
		bytes int
	}{{"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}} {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			opt := story.DefaultOptions()
			opt.DeferDiffs = true
			b.ReportAllocs()
			for b.Loop() {
				st := story.Build(cs, opt)
				m := New(st, Options{Renderer: pinned(0)})
				m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
				_ = m.View()
			}
		})
	}
}
