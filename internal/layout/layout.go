// Package layout turns events of the aligned story into wrapped lines of
// role-tagged spans, for a given column width. It styles nothing: the reader,
// the text and the ANSI renderers paint the roles their own way, so that
// wrapping happens on plain text and styling after it.
package layout

import (
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Role is what a span of text is, for painting.
type Role uint8

// The roles.
const (
	Plain         Role = iota // shared wording
	Deleted                   // only in the left article
	Inserted                  // only in the right article
	OneSided                  // a block the other article lacks
	Caption                   // a photo caption
	Heading                   // a headline or heading
	Boilerplate               // page furniture
	Absent                    // the "not in …" placeholder
	SharedHeading             // words both articles use in a headline or heading
	SharedCaption             // words both articles use in a caption
	Possible                  // a possible match of a one-sided event (see Hints)

	// Roles is the number of roles.
	Roles = Possible + 1
)

// Span is a run of text with one role. Text is already made safe to show.
type Span struct {
	Text string
	Role Role
}

// Line is one wrapped line.
type Line []Span

// Width is the display width of the line.
func (l Line) Width() int {
	w := 0
	for _, s := range l {
		w += cellWidth(s.Text)
	}
	return w
}

// String is the line's text without roles.
func (l Line) String() string {
	var b strings.Builder
	for _, s := range l {
		b.WriteString(s.Text)
	}
	return b.String()
}

// Run is a piece of one side of an event with one role: Plain, Deleted or
// Inserted. Unlike a Span's, its text is the article's as written, not yet
// made safe: each renderer escapes it its own way.
type Run struct {
	Text string
	Role Role
}

// Runs returns the text of article side in event k as runs. Compared with
// article other, words only in side are Deleted (side is the left, first
// article) or Inserted (right), and shared words Plain; the right side's
// shared words are spelt as it writes them. Without a comparison (other
// is -1, side itself, or lacks the event), the blocks are Plain. Blocks are
// joined by "\n\n" either way, and changed words keep their role across
// the breaks.
func Runs(st *story.Story, k, side, other int, left bool) []Run {
	e := &st.Events[k]
	bs := e.Blocks[side]
	if len(bs) == 0 {
		return nil
	}
	var out []Run
	if !compared(st, k, side, other) {
		for x, i := range bs {
			if x > 0 {
				out = append(out, Run{"\n\n", Plain})
			}
			out = append(out, Run{st.Articles[side].Blocks[i].Text, Plain})
		}
		return out
	}
	var ops []worddiff.Op
	if left {
		ops = st.Ops(k, side, other)
	} else {
		ops = st.Ops(k, other, side)
	}
	for _, o := range ops {
		switch {
		case o.Kind == worddiff.Equal:
			t := o.Text
			if !left && o.Other != "" {
				t = o.Other
			}
			out = append(out, Run{t, Plain})
		case o.Kind == worddiff.Delete && left:
			out = append(out, Run{o.Text, Deleted})
		case o.Kind == worddiff.Insert && !left:
			out = append(out, Run{o.Text, Inserted})
		}
	}
	return out
}

// compared says whether article side's part of event k is compared with
// article other's.
func compared(st *story.Story, k, side, other int) bool {
	return other >= 0 && other != side && len(st.Events[k].Blocks[other]) > 0
}

// Side returns the spans of article side's part of event k, compared with
// article other (-1: no comparison), made safe to show: the Runs, the
// spaces around changed words Plain, and the shared words of a headline,
// heading or caption SharedHeading or SharedCaption; blocks of a one-sided
// event get their kind's role, a teaser folded (see view.Folded). Paragraph
// breaks are "\n\n".
func Side(st *story.Story, k, side, other int, left bool) []Span {
	bs := st.Events[k].Blocks[side]
	if len(bs) == 0 {
		return nil
	}
	var out []Span
	if compared(st, k, side, other) {
		for _, r := range Runs(st, k, side, other, left) {
			if r.Role == Plain {
				out = append(out, Span{textsafe.Visible(r.Text), Plain})
			} else {
				out = appendChanged(out, textsafe.Visible(r.Text), r.Role)
			}
		}
		return sharedKinds(st, side, bs, out)
	}
	for x, i := range bs {
		if x > 0 {
			out = append(out, Span{"\n\n", Plain})
		}
		b := st.Articles[side].Blocks[i]
		t := b.Text
		if b.Kind == segment.Teaser {
			t = view.Folded(t)
		}
		out = append(out, Span{textsafe.Visible(t), roleOf(b.Kind)})
	}
	return out
}

// Column returns what article side's column shows of event k: Side, or,
// when side lacks the event, the line "· not in <outlet> ·" and the
// event's possible matches in side (see Hints), a line each.
func Column(st *story.Story, k, side, other int, left bool) []Span {
	if len(st.Events[k].Blocks[side]) > 0 {
		return Side(st, k, side, other, left)
	}
	spans := []Span{{"· not in " + textsafe.VisibleLine(view.Outlet(st, side)) + " ·", Absent}}
	return append(spans, HintSpans(Hints(st, k, side, other))...)
}

// appendChanged appends changed text with role r, the spaces around its
// words as Plain: an underline or a strike stops at the word rather than
// running into the gap before the next shared one.
func appendChanged(out []Span, text string, r Role) []Span {
	word := strings.TrimSpace(text)
	if word == "" {
		return append(out, Span{text, Plain})
	}
	i := strings.Index(text, word)
	if i > 0 {
		out = append(out, Span{text[:i], Plain})
	}
	out = append(out, Span{word, r})
	if j := i + len(word); j < len(text) {
		out = append(out, Span{text[j:], Plain})
	}
	return out
}

// sharedKinds gives the Plain spans that fall in a headline, heading or
// caption of article a's blocks bs their block's shared role, cutting
// them at block ends. Changed words keep their diff role. The spans are
// left as they are when they do not spell the blocks' text.
func sharedKinds(st *story.Story, a int, bs []int, spans []Span) []Span {
	type part struct {
		from, to int // byte range in the joined text
		role     Role
	}
	var parts []part
	var joined strings.Builder
	for x, i := range bs {
		if x > 0 {
			joined.WriteString("\n\n")
		}
		b := st.Articles[a].Blocks[i]
		from := joined.Len()
		joined.WriteString(textsafe.Visible(b.Text))
		switch b.Kind {
		case segment.Headline, segment.Heading:
			parts = append(parts, part{from, joined.Len(), SharedHeading})
		case segment.Caption:
			parts = append(parts, part{from, joined.Len(), SharedCaption})
		}
	}
	if len(parts) == 0 {
		return spans
	}
	n := 0
	for _, s := range spans {
		n += len(s.Text)
	}
	text := joined.String()
	if n != len(text) {
		return spans
	}
	out := make([]Span, 0, len(spans)+2*len(parts))
	pos := 0
	for _, s := range spans {
		end := pos + len(s.Text)
		if s.Text != text[pos:end] {
			return spans
		}
		if s.Role != Plain {
			out = append(out, s)
			pos = end
			continue
		}
		at := pos
		for _, p := range parts {
			if p.to <= at || p.from >= end {
				continue
			}
			if p.from > at {
				out = append(out, Span{text[at:p.from], Plain})
				at = p.from
			}
			e := min(p.to, end)
			out = append(out, Span{text[at:e], p.role})
			at = e
		}
		if at < end {
			out = append(out, Span{text[at:end], Plain})
		}
		pos = end
	}
	return out
}

func roleOf(k segment.Kind) Role {
	switch k {
	case segment.Caption:
		return Caption
	case segment.Headline, segment.Heading:
		return Heading
	case segment.Boilerplate, segment.Meta, segment.Teaser:
		return Boilerplate
	}
	return OneSided
}

// Wrap breaks spans into lines of at most width display cells. It breaks at
// spaces (a word with its punctuation stays whole, even across roles) and
// inside a word only when the word is longer than the line. "\n" starts a
// new line. Spaces at a break are not shown; a run of spaces shows as one.
//
// Lines hold substrings of the spans' texts rather than copies, so wrapping
// a long story allocates little more than the lines themselves.
func Wrap(spans []Span, width int) []Line {
	if width < 1 {
		width = 1
	}
	w := wrapper{width: width}
	var toks []string
	for si := range spans {
		s := &spans[si]
		toks = worddiff.Tokens(s.Text, toks[:0])
		off := 0
		for _, tok := range toks {
			start := off
			off += len(tok)
			if !isBlank(tok) {
				w.word = append(w.word, piece{s.Text, start, off, s.Role})
				w.wordW += cellWidth(tok)
				continue
			}
			w.flushWord()
			if nl := strings.Count(tok, "\n"); nl > 0 {
				for i := 0; i < nl; i++ {
					w.newline()
				}
				continue
			}
			if w.curW == 0 {
				continue
			}
			if w.curW+1 > width {
				w.newline()
				continue
			}
			if tok[0] == ' ' {
				w.push(piece{s.Text, start, start + 1, s.Role})
			} else {
				w.push(piece{" ", 0, 1, s.Role})
			}
			w.curW++
		}
	}
	w.flushWord()
	if len(w.cur) > 0 || len(w.lines) == 0 {
		w.newline()
	}
	return w.lines
}

// piece is src[start:end] in one role.
type piece struct {
	src        string
	start, end int
	role       Role
}

type wrapper struct {
	width int
	lines []Line
	cur   []piece // the line being filled
	curW  int
	word  []piece // the pending word, which may span roles
	wordW int
}

// push adds p to the current line, extending the last piece when p
// continues it in the same text and role.
func (w *wrapper) push(p piece) {
	if n := len(w.cur); n > 0 {
		last := &w.cur[n-1]
		if last.role == p.role && last.end == p.start && last.src == p.src {
			last.end = p.end
			return
		}
	}
	w.cur = append(w.cur, p)
}

// newline ends the current line: trailing spaces go, and pieces of one
// role merge into one span.
func (w *wrapper) newline() {
	for len(w.cur) > 0 {
		last := &w.cur[len(w.cur)-1]
		for last.end > last.start && last.src[last.end-1] == ' ' {
			last.end--
		}
		if last.end > last.start {
			break
		}
		w.cur = w.cur[:len(w.cur)-1]
	}
	var line Line
	if len(w.cur) > 0 {
		line = make(Line, 0, len(w.cur))
	}
	for _, p := range w.cur {
		t := p.src[p.start:p.end]
		if t == "" {
			continue
		}
		if n := len(line); n > 0 && line[n-1].Role == p.role {
			line[n-1].Text += t
			continue
		}
		line = append(line, Span{t, p.role})
	}
	w.lines = append(w.lines, line)
	w.cur = w.cur[:0]
	w.curW = 0
}

func (w *wrapper) flushWord() {
	if len(w.word) == 0 {
		return
	}
	if w.curW > 0 && w.curW+w.wordW > w.width {
		w.newline()
	}
	if w.wordW <= w.width-w.curW {
		for _, p := range w.word {
			w.push(p)
		}
		w.curW += w.wordW
	} else {
		// Longer than a line: break inside the word, between characters.
		for _, p := range w.word {
			for i, r := range p.src[p.start:p.end] {
				at := p.start + i
				size := len(string(r))
				rw := cellWidth(p.src[at : at+size])
				if w.curW+rw > w.width && w.curW > 0 {
					w.newline()
				}
				w.push(piece{p.src, at, at + size, p.role})
				w.curW += rw
			}
		}
	}
	w.word, w.wordW = w.word[:0], 0
}

// cellWidth is the display width of s, without the grapheme machinery for
// plain ASCII.
func cellWidth(s string) int {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 || c >= 0x7f {
			return ansi.StringWidth(s)
		}
	}
	return len(s)
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// Pad returns the line's text padded with spaces to width cells.
func Pad(s string, w, width int) string {
	if w >= width {
		return s
	}
	return s + strings.Repeat(" ", width-w)
}
