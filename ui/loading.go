package ui

import (
	"fmt"
	"strings"
	"sync/atomic"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// Loading is the reader's first screen while a story that is not ready
// within LoadingAfter is read and aligned (a second or so at ten megabytes a
// side, or for fifty outlets): the terminal says at once what is being read,
// how far it has come and how long it has taken, instead of staying blank,
// and the reader replaces it as soon as the story is ready. q or ctrl+c
// leave.
type Loading struct {
	build  func() (*story.Story, error)
	opt    Options
	name   string   // the story's
	titles []string // the articles' names, as the header will show them
	bytes  int
	read   *atomic.Int64 // articles read so far, when the build says
	start  time.Time
	now    time.Time
	w, h   int
	faint  lipgloss.Style

	// Err is what build returned, when it failed.
	Err error
	// Interrupted is set when the user left before the story was ready.
	Interrupted bool
	// Reader is the reader that replaced the loading screen, once it has.
	Reader *Model
}

// builtMsg is the story build made, or why it could not.
type builtMsg struct {
	st  *story.Story
	err error
}

// loadTickMsg redraws the elapsed time.
type loadTickMsg time.Time

// NewLoading returns the loading screen of the story name, of the named
// articles and bytes of text, which build makes.
func NewLoading(build func() (*story.Story, error), name string, titles []string, bytes int, opt Options) *Loading {
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	now := time.Now()
	return &Loading{build: build, opt: opt, name: name, titles: titles, bytes: bytes, start: now, now: now,
		faint: r.NewStyle().Faint(true)}
}

func loadTick() tea.Cmd {
	return tea.Tick(100*time.Millisecond, func(t time.Time) tea.Msg { return loadTickMsg(t) })
}

// Init starts the build.
func (l *Loading) Init() tea.Cmd {
	build := l.build
	return tea.Batch(func() tea.Msg {
		st, err := build()
		return builtMsg{st, err}
	}, loadTick())
}

// Update waits for the story, then hands over to the reader.
func (l *Loading) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		l.w, l.h = max(0, msg.Width), max(0, msg.Height)
	case tea.KeyMsg:
		switch msg.String() {
		case "ctrl+c":
			l.Interrupted = true
			return l, tea.Quit
		case "q", "esc":
			return l, tea.Quit
		}
	case loadTickMsg:
		l.now = time.Time(msg)
		return l, loadTick()
	case builtMsg:
		if msg.err != nil {
			l.Err = msg.err
			return l, tea.Quit
		}
		m := New(msg.st, l.opt)
		l.Reader = m
		cmds := []tea.Cmd{m.Init()}
		if l.w > 0 || l.h > 0 {
			_, c := m.Update(tea.WindowSizeMsg{Width: l.w, Height: l.h})
			cmds = append(cmds, c)
		}
		return m, tea.Batch(cmds...)
	}
	return l, nil
}

// View is the story's name, what is being done, and for how long.
func (l *Loading) View() string {
	if l.w <= 0 || l.h <= 0 {
		return ""
	}
	names := make([]string, len(l.titles))
	for i, t := range l.titles {
		names[i] = textsafe.VisibleLine(t)
	}
	lines := []string{
		" synoptic · " + textsafe.VisibleLine(l.name) + " · " + strings.Join(names, ", "),
		"",
		l.doing() + fmt.Sprintf(" (%s of text) … %.1f s", sizeText(l.bytes), l.now.Sub(l.start).Seconds()),
		l.faint.Render(" the story opens when its events are aligned · q quits"),
	}
	for i, ln := range lines {
		lines[i] = ansi.Truncate(ln, l.w, "…")
	}
	if len(lines) > l.h {
		lines = lines[:l.h]
	}
	return strings.Join(lines, "\n")
}

// doing says what the build is at: reading the articles, as far as it
// says, then aligning them.
func (l *Loading) doing() string {
	if l.read != nil {
		if n := int(l.read.Load()); n < len(l.titles) {
			return fmt.Sprintf(" reading articles: %d of %d", n, len(l.titles))
		}
	}
	return fmt.Sprintf(" aligning %d articles", len(l.titles))
}

// sizeText is n bytes for a reader: "980 KB", "20.5 MB".
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
