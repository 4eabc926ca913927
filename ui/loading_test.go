package ui

import (
	"errors"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
)

// TestLoadingHandsOverToTheReader checks the loading screen's text, and
// that the story's arrival replaces it with the reader at the same size.
func TestLoadingHandsOverToTheReader(t *testing.T) {
	st := seed(t)
	p := &Progress{}
	p.Read("north-korea-russia", []string{"translated report", "Washington Examiner"}, 20<<20+300<<10)
	p.Segmented(2, 2)
	l := NewLoading(func() builtMsg { return builtMsg{st: st} }, p, "a.txt b.txt", Options{Renderer: pinned(termenv.Ascii)})
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
	next, _ := l.Update(builtMsg{st: st, opt: Options{Warning: "skipped c.txt"}})
	m, ok := next.(*Model)
	if !ok || l.Reader != m {
		t.Fatalf("the built story gave %T (reader %p), want the reader", next, l.Reader)
	}
	if m.w != 120 || m.h != 30 {
		t.Errorf("the reader starts at %dx%d, want the loading screen's 120x30", m.w, m.h)
	}
	if sb := statusLine(m); !strings.Contains(sb, "shown") || !strings.Contains(sb, "skipped c.txt") {
		t.Errorf("the reader's status bar after the hand-over: %q", sb)
	}
	checkFits(t, m.View(), 120, 30)
}

// TestLoadingFailsAndQuits checks that a failed build ends the program
// with its error, and that q and ctrl+c leave before the story is ready.
func TestLoadingFailsAndQuits(t *testing.T) {
	boom := errors.New("b.txt: not text")
	l := NewLoading(nil, &Progress{}, "s", Options{Renderer: pinned(termenv.Ascii)})
	if _, cmd := l.Update(builtMsg{err: boom}); cmd == nil || !errors.Is(l.Err, boom) || l.Reader != nil {
		t.Errorf("a failed build: err %v, reader %v, quit %v", l.Err, l.Reader, cmd != nil)
	}
	for key, interrupted := range map[string]bool{"q": false, "ctrl+c": true} {
		l := NewLoading(nil, &Progress{}, "s", Options{Renderer: pinned(termenv.Ascii)})
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
	p := &Progress{}
	l := NewLoading(nil, p, "evil\x1b[2J.txt", Options{Renderer: pinned(termenv.ANSI256)})
	for _, read := range []bool{false, true} {
		if read {
			p.Read("evil\x1b[2J", []string{"\x1b]0;title\x07Outlet", strings.Repeat("Long Name ", 30)}, 5<<20)
		}
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
}

// TestLoadingProgram runs the loading screen as a program: it shows while
// the story is built, and the reader follows on its own.
func TestLoadingProgram(t *testing.T) {
	st := seed(t)
	release := make(chan struct{})
	p := &Progress{}
	p.Read("north-korea-russia", []string{"translated report", "Washington Examiner"}, 2<<20)
	p.Segmented(2, 2)
	l := NewLoading(func() builtMsg { <-release; return builtMsg{st: st} }, p, "a b", Options{Renderer: pinned(termenv.Ascii)})
	tm := teatest.NewTestModel(t, l, teatest.WithInitialTermSize(160, 45))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "aligning 2 articles") },
		teatest.WithDuration(5*time.Second))
	// the screen follows the aligner's count as it ticks
	p.Aligned(2, 3)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return strings.Contains(string(b), "aligning: 2 of 3 article pairs") },
		teatest.WithDuration(5*time.Second))
	close(release)
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool { return statusRE.Match(b) }, teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	if _, ok := tm.FinalModel(t).(*Model); !ok || l.Reader == nil {
		t.Errorf("the program ended on %T, want the reader", tm.FinalModel(t))
	}
}

// TestLoadingSaysHowFar checks that the loading screen follows the build:
// the files read, then the articles split into paragraphs, then the
// alignment, and the story's name once it is known.
func TestLoadingSaysHowFar(t *testing.T) {
	p := &Progress{}
	l := NewLoading(nil, p, "a.txt folder/", Options{Renderer: pinned(termenv.Ascii)})
	l.Update(tea.WindowSizeMsg{Width: 100, Height: 10})
	steps := []struct {
		report func()
		want   []string
	}{
		{func() {}, []string{"synoptic · a.txt folder/", " reading … 0.0 s"}},
		{func() { p.Reading(0, 2) }, []string{"reading files: 0 of 2"}},
		{func() { p.Reading(1, 4) }, []string{"reading files: 1 of 4"}},
		// a report that arrives late takes nothing back
		{func() { p.Reading(3, 4); p.Reading(2, 4) }, []string{"reading files: 3 of 4"}},
		{func() { p.Read("the story", []string{"a", "b", "c"}, 3<<10) },
			[]string{"synoptic · the story · a, b, c", "splitting articles into paragraphs: 0 of 3 (3 KB of text)"}},
		{func() { p.Segmented(2, 3); p.Segmented(1, 3) }, []string{"splitting articles into paragraphs: 2 of 3"}},
		{func() { p.Segmented(3, 3) }, []string{"aligning 3 articles (3 KB of text)"}},
		{func() { p.Aligned(1, 3) }, []string{"aligning: 1 of 3 article pairs (3 KB of text)"}},
		{func() { p.Aligned(2, 3); p.Aligned(1, 3) }, []string{"aligning: 2 of 3 article pairs (3 KB"}},
		{func() { p.Aligned(3, 3) }, []string{"aligning: 3 of 3 article pairs, making events (3 KB of text)"}},
	}
	for i, s := range steps {
		s.report()
		v := l.View()
		for _, want := range s.want {
			if !strings.Contains(v, want) {
				t.Errorf("step %d: the loading screen lacks %q:\n%s", i, want, v)
			}
		}
	}
}

// TestLoadingCountsPairs checks the count of pairs on the loading screen
// as fifty outlets make it: thousands set apart, and never past the
// number of pairs.
func TestLoadingCountsPairs(t *testing.T) {
	p := &Progress{}
	l := NewLoading(nil, p, "folder/", Options{Renderer: pinned(termenv.Ascii)})
	l.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	p.Read("s50", make([]string, 50), 1100<<10)
	p.Segmented(50, 50)
	for _, c := range []struct {
		compared int
		want     string
	}{
		{0, " aligning: 0 of 1,225 article pairs (1.1 MB of text)"},
		{312, " aligning: 312 of 1,225 article pairs (1.1 MB of text)"},
		{1225, " aligning: 1,225 of 1,225 article pairs, making events (1.1 MB of text)"},
	} {
		p.Aligned(c.compared, 1225)
		if lines := strings.Split(l.View(), "\n"); len(lines) < 3 || !strings.HasPrefix(lines[2], c.want+" … ") {
			t.Errorf("%d compared: the loading screen says\n%s\nwant its third line to start %q", c.compared, l.View(), c.want)
		}
	}
	// two articles: nothing to count
	q := &Progress{}
	q.Read("s2", make([]string, 2), 20<<20)
	q.Segmented(2, 2)
	q.Aligned(0, 1)
	l = NewLoading(nil, q, "a b", Options{Renderer: pinned(termenv.Ascii)})
	l.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	if v := l.View(); !strings.Contains(v, " aligning 2 articles (20.0 MB of text) … ") {
		t.Errorf("the pair of two articles counted:\n%s", v)
	}
	for n, want := range map[int]string{0: "0", 7: "7", 999: "999", 1000: "1,000", 1225: "1,225",
		123456: "123,456", 1234567: "1,234,567", -1234: "-1,234"} {
		if got := thousands(n); got != want {
			t.Errorf("thousands(%d) = %q, want %q", n, got, want)
		}
	}
}
