package names

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

func BenchmarkLowerWords(b *testing.B) {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 2, Seed: benchdata.Seed}).Corpus
	sts := [2]*story.Story{story.Build(cs, story.DefaultOptions()), story.Build(cs, story.DefaultOptions())}
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		LowerWords(sts[i%2])
		i++
	}
}
