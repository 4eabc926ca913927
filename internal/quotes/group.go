package quotes

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// stop words do not count when quotations are compared.
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on at by for with from that this these those is are was
		were be been being will would shall should can could may might must have has had do does did we our us i me my
		you your he him his she her they them their it its as than then so not no there here which who whom what when
		where why how all any each also very just into over under about up out if once again whatsoever`) {
		stop[w] = true
	}
}

// wordsOf returns the folded words of a quotation, and its content words
// crudely stemmed.
func wordsOf(text string) (seq, content []string) {
	seq, content, _ = wordsIn(text, nil)
	return seq, content
}

// wordsIn is wordsOf with ws a buffer for the words of text, which it
// returns for the next call.
func wordsIn(text string, ws []names.Word) (seq, content []string, buf []names.Word) {
	// the content words so far are looked through, until there are
	// enough of them for a set to be quicker
	var seen map[string]bool
	ws = names.AppendWords(ws[:0], text)
	// the words and the content words, at most as many, in one allocation
	both := make([]string, 2*len(ws))
	seq, content = both[:0:len(ws)], both[len(ws):len(ws)]
	for _, w := range ws {
		f := names.Fold(w.Text)
		seq = append(seq, f)
		if stop[f] {
			continue
		}
		s := stem(f)
		switch {
		case seen != nil:
			if seen[s] {
				continue
			}
			seen[s] = true
		case slices.Contains(content, s):
			continue
		case len(content) >= 32:
			seen = make(map[string]bool, 2*len(content))
			for _, c := range content {
				seen[c] = true
			}
			seen[s] = true
		}
		content = append(content, s)
	}
	return seq, content, ws
}

func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, suf := range []string{"ing", "ed", "es", "s", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// long is the least number of content words for a quotation to be matched
// by word overlap; shorter ones must appear as a phrase in a longer one.
const long = 3

// linked says whether two quotations of three or more content words are
// the same: they share at least three content words, and at least half of
// the shorter one's (all but one when it has six or fewer).
func linked(a, b *Quote) bool {
	return linkedCount(shared(a.words, b.words), len(a.words), len(b.words))
}

// shared returns how many words a and b, each without repeats, have in
// common: a quotation's content words are a few dozen at most, and
// looking through them is quicker than making a set.
func shared(a, b []string) int {
	if len(a) > 64 && len(b) > 64 {
		set := make(map[string]bool, len(a))
		for _, w := range a {
			set[w] = true
		}
		n := 0
		for _, w := range b {
			if set[w] {
				n++
			}
		}
		return n
	}
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// linkedCount is linked given the number of content words two quotations
// share and how many each has.
func linkedCount(inter, na, nb int) bool {
	short := min(na, nb)
	if short <= 6 {
		// a short quotation must be nearly all in the other: "not going
		// to pay … wall" is not "not going to pay any single cent"
		return inter >= long && inter >= short-1
	}
	return inter >= long && 2*inter >= short
}

// maxPosting bounds the quotations a word is looked up in: a word in more
// is too common to link anything (the link is then judged on the others).
const maxPosting = 400

// phraseIn says whether the words of short appear in order and together in
// long's words.
func phraseIn(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
outer:
	for i := 0; i+len(short) <= len(long); i++ {
		for j := range short {
			if long[i+j] != short[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// group clusters the quotations: long ones around representatives
// (linkLong), short ones into the group of the first long quotation that
// holds them as a phrase, or with equal short ones.
func group(qs []Quote) []Group {
	// a speaker's name is split once for the whole story: the same
	// people speak in many groups
	toks := nameTokens()
	rep, anyPost := linkLong(qs, toks)
	attachShort(qs, rep, anyPost)
	byRoot := map[int][]int{}
	var roots []int
	for i := range qs {
		r := rep[i]
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	// the groups are made on every processor, each with a differ and a
	// memo of names of its own: a group's diffs and speakers depend on
	// its members alone
	out := make([]Group, len(roots))
	workers := min(runtime.GOMAXPROCS(0), len(roots))
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for w := range workers {
		go func() {
			defer wg.Done()
			d, wtoks := worddiff.New(), toks
			if w > 0 {
				wtoks = nameTokens()
			}
			for i := int(next.Add(1)) - 1; i < len(roots); i = int(next.Add(1)) - 1 {
				out[i] = makeGroup(qs, byRoot[roots[i]], roots[i], d, wtoks)
			}
		}()
	}
	wg.Wait()
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Members[0], out[j].Members[0]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Block != b.Block {
			return a.Block < b.Block
		}
		return a.Start < b.Start
	})
	return out
}

// linkLong groups the long quotations that are the same (see
// sameQuotation) around representatives, and returns for each quotation
// the index of its group's representative (-1 for a short one) and the
// long quotations each word of theirs appears in, for attachShort.
//
// Sameness is not passed on: a quotation joins a group only when it is
// the same as the group's representative, on its own words. Two pieces
// that one outlet gives apart ("I like Paul", "I'm not quite there yet")
// each match another outlet's whole quotation but not each other, and
// two sentences that each share a phrase with a third are not one.
// Representatives are chosen longest first, so that the whole of a
// quotation represents its pieces: a quotation becomes one when it is
// the same as no representative before it. Each other quotation then
// joins the representative it is most like (the most of its words in
// order, then the most content words shared, then the longest), which
// may be one chosen after it.
func linkLong(qs []Quote, toks func(string) []string) (rep []int, all postings) {
	rep = make([]int, len(qs))
	// words are numbered as they come, and looked up once each: the
	// lists are then read by number
	all = postings{ids: map[string]int32{}}
	var order []int // the long quotations
	var df []int32  // content word → how many long quotations have it
	// the content words of the long quotations, one after another:
	// quotation i's are ids[from[i]:from[i+1]]
	var ids []int32
	from := make([]int32, len(qs)+1)
	for i := range qs {
		rep[i] = -1
		from[i+1] = from[i]
		if len(qs[i].words) < long {
			continue
		}
		order = append(order, i)
		for _, w := range qs[i].words {
			id := all.id(w)
			ids = append(ids, id)
			for int(id) >= len(df) {
				df = append(df, 0)
			}
			df[id]++
		}
		from[i+1] = int32(len(ids))
		for _, w := range qs[i].seq {
			id := all.id(w)
			for int(id) >= len(all.lists) {
				all.lists = append(all.lists, nil)
			}
			// a word the quotation repeats is listed once: its list
			// already ends with it
			if p := all.lists[id]; len(p) == 0 || p[len(p)-1] != i {
				all.lists[id] = append(p, i)
			}
		}
	}
	// longest first; among equals, the first in the story
	sort.SliceStable(order, func(x, y int) bool { return len(qs[order[x]].seq) > len(qs[order[y]].seq) })
	rank := make([]int, len(qs))
	for k, i := range order {
		rank[i] = k
	}
	repPost := make([][]int, len(df)) // content word → representatives
	count := make([]int, len(qs))
	var touched []int
	// the representatives each quotation that is none matched when its
	// turn came: earlier[early[i][0]:early[i][1]]
	var earlier []int
	early := make([][2]int32, len(qs))
	// matches appends to out the representatives quotation i is the
	// same as; count holds the content words each shares with i until
	// the caller clears it. With again, i was looked at before: of the
	// representatives chosen before its turn, those it matched then are
	// kept without asking again.
	matches := func(i int, out []int, again bool) []int {
		touched = touched[:0]
		for _, w := range ids[from[i]:from[i+1]] {
			// a word in too many quotations links nothing: the link is
			// judged on the others
			if df[w] > maxPosting {
				continue
			}
			for _, j := range repPost[w] {
				if j != i {
					if count[j] == 0 {
						touched = append(touched, j)
					}
					count[j]++
				}
			}
		}
		for _, j := range touched {
			if again && rank[j] < rank[i] {
				if slices.Contains(earlier[early[i][0]:early[i][1]], j) {
					out = append(out, j)
				}
				continue
			}
			if sameQuotation(&qs[i], &qs[j], count[j], toks) {
				out = append(out, j)
			}
		}
		return out
	}
	isRep := make([]bool, len(qs))
	var ms []int
	for _, i := range order {
		ms = matches(i, ms[:0], false)
		for _, j := range touched {
			count[j] = 0
		}
		if len(ms) == 0 {
			isRep[i] = true
			rep[i] = i
			for _, w := range ids[from[i]:from[i+1]] {
				repPost[w] = append(repPost[w], i)
			}
			continue
		}
		early[i][0] = int32(len(earlier))
		earlier = append(earlier, ms...)
		early[i][1] = int32(len(earlier))
	}
	for _, i := range order {
		if isRep[i] {
			continue
		}
		ms = matches(i, ms[:0], true)
		best, bestOrder, bestShared := -1, 0, 0
		for _, j := range ms {
			o := 0
			if len(ms) > 1 {
				o = inOrder(qs[i].seq, qs[j].seq)
			}
			if best < 0 || o > bestOrder || o == bestOrder && (count[j] > bestShared || count[j] == bestShared && rank[j] < rank[best]) {
				best, bestOrder, bestShared = j, o, count[j]
			}
		}
		for _, j := range touched {
			count[j] = 0
		}
		rep[i] = best
	}
	return rep, all
}

// sameQuotation says whether two long quotations that share inter content
// words are one quotation: linked by their content words (linkedCount),
// four words in a row in common, not two statements, and, in one
// article, one a cut of the other (sameInArticle).
func sameQuotation(a, b *Quote, inter int, toks func(string) []string) bool {
	// sharing words is not enough: one quotation in two outlets keeps
	// four of its words in a row ("look at … like Ada Brink" shares four
	// words with "look at the polling … most likely to beat Ada Brink"
	// but is another sentence; three in a row join one speaker's "I've
	// repeatedly said …" to another sentence of the same speaker)
	return linkedCount(inter, len(a.words), len(b.words)) && sharesRun(a.seq, b.seq, 4) && !twoStatements(a, b, toks) &&
		sameInArticle(a, b)
}

// sameInArticle says whether two quotations can be one given their
// articles: an article that quotes a statement twice copies it, whole or
// cut, so two quotations of one article are one only when all the words
// of the shorter are in the longer, in order (a cut, perhaps with an
// ellipsis). Two wordings in one article are two statements: two
// questions of one list that differ by a clause, a speaker who says a
// thing twice in other words.
func sameInArticle(a, b *Quote) bool {
	if a.Article != b.Article {
		return true
	}
	if len(a.seq) > len(b.seq) {
		a, b = b, a
	}
	return inOrder(a.seq, b.seq) == len(a.seq)
}

// postings are the long quotations each word appears in: lists[ids[w]]
// for word w.
type postings struct {
	ids   map[string]int32
	lists [][]int
}

// id returns the number of w, numbering it when new.
func (p *postings) id(w string) int32 {
	id, ok := p.ids[w]
	if !ok {
		id = int32(len(p.ids))
		p.ids[w] = id
	}
	return id
}

// of returns the long quotations word w appears in.
func (p *postings) of(w string) []int {
	if id, ok := p.ids[w]; ok && int(id) < len(p.lists) {
		return p.lists[id]
	}
	return nil
}

// twoStatements says whether two quotations that share many words are
// still two: each confidently given to a different person, in words that
// are not the same (sameWords). Two people who back one plan in like
// words ("I support and endorse … Paul Ryan", "I strongly support Paul
// Ryan, strongly endorse …") make two statements, not one quotation
// worded two ways.
func twoStatements(a, b *Quote, toks func(string) []string) bool {
	return a.sure && b.sure && !names.SameTokens(toks(a.Speaker), toks(b.Speaker)) && !sameWords(a.seq, b.seq)
}

// attachShort puts each short quotation into the group of the first long
// one that holds it as a phrase, else with the equal short ones: rep is
// linkLong's, and gets the short quotations' representatives.
func attachShort(qs []Quote, rep []int, anyPost postings) {
	firstShort := map[string]int{}
	for i := range qs {
		if len(qs[i].words) >= long {
			continue
		}
		// one word attaches only when it is a rare one ("egocentric", not
		// "Mexico")
		if len(qs[i].seq) >= 2 || (len(qs[i].seq) == 1 && len([]rune(qs[i].seq[0])) >= 8) {
			var cands []int
			for k, w := range qs[i].seq {
				if p := anyPost.of(w); k == 0 || len(p) < len(cands) {
					cands = p
				}
			}
			attached := false
			for _, j := range cands {
				if j != i && phraseIn(qs[i].seq, qs[j].seq) {
					rep[i] = rep[j]
					attached = true
					break
				}
			}
			if attached {
				continue
			}
		}
		key := strings.Join(qs[i].seq, " ")
		if j, ok := firstShort[key]; ok {
			rep[i] = j
		} else {
			firstShort[key] = i
			rep[i] = i
		}
	}
}

// makeGroup returns the group of the quotations qs[idx], whose
// representative is qs[rep] (see linkLong); toks is nameTokens.
func makeGroup(qs []Quote, idx []int, rep int, d *worddiff.Differ, toks func(string) []string) Group {
	ms := make([]Quote, len(idx))
	for k, i := range idx {
		ms[k] = qs[i]
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Article != ms[j].Article {
			return ms[i].Article < ms[j].Article
		}
		if ms[i].Block != ms[j].Block {
			return ms[i].Block < ms[j].Block
		}
		return ms[i].Start < ms[j].Start
	})
	// the principal member: the longest quotation of the first article
	// that gives more than scare quotes of it ("disgraceful" is no
	// quotation to compare the others with)
	first := ms[0].Article
	for k := range ms {
		if ms[k].quoted {
			first = ms[k].Article
			break
		}
	}
	p := -1
	for k := range ms {
		if ms[k].Article == first && (p < 0 || len(ms[k].seq) > len(ms[p].seq)) {
			p = k
		}
	}
	// every member is compared with the principal one, so it must be the
	// same quotation as each of them on their own words; when it is not
	// (it is one piece of a quotation another outlet gives whole, and the
	// others are other pieces), the representative, which every long
	// member matched, is compared with them instead. So it is when the
	// principal is a cut of the representative: a cut is compared with
	// the words of the whole it corresponds to (window), while the whole
	// compared with a cut would have its words matched wherever the
	// cut's fall ("And we'll win in the Supreme Court" against "Then
	// we'll end up in the Supreme Court, … and we'll win at the Supreme
	// Court" shows "win → end up", not "in → at")
	if r := qs[rep]; len(r.words) >= long && (!sameAsAll(ms, p) || isCut(ms[p], r)) {
		for k := range ms {
			if ms[k].Article == qs[rep].Article && ms[k].Block == qs[rep].Block && ms[k].Start == qs[rep].Start {
				p = k
				break
			}
		}
	}
	// it goes first, the others keep their article and text order
	pm := ms[p]
	copy(ms[1:p+1], ms[:p])
	ms[0] = pm
	g := Group{Members: ms, Diffs: []Diff{}, Articles: []int{}, Speakers: []string{}}
	seenArt := map[int]bool{}
	// a speaker seen before is equal to one kept or to one it matched
	seenSpeaker := map[string]bool{}
	// each member is diffed against the principal one; members often
	// repeat a text (a wire quotation in fifty outlets), and a text's
	// window and diff depend on the text alone. Most groups have one
	// member and no diff.
	var pw []names.Word
	if len(ms) > 1 {
		pw = names.Words(ms[0].Text)
	}
	known := map[string]compared{}
	for k, m := range ms {
		if !seenArt[m.Article] {
			seenArt[m.Article] = true
			g.Articles = append(g.Articles, m.Article)
		}
		if k > 0 {
			c, ok := known[m.Text]
			if !ok {
				c.window, c.ops = compare(d, ms[0], pw, m)
				known[m.Text] = c
			}
			df := Diff{From: 0, To: k, Ops: c.ops}
			if c.window != nil {
				w := *c.window
				df.Window = &w
			}
			g.Diffs = append(g.Diffs, df)
		}
		if m.Speaker != "" && !seenSpeaker[m.Speaker] {
			seenSpeaker[m.Speaker] = true
			mt := toks(m.Speaker)
			dup := false
			for _, s := range g.Speakers {
				if names.SameTokens(toks(s), mt) {
					dup = true
					break
				}
			}
			if !dup {
				g.Speakers = append(g.Speakers, m.Speaker)
			}
		}
	}
	g.OneOutlet = len(g.Articles) == 1
	g.WordingDiffers = wordingDiffers(ms, d, known)
	g.SpeakersDiffer = speakersDiffer(ms, toks)
	g.UnclearIn = unclearIn(ms, g.Articles, toks)
	return g
}

// compared is a member's text compared with the first member's: the
// window of the first it is compared with (nil for the whole) and the ops.
type compared struct {
	window *[2]int
	ops    []worddiff.Op
}

// isCut says whether quotation c is a cut of the longer quotation q: it
// corresponds to a run of q's words (window).
func isCut(c, q Quote) bool {
	if len(c.seq) >= len(q.seq) {
		return false
	}
	_, _, ok := window(q, c)
	return ok
}

// sameAsAll says whether member p of ms is the same quotation as every
// other: linked to each long one by their content words and four words in
// a row (and holding it whole when in one article), and holding each short
// one as a phrase.
func sameAsAll(ms []Quote, p int) bool {
	for k := range ms {
		if k == p || ms[k].Text == ms[p].Text {
			continue
		}
		if len(ms[k].words) < long {
			if !phraseIn(ms[k].seq, ms[p].seq) {
				return false
			}
			continue
		}
		if !linked(&ms[p], &ms[k]) || !sharesRun(ms[p].seq, ms[k].seq, 4) || !sameInArticle(&ms[p], &ms[k]) {
			return false
		}
	}
	return true
}

// confident says whether a member's speaker is one an editor can rely on:
// a name, written as a name beside the quotation or beside the one before
// it in the paragraph (not a pronoun or a description resolved from
// elsewhere, not announced a paragraph before, not a label).
func confident(m Quote) bool {
	if !isName(m.Speaker) || !isName(m.SpeakerAsWritten) || pronounSpeakers[strings.ToLower(m.SpeakerAsWritten)] {
		return false
	}
	return m.how != "next-para" && m.how != "colon-label" && m.how != "name-colon"
}

// unclearIn returns the articles of arts without a confident speaker for
// the quotation whose speaker, if any, is none of the confident ones other
// articles give.
func unclearIn(ms []Quote, arts []int, toks func(string) []string) []int {
	if len(arts) < 2 {
		return nil // no other article to be clearer
	}
	sure := map[int]bool{}
	var speakers []string
	for _, m := range ms {
		if m.sure {
			sure[m.Article] = true
			speakers = append(speakers, m.Speaker)
		}
	}
	if len(speakers) == 0 || len(arts) < 2 {
		return nil
	}
	// an article that gives only scare quotes or titles of it has no
	// speaker to be unclear about
	quoted := map[int]bool{}
	for _, m := range ms {
		if m.quoted {
			quoted[m.Article] = true
		}
	}
	agrees := map[int]bool{}
	for _, m := range ms {
		if sure[m.Article] || m.Speaker == "" {
			continue
		}
		for _, n := range speakers {
			if names.SameTokens(toks(m.Speaker), toks(n)) {
				agrees[m.Article] = true
			}
		}
	}
	var out []int
	for _, a := range arts {
		if !sure[a] && !agrees[a] && quoted[a] {
			out = append(out, a)
		}
	}
	return out
}

// nameTokens returns a function giving names.NameTokens of a name,
// computed once per name. Callers may read but not change the tokens.
func nameTokens() func(string) []string {
	memo := map[string][]string{}
	return func(s string) []string {
		t, ok := memo[s]
		if !ok {
			t = names.NameTokens(s)
			memo[s] = t
		}
		return t
	}
}
