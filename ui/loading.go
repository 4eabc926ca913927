package ui

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// Loading is the reader's first screen while a story that is not ready
// within LoadingAfter is read and aligned (a second or so at ten megabytes a
// side, or for fifty outlets, and as long as a slow web address takes): the
// terminal says at once what is being read, how far it has come and how
// long it has taken, instead of staying blank, and the reader replaces it
// as soon as the story is ready. q or ctrl+c leave.
type Loading struct {
	build func() builtMsg
	opt   Options
	what  string // what was asked for, until the story's name is known
	p     *Progress
	start time.Time
	now   time.Time
	w, h  int
	faint lipgloss.Style

	// Err is what build returned, when it failed.
	Err error
	// Interrupted is set when the user left before the story was ready.
	Interrupted bool
	// Reader is the reader that replaced the loading screen, once it has.
	Reader *Model
}

// Progress is how far the build of a story has come: the build reports to
// it, from any goroutine, and the loading screen reads it. A report older
// than one already made (calls may arrive out of order) changes nothing.
type Progress struct {
	mu                  sync.Mutex
	filesRead, files    int
	read                bool // the articles are read: the fields below are set
	name                string
	titles              []string
	bytes               int
	segmented, articles int
	compared, pairs     int
}

// Reading reports that read of the files known so far are read.
func (p *Progress) Reading(read, files int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.filesRead, p.files = max(p.filesRead, read), max(p.files, files)
}

// Read reports that the articles are read: the story's name, the articles'
// names as the header will show them, and their bytes of text.
func (p *Progress) Read(name string, titles []string, bytes int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.read, p.name, p.titles, p.bytes = true, name, titles, bytes
}

// Segmented reports that done of the articles are split into blocks.
func (p *Progress) Segmented(done, articles int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.segmented, p.articles = max(p.segmented, done), articles
}

// Aligned reports that compared of the story's pairs of articles are
// compared by the aligner (see align.Options.Progress).
func (p *Progress) Aligned(compared, pairs int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.compared, p.pairs = max(p.compared, compared), pairs
}

// progressState is a copy of a Progress, read at once.
type progressState struct {
	filesRead, files    int
	read                bool
	name                string
	titles              []string
	bytes               int
	segmented, articles int
	compared, pairs     int
}

func (p *Progress) state() progressState {
	p.mu.Lock()
	defer p.mu.Unlock()
	return progressState{p.filesRead, p.files, p.read, p.name, p.titles, p.bytes, p.segmented, p.articles,
		p.compared, p.pairs}
}

// builtMsg is the story build made with the reader's options for it, or
// why it could not.
type builtMsg struct {
	st  *story.Story
	opt Options
	err error
}

// loadTickMsg redraws the elapsed time.
type loadTickMsg time.Time

// NewLoading returns the loading screen of a story that build makes,
// reporting to p; what names what was asked for (the paths) until the
// story's own name is known. The reader that replaces it gets opt with the
// options build returns (see Build).
func NewLoading(build func() builtMsg, p *Progress, what string, opt Options) *Loading {
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	now := time.Now()
	return &Loading{build: build, p: p, what: what, opt: opt, start: now, now: now,
		faint: r.NewStyle().Faint(true)}
}

func loadTick() tea.Cmd {
	return tea.Tick(100*time.Millisecond, func(t time.Time) tea.Msg { return loadTickMsg(t) })
}

// Init waits for the build.
func (l *Loading) Init() tea.Cmd {
	return tea.Batch(func() tea.Msg { return l.build() }, loadTick())
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
		m := New(msg.st, msg.opt.onTerminal(l.opt))
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
	s := l.state()
	head := " synoptic · " + textsafe.VisibleLine(l.what)
	if s.read {
		names := make([]string, len(s.titles))
		for i, t := range s.titles {
			names[i] = textsafe.VisibleLine(t)
		}
		head = " synoptic · " + textsafe.VisibleLine(s.name) + " · " + strings.Join(names, ", ")
	}
	lines := []string{
		head,
		"",
		doing(s) + fmt.Sprintf(" … %.1f s", l.now.Sub(l.start).Seconds()),
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

func (l *Loading) state() progressState {
	if l.p == nil {
		return progressState{}
	}
	return l.p.state()
}

// doing says what the build is at: reading the files, splitting the
// articles into blocks, then aligning them, as far as it says: the pairs
// of articles compared, then the events made of them.
func doing(s progressState) string {
	switch {
	case !s.read && s.files > 0:
		return fmt.Sprintf(" reading files: %d of %d", min(s.filesRead, s.files), s.files)
	case !s.read:
		return " reading"
	case s.segmented < len(s.titles):
		return fmt.Sprintf(" splitting articles into paragraphs: %d of %d (%s of text)", s.segmented, len(s.titles), sizeText(s.bytes))
	case s.pairs < 2:
		// two articles make one pair: "0 of 1" would say nothing more
		return fmt.Sprintf(" aligning %d articles (%s of text)", len(s.titles), sizeText(s.bytes))
	}
	doing := fmt.Sprintf(" aligning: %s of %s article pairs", thousands(min(s.compared, s.pairs)), thousands(s.pairs))
	if s.compared >= s.pairs {
		doing += ", making events"
	}
	return doing + fmt.Sprintf(" (%s of text)", sizeText(s.bytes))
}

// thousands is n with its thousands set apart: "1,225".
func thousands(n int) string {
	s := strconv.Itoa(n)
	for i := len(s) - 3; i > 0 && s[i-1] != '-'; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
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
