package ui

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
)

// quotesView is the quote check: every quotation grouped across outlets,
// those that differ first, each member with its speaker and the words it
// changes; a group is selected and enter shows the event that holds it.
type quotesView struct {
	st    *story.Story
	r     *quotes.Report
	order []int // group indices in the order shown

	w, h    int
	linesW  int
	lines   []string
	kinds   []quoteLine
	painted []string // lines styled by kind, the selection aside
	sc      scroller // items are groups, in order
	pal     *palette
}

// quoteLine is what a line of the quote check shows.
type quoteLine uint8

const (
	qlHead    quoteLine = iota // number, speakers, outlets, flags
	qlMember                   // an outlet's wording
	qlChanged                  // the words a member changes
	qlDropped                  // the words a member leaves out
	qlAdded                    // the words a member puts in
)

func newQuotesView(st *story.Story, r *quotes.Report, pal *palette) *quotesView {
	if r == nil {
		r = &quotes.Report{}
	}
	return &quotesView{st: st, r: r, order: quotes.Order(r), linesW: -1, pal: pal}
}

// SetSize lays the groups out for w columns (once per width); the title
// line stays on top, the groups scroll under it.
func (v *quotesView) SetSize(w, h int) {
	w, h = max(w, 1), max(h, 0)
	if w != v.linesW {
		v.linesW = w
		v.lines, v.kinds, v.painted = v.lines[:0], v.kinds[:0], v.painted[:0]
		v.sc.starts = v.sc.starts[:0]
		for n, i := range v.order {
			v.sc.starts = append(v.sc.starts, len(v.lines))
			for j, ln := range quotes.GroupLines(v.st, v.r.Groups[i], n+1, max(1, w-2)) {
				// GroupLines indents members by 4 (their wrapped lines by
				// 6) and changes by 6 (their wrapped lines by 8).
				k := qlMember
				switch {
				case j == 0:
					k = qlHead
				case strings.HasPrefix(ln, "      changed: "):
					k = qlChanged
				case strings.HasPrefix(ln, "      dropped: "):
					k = qlDropped
				case strings.HasPrefix(ln, "      added: "):
					k = qlAdded
				case strings.HasPrefix(ln, "        ") && len(v.kinds) > 0 && v.kinds[len(v.kinds)-1] >= qlChanged:
					// a wrapped line of a change
					k = v.kinds[len(v.kinds)-1]
				}
				v.lines = append(v.lines, ln)
				v.kinds = append(v.kinds, k)
			}
		}
		v.paint()
	}
	v.w, v.h = w, h
	v.sc.resize(len(v.lines), h-min(h, 1))
}

func (v *quotesView) move(d int)    { v.sc.move(d) }
func (v *quotesView) page(d int)    { v.sc.page(d) }
func (v *quotesView) home(end bool) { v.sc.home(end) }

func (v *quotesView) target() (int, []int) {
	if v.sc.sel < 0 || v.sc.sel >= len(v.order) {
		return -1, nil
	}
	return quoteTarget(v.st, v.r.Groups[v.order[v.sc.sel]])
}

func (v *quotesView) status() string {
	if len(v.order) == 0 {
		return "quote check · no quotations"
	}
	s := fmt.Sprintf("quote check · group %d/%d", v.sc.sel+1, len(v.order))
	if k, _ := v.target(); k >= 0 {
		s += fmt.Sprintf(" · event %d", k+1)
	}
	return s
}

// view paints the title and the groups in view: headings bold, flags that
// need a look in the error style, changed words in the moved style, the
// selected group's heading reversed and marked ▸.
func (v *quotesView) view(p *palette) []string {
	out := make([]string, 0, v.h)
	if v.h == 0 {
		return out
	}
	noun := "quotations"
	if len(v.order) == 1 {
		noun = "quotation"
	}
	out = append(out, p.heading.render(ansi.Truncate(fmt.Sprintf(" quote check · %d %s · %d differ · %d misattributed · %d in one outlet",
		len(v.order), noun, v.r.Differing, v.r.Misattributed, v.r.OneOutlet), v.w, "…")))
	if len(v.order) == 0 {
		return append(out, p.faint.render("  no quotations found"))
	}
	end := min(len(v.lines), v.sc.offset+v.sc.h)
	selStart, selEnd := v.sc.starts[v.sc.sel], v.sc.end(v.sc.sel)
	for i := v.sc.offset; i < end; i++ {
		ln := v.lines[i]
		gutter := "  "
		if i >= selStart && i < selEnd {
			gutter = p.cursor.render("│ ")
		}
		if i == selStart {
			ln = ansi.Truncate(ln, v.w-2, "")
			out = append(out, p.cursor.render("▸ ")+p.statusSeq.render(ln+spaces(v.w-2-ansi.StringWidth(ln))))
			continue
		}
		out = append(out, gutter+v.painted[i])
	}
	return out
}

// paint styles the laid-out lines by kind, once per width: headings, and
// in "changed: a → b; c → d" the words a member drops as deleted and those
// it uses instead as inserted, across wrapped lines.
func (v *quotesView) paint() {
	p := v.pal
	to := false // in a change, after its arrow
	for i, ln := range v.lines {
		switch v.kinds[i] {
		case qlHead:
			v.painted = append(v.painted, v.paintHead(p, ln))
		case qlChanged:
			var b strings.Builder
			rest := ln
			if strings.HasPrefix(ln, "      changed: ") {
				n := len("      changed: ")
				b.WriteString(p.faint.render(ln[:n]))
				rest, to = ln[n:], false
			}
			for rest != "" {
				arrow, semi := strings.Index(rest, " → "), strings.Index(rest, "; ")
				end, sep := len(rest), ""
				switch {
				case !to && arrow >= 0:
					end, sep = arrow, " → "
				case to && semi >= 0:
					end, sep = semi, "; "
				}
				word := rest[:end]
				lead := word[:len(word)-len(strings.TrimLeft(word, " "))]
				b.WriteString(lead)
				if to {
					b.WriteString(p.insert.render(word[len(lead):]))
				} else {
					b.WriteString(p.deleted.render(word[len(lead):]))
				}
				b.WriteString(p.faint.render(sep))
				rest = rest[end+len(sep):]
				if sep != "" {
					to = !to
				}
			}
			v.painted = append(v.painted, b.String())
		case qlDropped, qlAdded:
			words := p.deleted
			if v.kinds[i] == qlAdded {
				words = p.insert
			}
			lead := ln
			if j := strings.Index(ln, ": "); j >= 0 && (strings.HasPrefix(ln, "      dropped: ") || strings.HasPrefix(ln, "      added: ")) {
				lead = ln[:j+2]
			} else {
				lead = ln[:len(ln)-len(strings.TrimLeft(ln, " "))]
			}
			var b strings.Builder
			b.WriteString(p.faint.render(lead))
			for x, w := range strings.Split(ln[len(lead):], "; ") {
				if x > 0 {
					b.WriteString(p.faint.render("; "))
				}
				b.WriteString(words.render(w))
			}
			v.painted = append(v.painted, b.String())
		default:
			v.painted = append(v.painted, ln)
		}
	}
}

// paintHead styles a group heading: the flags "speakers differ" and
// "wording differs" stand out, "one outlet" is faint.
func (v *quotesView) paintHead(p *palette, ln string) string {
	var b strings.Builder
	i := strings.Index(ln, " · ")
	if i < 0 {
		return p.outlet.render(ln)
	}
	b.WriteString(p.outlet.render(ln[:i]))
	rest := ln[i:]
	for _, f := range []struct {
		text string
		q    seq
	}{{" · speakers differ", p.errorSeq}, {" · wording differs", p.moved}, {" · one outlet", p.faint}} {
		if i := strings.Index(rest, f.text); i >= 0 {
			b.WriteString(rest[:i])
			b.WriteString(f.q.render(f.text))
			rest = rest[i+len(f.text):]
		}
	}
	b.WriteString(rest)
	return b.String()
}
