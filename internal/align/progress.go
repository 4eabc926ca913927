package align

import (
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
	artOf    func(g int32) int
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
	pp := &pairProgress{report: report, artOf: func(g int32) int { return ix.all[g].art }, cands: cands,
		chunk: chunk, left: make([]atomic.Int32, n), pairs: n * (n - 1) / 2}
	for lo := 0; lo < len(cands); {
		a := pp.artOf(cands[lo][0])
		hi := lo + 1
		for hi < len(cands) && pp.artOf(cands[hi][0]) == a {
			hi++
		}
		pp.left[a].Store(int32((hi-1)/chunk - lo/chunk + 1))
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
