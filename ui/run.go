package ui

import (
	"errors"
	"os"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/term"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/story"
)

// ErrInterrupted reports that the reader was left with ctrl+c.
var ErrInterrupted = errors.New("interrupted")

// Run shows st in the full-screen reader on the terminal until the user
// quits. The terminal is restored however the reader ends.
func Run(st *story.Story, opt Options) error {
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
	m := New(st, opt)
	popts := []tea.ProgramOption{tea.WithAltScreen(), tea.WithMouseCellMotion()}
	if !term.IsTerminal(os.Stdin.Fd()) {
		popts = append(popts, tea.WithInputTTY())
	}
	if _, err := tea.NewProgram(m, popts...).Run(); err != nil {
		return err
	}
	if m.Interrupted {
		return ErrInterrupted
	}
	return nil
}
