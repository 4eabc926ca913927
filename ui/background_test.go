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

// TestBigStoryWaitsForItsFirstLayout: a story laid out in the background
// starts its word diffs and whole-story checks only once that layout is
// in, so that they do not take the processors from the first screen.
func TestBigStoryWaitsForItsFirstLayout(t *testing.T) {
	st := deferredStory(160 << 10)
	m := New(st, Options{Renderer: pinned(0)})
	if !m.big || m.checks != nil {
		t.Fatalf("a %d-byte story: laid out in the background %v, checked at once %v", storyBytes(st), m.big, m.checks != nil)
	}
	if cmd := m.Init(); cmd != nil {
		t.Errorf("Init starts %T before the first layout", cmd())
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 160, Height: 40})
	if first, total := st.DiffProgress(); first == 0 || first == total {
		t.Fatalf("the first screen: %d of %d events diffed", first, total)
	}
	msgs := runCmds(cmd)
	if len(msgs) != 1 {
		t.Fatalf("the first size starts %d commands (%v), want the layout alone", len(msgs), msgs)
	}
	layout, ok := msgs[0].(layoutMsg)
	if !ok {
		t.Fatalf("the first size starts %T, want the layout", msgs[0])
	}
	_, cmd = m.Update(layout)
	var diffs, checks bool
	for _, msg := range runCmds(cmd) {
		switch msg.(type) {
		case diffsMsg:
			diffs = true
		case checksMsg:
			checks = true
		}
	}
	if !diffs || !checks {
		t.Errorf("once the layout is in: word diffs started %v, checks %v", diffs, checks)
	}
	if _, cmd = m.Update(layout); cmd != nil {
		t.Errorf("a second layout starts %T again", cmd())
	}
}

// runCmds runs cmd and the commands of the batches it returns, and
// returns their messages.
func runCmds(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	msg := cmd()
	batch, ok := msg.(tea.BatchMsg)
	if !ok {
		return []tea.Msg{msg}
	}
	var msgs []tea.Msg
	for _, c := range batch {
		msgs = append(msgs, runCmds(c)...)
	}
	return msgs
}
