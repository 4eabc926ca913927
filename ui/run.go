package ui

import (
	"errors"
	"fmt"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// ErrInterrupted reports that the reader was left with ctrl+c.
var ErrInterrupted = errors.New("interrupted")

// Run shows st in the full-screen reader on the terminal until the user
// quits. The terminal is restored however the reader ends.
func Run(st *story.Story, opt Options) error {
	opt = terminalOptions(opt)
	m := New(st, opt)
	_, err := runProgram(m)
	reportEdits(m, opt)
	if err != nil {
		return err
	}
	if m.Interrupted {
		return ErrInterrupted
	}
	return nil
}

// RunBuild is Run for a story that build has still to make: the loading
// screen shows at once and the reader follows when the story is ready (see
// Loading). It returns build's error, if any, once the terminal is restored.
func RunBuild(build func() (*story.Story, error), name string, titles []string, bytes int, opt Options) error {
	// The build starts before the terminal is set up: asking the terminal
	// for its background is a round trip, long over a remote link.
	done := make(chan builtMsg, 1)
	go func() {
		st, err := build()
		done <- builtMsg{st, err}
	}()
	opt = terminalOptions(opt)
	l := NewLoading(func() (*story.Story, error) {
		m := <-done
		return m.st, m.err
	}, name, titles, bytes, opt)
	_, err := runProgram(l)
	if l.Reader != nil {
		reportEdits(l.Reader, opt)
	}
	if err != nil {
		return err
	}
	switch {
	case l.Err != nil:
		return l.Err
	case l.Interrupted, l.Reader != nil && l.Reader.Interrupted:
		return ErrInterrupted
	}
	return nil
}

// reportEdits tells opt.Stderr, under the restored terminal, what became
// of edits the reader could not save to the review file.
func reportEdits(m *Model, opt Options) {
	if r := m.EditsReport(); r != "" && opt.Stderr != nil {
		fmt.Fprintf(opt.Stderr, "synoptic: %s\n", textsafe.VisibleLine(r))
	}
}

// terminalOptions settles the renderer of a reader on the terminal.
func terminalOptions(opt Options) Options {
	if opt.Renderer == nil {
		// The reader only runs on a terminal, so the colour profile comes
		// from TERM/COLORTERM alone; termenv's guess that a CI variable
		// means "not a terminal" would turn the highlighting off.
		opt.Renderer = lipgloss.NewRenderer(os.Stdout, termenv.WithTTY(term.IsTerminal(os.Stdout.Fd())))
	}
	if opt.NoColor && os.Getenv("TERM") != "dumb" {
		// NO_COLOR asks for no colour, not for no attributes: keep bold and
		// underline, which tell left-only from right-only words.
		opt.Renderer.SetColorProfile(termenv.ANSI)
	}
	// Ask the terminal for its background now: once the program owns the
	// input, the answer would arrive as keystrokes.
	opt.Renderer.HasDarkBackground()
	opt.Renderer.ColorProfile()
	return opt
}

// runProgram runs m full screen with the mouse on, reading keys from the
// terminal even when standard input is not one.
func runProgram(m tea.Model) (tea.Model, error) {
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion()}
	if !term.IsTerminal(os.Stdin.Fd()) {
		popts = append(popts, tea.WithInputTTY())
	}
	return tea.NewProgram(m, popts...).Run()
}
