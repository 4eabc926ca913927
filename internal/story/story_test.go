package story

import (
	"context"
	"encoding/json"
	"reflect"
	"slices"
	"sync"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

func synthetic(t testing.TB, bytes, articles int) *corpus.Story {
	return benchdata.Generate(benchdata.Config{Bytes: bytes, Articles: articles, Seed: benchdata.Seed}).Corpus
}

func TestDeferredDiffsMatchEagerOnes(t *testing.T) {
	cs := synthetic(t, 30<<10, 3)
	eager := Build(cs, DefaultOptions())
	opt := DefaultOptions()
	opt.DeferDiffs = true
	lazy := Build(cs, opt)
	done, total := lazy.DiffProgress()
	if total == 0 || done != 0 {
		t.Fatalf("deferred build: progress %d/%d; want 0 of some", done, total)
	}
	// A shared event asked for first is diffed on demand, alone.
	k := -1
	for i, e := range lazy.Events {
		if e.Kind == Shared && len(e.Blocks[0]) > 0 && len(e.Blocks[1]) > 0 {
			k = i
			break
		}
	}
	if k < 0 {
		t.Fatal("no shared event")
	}
	if got, want := lazy.Ops(k, 0, 1), eager.Ops(k, 0, 1); !reflect.DeepEqual(got, want) {
		t.Fatalf("on-demand ops of event %d differ from Build's", k)
	}
	if done, _ := lazy.DiffProgress(); done != 1 {
		t.Fatalf("after one Ops call, %d events diffed; want 1", done)
	}
	var calls []int
	if err := lazy.FillDiffs(context.Background(), func(done, total int) { calls = append(calls, done) }); err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[len(calls)-1] != total {
		t.Fatalf("progress calls %v; want the last to be %d", calls, total)
	}
	for i := 1; i < len(calls); i++ {
		if calls[i] < calls[i-1] {
			t.Fatalf("progress went back: %v", calls)
		}
	}
	if s := lazy.DiffStats(); s.Pairs < total || s.Coarse != 0 {
		t.Fatalf("diff stats %+v; want at least %d pairs and no coarse gap", s, total)
	}
	if !reflect.DeepEqual(eager.Events, lazy.Events) {
		t.Fatal("filled events differ from an eager build's")
	}
	for k := range eager.Events {
		for l := range eager.Articles {
			for r := range eager.Articles {
				if !reflect.DeepEqual(eager.Ops(k, l, r), lazy.Ops(k, l, r)) {
					t.Fatalf("Ops(%d, %d, %d) differ", k, l, r)
				}
			}
		}
	}
}

func TestJSONOfADeferredBuildHoldsEveryDiff(t *testing.T) {
	cs := synthetic(t, 20<<10, 2)
	want, err := json.Marshal(Build(cs, DefaultOptions()))
	if err != nil {
		t.Fatal(err)
	}
	opt := DefaultOptions()
	opt.DeferDiffs = true
	got, err := json.Marshal(Build(cs, opt))
	if err != nil {
		t.Fatal(err)
	}
	if string(got) != string(want) {
		t.Fatal("JSON of a deferred build differs from an eager build's")
	}
	var back struct {
		Version int
		Events  []struct {
			Kind  Kind
			Diffs []Diff
		}
	}
	if err := json.Unmarshal(got, &back); err != nil {
		t.Fatal(err)
	}
	if back.Version != Version {
		t.Errorf("version %d; want %d", back.Version, Version)
	}
	for k, e := range back.Events {
		if e.Kind == Shared && len(e.Diffs) == 0 {
			t.Errorf("shared event %d has no diffs in the JSON", k)
		}
		if e.Diffs == nil {
			t.Errorf("event %d: diffs is null; want a list", k)
		}
	}
}

// TestConcurrentOpsAndFill runs readers against a background fill; run
// with -race.
func TestConcurrentOpsAndFill(t *testing.T) {
	cs := synthetic(t, 40<<10, 3)
	opt := DefaultOptions()
	opt.DeferDiffs = true
	st := Build(cs, opt)
	eager := Build(cs, DefaultOptions())
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var wg sync.WaitGroup
	for g := 0; g < 2; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			st.FillDiffs(ctx, func(int, int) {})
		}()
	}
	for g := 0; g < 3; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			for k := len(st.Events) - 1; k >= 0; k-- {
				l, r := g%3, (g+1)%3
				if got := st.Ops(k, l, r); !reflect.DeepEqual(got, eager.Ops(k, l, r)) {
					t.Errorf("Ops(%d, %d, %d) differ while filling", k, l, r)
					return
				}
			}
		}(g)
	}
	wg.Wait()
	if done, total := st.DiffProgress(); done != total {
		t.Fatalf("progress %d/%d after fills", done, total)
	}
}

func TestFillDiffsStopsWhenCancelled(t *testing.T) {
	opt := DefaultOptions()
	opt.DeferDiffs = true
	st := Build(synthetic(t, 20<<10, 2), opt)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := st.FillDiffs(ctx, nil); err == nil {
		t.Fatal("FillDiffs with a cancelled context returned nil")
	}
	if done, total := st.DiffProgress(); done == total {
		t.Fatalf("a cancelled fill diffed all %d events", total)
	}
	// Ops still works after a cancelled fill.
	for k, e := range st.Events {
		if e.Kind == Shared && len(e.Blocks[0]) > 0 && len(e.Blocks[1]) > 0 {
			ops := st.Ops(k, 0, 1)
			if worddiff.A(ops) != st.SideText(0, e.Blocks[0]) {
				t.Fatalf("event %d: ops do not rebuild the left side", k)
			}
			break
		}
	}
}

func TestPairScoreIsThePairs(t *testing.T) {
	st := Build(synthetic(t, 20<<10, 3), DefaultOptions())
	seen := false
	for k := range st.Events {
		e := &st.Events[k]
		if e.Kind != Shared {
			if e.PairScore(0, 1) != 0 && (len(e.Blocks[0]) == 0 || len(e.Blocks[1]) == 0) {
				t.Errorf("event %d: a score between articles that do not both tell it", k)
			}
			continue
		}
		for a := range e.Blocks {
			for b := range e.Blocks {
				s := e.PairScore(a, b)
				if a == b || len(e.Blocks[a]) == 0 || len(e.Blocks[b]) == 0 {
					if s != 0 {
						t.Errorf("event %d: PairScore(%d, %d) = %v for an article that lacks it", k, a, b, s)
					}
					continue
				}
				if s != e.PairScore(b, a) || s < 0 || s > 1 {
					t.Errorf("event %d: PairScore(%d, %d) = %v, (%d, %d) = %v", k, a, b, s, b, a, e.PairScore(b, a))
				}
				if s != e.Score {
					seen = true
				}
			}
		}
	}
	if !seen {
		t.Error("no event of three articles has a pair score other than its own")
	}
}

// TestPairScoreIsTheMeanOfTheAlignersPairs checks the sums an event keeps
// against the aligner's pairs of its blocks: the mean of those between the
// two articles, a pair not scored counting 0.
func TestPairScoreIsTheMeanOfTheAlignersPairs(t *testing.T) {
	st := Build(synthetic(t, 20<<10, 4), DefaultOptions())
	checked := 0
	for k := range st.Events {
		e := &st.Events[k]
		if e.Kind != Shared || e.Pinned {
			continue
		}
		pairs := st.scored.PairsOf(align.Event{Blocks: e.Blocks})
		for a := range e.Blocks {
			for b := a + 1; b < len(e.Blocks); b++ {
				if len(e.Blocks[a]) == 0 || len(e.Blocks[b]) == 0 {
					continue
				}
				sum := 0.0
				for _, p := range pairs {
					if p.A == a && p.B == b {
						sum += p.Score
					}
				}
				if want := round(sum / float64(len(e.Blocks[a])*len(e.Blocks[b]))); e.PairScore(a, b) != want {
					t.Errorf("event %d: PairScore(%d, %d) = %v, the mean of the aligner's pairs is %v", k, a, b, e.PairScore(a, b), want)
				}
				checked++
			}
		}
	}
	if checked == 0 {
		t.Fatal("no shared event to check")
	}
}

// TestSumPairsKeepsEachArticlePairsOrder checks that pairs listed out of
// article order are summed per article pair, each in the order given, and
// that no pairs stay nil.
func TestSumPairsKeepsEachArticlePairsOrder(t *testing.T) {
	x, y := 0.1, 0.2 // variables: a sum of constants would be exact
	got := sumPairs([]align.Pair{
		{A: 0, B: 1, Score: x}, {A: 0, B: 2, Score: 0.25}, {A: 0, B: 1, Score: y}, {A: 1, B: 2, Score: 0.5}, {A: 0, B: 2, Score: 0.125},
	})
	want := []pairSum{{0, 1, x + y}, {0, 2, 0.25 + 0.125}, {1, 2, 0.5}}
	if !slices.Equal(got, want) {
		t.Errorf("sumPairs = %v, want %v", got, want)
	}
	if sumPairs(nil) != nil {
		t.Error("sumPairs(nil) is not nil: a story built by hand would read as scored")
	}
}

// TestBuildReportsArticlesRead checks that Build tells its Progress of
// every article segmented, each count once, up to all of them.
func TestBuildReportsArticlesRead(t *testing.T) {
	cs := synthetic(t, 2<<10, 5)
	var mu sync.Mutex
	seen := map[int]bool{}
	opt := DefaultOptions()
	opt.Progress = func(read, articles int) {
		mu.Lock()
		defer mu.Unlock()
		if articles != 5 || seen[read] {
			t.Errorf("progress %d of %d (seen before: %v)", read, articles, seen[read])
		}
		seen[read] = true
	}
	Build(cs, opt)
	if len(seen) != 5 || !seen[1] || !seen[5] {
		t.Errorf("counts reported: %v, want 1 to 5", seen)
	}
}
