package story_test

import (
	"bytes"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestWriteJSONIsTheJSONExport keeps WriteJSON and the JSON export in step:
// the export streams WriteJSON's object and only adds top-level fields (the
// whole-story checks) after the story's own.
func TestWriteJSONIsTheJSONExport(t *testing.T) {
	hostile := &corpus.Story{Articles: []corpus.Article{
		{Outlet: "A\u009b\x7f", Paras: []corpus.Para{{Text: "He said \u202egnirts\u202c and \x1b]0;t\x07 left."}, {Text: "<script>x</script> & done."}}},
		{Outlet: "B", Paras: []corpus.Para{{Text: "He said \u202egnirts\u202c and left\u200f."}, {Text: "<script>y</script> & done."}}},
	}}
	for name, cs := range map[string]*corpus.Story{
		"seed":      corpus.Default(),
		"synthetic": benchdata.Generate(benchdata.Config{Bytes: 20 << 10, Articles: 3, Seed: benchdata.Seed}).Corpus,
		"hostile":   hostile,
	} {
		st := story.Build(cs, story.DefaultOptions())
		var want, got bytes.Buffer
		if err := export.JSON(&want, st); err != nil {
			t.Fatal(err)
		}
		if err := st.WriteJSON(&got); err != nil {
			t.Fatal(err)
		}
		story, ok := bytes.CutSuffix(got.Bytes(), []byte("\n}\n"))
		if !ok || !bytes.HasPrefix(want.Bytes(), append(story, []byte(",\n \"summary\": ")...)) {
			i := 0
			for i < want.Len() && i < got.Len() && want.Bytes()[i] == got.Bytes()[i] {
				i++
			}
			t.Errorf("%s: WriteJSON and export.JSON differ at byte %d: %q vs %q", name, i,
				got.Bytes()[max(0, i-40):min(got.Len(), i+40)], want.Bytes()[max(0, i-40):min(want.Len(), i+40)])
		}
	}
}
