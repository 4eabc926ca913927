package par

import (
	"runtime"
	"sync/atomic"
	"testing"
)

// Each calls f once for every index, on every processor count.
func TestEachCallsEveryIndexOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, procs := range []int{1, 2, 4} {
		runtime.GOMAXPROCS(procs)
		for _, n := range []int{0, 1, 2, 3, 100} {
			calls := make([]atomic.Int32, n)
			Each(n, func(i int) { calls[i].Add(1) })
			for i := range calls {
				if c := calls[i].Load(); c != 1 {
					t.Errorf("%d processors, n=%d: f(%d) called %d times", procs, n, i, c)
				}
			}
		}
	}
}
