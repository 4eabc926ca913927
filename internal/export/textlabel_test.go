package export

import (
	"fmt"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// The text export names each event as the other renderings do, for the two
// articles it shows: an event one of them lacks is "only in" the other even
// when a third article shares it, furniture is page furniture, and
// metadata alone (the front matter) is left out.
func TestTextLabelsEventsForThePair(t *testing.T) {
	cs, err := corpus.Load([]string{"../../testdata/stories/kestrel-bridge"})
	if err != nil {
		t.Fatal(err)
	}
	st := story.Build(cs, story.DefaultOptions())
	opt := DefaultOptions()
	opt.NoChecks = true
	var b strings.Builder
	if err := Text(&b, st, opt); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	checked := map[string]bool{}
	for k, e := range st.Events {
		inL, inR := len(e.Blocks[0]) > 0, len(e.Blocks[1]) > 0
		if !inL && !inR {
			continue
		}
		want := "shared"
		switch {
		case st.MetadataOnly(k, 0, 1):
			// front matter: the header gives it, no event shows it
			for _, ln := range strings.Split(out, "\n") {
				if strings.HasPrefix(ln, fmt.Sprintf("#%d ", k+1)) {
					t.Errorf("event %d, metadata alone, is shown: %q", k+1, ln)
				}
			}
			checked["metadata left out"] = true
			continue
		case e.Kind == story.Boilerplate:
			want = "page furniture"
		case !inR:
			want = "only in Harbour Herald"
		case !inL:
			want = "only in The Coastal Times"
		}
		label := fmt.Sprintf("#%d %s", k+1, want)
		found := false
		for _, ln := range strings.Split(out, "\n") {
			if strings.HasPrefix(ln, fmt.Sprintf("#%d ", k+1)) {
				found = strings.HasPrefix(ln, label+" ") || ln == label
				if !found {
					t.Errorf("event %d labelled %q, want it to open %q", k+1, ln, label)
				}
			}
		}
		if found {
			checked[want] = true
		}
	}
	for _, w := range []string{"shared", "metadata left out", "only in Harbour Herald", "only in The Coastal Times"} {
		if !checked[w] {
			t.Errorf("no event labelled %q was checked", w)
		}
	}
}
