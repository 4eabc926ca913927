package insight

import (
	"fmt"
	"html"
	"io"
	"strings"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/htmlpage"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// md escapes article text for Markdown prose and table cells.
var md = strings.NewReplacer(`\`, `\\`, `|`, `\|`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`,
	`<`, `&lt;`, `>`, `&gt;`, `#`, `\#`, `~`, `\~`, "\n", " ", "\r", " ")

func mdText(s string) string { return md.Replace(textsafe.VisibleLine(s)) }

func htmlText(s string) string { return html.EscapeString(textsafe.VisibleLine(s)) }

// reportTitle heads the report: the story's name, and what the report is.
func reportTitle(st *story.Story) string {
	if st.Name == "" {
		return "Whole-story report"
	}
	return st.Name + " — whole-story report"
}

// Markdown writes the whole-story report as Markdown: the summary, the
// coverage matrix, the quote check (each group with its members, the words
// one removes as ~~struck~~ and adds as **bold**) and the facts check
// (conflicts, then values given alike). Article text is escaped.
func Markdown(w io.Writer, st *story.Story, r *Report) error {
	var b strings.Builder
	b.WriteString("# " + mdText(reportTitle(st)) + "\n\n## Summary\n\n")
	for _, l := range r.Summary.Lines(0) {
		b.WriteString("- " + md.Replace(l) + "\n")
	}
	b.WriteString("\n## Coverage\n\n")
	if err := matrix.Markdown(&b, st, r.Matrix); err != nil {
		return err
	}
	b.WriteString("\n## Quotes\n")
	for n, g := range r.Quotes.Groups {
		fmt.Fprintf(&b, "\n### %d. %s\n\n", n+1, mdText(groupTitle(st, g)))
		for k, m := range g.Members {
			who := view.Outlet(st, m.Article)
			if m.Speaker != "" {
				who += " (" + m.Speaker + ")"
			}
			text := mdText(m.Text)
			if k > 0 {
				text = mdDiff(g.Diffs[k-1].Ops)
			}
			fmt.Fprintf(&b, "- %s: “%s”\n", mdText(who), text)
		}
	}
	b.WriteString("\n## Facts\n\n")
	found := false
	for _, ef := range r.Facts.Events {
		for _, c := range ef.Conflicts {
			found = true
			fmt.Fprintf(&b, "- event %d, %s: %s gives “%s”, %s gives “%s”\n", ef.Event+1, factKind(c),
				mdText(view.Outlet(st, c.A.Article)), mdText(c.A.Text), mdText(view.Outlet(st, c.B.Article)), mdText(c.B.Text))
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
			fmt.Fprintf(&b, "- event %d, %s (%s): %s\n", ef.Event+1, agreedVerb(a), a.Type, mdText(agreedText(st, a)))
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
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

func factKind(c facts.Conflict) string {
	if c.Unit != "" {
		return string(c.Type) + " (" + c.Unit + ")"
	}
	return string(c.Type)
}

func agreedText(st *story.Story, a facts.Agreement) string {
	var parts []string
	for i, art := range a.Articles {
		parts = append(parts, view.Outlet(st, art)+" “"+a.Texts[i]+"”")
	}
	return strings.Join(parts, ", ")
}

// mdDiff renders ops as the second text, with the first text's own words
// struck through and the second's own words in bold.
func mdDiff(ops []worddiff.Op) string {
	var b strings.Builder
	for _, o := range ops {
		t := o.Text
		if o.Kind == worddiff.Equal && o.Other != "" {
			t = o.Other
		}
		core := strings.TrimSpace(t)
		if core == "" || o.Kind == worddiff.Equal {
			b.WriteString(mdText(t))
			continue
		}
		lead := t[:strings.Index(t, core)]
		trail := t[len(lead)+len(core):]
		mark := "**"
		if o.Kind == worddiff.Delete {
			mark = "~~"
		}
		b.WriteString(mdText(lead) + mark + mdText(core) + mark + mdText(trail))
	}
	return b.String()
}

// HTML writes the whole-story report as a self-contained HTML fragment: the
// summary, the coverage matrix (see matrix.HTML), the quote check with
// <del>/<ins> marks and the facts check (conflicts, then values given
// alike). All article text is escaped.
func HTML(w io.Writer, st *story.Story, r *Report) error {
	return section(w, st, r, true)
}

// Page writes the report as a whole HTML page: HTML's section, with the
// report's and the matrix's styles in the page's head.
func Page(w io.Writer, st *story.Story, r *Report) error {
	var b strings.Builder
	if err := section(&b, st, r, false); err != nil {
		return err
	}
	return htmlpage.Write(w, textsafe.VisibleLine(reportTitle(st)), insightCSS+"\n"+matrix.CSS, b.String())
}

func section(w io.Writer, st *story.Story, r *Report, style bool) error {
	var b strings.Builder
	b.WriteString(`<section class="synoptic-insight">` + "\n")
	if style {
		b.WriteString("<style>\n" + insightCSS + "\n</style>\n")
	}
	b.WriteString("<h1>" + htmlText(reportTitle(st)) + "</h1>\n<h2>Summary</h2>\n<ul>\n")
	for _, l := range r.Summary.Lines(0) {
		b.WriteString("<li>" + htmlText(l) + "</li>\n")
	}
	b.WriteString("</ul>\n<h2>Coverage</h2>\n")
	matrixHTML := matrix.HTML
	if !style {
		matrixHTML = matrix.Section
	}
	if err := matrixHTML(&b, st, r.Matrix); err != nil {
		return err
	}
	b.WriteString("<h2>Quotes</h2>\n")
	for n, g := range r.Quotes.Groups {
		cls := "quote"
		if g.SpeakersDiffer {
			cls += " misattributed"
		}
		fmt.Fprintf(&b, "<div class=\"%s\" id=\"quote-%d\"><h3>%d. %s</h3>\n<ul>\n", cls, n+1, n+1, htmlText(groupTitle(st, g)))
		for k, m := range g.Members {
			who := view.Outlet(st, m.Article)
			if m.Speaker != "" {
				who += " (" + m.Speaker + ")"
			}
			text := htmlText(m.Text)
			if k > 0 {
				text = htmlDiff(g.Diffs[k-1].Ops)
			}
			fmt.Fprintf(&b, "<li><span class=\"who\">%s</span>: “%s”</li>\n", htmlText(who), text)
		}
		b.WriteString("</ul></div>\n")
	}
	b.WriteString("<h2>Facts</h2>\n<ul>\n")
	found := false
	// The report has no event sections: an event links to its matrix row.
	rows := map[int]bool{}
	if r.Matrix != nil {
		for _, row := range r.Matrix.Rows {
			rows[row.Event] = true
		}
	}
	for _, ef := range r.Facts.Events {
		for _, c := range ef.Conflicts {
			found = true
			ev := fmt.Sprintf("event %d", ef.Event+1)
			if rows[ef.Event] {
				ev = fmt.Sprintf("<a href=\"#matrix-%d\">%s</a>", ef.Event+1, ev)
			}
			fmt.Fprintf(&b, "<li class=\"conflict\">%s, %s: %s gives “%s”, %s gives “%s”</li>\n",
				ev, htmlText(factKind(c)), htmlText(view.Outlet(st, c.A.Article)), htmlText(c.A.Text),
				htmlText(view.Outlet(st, c.B.Article)), htmlText(c.B.Text))
		}
	}
	if !found {
		b.WriteString("<li>no conflicting figures, dates or names in aligned events</li>\n")
	}
	for _, ef := range r.Facts.Events {
		for _, a := range ef.Agreed {
			if a.Type == facts.Name && !a.Variant {
				continue // as in Markdown: names given alike are the rule
			}
			ev := fmt.Sprintf("event %d", ef.Event+1)
			if rows[ef.Event] {
				ev = fmt.Sprintf("<a href=\"#matrix-%d\">%s</a>", ef.Event+1, ev)
			}
			fmt.Fprintf(&b, "<li>%s, %s (%s): %s</li>\n", ev, agreedVerb(a), htmlText(string(a.Type)), htmlText(agreedText(st, a)))
		}
	}
	b.WriteString("</ul>\n</section>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

const insightCSS = `.synoptic-insight{font:15px/1.45 system-ui,sans-serif;color:#1b1b1b;background:#fff;padding:.5em}
.synoptic-insight del{text-decoration:line-through;background:#fdd}
.synoptic-insight ins{text-decoration:underline;font-weight:bold;background:#dfd}
.synoptic-insight .misattributed h3{color:#b00}
.synoptic-insight .conflict{color:#b00}
@media (prefers-color-scheme:dark){.synoptic-insight{color:#e6e6e6;background:#161616}.synoptic-insight del{background:#522}.synoptic-insight ins{background:#253}
.synoptic-insight .misattributed h3,.synoptic-insight .conflict{color:#f77}}`

// htmlDiff renders ops as the second text with <del> and <ins> marks.
func htmlDiff(ops []worddiff.Op) string {
	var b strings.Builder
	for _, o := range ops {
		switch o.Kind {
		case worddiff.Equal:
			t := o.Text
			if o.Other != "" {
				t = o.Other
			}
			b.WriteString(htmlText(t))
		case worddiff.Delete:
			b.WriteString("<del>" + htmlText(o.Text) + "</del>")
		case worddiff.Insert:
			b.WriteString("<ins>" + htmlText(o.Text) + "</ins>")
		}
	}
	return b.String()
}
