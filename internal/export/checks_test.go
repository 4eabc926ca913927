package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// checksDoc is the part of the JSON export the whole-story checks add.
type checksDoc struct {
	Version int               `json:"version"`
	Events  []json.RawMessage `json:"events"`
	Summary *struct {
		Events  int `json:"events"`
		Shared  int `json:"shared"`
		Single  int `json:"single"`
		Outlets []struct {
			Article      int     `json:"article"`
			Outlet       string  `json:"outlet"`
			Shared       int     `json:"shared"`
			OneSided     int     `json:"one_sided"`
			AlignedShare float64 `json:"aligned_share"`
		} `json:"outlets"`
		LongestRun *struct {
			Words int    `json:"words"`
			Text  string `json:"text"`
		} `json:"longest_run"`
		QuotesDiffering int   `json:"quotes_differing"`
		FactsDiffering  int   `json:"facts_differing"`
		FactEvents      []int `json:"fact_events"`
	} `json:"summary"`
	Quotes []struct {
		Members []struct {
			Article int    `json:"article"`
			Speaker string `json:"speaker"`
			Text    string `json:"text"`
			Event   int    `json:"event"`
			Block   int    `json:"block"`
			Start   int    `json:"start"`
			End     int    `json:"end"`
		} `json:"members"`
		Diffs []struct {
			From   int           `json:"from"`
			To     int           `json:"to"`
			Window *[2]int       `json:"window"`
			Ops    []worddiff.Op `json:"ops"`
		} `json:"diffs"`
		Speakers       []string `json:"speakers"`
		Flags          []string `json:"flags"`
		SpeakersDiffer bool     `json:"speakers_differ"`
		WordingDiffers bool     `json:"wording_differs"`
		OneOutlet      bool     `json:"one_outlet"`
	} `json:"quotes"`
	Facts []struct {
		Event    int   `json:"event"`
		Articles []int `json:"articles"`
		Values   []struct {
			Type    string `json:"type"`
			Text    string `json:"text"`
			Article int    `json:"article"`
		} `json:"values"`
		Conflicts []struct {
			Type string `json:"type"`
			A    struct {
				Text    string `json:"text"`
				Article int    `json:"article"`
			} `json:"a"`
			B struct {
				Text    string `json:"text"`
				Article int    `json:"article"`
			} `json:"b"`
		} `json:"conflicts"`
		Conflict bool `json:"conflict"`
	} `json:"facts"`
}

func decodeChecks(t *testing.T, st *story.Story) checksDoc {
	t.Helper()
	var b bytes.Buffer
	if err := JSON(&b, st); err != nil {
		t.Fatal(err)
	}
	var d checksDoc
	dec := json.NewDecoder(&b)
	if err := dec.Decode(&d); err != nil {
		t.Fatalf("invalid JSON: %v", err)
	}
	if dec.More() {
		t.Fatal("more than one JSON value")
	}
	if d.Version != 1 || len(d.Events) != len(st.Events) || d.Summary == nil || d.Quotes == nil || d.Facts == nil {
		t.Fatalf("version %d, %d events, summary %v, quotes %v, facts %v", d.Version, len(d.Events), d.Summary != nil, d.Quotes != nil, d.Facts != nil)
	}
	// Every member's location holds its text, and its event holds its block.
	for n, g := range d.Quotes {
		if len(g.Diffs) != len(g.Members)-1 {
			t.Errorf("quote group %d: %d diffs for %d members", n, len(g.Diffs), len(g.Members))
		}
		for _, m := range g.Members {
			text := st.Articles[m.Article].Blocks[m.Block].Text
			if m.Start < 0 || m.End > len(text) || text[m.Start:m.End] != m.Text {
				t.Errorf("quote group %d: %q is not at %d:%d of block %d", n, m.Text, m.Start, m.End, m.Block)
			}
			if m.Event < 0 || !containsInt(st.Events[m.Event].Blocks[m.Article], m.Block) {
				t.Errorf("quote group %d: event %d does not hold block %d of article %d", n, m.Event, m.Block, m.Article)
			}
		}
	}
	return d
}

func containsInt(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// hasChange says whether ops replace from with to.
func hasChange(ops []worddiff.Op, from, to string) bool {
	for i := 0; i+1 < len(ops); i++ {
		if ops[i].Kind == worddiff.Delete && strings.TrimSpace(ops[i].Text) == from &&
			ops[i+1].Kind == worddiff.Insert && strings.TrimSpace(ops[i+1].Text) == to {
			return true
		}
	}
	return false
}

// TestJSONChecksSeed reads the whole-story checks of the example story from
// the JSON export: Choe's "great victory" quotation in both articles with
// absolute/sacred and esteemed/honorable, and 8,000 given alike.
func TestJSONChecksSeed(t *testing.T) {
	st := seedStory(t)
	d := decodeChecks(t, st)
	if s := d.Summary; s.Events != s.Shared+s.Single || s.Events == 0 || len(s.Outlets) != 2 || s.LongestRun == nil || s.LongestRun.Words < 2 {
		t.Errorf("summary: %+v", *s)
	}
	found := false
	for _, g := range d.Quotes {
		if len(g.Members) < 2 || !strings.Contains(g.Members[0].Text, "great victory") {
			continue
		}
		arts := map[int]bool{}
		for _, m := range g.Members {
			arts[m.Article] = true
		}
		for _, df := range g.Diffs {
			if g.Members[df.To].Article == 1 && hasChange(df.Ops, "absolute", "sacred") && hasChange(df.Ops, "esteemed", "honorable") {
				found = arts[0] && arts[1] && g.WordingDiffers && containsString(g.Flags, "wording differs") &&
					containsString(g.Speakers, "Choe Son Hui") && !g.SpeakersDiffer
			}
		}
	}
	if !found {
		t.Error("no quote group of both articles shows Choe's absolute → sacred and esteemed → honorable")
	}
	eight := false
	for _, f := range d.Facts {
		n := 0
		for _, v := range f.Values {
			if v.Text == "8,000" {
				n |= 1 << v.Article
			}
		}
		if n == 3 {
			eight = true
			if f.Conflict || len(f.Conflicts) != 0 {
				t.Errorf("event %d: 8,000 in both articles, yet a conflict: %+v", f.Event+1, f.Conflicts)
			}
		}
	}
	if !eight {
		t.Error("no event whose facts give 8,000 in both articles")
	}
	if d.Summary.FactsDiffering != 0 || len(d.Summary.FactEvents) != 0 {
		t.Errorf("summary: %d events with facts differing, want none", d.Summary.FactsDiffering)
	}
}

// TestJSONChecksConflicts reads the conflict and the misattributed quotation
// of the four-outlet test story from the JSON export.
func TestJSONChecksConflicts(t *testing.T) {
	cs, err := corpus.Load([]string{"../../testdata/stories/kestrel-bridge"})
	if err != nil {
		t.Fatal(err)
	}
	st := story.Build(cs, story.DefaultOptions())
	d := decodeChecks(t, st)
	conflict := false
	for _, f := range d.Facts {
		for _, c := range f.Conflicts {
			if c.A.Text == "32,000" && c.B.Text == "23,000" || c.A.Text == "23,000" && c.B.Text == "32,000" {
				conflict = f.Conflict && containsInt(d.Summary.FactEvents, f.Event)
			}
		}
	}
	if !conflict || d.Summary.FactsDiffering != 1 {
		t.Errorf("32,000 vs 23,000 not reported as the one conflict (summary: %d differing)", d.Summary.FactsDiffering)
	}
	misattributed := false
	for _, g := range d.Quotes {
		if g.SpeakersDiffer && containsString(g.Flags, "speakers differ") && containsString(g.Speakers, "Tomas Reyes") &&
			strings.Contains(g.Members[0].Text, "patching a bridge") {
			misattributed = true
		}
	}
	if !misattributed {
		t.Error("the quotation given to Tomas Reyes by one outlet is not flagged")
	}
}

func containsString(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}
