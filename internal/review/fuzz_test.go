package review

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// FuzzLoadAnchor loads any review file and anchors it to a story in which
// a paragraph was inserted: no entry is dropped, each either names a block
// holding its text or is reported as an orphan, and what is saved reads
// back the same.
func FuzzLoadAnchor(f *testing.F) {
	f.Add([]byte(`{"version":1,"notes":[{"at":{"article":0,"block":1,"snippet":"Beta quotes the mayor."},"text":"n"}]}`), uint8(0))
	f.Add([]byte(`{"version":1.0,"pins":[{"a":{"article":0,"block":2,"snippet":"Gamma gives the figures."},"b":{"article":1,"block":1,"snippet":"Figures, from gamma."}}],"splits":[{"article":1,"block":2}]}`), uint8(1))
	f.Add([]byte(`{"version":1,"notes":[{"at":{"article":1,"block":1,"snippet":"Beta quotes the mayor.","source":"b.txt"},"text":"named"}]}`), uint8(5))
	f.Add([]byte(`{"version":1,"notes":[{"at":{"article":1000000000,"block":3},"text":"far"},{"at":{"article":-3,"block":0},"text":"neg"}],"x":{"y":1}}`), uint8(2))
	f.Add([]byte("\xef\xbb\xbf{\"version\":1,\"splits\":[{\"article\":0,\"block\":0,\"snippet\":\"A new opening\"}]}"), uint8(3))
	f.Fuzz(func(t *testing.T, data []byte, at uint8) {
		dir := t.TempDir()
		path := filepath.Join(dir, "s.synoptic.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r, err := Load(path)
		if err != nil {
			if !r.Empty() {
				t.Fatalf("a review that failed to load is not empty: %+v", r)
			}
			return
		}
		story := insertBlock(arts, int(at)%2, int(at/2)%(len(arts[int(at)%2])+1), "A new opening paragraph.")
		pins, splits, notes := len(r.Pins), len(r.Splits), len(r.Notes)
		var names []string
		if at%4 != 0 {
			names = []string{"a.txt", "b.txt"}
		}
		_, orphans := r.Anchor(story, names)
		if len(r.Pins) != pins || len(r.Splits) != splits || len(r.Notes) != notes {
			t.Fatalf("anchoring dropped entries: %d/%d/%d → %+v", pins, splits, notes, r)
		}
		bad := 0
		for _, p := range r.Pins {
			if !r.valid(story, p.A) || !r.valid(story, p.B) {
				bad++
			}
		}
		for _, s := range r.Splits {
			if !r.valid(story, s) {
				bad++
			}
		}
		for _, n := range r.Notes {
			if !r.valid(story, n.Ref) {
				bad++
				blocks := make([][]int, len(story))
				if n.Ref.Article >= 0 && n.Ref.Article < len(story) {
					blocks[n.Ref.Article] = []int{n.Ref.Block}
				}
				if got := r.NoteFor(blocks, story); got != "" && got == n.Text && !hasValidNoteAt(r, blocks, story) {
					t.Fatalf("orphaned note %+v shown", n)
				}
			}
		}
		if bad != len(orphans) {
			t.Fatalf("%d entries name no block with their text, %d reported: %q", bad, len(orphans), orphans)
		}
		if _, err := r.Save(path); err != nil {
			t.Fatal(err)
		}
		back, err := Load(path)
		if err != nil {
			t.Fatalf("saved review does not load: %v", err)
		}
		if !reflect.DeepEqual(back.Pins, r.Pins) || !reflect.DeepEqual(back.Splits, r.Splits) || !reflect.DeepEqual(back.Notes, r.Notes) || len(back.Extra) != len(r.Extra) {
			t.Fatalf("save and load changed the review:\n got %+v\nwant %+v", back, r)
		}
	})
}

// hasValidNoteAt says whether a note that does hold its text sits on blocks.
func hasValidNoteAt(r *Review, blocks [][]int, story [][]segment.Block) bool {
	for _, n := range r.Notes {
		if r.in(blocks, story, n.Ref) {
			return true
		}
	}
	return false
}
