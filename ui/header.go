package ui

import (
	"fmt"
	"github.com/synoptic-news/synoptic/internal/wording"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

// headerMode is how much of the header a terminal has room for.
type headerMode uint8

const (
	hdrNone    headerMode = iota
	hdrTitle              // the story line only
	hdrCompact            // the story line and one line per article
	hdrStacked            // hdrCompact with byline and coverage under each article
	hdrFull               // the story line and a box per article
)

// titleLine is the story line: name, which articles of how many, and the
// event counts for the pair.
func titleLine(st *story.Story, pal *palette, l, r, w int) string {
	name := textsafe.VisibleLine(st.Name)
	if name == "" {
		name = "story"
	}
	shared, onlyL, onlyR := counts(st, l, r)
	arts := wording.Count(len(st.Articles), "article")
	if len(st.Articles) > 2 {
		arts = fmt.Sprintf("articles %d & %d of %d", l+1, r+1, len(st.Articles))
	}
	evs := fmt.Sprintf("%s (%d shared, %d only left, %d only right)",
		wording.Count(shared+onlyL+onlyR, "event"), shared, onlyL, onlyR)
	note := st.LangNote(l, r)
	if note != "" {
		note = " · " + textsafe.VisibleLine(note)
	}
	tail := " · " + arts + note + " · " + evs
	if ansi.StringWidth(tail)+9 > w {
		// no room for the name and the counts: "2 articles" goes first,
		// "articles 1 & 2 of 4" becomes "1 & 2 of 4"; the languages stay
		// while they fit ("translation" says how to read the columns)
		tail = " · " + evs
		if len(st.Articles) > 2 {
			tail = fmt.Sprintf(" · %d & %d of %d · %s", l+1, r+1, len(st.Articles), evs)
		}
		switch {
		case note != "" && ansi.StringWidth(note+tail)+9 <= w:
			tail = note + tail
		case st.Translation && ansi.StringWidth(" · translation"+tail)+9 <= w:
			tail = " · translation" + tail
		}
	}
	s := " synoptic · " + name + tail
	if ansi.StringWidth(s) > w {
		// Too narrow: the program's name goes, then the story's is cut,
		// and the counts stay.
		s = " " + name + tail
		if room := w - ansi.StringWidth(tail) - 1; ansi.StringWidth(s) > w && room >= 8 {
			s = " " + ansi.Truncate(name, room, "…") + tail
		}
	}
	s = ansi.Truncate(s, w, "…")
	return pal.heading.render(s)
}

// headerLines renders the header in mode m for width w.
func headerLines(st *story.Story, pal *palette, l, r, w int, m headerMode) []string {
	switch m {
	case hdrNone:
		return nil
	case hdrTitle:
		return []string{titleLine(st, pal, l, r, w)}
	case hdrCompact:
		return []string{
			titleLine(st, pal, l, r, w),
			compactLine(st, pal, l, r, " ‹ ", w),
			compactLine(st, pal, r, l, " › ", w),
		}
	case hdrStacked:
		return []string{
			titleLine(st, pal, l, r, w),
			compactLine(st, pal, l, r, " ‹ ", w),
			detailLine(st, pal, l, r, w),
			compactLine(st, pal, r, l, " › ", w),
			detailLine(st, pal, r, l, w),
		}
	}
	bw := (w - 1) / 2
	left := box(st, pal, l, r, bw)
	right := box(st, pal, r, l, w-1-bw)
	for len(left) < len(right) {
		left = append(left[:len(left)-1], boxLine(pal, "", 0, bw), left[len(left)-1])
	}
	for len(right) < len(left) {
		right = append(right[:len(right)-1], boxLine(pal, "", 0, w-1-bw), right[len(right)-1])
	}
	out := []string{titleLine(st, pal, l, r, w)}
	for i := range left {
		out = append(out, left[i]+" "+right[i])
	}
	return out
}

// fullHeight is the height of the full header at width w.
func fullHeight(st *story.Story, l, r, w int) int {
	bw := (w - 1) / 2
	return 1 + max(boxHeight(st, l, r, bw), boxHeight(st, r, l, w-1-bw))
}

// compactLine is one article's header on one line.
func compactLine(st *story.Story, pal *palette, a, b int, mark string, w int) string {
	art := st.Articles[a]
	var sb strings.Builder
	pal.faint.wrap(&sb, mark)
	rest := w - ansi.StringWidth(mark)
	if rest <= 0 {
		return ansi.Truncate(sb.String(), w, "")
	}
	outlet := ansi.Truncate(textsafe.VisibleLine(view.Outlet(st, a)), rest, "…")
	pal.outlet.wrap(&sb, outlet)
	rest -= ansi.StringWidth(outlet)
	var tail []string
	if art.Date != "" {
		tail = append(tail, textsafe.VisibleLine(art.Date))
	}
	if art.Title != "" {
		tail = append(tail, textsafe.VisibleLine(art.Title))
	}
	if len(tail) > 0 && rest > 4 {
		t := ansi.Truncate(" · "+strings.Join(tail, " · "), rest, "…")
		sb.WriteString(t)
	}
	return sb.String()
}

// detailLine is the line under article a's compact line: its byline and
// how much of it article b also tells, as in a's box.
func detailLine(st *story.Story, pal *palette, a, b, w int) string {
	var parts []string
	if by := st.Articles[a].Byline; by != "" {
		parts = append(parts, "by "+textsafe.VisibleLine(by))
	}
	const indent = "   " // under the outlet, past the side mark
	if w <= len(indent) {
		return ""
	}
	room := w - len(indent)
	if len(parts) > 0 {
		room -= ansi.StringWidth(parts[0] + " · ")
	}
	parts = append(parts, coverageText(st, a, b, max(0, room)))
	return indent + pal.faint.render(ansi.Truncate(strings.Join(parts, " · "), w-len(indent), "…"))
}

// coverageText says how many of article a's events article b also tells
// and what share of a's text they hold, cut to w columns: the other
// outlet's name is shortened first, then left out, so that a long one (a
// file's name stands for an outlet that has none) or a narrow box leaves
// the share in view.
func coverageText(st *story.Story, a, b, w int) string {
	pct, both, total := coverage(st, a, b)
	name := textsafe.VisibleLine(view.Outlet(st, b))
	line := func(name string) string {
		return fmt.Sprintf("%d of %d events also in %s · %.0f%% of its text", both, total, name, pct)
	}
	s := line(name)
	if ansi.StringWidth(s) <= w {
		return s
	}
	if room := w - (ansi.StringWidth(s) - ansi.StringWidth(name)); room >= minOutletName {
		return line(shortOutlet(name, room))
	}
	// no room for a name that still says which: the other box names it
	if s := fmt.Sprintf("%d of %d events shared · %.0f%% of its text", both, total, pct); ansi.StringWidth(s) <= w {
		return s
	}
	return ansi.Truncate(s, w, "…")
}

// boxContent is the inner lines of article a's box at inner width iw.
func boxContent(st *story.Story, a, b, iw int) []layout.Line {
	art := st.Articles[a]
	var lines []layout.Line
	if art.Title != "" {
		hl := layout.Wrap([]layout.Span{{Text: textsafe.VisibleLine(art.Title), Role: layout.Heading}}, iw)
		if len(hl) > 2 {
			// Two lines at most; the second ends in an ellipsis.
			var rest []string
			for _, ln := range hl[1:] {
				rest = append(rest, ln.String())
			}
			hl = append(hl[:1], layout.Line{{Text: ansi.Truncate(strings.Join(rest, " "), iw, "…"), Role: layout.Heading}})
		}
		lines = append(lines, hl...)
	}
	if art.Byline != "" {
		lines = append(lines, layout.Line{{Text: ansi.Truncate("by "+textsafe.VisibleLine(art.Byline), iw, "…"), Role: layout.Absent}})
	}
	lines = append(lines, layout.Line{{Text: coverageText(st, a, b, iw), Role: layout.Absent}})
	return lines
}

func boxHeight(st *story.Story, a, b, bw int) int {
	return 2 + len(boxContent(st, a, b, max(1, bw-4)))
}

// box draws article a's header in a box of outer width bw:
// outlet and date on the top border, headline, byline and coverage inside.
func box(st *story.Story, pal *palette, a, b, bw int) []string {
	iw := max(1, bw-4)
	art := st.Articles[a]
	label := textsafe.VisibleLine(view.Outlet(st, a))
	var extra []string
	if art.Date != "" {
		extra = append(extra, textsafe.VisibleLine(art.Date))
	}
	if art.Section != "" {
		extra = append(extra, textsafe.VisibleLine(art.Section))
	}
	outlet := ansi.Truncate(label, max(0, bw-4), "…")
	more := ""
	if len(extra) > 0 {
		more = ansi.Truncate(" · "+strings.Join(extra, " · "), max(0, bw-4-ansi.StringWidth(outlet)), "…")
	}
	var top strings.Builder
	pal.border.wrap(&top, "┌ ")
	pal.outlet.wrap(&top, outlet)
	pal.faint.wrap(&top, more)
	fill := bw - 3 - ansi.StringWidth(outlet) - ansi.StringWidth(more)
	if fill > 0 {
		pal.border.wrap(&top, " "+strings.Repeat("─", fill-1)+"┐")
	}
	out := []string{top.String()}
	for _, ln := range boxContent(st, a, b, iw) {
		var sb strings.Builder
		for _, s := range ln {
			pal.role[s.Role].wrap(&sb, s.Text)
		}
		out = append(out, boxLine(pal, sb.String(), ln.Width(), bw))
	}
	out = append(out, pal.border.render("└"+strings.Repeat("─", max(0, bw-2))+"┘"))
	return out
}

// boxLine is one inner line of a box: borders around painted text of
// display width tw, padded to the box width bw.
func boxLine(pal *palette, text string, tw, bw int) string {
	if bw < 4 {
		return ansi.Truncate(text, max(0, bw), "")
	}
	return pal.border.render("│ ") + text + spaces(bw-4-tw) + pal.border.render(" │")
}
