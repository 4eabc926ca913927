package export

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/testkit"
)

// An export of a story aligned at an editor's threshold says so, in every
// side-by-side format and the whole-story report, since its events and figures are not those of a
// default run; one at the default says nothing of it.
func TestExportsSayAReviewsThreshold(t *testing.T) {
	st := testkit.SeedAt(0.7)
	want := "aligned at threshold 0.70 (default 0.49)"
	if n := ThresholdNote(st); n != want {
		t.Fatalf("ThresholdNote = %q, want %q", n, want)
	}
	for _, f := range []string{"txt", "md", "html", "report-md", "report-html"} {
		if out := render(t, f, st, DefaultOptions()); !strings.Contains(out, want) {
			t.Errorf("%s: no %q in\n%.600s", f, want, out)
		}
		if out := render(t, f, seedStory(t), DefaultOptions()); strings.Contains(out, "aligned at threshold") {
			t.Errorf("%s at the default threshold says %q", f, "aligned at threshold")
		}
	}
}
