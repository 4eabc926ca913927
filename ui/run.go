package ui

import (
	"errors"
	"fmt"
	"os"
	"time"

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
	return runReader(st, terminalOptions(opt))
}

// runReader is Run once the terminal's options are settled.
func runReader(st *story.Story, opt Options) error {
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

// LoadingAfter is how long the reader waits for a story being built before
// it shows the loading screen: a story ready sooner (the built-in one, two
// short files) opens straight away, without a screen that would flash by,
// and a file that cannot be read is reported before the terminal is taken;
// any other story shows something at once, whatever its size and however
// long its files take to read. With the command's start before it and the
// terminal's after it, the loading screen is up within about 0.1 s.
const LoadingAfter = 50 * time.Millisecond

// Build makes the story the reader opens, reporting to p how far it has
// come, and returns it with the reader's options for it (the articles
// shown first, the review file, a warning); their Renderer, NoColor and
// Stderr are RunBuild's own.
type Build func(p *Progress) (*story.Story, Options, error)

// RunBuild is Run for a story that build has still to read and make: the
// reader opens on the story if build returns within LoadingAfter, and
// otherwise on the loading screen, which the reader replaces when the story
// is ready (see Loading); what names the story on that screen until build
// has read it. RunBuild returns build's error, if any, once the terminal is
// restored.
func RunBuild(build Build, what string, opt Options) error {
	// The build starts before the terminal is set up: asking the terminal
	// for its background is a round trip, long over a remote link.
	start := time.Now()
	p := &Progress{}
	done := make(chan builtMsg, 1)
	go func() {
		st, bopt, err := build(p)
		done <- builtMsg{st, bopt, err}
	}()
	opt = terminalOptions(opt)
	wait := time.NewTimer(max(0, LoadingAfter-time.Since(start)))
	defer wait.Stop()
	select {
	case m := <-done:
		if m.err != nil {
			return m.err
		}
		return runReader(m.st, m.opt.onTerminal(opt))
	case <-wait.C:
	}
	l := NewLoading(func() builtMsg { return <-done }, p, what, opt)
	l.start = start
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

// onTerminal is o with the terminal's settings of t: its renderer, whether
// to colour, and where to report.
func (o Options) onTerminal(t Options) Options {
	o.Renderer, o.NoColor, o.Stderr = t.Renderer, t.NoColor, t.Stderr
	return o
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
