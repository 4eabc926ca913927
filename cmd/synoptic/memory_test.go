package main

import (
	"io"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
)

// BenchmarkExportPeak builds and writes stories as a JSON export without
// the checks does and reports the largest live heap found while it ran
// (peak-MB), the soft memory limit memory.go estimates for the story
// (limit-MB) and the estimate's headroom: the limit less memBase over the
// peak. A headroom under about 1.15 means the collector works hard near
// the peak, or, under 1, that the limit had to follow the live heap up:
// then storyPerByte in memory.go, or align.PeakBytes (which its own test
// checks), no longer fits and wants measuring again.
func BenchmarkExportPeak(b *testing.B) {
	for _, c := range []struct {
		name     string
		bytes    int
		articles int
	}{
		{"2x1MB", benchdata.MB1, 2},
		{"5x300KB", 300 << 10, 5},
		{"10x100KB", benchdata.KB100, 10},
		{"50x20KB", 20 << 10, 50},
	} {
		b.Run(c.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: c.bytes, Articles: c.articles, Seed: benchdata.Seed}).Corpus
			limit := memoryLimit(cs)
			var peak uint64
			for b.Loop() {
				_, p := benchdata.PeakLive(func() { exportJSONOnce(b, cs) })
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
			b.ReportMetric(float64(limit)/(1<<20), "limit-MB")
			b.ReportMetric(float64(limit-memBase)/float64(peak), "headroom")
		})
	}
}

// BenchmarkChecksPeak is BenchmarkExportPeak for the default JSON export,
// which runs the whole-story checks: the largest live heap found while a
// story is built, checked and written (peak-MB).
func BenchmarkChecksPeak(b *testing.B) {
	for _, c := range []struct {
		name     string
		bytes    int
		articles int
	}{
		{"2x1MB", benchdata.MB1, 2},
		{"50x20KB", 20 << 10, 50},
	} {
		b.Run(c.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: c.bytes, Articles: c.articles, Seed: benchdata.Seed}).Corpus
			var peak uint64
			for b.Loop() {
				_, p := benchdata.PeakLive(func() {
					// as runExport does: the checks that read the
					// articles alone run while they are aligned
					opt := story.DefaultOptions()
					opt.RenderOnce = true
					eopt := exportOptions()
					opt.Segmented = func(st *story.Story) { eopt.Early = export.StartChecks(st) }
					if err := export.Render(io.Discard, "json", story.Build(cs, opt), eopt); err != nil {
						b.Fatal(err)
					}
				})
				peak = max(peak, p)
			}
			b.ReportMetric(float64(peak)/(1<<20), "peak-MB")
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

// A heap goal that leaves the live heap too little room raises the limit by
// what brings the goal to followHeadroom of the live heap; one with room
// leaves it as it is, and the limit never falls.
func TestLimitFollowsALiveHeapThatOutgrowsIt(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(-1))
	debug.SetMemoryLimit(40 << 20)
	followLive(20<<20, 30<<20)
	if got := debug.SetMemoryLimit(-1); got != 40<<20 {
		t.Fatalf("a 20 MB live heap with a 30 MB goal moved a 40 MB limit to %d MB", got>>20)
	}
	followLive(36<<20, 37<<20)
	want := int64(40<<20 + (36<<20)*followHeadroom/64 - 37<<20)
	if got := debug.SetMemoryLimit(-1); got != want || got <= 40<<20 {
		t.Fatalf("a 36 MB live heap with a 37 MB goal left the 40 MB limit at %d MB, want %d MB", got>>20, want>>20)
	}
	followLive(20<<20, 25<<20)
	if got := debug.SetMemoryLimit(-1); got != want {
		t.Fatalf("a smaller live heap moved the limit to %d MB", got>>20)
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
