package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// bridgeArticles writes a two-article story to dir and returns the names.
func bridgeArticles(t *testing.T, dir string) []string {
	t.Helper()
	writeArticles(t, dir, map[string]string{
		"courier.txt": "Harbour bridge to close for repairs\nThe harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.\nFerries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.\nLocal shop owners warned that the closure would cost them customers in the busiest month of the year.\n",
		"herald.txt":  "Bridge shuts for cable work\nThe harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced.\nFerries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.\nCyclists will be allowed to use a temporary lane on the old rail viaduct.\n",
	})
	return []string{"courier.txt", "herald.txt"}
}

type jsonStory struct {
	Articles []struct {
		Blocks []struct {
			Kind string `json:"kind"`
			Text string `json:"text"`
		} `json:"blocks"`
	} `json:"articles"`
	Events []struct {
		Kind   string  `json:"kind"`
		Score  float64 `json:"score"`
		Blocks [][]int `json:"blocks"`
		Note   string  `json:"note"`
		Pinned bool    `json:"pinned"`
		Split  bool    `json:"split"`
	} `json:"events"`
}

func exportJSON(t *testing.T, dir string, args ...string) (jsonStory, result) {
	t.Helper()
	r := runBin(t, dir, append([]string{"export", "--format", "json"}, args...)...)
	if r.code != 0 {
		t.Fatalf("export %v: exit %d: %s", args, r.code, r.stderr)
	}
	var doc jsonStory
	if err := json.Unmarshal([]byte(r.stdout), &doc); err != nil {
		t.Fatalf("export %v: JSON does not parse: %v", args, err)
	}
	return doc, r
}

func (d jsonStory) blocks() [][]segment.Block {
	out := make([][]segment.Block, len(d.Articles))
	for a, art := range d.Articles {
		for _, b := range art.Blocks {
			out[a] = append(out[a], segment.Block{Kind: segment.Kind(b.Kind), Text: b.Text})
		}
	}
	return out
}

// A review file that cannot be read is named on stderr in one line with
// what is wrong; the story still opens and exports, and the file is kept.
func TestCorruptReviewWarnsAndStoryOpens(t *testing.T) {
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	bad := []byte(`{"version":1,"pins":[{"a":`)
	auto := filepath.Join(dir, "courier.synoptic.json")
	if err := os.WriteFile(auto, bad, 0o644); err != nil {
		t.Fatal(err)
	}
	check := func(what string, r result, file string) {
		t.Helper()
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", what, r.code, r.stderr)
		}
		if n := strings.Count(r.stderr, "\n"); n != 1 {
			t.Errorf("%s: stderr has %d lines, want one: %q", what, n, r.stderr)
		}
		for _, w := range []string{"synoptic: warning: review ", file, "is not valid", "unexpected end of JSON input"} {
			if !strings.Contains(r.stderr, w) {
				t.Errorf("%s: stderr %q lacks %q", what, r.stderr, w)
			}
		}
	}
	doc, r := exportJSON(t, dir, paths...)
	check("export", r, "courier.synoptic.json")
	if len(doc.Events) == 0 {
		t.Error("export: no events")
	}
	// The reader, with standard output not a terminal, prints the text view.
	r = runBin(t, dir, paths...)
	check("reader", r, "courier.synoptic.json")
	if !strings.Contains(r.stdout, "Cyclists will be allowed") {
		t.Errorf("reader: the story is not shown:\n%s", r.stdout)
	}
	// --review names another file, and that is the one reported.
	other := filepath.Join(dir, "other.json")
	if err := os.WriteFile(other, []byte("not json at all"), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runBin(t, dir, "export", "--format", "md", "--review", other, paths[0], paths[1])
	if r.code != 0 || !strings.Contains(r.stderr, "other.json is not valid") || strings.Contains(r.stderr, "courier.synoptic.json") {
		t.Errorf("--review: exit %d stderr %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(auto); string(got) != string(bad) {
		t.Errorf("the corrupt review was changed: %q", got)
	}
	// A review from a newer version is refused the same way.
	if err := os.WriteFile(other, []byte(`{"version":7}`), 0o644); err != nil {
		t.Fatal(err)
	}
	r = runBin(t, dir, "export", "--review", other, paths[0], paths[1])
	if r.code != 0 || !strings.Contains(r.stderr, "has version 7") {
		t.Errorf("version 7: exit %d stderr %q", r.code, r.stderr)
	}
}

// A pin and a split made in one run, saved to the review file, come back
// in the next run's exports; --review names another file; the review's
// threshold applies.
func TestReviewRoundTripThroughExports(t *testing.T) {
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	doc, r := exportJSON(t, dir, paths...)
	if r.stderr != "" {
		t.Fatalf("stderr without a review: %q", r.stderr)
	}
	arts := doc.blocks()
	shared, onlyL, onlyR := -1, -1, -1
	for k, e := range doc.Events {
		switch {
		case e.Kind == "shared" && shared < 0 && arts[0][e.Blocks[0][0]].Kind == segment.Paragraph:
			shared = k
		case e.Kind == "single" && len(e.Blocks[0]) > 0 && onlyL < 0:
			onlyL = k
		case e.Kind == "single" && len(e.Blocks[1]) > 0 && onlyR < 0:
			onlyR = k
		}
	}
	if shared < 0 || onlyL < 0 || onlyR < 0 {
		t.Fatalf("story lacks shared or one-sided events: %+v", doc.Events)
	}
	sl, sr := doc.Events[shared].Blocks[0][0], doc.Events[shared].Blocks[1][0]
	pl, pr := doc.Events[onlyL].Blocks[0][0], doc.Events[onlyR].Blocks[1][0]
	rev := &review.Review{}
	rev.Split(review.MakeRef(arts, 0, sl), review.MakeRef(arts, 1, sr))
	rev.Pin(review.MakeRef(arts, 0, pl), review.MakeRef(arts, 1, pr))
	rev.SetNote(review.MakeRef(arts, 0, pl), "Shop owners vs cyclists: same event?")
	if _, err := rev.Save(filepath.Join(dir, "courier.synoptic.json")); err != nil {
		t.Fatal(err)
	}

	at := func(d jsonStory, a, i int) int {
		for k, e := range d.Events {
			for _, x := range e.Blocks[a] {
				if x == i {
					return k
				}
			}
		}
		t.Fatalf("block %d of article %d is in no event", i, a)
		return -1
	}
	check := func(what string, d jsonStory) {
		t.Helper()
		k := at(d, 0, pl)
		if at(d, 1, pr) != k || !d.Events[k].Pinned || d.Events[k].Score != 1 || d.Events[k].Note != "Shop owners vs cyclists: same event?" {
			t.Errorf("%s: pinned event %+v", what, d.Events[k])
		}
		if k := at(d, 0, sl); at(d, 1, sr) == k || !d.Events[k].Split {
			t.Errorf("%s: split event %+v", what, d.Events[k])
		}
	}
	ed, r := exportJSON(t, dir, paths...)
	if r.stderr != "" {
		t.Errorf("stderr with a good review: %q", r.stderr)
	}
	check("found next to the story", ed)
	for _, f := range []string{"md", "txt", "html"} {
		r := runBin(t, dir, "export", "--format", f, paths[0], paths[1])
		if r.code != 0 || !strings.Contains(r.stdout, "Shop owners vs cyclists: same event?") || !strings.Contains(r.stdout, "pinned") {
			t.Errorf("%s: exit %d, note or pin missing", f, r.code)
		}
	}
	if r := runBin(t, dir, "export", "--format", "matrix-md", paths[0], paths[1]); r.code != 0 {
		t.Errorf("matrix-md: exit %d %s", r.code, r.stderr)
	}

	// Moved away and named with --review; a threshold of 1 pairs nothing
	// the aligner found, but the pin holds.
	moved := filepath.Join(dir, "elsewhere.json")
	if err := os.Rename(filepath.Join(dir, "courier.synoptic.json"), moved); err != nil {
		t.Fatal(err)
	}
	plainDoc, _ := exportJSON(t, dir, paths...)
	if k := at(plainDoc, 0, pl); at(plainDoc, 1, pr) == k {
		t.Error("without the review the pin still applies")
	}
	rev.SetThreshold(1)
	if _, err := rev.Save(moved); err != nil {
		t.Fatal(err)
	}
	hi, _ := exportJSON(t, dir, "--review", moved, paths[0], paths[1])
	check("--review, threshold 1", hi)
	for _, e := range hi.Events {
		if e.Kind == "shared" && !e.Pinned {
			t.Errorf("threshold 1: an unpinned shared event %+v", e)
		}
	}
}
