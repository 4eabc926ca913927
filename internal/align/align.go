// Package align groups the blocks of several articles into events: the
// blocks of each article that report the same statement, fact or claim.
// It handles reordering (crossing pairs), n:m groups and one-sided events.
//
// The method, in order:
//   - every block becomes terms (lowercased, accents folded, lightly
//     stemmed; figures normalised so that "$3.6 billion" is "3.6B"; dotted
//     and capital acronyms kept), weighted by idf over the story's own
//     blocks, so its ubiquitous names count for little;
//   - an inverted index gives each block its candidates among the other
//     articles' blocks, through its rarest terms (linear, not all pairs);
//   - a first logistic stage scores a pair from whole-block cosine and
//     coverage, its best-matching sentences, shared quotations and rare
//     figures; a second stage weighs the pair against each block's best
//     rival, the support of confident neighbouring pairs, position, and
//     a speaker the best-matching sentences of both blocks name (a
//     quotation and its paraphrase share few words but keep their
//     speaker), and two long quotations in different words (two
//     statements, even of one speaker);
//   - pairs are merged into events most probable first, across all
//     articles at once; a merge must keep every cross-article pair it
//     creates plausible on average, so events do not chain.
package align

import (
	"math"
	"sync"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// Event is one thing reported, and the blocks of each article that report it.
type Event struct {
	// Blocks[i] lists indices into article i's blocks, in article order;
	// empty where article i lacks the event.
	Blocks [][]int
	// Score is the aligner's confidence that the blocks report the same
	// thing, in [0,1]; 1 for one-sided events.
	Score float64
}

// Articles returns how many articles hold blocks of e.
func (e Event) Articles() int {
	n := 0
	for _, b := range e.Blocks {
		if len(b) > 0 {
			n++
		}
	}
	return n
}

// Options tune the aligner.
type Options struct {
	// Threshold is the least probability, in [0,1], that two blocks report
	// the same thing for the aligner to link them. Raising it only ever
	// removes links: events split, never grow.
	Threshold float64
	// Progress, when not nil, is told by ScoreWith and Align how many of
	// the story's pairs of articles are compared, and their number: once
	// before the comparing (those without a candidate pair of blocks),
	// then as each article's pairs with the later articles are done. It is
	// called from several goroutines; a report may follow a larger one.
	Progress func(compared, pairs int)
}

// DefaultOptions are the parameters tuned on real multi-outlet coverage.
func DefaultOptions() Options { return Options{Threshold: defaultThreshold} }

const (
	defaultThreshold = 0.49
	// confident is the probability from which a pair supports its
	// neighbours: a candidate between two confident pairs, in both
	// articles, is more plausible than one on its own.
	confident = 0.55
	// linkMean is the least mean probability over the new cross-article
	// pairs a merge of two groups would create. Every pair of blocks in
	// one event reads as a link, so groups grow only while all of their
	// members plausibly report the same thing: no long chains.
	linkMean = 0.45
	// maxPerArticle is the most blocks of one article an event may hold: a
	// short block that matches many paragraphs must not gather them all.
	maxPerArticle = 4
	// linkMin is the least probability of any one of those pairs: a
	// block joins an event on its own evidence with every other article's
	// blocks there, never through a neighbour's strong link alone.
	linkMin = 0.2
)

// Align groups the blocks of arts into events. Every block of every article
// is in exactly one event. Events are ordered by the first article's reading
// order; blocks the first article lacks sit next to their nearest aligned
// neighbour. The result is deterministic.
func Align(arts [][]segment.Block, opt Options) []Event {
	return ScoreWith(arts, opt).Events(opt.Threshold)
}

// Scored is a story whose candidate block pairs are all scored. Grouping it
// into events is cheap, so a reader that moves the threshold live scores
// once and calls Events for each threshold.
type Scored struct {
	arts  [][]segment.Block
	ix    *corpusIndex
	pairs []pair

	indexOnce sync.Once
	index     pairsByX // the pairs of each first block, made on first use
}

// Score tokenises arts and scores their candidate pairs.
func Score(arts [][]segment.Block) *Scored { return score(arts, nil) }

// score is Score, reporting to progress (see Options.Progress) when it is
// not nil.
func score(arts [][]segment.Block, progress func(compared, pairs int)) *Scored {
	ix := index(arts)
	pairs := ix.acrossLanguages(arts, ix.scorePairs(progress))
	ix.capThin(pairs)
	ix.pairHeadlines(pairs)
	ix.dropFeatures()
	return &Scored{arts: arts, ix: ix, pairs: pairs}
}

// warmAhead is how many pairs' second blocks are read ahead of scoring.
const warmAhead = 8

// warm reads the second blocks of pairs, and the first words of their
// features, before they are scored: a pair's second block is seldom in the
// cache, and reading several blocks at once waits for their memory once,
// where scoring them one by one waits for each. The result means nothing; it
// is kept so that the reads are made.
func (ix *corpusIndex) warm(pairs [][2]int32) uint64 {
	var v uint64
	blocks := make([]*block, 0, warmAhead)
	for _, p := range pairs {
		y := ix.all[p[1]]
		blocks = append(blocks, y)
		v ^= math.Float64bits(y.norm) ^ uint64(len(y.quoted)+len(y.speakers))
	}
	for _, y := range blocks {
		if len(y.terms) > 0 {
			v ^= uint64(y.terms[0])
		}
	}
	return v
}

// dropFeatures lets go of what only scoring reads: the blocks' terms,
// sentences and quotations, and the story's vocabulary and weights.
// Grouping needs only each block's article, place and class, and the
// features are most of the aligner's memory.
func (ix *corpusIndex) dropFeatures() {
	for _, b := range ix.all {
		*b = block{art: b.art, idx: b.idx, class: b.class}
	}
	ix.voc, ix.df, ix.weight, ix.names, ix.rareFigure, ix.shdf = nil, nil, nil, nil, nil, quoteCounts{}
}

// Events groups the scored story into events at threshold, as Align does.
func (s *Scored) Events(threshold float64) []Event {
	return group(s.arts, s.ix, s.pairs, threshold)
}

// scorePairs finds and scores the candidate pairs of the story, in order.
func (ix *corpusIndex) scorePairs(progress func(compared, pairs int)) []pair {
	cands := ix.candidates()
	pairs := ix.firstStage(cands, newPairProgress(progress, ix, cands, pairChunk))
	best := ix.bestPerArticle(pairs)
	// each pair among its rivals, then with the support of its
	// neighbours: every pair on its own, in parallel
	stage2 := func(p *pair) float64 { return ix.secondStage(p, best) }
	forPairs(pairs, func(p *pair) { p.p = stage2(p) })
	ix.neighbourSupport(pairs, stage2)
	return pairs
}

// pairChunk is how many pairs one task of a parallel loop scores.
const pairChunk = 1024

// forPairs calls f on every pair, in parallel chunks.
func forPairs(pairs []pair, f func(p *pair)) {
	parallel((len(pairs)+pairChunk-1)/pairChunk, func(c int) {
		for k := c * pairChunk; k < min(len(pairs), (c+1)*pairChunk); k++ {
			f(&pairs[k])
		}
	})
}

// firstStage scores what the blocks of each candidate pair share, telling
// pp (which may be nil) of each chunk done.
func (ix *corpusIndex) firstStage(cands [][2]int32, pp *pairProgress) []pair {
	pairs := make([]pair, len(cands))
	var scratch sync.Pool // of *pairScratch, so that a term table serves many chunks
	parallel((len(cands)+pairChunk-1)/pairChunk, func(c int) {
		sc, _ := scratch.Get().(*pairScratch)
		if sc == nil {
			sc = new(pairScratch)
		}
		end := min(len(cands), (c+1)*pairChunk)
		for k := c * pairChunk; k < end; k++ {
			if k%warmAhead == 0 {
				sc.warm ^= ix.warm(cands[k:min(end, k+warmAhead)])
			}
			x, y := ix.all[cands[k][0]], ix.all[cands[k][1]]
			e := ix.score(x, y, sc)
			pairs[k] = pair{x: cands[k][0], y: cands[k][1], base: e.logit1(), speaker: e.speaker > 0, shares: e.cos > 0, terms: uint8(min(e.terms, 255)), qdiff: e.qdiff}
		}
		sc.clearX()
		scratch.Put(sc)
		pp.scored(c)
	})
	return pairs
}

// bestPerArticle is the best first-stage score of each block against each
// other article: best[g*len(ix.arts)+a].
func (ix *corpusIndex) bestPerArticle(pairs []pair) []float64 {
	na := len(ix.arts)
	best := make([]float64, len(ix.all)*na)
	for i := range best {
		best[i] = math.Inf(-1)
	}
	// on one processor: a compact array of the blocks' articles, since
	// the blocks themselves are seldom in the cache
	artOf := make([]int32, len(ix.all))
	for g, b := range ix.all {
		artOf[g] = int32(b.art)
	}
	for _, p := range pairs {
		bx, by := int(p.x)*na+int(artOf[p.y]), int(p.y)*na+int(artOf[p.x])
		best[bx] = max(best[bx], p.base)
		best[by] = max(best[by], p.base)
	}
	return best
}

// secondStage is the probability of p among its rivals (best, from
// bestPerArticle), with its neighbours' support, its place and its
// speakers.
func (ix *corpusIndex) secondStage(p *pair, best []float64) float64 {
	na := len(ix.arts)
	x, y := ix.all[p.x], ix.all[p.y]
	r := rivals{
		base:  p.base,
		relx:  p.base - best[int(p.x)*na+y.art],
		rely:  p.base - best[int(p.y)*na+x.art],
		neigh: p.neigh(),
		pos:   math.Abs(float64(x.idx)/float64(len(ix.arts[x.art])) - float64(y.idx)/float64(len(ix.arts[y.art]))),
	}
	if p.speaker {
		r.speaker = 1
	}
	if p.qdiff {
		r.qdiff = 1
	}
	return sigmoid(r.logit2())
}

// neighbourSupport adds to each body pair the support of confident pairs
// just before and just after it, in both articles (confident before this
// support is added), and scores it again with stage2.
func (ix *corpusIndex) neighbourSupport(pairs []pair, stage2 func(p *pair) float64) {
	byX := pairIndex(pairs, len(ix.all))
	sure := make([]bool, len(pairs))
	for k, p := range pairs {
		sure[k] = p.p >= confident
	}
	conf := func(a, b int32) bool {
		k := byX.find(pairs, a, b)
		return k >= 0 && sure[k]
	}
	forPairs(pairs, func(p *pair) {
		x, y := ix.all[p.x], ix.all[p.y]
		if x.class != classBody {
			return
		}
		before, after := false, false
		for di := 0; di <= 1; di++ {
			for dj := 0; dj <= 1; dj++ {
				if di+dj == 0 {
					continue
				}
				if x.idx-di >= 0 && y.idx-dj >= 0 && conf(p.x-int32(di), p.y-int32(dj)) {
					before = true
				}
				if x.idx+di < len(ix.arts[x.art]) && y.idx+dj < len(ix.arts[y.art]) && conf(p.x+int32(di), p.y+int32(dj)) {
					after = true
				}
			}
		}
		if before {
			p.halves++
		}
		if after {
			p.halves++
		}
		p.p = stage2(p)
	})
}

// pairHeadlines raises the pairs of headlines that share a word: the
// headlines of one story pair with each other, but only of two articles
// of one story (storyMates).
func (ix *corpusIndex) pairHeadlines(pairs []pair) {
	mates := ix.storyMates(pairs, defaultThreshold)
	for k := range pairs {
		p := &pairs[k]
		if ix.all[p.x].class == classHeadline && p.shares && mates(ix.artPair(p)) {
			p.p = 0.5 + 0.5*p.p
		}
	}
}

// pairsByX locates the pairs of each first block in pairs sorted by x,
// then y: those of block g are pairs[at[g]:at[g+1]], a few at most.
type pairsByX struct{ at []int32 }

// pairIndex indexes pairs, which are sorted by x, then y, with x < y < n.
func pairIndex(pairs []pair, n int) pairsByX {
	at := make([]int32, n+1)
	for _, p := range pairs {
		at[p.x+1]++
	}
	for g := 0; g < n; g++ {
		at[g+1] += at[g]
	}
	return pairsByX{at}
}

// find returns the index in pairs of the pair (a, b), or -1. A block's
// pairs are sorted by their second block: a block of a story of many
// articles has hundreds.
func (ix pairsByX) find(pairs []pair, a, b int32) int {
	if a < 0 || int(a)+1 >= len(ix.at) {
		return -1
	}
	lo, hi := int(ix.at[a]), int(ix.at[a+1])
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if pairs[m].y < b {
			lo = m + 1
		} else {
			hi = m
		}
	}
	if lo < int(ix.at[a+1]) && pairs[lo].y == b {
		return lo
	}
	return -1
}

// link is a pair to link into one event: its blocks, and its probability
// as a key that sorts in ascending order as probabilities do in descending.
type link struct {
	key  uint64 // ^ the probability's bits (a positive float sorts as its bits do)
	x, y int32
}

// byProbability sorts links by key, most probable first, ties in the order
// given: a stable radix sort of the keys, a byte at a time, skipping the
// bytes all keys share. A comparison sort of the pairs of a long story was
// a few percent of its alignment.
func byProbability(links []link) []link {
	var diff uint64 // the bits in which some keys differ
	for _, l := range links {
		diff |= l.key ^ links[0].key
	}
	tmp := make([]link, len(links))
	for shift := uint(0); shift < 64; shift += 8 {
		if diff>>shift&0xff == 0 {
			continue // every key has the same byte here
		}
		var count [257]int
		for _, l := range links {
			count[l.key>>shift&0xff+1]++
		}
		for b := 1; b < len(count); b++ {
			count[b] += count[b-1]
		}
		for _, l := range links {
			d := l.key >> shift & 0xff
			tmp[count[d]] = l
			count[d]++
		}
		links, tmp = tmp, links
	}
	return links
}

// artPair is the articles of p's two blocks.
func (ix *corpusIndex) artPair(p *pair) [2]int { return [2]int{ix.all[p.x].art, ix.all[p.y].art} }

// sharesPlaced says whether an article whose blocks are in the events
// where lists shares one of the events placed so far.
func sharesPlaced(where []int, placed []bool) bool {
	for _, k := range where {
		if placed[k] {
			return true
		}
	}
	return false
}

// byPlace is where Order puts block i of an article of n blocks that shares
// no event with the articles before it (an unrelated page): after the last
// of roots, the first article's events in its order, that opens at or
// before the same place in the first article of m blocks; -1 before them
// all. Otherwise all such an article tells would come first.
func byPlace(events []Event, roots []int, i, n, m int) int {
	at := -1
	for _, r := range roots {
		if events[r].Blocks[0][0]*n > i*m {
			break
		}
		at = r
	}
	return at
}

func clamp01(x float64) float64 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}
