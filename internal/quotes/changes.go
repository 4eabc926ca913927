package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

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

// compare diffs member m with the principal member p, whose words are
// pw: with the window of p that m cuts from it, when there is one
// (windowIn), else with the whole of p. The window is fitted to the
// words both give at its edges (fit), taken wider where the cut's first
// or last words are p's just outside it in other words (reworded), and
// an edit next to the first or last words both give is put at the very
// end when the diff could as well have put it there (slideToEdges).
func compare(d *worddiff.Differ, p Quote, pw []names.Word, m Quote) (win *[2]int, ops []worddiff.Op) {
	ws, we, ok := windowIn(p, pw, m)
	if !ok {
		return nil, slideToEdges(d.Diff(p.Text, m.Text))
	}
	ops = slideToEdges(d.Diff(p.Text[ws:we], m.Text))
	if nws, nwe := fit(ops, p, pw, ws, we); nws != ws || nwe != we {
		ws, we = nws, nwe
		ops = slideToEdges(d.Diff(p.Text[ws:we], m.Text))
	}
	ws, we, ops = reworded(d, p, pw, m, ws, we, ops)
	return &[2]int{ws, we}, ops
}

// maxReworded is the most words of the whole a window's end takes in as
// the other words of a cut's first or last ones (reworded).
const maxReworded = 3

// reworded returns the window ws..we of p, whose words are pw, and the
// ops of its diff with cut m, with either end taken wider where the cut
// begins or ends with words of its own and p gives other words just
// outside the window in the same sentence. A window starts and ends on
// words both give, and a contraction does not match its long form word
// for word, so for a cut "We’d like to see" it starts at "like" and the
// cut's "We’d" reads as added, while p's "We would" is just before it.
// As many of p's words as the cut's words there stand for (spelledOut)
// are taken in, and kept only when the diff then pairs them with the
// cut's words as one replacement ("We would → We’d"); otherwise, and
// when p has fewer words there before a sentence ends, the window stays.
func reworded(d *worddiff.Differ, p Quote, pw []names.Word, m Quote, ws, we int, ops []worddiff.Op) (int, int, []worddiff.Op) {
	first, last := sharedEnds(ops)
	if first < 0 {
		return ws, we, ops
	}
	startIns, endIns := insertsOnly(ops[:first]), insertsOnly(ops[last+1:])
	if !startIns && !endIns {
		return ws, we, ops // most cuts: nothing of their own at either end
	}
	mw := names.Words(m.Text)
	// the words of p before the window and after it end at j and start at k
	j, k := outside(pw, ws, we)
	if startIns {
		edge := names.Words(worddiff.B(ops[:first]))
		n := spelledOut(edge)
		// the cut's words there and p's taken in run on, without a
		// sentence end, into the first words both give
		if n <= maxReworded && j+1-n >= 0 && j+1 < len(pw) && len(edge) < len(mw) &&
			!startsSentence(mw[1:len(edge)+1]) && !startsSentence(pw[j+2-n:j+2]) {
			nws := pw[j+1-n].Start
			nops := slideToEdges(d.Diff(p.Text[nws:we], m.Text))
			if f, _ := sharedEnds(nops); f >= 0 && replaces(nops[:f], n, len(edge)) {
				ws, ops = nws, nops
			}
		}
	}
	if _, last = sharedEnds(ops); insertsOnly(ops[last+1:]) {
		edge := names.Words(worddiff.B(ops[last+1:]))
		n := spelledOut(edge)
		if n <= maxReworded && k+n <= len(pw) && len(edge) < len(mw) &&
			!startsSentence(mw[len(mw)-len(edge):]) && !startsSentence(pw[k:k+n]) {
			nwe := pw[k+n-1].End
			nops := slideToEdges(d.Diff(p.Text[ws:nwe], m.Text))
			if _, l := sharedEnds(nops); l >= 0 && replaces(nops[l+1:], n, len(edge)) {
				we, ops = nwe, nops
			}
		}
	}
	return ws, we, ops
}

// insertsOnly says whether ops insert a word and delete none.
func insertsOnly(ops []worddiff.Op) bool {
	del, ins := editedWords(ops)
	return ins && !del
}

// startsSentence says whether any of ws opens a sentence (or a quotation
// within the quotation).
func startsSentence(ws []names.Word) bool {
	for _, w := range ws {
		if w.Initial {
			return true
		}
	}
	return false
}

// replaces says whether the edits at one end of a diff are one
// replacement, whatever its style (see edits): n words of the first text
// deleted, c words of the second inserted, with at most white space
// between them.
func replaces(edge []worddiff.Op, n, c int) bool {
	var del, ins string
	for _, o := range edge {
		switch {
		case o.Kind == worddiff.Delete && del == "":
			del = o.Text
		case o.Kind == worddiff.Insert && ins == "":
			ins = o.Text
		case o.Kind == worddiff.Equal && !hasWord(o.Text):
		default:
			return false
		}
	}
	return len(names.Words(del)) == n && len(names.Words(ins)) == c
}

// spelledOut returns how many words ws stand for written out: a
// contraction ("We’d", "they're", "won't", "it's") is two, every other
// word one. A possessive ("Marsh's") is one word: an "'s" counts as
// "is" or "has" only after a word that is no name ("it", "that").
func spelledOut(ws []names.Word) int {
	n := 0
	for _, w := range ws {
		n++
		f := names.Fold(w.Text)
		k := strings.LastIndexByte(f, '\'')
		if k <= 0 {
			continue
		}
		switch stem := f[:k]; f[k+1:] {
		case "d", "ll", "re", "ve", "m":
			n++
		case "t":
			// "can't" is as often "cannot", one word
			if strings.HasSuffix(stem, "n") && stem != "can" {
				n++
			}
		case "s":
			if stop[stem] {
				n++
			}
		}
	}
	return n
}

// fit returns the window ws..we of p, whose words are pw, fitted to the
// cut whose diff with it is ops. A window is chosen by the words it
// holds, not by their order, so in a quotation that repeats its words it
// can reach past the cut ("… about your jobs. It's" for a cut "It's not
// about … your jobs", whose own "It's" is the one before "not") or stop
// short of it ("fight is to transform our country" for "our fight is to
// transform this country", whose "our" it takes for the second one). At
// either end, words of the window the diff deletes, with nothing of the
// cut in their place, are left out; words of the cut it inserts, with
// nothing of the window deleted, take in the words of p beyond the
// window that are the same, in order.
func fit(ops []worddiff.Op, p Quote, pw []names.Word, ws, we int) (int, int) {
	first, last := sharedEnds(ops)
	if first < 0 {
		return ws, we
	}
	// where ops[first] starts and ops[last] ends in the quotation
	from, to := ws, ws
	for i, o := range ops {
		if i == first {
			from = to
		}
		if o.Kind != worddiff.Insert {
			to += len(o.Text)
		}
		if i == last {
			break
		}
	}
	// the words of p before the window and after it end at j and start at k
	j, k := outside(pw, ws, we)
	nws, nwe := ws, we
	switch del, ins := editedWords(ops[:first]); {
	case del && !ins:
		for _, w := range pw {
			if w.Start >= from && w.End <= to {
				nws = w.Start
				break
			}
		}
	case ins && !del:
		cut := names.Words(worddiff.B(ops[:first]))
		for c := len(cut) - 1; c >= 0 && j >= 0 && names.Fold(cut[c].Text) == p.seq[j]; c-- {
			nws = pw[j].Start
			j--
		}
	}
	switch del, ins := editedWords(ops[last+1:]); {
	case del && !ins:
		for i := len(pw) - 1; i >= 0; i-- {
			if pw[i].End <= to && pw[i].Start >= nws {
				nwe = pw[i].End
				break
			}
		}
	case ins && !del:
		for _, c := range names.Words(worddiff.B(ops[last+1:])) {
			if k >= len(pw) || names.Fold(c.Text) != p.seq[k] {
				break
			}
			nwe = pw[k].End
			k++
		}
	}
	return nws, nwe
}

// sharedEnds returns the indices of the first and last ops that keep a
// word both texts give, or -1, -1.
func sharedEnds(ops []worddiff.Op) (first, last int) {
	first, last = -1, -1
	for i, o := range ops {
		if o.Kind == worddiff.Equal && hasWord(o.Text) {
			if first < 0 {
				first = i
			}
			last = i
		}
	}
	return first, last
}

// editedWords says whether ops delete a word and whether they insert one.
func editedWords(ops []worddiff.Op) (del, ins bool) {
	for _, o := range ops {
		if hasWord(o.Text) {
			switch o.Kind {
			case worddiff.Delete:
				del = true
			case worddiff.Insert:
				ins = true
			}
		}
	}
	return del, ins
}

// slideToEdges returns ops with an edit that follows the first op, kept
// words, moved before them when it ends with the same words, and one
// that precedes the last kept words moved after them when it starts with
// them: "I [think that is a phony ideal. I] don't" is "[I think that is a
// phony ideal.] I don't". Both diffs are as short; at the edge of a cut
// the second is the one that says what happened (one text begins a
// sentence earlier), where the first matches a word to its namesake in
// the wrong sentence.
func slideToEdges(ops []worddiff.Op) []worddiff.Op {
	n := len(ops)
	if n >= 2 && ops[0].Kind == worddiff.Equal && ops[1].Kind != worddiff.Equal &&
		(n == 2 || ops[2].Kind == worddiff.Equal) && hasWord(ops[0].Text) {
		e, x := ops[0], ops[1]
		side := sideOf(e, x.Kind)
		if k := len(x.Text) - len(side); k >= 0 && x.Text[k:] == side && !splitsWord(x.Text[:k], side) {
			out := make([]worddiff.Op, 0, n)
			out = append(out, worddiff.Op{Kind: x.Kind, Text: side + x.Text[:k]})
			out = appendEqual(out, e)
			for _, o := range ops[2:] {
				out = appendEqual(out, o)
			}
			ops = out
		}
	}
	n = len(ops)
	if n >= 2 && ops[n-1].Kind == worddiff.Equal && ops[n-2].Kind != worddiff.Equal &&
		(n == 2 || ops[n-3].Kind == worddiff.Equal) && hasWord(ops[n-1].Text) {
		e, x := ops[n-1], ops[n-2]
		side := sideOf(e, x.Kind)
		if len(x.Text) >= len(side) && x.Text[:len(side)] == side && !splitsWord(side, x.Text[len(side):]) {
			out := make([]worddiff.Op, 0, n)
			for _, o := range ops[:n-2] {
				out = appendEqual(out, o)
			}
			out = appendEqual(out, e)
			ops = append(out, worddiff.Op{Kind: x.Kind, Text: x.Text[len(side):] + side})
		}
	}
	return ops
}

// sideOf returns the text of kept op e as the text an edit of kind k is
// in gives it: the first text's for a deletion, the second's for an
// insertion.
func sideOf(e worddiff.Op, k worddiff.OpKind) string {
	if k == worddiff.Insert && e.Other != "" {
		return e.Other
	}
	return e.Text
}

// appendEqual appends o to ops, joined to the last op when both keep
// words (each text's spelling of the two together kept).
func appendEqual(ops []worddiff.Op, o worddiff.Op) []worddiff.Op {
	n := len(ops)
	if n == 0 || o.Kind != worddiff.Equal || ops[n-1].Kind != worddiff.Equal {
		return append(ops, o)
	}
	last := ops[n-1]
	j := worddiff.Op{Kind: worddiff.Equal, Text: last.Text + o.Text}
	if last.Other != "" || o.Other != "" {
		j.Other = sideOf(last, worddiff.Insert) + sideOf(o, worddiff.Insert)
	}
	ops[n-1] = j
	return ops
}

// splitsWord says whether a text that ends with a and goes on with b
// is cut between them inside a word.
func splitsWord(a, b string) bool {
	r, _ := utf8.DecodeLastRuneInString(a)
	s, _ := utf8.DecodeRuneInString(b)
	return a != "" && b != "" && isWordRune(r) && isWordRune(s)
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// Compared returns the ops of d, a diff of g, without the words where one
// member's cut of the quotation begins or ends, which are no change of
// its words: the first member's words before or after all the words both
// give, with none of the other's in their place, are beyond the other's
// cut; and so are the other's words there, with none of the first's, when
// the first is compared whole at that end (its window, if any, reaches
// its first or last word). The ops left are what Changes and
// DroppedAndAdded report.
func (g Group) Compared(d Diff) []worddiff.Op {
	lo, hi := g.compared(d)
	return d.Ops[lo:hi]
}

// Marked returns the ops of d as the exports mark them: what Compared
// keeps, as it is; before and after it, the member's own words plain (no
// words it added: the other's cut ends there) and the first member's left
// out (its own line shows them). The ops still give the member's text
// whole (worddiff.B).
func (g Group) Marked(d Diff) []worddiff.Op {
	lo, hi := g.compared(d)
	if lo == 0 && hi == len(d.Ops) {
		return d.Ops
	}
	out := make([]worddiff.Op, 0, len(d.Ops))
	for k, o := range d.Ops {
		if lo <= k && k < hi {
			out = append(out, o)
			continue
		}
		switch o.Kind {
		case worddiff.Insert:
			out = append(out, worddiff.Op{Kind: worddiff.Equal, Text: o.Text})
		case worddiff.Equal:
			out = append(out, o)
		}
	}
	return out
}

// compared is the range of d's ops that Compared returns.
func (g Group) compared(d Diff) (lo, hi int) {
	ops := d.Ops
	first, last := sharedEnds(ops)
	if first < 0 || d.From < 0 || d.From >= len(g.Members) {
		return 0, len(ops)
	}
	p := g.Members[d.From].Text
	atStart, atEnd := true, true
	if w := d.Window; w != nil && 0 <= w[0] && w[0] <= w[1] && w[1] <= len(p) {
		atStart, atEnd = !hasWord(p[:w[0]]), !hasWord(p[w[1]:])
	}
	lo, hi = 0, len(ops)
	if beyondCut(ops[:first], atStart) {
		lo = first
	}
	if beyondCut(ops[last+1:], atEnd) {
		hi = last + 1
	}
	return lo, hi
}

// beyondCut says whether the edits at one end of a diff, before or after
// the words both texts give, are words beyond one text's cut: deletions
// only, or insertions only when the first text ends there too (whole).
func beyondCut(edge []worddiff.Op, whole bool) bool {
	del, ins := editedWords(edge)
	return del && !ins || ins && !del && whole
}

// wordingDiffers says whether two members of different articles word the
// quotation differently inside the part both give: each pair that gives
// the same words (see comparable) is compared, the shorter with its window
// in the longer. A member that another article also gives whole and
// alike is not worded differently by that article: an outlet that prints
// two versions of a question, one of them the other outlet's, does not
// differ from it (a piece of a member given alike is not the member).
//
// diffed holds the first member's text compared with other members' texts,
// as the group's diffs have them: they are not made again.
func wordingDiffers(ms []Quote, d *worddiff.Differ, diffed map[string]compared) bool {
	if len(ms) < 2 {
		return false
	}
	// the answers for a pair depend only on the two texts: each pair of
	// texts is compared once (a text against itself never differs)
	done, comp := map[[2]string]bool{}, map[[2]string]bool{}
	differs := func(long, short Quote) bool {
		k := [2]string{long.Text, short.Text}
		v, ok := done[k]
		if !ok {
			c, ok := diffed[short.Text]
			ops := c.ops
			if !ok || long.Text != ms[0].Text {
				_, ops = compare(d, long, names.Words(long.Text), short)
			}
			v = interiorChange(ops)
			done[k] = v
		}
		return v
	}
	comparable := func(a, b Quote) bool {
		k := [2]string{a.Text, b.Text}
		v, ok := comp[k]
		if !ok {
			v = comparable(a, b)
			comp[k] = v
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
	if !a.quoted || !b.quoted || len(a.words) < long || len(b.words) < long ||
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
	// two confident members of two articles are needed
	first := slices.IndexFunc(ms, func(m Quote) bool { return m.sure })
	if first < 0 || !slices.ContainsFunc(ms[first+1:], func(m Quote) bool { return m.sure && m.Article != ms[first].Article }) {
		return false
	}
	// per speaker (its name's words): the articles that give the
	// quotation to them
	givenBy := map[string][]int{}
	keys := make([]string, len(ms)) // the key of each confident member
	for i, m := range ms {
		if m.sure {
			k := strings.Join(toks(m.Speaker), " ")
			keys[i] = k
			if !slices.Contains(givenBy[k], m.Article) {
				givenBy[k] = append(givenBy[k], m.Article)
			}
		}
	}
	// a phrase one person takes up from another ("not quite there yet",
	// said by one and echoed by the other) is given to both by the
	// article that tells it, and no outlet that gives it to either is
	// wrong
	gives := func(art, q int) bool { return slices.Contains(givenBy[keys[q]], art) }
	// most members give one speaker and many one text: the names are
	// compared first, and the words of two texts once
	same := map[[2]string]bool{}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := &ms[i], &ms[j]
			if a.Article == b.Article || !a.sure || !b.sure || names.SameTokens(toks(a.Speaker), toks(b.Speaker)) {
				continue
			}
			if !sameWordsOf(a, b, same) {
				continue
			}
			if !gives(a.Article, j) && !gives(b.Article, i) {
				return true
			}
		}
	}
	return false
}

// sameWordsOf is sameWords of two quotations' words, remembered in memo
// by their texts.
func sameWordsOf(a, b *Quote, memo map[[2]string]bool) bool {
	if a.Text == b.Text {
		return len(a.seq) > 0 // sameWords of a text and itself
	}
	k := [2]string{a.Text, b.Text}
	v, ok := memo[k]
	if !ok {
		v = sameWords(a.seq, b.seq)
		memo[k] = v
	}
	return v
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
	// two rows of the table, on the stack for most quotations
	var buf [2 * 64]int
	var prev, cur []int
	if len(b)+1 <= 64 {
		prev, cur = buf[:len(b)+1], buf[64:64+len(b)+1]
	} else {
		prev, cur = make([]int, len(b)+1), make([]int, len(b)+1)
	}
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

// outside returns the index of the last word of ws that ends by byte
// start (-1 for none) and of the first that starts at byte end or later
// (len(ws) for none): the words before and after a window.
func outside(ws []names.Word, start, end int) (j, k int) {
	j, k = -1, len(ws)
	for i, w := range ws {
		if w.End <= start {
			j = i
		}
		if w.Start >= end && k == len(ws) {
			k = i
		}
	}
	return j, k
}
