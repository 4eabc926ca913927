// Package par runs independent pieces of work on all processors.
package par

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Each runs f(0) … f(n-1) on up to GOMAXPROCS goroutines, each taking the
// next index as it is free, and returns when all have returned. With one
// processor, or n < 2, it calls them in order on the caller's goroutine.
func Each(n int, f func(i int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < n; i = int(next.Add(1)) - 1 {
				f(i)
			}
		}()
	}
	wg.Wait()
}
