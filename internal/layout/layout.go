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
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Role is what a span of text is, for painting.
type Role uint8

// The roles.
const (
	Plain       Role = iota // shared wording
	Deleted                 // only in the left article
	Inserted                // only in the right article
	OneSided                // a block the other article lacks
	Caption                 // a photo caption
	Heading                 // a headline or heading
	Boilerplate             // page furniture
	Absent                  // the "not in …" placeholder
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
		w += ansi.StringWidth(s.Text)
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

// Side returns the spans of article side's part of event k, compared with
// article other (-1: no comparison). Changed words get Deleted (side is the
// left, first article) or Inserted (right); blocks of a one-sided event get
// their kind's role. Paragraph breaks are "\n\n".
func Side(st *story.Story, k, side, other int, left bool) []Span {
	e := st.Events[k]
	bs := e.Blocks[side]
	if len(bs) == 0 {
		return nil
	}
	if other >= 0 && len(e.Blocks[other]) > 0 {
		var ops []worddiff.Op
		if left {
			ops = st.Ops(k, side, other)
		} else {
			ops = st.Ops(k, other, side)
		}
		var out []Span
		for _, o := range ops {
			switch {
			case o.Kind == worddiff.Equal:
				t := o.Text
				if !left && o.Other != "" {
					t = o.Other
				}
				out = append(out, Span{textsafe.Visible(t), Plain})
			case o.Kind == worddiff.Delete && left:
				out = append(out, Span{textsafe.Visible(o.Text), Deleted})
			case o.Kind == worddiff.Insert && !left:
				out = append(out, Span{textsafe.Visible(o.Text), Inserted})
			}
		}
		return out
	}
	var out []Span
	for x, i := range bs {
		if x > 0 {
			out = append(out, Span{"\n\n", Plain})
		}
		b := st.Articles[side].Blocks[i]
		out = append(out, Span{textsafe.Visible(b.Text), roleOf(b.Kind)})
	}
	return out
}

func roleOf(k segment.Kind) Role {
	switch k {
	case segment.Caption:
		return Caption
	case segment.Headline, segment.Heading:
		return Heading
	case segment.Boilerplate, segment.Meta:
		return Boilerplate
	}
	return OneSided
}

// Wrap breaks spans into lines of at most width display cells. It breaks at
// spaces (a word with its punctuation stays whole, even across roles) and
// inside a word only when the word is longer than the line. "\n" starts a
// new line. Spaces at a break are not shown.
func Wrap(spans []Span, width int) []Line {
	if width < 1 {
		width = 1
	}
	var lines []Line
	var cur Line
	curW := 0
	push := func(text string, role Role) {
		if n := len(cur); n > 0 && cur[n-1].Role == role {
			cur[n-1].Text += text
		} else {
			cur = append(cur, Span{text, role})
		}
	}
	newline := func() {
		for len(cur) > 0 {
			last := &cur[len(cur)-1]
			last.Text = strings.TrimRight(last.Text, " ")
			if last.Text != "" {
				break
			}
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, cur)
		cur = nil
		curW = 0
	}
	var word []Span // the pending word, which may span roles
	wordW := 0
	flushWord := func() {
		if len(word) == 0 {
			return
		}
		if curW > 0 && curW+wordW > width {
			newline()
		}
		if wordW <= width-curW {
			for _, s := range word {
				push(s.Text, s.Role)
			}
			curW += wordW
		} else {
			for _, s := range word {
				for _, r := range s.Text {
					rw := ansi.StringWidth(string(r))
					if curW+rw > width && curW > 0 {
						newline()
					}
					push(string(r), s.Role)
					curW += rw
				}
			}
		}
		word, wordW = word[:0], 0
	}
	for _, s := range spans {
		for _, tok := range worddiff.Tokens(s.Text, nil) {
			if !isBlank(tok) {
				if n := len(word); n > 0 && word[n-1].Role == s.Role {
					word[n-1].Text += tok
				} else {
					word = append(word, Span{tok, s.Role})
				}
				wordW += ansi.StringWidth(tok)
				continue
			}
			flushWord()
			if nl := strings.Count(tok, "\n"); nl > 0 {
				for i := 0; i < nl; i++ {
					newline()
				}
				continue
			}
			if curW == 0 {
				continue
			}
			if curW+1 > width {
				newline()
				continue
			}
			push(" ", s.Role)
			curW++
		}
	}
	flushWord()
	if len(cur) > 0 || len(lines) == 0 {
		newline()
	}
	return lines
}

func isBlank(s string) bool { return strings.TrimSpace(s) == "" }

// Pad returns the line's text padded with spaces to width cells.
func Pad(s string, w, width int) string {
	if w >= width {
		return s
	}
	return s + strings.Repeat(" ", width-w)
}
