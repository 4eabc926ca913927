// Package ui is the terminal reader: a Bubble Tea program that shows two
// articles of an aligned story side by side, event by event, with their
// wording differences highlighted. It also renders the same view as ANSI
// text for the "ansi" export. It never recomputes alignment or diffs: it
// lays out what internal/story built, once per width, and paints only the
// visible rows on each frame.
package ui

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"

	"github.com/charmbracelet/bubbles/help"
	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// Options configure the reader.
type Options struct {
	// Renderer decides the colour profile and the background; nil uses
	// Lip Gloss's default renderer.
	Renderer *lipgloss.Renderer
	// NoColor drops colours and keeps attributes (bold, underline…).
	NoColor bool
	// Left and Right are the articles shown first.
	Left, Right int
	// ReviewPath is the review file the editor's changes are saved to; the
	// story's review (story.Options.Review) is the one edited. When it is
	// "", edits apply to the view only and ReviewUnsaved says why.
	ReviewPath    string
	ReviewUnsaved string
	// Stderr, when set, is told after the reader ends what became of
	// edits that could not be saved to ReviewPath (see EditsReport).
	Stderr io.Writer
	// Warning, when set, is the status bar's first message (such as a
	// review file that could not be read).
	Warning string
}

// mode is what the keyboard currently drives.
type mode uint8

const (
	modeRead mode = iota
	modeSearch
	modeExport
	modePick
	modeNote
	modeQuit   // asking whether to quit with edits not saved
	modeSaveAs // the path prompt of saving the edits elsewhere
	modeMatrix // the coverage matrix
	modeQuotes // the quote check
)

// Model is the reader. Only Model implements tea.Model; the body, the
// prompts and the picker are parts it sizes and routes messages to.
type Model struct {
	st     *story.Story
	styles Styles
	pal    *palette
	keys   KeyMap
	help   help.Model
	body   *body

	w, h  int
	sized bool
	mode  mode

	search textinput.Model
	exp    exportPrompt
	pick   picker
	ed     editor

	hdr headerMode // the header's form, chosen at each change of size or mode

	// drawn is the chrome drawn for the current size and state
	drawn drawn

	status    string
	statusErr bool

	// big stories are laid out off the event loop after a resize, so that
	// a burst of resizes costs one layout, not one per message.
	big       bool
	layoutGen int
	pending   bool // a background layout for layoutGen is running
	// held is the background work (checks, word diffs) of a big story's
	// first size, started when the layout for that size is in: started
	// beside it, it took the processors from that layout and from the
	// drawing of the first screen (half a second on fifty outlets of
	// 100 KB on two cores).
	held tea.Cmd

	diffs diffWork // word diffs a deferred build left out (background.go)

	hop hop // the last jump to a possible match (possible.go)

	// Interrupted is set when the reader was left with ctrl+c.
	Interrupted bool

	// the whole-story checks, their views and the summary under the header
	checks *insight.Report
	// checksStale asks Update to run the checks of a re-aligned big story.
	checksStale bool
	diffsStale  bool // the same for its word diffs
	mx          *matrixView
	qv          *quotesView
	sumSeq      seq
}

// New returns a reader for st.
func New(st *story.Story, opt Options) *Model {
	r := opt.Renderer
	if r == nil {
		r = lipgloss.DefaultRenderer()
	}
	l, rt := opt.Left, opt.Right
	if n := len(st.Articles); l < 0 || l >= n || rt < 0 || rt >= n || l == rt {
		l, rt = 0, min(1, max(0, n-1))
	}
	s := NewStyles(r, !opt.NoColor)
	m := &Model{st: st, styles: s, pal: newPalette(s), keys: DefaultKeyMap()}
	m.body = newBody(st, m.pal, l, rt)
	m.help = help.New()
	m.help.Styles = help.Styles{
		Ellipsis: s.Desc, ShortKey: s.Key, ShortDesc: s.Desc, ShortSeparator: s.Desc,
		FullKey: s.Key, FullDesc: s.Desc, FullSeparator: s.Desc,
	}
	m.search = newInput(r, "/")
	m.exp = newExportPrompt(st, r)
	m.pick = picker{st: st}
	m.big = storyBytes(st) > asyncBytes
	m.initEditor(opt, r)
	m.exp.review = opt.ReviewPath
	m.sumSeq = compile(s.Desc)
	if storyBytes(st) <= syncChecksBytes {
		m.setChecks(insight.Analyze(st)) // a bigger story's run in the background: see Init
	}
	m.updateKeys()
	return m
}

// asyncBytes is the story size from which a resize lays out in the
// background: about 20 ms of layout on a slow machine.
const asyncBytes = 256 << 10

// syncChecksBytes is the story size up to which the whole-story checks run
// before the first screen (tens of milliseconds); above it they run in the
// background and arrive a moment after the story opens.
const syncChecksBytes = 64 << 10

func storyBytes(st *story.Story) int {
	n := 0
	for _, a := range st.Articles {
		for _, b := range a.Blocks {
			n += len(b.Text)
		}
	}
	return n
}

// layoutMsg carries a layout made in the background for one generation.
type layoutMsg struct {
	gen   int
	g     geom
	l, r  int
	cache [][]row
}

func newInput(r *lipgloss.Renderer, prompt string) textinput.Model {
	ti := textinput.New()
	ti.Prompt = prompt
	ti.PromptStyle = r.NewStyle()
	ti.TextStyle = r.NewStyle()
	ti.PlaceholderStyle = r.NewStyle().Faint(true)
	ti.Cursor.Style = r.NewStyle().Reverse(true)
	ti.Cursor.TextStyle = r.NewStyle()
	ti.CharLimit = 512
	return ti
}

// Init starts the whole-story checks of a story above syncChecksBytes; a
// smaller story's are done already. A story laid out in the background
// starts them after its first screen.
func (m *Model) Init() tea.Cmd {
	switch {
	case m.checks == nil && m.big && !m.sized:
		m.held = tea.Batch(m.held, analyzeCmd(m.st))
	case m.checks == nil:
		return analyzeCmd(m.st)
	}
	return nil
}

// Update handles one message.
func (m *Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		m.w, m.h = max(0, msg.Width), max(0, msg.Height)
		m.help.Width = m.w
		if g := geometry(m.w); m.big && g != m.body.g {
			if !m.sized {
				// First screen: lay out what fills it now, the rest below.
				m.body.rowLimit = max(200, 3*m.h)
			}
			m.layoutGen++
			m.pending = true
			gen, st, l, r := m.layoutGen, m.st, m.body.l, m.body.r
			cmd = func() tea.Msg { return layoutMsg{gen: gen, g: g, l: l, r: r, cache: layoutAll(st, l, r, g)} }
		}
		if !m.sized {
			m.held = tea.Batch(m.held, m.startDiffs())
			if !m.pending { // laid out already: nothing to wait for
				cmd, m.held = tea.Batch(cmd, m.held), nil
			}
		}
		m.sized = true
	case layoutMsg:
		// Only the layout for the latest size and the current pair counts.
		if msg.gen == m.layoutGen {
			m.pending = false
			partial := m.body.rowLimit > 0
			m.body.rowLimit = 0
			switch {
			case msg.g == geometry(m.w) && msg.l == m.body.l && msg.r == m.body.r:
				m.body.install(msg.g, msg.cache)
			case partial:
				m.body.relayout() // the pair changed meanwhile: finish here
			}
			cmd, m.held = m.held, nil
		}
	case tea.KeyMsg:
		if msg.String() == "ctrl+c" {
			m.Interrupted = true
			return m, tea.Quit
		}
		if msg.Type == tea.KeyRunes && len(msg.Runes) > 1 && !msg.Paste {
			// Keys pressed faster than the terminal is read arrive as one
			// message ("nnn"): each is a key of its own.
			var cmds []tea.Cmd
			for _, r := range msg.Runes {
				cmds = append(cmds, m.handleKey(tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}, Alt: msg.Alt}))
				m.fit()
			}
			cmd = tea.Batch(cmds...)
			break
		}
		cmd = m.handleKey(msg)
	case checksMsg:
		if msg.st == m.st {
			m.setChecks(msg.r)
		}
	case tea.MouseMsg:
		if ov := m.overlay(); ov != nil && msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				ov.move(-1)
			case tea.MouseButtonWheelDown:
				ov.move(1)
			}
		}
		if m.mode == modeRead && msg.Action == tea.MouseActionPress {
			switch msg.Button {
			case tea.MouseButtonWheelUp:
				m.body.scroll(-3)
			case tea.MouseButtonWheelDown:
				m.body.scroll(3)
			}
		}
	case exportDoneMsg:
		m.exportDone(msg)
	case diffsMsg:
		cmd = m.onDiffs(msg)
	}
	if m.checksStale {
		// An edit re-aligned a big story: check it again off the event loop.
		m.checksStale = false
		cmd = tea.Batch(cmd, analyzeCmd(m.st))
	}
	if m.diffsStale {
		// The re-aligned story's new events are diffed in the background
		// (after the running work, if any: see onDiffs).
		m.diffsStale = false
		cmd = tea.Batch(cmd, m.startDiffs())
	}
	m.fit()
	return m, cmd
}

func (m *Model) setStatus(s string, isErr bool) { m.status, m.statusErr = s, isErr }

func (m *Model) handleKey(msg tea.KeyMsg) tea.Cmd {
	switch m.mode {
	case modeSearch:
		return m.searchKey(msg)
	case modeExport:
		cmd, done := m.exp.Update(msg, m.exportOptions())
		if done {
			m.mode = modeRead
			m.updateKeys()
		}
		return cmd
	case modeMatrix, modeQuotes:
		return m.overlayKey(msg)
	case modePick:
		return m.pickKey(msg)
	case modeNote:
		return m.noteKey(msg)
	case modeQuit:
		return m.quitKey(msg)
	case modeSaveAs:
		return m.saveAsKey(msg)
	}
	return m.readKey(msg)
}

// searchKey edits the search query: enter searches, esc leaves.
func (m *Model) searchKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEnter:
		m.mode = modeRead
		m.search.Blur()
		q := strings.TrimSpace(m.search.Value())
		if q == "" {
			q = m.body.query // / enter: the last search again
		}
		m.body.setQuery(q)
		m.searchStatus()
		m.updateKeys()
		return nil
	case tea.KeyEsc:
		m.mode = modeRead
		m.search.Blur()
		m.updateKeys()
		return nil
	}
	var cmd tea.Cmd
	m.search, cmd = m.search.Update(typed(msg))
	return cmd
}

// pickKey drives the picker of the two articles shown.
func (m *Model) pickKey(msg tea.KeyMsg) tea.Cmd {
	l, r, done, ok := m.pick.Update(msg)
	if done {
		m.mode = modeRead
		if ok {
			m.body.setPair(l, r)
			m.setStatus(fmt.Sprintf("showing %s and %s", view.Outlet(m.st, l), view.Outlet(m.st, r)), false)
		}
		m.updateKeys()
	}
	return nil
}

// readKey handles a key of the reading mode: an edit, a move through the
// story, or one that changes what is shown or opens a prompt or a list.
func (m *Model) readKey(msg tea.KeyMsg) tea.Cmd {
	k := m.keys
	m.status = ""
	// after coming back from a possible match, l takes the next one only
	// if nothing else was done meanwhile
	m.hop.back = m.hop.back && key.Matches(msg, k.Possible)
	if cmd, ok := m.editKey(msg); ok {
		return cmd
	}
	if m.moveKey(msg) {
		return nil
	}
	switch {
	case key.Matches(msg, k.Quit):
		return m.quit()
	case key.Matches(msg, k.Search):
		m.mode = modeSearch
		// A new query, not one appended to the last, which shows faint.
		m.search.SetValue("")
		m.search.Placeholder = m.body.query
		m.updateKeys()
		return m.search.Focus()
	case key.Matches(msg, k.NextMatch, k.PrevMatch):
		if m.body.query == "" {
			m.setStatus("no search: press / first", false)
			break
		}
		d := 1
		if key.Matches(msg, k.PrevMatch) {
			d = -1
		}
		m.body.stepMatch(d)
		m.searchStatus()
	case key.Matches(msg, k.ClearSearch):
		if m.help.ShowAll {
			// esc closes what is open first, as in the matrix
			m.help.ShowAll = false
		} else {
			m.body.setQuery("")
		}
		m.updateKeys()
	case key.Matches(msg, k.Possible):
		m.possible()
	case key.Matches(msg, k.Filter):
		m.body.setFilter(view.Filters[(int(m.body.filter)+1)%len(view.Filters)])
		m.setStatus("filter: "+filterDesc(m.body.filter), false)
	case key.Matches(msg, k.Boilerplate):
		m.body.setBoiler(!m.body.boiler) // the status bar says which
	case key.Matches(msg, k.Swap):
		m.body.setPair(m.body.r, m.body.l)
	case !k.Pick.Enabled() && slices.Contains(k.Pick.Keys(), msg.String()):
		m.setStatus("the story has two articles, both shown: nothing to pick", false)
	case key.Matches(msg, k.Pick):
		m.mode = modePick
		m.pick.open(m.body.l, m.body.r)
		m.updateKeys()
	case key.Matches(msg, k.Matrix):
		m.openOverlay(modeMatrix)
	case key.Matches(msg, k.Quotes):
		m.openOverlay(modeQuotes)
	case key.Matches(msg, k.Export):
		m.mode = modeExport
		m.updateKeys()
		return m.exp.open(m.exportOptions())
	case key.Matches(msg, k.Help):
		m.help.ShowAll = !m.help.ShowAll
		m.updateKeys()
	}
	return nil
}

// moveKey moves through the story by event, changed event, line, page or
// to either end, and says whether msg was such a key.
func (m *Model) moveKey(msg tea.KeyMsg) bool {
	k := &m.keys
	jump := func(d int, changed bool, end string) {
		if !m.body.jump(d, changed) {
			m.setStatus(end, false)
		}
	}
	page := max(1, m.body.height-1)
	switch {
	case key.Matches(msg, k.Next):
		jump(1, false, "last event")
	case key.Matches(msg, k.Prev):
		jump(-1, false, "first event")
	case key.Matches(msg, k.NextChanged):
		jump(1, true, "no changed event below")
	case key.Matches(msg, k.PrevChanged):
		jump(-1, true, "no changed event above")
	case key.Matches(msg, k.Down):
		m.body.scroll(1)
	case key.Matches(msg, k.Up):
		m.body.scroll(-1)
	case key.Matches(msg, k.PageDown):
		m.body.scroll(page)
	case key.Matches(msg, k.PageUp):
		m.body.scroll(-page)
	case key.Matches(msg, k.Top):
		m.body.top()
	case key.Matches(msg, k.Bottom):
		m.body.bottom()
	default:
		return false
	}
	return true
}

func filterDesc(f view.Filter) string {
	switch f {
	case view.FilterChanged:
		return "shared events with changes"
	case view.FilterSingle:
		return "one-sided events"
	}
	return "all events"
}

func (m *Model) searchStatus() {
	b := m.body
	switch {
	case b.query == "":
		m.setStatus("", false)
	case len(b.matches) == 0:
		m.setStatus(fmt.Sprintf("no match for %q", b.query), true)
	default:
		m.setStatus("", false)
	}
	m.updateKeys()
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// updateKeys sets the help text of the bindings that change meaning.
func (m *Model) updateKeys() {
	m.drawn.help = nil
	// Keys that have nothing to act on answer in the status bar rather
	// than vanish from the help, except picking articles when there are
	// only two.
	k := &m.keys
	k.Pick.SetEnabled(len(m.st.Articles) > 2)
	if m.help.ShowAll {
		k.Help.SetHelp("?/esc", "close help")
	} else {
		k.Help.SetHelp("?", "help")
	}
}

func (m *Model) exportOptions() exportOpts {
	return exportOpts{width: max(40, m.w), left: m.body.l, right: m.body.r, only: m.body.filter, checks: m.checks}
}

func (m *Model) exportDone(msg exportDoneMsg) {
	if msg.gen != m.exp.gen {
		// A write the editor stopped waiting for: say how it ended, if
		// nothing else is on the screen.
		if m.mode == modeRead {
			if msg.err == nil {
				m.setStatus("wrote "+msg.path+" (the export left running)", false)
			} else {
				m.setStatus("export failed: "+oneLine(msg.err.Error()), true)
			}
		}
		return
	}
	switch {
	case msg.err == nil:
		p := msg.path
		if abs, err := filepath.Abs(p); err == nil {
			p = abs
		}
		m.mode = modeRead
		m.exp.close()
		if msg.whole {
			p += " · the whole story, not only this view"
		}
		m.setStatus("wrote "+p, false)
	case errors.Is(msg.err, errExistsAsk):
		m.exp.confirm, m.exp.busy = true, false
	default:
		// The form stays open with the path as typed, to correct it.
		m.exp.busy, m.exp.confirm = false, false
		m.setStatus("export failed: "+oneLine(msg.err.Error()), true)
	}
	m.updateKeys()
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// View draws the screen: never more lines than the terminal has, never a
// line wider than it.
func (m *Model) View() string {
	if !m.sized || m.w <= 0 || m.h <= 0 {
		return ""
	}
	if m.overlay() != nil {
		return m.overlayScreen()
	}
	lines := make([]string, 0, m.h)
	widths := make([]int, 0, m.h)
	for _, ln := range m.drawn.header {
		lines, widths = append(lines, ln), append(widths, -1)
	}
	for _, ln := range m.drawn.summary {
		lines, widths = append(lines, ln), append(widths, -1)
	}
	body, bw := m.body.linesWidths(nil)
	if len(m.body.events) == 0 && !m.pending && m.body.height > 0 {
		// a filter that leaves nothing says so rather than show a blank
		what := filterDesc(m.body.filter)
		if m.body.filter == view.FilterAll {
			what = "events"
		}
		note := fmt.Sprintf("  no %s in these two articles · f: next filter", what)
		body, bw = []string{m.pal.faint.render(note)}, []int{ansi.StringWidth(note)}
	}
	lines, widths = append(lines, body...), append(widths, bw...)
	for i := len(body); i < m.body.height; i++ {
		lines, widths = append(lines, ""), append(widths, 0)
	}
	foot := m.footerLines()
	if room := m.h - len(lines); len(foot) > room {
		foot = foot[:max(0, room)]
	}
	for _, ln := range foot {
		lines, widths = append(lines, ln), append(widths, -1)
	}
	if len(lines) > m.h {
		lines = lines[:m.h]
	}
	for i, ln := range lines {
		// Body rows know their width; the few chrome lines are measured.
		w := widths[i]
		if w < 0 {
			w = m.measure(ln)
		}
		if w > m.w {
			lines[i] = ansi.Truncate(ln, m.w, "")
		}
	}
	return strings.Join(lines, "\n")
}
