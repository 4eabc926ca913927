package names

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

// BenchmarkLowerWords is LowerWords of a story of two generated 1 MB
// articles (built outside the timing).
func BenchmarkLowerWords(b *testing.B) {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 2, Seed: benchdata.Seed}).Corpus
	st := story.Build(cs, story.DefaultOptions())
	b.ReportAllocs()
	for b.Loop() {
		LowerWords(st)
	}
}

// BenchmarkWords splits the paragraphs of a generated 1 MB article into
// words.
func BenchmarkWords(b *testing.B) {
	paras := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 1, Seed: benchdata.Seed}).Corpus.Articles[0].Paras
	n := 0
	for _, p := range paras {
		n += len(p.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var ws []Word
	for b.Loop() {
		for _, p := range paras {
			ws = appendWords(ws[:0], p.Text, -1, false)
		}
	}
}
