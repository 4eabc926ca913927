package export

import (
	"strings"
	"testing"
)

// TestOneEventSaysEvent checks that a story of one event is counted as
// "1 event" in every format that counts its events.
func TestOneEventSaysEvent(t *testing.T) {
	text := "The council approved the new bridge on Tuesday after a long debate among its members."
	st := buildStory("one", art{outlet: "A", title: "Bridge", paras: []string{text}},
		art{outlet: "B", title: "Bridge", paras: []string{text}})
	n := 0
	for _, e := range st.Events {
		if len(e.Blocks[0]) > 0 || len(e.Blocks[1]) > 0 {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("the test story has %d events, want 1", n)
	}
	for _, f := range []string{"txt", "md", "html"} {
		var b strings.Builder
		if err := Render(&b, f, st, DefaultOptions()); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if strings.Contains(out, "1 events") || strings.Contains(out, "<b>1</b> events") {
			t.Errorf("%s says \"1 events\":\n%s", f, out[:min(len(out), 600)])
		}
		if !strings.Contains(out, "1 event") && !strings.Contains(out, "<b>1</b> event") {
			t.Errorf("%s does not say \"1 event\"", f)
		}
	}
}
