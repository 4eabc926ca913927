package ui

import (
	"bytes"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/view"
)

// TestANSISaysFilter: the ANSI export under --only says which events it
// shows, as the other exports do, and says so when none is left.
func TestANSISaysFilter(t *testing.T) {
	st := seed(t)
	shared, onlyL, onlyR := counts(st, 0, 1)
	for _, only := range []view.Filter{view.FilterChanged, view.FilterSingle} {
		shown := 0
		for k := range st.Events {
			if export.Keep(st, k, 0, 1, only) {
				shown++
			}
		}
		opt := export.DefaultOptions()
		opt.Only = only
		var b bytes.Buffer
		if err := WriteANSI(&b, st, opt); err != nil {
			t.Fatal(err)
		}
		want := export.FilterNote(only, shown, shared+onlyL+onlyR)
		if got := strings.Join(strings.Fields(plain(b.String())), " "); !strings.Contains(got, want) {
			t.Errorf("--only %s: the view lacks %q", only, want)
		}
	}
	var b bytes.Buffer
	if err := WriteANSI(&b, st, export.DefaultOptions()); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(plain(b.String()), "Showing the") {
		t.Error("with every event shown the view still names a filter")
	}
	same := makeStory("same",
		[]string{"A", "Bridge", "The bridge will close on Monday for repairs to its deck."},
		[]string{"B", "Bridge", "The bridge will close on Monday for repairs to its deck."})
	opt := export.DefaultOptions()
	opt.Only = view.FilterChanged
	b.Reset()
	if err := WriteANSI(&b, same, opt); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(plain(b.String()), export.NoEvents) {
		t.Errorf("no changed event, and the view does not say so:\n%s", plain(b.String()))
	}
}
