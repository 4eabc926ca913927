package worddiff

import (
	"sort"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
)

// benchPairs are the truly aligned paragraph pairs of a 1 MB synthetic
// story, shortest first.
func benchPairs(tb testing.TB) [][2]string {
	st := benchdata.Generate(benchdata.Config{Bytes: benchdata.MB1, Articles: 2, Seed: benchdata.Seed})
	ps := st.Pairs(1)
	sort.SliceStable(ps, func(i, j int) bool { return len(ps[i][0])+len(ps[i][1]) < len(ps[j][0])+len(ps[j][1]) })
	return ps
}

// seedQuotePair is the seed story's "absolute struggle" / "sacred struggle"
// paragraph pair.
func seedQuotePair(tb testing.TB) [2]string {
	var p [2]string
	for _, a := range corpus.Default().Articles {
		for _, para := range a.Paras {
			switch {
			case strings.Contains(para.Text, "absolute struggle"):
				p[0] = para.Text
			case strings.Contains(para.Text, "sacred struggle"):
				p[1] = para.Text
			}
		}
	}
	if p[0] == "" || p[1] == "" {
		tb.Fatal("the seed story lacks the absolute/sacred struggle paragraphs")
	}
	return p
}

func benchDiff(b *testing.B, p [2]string) {
	d := New()
	d.Diff(p[0], p[1]) // warm the document's dictionary, as in a story
	b.SetBytes(int64(len(p[0]) + len(p[1])))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		d.Diff(p[0], p[1])
	}
	b.ReportMetric(float64(d.Stats().Coarse), "coarse-gaps")
}

func BenchmarkDiffMedianPair(b *testing.B) {
	ps := benchPairs(b)
	benchDiff(b, ps[len(ps)/2])
}

func BenchmarkDiffLongestPair(b *testing.B) {
	ps := benchPairs(b)
	benchDiff(b, ps[len(ps)-1])
}

func BenchmarkDiffSeedQuotePair(b *testing.B) { benchDiff(b, seedQuotePair(b)) }

// BenchmarkDiffDocument diffs every aligned pair of a 1 MB story with one
// Differ, as story.Build does.
func BenchmarkDiffDocument(b *testing.B) {
	ps := benchPairs(b)
	n := 0
	for _, p := range ps {
		n += len(p[0]) + len(p[1])
	}
	b.SetBytes(int64(n))
	b.ReportAllocs()
	var d *Differ
	for b.Loop() {
		d = New()
		for _, p := range ps {
			d.Diff(p[0], p[1])
		}
	}
	b.ReportMetric(float64(d.Stats().Coarse), "coarse-gaps")
}
