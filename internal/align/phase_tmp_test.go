package align

import (
	"fmt"
	"runtime"
	"sort"
	"testing"
	"time"
)

func TestPhaseTmp(t *testing.T) {
	arts, _ := benchStory(1<<20, 20241101)
	for _, procs := range []int{1, 2} {
		old := runtime.GOMAXPROCS(procs)
		var d [5][]float64
		for r := 0; r < 9; r++ {
			runtime.GC()
			t0 := time.Now()
			ix := index(arts)
			t1 := time.Now()
			ix.candidates()
			t2 := time.Now()
			p := ix.scorePairs()
			t3 := time.Now()
			group(arts, ix, p, 0.49)
			t4 := time.Now()
			for i, x := range []time.Duration{t1.Sub(t0), t2.Sub(t1), t3.Sub(t2) - t2.Sub(t1), t4.Sub(t3), t4.Sub(t0) - t2.Sub(t1)} {
				d[i] = append(d[i], float64(x.Microseconds())/1000)
			}
		}
		for i := range d {
			sort.Float64s(d[i])
		}
		fmt.Printf("procs %d: index %.1f cand %.1f score %.1f group %.1f total %.1f\n", procs, d[0][4], d[1][4], d[2][4], d[3][4], d[4][4])
		runtime.GOMAXPROCS(old)
	}
}
