package insight

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// TestKestrel runs the whole pipeline, the aligner's own events included,
// on the four-outlet test story: its misattributed quotation and its
// traffic figure (32,000 against 23,000 vehicles a day) must surface in
// the summary.
func TestKestrel(t *testing.T) {
	st := testkit.Kestrel(t)
	r := Analyze(st)
	s := r.Summary
	if s.QuotesMisattributed < 1 || s.QuotesDiffering < 1 || s.QuotesOneOutlet < 1 {
		t.Errorf("quotes: %d differing, %d misattributed, %d one outlet", s.QuotesDiffering, s.QuotesMisattributed, s.QuotesOneOutlet)
	}
	if s.FactsDiffering != 1 || len(s.FactEvents) != 1 {
		t.Fatalf("facts differing %d (%v), want the traffic event", s.FactsDiffering, s.FactEvents)
	}
	text := st.SideText(0, st.Events[s.FactEvents[0]].Blocks[0])
	if !strings.Contains(text, "32,000") {
		t.Errorf("conflicting event is %q", text)
	}
	if s.Events != s.Shared+s.Single || s.Shared == 0 || len(s.Outlets) != 4 {
		t.Errorf("events %d = %d shared + %d single, %d outlets", s.Events, s.Shared, s.Single, len(s.Outlets))
	}
	for _, o := range s.Outlets {
		if o.AlignedShare < 0 || o.AlignedShare > 1 || o.Words == 0 || o.AlignedWords > o.Words {
			t.Errorf("outlet %+v", o)
		}
	}
	// The Herald and the Post share the ferry paragraph nearly word for word
	if s.LongestRun == nil || s.LongestRun.Words < 10 || len(strings.Fields(s.LongestRun.Text)) < s.LongestRun.Words {
		t.Errorf("longest run %+v", s.LongestRun)
	}
	for _, w := range []int{40, 80, 160} {
		for _, l := range s.Lines(w) {
			if ansi.StringWidth(l) > w {
				t.Errorf("summary line wider than %d: %q", w, l)
			}
		}
	}
	b, err := json.Marshal(r)
	if err != nil {
		t.Fatal(err)
	}
	var back struct {
		Summary struct {
			FactsDiffering int `json:"facts_differing"`
		} `json:"summary"`
		Quotes struct {
			Groups []struct {
				Members []struct {
					Article int    `json:"article"`
					Speaker string `json:"speaker"`
					Text    string `json:"text"`
				} `json:"members"`
				Diffs []struct {
					Ops []struct {
						Op string `json:"op"`
					} `json:"ops"`
				} `json:"diffs"`
			} `json:"groups"`
		} `json:"quotes"`
		Facts struct {
			Events []struct {
				Conflict bool `json:"conflict"`
			} `json:"events"`
		} `json:"facts"`
	}
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if back.Summary.FactsDiffering != 1 || len(back.Quotes.Groups) == 0 || back.Quotes.Groups[0].Members[0].Text == "" ||
		len(back.Quotes.Groups[0].Diffs) == 0 || len(back.Facts.Events) == 0 {
		t.Errorf("JSON lacks the checks: %s", b)
	}
}

func TestSeed(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	r := Analyze(st)
	if r.Summary.FactsDiffering != 0 {
		t.Errorf("seed facts differ in events %v", r.Summary.FactEvents)
	}
	if r.Summary.QuotesDiffering < 2 || r.Summary.QuotesMisattributed != 0 {
		t.Errorf("seed quotes: %d differing (want both of Choe's), %d misattributed", r.Summary.QuotesDiffering, r.Summary.QuotesMisattributed)
	}
}

// The longest run is shown from its first word to its last: the period
// and marks of the sentences around it stay out, so that the quotation
// marks the summary adds are not doubled ("““BuzzFeed’s") and no stray
// period opens it ("“.  “There is no…").
func TestRunTextCutsTheEdges(t *testing.T) {
	for in, want := range map[string]string{
		"“BuzzFeed’s report was wrong":                  "BuzzFeed’s report was wrong",
		".  “There is no circumstance in which":         "There is no circumstance in which",
		" the sovereign rights and ":                    "the sovereign rights and",
		"until victory day,” according to":              "until victory day,” according to",
		"we will always stand firmly by our comrades.”": "we will always stand firmly by our comrades.",
		"said. “We": "said. “We",
		`"What efforts were made to reach out about a possible pardon?"`: "What efforts were made to reach out about a possible pardon?",
		`he said "we will win" again`:                                    `he said "we will win" again`,
		"“…”":                                                            "",
	} {
		if got := runText(in); got != want {
			t.Errorf("runText(%q) = %q, want %q", in, got, want)
		}
	}
}
