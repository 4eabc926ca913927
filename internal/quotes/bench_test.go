package quotes

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

// BenchmarkCheck is the quote check of two generated articles of each size
// (the story is built outside the timing).
func BenchmarkCheck(b *testing.B) {
	for _, sz := range []struct {
		name  string
		bytes int
	}{{"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}} {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			// two builds taken in turn: no iteration finds the other's
			// LowerWords remembered
			sts := [2]*story.Story{story.Build(cs, story.DefaultOptions()), story.Build(cs, story.DefaultOptions())}
			b.SetBytes(int64(2 * sz.bytes))
			b.ReportAllocs()
			b.ResetTimer()
			i := 0
			for b.Loop() {
				Check(sts[i%2])
				i++
			}
		})
	}
}
