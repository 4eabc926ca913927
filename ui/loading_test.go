package ui

import (
	"errors"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestLoadingHandsOverToTheReader checks the loading screen's text, and
// that the story's arrival replaces it with the reader at the same size.
func TestLoadingHandsOverToTheReader(t *testing.T) {
	st := seed(t)
	l := NewLoading(func() (*story.Story, error) { return st, nil }, "north-korea-russia",
		[]string{"translated report", "Washington Examiner"}, 20<<20+300<<10, Options{Renderer: pinned(termenv.Ascii)})
	if v := l.View(); v != "" {
		t.Errorf("before the terminal's size is known the screen is %q, want nothing", v)
	}
	l.Update(tea.WindowSizeMsg{Width: 120, Height: 30})
	v := l.View()
	for _, want := range []string{"synoptic · north-korea-russia · translated report, Washington Examiner",
		"aligning 2 articles (20.3 MB of text) … 0.0 s", "q quits"} {
		if !strings.Contains(v, want) {
			t.Errorf("loading screen lacks %q:\n%s", want, v)
		}
	}
	l.Update(loadTickMsg(l.start.Add(1500 * time.Millisecond)))
	if v := l.View(); !strings.Contains(v, "… 1.5 s") {
		t.Errorf("after 1.5 s the loading screen says:\n%s", v)
	}
	next, _ := l.Update(builtMsg{st: st})
	m, ok := next.(*Model)
	if !ok || l.Reader != m {
		t.Fatalf("the built story gave %T (reader %p), want the reader", next, l.Reader)
	}
	if m.w != 120 || m.h != 30 {
		t.Errorf("the reader starts at %dx%d, want the loading screen's 120x30", m.w, m.h)
	}
	if sb := statusLine(m); !strings.Contains(sb, "shown") {
		t.Errorf("the reader's status bar after the hand-over: %q", sb)
	}
	checkFits(t, m.View(), 120, 30)
}

// TestLoadingFailsAndQuits checks that a failed build ends the program
// with its error, and that q and ctrl+c leave before the story is ready.
func TestLoadingFailsAndQuits(t *testing.T) {
	boom := errors.New("b.txt: not text")
	l := NewLoading(nil, "s", []string{"a", "b"}, 10, Options{Renderer: pinned(termenv.Ascii)})
	if _, cmd := l.Update(builtMsg{err: boom}); cmd == nil || !errors.Is(l.Err, boom) || l.Reader != nil {
		t.Errorf("a failed build: err %v, reader %v, quit %v", l.Err, l.Reader, cmd != nil)
	}
	for key, interrupted := range map[string]bool{"q": false, "ctrl+c": true} {
		l := NewLoading(nil, "s", []string{"a", "b"}, 10, Options{Renderer: pinned(termenv.Ascii)})
		msg := tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune(key)}
		if key == "ctrl+c" {
			msg = tea.KeyMsg{Type: tea.KeyCtrlC}
		}
		if _, cmd := l.Update(msg); cmd == nil || cmd() != tea.Quit() || l.Interrupted != interrupted {
			t.Errorf("%s: quit %v, interrupted %v", key, cmd != nil, l.Interrupted)
		}
	}
}

// TestLoadingFitsAndIsSafe checks the loading screen at every small size,
// and that names from the files never reach the terminal as controls.
func TestLoadingFitsAndIsSafe(t *testing.T) {
	l := NewLoading(nil, "evil\x1b[2J", []string{"\x1b]0;title\x07Outlet", strings.Repeat("Long Name ", 30)}, 5<<20,
		Options{Renderer: pinned(termenv.ANSI256)})
	for w := 1; w <= 90; w += 7 {
		for h := 1; h <= 6; h++ {
			l.Update(tea.WindowSizeMsg{Width: w, Height: h})
			v := l.View()
			checkFits(t, v, w, h)
			if p := plain(v); strings.ContainsAny(p, "\x1b\x07") {
				t.Fatalf("%dx%d: a control character reached the screen: %q", w, h, p)
			}
		}
	}
}

// TestLoadingProgram runs the loading screen as a program: it shows while
// the story is built, and the reader follows on its own.
func TestLoadingProgram(t *testing.T) {
	st := seed(t)
	release := make(chan struct{})
	l := NewLoading(func() (*story.Story, error) { <-release; return st, nil }, "north-korea-russia",
		[]string{"translated report", "Washington Examiner"}, 2<<20, Options{Renderer: pinned(termenv.Ascii)})
	tm := teatest.NewTestModel(t, l, teatest.WithInitialTermSize(160, 45))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "aligning 2 articles") },
		teatest.WithDuration(5*time.Second))
	close(release)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return statusRE.Match(b) }, teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if _, ok := tm.FinalModel(t).(*Model); !ok || l.Reader == nil {
		t.Errorf("the program ended on %T, want the reader", tm.FinalModel(t))
	}
}

// TestLoadingSaysHowFar checks that the loading screen counts the articles
// read while the build reports them, then says it aligns them.
func TestLoadingSaysHowFar(t *testing.T) {
	l := NewLoading(nil, "s", []string{"a", "b", "c"}, 3<<10, Options{Renderer: pinned(termenv.Ascii)})
	var read atomic.Int64
	l.read = &read
	l.Update(tea.WindowSizeMsg{Width: 100, Height: 10})
	for n, want := range []string{"reading articles: 0 of 3 (3 KB of text)", "reading articles: 1 of 3", "reading articles: 2 of 3", "aligning 3 articles (3 KB of text)"} {
		read.Store(int64(n))
		if v := l.View(); !strings.Contains(v, want) {
			t.Errorf("%d read: the loading screen lacks %q:\n%s", n, want, v)
		}
	}
}
