package export

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/story"
)

// render writes st in format f with opt.
func render(t *testing.T, f string, st *story.Story, opt Options) string {
	t.Helper()
	var b strings.Builder
	if err := Render(&b, f, st, opt); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestPairScoreInExports: with three articles, the text, Markdown and HTML
// exports give a shared event the score between the two articles shown,
// not the whole event's, which JSON keeps.
func TestPairScoreInExports(t *testing.T) {
	// B repeats A word for word; C tells the first two events in its own
	// words, so that the event's score, which B's pairs lift, is not C's.
	st := buildStory("harbour",
		art{outlet: "Coast Courier", title: "Harbour bridge to close for repairs", paras: []string{
			"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.",
			"Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.",
			"Local shop owners warned that the closure would cost them customers in the busiest month of the year."}},
		art{outlet: "Valley Herald", title: "Bridge shuts for cable work", paras: []string{
			"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.",
			"Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.",
			"Cyclists will be allowed to use a temporary lane on the old rail viaduct."}},
		art{outlet: "Morning Ledger", title: "Six-week closure for harbour bridge", paras: []string{
			"Drivers face weeks of detours from Monday as work on the harbour bridge begins.",
			"Commuters can take a ferry, which will sail more often, or extra buses on the coastal road.",
			"Shop owners near the bridge fear losing customers in the busiest month of the year."}},
	)
	opt := DefaultOptions()
	opt.Left, opt.Right = 0, 2
	txt, md, page := render(t, "txt", st, opt), render(t, "md", st, opt), render(t, "html", st, opt)
	differs := false
	for k := range st.Events {
		e := &st.Events[k]
		if len(e.Blocks[0]) == 0 || len(e.Blocks[2]) == 0 || e.Kind != story.Shared {
			continue
		}
		want := fmt.Sprintf("%.2f", e.PairScore(0, 2))
		differs = differs || want != fmt.Sprintf("%.2f", e.Score)
		if !regexp.MustCompile(fmt.Sprintf(`(?m)^#%d shared %s`, k+1, regexp.QuoteMeta(want))).MatchString(txt) {
			t.Errorf("txt: event %d does not give the pair's score %s", k+1, want)
		}
		if !regexp.MustCompile(fmt.Sprintf(`(?m)^### %d · shared .*· score %s`, k+1, regexp.QuoteMeta(want))).MatchString(md) {
			t.Errorf("md: event %d does not give the pair's score %s", k+1, want)
		}
		if !regexp.MustCompile(fmt.Sprintf(`id="event-%d">\s*<h2[^\n]*<span>score %s</span>`, k+1, regexp.QuoteMeta(want))).MatchString(page) {
			t.Errorf("html: event %d does not give the pair's score %s", k+1, want)
		}
	}
	if !differs {
		t.Fatal("no shared event of articles 0 and 2 has a pair score other than its own: the test shows nothing")
	}
	var js strings.Builder
	if err := st.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	var got struct{ Events []struct{ Score float64 } }
	if err := json.Unmarshal([]byte(js.String()), &got); err != nil {
		t.Fatal(err)
	}
	for k, e := range got.Events {
		if e.Score != st.Events[k].Score {
			t.Errorf("JSON: event %d has score %v, want its own %v", k+1, e.Score, st.Events[k].Score)
		}
	}
}
