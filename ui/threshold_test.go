package ui

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// TestANSISaysAReviewsThreshold: the ANSI export, like the other
// side-by-side formats, says the threshold an editor's review chose.
func TestANSISaysAReviewsThreshold(t *testing.T) {
	for st, want := range map[*story.Story]bool{testkit.SeedAt(0.7): true, seed(t): false} {
		var b strings.Builder
		if err := WriteANSI(&b, st, export.DefaultOptions()); err != nil {
			t.Fatal(err)
		}
		if got := strings.Contains(plain(b.String()), "aligned at threshold 0.70 (default 0.49)"); got != want {
			t.Errorf("threshold %.2f: note shown %v, want %v", st.Threshold(), got, want)
		}
	}
}
