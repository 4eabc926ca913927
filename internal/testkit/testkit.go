// Package testkit holds what the tests of several packages share: the
// repository's test stories, a small hand-built story, and golden files.
// Only tests import it.
package testkit

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// Root is the repository's root folder.
func Root() string {
	_, file, _, _ := runtime.Caller(0)
	return filepath.Join(filepath.Dir(file), "..", "..")
}

// Story loads and builds the test story of testdata/stories/name.
func Story(t testing.TB, name string) *story.Story {
	t.Helper()
	cs, err := corpus.Load([]string{filepath.Join(Root(), "testdata", "stories", name)})
	if err != nil {
		t.Fatal(err)
	}
	return story.Build(cs, story.DefaultOptions())
}

// Kestrel is the four-outlet test story: one number conflict (32,000 and
// 23,000 vehicles) and a quotation one outlet gives to another speaker.
func Kestrel(t testing.TB) *story.Story { return Story(t, "kestrel-bridge") }

// SeedAt is the embedded example story as an editor's review aligns it at
// threshold th.
func SeedAt(th float64) *story.Story {
	opt := story.DefaultOptions()
	opt.Review = &review.Review{Version: 1, Threshold: &th}
	return story.Build(corpus.Default(), opt)
}

// Matrix is a story of three outlets, one with markup, a table separator
// and an escape in its name, whose events cover every cell of a coverage
// matrix.
func Matrix() *story.Story {
	p := func(s string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: s} }
	st := &story.Story{Version: 1, Name: "fixture", Articles: []story.Article{
		{Outlet: "Alpha", Blocks: []segment.Block{
			p("The council voted on Monday to close the old bridge for repairs next spring."),
			p("Engineers said the steel deck was badly corroded after decades of salt."),
			{Kind: segment.Boilerplate, Text: "Share this article"},
		}},
		{Outlet: "Beta News", Blocks: []segment.Block{
			p("The council voted on Monday to close the old bridge for repairs next spring."),
			p("Decades of road salt have eaten through the deck, according to inspectors."),
		}},
		{Outlet: "Gamma | <b>Wire</b>\x1b[31m", Blocks: []segment.Block{
			p("On Monday the council decided the old bridge will shut next spring for repair work."),
			p("“Half my customers cross that bridge,” said Priya Anand, a <i>baker</i> | here."),
		}},
	}}
	ev := func(kind story.Kind, bs ...[]int) story.Event {
		return story.Event{Kind: kind, Score: 1, Blocks: bs, Diffs: []story.Diff{}}
	}
	st.Events = []story.Event{
		ev(story.Shared, []int{0}, []int{0}, []int{0}),
		ev(story.Shared, []int{1}, []int{1}, []int{}),
		ev(story.Single, []int{}, []int{}, []int{1}),
		ev(story.Boilerplate, []int{2}, []int{}, []int{}),
	}
	return st
}

// Golden compares got with the calling package's testdata/name, or writes
// it there when update is set.
func Golden(t testing.TB, update bool, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run with -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (run with -update after an intended change):\n%s", name, FirstDiff(string(want), got))
	}
}

// FirstDiff shows the first line where two texts differ, with its number.
func FirstDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return fmt.Sprintf("line %d:\nwant: %s\n got: %s", i+1, w, g)
		}
	}
	return "(same lines, different bytes)"
}
