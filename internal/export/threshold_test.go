package export

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/testkit"
)

// An export of a story aligned at an editor's threshold says so, in every
// side-by-side format, the whole-story report and the coverage matrix alone (its counts
// too are not those of a default run), once; one at the default says nothing of it.
func TestExportsSayAReviewsThreshold(t *testing.T) {
	st := testkit.SeedAt(0.7)
	want := "aligned at threshold 0.70 (default 0.49)"
	if n := ThresholdNote(st); n != want {
		t.Fatalf("ThresholdNote = %q, want %q", n, want)
	}
	for _, f := range []string{"txt", "md", "html", "report-md", "report-html", "matrix-md", "matrix-html"} {
		if out := render(t, f, st, DefaultOptions()); strings.Count(out, want) != 1 {
			t.Errorf("%s: %d times %q in\n%.600s", f, strings.Count(out, want), want, out)
		}
		if out := render(t, f, seedStory(t), DefaultOptions()); strings.Contains(out, "aligned at threshold") {
			t.Errorf("%s at the default threshold says %q", f, "aligned at threshold")
		}
	}
}
