package quotes

import (
	"fmt"
	"strings"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

// Flags returns the group's flags in words: "speakers differ", "speaker
// unclear in <outlet>", "wording differs", "one outlet"; none for a
// quotation all outlets give alike. Outlets are named "article N"; FlagsIn
// names them as st does.
func (g Group) Flags() []string { return g.FlagsIn(nil) }

// FlagsIn is Flags with the outlets named as in st.
func (g Group) FlagsIn(st *story.Story) []string {
	var f []string
	if g.SpeakersDiffer {
		f = append(f, "speakers differ")
	}
	for _, a := range g.UnclearIn {
		f = append(f, "speaker unclear in "+textsafe.VisibleLine(outletName(st, a)))
	}
	if g.WordingDiffers {
		f = append(f, "wording differs")
	}
	if g.OneOutlet {
		f = append(f, "one outlet")
	}
	return f
}

// Lines lays the quote check out as plain lines of at most width columns,
// for the reader: per group a heading (number, speakers, outlets, flags),
// each member as "outlet (speaker): “text”" wrapped and indented, and the
// words changed from the first member ("changed: esteemed → honorable"),
// left out ("dropped: that was") or put in ("added: …") inside the stretch
// both give, not where one's cut begins or ends (Group.Compared).
// Groups of two or more outlets that differ come first, then the others,
// then quotations of one outlet. Text from articles is made terminal-safe.
func Lines(st *story.Story, r *Report, width int) []string {
	var out []string
	for n, i := range Order(r) {
		out = append(out, GroupLines(st, r.Groups[i], n+1, width)...)
	}
	return out
}

// Order returns the indices of r's groups in the order Lines shows them:
// groups of two or more outlets that differ, then the others, then
// quotations of one outlet.
func Order(r *Report) []int {
	order := make([]int, 0, len(r.Groups))
	for _, pass := range []func(Group) bool{
		func(g Group) bool { return !g.OneOutlet && (g.SpeakersDiffer || g.WordingDiffers) },
		func(g Group) bool { return !g.OneOutlet && !g.SpeakersDiffer && !g.WordingDiffers },
		func(g Group) bool { return g.OneOutlet },
	} {
		for i, g := range r.Groups {
			if pass(g) {
				order = append(order, i)
			}
		}
	}
	return order
}

// GroupLines lays out one group as Lines does, numbered n: its heading
// line first, then its members and their changes.
func GroupLines(st *story.Story, g Group, n, width int) []string {
	width = max(width, 20)
	who := "speaker not stated"
	if len(g.Speakers) > 0 {
		who = strings.Join(g.Speakers, " / ")
	}
	count := fmt.Sprintf("%d outlet", len(g.Articles))
	if len(g.Articles) != 1 {
		count += "s"
	}
	out := []string{heading(n, textsafe.VisibleLine(who), append([]string{count}, g.FlagsIn(st)...), width)}
	for k, m := range g.Members {
		label := outletName(st, m.Article)
		if m.Speaker != "" {
			label += " (" + m.Speaker + ")"
		}
		out = append(out, wrap(textsafe.VisibleLine(label+": “"+m.Text+"”"), width, "    ", "      ")...)
		if k > 0 {
			var ch []string
			ops := g.Compared(g.Diffs[k-1])
			for _, c := range Changes(ops) {
				ch = append(ch, textsafe.VisibleLine(c.From)+" → "+textsafe.VisibleLine(c.To))
			}
			if len(ch) > 0 {
				out = append(out, wrap("changed: "+strings.Join(ch, "; "), width, "      ", "        ")...)
			}
			dropped, added := DroppedAndAdded(ops)
			for _, e := range []struct {
				label string
				words []string
			}{{"dropped: ", dropped}, {"added: ", added}} {
				if len(e.words) > 0 {
					out = append(out, wrap(e.label+textsafe.VisibleLine(strings.Join(e.words, "; ")), width, "      ", "        ")...)
				}
			}
		}
	}
	return out
}

// heading returns a group's heading line of at most width columns: its
// number, speakers, then parts (the count of outlets and the flags). A
// long list of speakers (fifty outlets can name a dozen) is cut with an
// ellipsis, down to the ellipsis alone, before any part is: the count and
// the flags say what the group is. When they do not fit either, the later
// flags give way to an ellipsis first.
func heading(n int, who string, parts []string, width int) string {
	num := fmt.Sprintf("%2d  ", n)
	for k := len(parts); k >= 1; k-- {
		tail := " · " + strings.Join(parts[:k], " · ")
		if k < len(parts) {
			tail += " · …"
		}
		room := width - ansi.StringWidth(num) - ansi.StringWidth(tail)
		if room >= min(1, ansi.StringWidth(who)) {
			return num + ansi.Truncate(who, room, "…") + tail
		}
	}
	return ansi.Truncate(num+"… · "+parts[0], width, "…")
}

// outletName names article a as every view does (view.Name), "article N"
// without a story.
func outletName(st *story.Story, a int) string {
	if st == nil {
		return view.Name("", a)
	}
	return view.Outlet(st, a)
}

// wrap breaks s at spaces into lines of at most width columns, the first
// indented by first and the others by rest; a word longer than a line is
// cut.
func wrap(s string, width int, first, rest string) []string {
	var out []string
	line := first
	empty := true
	for _, w := range strings.Fields(s) {
		if !empty && ansi.StringWidth(line)+1+ansi.StringWidth(w) > width {
			out = append(out, line)
			line, empty = rest, true
		}
		if !empty {
			line += " "
		}
		line += w
		empty = false
		if ansi.StringWidth(line) > width {
			line = ansi.Truncate(line, width, "…")
		}
	}
	if !empty {
		out = append(out, line)
	}
	return out
}
