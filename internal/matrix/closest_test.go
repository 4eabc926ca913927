package matrix

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestClosestIsEveryPairsBest holds closest, which diffs only the pairs
// whose bound can beat the best share found, to the best share of the diff
// of every pair, on generated stories of many outlets.
func TestClosestIsEveryPairsBest(t *testing.T) {
	pruned := 0
	for seed := uint64(1); seed <= 12; seed++ {
		cs := benchdata.Generate(benchdata.Config{Bytes: 3 << 10, Articles: 3 + int(seed%6), Seed: seed, Rewrite: 0.05 * float64(seed%4+1)}).Corpus
		st := story.Build(cs, story.DefaultOptions())
		for k, e := range st.Events {
			present := 0
			for _, bs := range e.Blocks {
				if len(bs) > 0 {
					present++
				}
			}
			if present < 2 {
				continue
			}
			before := st.DiffStats().Pairs
			got := closest(st, k)
			if st.DiffStats().Pairs-before < present*(present-1)/2-(present-1) {
				pruned++
			}
			for a, bs := range e.Blocks {
				if len(bs) == 0 {
					continue
				}
				want := 0.0
				for b, bs2 := range e.Blocks {
					if b == a || len(bs2) == 0 || !st.ComparesWording(a, b) {
						continue
					}
					ops := st.Ops(k, min(a, b), max(a, b))
					if a > b {
						ops = story.Invert(ops)
					}
					want = max(want, equalShare(ops))
				}
				if got[a] != want {
					t.Fatalf("seed %d, event %d, article %d: closest %v, every pair %v", seed, k, a, got[a], want)
				}
			}
		}
	}
	if pruned == 0 {
		t.Error("no event left a pair undiffed: the test does not reach the bound")
	}
}
