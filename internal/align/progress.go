package align

import (
	"sort"
	"sync/atomic"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// ScoreWith is Score, telling opt.Progress how many pairs of articles are
// compared as the comparing goes on; the result is Score's.
func ScoreWith(arts [][]segment.Block, opt Options) *Scored {
	return score(arts, opt.Progress)
}

// pairProgress counts the pairs of articles whose candidate block pairs
// all have their first-stage score, for a Progress. The candidates are
// sorted by first block, and a block's candidates lie in later articles,
// so those of the article pairs (a, b) with b > a are one run: the
// article pairs of a are compared when the last chunk of scoring that
// holds part of that run is done. With chunks taken in order, articles
// finish roughly in order, and an early article, with more later articles
// to pair with, has more pairs and more candidates: the count grows about
// as the work does.
type pairProgress struct {
	report   func(compared, pairs int)
	first    []int32 // per article: its first block's index, and the blocks' number
	cands    [][2]int32
	chunk    int
	left     []atomic.Int32 // per article: its chunks not yet scored
	compared atomic.Int64
	pairs    int
}

// newPairProgress returns the count for report of scoring cands in
// chunks of chunk candidates, reporting the article pairs that need no
// scoring at once; nil when report is nil.
func newPairProgress(report func(compared, pairs int), ix *corpusIndex, cands [][2]int32, chunk int) *pairProgress {
	if report == nil {
		return nil
	}
	n := len(ix.arts)
	pp := &pairProgress{report: report, first: make([]int32, n+1), cands: cands,
		chunk: chunk, left: make([]atomic.Int32, n), pairs: n * (n - 1) / 2}
	for a, blocks := range ix.arts {
		pp.first[a+1] = pp.first[a] + int32(len(blocks))
	}
	// the candidates of article a are those whose first block is in it:
	// cands[lo:hi], found by bisection rather than by reading the blocks
	lo := 0
	for a := range n {
		hi := lo + sort.Search(len(cands)-lo, func(k int) bool { return cands[lo+k][0] >= pp.first[a+1] })
		if hi > lo {
			pp.left[a].Store(int32((hi-1)/chunk - lo/chunk + 1))
		}
		lo = hi
	}
	free := 0 // article pairs without a candidate
	for a := range pp.left {
		if pp.left[a].Load() == 0 {
			free += n - 1 - a
		}
	}
	pp.compared.Store(int64(free))
	report(free, pp.pairs)
	return pp
}

// scored counts chunk c of the candidates as scored, and reports the
// article pairs it completes. It may be called from several goroutines;
// their reports may arrive out of order.
func (pp *pairProgress) scored(c int) {
	if pp == nil {
		return
	}
	lo, hi := c*pp.chunk, min(len(pp.cands), (c+1)*pp.chunk)
	if lo >= hi {
		return
	}
	n := len(pp.left)
	for a := pp.artOf(pp.cands[lo][0]); a <= pp.artOf(pp.cands[hi-1][0]); a++ {
		if pp.left[a].Load() > 0 && pp.left[a].Add(-1) == 0 {
			pp.report(int(pp.compared.Add(int64(n-1-a))), pp.pairs)
		}
	}
}

// artOf is the article of block g.
func (pp *pairProgress) artOf(g int32) int {
	return sort.Search(len(pp.first)-1, func(a int) bool { return pp.first[a+1] > g })
}
