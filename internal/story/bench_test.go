package story

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/segment"
)

var benchSizes = []struct {
	name  string
	bytes int
}{{"10KB", benchdata.KB10}, {"100KB", benchdata.KB100}, {"1MB", benchdata.MB1}, {"10MB", benchdata.MB10}}

// BenchmarkBuild is story.Build end to end (segment, align, diff) on two
// synthetic articles of each size; coarse-gaps counts word-diff gaps that
// came back as "delete all, insert all" (must be 0), longest-godiff-gap the
// most tokens go-diff got at once (go-diff has no deadline; see worddiff).
func BenchmarkBuild(b *testing.B) {
	b.Run("seed", func(b *testing.B) {
		cs := corpus.Default()
		b.ReportAllocs()
		for b.Loop() {
			Build(cs, DefaultOptions())
		}
	})
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			b.SetBytes(int64(2 * sz.bytes))
			b.ReportAllocs()
			var st *Story
			for b.Loop() {
				st = Build(cs, DefaultOptions())
			}
			b.ReportMetric(float64(len(st.Events)), "events")
			b.ReportMetric(float64(st.DiffStats().Coarse), "coarse-gaps")
			b.ReportMetric(float64(st.DiffStats().LongestGap), "longest-godiff-gap")
		})
	}
}

// BenchmarkFirstScreen is what a reader waits for before its first screen:
// a deferred build and the diffs of the first 30 events.
func BenchmarkFirstScreen(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			opt := DefaultOptions()
			opt.DeferDiffs = true
			b.ReportAllocs()
			for b.Loop() {
				st := Build(cs, opt)
				for k := 0; k < min(30, len(st.Events)); k++ {
					st.Ops(k, 0, 1)
				}
			}
		})
	}
}

// BenchmarkFillDiffs is the background part of a deferred build: every diff.
func BenchmarkFillDiffs(b *testing.B) {
	for _, sz := range benchSizes {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			opt := DefaultOptions()
			opt.DeferDiffs = true
			base := Build(cs, opt)
			b.SetBytes(int64(2 * sz.bytes))
			b.ReportAllocs()
			for b.Loop() {
				b.StopTimer()
				st := &Story{Version: base.Version, Articles: base.Articles, Events: append([]Event(nil), base.Events...)}
				st.resetDiffs()
				b.StartTimer()
				st.FillDiffs(context.Background(), nil)
			}
		})
	}
}

// BenchmarkEncodeJSON compares WriteJSON, an indenting encoding/json
// Encoder on the story (through MarshalJSON, as export.JSON does), and the
// same Encoder on the story's fields (reflection, the previous way).
func BenchmarkEncodeJSON(b *testing.B) {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 2, Seed: benchdata.Seed}).Corpus
	st := Build(cs, DefaultOptions())
	var n countWriter
	st.WriteJSON(&n)
	for _, via := range []string{"WriteJSON", "Encoder", "fields"} {
		b.Run(via, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				if via == "WriteJSON" {
					if err := st.WriteJSON(io.Discard); err != nil {
						b.Fatal(err)
					}
					continue
				}
				enc := json.NewEncoder(io.Discard)
				enc.SetEscapeHTML(false)
				enc.SetIndent("", " ")
				var err error
				if via == "fields" {
					err = enc.Encode(struct {
						Version  int       `json:"version"`
						Name     string    `json:"name,omitempty"`
						Articles []Article `json:"articles"`
						Events   []Event   `json:"events"`
					}{st.Version, st.Name, st.Articles, st.Events})
				} else {
					err = enc.Encode(st)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func ExampleStory_FillDiffs() {
	cs := benchdata.Generate(benchdata.Config{Bytes: benchdata.KB10, Articles: 2, Seed: benchdata.Seed}).Corpus
	opt := DefaultOptions()
	opt.DeferDiffs = true
	st := Build(cs, opt) // aligned, not yet diffed
	_ = st.Ops(0, 0, 1)  // the events on screen are diffed on demand
	done := make(chan error)
	go func() { done <- st.FillDiffs(context.Background(), func(n, total int) {}) }()
	<-done
	n, total := st.DiffProgress()
	fmt.Println(n == total)
	// Output: true
}

type countWriter int

func (c *countWriter) Write(p []byte) (int, error) { *c += countWriter(len(p)); return len(p), nil }

// BenchmarkAlign is alignment alone through the public API (align.Align on
// segmented blocks): two articles at each size, and five of 10 KB. recall
// is the share of the generator's true paragraph pairs that end up in one
// event; events is the number of events.
func BenchmarkAlign(b *testing.B) {
	cases := []struct {
		name            string
		bytes, articles int
	}{{"2x10KB", benchdata.KB10, 2}, {"2x100KB", benchdata.KB100, 2}, {"2x1MB", benchdata.MB1, 2}, {"2x10MB", benchdata.MB10, 2}, {"5x10KB", benchdata.KB10, 5}, {"20x20KB", 20 << 10, 20}, {"50x20KB", 20 << 10, 50}}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			gs := benchdata.Generate(benchdata.Config{Bytes: c.bytes, Articles: c.articles, Seed: benchdata.Seed})
			blocks := make([][]segment.Block, len(gs.Corpus.Articles))
			for a, art := range gs.Corpus.Articles {
				blocks[a] = segment.Article(art)
			}
			b.SetBytes(int64(c.articles * c.bytes))
			b.ReportAllocs()
			var evs []align.Event
			for b.Loop() {
				evs = align.Align(blocks, align.DefaultOptions())
			}
			b.ReportMetric(recall(gs, evs), "recall")
			b.ReportMetric(float64(len(evs)), "events")
		})
	}
}

// recall is the share of the true pairs of body paragraphs (article 0 with
// each other article) that evs put in one event.
func recall(gs *benchdata.Story, evs []align.Event) float64 {
	where := make([]map[int]int, len(gs.Truth))
	for a := range where {
		where[a] = map[int]int{}
	}
	for k, e := range evs {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				where[a][i] = k
			}
		}
	}
	found, total := 0, 0
	for a := 1; a < len(gs.Truth); a++ {
		for i, src := range gs.Truth[a] {
			if src < 2 {
				continue // the date line and the headline are not body paragraphs
			}
			total++
			if where[a][i] == where[0][src] {
				found++
			}
		}
	}
	return float64(found) / float64(max(total, 1))
}

// BenchmarkRealign is what a threshold key in the reader costs: grouping
// the scored pairs again and diffing only the events that changed,
// against BenchmarkBuild's full pipeline.
func BenchmarkRealign(b *testing.B) {
	for _, sz := range benchSizes[:3] {
		b.Run(sz.name, func(b *testing.B) {
			cs := benchdata.Generate(benchdata.Config{Bytes: sz.bytes, Articles: 2, Seed: benchdata.Seed}).Corpus
			st := Build(cs, DefaultOptions())
			b.SetBytes(int64(2 * sz.bytes))
			b.ReportAllocs()
			th := []float64{st.Threshold() + 0.05, st.Threshold()}
			i := 0
			for b.Loop() {
				st = st.Realign(th[i%2], nil)
				i++
			}
			b.ReportMetric(float64(len(st.Events)), "events")
		})
	}
}
