package segment_test

import (
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/segment"
)

var sizes = []struct {
	name  string
	bytes int
}{{"10KB", benchdata.KB10}, {"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}}

// BenchmarkLoadSegment loads two synthetic articles of each size from files
// and segments them into blocks.
func BenchmarkLoadSegment(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			st := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed})
			paths, err := st.WriteFiles(b.TempDir())
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(st.Text(0)) + len(st.Text(1))))
			b.ReportAllocs()
			for b.Loop() {
				cs, err := corpus.Load(paths)
				if err != nil {
					b.Fatal(err)
				}
				for _, a := range cs.Articles {
					segment.Article(a)
				}
			}
		})
	}
}

// BenchmarkSegment segments two loaded synthetic articles of each size.
func BenchmarkSegment(b *testing.B) {
	for _, sz := range sizes {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			b.SetBytes(int64(2 * sz.bytes))
			b.ReportAllocs()
			for b.Loop() {
				for _, a := range cs.Articles {
					segment.Article(a)
				}
			}
		})
	}
}

// BenchmarkIsCaption is the caption test on one ordinary paragraph, which
// runs for every paragraph of every article.
func BenchmarkIsCaption(b *testing.B) {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.KB10, Articles: 2, Seed: benchdata.Seed}).Corpus
	p := cs.Articles[0].Paras[3].Text
	b.SetBytes(int64(len(p)))
	b.ReportAllocs()
	for b.Loop() {
		if segment.IsCaption(p) {
			b.Fatal("a body paragraph reads as a caption")
		}
	}
}
