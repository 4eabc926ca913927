package export_test

import (
	"io"
	"sync"
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
)

// BenchmarkExport renders a built synthetic story of two articles in every
// registered format (diffs already computed: this is the exporter alone).
func BenchmarkExport(b *testing.B) {
	for _, sz := range []struct {
		name  string
		bytes int
	}{{"10KB", benchdata.KB10}, {"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}} {
		cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
		st := story.Build(cs, story.DefaultOptions())
		for _, f := range export.Formats() {
			b.Run(f+"/"+sz.name, func(b *testing.B) {
				opt := export.DefaultOptions()
				var n countWriter
				if err := export.Render(&n, f, st, opt); err != nil {
					b.Fatal(err)
				}
				b.SetBytes(int64(n))
				b.ReportAllocs()
				for b.Loop() {
					if err := export.Render(io.Discard, f, st, opt); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// BenchmarkChecksJSON splits what the whole-story checks add to the JSON
// export of two generated articles of each size, and of fifty of 20 KB:
// computing them (export.Checks), and writing the story with checks
// already computed against without them ("story" is the JSON export with
// --checks=false).
func BenchmarkChecksJSON(b *testing.B) {
	for _, sz := range []struct {
		name            string
		bytes, articles int
	}{{"100KB", benchdata.KB100, 2}, {"1MB", benchdata.MB1, 2}, {"10MB", benchdata.MB10, 2}, {"50x20KB", 20 << 10, 50}} {
		// two builds taken in turn, so that no iteration finds the
		// other's names.LowerWords remembered; made only for the
		// sizes a -bench pattern picks
		stories := sync.OnceValue(func() [2]*story.Story {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: sz.articles, Seed: benchdata.Seed}).Corpus
			return [2]*story.Story{story.Build(cs, story.DefaultOptions()), story.Build(cs, story.DefaultOptions())}
		})
		b.Run("compute/"+sz.name, func(b *testing.B) {
			sts := stories()
			b.ReportAllocs()
			i := 0
			for b.Loop() {
				export.Checks(sts[i%2], export.DefaultOptions())
				i++
			}
		})
		b.Run("write/"+sz.name, func(b *testing.B) {
			st := stories()[0]
			opt := export.DefaultOptions()
			opt.Checks = export.Checks(st, opt)
			b.ReportAllocs()
			for b.Loop() {
				if err := export.Render(io.Discard, "json", st, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("story/"+sz.name, func(b *testing.B) {
			st := stories()[0]
			opt := export.DefaultOptions()
			opt.NoChecks = true
			b.ReportAllocs()
			for b.Loop() {
				if err := export.Render(io.Discard, "json", st, opt); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
