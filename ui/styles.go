package ui

import (
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// Styles are the reader's styles, named by role. Every style carries an
// attribute as well as a colour where the difference matters (left-only
// words bold, right-only words underlined), so that the view still reads
// with colour off.
type Styles struct {
	Shared   lipgloss.Style // words both articles use
	Deleted  lipgloss.Style // words only in the left article
	Inserted lipgloss.Style // words only in the right article
	OneSided lipgloss.Style // a block the other article lacks
	Caption  lipgloss.Style
	Heading  lipgloss.Style
	// SharedCaption and SharedHeading are the words both articles use in
	// a caption or heading of a shared event. Without colour the heading's
	// are plain: its bold would read as a left-only word.
	SharedCaption lipgloss.Style
	SharedHeading lipgloss.Style
	Boilerplate   lipgloss.Style
	Faint         lipgloss.Style // "not in …", side marks, secondary text
	Match         lipgloss.Style // search matches
	CurMatch      lipgloss.Style // the match > and < stepped to
	Border        lipgloss.Style // header boxes and event rules
	Outlet        lipgloss.Style // outlet names in headers
	Number        lipgloss.Style // event numbers in the gutter
	Cursor        lipgloss.Style // the current event's number and marker
	Moved         lipgloss.Style // the "moved" mark
	Possible      lipgloss.Style // a possible match under a one-sided event
	Status        lipgloss.Style // the status bar
	Message       lipgloss.Style // a confirmation in the status bar
	Error         lipgloss.Style // an error in the status bar
	Key           lipgloss.Style // key names in help
	Desc          lipgloss.Style // key descriptions in help
}

// NewStyles builds the styles with renderer r, which decides the colour
// profile and whether the background is dark. With color false the styles
// keep their attributes (bold, underline, italic, reverse) and drop colour,
// which is what NO_COLOR asks for.
func NewStyles(r *lipgloss.Renderer, color bool) Styles {
	c := func(light, dark string) lipgloss.TerminalColor {
		if !color {
			return lipgloss.NoColor{}
		}
		return lipgloss.AdaptiveColor{Light: light, Dark: dark}
	}
	n := r.NewStyle
	s := Styles{
		Shared:      n(),
		Deleted:     n().Bold(true).Foreground(c("124", "210")),
		Inserted:    n().Underline(true).Foreground(c("22", "114")),
		OneSided:    n().Foreground(c("242", "248")), // dimmed against shared text
		Caption:     n().Italic(true).Foreground(c("60", "146")),
		Heading:     n().Bold(true).Foreground(c("17", "153")),
		Boilerplate: n().Faint(true).Foreground(c("245", "242")),
		Faint:       n().Faint(true).Italic(true).Foreground(c("244", "244")),
		Match:       n().Reverse(true).Foreground(c("130", "221")),
		CurMatch:    n().Reverse(true).Bold(true).Underline(true).Foreground(c("166", "214")),
		Border:      n().Foreground(c("250", "240")),
		Outlet:      n().Bold(true).Foreground(c("25", "117")),
		Number:      n().Foreground(c("244", "245")),
		Cursor:      n().Bold(true).Foreground(c("166", "214")),
		Moved:       n().Italic(true).Foreground(c("130", "180")),
		Status:      n().Reverse(true),
		Message:     n().Bold(true).Foreground(c("28", "120")),
		Error:       n().Bold(true).Foreground(c("160", "203")),
		Key:         n().Bold(true).Foreground(c("238", "250")),
		Desc:        n().Foreground(c("243", "246")),
	}
	s.SharedCaption = s.Caption
	s.Possible = s.Moved // a hint, as the "moved" mark is
	s.SharedHeading = n()
	if color {
		s.SharedHeading = s.Heading
		s.Status = n().Background(c("254", "236")).Foreground(c("236", "252"))
		s.Match = n().Background(c("222", "136")).Foreground(c("0", "0")).Bold(true)
		s.CurMatch = n().Background(c("208", "214")).Foreground(c("0", "0")).Bold(true).Underline(true)
	}
	return s
}

// roleStyle is the style of a layout role.
func (s Styles) roleStyle(r layout.Role) lipgloss.Style {
	switch r {
	case layout.Deleted:
		return s.Deleted
	case layout.Inserted:
		return s.Inserted
	case layout.OneSided:
		return s.OneSided
	case layout.Caption:
		return s.Caption
	case layout.Heading:
		return s.Heading
	case layout.Boilerplate:
		return s.Boilerplate
	case layout.Absent:
		return s.Faint
	case layout.SharedCaption:
		return s.SharedCaption
	case layout.SharedHeading:
		return s.SharedHeading
	case layout.Possible:
		return s.Possible
	}
	return s.Shared
}

// seq is a style compiled to the escape sequences around its text, so that
// painting a span is two string copies rather than a Style.Render call.
type seq struct{ on, off string }

func compile(st lipgloss.Style) seq {
	const mark = "\x00"
	out := st.Render(mark)
	i := strings.Index(out, mark)
	if i < 0 {
		return seq{}
	}
	return seq{on: out[:i], off: out[i+len(mark):]}
}

func (q seq) wrap(b *strings.Builder, text string) {
	if q.on == "" || text == "" {
		b.WriteString(text)
		return
	}
	b.WriteString(q.on)
	b.WriteString(text)
	b.WriteString(q.off)
}

func (q seq) render(text string) string {
	if q.on == "" || text == "" {
		return text
	}
	return q.on + text + q.off
}

// palette holds the compiled styles the body painter uses on every frame.
type palette struct {
	role                                    [layout.Roles]seq
	match, curMatch                         seq
	border, number, cursor, moved           seq
	faint, outlet, heading, deleted, insert seq
	statusSeq, message, errorSeq            seq
}

func newPalette(s Styles) *palette {
	p := &palette{}
	for r := layout.Plain; r < layout.Roles; r++ {
		p.role[r] = compile(s.roleStyle(r))
	}
	p.match = compile(s.Match)
	p.curMatch = compile(s.CurMatch)
	p.border = compile(s.Border)
	p.number = compile(s.Number)
	p.cursor = compile(s.Cursor)
	p.moved = compile(s.Moved)
	p.faint = compile(s.Faint)
	p.outlet = compile(s.Outlet)
	p.heading = compile(s.Heading)
	p.deleted = compile(s.Deleted)
	p.insert = compile(s.Inserted)
	p.statusSeq = compile(s.Status)
	p.message = compile(s.Message)
	p.errorSeq = compile(s.Error)
	return p
}

func sanitizeLine(s string) string { return textsafe.VisibleLine(s) }
