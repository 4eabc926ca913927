package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// A made-up town's report in German and its French translation
// (testdata/stories/tram-translation, which the story's tests read too).
var tramDE, tramFR = tramReport("de"), tramReport("fr")

func tramReport(l string) []string {
	b, err := os.ReadFile(filepath.Join("..", "testdata", "stories", "tram-translation", l+".txt"))
	if err != nil {
		panic(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n\n")
}

func translationStory(t *testing.T) *story.Story {
	t.Helper()
	var arts []corpus.Article
	for _, ps := range [][]string{tramDE, tramFR} {
		a := corpus.Article{Outlet: "Bote"}
		for i, p := range ps {
			h := corpus.HintNone
			if i == 0 {
				h = corpus.HintTitle
			}
			a.Paras = append(a.Paras, corpus.Para{Text: p, Hint: h})
		}
		arts = append(arts, a)
	}
	st := story.Build(&corpus.Story{Name: "tram", Articles: arts}, story.DefaultOptions())
	if !st.Translation {
		t.Fatal("not read as a translation")
	}
	return st
}

// The title says "translation" as long as it fits beside the counts: it
// says how to read the columns.
func TestTitleSaysTranslation(t *testing.T) {
	st := translationStory(t)
	m := newModel(t, st, 160, 40)
	for _, c := range []struct {
		w    int
		want string
	}{
		{160, "· translation, German and French ·"},
		{90, "· translation ·"},
	} {
		got := plain(titleLine(st, m.pal, 0, 1, c.w))
		if ansi.StringWidth(got) > c.w || !strings.Contains(got, c.want) || !strings.Contains(got, "(6 shared, 0 only left, 0 only right)") {
			t.Errorf("width %d: title %q, want %q and the counts", c.w, got, c.want)
		}
	}
	// a translated event's rule says so, not "same words"
	if got := ruleLabel(st, 0, 0, 1); got != "shared · translated" {
		t.Errorf("rule %q", got)
	}
}
