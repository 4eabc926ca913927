package export

import (
	"fmt"
	"io"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/wording"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

// Markdown writes a GitHub-flavoured Markdown document of articles
// opt.Left and opt.Right: a header table, a summary, a legend, a list of
// events linking to each, then per event a heading and each side's text as
// a quotation, words only on the left ~~struck~~ and words only on the
// right **bold**, paragraphs wrapped at opt.Width columns. Article text is
// escaped so that Markdown and HTML in it show as text, and control
// characters are made visible.
func Markdown(w io.Writer, st *story.Story, opt Options) error {
	l, r, err := pair(st, opt)
	if err != nil {
		return err
	}
	width := max(20, opt.Width)
	var b strings.Builder
	la, ra := mdLine(view.Outlet(st, l)), mdLine(view.Outlet(st, r))
	title := mdLine(st.Name)
	if title == "" {
		title = la + " vs " + ra
	}
	fmt.Fprintf(&b, "# %s\n\n", title)
	fmt.Fprintf(&b, "Side by side: %s and %s", mdStrong(la), mdStrong(ra))
	if n := pairNote(st, l, r); n != "" {
		fmt.Fprintf(&b, ", %s", mdLine(n))
	}
	if n := st.LangNote(l, r); n != "" {
		fmt.Fprintf(&b, " (%s)", mdLine(n))
	}
	if n := ThresholdNote(st); n != "" {
		fmt.Fprintf(&b, "; %s", mdLine(n))
	}
	b.WriteString(".\n\n")

	c := Checks(st, opt)
	if c != nil {
		b.WriteString("## Summary\n\n")
		for _, ln := range c.Summary.Lines(0) {
			b.WriteString("- " + mdLine(ln) + "\n")
		}
		b.WriteString("\n")
	}

	stats := Count(st, l, r)
	mdOverview(&b, st, l, r, stats)

	var keep []int
	for k := range st.Events {
		if Keep(st, k, l, r, opt.Only) {
			keep = append(keep, k)
		}
	}
	if n := strings.TrimSpace(FilterNote(opt.Only, len(keep), stats.Events) + " " + NumberNote(st, opt.Only, keep)); n != "" {
		b.WriteString(n + "\n\n")
	}
	if len(keep) == 0 {
		b.WriteString(NoEvents + "\n")
		_, err := io.WriteString(w, b.String())
		return err
	}

	shown := make([]bool, len(st.Events))
	for _, k := range keep {
		shown[k] = true
	}
	b.WriteString("## Contents\n\n")
	for _, k := range keep {
		fmt.Fprintf(&b, "- [%d · %s · %s](#event-%d)\n", k+1, mdLine(mdKind(st, k, l, r)), mdLine(excerpt(st, k, l, r)), k+1)
	}
	b.WriteString("\n## Events\n")
	for _, k := range keep {
		e := st.Events[k]
		head := fmt.Sprintf("%d · %s", k+1, mdLine(mdKind(st, k, l, r)))
		if e.Kind == story.Shared && len(e.Blocks[l]) > 0 && len(e.Blocks[r]) > 0 {
			if n := st.WordingNote(k, l, r); n != "" {
				head += " · " + n
			} else if Keep(st, k, l, r, view.FilterChanged) {
				head += " · reworded"
			}
			head += fmt.Sprintf(" · score %.2f", e.PairScore(l, r))
			if m := view.MovedIn(st, k, l, r); m != "" {
				head += " · moved in " + mdLine(m)
			}
		}
		facts := factsDiffer(st, c, k)
		if facts != "" {
			head += " · facts differ"
		}
		if m := view.EditMark(&e); m != "" {
			head += " · " + m
		}
		fmt.Fprintf(&b, "\n<a id=\"event-%d\"></a>\n\n### %s\n\n", k+1, head)
		if facts != "" {
			fmt.Fprintf(&b, "**Facts differ:** %s\n\n", mdEscape(safe(facts), false))
		}
		if n := noteText(&e); n != "" {
			fmt.Fprintf(&b, "**Note:** %s\n\n", mdEscape(n, false))
		}
		mdSide(&b, st, k, l, r, true, width, shown)
		b.WriteString("\n")
		mdSide(&b, st, k, r, l, false, width, shown)
	}
	_, err = io.WriteString(w, b.String())
	return err
}

// mdOverview writes the table of the two articles' metadata and coverage,
// the count of events by kind and the legend of the marks.
func mdOverview(b *strings.Builder, st *story.Story, l, r int, stats Stats) {
	la, ra := mdLine(view.Outlet(st, l)), mdLine(view.Outlet(st, r))
	b.WriteString("| | " + la + " | " + ra + " |\n|---|---|---|\n")
	row := func(name, x, y string) {
		if x != "" || y != "" {
			fmt.Fprintf(b, "| %s | %s | %s |\n", name, x, y)
		}
	}
	a1, a2 := st.Articles[l], st.Articles[r]
	row("Headline", mdLine(a1.Title), mdLine(a2.Title))
	row("Date", mdLine(a1.Date), mdLine(a2.Date))
	row("Byline", mdLine(a1.Byline), mdLine(a2.Byline))
	row("Section", mdLine(a1.Section), mdLine(a2.Section))
	row("Address", mdURL(a1.URL), mdURL(a2.URL))
	row("Coverage", fmt.Sprintf("%.0f%%", stats.CoverLeft), fmt.Sprintf("%.0f%%", stats.CoverRight))
	b.WriteString("\n")

	fmt.Fprintf(b, "**%s:** %d shared", wording.Count(stats.Events, "event"), stats.Shared)
	if stats.Shared > 0 {
		fmt.Fprintf(b, " (%d reworded, %d moved)", stats.Changed, stats.Moved)
	}
	fmt.Fprintf(b, ", %d only in %s, %d only in %s, %d page furniture. ", stats.OnlyLeft, la, stats.OnlyRight, ra, stats.Boilerplate)
	b.WriteString("Coverage is the share of each article's body text that reports events the other also reports.\n\n")
	if why := plainNote(st, l, r); why == "" {
		fmt.Fprintf(b, "Legend: ~~struck~~ words only in %s · **bold** words only in %s · plain words both share.\n\n", la, ra)
	} else {
		fmt.Fprintf(b, "Legend: %s, both sides plain · ~~struck~~ figures and names of %s that %s gives otherwise · **bold** those of %s.\n\n", why, la, ra, ra)
	}
}

// mdKind names event k for the pair l, r.
func mdKind(st *story.Story, k, l, r int) string {
	kind := view.KindOf(st, k, l, r)
	switch kind {
	case view.OnlyLeft:
		return "only in " + view.Outlet(st, l)
	case view.OnlyRight:
		return "only in " + view.Outlet(st, r)
	}
	return view.Label(st, k, l, r)
}

// mdSide writes article a's part of event k: its outlet, then its text as
// a quotation, or a line saying it lacks the event and the event's possible
// matches, linked when the document shows their events (shown[k]).
func mdSide(b *strings.Builder, st *story.Story, k, a, other int, left bool, width int, shown []bool) {
	who := mdLine(view.Outlet(st, a))
	ps := sideParas(st, k, a, other, left)
	if len(ps) == 0 {
		fmt.Fprintf(b, "*Not in %s.*\n", who)
		for _, h := range layout.Hints(st, k, a, other) {
			if shown[h.Event] {
				fmt.Fprintf(b, "\n[%s](#event-%d)\n", mdLine(h.Text), h.Event+1)
			} else {
				fmt.Fprintf(b, "\n%s\n", mdLine(h.Text))
			}
		}
		return
	}
	fmt.Fprintf(b, "%s\n\n", mdStrong(who))
	for x, p := range ps {
		if x > 0 {
			b.WriteString(">\n")
		}
		if p.Kind == segment.Teaser {
			p.Runs = []layout.Run{{Text: view.Folded(paraText(p)), Role: layout.Plain}}
		}
		for _, ln := range mdWrap(p, width-2) {
			b.WriteString("> " + ln + "\n")
		}
	}
}

// mdPiece is a piece of a word with one mark. raw pieces are Markdown
// written by the exporter, not article text, and are not escaped.
type mdPiece struct {
	text string
	mark layout.Role
	raw  bool
}

// mdWrap renders paragraph p as Markdown lines of about width columns:
// escaped text, with marks opened and closed on each line.
func mdWrap(p para, width int) []string {
	var words [][]mdPiece
	var cur []mdPiece
	flush := func() {
		if len(cur) > 0 {
			words = append(words, cur)
			cur = nil
		}
	}
	if tag := kindTag(p.Kind); tag != "" {
		words = append(words, []mdPiece{{"*(" + strings.ToLower(tag) + ")*", layout.Plain, true}})
	}
	for _, r := range p.Runs {
		t := textsafe.Visible(r.Text)
		for t != "" {
			i := strings.IndexAny(t, " \n")
			if i < 0 {
				cur = append(cur, mdPiece{t, r.Role, false})
				break
			}
			if i > 0 {
				cur = append(cur, mdPiece{t[:i], r.Role, false})
			}
			flush()
			t = t[i+1:]
		}
	}
	flush()

	var lines []string
	var line [][]mdPiece
	lineW := 0
	emit := func() {
		if len(line) > 0 {
			lines = append(lines, mdRender(line))
		}
		line, lineW = nil, 0
	}
	prevMark := layout.Plain
	for _, w := range words {
		// The width as written: escapes, and a pair of marks where a run
		// of changed words starts (roughly: a <del> is wider).
		ww := 0
		for _, pc := range w {
			ww += mdWidth(pc.text, !pc.raw)
			if pc.mark != layout.Plain && pc.mark != prevMark {
				ww += 4
			}
			prevMark = pc.mark
		}
		if lineW > 0 && lineW+1+ww > width {
			emit()
			if w[0].mark != layout.Plain {
				ww += 4 // the run's marks open again on the new line
			}
		}
		if lineW > 0 {
			lineW++
		}
		line = append(line, w)
		lineW += ww
	}
	emit()
	return lines
}

// mdWidth is about how many columns s takes once escaped (when escaped
// is set): ASCII is counted directly, the rest measured by grapheme.
func mdWidth(s string, escaped bool) int {
	w := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return w + ansi.StringWidth(s[i:])
		}
		w++
		if escaped && strings.IndexByte("\\`*_[]<>|~$@#", c) >= 0 {
			w++
		}
	}
	return w
}

// mdRender writes one line of words, escaping text and marking changed
// words. Consecutive changed words share one mark, which is ~~…~~ or **…**
// where CommonMark's flanking rules let it open and close, else <del> or
// <ins>.
func mdRender(words [][]mdPiece) string {
	// Join the words into segments of one mark; a space between two words
	// takes the mark of both when they have the same one.
	type span struct {
		start, end int
		mark       layout.Role
		raw        bool
	}
	var all strings.Builder
	var spans []span
	add := func(t string, m layout.Role, raw bool) {
		if n := len(spans); n > 0 && spans[n-1].mark == m && spans[n-1].raw == raw {
			spans[n-1].end += len(t)
		} else {
			spans = append(spans, span{all.Len(), all.Len() + len(t), m, raw})
		}
		all.WriteString(t)
	}
	for i, w := range words {
		if i > 0 {
			prev := words[i-1][len(words[i-1])-1].mark
			m := layout.Plain
			if prev == w[0].mark {
				m = prev
			}
			add(" ", m, false)
		}
		for _, pc := range w {
			add(pc.text, pc.mark, pc.raw)
		}
	}
	// Escape the article text as one line, so that what a character means
	// in context (an entity, a list number, an address) is seen whole. Only
	// a leading tag is raw, and the escapes look at nothing before it.
	line := all.String()
	flags := mdEscapeFlags(line, len(spans) > 0 && !spans[0].raw)
	segs := make([]mdPiece, len(spans))
	for i, sp := range spans {
		t := line[sp.start:sp.end]
		if !sp.raw {
			t = applyEscapes(t, flags[sp.start:sp.end])
		}
		segs[i] = mdPiece{t, sp.mark, sp.raw}
	}
	var b strings.Builder
	for i, s := range segs {
		if s.mark == layout.Plain {
			b.WriteString(s.text)
			continue
		}
		var prev, next rune = ' ', ' '
		if i > 0 {
			prev, _ = utf8.DecodeLastRuneInString(segs[i-1].text)
		}
		if i+1 < len(segs) {
			next, _ = utf8.DecodeRuneInString(segs[i+1].text)
		}
		open, close, c := "~~", "~~", '~'
		if s.mark == layout.Inserted {
			open, close, c = "**", "**", '*'
		}
		first, _ := utf8.DecodeRuneInString(s.text)
		last, _ := utf8.DecodeLastRuneInString(s.text)
		// An escaped delimiter character next to a mark joins its run in
		// some renderers, so a mark never touches one.
		touches := strings.HasPrefix(s.text, `\`+string(c)) || last == c || prev == c || next == c
		if touches || !canOpen(prev, first) || !canClose(last, next) {
			open, close = "<del>", "</del>"
			if s.mark == layout.Inserted {
				open, close = "<ins>", "</ins>"
			}
		}
		b.WriteString(open + s.text + close)
	}
	return b.String()
}

// canOpen says whether a "**" or "~~" between prev and first opens a span
// under CommonMark's flanking rules, read strictly enough for both older
// and newer definitions of punctuation.
func canOpen(prev, first rune) bool {
	if isMdSpace(first) {
		return false
	}
	if !isPunctLoose(first) {
		return true
	}
	return isMdSpace(prev) || isPunctStrict(prev)
}

// canClose says whether a delimiter between last and next closes a span.
func canClose(last, next rune) bool {
	if isMdSpace(last) {
		return false
	}
	if !isPunctLoose(last) {
		return true
	}
	return isMdSpace(next) || isPunctStrict(next)
}

func isMdSpace(r rune) bool { return unicode.IsSpace(r) }

// isPunctLoose is punctuation under any CommonMark version (P or S).
func isPunctLoose(r rune) bool {
	return unicode.IsPunct(r) || unicode.IsSymbol(r)
}

// isPunctStrict is punctuation under every CommonMark version: ASCII
// punctuation or category P.
func isPunctStrict(r rune) bool {
	return r < utf8.RuneSelf && (unicode.IsPunct(r) || unicode.IsSymbol(r)) || unicode.IsPunct(r)
}

// mdStrong sets escaped text in bold, with <b> where ** would not hold
// (an escaped * at either end, or nothing to hold).
func mdStrong(s string) string {
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	if s == "" || strings.HasPrefix(s, `\*`) || last == '*' || !canOpen(' ', first) || !canClose(last, ' ') {
		return "<b>" + s + "</b>"
	}
	return "**" + s + "**"
}

// mdURL is an article's address: a link when it is a plain http(s)
// address, else escaped text.
func mdURL(s string) string {
	s = strings.TrimSpace(s)
	u, err := url.Parse(s)
	if err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" && textsafe.Clean(s) &&
		!strings.ContainsAny(s, "<> \n\u00a0") && utf8.ValidString(s) {
		return "<" + s + ">"
	}
	return mdLine(s)
}

// mdLine escapes untrusted text for one line of Markdown (a heading, a
// table cell, a link text).
func mdLine(s string) string {
	return mdEscape(strings.Join(strings.Fields(textsafe.VisibleLine(s)), " "), true)
}

// mdEscape escapes text so that Markdown and HTML in it show as written:
// characters that start inline syntax everywhere, and those that start a
// block at the start of a line.
func mdEscape(s string, lineStart bool) string {
	return applyEscapes(s, mdEscapeFlags(s, lineStart))
}

// applyEscapes puts a backslash before each byte of s whose flag is set.
func applyEscapes(s string, flags []bool) string {
	var b strings.Builder
	b.Grow(len(s) + 8)
	for i := 0; i < len(s); i++ {
		if flags[i] {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// mdEscapeFlags marks the bytes of s that need a backslash in Markdown.
func mdEscapeFlags(s string, lineStart bool) []bool {
	flags := make([]bool, len(s))
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '_', '[', ']', '<', '>', '|', '~', '$', '@', '#':
			flags[i] = true
		case '&':
			flags[i] = entityAt(s[i:])
		case '-', '+', '=':
			flags[i] = lineStart && i == 0
		case '.', ')':
			if lineStart && i > 0 && allDigits(s[:i]) {
				flags[i] = true
			} else if r == '.' && i >= 3 && strings.EqualFold(s[i-3:i], "www") {
				// Keep the autolink extension from making "www.…" a link.
				flags[i] = true
			}
		case ':':
			// Keep autolinks from turning an address into a link.
			flags[i] = strings.HasPrefix(s[i:], "://")
		}
	}
	return flags
}

// entityAt says whether s starts with what Markdown reads as an entity
// or character reference (&amp; &#38; &#x26;).
func entityAt(s string) bool {
	i := 1
	if i < len(s) && s[i] == '#' {
		i++
	}
	j := i
	for j < len(s) && j-i < 32 && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 'A' && s[j] <= 'Z' || s[j] >= '0' && s[j] <= '9') {
		j++
	}
	return j > i && j < len(s) && s[j] == ';'
}

func allDigits(s string) bool {
	for _, c := range []byte(s) {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}
