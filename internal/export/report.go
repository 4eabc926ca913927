package export

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/htmlpage"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// The whole-story report (report-md, report-html): the summary, the
// coverage matrix, the quote check and the facts check.

// proseEscape escapes article text for Markdown prose and table cells.
var proseEscape = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `#`, `\#`, `~`, `\~`, "\n", " ", "\r", " ")

func proseText(s string) string { return proseEscape.Replace(textsafe.VisibleLine(s)) }

// reportTitle heads the report: the story's name, and what the report is.
func reportTitle(st *story.Story) string {
	if st.Name == "" {
		return "Whole-story report"
	}
	return st.Name + " — whole-story report"
}

// reportMarkdown writes the whole-story report as Markdown: the summary, the
// coverage matrix, the quote check (each group with its members, the words
// one removes as ~~struck~~ and adds as **bold**) and the facts check
// (conflicts, then values given alike). Article text is escaped.
func reportMarkdown(w io.Writer, st *story.Story, r *insight.Report) error {
	var b strings.Builder
	b.WriteString("# " + proseText(reportTitle(st)) + "\n\n## Summary\n\n")
	for _, l := range r.Summary.Lines(0) {
		b.WriteString("- " + proseEscape.Replace(l) + "\n")
	}
	if n := ThresholdNote(st); n != "" {
		b.WriteString("- " + n + "\n")
	}
	b.WriteString("\n## Coverage\n\n")
	if err := matrixMarkdown(&b, st, r.Matrix); err != nil {
		return err
	}
	b.WriteString("\n## Quotes\n")
	for n, i := range quotes.Order(r.Quotes) {
		g := r.Quotes.Groups[i]
		fmt.Fprintf(&b, "\n### %d. %s\n\n", n+1, proseText(groupTitle(st, g)))
		for k, m := range g.Members {
			text := proseText(m.Text)
			if k > 0 {
				text = proseDiff(g.Marked(g.Diffs[k-1]))
			}
			fmt.Fprintf(&b, "- %s: “%s”\n", proseText(quoteWho(st, m)), text)
		}
	}
	b.WriteString("\n## Facts\n\n")
	found := false
	for _, ef := range r.Facts.Events {
		for _, g := range view.FactGroups(&ef) {
			found = true
			fmt.Fprintf(&b, "- event %d, %s: %s\n", ef.Event+1, proseText(g.Kind), view.FactGroupText(st, g, 0, proseText))
		}
	}
	if !found {
		b.WriteString("- no conflicting figures, dates or names in aligned events\n")
	}
	for _, ef := range r.Facts.Events {
		for _, a := range ef.Agreed {
			if a.Type == facts.Name && !a.Variant {
				continue // names given alike are the rule, not news
			}
			fmt.Fprintf(&b, "- event %d, %s (%s): %s\n", ef.Event+1, agreedVerb(a), a.Type, proseText(agreedText(st, a)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// quoteWho names who gives a quotation: the outlet, and the speaker it
// names.
func quoteWho(st *story.Story, q quotes.Quote) string {
	who := view.Outlet(st, q.Article)
	if q.Speaker != "" {
		who += " (" + q.Speaker + ")"
	}
	return who
}

// agreedVerb says how the articles give a value: alike, or, for a name
// spelled a letter apart, spelled differently (neither agreement nor
// conflict).
func agreedVerb(a facts.Agreement) string {
	if a.Spelled {
		return "spelled differently"
	}
	return "given alike"
}

// groupTitle names a quote group: its speakers, outlets and flags.
func groupTitle(st *story.Story, g quotes.Group) string {
	who := "speaker not stated"
	if len(g.Speakers) > 0 {
		who = strings.Join(g.Speakers, " / ")
	}
	t := fmt.Sprintf("%s · %d outlet", who, len(g.Articles))
	if len(g.Articles) != 1 {
		t += "s"
	}
	for _, f := range g.FlagsIn(st) {
		if f == "one outlet" && len(g.Articles) == 1 {
			continue // "1 outlet" says it
		}
		t += " · " + f
	}
	return t
}

func agreedText(st *story.Story, a facts.Agreement) string {
	var parts []string
	for i, art := range a.Articles {
		parts = append(parts, view.Outlet(st, art)+" “"+a.Texts[i]+"”")
	}
	return strings.Join(parts, ", ")
}

// proseDiff renders ops as the second text, with the first text's own words
// struck through and the second's own words in bold.
func proseDiff(ops []worddiff.Op) string {
	var b strings.Builder
	for _, o := range ops {
		t := o.Text
		if o.Kind == worddiff.Equal && o.Other != "" {
			t = o.Other
		}
		core := strings.TrimSpace(t)
		if core == "" || o.Kind == worddiff.Equal {
			b.WriteString(proseText(t))
			continue
		}
		lead := t[:strings.Index(t, core)]
		trail := t[len(lead)+len(core):]
		mark := "**"
		if o.Kind == worddiff.Delete {
			mark = "~~"
		}
		b.WriteString(proseText(lead) + mark + proseText(core) + mark + proseText(trail))
	}
	return b.String()
}

// reportDoc is what the report's HTML section shows.
type reportDoc struct {
	Style     template.CSS // the section's own styles, or "" when the page's head holds them
	Title     template.HTML
	Summary   []template.HTML
	Matrix    template.HTML
	Quotes    []reportQuote
	Conflicts []reportFact
	Agreed    []reportFact
}

type reportQuote struct {
	N       int
	Class   string
	Title   template.HTML
	Members []reportMember
}

type reportMember struct{ Who, Text template.HTML }

// reportFact is a thing the articles give different values for (Kind and
// Text: who gives which) or values given alike (Verb, Type and Text).
type reportFact struct {
	Event      template.HTML // "event 3", linked to its matrix row when it has one
	Kind       template.HTML
	Verb       string
	Type, Text template.HTML
}

var reportTmpl = template.Must(template.New("report").Parse(`<section class="synoptic-insight">
{{if .Style}}<style>
{{.Style}}
</style>
{{end}}<h1>{{.Title}}</h1>
<h2>Summary</h2>
<ul>
{{range .Summary}}<li>{{.}}</li>
{{end}}</ul>
<h2>Coverage</h2>
{{.Matrix}}<h2>Quotes</h2>
{{range .Quotes}}<div class="{{.Class}}" id="quote-{{.N}}"><h3>{{.N}}. {{.Title}}</h3>
<ul>
{{range .Members}}<li><span class="who">{{.Who}}</span>: “{{.Text}}”</li>
{{end}}</ul></div>
{{end}}<h2>Facts</h2>
<ul>
{{range .Conflicts}}<li class="conflict">{{.Event}}, {{.Kind}}: {{.Text}}</li>
{{else}}<li>no conflicting figures, dates or names in aligned events</li>
{{end}}{{range .Agreed}}<li>{{.Event}}, {{.Verb}} ({{.Type}}): {{.Text}}</li>
{{end}}</ul>
</section>
`))

// reportSection writes the whole-story report as an HTML <section>: the
// summary, the coverage matrix, the quote check with <del>/<ins> marks and
// the facts check (conflicts, then values given alike); with its own
// <style>s when style is set. All article text is escaped.
func reportSection(w io.Writer, st *story.Story, r *insight.Report, style bool) error {
	d := reportDoc{Title: escText(reportTitle(st))}
	if style {
		d.Style = reportCSS
	}
	for _, l := range r.Summary.Lines(0) {
		d.Summary = append(d.Summary, escText(l))
	}
	if n := ThresholdNote(st); n != "" {
		d.Summary = append(d.Summary, escText(n))
	}
	var m strings.Builder
	if err := matrixSection(&m, st, r.Matrix, style); err != nil {
		return err
	}
	d.Matrix = template.HTML(m.String()) // escaped by its own template
	for n, i := range quotes.Order(r.Quotes) {
		g := r.Quotes.Groups[i]
		q := reportQuote{N: n + 1, Class: "quote", Title: escText(groupTitle(st, g))}
		if g.SpeakersDiffer {
			q.Class += " misattributed"
		}
		for k, m := range g.Members {
			text := escText(m.Text)
			if k > 0 {
				text = htmlDiff(g.Marked(g.Diffs[k-1]))
			}
			q.Members = append(q.Members, reportMember{escText(quoteWho(st, m)), text})
		}
		d.Quotes = append(d.Quotes, q)
	}
	// The report has no event sections: an event links to its matrix row.
	rows := map[int]bool{}
	if r.Matrix != nil {
		for _, row := range r.Matrix.Rows {
			rows[row.Event] = true
		}
	}
	event := func(k int) template.HTML {
		if rows[k] {
			return template.HTML(fmt.Sprintf("<a href=\"#matrix-%d\">event %d</a>", k+1, k+1))
		}
		return template.HTML(fmt.Sprintf("event %d", k+1))
	}
	for _, ef := range r.Facts.Events {
		for _, g := range view.FactGroups(&ef) {
			d.Conflicts = append(d.Conflicts, reportFact{Event: event(ef.Event), Kind: escText(g.Kind),
				Text: template.HTML(view.FactGroupText(st, g, 0, func(s string) string { return string(escText(s)) }))})
		}
	}
	for _, ef := range r.Facts.Events {
		for _, a := range ef.Agreed {
			if a.Type == facts.Name && !a.Variant {
				continue // as in Markdown: names given alike are the rule
			}
			d.Agreed = append(d.Agreed, reportFact{Event: event(ef.Event), Verb: agreedVerb(a), Type: escText(string(a.Type)), Text: escText(agreedText(st, a))})
		}
	}
	return reportTmpl.Execute(w, d)
}

// reportPage writes the report as a whole HTML page, the report's and the
// matrix's styles in the page's head.
func reportPage(w io.Writer, st *story.Story, r *insight.Report) error {
	var b strings.Builder
	if err := reportSection(&b, st, r, false); err != nil {
		return err
	}
	return htmlpage.Write(w, textsafe.VisibleLine(reportTitle(st)), reportCSS+"\n"+matrixCSS, b.String())
}

// reportCSS styles the report's HTML; it follows the page's colour scheme.
// The matrix scrolls with the page there, not in a box of its own: a box
// as tall as the window, opening mid-page, caught the wheel before the
// page had shown it whole.
const reportCSS = `.synoptic-insight{font:15px/1.45 system-ui,sans-serif;color:#1b1b1b;background:#fff;padding:.5em}
.synoptic-insight del{text-decoration:line-through;background:#fdd}
.synoptic-insight ins{text-decoration:underline;font-weight:bold;background:#dfd}
.synoptic-insight .misattributed h3{color:#b00}
.synoptic-insight .conflict{color:#b00}
.synoptic-insight .synoptic-matrix{max-height:none}
@media (prefers-color-scheme:dark){.synoptic-insight{color:#e6e6e6;background:#161616}.synoptic-insight del{background:#522}.synoptic-insight ins{background:#253}
.synoptic-insight .misattributed h3,.synoptic-insight .conflict{color:#f77}}`

// htmlDiff renders ops as the second text with <del> and <ins> marks.
func htmlDiff(ops []worddiff.Op) template.HTML {
	var b strings.Builder
	for _, o := range ops {
		switch o.Kind {
		case worddiff.Equal:
			t := o.Text
			if o.Other != "" {
				t = o.Other
			}
			b.WriteString(string(escText(t)))
		case worddiff.Delete:
			b.WriteString("<del>" + string(escText(o.Text)) + "</del>")
		case worddiff.Insert:
			b.WriteString("<ins>" + string(escText(o.Text)) + "</ins>")
		}
	}
	return template.HTML(b.String()) // every piece of text above is escaped
}
