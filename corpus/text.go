package corpus

import (
	"regexp"
	"strings"
	"sync"
)

// parseText reads plain text in either common shape: one paragraph per line,
// or paragraphs separated by blank lines with hard-wrapped lines inside.
func parseText(s string) Article {
	a := Article{Paras: splitParas(s)}
	readLeadingMeta(&a)
	return a
}

// splitParas splits text into paragraphs in either shape.
func splitParas(s string) []Para {
	var paras []Para
	joined := 0 // bytes of paragraphs joined from several lines
	if start, _ := blankLine(s); start >= 0 {
		for _, block := range splitBlankLines(s) {
			ps, copied := splitBlock(block)
			if copied {
				for _, p := range ps {
					joined += len(p.Text)
				}
			}
			paras = append(paras, ps...)
		}
	} else {
		for _, line := range strings.Split(s, "\n") {
			if t := strings.TrimSpace(line); t != "" {
				if n := len(paras); n > 0 && runsOn(paras[n-1].Text, t) {
					paras[n-1].Text += " " + t
					joined += len(paras[n-1].Text)
					continue
				}
				paras = append(paras, Para{Text: t})
			}
		}
	}
	if joined > 0 && joined >= len(s)/8 {
		pack(paras)
	}
	return paras
}

// pack moves the paragraphs' texts into one string of their own. The
// paragraphs of one line are parts of the file's text, those joined from
// hard-wrapped lines are copies: together they kept the whole text alive
// beside the copies, up to twice the text for as long as the story is
// open (the largest part of a story's memory after the aligner's). Packed,
// they hold the text once, without the line breaks and blank lines.
func pack(paras []Para) {
	n := 0
	for _, p := range paras {
		n += len(p.Text)
	}
	var b strings.Builder
	b.Grow(n)
	for _, p := range paras {
		b.WriteString(p.Text)
	}
	all := b.String()
	for i := range paras {
		n := len(paras[i].Text)
		paras[i].Text, all = all[:n], all[n:]
	}
}

// splitBlock turns one blank-line-separated block into paragraphs. A block
// whose lines are hard-wrapped (all but the last of similar, moderate length)
// is one paragraph; otherwise each line stands alone, as in pages saved as text
// where a caption follows a "See also" line without a blank line between.
// copied says whether the paragraphs were joined from lines (new strings)
// rather than parts of block.
func splitBlock(block string) (paras []Para, copied bool) {
	var lines []string
	for _, l := range strings.Split(block, "\n") {
		if t := strings.TrimSpace(l); t != "" {
			lines = append(lines, t)
		}
	}
	if len(lines) == 0 {
		return nil, false
	}
	if len(lines) > 1 && listItemRE().MatchString(lines[0]) {
		// a list: one paragraph per item, its wrapped lines joined
		var out []Para
		for _, l := range lines {
			if n := len(out); n > 0 && !listItemRE().MatchString(l) {
				out[n-1].Text += " " + l
				copied = true
				continue
			}
			out = append(out, Para{Text: l})
		}
		return out, copied
	}
	if len(lines) == 1 {
		return []Para{{Text: lines[0]}}, false
	}
	if hardWrapped(lines) {
		return []Para{{Text: strings.Join(lines, " ")}}, true
	}
	out := make([]Para, 0, len(lines))
	for _, l := range lines {
		if n := len(out); n > 0 && runsOn(out[n-1].Text, l) {
			out[n-1].Text += " " + l
			copied = true
			continue
		}
		out = append(out, Para{Text: l})
	}
	return out, copied
}

// runsOn says whether line, under prev in one block of lines that stand
// alone, continues prev's paragraph: prev ends in a semicolon, which joins
// two clauses of one sentence ("Auction of gun quashed again;" over "2nd
// website refuses to sell it.", a headline printed over two lines), and
// line is a short one (a paragraph of prose under a semicolon is a lede
// under its headline, or one paragraph of a list) and no list item.
func runsOn(prev, line string) bool {
	return strings.HasSuffix(prev, ";") && len(line) <= maxRunOn && !listItemRE().MatchString(line)
}

// maxRunOn is the most bytes of a line that runs on after a semicolon: a
// headline's length.
const maxRunOn = 160

// listItemRE opens a list item: "- ", "* ", "+ ", "• ", "1. " or "1) ".
var listItemRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^(?:[-*+•]|\d{1,3}[.)])\s+\S`) })

func hardWrapped(lines []string) bool {
	widest := 0
	for _, l := range lines[:len(lines)-1] {
		n := len([]rune(l))
		if n < 35 || n > 110 {
			return false
		}
		widest = max(widest, n)
	}
	// Wrapped text never has a last line longer than the wrap width: a
	// short line followed by a long one ("See also …" above a caption) is
	// two paragraphs.
	if len([]rune(lines[len(lines)-1])) <= widest+5 {
		return true
	}
	return greedyWrap(lines)
}

// greedyWrap says whether one wrap width explains every line break: no line
// is wider than it, and no line could have taken the next line's first word.
// A wrapper breaks early before a long word, so a last line may be longer
// than the others by up to that word's length. Lines that all end a
// sentence may as well be paragraphs of one line each: at least one break
// must fall inside a sentence.
func greedyWrap(lines []string) bool {
	inside := false
	for _, l := range lines[:len(lines)-1] {
		t := strings.TrimRight(l, "\"'”’)»")
		if !strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "!") && !strings.HasSuffix(t, "?") && !strings.HasSuffix(t, ":") {
			inside = true
		}
	}
	if !inside {
		return false
	}
	widest, room := 0, -1
	for i, l := range lines {
		n := len([]rune(l))
		widest = max(widest, n)
		if i+1 < len(lines) {
			first, _, _ := strings.Cut(lines[i+1], " ")
			if fit := n + 1 + len([]rune(first)); room < 0 || fit < room {
				room = fit
			}
		}
	}
	return room > widest
}

// readLeadingMeta reads metadata lines at the top of a plain-text article: a
// date line (" date 2024-11-01 Ukraine war" gives a date and a section), and a
// short section label ("News") before the headline. The lines stay in the
// article as meta paragraphs, so no text is lost.
func readLeadingMeta(a *Article) {
	labelled := false
	for i := 0; i < len(a.Paras) && i < 3; i++ {
		p := &a.Paras[i]
		if p.Hint != HintNone {
			continue
		}
		if date, rest, ok := matchDate(p.Text); ok && len(rest) < 60 {
			if a.Date == "" {
				a.Date = date
			}
			if a.Section == "" {
				a.Section = strings.TrimSpace(rest)
			}
			p.Hint = HintMeta
			continue
		}
		// A label is followed by the headline; a short line above the
		// reporting itself is the headline ("Bridge closes").
		if !labelled && i+1 < len(a.Paras) && isSectionLabel(p.Text) && !endsWithPeriod(a.Paras[i+1].Text) {
			labelled = true
			if a.Section == "" {
				a.Section = p.Text
			}
			p.Hint = HintMeta
			continue
		}
		break
	}
}

// isSectionLabel is a one- or two-word label with no sentence punctuation,
// such as "News" or "World news".
func isSectionLabel(s string) bool {
	if len(s) > 24 || strings.ContainsAny(s, ".:!?\"“”") {
		return false
	}
	return len(strings.Fields(s)) <= 2
}

// endsWithPeriod is true of a paragraph of reporting, and of hardly any
// headline.
func endsWithPeriod(t string) bool {
	return strings.HasSuffix(strings.TrimRight(t, " \t\"'”’)"), ".")
}
