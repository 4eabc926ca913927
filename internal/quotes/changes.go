package quotes

import (
	"slices"
	"strings"
	"unicode"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// window finds the words of p that a shorter quotation m cuts from it: the
// run of p's words, of a length between half and twice m's, that holds the
// most of m's words for the fewest others (ties go to the run with the
// most of m's words in m's order, then to the first, shorter one). ok is
// false when m is not shorter, when the run holds less than half of m's
// words, or when it would be nearly all of p.
func window(p, m Quote) (start, end int, ok bool) {
	return windowIn(p, names.Words(p.Text), m)
}

// windowIn is window with p's words, names.Words(p.Text), given.
func windowIn(p Quote, pw []names.Word, m Quote) (start, end int, ok bool) {
	n := len(m.seq)
	if n == 0 || 10*n >= 9*len(pw) || len(pw) != len(p.seq) {
		return 0, 0, false
	}
	in := map[string]int{}
	for _, w := range m.seq {
		in[w]++
	}
	bestI, bestL, best := 0, 0, -1.0
	bestOrder := -1 // how many of m's words the best run holds in order, once asked
	for i := range pw {
		if in[p.seq[i]] == 0 {
			continue // a window starts on a word m has
		}
		used := map[string]int{}
		hits := 0
		for L := 1; L <= 2*n && i+L <= len(pw); L++ {
			w := p.seq[i+L-1]
			if used[w] < in[w] {
				used[w]++
				hits++
			}
			if 2*L < n || in[w] == 0 {
				continue // and ends on one
			}
			// every word of m found counts; a word of p it lacks costs a
			// quarter: "by the side of our" covers "by our" better than "by"
			score := float64(hits) - 0.25*float64(L-hits)
			switch {
			case score > best:
				bestI, bestL, best, bestOrder = i, L, score, -1
			case score == best:
				// a quotation that repeats its words ("not there yet. I
				// am not there yet") holds them in two runs as well: the
				// one with them in m's order is the one m cuts
				if bestOrder < 0 {
					bestOrder = inOrder(p.seq[bestI:bestI+bestL], m.seq)
				}
				if o := inOrder(p.seq[i:i+L], m.seq); o > bestOrder {
					bestI, bestL, bestOrder = i, L, o
				}
			}
		}
	}
	if best < 0.5*float64(n) || 10*bestL >= 9*len(pw) {
		return 0, 0, false
	}
	return pw[bestI].Start, pw[bestI+bestL-1].End, true
}

// wordingDiffers says whether two members of different articles word the
// quotation differently inside the part both give: each pair that gives
// the same words (see comparable) is compared, the shorter with its window
// in the longer. A member that another article also gives whole and
// alike is not worded differently by that article: an outlet that prints
// two versions of a question, one of them the other outlet's, does not
// differ from it (a piece of a member given alike is not the member).
func wordingDiffers(ms []Quote, d *worddiff.Differ) bool {
	// the answer for a pair depends only on the two texts: each pair of
	// texts is compared once (a text against itself never differs)
	done := map[[2]string]bool{}
	differs := func(long, short Quote) bool {
		k := [2]string{long.Text, short.Text}
		v, ok := done[k]
		if !ok {
			a := long.Text
			if ws, we, ok := window(long, short); ok {
				a = a[ws:we]
			}
			v = interiorChange(d.Diff(a, short.Text))
			done[k] = v
		}
		return v
	}
	// givenAlike says whether article art has member x whole and alike
	givenAlike := func(x, art int) bool {
		for _, m := range ms {
			if m.Article != art {
				continue
			}
			if m.Text == ms[x].Text ||
				len(m.seq) >= len(ms[x].seq) && comparable(m, ms[x]) && !differs(m, ms[x]) {
				return true
			}
		}
		return false
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			long, short := ms[i], ms[j]
			if long.Article == short.Article || long.Text == short.Text {
				continue
			}
			if len(short.seq) > len(long.seq) {
				long, short = short, long
			}
			if comparable(long, short) && differs(long, short) &&
				!givenAlike(i, ms[j].Article) && !givenAlike(j, ms[i].Article) {
				return true
			}
		}
	}
	return false
}

// comparable says whether two members of a group are one quotation whose
// wording can be set side by side: both are quotations (scare quotes and
// titles are not), they share enough content words to be linked on their
// own (linked), four words in a row, and two thirds of the shorter's
// words in order. Members joined only through a third one are not: two pieces
// of a quotation that another outlet gives whole ("I like Paul" and "I'm
// not quite there yet"), or two sentences that each hold a phrase a third
// quotes. Nor are two sentences that share a stock phrase ("the most
// valuable player"). A quotation reworded or reordered in translation
// keeps about two thirds of its words in order; the speakers' check asks
// for more (sameWords).
func comparable(a, b Quote) bool {
	if !isQuotation(a.Text) || !isQuotation(b.Text) || len(a.words) < long || len(b.words) < long ||
		!linked(&a, &b) || !sharesRun(a.seq, b.seq, 4) {
		return false
	}
	short := min(len(a.seq), len(b.seq))
	return 3*inOrder(a.seq, b.seq) >= 2*short
}

// speakersDiffer says whether two members of different articles give two
// confident names for the speaker that cannot be the same person, after
// nicknames, initials and spellings a letter apart (names.SameTokens).
func speakersDiffer(ms []Quote, toks func(string) []string) bool {
	if len(ms) < 2 {
		return false // no two members to differ
	}
	named := make([]bool, len(ms))
	// per speaker (its name's words): the articles that give the
	// quotation to them
	givenBy := map[string][]int{}
	key := func(q Quote) string { return strings.Join(toks(q.Speaker), " ") }
	for i, m := range ms {
		named[i] = confident(m)
		if named[i] {
			k := key(m)
			if !slices.Contains(givenBy[k], m.Article) {
				givenBy[k] = append(givenBy[k], m.Article)
			}
		}
	}
	// a phrase one person takes up from another ("not quite there yet",
	// said by one and echoed by the other) is given to both by the
	// article that tells it, and no outlet that gives it to either is
	// wrong
	gives := func(art int, q Quote) bool { return slices.Contains(givenBy[key(q)], art) }
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i], ms[j]
			if a.Article == b.Article || !named[i] || !named[j] || !sameWords(a.seq, b.seq) {
				continue
			}
			if !names.SameTokens(toks(a.Speaker), toks(b.Speaker)) && !gives(a.Article, b) && !gives(b.Article, a) {
				return true
			}
		}
	}
	return false
}

// sameWords says whether two quotations give the same words: four in a
// row in common, or all of the shorter when it has fewer, and four fifths
// of the shorter's words in order. Quotations
// grouped for sharing some words of a topic ("modest", "Social
// Security") are not one quotation whose speaker can be wrong.
func sameWords(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	// and most of the shorter in the same order: two quotations that share
	// a stock phrase ("on the wrong side of history") are two, each with
	// its own speaker
	return sharesRun(a, b, 4) && 5*inOrder(a, b) >= 4*len(a)
}

// sharesRun says whether two quotations have n words in a row in
// common, or all of the shorter when it has fewer.
func sharesRun(a, b []string, n int) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n = min(n, len(a))
	if n == 0 {
		return false
	}
	for i := 0; i+n <= len(a); i++ {
		if phraseIn(a[i:i+n], b) {
			return true
		}
	}
	return false
}

// inOrder returns how many words of a appear in b in the same order (the
// length of their longest common subsequence).
func inOrder(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case prev[j+1] >= cur[j]:
				cur[j+1] = prev[j+1]
			default:
				cur[j+1] = cur[j]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

// isName says whether a speaker is a proper name rather than a description.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, w := range names.Words(s) {
		r := []rune(w.Text)[0]
		if !unicode.IsUpper(r) && w.Text != "of" && !names.SimilarWord(w.Text, "al") {
			return false
		}
	}
	return true
}

// interiorChange says whether ops change words between two runs of equal
// words: a different wording, not a quotation cut shorter at either end.
func interiorChange(ops []worddiff.Op) bool {
	firstEq, lastEq := -1, -1
	for i, o := range ops {
		if o.Kind == worddiff.Equal && hasWord(o.Text) {
			if firstEq < 0 {
				firstEq = i
			}
			lastEq = i
		}
	}
	for i := firstEq + 1; i < lastEq; i++ {
		if ops[i].Kind != worddiff.Equal && hasWord(ops[i].Text) && !caseOnly(ops, i) {
			return true
		}
	}
	return firstEq < 0 && len(ops) > 0
}

// caseOnly says whether ops[i] is half of a change of house style only:
// letter case ("The" for "the"), a possessive ("Dallas’" for "Dallas’s"),
// stops, hyphens, spaces or brackets inside the same letters ("E.U." for
// "EU", "state funded" for "state-funded", "[for]" for "for"), a word
// printed with asterisks for letters ("f***ing").
func caseOnly(ops []worddiff.Op, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(ops) && ops[j].Kind != worddiff.Equal && ops[j].Kind != ops[i].Kind &&
			sameInStyle(ops[j].Text, ops[i].Text) {
			return true
		}
	}
	return false
}

// sameInStyle says whether two words are one word in two houses' styles
// (see caseOnly).
func sameInStyle(a, b string) bool {
	return styleFold(a) == styleFold(b) || starred(a, b) || starred(b, a)
}

// starred says whether a is word b with some of its letters printed as
// asterisks: the letters a keeps begin and end b, and the stars stand
// for at least one letter.
func starred(a, b string) bool {
	a, b = names.Fold(strings.TrimSpace(a)), names.Fold(strings.TrimSpace(b))
	k := strings.IndexByte(a, '*')
	if k < 0 || strings.ContainsAny(b, "* ") || strings.ContainsRune(a, ' ') {
		return false
	}
	pre, suf := a[:k], strings.TrimLeft(a[k:], "*")
	if strings.ContainsRune(suf, '*') || pre == "" {
		return false
	}
	return len(b) > len(pre)+len(suf) && strings.HasPrefix(b, pre) && strings.HasSuffix(b, suf)
}

// styleFold is the letters and digits of s, folded, without a
// possessive's ending ('s or a bare apostrophe).
func styleFold(s string) string {
	f := names.Fold(strings.TrimSpace(s))
	f = strings.TrimSuffix(strings.TrimSuffix(f, "'s"), "'")
	return strings.Map(func(r rune) rune {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return r
		}
		return -1
	}, f)
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// Change is a word or words of one quotation replaced in another.
type Change struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Changes returns the replacements in ops: each deletion next to an
// insertion (with at most white space between), in order, leaving out
// changes of house style only (see caseOnly).
func Changes(ops []worddiff.Op) []Change {
	cs, _, _ := edits(ops)
	return cs
}

// DroppedAndAdded returns the words ops delete or insert that Changes does
// not pair as a replacement: what the other member leaves out of the
// quotation and what it puts in. Pieces without a letter or digit (a comma)
// are left out.
func DroppedAndAdded(ops []worddiff.Op) (dropped, added []string) {
	_, dropped, added = edits(ops)
	return dropped, added
}

func edits(ops []worddiff.Op) (out []Change, dropped, added []string) {
	for i := 0; i < len(ops); i++ {
		if ops[i].Kind == worddiff.Equal {
			continue
		}
		j := i + 1
		if j < len(ops) && ops[j].Kind == worddiff.Equal && strings.TrimSpace(ops[j].Text) == "" && j+1 < len(ops) {
			j++
		}
		if j < len(ops) && ops[j].Kind != worddiff.Equal && ops[j].Kind != ops[i].Kind {
			c := Change{From: strings.TrimSpace(ops[i].Text), To: strings.TrimSpace(ops[j].Text)}
			if ops[i].Kind == worddiff.Insert {
				c.From, c.To = c.To, c.From
			}
			if !sameInStyle(c.From, c.To) {
				out = append(out, c)
			}
			i = j
			continue
		}
		if t := strings.TrimSpace(ops[i].Text); hasWord(t) {
			if ops[i].Kind == worddiff.Delete {
				dropped = append(dropped, t)
			} else {
				added = append(added, t)
			}
		}
	}
	return out, dropped, added
}
