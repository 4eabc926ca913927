package export

import (
	_ "embed"
	"fmt"
	"html"
	"html/template"
	"io"
	"net/url"
	"strings"
	"sync"

	"github.com/synoptic-news/synoptic/internal/wording"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

//go:embed html.css
var htmlCSS string

// HTML writes one self-contained HTML5 page of articles opt.Left and
// opt.Right: a header with both articles, a summary with coverage, a legend,
// a table of contents, and one two-column row per event, with <del> and
// <ins> around the words only one side uses. Inline CSS only: no script, no
// network, light and dark, printable, stacked on narrow screens. Every piece
// of article text goes through html/template, so markup in an article shows
// as text.
func HTML(w io.Writer, st *story.Story, opt Options) error {
	l, r, err := pair(st, opt)
	if err != nil {
		return err
	}
	d := htmlModel(st, l, r, opt.Only)
	if c := Checks(st, opt); c != nil {
		d.Whole = c.Summary.Lines(0)
		for i := range d.Events {
			d.Events[i].Facts = textsafe.VisibleLine(factsDiffer(st, c, d.Events[i].N-1))
		}
	}
	return htmlTmpl().Execute(w, d)
}

type htmlDoc struct {
	CSS         template.CSS
	Title       string
	Pair        string
	Lang        string // the pair's languages (story.LangNote), "" for English
	Threshold   string // ThresholdNote
	PlainWhy    string // why both sides are plain ("a translation", "two languages"), "" when words are compared
	Left, Right htmlArticle
	Stats       Stats
	Filter      string
	Events      []htmlEvent
	// Whole is the whole-story summary, a line each (see insight.Summary).
	Whole []string
}

// NoEvents is what the page says when its filter leaves no event.
func (htmlDoc) NoEvents() string { return NoEvents }

type htmlArticle struct {
	Outlet, Date, Byline, Title, Section string
	URL                                  string // http(s) only, else ""
	RawURL                               string // any other address, shown as text
	Cover                                string // percentage, formatted
	CoverPct                             float64
	Other                                string // the other article's outlet
	Lang                                 string // the article's language where it is not the page's (articleLang)
}

type htmlEvent struct {
	N       int
	Class   string // shared, only-left, only-right, furniture
	Label   string // what the event is, in its row
	Short   string // the same, in the table of contents
	Score   string
	Changed bool
	// Plain says the sides share so few words that they are shown
	// unmarked (FewInCommon).
	Plain   bool
	Wording string // a translation's note in place of "reworded" (story.WordingNote)
	Moved   string
	Excerpt string
	Edit    string // "pinned", "split": how an editor changed the event
	Note    string // the editor's note
	Facts   string // the values that differ, "" when none do
	Left    htmlSide
	Right   htmlSide
}

type htmlSide struct {
	Who      string // the outlet, shown when the columns stack
	Lang     string // the article's language where it is not the page's (articleLang)
	Absent   string // "not in …" when the article lacks the event
	OneSided bool
	Paras    []htmlPara
	// Hints are the event's possible matches, under Absent.
	Hints []htmlHint
}

// htmlHint is a possible match: its line, and the anchor of its event when
// the page shows that event.
type htmlHint struct{ Text, Href string }

type htmlPara struct {
	Class string
	Tag   string // "Caption", "Heading" …: what the block is, when not body text
	// Body is the paragraph's text, escaped by html.EscapeString, with
	// <del> and <ins> around changed words (built here rather than in the
	// template: a template call per word is most of the time on long
	// stories).
	Body template.HTML
}

func htmlModel(st *story.Story, l, r int, only view.Filter) htmlDoc {
	stats := Count(st, l, r)
	d := htmlDoc{
		CSS:       template.CSS(htmlCSS),
		Pair:      pairNote(st, l, r),
		Lang:      textsafe.VisibleLine(st.LangNote(l, r)),
		Threshold: ThresholdNote(st),
		PlainWhy:  plainNote(st, l, r),
		Left:      htmlArt(st, l, r, stats.CoverLeft),
		Right:     htmlArt(st, r, l, stats.CoverRight),
		Stats:     stats,
	}
	d.Title = textsafe.VisibleLine(st.Name)
	if d.Title == "" {
		d.Title = d.Left.Outlet + " vs " + d.Right.Outlet
	}
	for k, e := range st.Events {
		if !Keep(st, k, l, r, only) {
			continue
		}
		kind := view.KindOf(st, k, l, r)
		ev := htmlEvent{
			N:     k + 1,
			Label: view.Label(st, k, l, r),
			Score: fmt.Sprintf("%.2f", e.PairScore(l, r)),
			Moved: textsafe.VisibleLine(view.MovedIn(st, k, l, r)),
			Edit:  view.EditMark(&st.Events[k]),
			Note:  noteText(&st.Events[k]),
		}
		ev.Short = ev.Label
		switch kind {
		case view.Shared:
			ev.Class = "shared"
			ev.Changed = Keep(st, k, l, r, view.FilterChanged)
			ev.Wording = st.WordingNote(k, l, r)
		case view.OnlyLeft:
			ev.Class = "only-left"
			ev.Label = "only in " + d.Left.Outlet
		case view.OnlyRight:
			ev.Class = "only-right"
			ev.Label = "only in " + d.Right.Outlet
		default:
			ev.Class = "furniture"
		}
		ev.Plain = ev.Changed && FewInCommon(st, k, l, r)
		ev.Left = htmlSideOf(st, k, l, r, true, ev.Plain)
		ev.Right = htmlSideOf(st, k, r, l, false, ev.Plain)
		ev.Excerpt = excerpt(st, k, l, r)
		d.Events = append(d.Events, ev)
	}
	// a possible match links to its event when the page shows it
	shown := make(map[int]bool, len(d.Events))
	for _, ev := range d.Events {
		shown[ev.N] = true
	}
	for i := range d.Events {
		ev := &d.Events[i]
		for _, s := range []*htmlSide{&ev.Left, &ev.Right} {
			if s.Absent == "" {
				continue
			}
			for _, h := range layout.Hints(st, ev.N-1, l, r) {
				hh := htmlHint{Text: h.Text}
				if shown[h.Event+1] {
					hh.Href = fmt.Sprintf("#event-%d", h.Event+1)
				}
				s.Hints = append(s.Hints, hh)
			}
		}
	}
	var kept []int
	for _, ev := range d.Events {
		kept = append(kept, ev.N-1)
	}
	d.Filter = strings.TrimSpace(FilterNote(only, len(d.Events), stats.Events) + " " + NumberNote(st, only, kept))
	return d
}

func htmlArt(st *story.Story, a, other int, cover float64) htmlArticle {
	art := st.Articles[a]
	h := htmlArticle{
		Outlet:   textsafe.VisibleLine(view.Outlet(st, a)),
		Date:     textsafe.VisibleLine(art.Date),
		Byline:   textsafe.VisibleLine(art.Byline),
		Title:    textsafe.VisibleLine(art.Title),
		Section:  textsafe.VisibleLine(art.Section),
		Cover:    fmt.Sprintf("%.0f%%", cover),
		CoverPct: cover,
		Other:    textsafe.VisibleLine(view.Outlet(st, other)),
		Lang:     articleLang(st, a),
	}
	if u, err := url.Parse(strings.TrimSpace(art.URL)); err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" {
		h.URL = u.String()
	} else {
		h.RawURL = textsafe.VisibleLine(art.URL)
	}
	return h
}

// htmlSideOf is article a's side of event k; plain leaves its words
// unmarked.
func htmlSideOf(st *story.Story, k, a, other int, left, plain bool) htmlSide {
	s := htmlSide{Who: textsafe.VisibleLine(view.Outlet(st, a))}
	diffWith := other
	if plain {
		diffWith = -1
	}
	ps := sideParas(st, k, a, diffWith, left)
	if len(ps) == 0 {
		s.Absent = "not in " + s.Who
		return s
	}
	s.OneSided = len(st.Events[k].Blocks[other]) == 0
	s.Lang = articleLang(st, a)
	for _, p := range ps {
		hp := htmlPara{Class: "k-" + string(p.Kind), Tag: kindTag(p.Kind)}
		var b strings.Builder
		for _, r := range p.Runs {
			t := html.EscapeString(textsafe.Visible(r.Text))
			switch r.Role {
			case layout.Deleted:
				b.WriteString("<del>" + t + "</del>")
			case layout.Inserted:
				b.WriteString("<ins>" + t + "</ins>")
			default:
				b.WriteString(t)
			}
		}
		hp.Body = template.HTML(b.String()) // every piece of text above is escaped
		s.Paras = append(s.Paras, hp)
	}
	return s
}

// articleLang is the language article a is written in, for the lang
// attribute of its text, so that a browser, a screen reader or a
// hyphenator reads German as German on the page's English; "" when it is
// English, the page's own, or not known.
func articleLang(st *story.Story, a int) string {
	switch l := st.Articles[a].Lang; l {
	case lang.Unknown, lang.English:
		return ""
	default:
		return string(l)
	}
}

// kindTag names a block kind that is not plain body text.
func kindTag(k segment.Kind) string {
	switch k {
	case segment.Headline:
		return "Headline"
	case segment.Caption:
		return "Caption"
	case segment.Heading:
		return "Heading"
	case segment.Boilerplate:
		return "Page furniture"
	case segment.Teaser:
		return "Teaser"
	case segment.Meta:
		return "Metadata"
	}
	return ""
}

// excerpt is the start of event k's text, for the table of contents.
func excerpt(st *story.Story, k, l, r int) string {
	e := st.Events[k]
	a := l
	if len(e.Blocks[l]) == 0 {
		a = r
	}
	if len(e.Blocks[a]) == 0 {
		return ""
	}
	t := strings.Join(strings.Fields(textsafe.VisibleLine(st.SideText(a, e.Blocks[a]))), " ")
	const n = 90
	if rs := []rune(t); len(rs) > n {
		t = strings.TrimRight(string(rs[:n]), " ") + "…"
	}
	return t
}

// pair returns the two articles opt shows, or an error when the story
// cannot show them.
func pair(st *story.Story, opt Options) (int, int, error) {
	n := len(st.Articles)
	l, r := opt.Left, opt.Right
	if n < 2 {
		return 0, 0, fmt.Errorf("the story has %d article(s); an export compares two", n)
	}
	if l < 0 || l >= n || r < 0 || r >= n || l == r {
		return 0, 0, fmt.Errorf("articles %d,%d: want two different indices from 0 to %d", l, r, n-1)
	}
	return l, r, nil
}

// sideArg passes one side and its name ("left", "right") to a sub-template.
func sideArg(side string, v any) map[string]any { return map[string]any{"Side": side, "A": v, "S": v} }

// htmlTmpl is parsed on first use, not at every start-up.
var htmlTmpl = sync.OnceValue(func() *template.Template {
	return template.Must(template.New("html").Funcs(template.FuncMap{"arg": sideArg, "noun": wording.Noun, "count": wording.Count}).Parse(htmlSource))
})

const htmlSource = `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="synoptic">
<title>{{.Title}} · synoptic</title>
<style>
{{.CSS}}</style>
</head>
<body>
<header>
<p class="app">synoptic · side by side</p>
<h1>{{.Title}}</h1>
{{- if .Pair}}
<p class="pair">Showing {{.Pair}}.</p>
{{- end}}
{{- if .Lang}}
<p class="pair">{{.Lang}}</p>
{{- end}}
{{- if .Threshold}}
<p class="pair">Events {{.Threshold}}.</p>
{{- end}}
<div class="articles">
{{- template "article" (arg "left" .Left)}}
{{- template "article" (arg "right" .Right)}}
</div>
</header>
<section class="summary" aria-label="Summary">
{{- if .Whole}}
<ul class="whole" aria-label="Whole story">
{{- range .Whole}}
<li>{{.}}</li>
{{- end}}
</ul>
{{- end}}
<ul class="counts">
<li><b>{{.Stats.Events}}</b> {{noun .Stats.Events "event"}}</li>
<li><b>{{.Stats.Shared}}</b> shared{{if .Stats.Shared}} ({{.Stats.Changed}} reworded{{if .Stats.Moved}}, {{.Stats.Moved}} moved{{end}}){{end}}</li>
<li><b>{{.Stats.OnlyLeft}}</b> only in {{.Left.Outlet}}</li>
<li><b>{{.Stats.OnlyRight}}</b> only in {{.Right.Outlet}}</li>
<li><b>{{.Stats.Boilerplate}}</b> page furniture</li>
</ul>
<ul class="legend" aria-label="Legend">
{{- if .PlainWhy}}
<li>{{.PlainWhy}}: both sides plain</li>
<li><del>struck</del> figures and names {{.Right.Outlet}} gives otherwise</li>
<li><ins>underlined</ins> those of {{.Right.Outlet}}</li>
{{- else}}
<li><del>struck</del> words only in {{.Left.Outlet}}</li>
<li><ins>underlined</ins> words only in {{.Right.Outlet}}</li>
<li>plain: wording both share</li>
{{- end}}
<li><span class="chip only-left">only in …</span> an event one side lacks</li>
<li><span class="moved">moved</span> told in another order</li>
</ul>
{{- if .Filter}}
<p class="filter">{{.Filter}}</p>
{{- end}}
</section>
{{- if .Events}}
<div class="layout">
<details class="toc" open>
<summary>Contents · {{count (len .Events) "event"}}</summary>
<nav aria-label="Events">
<ol>
{{- range .Events}}
<li class="{{.Class}}"><a class="n" href="#event-{{.N}}">{{.N}}</a><span class="chip {{.Class}}">{{.Short}}</span><a class="x" href="#event-{{.N}}">{{.Excerpt}}</a></li>
{{- end}}
</ol>
</nav>
</details>
<main>
<div class="colheads" aria-hidden="true"><div class="left">{{.Left.Outlet}}</div><div class="right">{{.Right.Outlet}}</div></div>
{{- range .Events}}
<section class="event {{.Class}}{{if .Changed}} changed{{end}}{{if .Moved}} is-moved{{end}}" id="event-{{.N}}">
{{- if eq .Class "furniture"}}
<details class="furniture">
<summary><h2 class="ev-head"><a class="num" href="#event-{{.N}}">{{.N}}</a><span class="chip furniture">{{.Label}}</span><span class="hint">{{.Excerpt}}</span></h2></summary>
{{- template "note" .}}
{{- template "cols" .}}
</details>
{{- else}}
<h2 class="ev-head"><a class="num" href="#event-{{.N}}">{{.N}}</a><span class="chip {{.Class}}">{{.Label}}</span>{{if .Wording}}<span>{{.Wording}}</span>{{else if .Plain}}<span class="plain">reworded · few words in common, shown unmarked</span>{{else if .Changed}}<span>reworded</span>{{end}}{{if eq .Class "shared"}}<span>score {{.Score}}</span>{{end}}{{if .Moved}}<span class="moved">moved in {{.Moved}}</span>{{end}}{{if .Facts}}<span class="facts">facts differ</span>{{end}}{{if .Edit}}<span class="edit">{{.Edit}}</span>{{end}}</h2>
{{- template "note" .}}
{{- template "cols" .}}
{{- end}}
</section>
{{- end}}
</main>
</div>
{{- else}}
<p class="none">{{.NoEvents}}</p>
{{- end}}
<footer>Made with synoptic. Alignment and word differences are computed; check them against the articles.</footer>
</body>
</html>
{{define "article"}}
<div class="article {{.Side}}">
<p class="outlet">{{.A.Outlet}}</p>
{{- if or .A.Date .A.Byline .A.Section}}
<p class="meta">{{.A.Date}}{{if and .A.Date (or .A.Section .A.Byline)}} · {{end}}{{.A.Section}}{{if and .A.Section .A.Byline}} · {{end}}{{if .A.Byline}}by {{.A.Byline}}{{end}}</p>
{{- end}}
{{- if .A.Title}}
<h2{{with .A.Lang}} lang="{{.}}"{{end}}>{{.A.Title}}</h2>
{{- end}}
{{- if .A.URL}}
<p class="meta"><a href="{{.A.URL}}" rel="noreferrer noopener">{{.A.URL}}</a></p>
{{- else if .A.RawURL}}
<p class="meta">{{.A.RawURL}}</p>
{{- end}}
<div class="cov"><div class="bar {{.Side}}"><div style="width: {{printf "%.1f" .A.CoverPct}}%"></div></div><p><b>{{.A.Cover}}</b> of its text reports events {{.A.Other}} also reports</p></div>
</div>
{{- end}}
{{define "note"}}
{{- if .Facts}}
<p class="facts-note"><b>Facts differ:</b> {{.Facts}}</p>
{{- end}}
{{- if .Note}}
<p class="note"><b>Note:</b> {{.Note}}</p>
{{- end}}
{{- end}}
{{define "cols"}}
<div class="cols">
{{- template "side" (arg "left" .Left)}}
{{- template "side" (arg "right" .Right)}}
</div>
{{- end}}
{{define "side"}}
{{- if .S.Absent}}
<div class="side {{.Side}} absent">{{.S.Absent}}
{{- range .S.Hints}}
<p class="possible">{{if .Href}}<a href="{{.Href}}">{{.Text}}</a>{{else}}{{.Text}}{{end}}</p>
{{- end}}</div>
{{- else}}
<div class="side {{.Side}}{{if .S.OneSided}} one-sided{{end}}"{{with .S.Lang}} lang="{{.}}"{{end}}><p class="who">{{.S.Who}}</p>
{{- range .S.Paras}}
<p class="{{.Class}}">{{if .Tag}}<span class="tag">{{.Tag}}</span>{{end}}{{.Body}}</p>
{{- end}}
</div>
{{- end}}
{{- end}}
`
