// Package export writes the aligned story in the formats editors share:
// JSON (the versioned contract), plain text, Markdown and a self-contained
// HTML page, the coverage matrix and the whole-story report; the ANSI view
// is the reader's, which Options bring. Every exporter
// renders the same story.Story; none recomputes alignment or diffs. Article
// text is untrusted: each format escapes it its own way (html/template for
// HTML, backslash escapes for Markdown, visible control characters for
// text), and WriteFile never leaves a partial file behind.
package export

import (
	"fmt"
	"io"
	"strings"

	"github.com/synoptic-news/synoptic/internal/wording"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// Options choose what an export shows.
type Options struct {
	Width int // columns of text renderings
	// Left and Right are the articles shown side by side.
	Left, Right int
	// Only keeps events of one sort: all, changed (shared with word
	// changes) or single (one-sided).
	Only view.Filter
	// Checks are the whole-story checks of the story, when the caller has
	// them already; nil runs them.
	Checks *insight.Report
	// Early, when not nil and Checks is nil, is the part of the checks
	// StartChecks began while the story was aligned; the rest runs on it.
	Early *Early
	// NoChecks leaves the whole-story checks out: no summary section, and
	// the JSON holds the story's own fields alone (story.WriteJSON). They
	// take several times longer than the rest of an export.
	NoChecks bool
	// ANSI writes the reader's coloured view, for the ansi format: the
	// reader paints it, and sets it (ui.WriteANSI). Without it the ansi
	// format is an error.
	ANSI Renderer
}

// DefaultOptions shows the first two articles, all events, 120 columns.
func DefaultOptions() Options { return Options{Width: 120, Left: 0, Right: 1, Only: view.FilterAll} }

// JSON writes the story as the version 1 JSON contract: the story's own
// fields as story.WriteJSON writes them (what encoding/json writes, except
// that characters a terminal would obey are \u escapes, which decode to the
// same text), then the whole-story checks as the added top-level fields
// summary, quotes and facts.
func JSON(w io.Writer, st *story.Story) error { return writeJSON(w, st, Checks(st, Options{})) }

// Keep says whether event k passes the filter only for the pair l, r:
// page furniture is filtered as any event, and an event of metadata alone
// passes none (see view.FurnitureAsEvents).
func Keep(st *story.Story, k, l, r int, only view.Filter) bool {
	return only.Keep(st, k, l, r, view.FurnitureAsEvents)
}

// FilterNote says which events an export under the "only" filter shows, of
// the total the pair tells ("" for all of them).
func FilterNote(only view.Filter, shown, total int) string {
	events := "events"
	if shown == 1 {
		events = "event"
	}
	switch only {
	case view.FilterChanged:
		return fmt.Sprintf("Showing the %d shared %s whose wording differs, of %d.", shown, events, total)
	case view.FilterSingle:
		return fmt.Sprintf("Showing the %d %s only one side tells, of %d.", shown, events, total)
	}
	return ""
}

// NumberNote says why the event numbers an export shows skip some ("" when
// they run 1, 2, 3… or a filter's note already says a part is shown):
// events keep the story's numbers, which count every article's events,
// metadata included, so that #event-N names one event in every view.
func NumberNote(st *story.Story, only view.Filter, kept []int) string {
	if only != view.FilterAll {
		return ""
	}
	with := "with metadata"
	if len(st.Articles) > 2 {
		with += " and the events of other articles"
	}
	for i, k := range kept {
		if k != i {
			return fmt.Sprintf("Events keep the story's numbers (%s in all, %s), so some numbers are skipped here.",
				wording.Count(len(st.Events), "event"), with)
		}
	}
	return ""
}

// NoEvents is what an export says when its filter leaves no event.
const NoEvents = "No events to show."

// Text writes a two-column plain-text rendering of articles opt.Left and
// opt.Right, with changed words marked [-old-] on the left and {+new+} on the
// right.
func Text(w io.Writer, st *story.Story, opt Options) error {
	if opt.Width < 20 {
		opt.Width = 20
	}
	l, r, err := pair(st, opt)
	if err != nil {
		return err
	}
	gutter := 3
	colW := (opt.Width - gutter) / 2
	var b strings.Builder
	writeWrapped(&b, Summary(st, l, r), opt.Width)
	rule := strings.Repeat("=", opt.Width)
	b.WriteString(rule + "\n")
	c := Checks(st, opt)
	if c != nil {
		for _, ln := range c.Summary.Lines(opt.Width) {
			b.WriteString(ln + "\n")
		}
		b.WriteString(rule + "\n")
	}
	header := func(ai int) []layout.Line {
		a := st.Articles[ai]
		var sp []layout.Span
		sp = append(sp, layout.Span{Text: safe(view.Outlet(st, ai)), Role: layout.Heading})
		if a.Date != "" {
			sp = append(sp, layout.Span{Text: " · " + safe(a.Date)})
		}
		if a.Byline != "" {
			sp = append(sp, layout.Span{Text: " · " + safe(a.Byline)})
		}
		if a.Title != "" {
			sp = append(sp, layout.Span{Text: "\n" + safe(a.Title)})
		}
		return layout.Wrap(sp, colW)
	}
	writeRow(&b, header(l), header(r), colW, gutter, textPaint)
	b.WriteString(rule + "\n")
	var keep []int
	for k := range st.Events {
		if Keep(st, k, l, r, opt.Only) {
			keep = append(keep, k)
		}
	}
	if n := strings.TrimSpace(FilterNote(opt.Only, len(keep), Count(st, l, r).Events) + " " + NumberNote(st, opt.Only, keep)); n != "" {
		writeWrapped(&b, n, opt.Width)
		b.WriteString("\n")
	}
	if len(keep) == 0 {
		b.WriteString(NoEvents + "\n")
	}
	for _, k := range keep {
		e := st.Events[k]
		// The kind for the two articles shown, as the other renderings
		// name it: a third article may share an event one of them lacks.
		label := fmt.Sprintf("#%d %s", k+1, safe(mdKind(st, k, l, r)))
		if view.KindOf(st, k, l, r) == view.Shared {
			label += fmt.Sprintf(" %.2f", e.PairScore(l, r))
		}
		if view.MovedIn(st, k, l, r) != "" {
			label += " moved"
		}
		facts := factsDiffer(st, c, k)
		if facts != "" {
			label += " facts differ"
		}
		if m := view.EditMark(&e); m != "" {
			label += " " + strings.ReplaceAll(m, " · ", " ")
		}
		if lw := ansi.StringWidth(label); lw+2 > opt.Width {
			// too narrow for a rule: the label alone, wrapped
			writeWrapped(&b, label, opt.Width)
		} else {
			fmt.Fprintf(&b, "%s %s\n", label, strings.Repeat("-", opt.Width-lw-1))
		}
		if facts != "" {
			writeWrapped(&b, "Facts differ: "+safe(facts), opt.Width)
			b.WriteString("\n")
		}
		if n := noteText(&e); n != "" {
			writeWrapped(&b, "Note: "+n, opt.Width)
			b.WriteString("\n")
		}
		left := side(st, k, l, r, true, colW)
		right := side(st, k, r, l, false, colW)
		writeRow(&b, left, right, colW, gutter, textPaint)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// writeWrapped writes s wrapped at width, the lines after the first
// indented by two spaces (as the whole-story summary's), with no trailing
// spaces.
func writeWrapped(b *strings.Builder, s string, width int) {
	lines := layout.Wrap([]layout.Span{{Text: s}}, width)
	if len(lines) == 0 {
		return
	}
	first := strings.TrimRight(lines[0].String(), " ")
	b.WriteString(first + "\n")
	if len(lines) == 1 {
		return
	}
	indent := "  "
	rest := strings.TrimLeft(strings.TrimPrefix(s, first), " ")
	if width < 4 || !strings.HasPrefix(s, first) {
		// no room to indent, or the line is not a plain cut of s
		for _, ln := range lines[1:] {
			b.WriteString(strings.TrimRight(ln.String(), " ") + "\n")
		}
		return
	}
	for _, ln := range layout.Wrap([]layout.Span{{Text: rest}}, width-len(indent)) {
		b.WriteString(indent + strings.TrimRight(ln.String(), " ") + "\n")
	}
}

func side(st *story.Story, k, a, other int, left bool, colW int) []layout.Line {
	spans := layout.Column(st, k, a, other, left)
	for i, s := range spans {
		switch s.Role {
		case layout.Deleted:
			spans[i].Text = "[-" + s.Text + "-]"
		case layout.Inserted:
			spans[i].Text = "{+" + s.Text + "+}"
		}
	}
	return layout.Wrap(spans, colW)
}

func writeRow(b *strings.Builder, left, right []layout.Line, colW, gutter int, paint func(layout.Line) string) {
	n := max(len(left), len(right))
	for i := 0; i < n; i++ {
		var ls, rs string
		var lw int
		if i < len(left) {
			ls = paint(left[i])
			lw = ansi.StringWidth(ls)
		}
		if i < len(right) {
			rs = paint(right[i])
		}
		line := layout.Pad(ls, lw, colW) + strings.Repeat(" ", gutter) + rs
		b.WriteString(strings.TrimRight(line, " ") + "\n")
	}
	b.WriteString("\n")
}

// textPaint writes a line as it is: side marks changed words before wrapping
// so that the marks count toward the column width.
func textPaint(l layout.Line) string { return l.String() }

// Summary is a one-line account of the story for articles l and r. Its
// events are those either article tells.
func Summary(st *story.Story, l, r int) string {
	c := Count(st, l, r)
	arts := wording.Count(len(st.Articles), "article")
	if n := pairNote(st, l, r); n != "" {
		arts = n
	}
	if n := st.LangNote(l, r); n != "" {
		arts += " · " + safe(n)
	}
	if n := ThresholdNote(st); n != "" {
		arts += " · " + n
	}
	line := fmt.Sprintf("synoptic · %s vs %s · %s · %s: %d shared, %d only in %s, %d only in %s",
		safe(view.Outlet(st, l)), safe(view.Outlet(st, r)), arts, wording.Count(c.Events, "event"), c.Shared,
		c.OnlyLeft, safe(view.Outlet(st, l)), c.OnlyRight, safe(view.Outlet(st, r)))
	if c.Boilerplate > 0 {
		// the total counts them: without them the parts would not add up
		line += fmt.Sprintf(", %d page furniture", c.Boilerplate)
	}
	return line
}
