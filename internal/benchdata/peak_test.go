package benchdata

import (
	"runtime"
	"testing"
)

// PeakLive sees a heap that f held only while it ran.
func TestPeakLiveSeesALargeHeap(t *testing.T) {
	var keep [][]byte
	before, peak := PeakLive(func() {
		for range 64 {
			keep = append(keep, make([]byte, 256<<10))
		}
		runtime.GC()
		keep = nil // gone before PeakLive's last look: only a collection while f ran saw it
	})
	runtime.KeepAlive(keep)
	// less what was live before and let go since: the test's own
	if peak < before+14<<20 {
		t.Fatalf("peak live heap %d MB over %d MB before, while 16 MB were held", (peak-min(before, peak))>>20, before>>20)
	}
}
