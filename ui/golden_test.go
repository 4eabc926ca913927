package ui

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/x/exp/golden"
	"github.com/charmbracelet/x/exp/teatest"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// Golden screens of the hand-built fixture story, 256 colours on a dark
// background, pinned. Run
// go test ./ui -run Golden -update to rewrite them after a deliberate change.
func TestGoldenView(t *testing.T) {
	cases := []struct {
		name string
		w, h int
		keys []string
		edit func(*story.Story)
	}{
		{"160x45", 160, 45, nil, nil},
		{"160x45-changed-search", 160, 45, []string{"n", "/", "c", "a", "b", "l", "e", "s", "enter"}, nil},
		{"80x24-stacked", 80, 24, []string{"n"}, nil},
		{"90x40-stacked-header", 90, 40, nil, nil},
		{"20x6", 20, 6, nil, nil},
		{"120x40-help", 120, 40, []string{"?"}, nil},
		{"120x30-pick", 120, 30, []string{"A", "down", "down", "enter"}, nil},
		{"100x30-single-furniture", 100, 30, []string{"f", "f", "B"}, nil},
		{"100x30-furniture", 100, 30, []string{"B"}, nil},
		{"120x30-join-pending", 120, 30, []string{"n", "a"}, nil},
		{"120x30-note-pinned", 120, 30, []string{"o"}, func(st *story.Story) {
			st.Events[1].Note = "Six or eight weeks? Ask the council \x1b[2J before we run it."
			st.Events[1].Pinned = true
			st.Events[5].Split = true
		}},
		{"100x24-matrix", 100, 24, []string{"m", "j"}, nil},
		{"40x8-matrix", 40, 8, []string{"m", "G"}, nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := fixture()
			if c.edit != nil {
				c.edit(st)
			}
			m := newModel(t, st, c.w, c.h)
			m.exp.now = func() time.Time { return time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC) }
			press(m, c.keys...)
			v := m.View()
			checkFits(t, v, c.w, c.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

// TestGoldenWholeStory: the quote check and the matrix of the four-outlet
// test story, whose quotations differ in wording and speaker.
func TestGoldenWholeStory(t *testing.T) {
	for _, c := range []struct {
		name string
		w, h int
		keys []string
	}{
		{"100x30-quotes", 100, 30, []string{"Q", "j"}},
		{"100x30-matrix", 100, 30, []string{"m", "j", "j"}},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := newModel(t, kestrel(t), c.w, c.h)
			press(m, c.keys...)
			v := m.View()
			checkFits(t, v, c.w, c.h)
			golden.RequireEqual(t, []byte(v))
		})
	}
}

func TestGoldenANSI(t *testing.T) {
	for _, c := range []struct {
		name  string
		width int
		only  view.Filter
	}{{"120", 120, view.FilterAll}, {"72-changed", 72, view.FilterChanged}} {
		t.Run(c.name, func(t *testing.T) {
			var buf bytes.Buffer
			opt := export.DefaultOptions()
			opt.Width, opt.Only = c.width, c.only
			if err := WriteANSI(&buf, fixture(), opt); err != nil {
				t.Fatal(err)
			}
			out := buf.String()
			for i, ln := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
				checkFits(t, ln, c.width, 1)
				if strings.Contains(plain(ln), "▸") {
					t.Fatalf("line %d has a cursor: %q", i, plain(ln))
				}
			}
			if strings.Contains(out, "38;5;") || !strings.Contains(out, "\x1b[") {
				t.Errorf("not 16-colour ANSI")
			}
			if !strings.Contains(plain(out), "corroded") || !strings.Contains(plain(out), "worn") {
				t.Errorf("the changed event is missing")
			}
			golden.RequireEqual(t, buf.Bytes())
		})
	}
}

var statusRE = regexp.MustCompile(`event \d+ · \d+/\d+ shown ·`)

// TestProgram runs the reader as a Bubble Tea program: keys in, screen out.
func TestProgram(t *testing.T) {
	m := New(seed(t), Options{Renderer: pinned(termenv.Ascii)})
	tm := teatest.NewTestModel(t, m, teatest.WithInitialTermSize(160, 45))
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return statusRE.Match(b)
	}, teatest.WithDuration(5*time.Second))
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'N'}})
	tm.Type("/absolute")
	tm.Send(tea.KeyMsg{Type: tea.KeyEnter})
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains(b, []byte("/absolute 1/1")) && bytes.Contains(b, []byte("sacred"))
	}, teatest.WithDuration(5*time.Second))
	tm.Send(tea.WindowSizeMsg{Width: 1, Height: 1})
	tm.Send(tea.WindowSizeMsg{Width: 90, Height: 30})
	tm.Send(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{'q'}})
	tm.WaitFinished(t, teatest.WithFinalTimeout(5*time.Second))
	fm := tm.FinalModel(t).(*Model)
	if fm.body.cur != absoluteEvent(t, fm.st) || fm.Interrupted {
		t.Fatalf("final: event %d, interrupted %v", fm.body.cur+1, fm.Interrupted)
	}
	checkFits(t, fm.View(), 90, 30)
}
