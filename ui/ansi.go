package ui

import (
	"bufio"
	"io"
	"strings"

	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// WriteANSI writes the reader's side-by-side view of articles opt.Left and
// opt.Right at opt.Width columns, in colour, without cursor or status bar:
// for less -R and pipes. It uses the 16 ANSI colours, which follow the
// reader's terminal theme whether it is light or dark.
func WriteANSI(w io.Writer, st *story.Story, opt export.Options) error {
	r := lipgloss.NewRenderer(io.Discard)
	r.SetColorProfile(termenv.ANSI)
	r.SetHasDarkBackground(true)
	return writeView(w, st, opt, NewStyles(r, true))
}

// writeView writes the header and every event opt keeps, painted with s.
func writeView(w io.Writer, st *story.Story, opt export.Options, s Styles) error {
	width := max(20, opt.Width)
	l, r := opt.Left, opt.Right
	if n := len(st.Articles); l < 0 || l >= n || r < 0 || r >= n {
		l, r = 0, min(1, max(0, n-1))
	}
	pal := newPalette(s)
	b := newBody(st, pal, l, r)
	b.noMeta = true
	b.filter = opt.Only
	// an export keeps page furniture under every event, as the text export
	// does
	b.boiler = opt.Only == view.FilterAll
	checks := export.Checks(st, opt)
	if checks != nil {
		b.conflicts = conflictSet(checks.Facts)
	}
	b.g = geometry(width)
	b.relayout()
	b.cur = -1
	bw := bufio.NewWriter(w)
	mode := hdrFull
	if b.g.stacked {
		mode = hdrStacked // a page has room for the bylines and coverage
	}
	for _, ln := range headerLines(st, pal, l, r, width, mode) {
		bw.WriteString(ln)
		bw.WriteByte('\n')
	}
	// The whole-story summary, as under the reader's header but wrapped
	// rather than cut: a page has room for all of it.
	sum := compile(s.Desc)
	for _, ln := range summaryTextOf(st, checks) {
		for _, part := range strings.Split(ansi.Wrap(ln, contentWidth(width)-1, ""), "\n") {
			if part = strings.TrimLeft(part, " "); part != "" {
				bw.WriteString(sum.render(" " + part))
				bw.WriteByte('\n')
			}
		}
	}
	// Which events a filter leaves, as the other exports say.
	shared, onlyL, onlyR := counts(st, l, r) // the total the title gives
	note := strings.TrimSpace(export.FilterNote(opt.Only, len(b.events), shared+onlyL+onlyR) + " " + export.NumberNote(st, opt.Only, b.events))
	if len(b.events) == 0 {
		note = strings.TrimSpace(note + " " + export.NoEvents)
	}
	if n := export.ThresholdNote(st); n != "" {
		note = strings.TrimSpace("Events " + n + ". " + note)
	}
	if note != "" {
		for _, part := range strings.Split(ansi.Wrap(note, contentWidth(width)-1, ""), "\n") {
			if part = strings.TrimLeft(part, " "); part != "" {
				bw.WriteString(sum.render(" " + part))
				bw.WriteByte('\n')
			}
		}
	}
	var sb strings.Builder
	for i := range b.rows {
		sb.Reset()
		b.paintRow(&sb, i)
		bw.WriteString(sb.String())
		bw.WriteByte('\n')
	}
	return bw.Flush()
}

// summaryTextOf is the summary of checks, none when they were left out.
func summaryTextOf(st *story.Story, checks *insight.Report) []string {
	if checks == nil {
		return nil
	}
	return summaryText(st, checks.Summary)
}
