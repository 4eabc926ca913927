package benchdata

import (
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync/atomic"
)

// PeakLive runs f and returns the live heap before it ran and the largest
// live heap a collection found while it ran, or that f left behind. The collector runs at GOGC 5
// meanwhile, so that its collections are frequent enough to find the
// peak; a peak between two collections may still be missed by a few
// percent, and one collection may count what was allocated while it ran.
func PeakLive(f func()) (before, peak uint64) {
	defer debug.SetGCPercent(debug.SetGCPercent(5))
	runtime.GC()
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(live)
	before = live[0].Value.Uint64()
	var top atomic.Uint64
	var done atomic.Bool
	finished := make(chan struct{})
	var watch func()
	watch = func() {
		// an object no one keeps: its finalizer runs after the next
		// collection, reads the live heap and watches for the one after,
		// until f has returned
		runtime.SetFinalizer(new(sentinel), func(*sentinel) {
			s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
			metrics.Read(s)
			for v := s[0].Value.Uint64(); ; {
				m := top.Load()
				if v <= m || top.CompareAndSwap(m, v) {
					break
				}
			}
			if done.Load() {
				close(finished)
				return
			}
			watch()
		})
	}
	watch()
	f()
	done.Store(true)
	// one more collection, whose finalizer runs after those of the
	// collections while f ran; it counts what f left live, which was live
	// as it ended
	runtime.GC()
	<-finished
	return before, top.Load()
}

// sentinel is what PeakLive's finalizers are set on: big enough not to
// share an allocation with other tiny objects, whose finalizer would wait
// for them.
type sentinel struct{ _ [64]byte }
