package align

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// TestPeakBytesCoversScore measures the live heap Score adds to the blocks
// it is given, on stories that peak while tokenising (two long articles)
// and while scoring (many articles), and checks PeakBytes against it: not
// under it by more than the measurement's noise (a fifth), nor over twice
// it. A change to what the aligner keeps per byte, block or pair that
// PeakBytes does not follow fails here; the soft memory limit of an export
// is set from PeakBytes.
func TestPeakBytesCoversScore(t *testing.T) {
	// the table of words' rarity in English is loaded on first use, once
	// a process: not a story's
	warm := benchdata.Generate(benchdata.Config{Bytes: 2 << 10, Articles: 2, Seed: benchdata.Seed}).Corpus
	Score([][]segment.Block{segment.Article(warm.Articles[0]), segment.Article(warm.Articles[1])})
	for _, c := range []struct {
		name            string
		bytes, articles int
	}{
		{"2x300KB", 300 << 10, 2},
		{"10x100KB", benchdata.KB100, 10},
		{"50x20KB", 20 << 10, 50},
	} {
		cs := benchdata.Generate(benchdata.Config{Bytes: c.bytes, Articles: c.articles, Seed: benchdata.Seed}).Corpus
		arts := make([][]segment.Block, len(cs.Articles))
		blocks := make([]int, len(cs.Articles))
		text := 0
		for i, a := range cs.Articles {
			arts[i] = segment.Article(a)
			blocks[i] = len(arts[i])
			for _, b := range arts[i] {
				text += len(b.Text)
			}
		}
		var s *Scored
		before, peak := benchdata.PeakLive(func() { s = Score(arts) })
		if len(s.pairs) == 0 {
			t.Fatalf("%s: no pairs scored", c.name)
		}
		used := float64(peak - min(before, peak))
		est := float64(PeakBytes(blocks, text))
		t.Logf("%s: Score held %.2f MB at most, PeakBytes %.2f MB (%.2f×)", c.name, used/(1<<20), est/(1<<20), est/used)
		if est < 0.8*used || est > 2*used {
			t.Errorf("%s: PeakBytes is %.2f MB, Score held %.2f MB at most (%.2f×, want 0.8× to 2×)", c.name, est/(1<<20), used/(1<<20), est/used)
		}
	}
}

// PeakBytes grows with the text, the blocks and the articles.
func TestPeakBytesGrows(t *testing.T) {
	base := PeakBytes([]int{50, 50, 50}, 50_000)
	for _, c := range []struct {
		name   string
		blocks []int
		text   int
	}{
		{"more text", []int{50, 50, 50}, 500_000},
		{"more blocks", []int{500, 500, 500}, 50_000},
		{"more articles", []int{50, 50, 50, 50, 50, 50}, 50_000},
	} {
		if got := PeakBytes(c.blocks, c.text); got <= base {
			t.Errorf("%s: %d bytes, not above %d", c.name, got, base)
		}
	}
}
