package export

import (
	"bytes"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestEarlyChecksSameExport checks that the checks begun while a story is
// aligned (StartChecks from story.Options.Segmented) give the export the
// checks run after it give, in every format that shows them (its report
// made once, without holding on to what only the facts check reads), and
// that an Early of another story is not used for this one.
func TestEarlyChecksSameExport(t *testing.T) {
	stories := map[string]*corpus.Story{
		"seed":       corpus.Default(),
		"5 articles": benchdata.Generate(benchdata.Config{Bytes: 12 << 10, Articles: 5, Seed: benchdata.Seed}).Corpus,
	}
	for name, cs := range stories {
		plain := story.Build(cs, story.DefaultOptions())
		var early *Early
		sopt := story.DefaultOptions()
		sopt.Segmented = func(st *story.Story) {
			if len(st.Events) != 0 {
				t.Errorf("%s: Segmented called with %d events: the story should not be aligned yet", name, len(st.Events))
			}
			early = StartChecks(st)
		}
		st := story.Build(cs, sopt)
		if early == nil {
			t.Fatalf("%s: Segmented was not called", name)
		}
		other := StartChecks(story.Build(corpus.Default(), story.DefaultOptions()))
		for _, format := range []string{"json", "md", "html", "txt"} {
			var want, got, mixed bytes.Buffer
			opt := DefaultOptions()
			if err := Render(&want, format, plain, opt); err != nil {
				t.Fatal(err)
			}
			opt.Early = early
			if err := Render(&got, format, st, opt); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(want.Bytes(), got.Bytes()) {
				t.Errorf("%s, %s: the export with the checks begun early differs from the one with them run after", name, format)
			}
			if early.ix != nil || early.values != nil {
				t.Errorf("%s, %s: the names and values the facts check read are still held after it", name, format)
			}
			if name != "seed" {
				opt.Early = other
				if err := Render(&mixed, format, plain, opt); err != nil {
					t.Fatal(err)
				}
				if !bytes.Equal(want.Bytes(), mixed.Bytes()) {
					t.Errorf("%s, %s: the checks begun for another story were used", name, format)
				}
			}
		}
	}
}
