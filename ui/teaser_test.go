package ui

import (
	"strings"
	"testing"
)

// TestTeaserFolded: the example story's teaser is page furniture in the
// reader, hidden until B, then shown folded on a rule labelled teaser.
func TestTeaserFolded(t *testing.T) {
	const fold = "(folded: the paragraphs under it repeat it)"
	m := newModel(t, seed(t), 160, 45)
	if v := plain(m.View()); strings.Contains(v, fold) || strings.Contains(v, "by our […]") {
		t.Fatalf("the teaser shows before B:\n%s", v)
	}
	press(m, "B")
	v := plain(m.View())
	if !strings.Contains(v, "teaser\n") || !strings.Contains(v, "North Korean Foreign Minister Choe Son Hui told the Russian press that …") {
		t.Errorf("no folded teaser after B:\n%s", v)
	}
	if strings.Contains(v, "by our […]") {
		t.Errorf("the teaser shows whole:\n%s", v)
	}
}
