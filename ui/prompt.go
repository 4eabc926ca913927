package ui

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

// exportOpts is what the reader currently shows, which an export covers.
type exportOpts struct {
	width, left, right int
	only               view.Filter
	checks             *insight.Report // the reader's, so an export does not redo them
}

func (o exportOpts) options() export.Options {
	return export.Options{Width: o.width, Left: o.left, Right: o.right, Only: o.only, Checks: o.checks, ANSI: WriteANSI}
}

// exportDoneMsg reports a finished export.
type exportDoneMsg struct {
	path string
	err  error
	// whole: the format gave the whole story, more than the view shows
	// (json, the matrix and the report under a filter or of 3+ articles)
	whole bool
	gen   int // the write it reports, see exportPrompt.gen
}

// errExistsAsk marks an export that found its file already there and asks
// before overwriting it.
var errExistsAsk = errors.New("file exists")

// exportPrompt is the small form behind the export key: a format, a path
// prefilled from the story name and date, and a confirmation before an
// existing file is replaced.
type exportPrompt struct {
	st       *story.Story
	formats  []string
	fi       int
	path     textinput.Model
	prefill  string // the path as prefilled, to follow format changes until edited
	confirm  bool
	busy     bool
	now      func() time.Time
	renderer *lipgloss.Renderer
	review   string // the review file, which an export never replaces
	// gen numbers the writes; esc during one (a pipe nobody reads may take
	// forever) leaves it behind, and its report then changes no form.
	gen int
}

func newExportPrompt(st *story.Story, r *lipgloss.Renderer) exportPrompt {
	return exportPrompt{st: st, path: newInput(r, "path: "), now: time.Now, renderer: r}
}

// open resets the form for an export of what o shows.
func (p *exportPrompt) open(o exportOpts) tea.Cmd {
	p.formats = export.Formats()
	p.fi = 0
	for i, f := range p.formats {
		if f == "html" {
			p.fi = i
			break
		}
		if f == "txt" {
			p.fi = i
		}
	}
	p.prefill = p.defaultPath(p.format())
	p.path.SetValue(p.prefill)
	p.path.CursorEnd()
	p.confirm, p.busy = false, false
	return p.path.Focus()
}

func (p *exportPrompt) close() {
	p.path.Blur()
	p.confirm, p.busy = false, false
}

func (p *exportPrompt) format() string {
	if len(p.formats) == 0 {
		return "txt"
	}
	return p.formats[p.fi]
}

var slugRE = regexp.MustCompile(`[^a-z0-9]+`)
var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}`)

// defaultPath is "<story>-<date>.<ext>" in the current folder.
func (p *exportPrompt) defaultPath(format string) string {
	name := strings.Trim(slugRE.ReplaceAllString(strings.ToLower(p.st.Name), "-"), "-")
	if name == "" {
		name = "story"
	}
	date := ""
	for _, a := range p.st.Articles {
		if d := dateRE.FindString(strings.TrimSpace(a.Date)); d != "" {
			date = d
			break
		}
	}
	if date == "" {
		date = p.now().Format("2006-01-02")
	}
	ext := extOf(format)
	if ext == "" {
		ext = format
	}
	if kind, _, ok := strings.Cut(format, "-"); ok {
		// matrix-html and report-html share .html with the side-by-side
		// page: each gets its own file
		date += "-" + kind
	}
	return name + "-" + date + "." + ext
}

// extOf is the file name extension of an export format.
var extOf = export.Ext

// Update handles a key; done says the form closed without a write pending.
func (p *exportPrompt) Update(msg tea.KeyMsg, o exportOpts) (tea.Cmd, bool) {
	if p.busy {
		if msg.String() == "esc" {
			p.gen++
			p.close()
			return nil, true
		}
		return nil, false
	}
	if p.confirm {
		switch msg.String() {
		case "y", "Y":
			p.busy = true
			return p.write(o, true), false
		case "n", "N":
			p.confirm = false // back to the path, to choose another
		case "esc":
			// esc leaves the export, as it does from the path: a key
			// typed next is a reader's key, not a letter of the path
			p.close()
			return nil, true
		}
		return nil, false
	}
	switch msg.String() {
	case "esc":
		p.close()
		return nil, true
	case "tab", "shift+tab":
		if len(p.formats) > 0 {
			d := 1
			if msg.String() == "shift+tab" {
				d = len(p.formats) - 1
			}
			old := p.format()
			p.fi = (p.fi + d) % len(p.formats)
			switch v := p.path.Value(); {
			case v == p.prefill:
				p.prefill = p.defaultPath(p.format())
				p.path.SetValue(p.prefill)
				p.path.CursorEnd()
			case extOf(old) != "" && strings.HasSuffix(v, "."+extOf(old)) && extOf(p.format()) != "":
				// a typed name keeps its name, and its extension
				// follows the format
				p.path.SetValue(strings.TrimSuffix(v, extOf(old)) + extOf(p.format()))
				p.path.CursorEnd()
			}
		}
		return nil, false
	case "enter":
		if strings.TrimSpace(p.path.Value()) == "" {
			return nil, false
		}
		p.busy = true
		return p.write(o, false), false
	}
	var cmd tea.Cmd
	p.path, cmd = p.path.Update(typed(msg))
	return cmd, false
}

// write renders the export in the background and reports with an
// exportDoneMsg; the file appears whole or not at all.
func (p *exportPrompt) write(o exportOpts, force bool) tea.Cmd {
	path := strings.TrimSpace(p.path.Value())
	if strings.HasPrefix(path, "~/") {
		if home, err := os.UserHomeDir(); err == nil {
			path = filepath.Join(home, path[2:])
		}
	}
	format, st, review := p.format(), p.st, p.review
	p.gen++
	gen := p.gen
	whole := export.WholeStory(format) && (o.only != view.FilterAll || len(st.Articles) > 2)
	return func() tea.Msg {
		// never in place of what the story was read from, not even when
		// the editor says yes to overwriting
		if err := export.NotInput(path, st, review); err != nil {
			return exportDoneMsg{path: path, err: err, whole: whole, gen: gen}
		}
		err := export.WriteFile(path, force, func(w io.Writer) error {
			return export.Render(w, format, st, o.options())
		})
		if err != nil && !force && errors.Is(err, export.ErrExists) {
			err = errExistsAsk
		}
		return exportDoneMsg{path: path, err: err, whole: whole, gen: gen}
	}
}

// View is the form: the formats with the chosen one marked, the path, and
// the question when the file exists.
func (p *exportPrompt) View(w int) []string {
	first := p.formatLine(w)
	if p.confirm {
		q := fmt.Sprintf(" %s exists. Overwrite it? y/n", textsafe.VisibleLine(strings.TrimSpace(p.path.Value())))
		return []string{first, ansi.Truncate(q, w, "…")}
	}
	if p.busy {
		return []string{first, ansi.Truncate(" writing "+textsafe.VisibleLine(p.path.Value())+" …", w, "…")}
	}
	p.path.Width = max(1, w-len(p.path.Prompt)-2)
	return []string{first, " " + p.path.View()}
}

// formatLine lists the formats, the chosen one in brackets, then the keys.
// When the line is too wide the keys shrink to the one that changes the
// format (no other key says how), then formats at either end go, so that
// the chosen format is always on screen.
func (p *exportPrompt) formatLine(w int) string {
	const label, hint, short = " export as: ", "  tab: format · enter: write · esc: cancel", "  tab: format"
	items := make([]string, len(p.formats))
	for i, f := range p.formats {
		items[i] = " " + f + " "
		if i == p.fi {
			items[i] = "[" + f + "]"
		}
	}
	all := strings.Join(items, "")
	for _, h := range []string{hint, short} {
		if line := label + all + h; ansi.StringWidth(line) <= w {
			return line
		}
	}
	if len(items) == 0 {
		return ansi.Truncate(label, w, "…")
	}
	// A window of formats around the chosen one, "…" where some are left
	// out, and the short hint when there is room for it too.
	tail := short
	room := w - ansi.StringWidth(label) - 2 - ansi.StringWidth(tail)
	if room < ansi.StringWidth(items[p.fi]) {
		tail, room = "", w-ansi.StringWidth(label)-2
	}
	if line := label + all; tail == "" && ansi.StringWidth(line) <= w {
		return line
	}
	a, b := p.fi, p.fi
	used := ansi.StringWidth(items[p.fi])
	for grew := true; grew; {
		grew = false
		if b+1 < len(items) && used+ansi.StringWidth(items[b+1]) <= room {
			b++
			used += ansi.StringWidth(items[b])
			grew = true
		}
		if a > 0 && used+ansi.StringWidth(items[a-1]) <= room {
			a--
			used += ansi.StringWidth(items[a])
			grew = true
		}
	}
	line := label
	if a > 0 {
		line += "…"
	}
	line += strings.Join(items[a:b+1], "")
	if b < len(items)-1 {
		line += "…"
	}
	return ansi.Truncate(line+tail, w, "…")
}

// picker chooses the two articles shown when the story has more.
type picker struct {
	st    *story.Story
	stage int // 0: picking the left article, 1: the right
	sel   int
	l, r  int
	warn  string // why the last pick was refused, until the next key
}

func (p *picker) open(l, r int) {
	p.stage, p.sel, p.l, p.r, p.warn = 0, l, l, r, ""
}

// Update moves the selection or picks; done says the picker closed, ok that
// a new pair was chosen.
func (p *picker) Update(msg tea.KeyMsg) (l, r int, done, ok bool) {
	n := len(p.st.Articles)
	p.warn = ""
	switch msg.String() {
	case "up", "k":
		p.sel = (p.sel + n - 1) % n
	case "down", "j":
		p.sel = (p.sel + 1) % n
	case "esc", "q":
		return p.l, p.r, true, false
	case "enter", " ":
		if p.stage == 0 {
			p.l = p.sel
			p.stage = 1
			p.sel = p.r
			if p.sel == p.l {
				p.sel = (p.l + 1) % n
			}
			return p.l, p.r, false, false
		}
		if p.sel == p.l {
			p.warn = "that article is on the left already: pick another"
			return p.l, p.r, false, false
		}
		p.r = p.sel
		return p.l, p.r, true, true
	}
	return p.l, p.r, false, false
}

// View lists the articles with the selection and the chosen left one, in
// at most h lines: when they do not all fit, a window of them around the
// selection, and the title says which.
func (p *picker) View(pal *palette, w, h int) []string {
	title := " pick the LEFT article (↑/↓, enter; esc cancels)"
	if p.stage == 1 {
		title = " pick the RIGHT article (↑/↓, enter; esc cancels)"
	}
	if p.warn != "" {
		title = " " + p.warn + " (esc cancels)"
	}
	n := len(p.st.Articles)
	first, k := 0, n
	if rows := max(1, h-1); n > rows {
		k = rows
		first = min(max(0, p.sel-k/2), n-k)
		title += fmt.Sprintf(" · %d–%d of %d", first+1, first+k, n)
	}
	num := len(strconv.Itoa(n)) // numbers right-aligned, the names in one column
	out := []string{ansi.Truncate(title, w, "…")}
	for i := first; i < first+k; i++ {
		a := p.st.Articles[i]
		mark := "  "
		if i == p.sel {
			mark = "▸ "
		}
		side := "   "
		if p.stage == 1 && i == p.l {
			side = "‹  "
		}
		line := fmt.Sprintf(" %s%s%*d %s", mark, side, num, i+1, textsafe.VisibleLine(view.Outlet(p.st, i)))
		if a.Title != "" {
			line += " — " + textsafe.VisibleLine(a.Title)
		}
		line = ansi.Truncate(line, w, "…")
		if i == p.sel {
			line = pal.cursor.render(line)
		}
		out = append(out, line)
	}
	return out
}

// typed is a key for a prompt's text field: typed or pasted characters
// that would act on the terminal, or hide, are put in as the visible
// stand-ins the reader shows them as (textsafe), so that the field echoes
// nothing raw while it is edited.
func typed(msg tea.KeyMsg) tea.KeyMsg {
	if s := string(msg.Runes); msg.Type == tea.KeyRunes && (!textsafe.Clean(s) || strings.ContainsRune(s, '\n')) {
		msg.Runes = []rune(textsafe.VisibleLine(s))
	}
	return msg
}
