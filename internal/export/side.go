package export

import (
	"fmt"
	"math"
	"strings"
	"unicode"

	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// para is one block of an article as shown in an event: runs of its text
// as written (not yet made safe), Plain, Deleted or Inserted.
type para struct {
	Kind segment.Kind
	Runs []layout.Run
}

// sideParas returns the paragraphs of article a in event k, compared with
// article other (-1: no comparison), as layout.Runs marks them, each mark
// trimmed to the words it covers. Paragraphs follow the article's blocks;
// changed words keep their marks across the breaks between blocks.
func sideParas(st *story.Story, k, a, other int, left bool) []para {
	bs := st.Events[k].Blocks[a]
	if len(bs) == 0 {
		return nil
	}
	return splitBlocks(st, a, bs, trimMarks(layout.Runs(st, k, a, other, left)))
}

// trimMarks moves the spaces at either end of a marked run out of it, so
// that a mark covers words, not the gaps around them.
func trimMarks(runs []layout.Run) []layout.Run {
	out := make([]layout.Run, 0, len(runs))
	for _, r := range runs {
		if r.Role == layout.Plain {
			out = append(out, r)
			continue
		}
		t := strings.TrimLeft(r.Text, " \t\n\r\u00a0")
		lead := r.Text[:len(r.Text)-len(t)]
		core := strings.TrimRight(t, " \t\n\r\u00a0")
		trail := t[len(core):]
		if lead != "" {
			out = append(out, layout.Run{Text: lead, Role: layout.Plain})
		}
		if core != "" {
			out = append(out, layout.Run{Text: core, Role: r.Role})
		}
		if trail != "" {
			out = append(out, layout.Run{Text: trail, Role: layout.Plain})
		}
	}
	return out
}

// splitBlocks cuts runs, which spell the blocks bs of article a joined by
// "\n\n", into one paragraph per block. Should the runs not spell that text
// (they always should), it keeps every character in one paragraph per
// "\n\n" rather than lose any.
func splitBlocks(st *story.Story, a int, bs []int, runs []layout.Run) []para {
	var sb strings.Builder
	for _, r := range runs {
		sb.WriteString(r.Text)
	}
	if sb.String() != st.SideText(a, bs) {
		return splitAt(runs, nil, segment.Paragraph)
	}
	var cuts []int // byte offsets where each block after the first starts
	off := 0
	for x, i := range bs {
		if x > 0 {
			off += len("\n\n")
			cuts = append(cuts, off)
		}
		off += len(st.Articles[a].Blocks[i].Text)
	}
	ps := splitAt(runs, cuts, "")
	for x := range ps {
		ps[x].Kind = st.Articles[a].Blocks[bs[x]].Kind
	}
	return ps
}

// splitAt cuts runs into paragraphs: at the byte offsets cuts, which are the
// starts of paragraphs each preceded by "\n\n", or, when cuts is nil, at
// every "\n\n". The "\n\n" between paragraphs is dropped.
func splitAt(runs []layout.Run, cuts []int, kind segment.Kind) []para {
	var all strings.Builder
	for _, r := range runs {
		all.WriteString(r.Text)
	}
	s := all.String()
	if cuts == nil {
		for i := 0; ; {
			j := strings.Index(s[i:], "\n\n")
			if j < 0 {
				break
			}
			i += j + 2
			cuts = append(cuts, i)
		}
	}
	// Paragraph x spans [starts[x], ends[x]).
	starts := append([]int{0}, cuts...)
	ends := make([]int, len(starts))
	for x := range starts {
		if x+1 < len(starts) {
			ends[x] = starts[x+1] - 2
		} else {
			ends[x] = len(s)
		}
	}
	ps := make([]para, len(starts))
	x, pos := 0, 0
	for _, r := range runs {
		rs, re := pos, pos+len(r.Text)
		pos = re
		for {
			lo, hi := max(rs, starts[x]), min(re, ends[x])
			if lo < hi {
				ps[x].Runs = append(ps[x].Runs, layout.Run{Text: s[lo:hi], Role: r.Role})
			}
			if x+1 < len(ps) && re >= starts[x+1] {
				x++
				continue
			}
			break
		}
	}
	for x := range ps {
		ps[x].Kind = kind
	}
	return ps
}

// paraText is the paragraph's text without marks.
func paraText(p para) string {
	var b strings.Builder
	for _, r := range p.Runs {
		b.WriteString(r.Text)
	}
	return b.String()
}

// Stats count the events of the story for one pair of articles.
type Stats struct {
	Events      int // events either article tells
	Shared      int // told by both articles
	OnlyLeft    int // told by the left article only
	OnlyRight   int // told by the right article only
	Boilerplate int // page furniture (metadata alone is not counted: it is not shown)
	Changed     int // shared events whose wording differs (none across two languages)
	Moved       int // shared events one of them tells out of order
	// CoverLeft and CoverRight are the percentages of each article's body
	// text (by characters) that sits in events the other also tells.
	CoverLeft, CoverRight float64
}

// Count returns the Stats of articles l and r.
func Count(st *story.Story, l, r int) Stats {
	var s Stats
	for k := range st.Events {
		kind := view.KindOf(st, k, l, r)
		if kind == view.None || st.MetadataOnly(k, l, r) {
			continue // metadata is not shown: the header gives it
		}
		s.Events++
		switch kind {
		case view.PageFurniture:
			s.Boilerplate++
		case view.Shared:
			s.Shared++
			if st.ComparesWording(l, r) && Keep(st, k, l, r, view.FilterChanged) {
				s.Changed++
			}
			if view.MovedIn(st, k, l, r) != "" {
				s.Moved++
			}
		case view.OnlyLeft:
			s.OnlyLeft++
		case view.OnlyRight:
			s.OnlyRight++
		}
	}
	s.CoverLeft = Coverage(st, l, r)
	s.CoverRight = Coverage(st, r, l)
	return s
}

// Coverage is view.Coverage's share of article a's body text that sits in
// events article b also tells.
func Coverage(st *story.Story, a, b int) float64 {
	pct, _, _ := view.Coverage(st, a, b, view.BodyWords(st.Articles[a].Blocks))
	return pct
}

// plainNote says why the sides of articles l and r are shown plain, their
// words not compared ("a translation", "two languages"), or "" when they
// are compared.
func plainNote(st *story.Story, l, r int) string {
	switch {
	case st.ComparesWording(l, r):
		return ""
	case st.Translation:
		return "a translation"
	}
	return "two languages"
}

// pairNote says which two articles of how many an export shows, for stories
// of three or more articles ("" otherwise).
func pairNote(st *story.Story, l, r int) string {
	if len(st.Articles) < 3 {
		return ""
	}
	// counted from 1, as the reader counts them; the flag is 0-based
	return fmt.Sprintf("articles %d and %d of %d (--articles %d,%d)", l+1, r+1, len(st.Articles), l, r)
}

// ThresholdNote says the threshold st was aligned at when an editor's
// review chose one other than the default (its events and figures are
// then not those of a default run), or "".
func ThresholdNote(st *story.Story) string {
	if rv := st.Review(); rv == nil || rv.Threshold == nil {
		return ""
	}
	def := story.DefaultOptions().Align.Threshold
	if th := st.Threshold(); math.Abs(th-def) >= 0.005 {
		return fmt.Sprintf("aligned at threshold %.2f (default %.2f)", th, def)
	}
	return ""
}

// noteText is event k's editor's note as one safe line, or "".
func noteText(e *story.Event) string {
	return strings.Join(strings.Fields(safe(e.Note)), " ")
}

// FewInCommon says whether the two sides of event k, in articles l and r,
// share so little wording (under a quarter of their words of four letters
// or more) that marking every differing word would bury both texts under
// marks: renderers then show both sides plain and say they were reworded.
func FewInCommon(st *story.Story, k, l, r int) bool {
	e := st.Events[k]
	if len(e.Blocks[l]) == 0 || len(e.Blocks[r]) == 0 {
		return false
	}
	var common, all int
	for _, o := range st.Ops(k, l, r) {
		n := longWords(o.Text)
		if o.Kind == worddiff.Equal {
			n *= 2 // the words are on both sides
			common += n
		}
		all += n
	}
	return all > 0 && common*4 < all
}

// longWords counts the words of four letters or more in s: the words that
// carry what a text says, which "the" and "of" shared by chance do not.
func longWords(s string) int {
	n, run := 0, 0
	for _, c := range s {
		if unicode.IsLetter(c) || unicode.IsDigit(c) {
			if run++; run == 4 {
				n++
			}
		} else {
			run = 0
		}
	}
	return n
}
