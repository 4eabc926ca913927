package export

import (
	"math"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestCoverageIsTheSummarysShare: with two articles, the share of an
// article's text told by the other (the reader's boxes, the HTML bars) and
// the summary's share of its words aligned are one figure, counted alike.
func TestCoverageIsTheSummarysShare(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	s := insight.Summarize(st, nil, nil)
	for a, b := range [2]int{1, 0} {
		got := math.Round(Coverage(st, a, b))
		want := math.Round(100 * float64(s.Outlets[a].AlignedWords) / float64(s.Outlets[a].Words))
		if got != want {
			t.Errorf("article %d: coverage %.0f%%, summary %.0f%% of words aligned", a, got, want)
		}
	}
}
