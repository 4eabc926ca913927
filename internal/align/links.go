package align

import (
	"cmp"
	"slices"
)

// Pair is a scored pair of blocks of two articles: block I of article A
// and block J of article B, A < B.
type Pair struct {
	A, I, B, J int
	// Score is the aligner's probability that the two blocks report the
	// same thing.
	Score float64
}

// Link is a possible match: a pair of blocks the aligner found alike but
// not enough to put in one event. Its two blocks lie in different events.
type Link = Pair

// Hint options: what is too weak to be an event but worth offering to an
// editor as a possible match.
const (
	// hintFloor is the least probability of a possible match.
	hintFloor = 0.35
	// hintsPerBlock is the most possible matches a block takes part in
	// with the blocks of one other article: a hint is offered sparingly,
	// or it is noise.
	hintsPerBlock = 2
	// hintTerms is the least number of terms the two blocks of a possible
	// match share: two words in common, a name and a verb, are what any
	// two paragraphs of one story share.
	hintTerms = 3
)

// global returns the index in s.ix.all of block i of article a, or -1.
func (s *Scored) global(a, i int) int {
	if a < 0 || a >= len(s.ix.arts) || i < 0 || i >= len(s.ix.arts[a]) {
		return -1
	}
	g := i
	for _, row := range s.ix.arts[:a] {
		g += len(row)
	}
	return g
}

// Prob returns the probability that block i of article a and block j of
// article b report the same thing, and whether the aligner scored the
// pair at all (an unscored pair shares no rare term: probability 0).
func (s *Scored) Prob(a, i, b, j int) (float64, bool) {
	x, y := s.global(a, i), s.global(b, j)
	if x < 0 || y < 0 || a == b {
		return 0, false
	}
	if y < x {
		x, y = y, x
	}
	if k := s.byX().find(s.pairs, int32(x), int32(y)); k >= 0 {
		return s.pairs[k].p, true
	}
	return 0, false
}

// byX indexes the scored pairs by their first block, once.
func (s *Scored) byX() pairsByX {
	s.indexOnce.Do(func() { s.index = pairIndex(s.pairs, len(s.ix.all)) })
	return s.index
}

// PairsOf returns the scored pairs of e's blocks that lie in different
// articles, in story order of their first block.
func (s *Scored) PairsOf(e Event) []Pair {
	var out []Pair
	for a, as := range e.Blocks {
		for b := a + 1; b < len(e.Blocks); b++ {
			for _, i := range as {
				for _, j := range e.Blocks[b] {
					if p, ok := s.Prob(a, i, b, j); ok {
						out = append(out, Pair{A: a, I: i, B: b, J: j, Score: p})
					}
				}
			}
		}
	}
	return out
}

// Links returns the possible matches of a story grouped into events: pairs
// of blocks in different events that share a word and whose probability is
// at least hintFloor, most probable first, each block in at most
// hintsPerBlock of them with the blocks of any one other article, between
// articles of one story at the default threshold (storyMates): raising the
// threshold turns events into possible matches, and two unrelated pages
// offer none. They are listed in story order of their first block.
func (s *Scored) Links(events []Event) []Link {
	eventOf := make([]int32, len(s.ix.all))
	for k, e := range events {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				if g := s.global(a, i); g >= 0 {
					eventOf[g] = int32(k)
				}
			}
		}
	}
	mates := s.ix.storyMates(s.pairs, defaultThreshold)
	var cands []pair
	for _, p := range s.pairs {
		if p.p >= hintFloor && p.shares && eventOf[p.x] != eventOf[p.y] && mates(s.ix.artPair(&p)) {
			cands = append(cands, p)
		}
	}
	slices.SortStableFunc(cands, func(p, q pair) int { return cmp.Compare(q.p, p.p) })
	// a block's possible matches are counted per other article: the
	// reader shows two articles at a time, and a block's matches in a
	// third article must not crowd out those in the one on screen
	type side struct{ block, other int32 }
	used := make(map[side]int)
	var out []Link
	for _, p := range cands {
		x, y := s.ix.all[p.x], s.ix.all[p.y]
		sx, sy := side{p.x, int32(y.art)}, side{p.y, int32(x.art)}
		if used[sx] >= hintsPerBlock || used[sy] >= hintsPerBlock {
			continue
		}
		if p.terms < hintTerms {
			continue
		}
		used[sx]++
		used[sy]++
		out = append(out, Link{A: x.art, I: x.idx, B: y.art, J: y.idx, Score: p.p})
	}
	slices.SortFunc(out, func(p, q Link) int {
		return cmp.Or(cmp.Compare(p.A, q.A), cmp.Compare(p.I, q.I), cmp.Compare(p.B, q.B), cmp.Compare(p.J, q.J))
	})
	return out
}
