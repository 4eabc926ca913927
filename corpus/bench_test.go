package corpus_test

import (
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
)

// BenchmarkLoad reads two synthetic plain-text articles of each size from
// files.
func BenchmarkLoad(b *testing.B) {
	for _, sz := range []struct {
		name  string
		bytes int
	}{{"10KB", benchdata.KB10}, {"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}} {
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
				if len(cs.Articles) != 2 {
					b.Fatalf("loaded %d articles; want 2", len(cs.Articles))
				}
			}
		})
	}
}
