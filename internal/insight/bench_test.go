package insight

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

func benchAnalyze(b *testing.B, size, articles int) {
	g := benchdata.Generate(benchdata.Config{Bytes: size, Articles: articles, Seed: benchdata.Seed})
	// two builds of the story, taken in turn, so that no iteration finds
	// the other's LowerWords remembered
	sts := [2]*story.Story{story.Build(g.Corpus, story.DefaultOptions()), story.Build(g.Corpus, story.DefaultOptions())}
	b.SetBytes(int64(size * articles))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(sts[i%2])
	}
}

// BenchmarkAnalyze100KB5 runs every whole-story check on five articles of
// 100 KB each (the story is built once, outside the timing).
func BenchmarkAnalyze100KB5(b *testing.B) { benchAnalyze(b, benchdata.KB100, 5) }

// BenchmarkAnalyze1MB2 runs them on two articles of 1 MB.
func BenchmarkAnalyze1MB2(b *testing.B) { benchAnalyze(b, benchdata.MB1, 2) }

// BenchmarkAnalyze runs every whole-story check on two articles of each
// size (100 KB, 1 MB, 10 MB per side): the cost the checks add to an
// export or to the reader, against story.BenchmarkBuild's.
func BenchmarkAnalyze(b *testing.B) {
	for _, sz := range []struct {
		name  string
		bytes int
	}{{"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}} {
		b.Run(sz.name, func(b *testing.B) { benchAnalyze(b, sz.bytes, 2) })
	}
}

// BenchmarkLongestRun finds the summary's longest verbatim run in the
// 50-article story of about 20 KB an article, as Summarize does
// ("bounded") and by diffing every pair of every event ("every-pair", the
// reference of TestLongestRunEveryPair). Each iteration gets a story
// freshly built, outside the timing, whose only diffs are the export's.
func BenchmarkLongestRun(b *testing.B) {
	g := benchdata.Generate(benchdata.Config{Bytes: 20 << 10, Articles: 50, Seed: benchdata.Seed})
	for _, c := range []struct {
		name string
		run  func(*story.Story) *Run
	}{{"bounded", longestRun}, {"every-pair", everyPairRun}} {
		b.Run(c.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				b.StopTimer()
				st := story.Build(g.Corpus, story.DefaultOptions())
				b.StartTimer()
				c.run(st)
			}
		})
	}
}
