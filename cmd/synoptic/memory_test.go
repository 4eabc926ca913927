package main

import (
	"io"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

// BenchmarkExportPeak builds and writes stories as a JSON export without
// the checks does and reports the largest live heap found while it ran
// (peak-MB), the soft memory limit memory.go estimates for the story
// (limit-MB) and the estimate's headroom: the limit less memBase over the
// peak. A headroom under about 1.15 means the collector works hard near
// the peak, or, under 1, that the limit had to follow the live heap up
// (as on ten short articles, whose candidate pairs outgrow the estimate):
// if two-article stories show it, the constants of memory.go no longer fit
// the aligner's memory and want measuring again.
func BenchmarkExportPeak(b *testing.B) {
	for _, c := range []struct {
		name     string
		bytes    int
		articles int
	}{
		{"2x1MB", benchdata.MB1, 2},
		{"5x300KB", 300 << 10, 5},
		{"10x100KB", benchdata.KB100, 10},
	} {
		b.Run(c.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: c.bytes, Articles: c.articles, Seed: benchdata.Seed}).Corpus
			limit := memoryLimit(cs)
			var peak uint64
			for b.Loop() {
				peak = max(peak, peakLive(func() { exportJSONOnce(b, cs) }))
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(limit)/(1<<20), "limit-MB")
			b.ReportMetric(float64(limit-memBase)/float64(peak), "headroom")
		})
	}
}

// exportJSONOnce builds cs and writes it as `synoptic export --format json
// --checks=false` does.
func exportJSONOnce(tb testing.TB, cs *corpus.Story) {
	opt := story.DefaultOptions()
	opt.RenderOnce = true
	if err := story.Build(cs, opt).WriteJSON(io.Discard); err != nil {
		tb.Fatal(err)
	}
}

func TestPeakLiveSeesALargeHeap(t *testing.T) {
	var keep [][]byte
	peak := peakLive(func() {
		for range 64 {
			keep = append(keep, make([]byte, 256<<10))
		}
		runtime.GC()
	})
	runtime.KeepAlive(keep)
	if peak < 16<<20 {
		t.Fatalf("peak live heap %d MB while 16 MB were held", peak>>20)
	}
}

// peakLive runs f and returns the largest live heap a collection found
// while it ran. The collector runs at GOGC 10 meanwhile, so that its
// collections are frequent enough to find the peak.
func peakLive(f func()) uint64 {
	defer debug.SetGCPercent(debug.SetGCPercent(10))
	runtime.GC()
	var peak atomic.Uint64
	var done atomic.Bool
	live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	afterEachGC(func() bool {
		metrics.Read(live)
		peak.Store(max(peak.Load(), live[0].Value.Uint64()))
		return !done.Load()
	})
	f()
	done.Store(true)
	return peak.Load()
}

// A live heap that leaves too little room under the soft limit raises it;
// one with room leaves it as it is, and the limit never falls.
func TestLimitFollowsALiveHeapThatOutgrowsIt(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(40 << 20)
	followLive(20 << 20)
	if got := debug.SetMemoryLimit(-1); got != 40<<20 {
		t.Fatalf("a 20 MB live heap moved a 40 MB limit to %d MB", got>>20)
	}
	followLive(36 << 20)
	want := int64(memBase + (36<<20)*followHeadroom/64)
	if got := debug.SetMemoryLimit(-1); got != want {
		t.Fatalf("a 36 MB live heap left the 40 MB limit at %d MB, want %d MB", got>>20, want>>20)
	}
	followLive(20 << 20)
	if got := debug.SetMemoryLimit(-1); got != want {
		t.Fatalf("a smaller live heap lowered the limit to %d MB", got>>20)
	}
}

// The estimate grows with the text, the paragraphs and the articles, and
// never falls under memFloor.
func TestMemoryLimitGrowsWithTheStory(t *testing.T) {
	story := func(articles, paras, size int) *corpus.Story {
		cs := &corpus.Story{}
		for range articles {
			var a corpus.Article
			for range paras {
				a.Paras = append(a.Paras, corpus.Para{Text: strings.Repeat("x", size)})
			}
			cs.Articles = append(cs.Articles, a)
		}
		return cs
	}
	if got := memoryLimit(story(2, 10, 100)); got != memFloor {
		t.Errorf("a small story's limit is %d, want memFloor", got)
	}
	base := memoryLimit(story(2, 2000, 500))
	for _, c := range []struct {
		name string
		cs   *corpus.Story
	}{
		{"longer paragraphs", story(2, 2000, 1000)},
		{"more paragraphs", story(2, 4000, 500)},
		{"more articles", story(4, 2000, 500)},
	} {
		if got := memoryLimit(c.cs); got <= base {
			t.Errorf("%s: limit %d MB, not above %d MB", c.name, got>>20, base>>20)
		}
	}
}
