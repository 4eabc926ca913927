package story

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
)

// Two made-up reports of one ferry grounding by two outlets, in German and
// in French, in their own order and with their own details, and a French
// report of a bicycle race that names one of the ferry's ports
// (testdata/stories/ferry-two-outlets).
func ferryStory(t *testing.T, names ...string) *Story {
	t.Helper()
	var paths []string
	for _, n := range names {
		paths = append(paths, filepath.Join("..", "..", "testdata", "stories", "ferry-two-outlets", n))
	}
	cs, err := corpus.Load(paths)
	if err != nil {
		t.Fatal(err)
	}
	return Build(cs, DefaultOptions())
}

// sharedPairs lists the shared events of a two-article story as the first
// words of each side's first block.
func sharedPairs(st *Story) []string {
	var out []string
	for _, e := range st.Events {
		if len(e.Blocks[0]) == 0 || len(e.Blocks[1]) == 0 {
			continue
		}
		side := func(a int) string {
			f := strings.Fields(st.Articles[a].Blocks[e.Blocks[a][0]].Text)
			return strings.Join(f[:min(3, len(f))], " ")
		}
		out = append(out, side(0)+" | "+side(1))
	}
	slices.Sort(out)
	return out
}

func TestTwoOutletsTwoLanguagesPairOnAnchors(t *testing.T) {
	st := ferryStory(t, "de.md", "fr.md")
	if st.Translation {
		t.Fatal("two outlets' reports read as a translation")
	}
	// the headlines (Rügen), the captain's account (Henrik Malmberg) and
	// the line's plan (Baltic Line, Trelleborg): paragraphs that share
	// figures and names few paragraphs hold; the rescue (Sassnitz alone)
	// and the lede (214 alone) are too weak to claim
	want := []string{
		"Die Reederei Baltic | La liaison vers",
		"Fähre vor Rügen | Un ferry s'échoue",
		"Kapitän Henrik Malmberg | Le capitaine, Henrik",
	}
	if got := sharedPairs(st); !slices.Equal(got, want) {
		t.Errorf("shared events\n%q\nwant\n%q", got, want)
	}
	// what is too weak to be an event is offered as a possible match
	found := false
	for _, l := range st.Links {
		a, i, b, j := l.Pair()
		if strings.Contains(st.Articles[a].Blocks[i].Text, "Sassnitz") && strings.Contains(st.Articles[b].Blocks[j].Text, "Sassnitz") {
			found = true
		}
	}
	if !found {
		t.Errorf("the two rescue paragraphs (Sassnitz) are not a possible match: %+v", st.Links)
	}
}

func TestTwoLanguagesUnrelatedShareNothing(t *testing.T) {
	// the race ends in Trelleborg, where the ferry sails to: one shared
	// name is no event
	st := ferryStory(t, "de.md", "fr-other.md")
	if got := sharedPairs(st); len(got) != 0 {
		t.Errorf("unrelated reports in two languages share events: %q", got)
	}
	if len(st.Links) != 0 {
		t.Errorf("unrelated reports in two languages have possible matches: %+v", st.Links)
	}
}

// a third outlet's short German report of the tram decision
var tramOther = []string{
	"Mühlbach bekommt die Straßenbahn nach Lindenau",
	"Nach jahrelangem Streit ist die Entscheidung gefallen: Mühlbachs Stadtrat stimmte am Dienstag für die neue Linie.",
	"Anwohner der Friedrichstraße fürchten die lange Sperrung während der Bauzeit.",
}

func TestShortReportIsNoTranslation(t *testing.T) {
	// each of its paragraphs can stand for one or two of the French
	// report's, and they share names in order: still no translation
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Courrier", tramFR), article("Anzeiger", tramOther)}}, DefaultOptions())
	if st.Translation {
		t.Error("a three-paragraph report reads as the translation of a six-paragraph one")
	}
}

func TestTranslationAmongThreeArticles(t *testing.T) {
	// the tram report, its translation and a third outlet's German report
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Bote", tramDE), article("Courrier", tramFR), article("Anzeiger", tramOther)}}, DefaultOptions())
	// every paragraph of the report shares its event with its translation
	for i, p := range tramDE {
		e := st.EventOf(0, i)
		if e < 0 || len(st.Events[e].Blocks[1]) == 0 {
			t.Errorf("paragraph %d of the report has no translation beside it: %q", i, p)
			continue
		}
		if j := st.Events[e].Blocks[1][0]; st.Articles[1].Blocks[j].Text != tramFR[i] {
			t.Errorf("paragraph %d pairs with %q, want %q", i, st.Articles[1].Blocks[j].Text, tramFR[i])
		}
	}
}

func TestTwoLanguagesOneSharedParagraph(t *testing.T) {
	// a longer French piece on the fog that shares only the captain's
	// account: the one pair on two distinctive names is still an event
	st := ferryStory(t, "de.md", "fr-captain.md")
	want := []string{"Kapitän Henrik Malmberg | Le capitaine Henrik"}
	if got := sharedPairs(st); !slices.Equal(got, want) {
		t.Errorf("shared events %q, want %q", got, want)
	}
}
