package export

import (
	"fmt"
	"html"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/synoptic-news/synoptic/internal/htmlpage"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// The coverage matrix as a page of its own (matrix-html, matrix-md) and as
// a section of the report.

// matrixTitle names the matrix of st.
func matrixTitle(st *story.Story) string {
	title := "events × outlets"
	if st != nil && st.Name != "" {
		title = st.Name + " · " + title
	}
	return title
}

// leftOut says how many of the story's events (page furniture apart, as
// the summary counts them) the matrix lists, when it lists fewer: a row
// needs body text, so headlines' and captions' events have none. It is ""
// when nothing is left out.
func leftOut(st *story.Story, m *matrix.Matrix) string {
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

// cellEscape escapes text for a GFM table cell.
var cellEscape = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `#`, `\#`, "\n", " ", "\r", " ")

// matrixMarkdownPage writes m as matrixMarkdown does, then the threshold
// an editor's review chose, which the report says in its summary.
func matrixMarkdownPage(w io.Writer, st *story.Story, m *matrix.Matrix) error {
	if err := matrixMarkdown(w, st, m); err != nil {
		return err
	}
	if n := ThresholdNote(st); n != "" {
		_, err := io.WriteString(w, "\n"+n+"\n")
		return err
	}
	return nil
}

// matrixMarkdown writes m as a GitHub-flavoured Markdown table: a row per
// event with its number and label, a column per outlet, then the totals
// and a legend. Text from articles is escaped so it cannot break the table
// or become markup.
func matrixMarkdown(w io.Writer, st *story.Story, m *matrix.Matrix) error {
	var b strings.Builder
	b.WriteString("| # | event |")
	for _, c := range m.Columns {
		b.WriteString(" " + cellEscape.Replace(textsafe.VisibleLine(c.Outlet)) + " |")
	}
	b.WriteString("\n|--:|---|")
	for range m.Columns {
		b.WriteString(":-:|")
	}
	b.WriteString("\n")
	for _, r := range m.Rows {
		fmt.Fprintf(&b, "| %d | %s |", r.Event+1, cellEscape.Replace(textsafe.VisibleLine(r.Label)))
		for _, c := range r.Cells {
			b.WriteString(" " + c.Symbol() + " |")
		}
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "|  | **%s** |", matrix.TotalCovered)
	for _, c := range m.Columns {
		fmt.Fprintf(&b, " %d |", c.Covered)
	}
	fmt.Fprintf(&b, "\n|  | **%s** |", matrix.TotalOnly)
	for _, c := range m.Columns {
		fmt.Fprintf(&b, " %d |", c.Only)
	}
	b.WriteString("\n\n" + matrix.Legend + "\n")
	if n := leftOut(st, m); n != "" {
		b.WriteString("\n" + n + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// matrixCSS styles the matrix's HTML; it follows the page's colour scheme.
const matrixCSS = `.synoptic-matrix{font:14px/1.4 system-ui,sans-serif;color:#1b1b1b;background:#fff;padding:0;overflow:auto;max-height:100vh;box-sizing:border-box}
.synoptic-matrix>p{margin:.5em}
.synoptic-matrix table{border-collapse:separate;border-spacing:0;color:inherit;font:inherit}
.synoptic-matrix th,.synoptic-matrix td{padding:.2em .6em;border-bottom:1px solid #ddd;background:#fff}
.synoptic-matrix thead th{position:sticky;top:0;z-index:2;border-bottom:2px solid #999}
.synoptic-matrix table{--num:calc(var(--digits,2)*1ch + 1.2em)}
.synoptic-matrix tr>:first-child{position:sticky;left:0;z-index:1;min-width:var(--num);max-width:var(--num);box-sizing:border-box}
.synoptic-matrix tr>:nth-child(2){position:sticky;left:var(--num);z-index:1;min-width:14em;max-width:24em;border-right:1px solid #ccc}
.synoptic-matrix thead tr>:first-child,.synoptic-matrix thead tr>:nth-child(2){z-index:3}
.synoptic-matrix tbody tr{scroll-margin-top:2.5em}
.synoptic-matrix td.c{text-align:center;font-size:1.1em}
.synoptic-matrix td.n{text-align:right;color:#666}
.synoptic-matrix td.close{color:#0b5}
.synoptic-matrix td.reworded{color:#c80}
.synoptic-matrix td.only{color:#36c}
.synoptic-matrix td.absent{color:#aaa}
.synoptic-matrix tfoot td{font-weight:bold;text-align:center}
.synoptic-matrix a{color:inherit}
@media (prefers-color-scheme:dark){.synoptic-matrix{color:#e6e6e6;background:#161616}
.synoptic-matrix th,.synoptic-matrix td{border-color:#333;background:#161616}}
@media print{.synoptic-matrix{color:#000;background:#fff;overflow:visible;max-height:none}
.synoptic-matrix th,.synoptic-matrix td{background:#fff;position:static}}`

// escText is article text escaped for HTML, its control characters made
// visible, on one line. The templates take it as it is: html/template
// would also write "+" as "&#43;".
func escText(s string) template.HTML {
	return template.HTML(html.EscapeString(textsafe.VisibleLine(s)))
}

// matrixDoc is what the matrix's HTML section shows.
type matrixDoc struct {
	Style   template.CSS // the section's own styles, or "" when the page's head holds them
	Title   template.HTML
	Columns []template.HTML
	Rows    []matrixRow
	Covered []int
	Only    []int
	Legend  template.HTML
	// Digits is the length of the longest event number: the sticky
	// event column stands that far from the left.
	Digits int
}

type matrixRow struct {
	N     int
	Label template.HTML
	Cells []matrixCell
}

type matrixCell struct {
	Class  string
	Title  template.HTMLAttr
	Symbol string
}

// The page holds no event sections to link to: a row links to itself, an
// address to give for it. The title is no <caption>: a caption is as wide
// as its table, and ran off a phone's screen with it. The legend comes
// with it: under the rows it was out of view until the last row.
var matrixTmpl = template.Must(template.New("matrix").Parse(`<section class="synoptic-matrix">
{{if .Style}}<style>
{{.Style}}
</style>
{{end}}<p class="title">{{.Title}}</p>
<p>{{.Legend}}</p>
<table style="--digits:{{.Digits}}">
<thead><tr><th>#</th><th>event</th>{{range .Columns}}<th>{{.}}</th>{{end}}</tr></thead>
<tbody>
{{range .Rows}}<tr id="matrix-{{.N}}"><td class="n">{{.N}}</td><td><a href="#matrix-{{.N}}">{{.Label}}</a></td>{{range .Cells}}<td class="c {{.Class}}" {{.Title}}>{{.Symbol}}</td>{{end}}</tr>
{{end}}</tbody>
<tfoot>
<tr><td></td><td>` + matrix.TotalCovered + `</td>{{range .Covered}}<td>{{.}}</td>{{end}}</tr>
<tr><td></td><td>` + matrix.TotalOnly + `</td>{{range .Only}}<td>{{.}}</td>{{end}}</tr>
</tfoot>
</table>
</section>
`))

// matrixSection writes m as an HTML <section>: a table with a row per
// event (anchor #matrix-N), a column per outlet, totals and a legend; with
// its own <style> when style is set. All text is escaped.
func matrixSection(w io.Writer, st *story.Story, m *matrix.Matrix, style bool) error {
	return matrixSectionNoted(w, st, m, style, "")
}

// matrixSectionNoted is matrixSection with note, when not "", added to
// its caption.
func matrixSectionNoted(w io.Writer, st *story.Story, m *matrix.Matrix, style bool, note string) error {
	d := matrixDoc{Legend: template.HTML(html.EscapeString(matrix.Legend)), Digits: 2}
	if style {
		d.Style = matrixCSS
	}
	title := matrixTitle(st)
	if n := leftOut(st, m); n != "" {
		title += " · " + n
	}
	if note != "" {
		title += " · " + note
	}
	d.Title = escText(title)
	for _, c := range m.Columns {
		d.Columns = append(d.Columns, escText(c.Outlet))
		d.Covered = append(d.Covered, c.Covered)
		d.Only = append(d.Only, c.Only)
	}
	for _, r := range m.Rows {
		row := matrixRow{N: r.Event + 1, Label: escText(r.Label)}
		for a, c := range r.Cells {
			title := template.HTMLAttr(fmt.Sprintf(`title="%s: %s"`, escText(m.Columns[a].Outlet), html.EscapeString(c.Meaning())))
			row.Cells = append(row.Cells, matrixCell{Class: string(c), Title: title, Symbol: c.Symbol()})
		}
		d.Rows = append(d.Rows, row)
		d.Digits = max(d.Digits, len(strconv.Itoa(row.N)))
	}
	return matrixTmpl.Execute(w, d)
}

// matrixPage writes m as a whole HTML page, its styles in the page's head.
// Alone, the matrix says the threshold an editor's review chose, as the
// report's summary does for the report's matrix.
func matrixPage(w io.Writer, st *story.Story, m *matrix.Matrix) error {
	var b strings.Builder
	if err := matrixSectionNoted(&b, st, m, false, ThresholdNote(st)); err != nil {
		return err
	}
	return htmlpage.Write(w, textsafe.VisibleLine(matrixTitle(st)), matrixCSS, b.String())
}
