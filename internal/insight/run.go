package insight

import (
	"cmp"
	"hash/maphash"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
	"github.com/synoptic-news/synoptic/internal/wording"
)

// The longest verbatim run of a story is the longest run of equal words in
// the word diff of any two articles of any shared event (changes of spacing
// alone do not break a run), the first such in the order event, first
// article, second article. Diffing every pair of every event costs
// n·(n−1)/2 diffs an event for n articles: 1,225 for 50 outlets. Instead:
//
//  1. The pairs whose diff the story already holds (an event's first
//     article against each other one) are read as they are.
//  2. Every other pair is bounded from above without a diff: a run's words
//     are a common stretch of the two texts' words, compared as the diff
//     compares tokens (typography folded), once punctuation and spacing are
//     set aside. The longest stretch any two articles of an event share is
//     found for all of them at once by hashing word n-grams, with a binary
//     search on n.
//  3. Events are taken from the highest bound down; in each, the pairs that
//     share an n-gram are diffed, n going down from the bound, until no
//     pair left could give a longer run (or an equal one that comes first).
//
// Hashes only ever overestimate a bound (a collision is a false match), so
// the run found, its words, text, articles and event, are those of the
// diff of every pair.

// runBest is the best run so far and where it is.
type runBest struct {
	n       int
	text    string
	k, a, b int
}

// beats reports whether a run of n words in event k between articles a and
// b would replace best: it is longer, or as long and comes first.
func (best *runBest) beats(n, k, a, b int) bool {
	if n <= 0 {
		return false
	}
	if best.n == 0 || n > best.n {
		return true
	}
	return n == best.n && cmp.Or(cmp.Compare(k, best.k), cmp.Compare(a, best.a), cmp.Compare(b, best.b)) < 0
}

// pair takes the runs of the diff of articles a and b in event k, unless
// they are in different languages: no words are shared verbatim across.
func (best *runBest) pair(st *story.Story, k, a, b int) {
	if !st.ComparesWording(a, b) {
		return
	}
	n, text := pairRun(st.Ops(k, a, b), func(n int) bool { return best.beats(n, k, a, b) })
	if best.beats(n, k, a, b) {
		*best = runBest{n: n, text: text, k: k, a: a, b: b}
	}
}

// pairRun returns the longest run of equal words of ops, the first of
// them when several are as long, and its text when worth says a run of
// its length is worth showing (nil: always); "" when not. worth must hold
// for a length if it holds for a shorter one: a run's text is made when
// the run is found, which most runs of a story are not worth.
func pairRun(ops []worddiff.Op, worth func(n int) bool) (int, string) {
	best, text := 0, ""
	var cur strings.Builder
	n := 0
	flush := func() {
		if n > best {
			best, text = n, ""
			if worth == nil || worth(n) {
				text = runText(cur.String())
			}
		}
		cur.Reset()
		n = 0
	}
	for _, o := range ops {
		if o.Kind == worddiff.Equal && (o.Other == "" || sameLetters(o.Text, o.Other)) {
			cur.WriteString(o.Text)
			n += wording.Words(o.Text)
			continue
		}
		if o.Kind == worddiff.Equal {
			// the diff takes "Opens" and "opens" as one word; a verbatim
			// run does not: it breaks at each word written otherwise
			ta, tb := worddiff.Tokens(o.Text, nil), worddiff.Tokens(o.Other, nil)
			for i, t := range ta {
				if i < len(tb) && !sameLetters(t, tb[i]) {
					flush()
					continue
				}
				cur.WriteString(t)
				n += wording.Words(t)
			}
			continue
		}
		if strings.TrimSpace(o.Text) == "" {
			continue // a change of spacing only
		}
		flush()
	}
	flush()
	return best, text
}

// sameLetters says whether a and b, equal in the word diff, hold the same
// letters in the same case: they differ at most in typography (quotes,
// dashes, spaces).
func sameLetters(a, b string) bool {
	i, j := 0, 0
	for {
		var ra, rb rune
		ra, i = nextLetter(a, i)
		rb, j = nextLetter(b, j)
		if ra != rb {
			return false
		}
		if ra < 0 {
			return true
		}
	}
}

// nextLetter returns the first letter of s at i or after and the index
// past it, or -1 and len(s) when none is left. An ASCII byte, most of a
// text, is a letter when it is one of A-Z or a-z.
func nextLetter(s string, i int) (rune, int) {
	for i < len(s) {
		if c := s[i]; c < utf8.RuneSelf {
			i++
			if l := c | 0x20; 'a' <= l && l <= 'z' {
				return rune(c), i
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if i += w; unicode.IsLetter(r) {
			return r, i
		}
	}
	return -1, i
}

// longestRun returns the longest verbatim run of st's shared events, or nil.
func longestRun(st *story.Story) *Run {
	var best runBest
	type bound struct{ k, n int }
	var bounds []bound
	units := map[int][][]uint64{}
	seed := maphash.MakeSeed()
	var toks []string
	for k := range st.Events {
		e := &st.Events[k]
		if e.Kind != story.Shared {
			continue
		}
		first, present := -1, 0
		for a, bs := range e.Blocks {
			if len(bs) == 0 {
				continue
			}
			present++
			if first < 0 {
				first = a
				continue
			}
			best.pair(st, k, first, a) // step 1: diffs the story holds
		}
		if present < 3 {
			continue // its only pair was read above
		}
		us := make([][]uint64, len(e.Blocks))
		for a, bs := range e.Blocks {
			if len(bs) > 0 {
				us[a], toks = wordUnits(st.SideText(a, bs), seed, toks[:0])
			}
		}
		// a bound no longer than the best run so far is dropped now: the
		// best comes from this event or an earlier one, and a run of
		// this event's other pairs as long comes after it
		if n := longestShared(us, best.n); n > 0 {
			units[k] = us
			bounds = append(bounds, bound{k, n})
		}
	}
	slices.SortFunc(bounds, func(x, y bound) int { return cmp.Or(cmp.Compare(y.n, x.n), cmp.Compare(x.k, y.k)) })
	for _, bd := range bounds {
		if !best.beats(bd.n, bd.k, 0, 0) {
			break // no later event has a longer bound
		}
		e := &st.Events[bd.k]
		first := slices.IndexFunc(e.Blocks, func(bs []int) bool { return len(bs) > 0 })
		us := units[bd.k]
		seen := make([]bool, len(us)*len(us))
		for n := bd.n; best.beats(n, bd.k, 0, 0); n-- {
			// the pairs that share an n-gram and no longer one: their
			// bound is n (or less, after a collision)
			var fresh [][2]int
			for _, p := range sharingPairs(us, n) {
				if i := p[0]*len(us) + p[1]; !seen[i] {
					seen[i] = true
					if p[0] != first {
						fresh = append(fresh, p)
					}
				}
			}
			slices.SortFunc(fresh, func(x, y [2]int) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
			for _, p := range fresh {
				if best.beats(n, bd.k, p[0], p[1]) {
					best.pair(st, bd.k, p[0], p[1])
				}
			}
		}
	}
	if best.n == 0 {
		return nil
	}
	return &Run{Words: best.n, Text: best.text, A: best.a, B: best.b, Event: best.k}
}

// wordUnits returns the words of s as the word diff compares them, one
// hash a word: each token with words in it (typography folded) gives as
// many units as wording.Words counts in it, so that a common stretch of units
// is at least as long as any run the diff can find; punctuation and spacing
// give none. toks is a buffer for the tokens of s, which it returns for
// the next call.
func wordUnits(s string, seed maphash.Seed, toks []string) ([]uint64, []string) {
	toks = worddiff.Tokens(s, toks)
	out := make([]uint64, 0, len(toks)/2+1) // a word, then a space
	for _, tok := range toks {
		norm := worddiff.Normalize(tok)
		w := wording.Words(norm)
		if w == 0 {
			continue
		}
		h := maphash.String(seed, norm)
		for j := 0; j < w; j++ {
			out = append(out, h+uint64(j)*0x9e3779b97f4a7c15)
		}
	}
	return out, toks
}

// gramBase is the base of the rolling hash of n-grams of units.
const gramBase = 0x100000001b3

// grams calls f with the hash of every n-gram of us (n ≥ 1).
func grams(us []uint64, n int, f func(uint64)) {
	if n > len(us) {
		return
	}
	pow := uint64(1) // gramBase^n
	for range n {
		pow *= gramBase
	}
	var h uint64
	for i, u := range us {
		h = h*gramBase + u
		if i >= n {
			h -= us[i-n] * pow
		}
		if i >= n-1 {
			f(h)
		}
	}
}

// sharesGram reports whether two of the articles of us share an n-gram.
func sharesGram(us [][]uint64, n int) bool {
	owner := map[uint64]int{}
	for a, u := range us {
		shared := false
		grams(u, n, func(h uint64) {
			if o, ok := owner[h]; !ok {
				owner[h] = a
			} else if o != a {
				shared = true
			}
		})
		if shared {
			return true
		}
	}
	return false
}

// longestShared returns the length of the longest stretch of units two of
// the articles of us share, by a binary search on the length, or 0 when
// none is longer than floor.
func longestShared(us [][]uint64, floor int) int {
	// no stretch is longer than the second longest article
	l1, l2 := 0, 0
	for _, u := range us {
		switch n := len(u); {
		case n > l1:
			l1, l2 = n, l1
		case n > l2:
			l2 = n
		}
	}
	if floor >= l2 || floor > 0 && !sharesGram(us, floor+1) {
		return 0
	}
	lo, hi := max(floor, 0), l2 // sharesGram holds at lo, is unknown above it
	for lo < hi {
		m := (lo + hi + 1) / 2
		if sharesGram(us, m) {
			lo = m
		} else {
			hi = m - 1
		}
	}
	return lo
}

// sharingPairs returns the pairs of articles (a < b) of us that share an
// n-gram, each once, in no set order.
func sharingPairs(us [][]uint64, n int) [][2]int {
	who := map[uint64][]int{}
	for a, u := range us {
		grams(u, n, func(h uint64) {
			if l := who[h]; len(l) == 0 || l[len(l)-1] != a {
				who[h] = append(l, a)
			}
		})
	}
	marked := make([]bool, len(us)*len(us))
	var out [][2]int
	for _, l := range who {
		for i, a := range l {
			for _, b := range l[i+1:] {
				if !marked[a*len(us)+b] {
					marked[a*len(us)+b] = true
					out = append(out, [2]int{a, b})
				}
			}
		}
	}
	return out
}
