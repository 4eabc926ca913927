package review

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/segment"
)

func para(s string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: s} }

var arts = [][]segment.Block{
	{para("Alpha reports the vote."), para("Beta quotes the mayor."), para("Gamma gives the figures.")},
	{para("The vote, alpha says."), para("Figures, from gamma."), para("The mayor, quoted by beta.")},
}

// events: {A0,B0} shared, {A1} alone, {A2,B1} shared, {B2} alone.
func baseEvents() []align.Event {
	return []align.Event{
		{Score: 0.8, Blocks: [][]int{{0}, {0}}},
		{Score: 1, Blocks: [][]int{{1}, {}}},
		{Score: 0.7, Blocks: [][]int{{2}, {1}}},
		{Score: 1, Blocks: [][]int{{}, {2}}},
	}
}

func find(evs []align.Event, a, i int) align.Event {
	for _, e := range evs {
		for _, x := range e.Blocks[a] {
			if x == i {
				return e
			}
		}
	}
	return align.Event{}
}

func TestPinAndSplitRoundTripThroughFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "story.synoptic.json")
	r, err := Load(path)
	if err != nil || !r.Empty() {
		t.Fatalf("missing file: review %+v, err %v; want empty, nil", r, err)
	}
	r.Pin(MakeRef(arts, 0, 1), MakeRef(arts, 1, 2))
	r.Split(MakeRef(arts, 0, 2), MakeRef(arts, 1, 1))
	r.SetNote(MakeRef(arts, 0, 0), "check the vote count")
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Pins, r.Pins) || !reflect.DeepEqual(back.Splits, r.Splits) || !reflect.DeepEqual(back.Notes, r.Notes) {
		t.Fatalf("round trip changed the review:\n got %+v\nwant %+v", back, r)
	}
	evs, warns := back.Apply(baseEvents(), arts, nil)
	if len(warns) > 0 {
		t.Fatalf("warnings: %v", warns)
	}
	if e := find(evs, 0, 1); !reflect.DeepEqual(e.Blocks, [][]int{{1}, {2}}) || e.Score != 1 {
		t.Errorf("pinned event = %+v, want A1 with B2, score 1", e)
	}
	if e := find(evs, 0, 2); e.Articles() != 1 {
		t.Errorf("split block A2 still shares an event: %+v", e)
	}
	if e := find(evs, 1, 1); e.Articles() != 1 {
		t.Errorf("split block B1 still shares an event: %+v", e)
	}
	if e := find(evs, 0, 0); !reflect.DeepEqual(e.Blocks, [][]int{{0}, {0}}) {
		t.Errorf("untouched event changed: %+v", e)
	}
	if got := back.NoteFor([][]int{{0}, {0}}, arts); got != "check the vote count" {
		t.Errorf("note = %q", got)
	}
	// every block still in exactly one event
	seen := map[[2]int]int{}
	for _, e := range evs {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				seen[[2]int{a, i}]++
			}
		}
	}
	if len(seen) != 6 {
		t.Errorf("%d blocks placed, want 6", len(seen))
	}
	for k, n := range seen {
		if n != 1 {
			t.Errorf("block %v in %d events", k, n)
		}
	}
}

func TestSplitUndoesPin(t *testing.T) {
	r := &Review{}
	a, b := MakeRef(arts, 0, 1), MakeRef(arts, 1, 2)
	r.Pin(a, b)
	r.Split(a, b)
	if len(r.Pins) != 0 {
		t.Errorf("pins after split: %+v", r.Pins)
	}
	r.Pin(a, b)
	if len(r.Splits) != 0 {
		t.Errorf("splits after pin: %+v", r.Splits)
	}
}

func TestCorruptReviewWarnsAndIsEmpty(t *testing.T) {
	path := filepath.Join(t.TempDir(), "bad.synoptic.json")
	if err := os.WriteFile(path, []byte(`{"version":1,"pins":[{"a":`), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Load(path)
	if err == nil || !strings.Contains(err.Error(), path) {
		t.Fatalf("err = %v, want an error naming %s", err, path)
	}
	if !r.Empty() {
		t.Errorf("corrupt review not empty: %+v", r)
	}
}

func TestStaleRefIsSkipped(t *testing.T) {
	r := &Review{}
	ref := MakeRef(arts, 0, 1)
	ref.Snippet = "text that is no longer there"
	r.Pin(ref, MakeRef(arts, 1, 2))
	evs, warns := r.Apply(baseEvents(), arts, nil)
	if len(warns) != 1 {
		t.Fatalf("warnings = %v, want one", warns)
	}
	if e := find(evs, 0, 1); e.Articles() != 1 {
		t.Errorf("stale pin applied: %+v", e)
	}
}

func TestPathFor(t *testing.T) {
	dir := t.TempDir()
	if got, want := PathFor([]string{filepath.Join(dir, "a.md"), "b.md"}), filepath.Join(dir, "a.synoptic.json"); got != want {
		t.Errorf("file: %s, want %s", got, want)
	}
	if got, want := PathFor([]string{dir}), filepath.Join(dir, filepath.Base(dir)+".synoptic.json"); got != want {
		t.Errorf("folder: %s, want %s", got, want)
	}
	// The current folder is named by its own name, not ".".
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	if got, want := PathFor([]string{"."}), filepath.Base(wd)+".synoptic.json"; got != want {
		t.Errorf(".: %s, want %s", got, want)
	}
	if got := PathFor([]string{"/"}); got != "/story.synoptic.json" {
		t.Errorf("/: %s", got)
	}
}

func TestSaveIsWholeAndReadable(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.synoptic.json")
	r := &Review{}
	r.SetNote(MakeRef(arts, 0, 0), "first")
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil || info.Mode().Perm() != 0o644 {
		t.Fatalf("new review: %v, mode %v", err, info.Mode())
	}
	if err := os.Chmod(path, 0o600); err != nil {
		t.Fatal(err)
	}
	r.SetNote(MakeRef(arts, 0, 0), "second")
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("rewritten review: mode %v, want the file's own 0600", info.Mode())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	if back, err := Load(path); err != nil || back.NoteFor([][]int{{0}, {}}, arts) != "second" {
		t.Errorf("reload: %v %+v", err, back)
	}
	// A folder that does not exist is an error that names the file.
	if _, err := r.Save(filepath.Join(dir, "no", "such.json")); err == nil || !strings.Contains(err.Error(), "such.json") {
		t.Errorf("save into a missing folder: %v", err)
	}
}

func TestEmptyListsAreWrittenAsLists(t *testing.T) {
	th := 0.6
	b, err := json.Marshal(&Review{Version: 1, Threshold: &th})
	if err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{`"pins":[]`, `"splits":[]`, `"notes":[]`} {
		if !strings.Contains(string(b), k) {
			t.Errorf("%s lacks %s", b, k)
		}
	}
}
