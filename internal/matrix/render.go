package matrix

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/internal/htmlpage"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// Lines lays the matrix out as plain lines of at most width columns: a
// header of outlets, a row per event ("  3 Choe: “always stand…”  ●  ◐"),
// then the totals "covered" and "only this outlet". Outlet names shrink
// (to three characters, or their totals' width, at least), then labels, to
// fit; a line that still does not fit is cut. Text from articles is made terminal-safe. Row i of
// m.Rows is line i+1.
func (m *Matrix) Lines(width int) []string {
	if width < 1 {
		width = 1
	}
	num := len(itoa(len(m.Rows)))
	for _, r := range m.Rows {
		num = max(num, len(itoa(r.Event+1)))
	}
	names := make([]string, len(m.Columns))
	colW := make([]int, len(m.Columns))
	minW := make([]int, len(m.Columns)) // the totals are never cut
	for i, c := range m.Columns {
		names[i] = textsafe.VisibleLine(c.Outlet)
		minW[i] = max(3, len(itoa(c.Covered)), len(itoa(c.Only)))
		colW[i] = max(ansi.StringWidth(names[i]), minW[i])
	}
	labels := make([]string, len(m.Rows))
	labelW := ansi.StringWidth(totalOnly)
	for i, r := range m.Rows {
		labels[i] = textsafe.VisibleLine(r.Label)
		labelW = max(labelW, ansi.StringWidth(labels[i]))
	}
	labelW = min(labelW, MaxLabel)
	total := func() int {
		t := 1 + num + 1 + labelW
		for _, w := range colW {
			t += 2 + w
		}
		return t
	}
	// Narrow the widest outlet column to 14, the labels to 24, then the
	// columns to 3 and the labels to 12: an outlet's name is what tells
	// its column from the others, a label is an excerpt.
	shrinkCol := func(floor int) bool {
		widest := -1
		for i, w := range colW {
			if w > max(floor, minW[i]) && (widest < 0 || w > colW[widest]) {
				widest = i
			}
		}
		if widest < 0 {
			return false
		}
		colW[widest]--
		return true
	}
	shrinkLabel := func(floor int) bool {
		if labelW <= floor {
			return false
		}
		labelW--
		return true
	}
	for total() > width {
		if !shrinkCol(14) && !shrinkLabel(24) && !shrinkCol(3) && !shrinkLabel(12) {
			break // as narrow as it goes; lines are cut below
		}
	}
	pad := func(s string, w int) string {
		s = ansi.Truncate(s, w, "…")
		return s + strings.Repeat(" ", max(0, w-ansi.StringWidth(s)))
	}
	center := func(s string, w int) string {
		left := (w - ansi.StringWidth(s)) / 2
		return strings.Repeat(" ", max(0, left)) + pad(s, w-max(0, left))
	}
	cut := func(s string) string { return strings.TrimRight(ansi.Truncate(s, width, ""), " ") }
	var out []string
	var b strings.Builder
	b.WriteString(" " + pad("events × outlets", num+1+labelW))
	for i, n := range names {
		b.WriteString("  " + pad(n, colW[i]))
	}
	out = append(out, cut(b.String()))
	for i, r := range m.Rows {
		b.Reset()
		b.WriteString(" " + fmt.Sprintf("%*d", num, r.Event+1) + " " + pad(labels[i], labelW))
		for a, c := range r.Cells {
			b.WriteString("  " + center(c.Symbol(), colW[a]))
		}
		out = append(out, cut(b.String()))
	}
	for _, t := range []struct {
		name string
		n    func(Column) int
	}{{totalCovered, func(c Column) int { return c.Covered }}, {totalOnly, func(c Column) int { return c.Only }}} {
		b.Reset()
		b.WriteString(" " + pad(t.name, num+1+labelW))
		for a, c := range m.Columns {
			b.WriteString("  " + center(itoa(t.n(c)), colW[a]))
		}
		out = append(out, cut(b.String()))
	}
	return out
}

const (
	totalCovered = "events covered"
	totalOnly    = "only this outlet"
)

// leftOut says how many of the story's events (page furniture apart, as
// the summary counts them) the matrix lists, when it lists fewer: a row
// needs body text, so headlines' and captions' events have none. It is ""
// when nothing is left out.
func leftOut(st *story.Story, m *Matrix) string {
	if st == nil {
		return ""
	}
	n := 0
	for _, e := range st.Events {
		if e.Kind == story.Shared || e.Kind == story.Single {
			n++
		}
	}
	if len(m.Rows) >= n {
		return ""
	}
	return fmt.Sprintf("%d of the story's %d events: headlines and captions are left out", len(m.Rows), n)
}

// mdEscape escapes text for a GFM table cell.
var mdEscape = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `#`, `\#`, "\n", " ", "\r", " ")

// Markdown writes m as a GitHub-flavoured Markdown table: a row per event
// with its number and label, a column per outlet, then the totals and a
// legend. Text from articles is escaped so it cannot break the table or
// become markup.
func Markdown(w io.Writer, st *story.Story, m *Matrix) error {
	var b strings.Builder
	b.WriteString("| # | event |")
	for _, c := range m.Columns {
		b.WriteString(" " + mdEscape.Replace(textsafe.VisibleLine(c.Outlet)) + " |")
	}
	b.WriteString("\n|--:|---|")
	for range m.Columns {
		b.WriteString(":-:|")
	}
	b.WriteString("\n")
	for _, r := range m.Rows {
		fmt.Fprintf(&b, "| %d | %s |", r.Event+1, mdEscape.Replace(textsafe.VisibleLine(r.Label)))
		for _, c := range r.Cells {
			b.WriteString(" " + c.Symbol() + " |")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "|  | **%s** |", totalCovered)
	for _, c := range m.Columns {
		fmt.Fprintf(&b, " %d |", c.Covered)
	}
	fmt.Fprintf(&b, "\n|  | **%s** |", totalOnly)
	for _, c := range m.Columns {
		fmt.Fprintf(&b, " %d |", c.Only)
	}
	b.WriteString("\n\n" + Legend + "\n")
	if n := leftOut(st, m); n != "" {
		b.WriteString("\n" + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// css styles the HTML fragment; it follows the page's colour scheme.
// CSS styles the matrix's HTML.
const CSS = `.synoptic-matrix{font:14px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fff;padding:.5em;overflow-x:auto}
.synoptic-matrix table{border-collapse:collapse;color:inherit;font:inherit}
.synoptic-matrix th,.synoptic-matrix td{padding:.2em .6em;border-bottom:1px solid #ddd}
.synoptic-matrix td.c{text-align:center;font-size:1.1em}
.synoptic-matrix td.n{text-align:right;color:#666}
.synoptic-matrix td.close{color:#0b5}
.synoptic-matrix td.reworded{color:#c80}
.synoptic-matrix td.only{color:#36c}
.synoptic-matrix td.absent{color:#aaa}
.synoptic-matrix tfoot td{font-weight:bold;text-align:center}
.synoptic-matrix a{color:inherit}
@media (prefers-color-scheme:dark){.synoptic-matrix{color:#e6e6e6;background:#161616}
.synoptic-matrix th,.synoptic-matrix td{border-color:#333}}
@media print{.synoptic-matrix{color:#000;background:#fff}}`

// esc makes article text safe inside HTML: no markup, no control
// characters.
func esc(s string) string { return html.EscapeString(textsafe.VisibleLine(s)) }

// HTML writes m as a self-contained HTML fragment (a <section> with its
// own <style>): a table with a row per event (anchor #matrix-N), a column
// per outlet, totals and a legend.
// All text is escaped.
func HTML(w io.Writer, st *story.Story, m *Matrix) error {
	return section(w, st, m, true)
}

// Section is HTML without the <style>, for a page whose head holds CSS.
func Section(w io.Writer, st *story.Story, m *Matrix) error {
	return section(w, st, m, false)
}

// Page writes m as a whole HTML page: HTML's section, its styles in the
// page's head.
func Page(w io.Writer, st *story.Story, m *Matrix) error {
	var b strings.Builder
	if err := Section(&b, st, m); err != nil {
		return err
	}
	return htmlpage.Write(w, textsafe.VisibleLine(pageTitle(st)), CSS, b.String())
}

// pageTitle names the matrix of st.
func pageTitle(st *story.Story) string {
	title := "events × outlets"
	if st != nil && st.Name != "" {
		title = st.Name + " · " + title
	}
	return title
}

func section(w io.Writer, st *story.Story, m *Matrix, style bool) error {
	var b strings.Builder
	b.WriteString(`<section class="synoptic-matrix">` + "\n")
	if style {
		b.WriteString("<style>\n" + CSS + "\n</style>\n")
	}
	title := pageTitle(st)
	if n := leftOut(st, m); n != "" {
		title += " · " + n
	}
	b.WriteString("<table>\n<caption>" + esc(title) + "</caption>\n<thead><tr><th>#</th><th>event</th>")
	for _, c := range m.Columns {
		b.WriteString("<th>" + esc(c.Outlet) + "</th>")
	}
	b.WriteString("</tr></thead>\n<tbody>\n")
	for _, r := range m.Rows {
		// The page holds no event sections to link to: a row links to
		// itself, an address to give for it.
		fmt.Fprintf(&b, `<tr id="matrix-%d"><td class="n">%d</td><td><a href="#matrix-%d">%s</a></td>`, r.Event+1, r.Event+1, r.Event+1, esc(r.Label))
		for a, c := range r.Cells {
			fmt.Fprintf(&b, `<td class="c %s" title="%s: %s">%s</td>`, c, esc(m.Columns[a].Outlet), c, c.Symbol())
		}
		b.WriteString("</tr>\n")
	}
	b.WriteString("</tbody>\n<tfoot>\n<tr><td></td><td>" + totalCovered + "</td>")
	for _, c := range m.Columns {
		fmt.Fprintf(&b, "<td>%d</td>", c.Covered)
	}
	b.WriteString("</tr>\n<tr><td></td><td>" + totalOnly + "</td>")
	for _, c := range m.Columns {
		fmt.Fprintf(&b, "<td>%d</td>", c.Only)
	}
	b.WriteString("</tr>\n</tfoot>\n</table>\n<p>" + html.EscapeString(Legend) + "</p>\n</section>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
