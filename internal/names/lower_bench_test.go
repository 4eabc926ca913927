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

func BenchmarkAppendWords(b *testing.B) {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 1, Seed: benchdata.Seed}).Corpus
	var ws []Word
	n := 0
	for _, p := range cs.Articles[0].Paras {
		n += len(p.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range cs.Articles[0].Paras {
			ws = appendWords(ws[:0], p.Text, -1)
		}
	}
}
