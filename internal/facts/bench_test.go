package facts

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

var benchSizes = []struct {
	name  string
	bytes int
}{{"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}}

// BenchmarkCheck is the facts check of two generated articles of each size
// (the story is built outside the timing).
func BenchmarkCheck(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			st := story.Build(cs, story.DefaultOptions())
			b.SetBytes(int64(2 * sz.bytes))
			b.ReportAllocs()
			b.ResetTimer()
			for b.Loop() {
				Check(st)
			}
		})
	}
}

// BenchmarkExtract is Extract and ExtractNames on every block of a 1 MB
// generated article.
func BenchmarkExtract(b *testing.B) {
	art := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 2, Seed: benchdata.Seed}).Corpus.Articles[0]
	n := 0
	for _, p := range art.Paras {
		n += len(p.Text)
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	for b.Loop() {
		for _, p := range art.Paras {
			Extract(p.Text)
			ExtractNames(p.Text, nil)
		}
	}
}

// BenchmarkCheckOneParagraph is the facts check of a story of two 200 KB
// articles of one paragraph each (a transcript without paragraph breaks),
// the second the first with every tenth word changed: one shared event
// with thousands of values a side.
func BenchmarkCheckOneParagraph(b *testing.B) {
	base := benchdata.Generate(benchdata.Config{Bytes: 200 << 10, Articles: 1, Seed: benchdata.Seed}).Corpus.Articles[0]
	var words []string
	for _, p := range base.Paras {
		words = append(words, strings.Fields(p.Text)...)
	}
	a := strings.Join(words, " ")
	for i := 9; i < len(words); i += 10 {
		words[i] = "changed"
	}
	cs := &corpus.Story{Articles: []corpus.Article{
		{Path: "a.txt", Paras: []corpus.Para{{Text: a}}},
		{Path: "b.txt", Paras: []corpus.Para{{Text: strings.Join(words, " ")}}},
	}}
	st := story.Build(cs, story.DefaultOptions())
	r := Check(st)
	if len(r.Events) != 1 || len(r.Events[0].Values) < 2000 {
		b.Fatalf("%d shared events, want one with thousands of values", len(r.Events))
	}
	b.ReportAllocs()
	for b.Loop() {
		Check(st)
	}
	b.ReportMetric(float64(len(r.Events[0].Values)), "values")
}
