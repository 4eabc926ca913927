package insight

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
)

// At a narrow width the summary's counts wrap rather than lose their end:
// the page furniture and the numbers of the events whose facts differ are
// what a reader of a text export looks for.
func TestLinesWrapCounts(t *testing.T) {
	s := Summary{Events: 75, Shared: 22, Single: 53, Boilerplate: 5,
		Outlets:         []Outlet{{Outlet: "The New York Times", Shared: 12, OneSided: 17}, {Outlet: "HuffPost", Shared: 14, OneSided: 15}},
		QuotesDiffering: 2, QuotesOneOutlet: 20, FactsDiffering: 3, FactEvents: []int{7, 11, 40}}
	for _, w := range []int{30, 40, 80} {
		lines := s.Lines(w)
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
		all := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
		for _, want := range []string{"(and 5 of page furniture)", "facts: 3 events differ (8, 12, 41)", "The New York Times: 12 shared, 17 only here"} {
			if !strings.Contains(all, want) {
				t.Errorf("width %d: %q lost from\n%s", w, want, strings.Join(lines, "\n"))
			}
		}
	}
}

// A run of one word is "1 word".
func TestLinesOneWordRun(t *testing.T) {
	s := Summary{Events: 2, Shared: 2, Outlets: []Outlet{{Outlet: "a"}, {Outlet: "b"}},
		LongestRun: &Run{Words: 1, Text: "Tram", A: 0, B: 1}}
	all := strings.Join(s.Lines(100), "\n")
	if !strings.Contains(all, "longest verbatim run: 1 word (") {
		t.Errorf("no \"1 word\" in\n%s", all)
	}
}

// At a narrow width the longest run's count, outlets and event wrap like
// the other counts; only the excerpt may lose its end. It was cut whole,
// so at 80 columns the excerpt was "“…" and at 20 the line read
// "longest verbatim ru…".
func TestLinesRunKeepsItsCounts(t *testing.T) {
	s := Summary{Events: 9, Shared: 8, Outlets: []Outlet{{Outlet: "Harbour Herald"}, {Outlet: "North Shore Post"}},
		LongestRun: &Run{Words: 20, Text: "Two extra ferries will run every half hour from the harbour steps while the bridge is shut, the council said", A: 0, B: 1, Event: 11}}
	for _, w := range []int{20, 40, 80} {
		lines := s.Lines(w)
		for _, l := range lines {
			if ansi.StringWidth(l) > w {
				t.Errorf("width %d: line %q is wider", w, l)
			}
		}
		all := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
		if want := "longest verbatim run: 20 words (Harbour Herald / North Shore Post, event 12): “Two"; !strings.Contains(all, want) {
			t.Errorf("width %d: %q lost from\n%s", w, want, strings.Join(lines, "\n"))
		}
	}
}

// A run that is itself a whole quotation keeps its own marks and gets no
// second pair: it read “"What efforts were made …?"”.
func TestLinesRunQuotedOnce(t *testing.T) {
	s := Summary{Events: 2, Shared: 2, Outlets: []Outlet{{Outlet: "a"}, {Outlet: "b"}},
		LongestRun: &Run{Words: 4, Text: `"What efforts were made?"`, A: 0, B: 1}}
	all := strings.Join(s.Lines(0), "\n")
	if !strings.Contains(all, `event 1): "What efforts were made?"`+"\n") {
		t.Errorf("the quoted run is not given once:\n%s", all)
	}
	s.LongestRun.Text = "the wise leadership"
	if all := strings.Join(s.Lines(0), "\n"); !strings.Contains(all, "event 1): “the wise leadership”") {
		t.Errorf("the run is not in quotation marks:\n%s", all)
	}
}
