package story

import (
	"context"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// eventDiffs computes the diffs Build gives event k: the first article
// present against each other one.
func (st *Story) eventDiffs(k int, d *worddiff.Differ) []Diff {
	e := &st.Events[k]
	diffs := []Diff{}
	first := -1
	for a, bs := range e.Blocks {
		if len(bs) == 0 {
			continue
		}
		if first < 0 {
			first = a
			continue
		}
		diffs = append(diffs, Diff{From: first, To: a, Ops: st.diff(d, first, e.Blocks[first], a, bs)})
	}
	return diffs
}

// publish stores the diffs of event k unless another goroutine did first.
// The caller holds st.mu.
func (st *Story) publish(k int, diffs []Diff) {
	if st.diffed[k].Load() {
		return
	}
	st.Events[k].Diffs = diffs
	st.diffed[k].Store(true)
	st.pending.Add(-1)
}

// ensure diffs event k now if it is not yet.
func (st *Story) ensure(k int) {
	if st.diffed == nil || st.diffed[k].Load() {
		return
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	if !st.diffed[k].Load() {
		st.publish(k, st.eventDiffs(k, st.onDemand()))
	}
}

func (st *Story) onDemand() *worddiff.Differ {
	if st.differ == nil {
		st.differ = worddiff.New()
	}
	return st.differ
}

// addStats adds a finished Differ's counts. The caller holds st.mu.
func (st *Story) addStats(s worddiff.Stats) {
	st.stats.Pairs += s.Pairs
	st.stats.GoDiffGaps += s.GoDiffGaps
	st.stats.LongestGap = max(st.stats.LongestGap, s.LongestGap)
	st.stats.Chunked += s.Chunked
	st.stats.Coarse += s.Coarse
}

// DiffStats returns the word-diff counts of the story so far: pairs diffed,
// gaps handed to go-diff, the longest of them, gaps cut into chunks, and
// coarse results, which must be 0 (see worddiff.Stats).
func (st *Story) DiffStats() worddiff.Stats {
	st.mu.Lock()
	defer st.mu.Unlock()
	s := st.stats
	if st.differ != nil {
		d := st.differ.Stats()
		s.Pairs += d.Pairs
		s.GoDiffGaps += d.GoDiffGaps
		s.LongestGap = max(s.LongestGap, d.LongestGap)
		s.Chunked += d.Chunked
		s.Coarse += d.Coarse
	}
	return s
}

// DiffProgress returns how many of the events that need word diffs have
// them, and how many need them.
func (st *Story) DiffProgress() (done, total int) {
	return st.total - int(st.pending.Load()), st.total
}

// FillDiffs computes every diff not yet computed, in event order, on all
// cores, and returns when all are done or ctx is cancelled (returning its
// error). progress, when not nil, is called from one goroutine at a time
// with the counts of DiffProgress as they grow, at most every 1% of the
// events and once at the end. Several FillDiffs may run at once; each event
// is published once.
func (st *Story) FillDiffs(ctx context.Context, progress func(done, total int)) error {
	if st.diffed == nil || st.pending.Load() == 0 {
		if progress != nil {
			progress(st.DiffProgress())
		}
		return ctx.Err()
	}
	workers := min(runtime.GOMAXPROCS(0), max(1, st.total/64))
	var next atomic.Int64
	var wg sync.WaitGroup
	var progMu sync.Mutex
	step := int64(max(1, st.total/100))
	var reported atomic.Int64
	const batch = 16
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			d := worddiff.New()
			defer func() {
				st.mu.Lock()
				st.addStats(d.Stats())
				st.mu.Unlock()
			}()
			type result struct {
				k     int
				diffs []Diff
			}
			var out []result
			flush := func() {
				if len(out) == 0 {
					return
				}
				st.mu.Lock()
				for _, r := range out {
					st.publish(r.k, r.diffs)
				}
				st.mu.Unlock()
				out = out[:0]
				if progress != nil {
					done, _ := st.DiffProgress()
					if last := reported.Load(); int64(done)-last >= step && reported.CompareAndSwap(last, int64(done)) {
						progMu.Lock()
						progress(st.DiffProgress())
						progMu.Unlock()
					}
				}
			}
			for ctx.Err() == nil {
				lo := int(next.Add(batch)) - batch
				if lo >= len(st.Events) {
					break
				}
				for k := lo; k < min(lo+batch, len(st.Events)); k++ {
					if !st.diffed[k].Load() {
						out = append(out, result{k, st.eventDiffs(k, d)})
					}
				}
				flush()
			}
		}()
	}
	wg.Wait()
	if progress != nil {
		progress(st.DiffProgress())
	}
	return ctx.Err()
}
