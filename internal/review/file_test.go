package review

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Two readers open one review; each saves its own edits. Neither's edits
// may be lost: the second save merges with the first.
func TestTwoReadersMerge(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.synoptic.json")
	start := &Review{}
	start.SetNote(MakeRef(arts, 0, 0), "shared note")
	if _, err := start.Save(path); err != nil {
		t.Fatal(err)
	}
	one, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	two, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	two.SetNote(MakeRef(arts, 1, 2), "editor two's note")
	if merged, err := two.Save(path); err != nil || merged {
		t.Fatalf("first save: merged %v, err %v", merged, err)
	}
	one.SetThreshold(0.6)
	one.Pin(MakeRef(arts, 0, 1), MakeRef(arts, 1, 2))
	one.SetNote(MakeRef(arts, 0, 0), "") // editor one removes the shared note
	merged, err := one.Save(path)
	if err != nil || !merged {
		t.Fatalf("second save: merged %v, err %v; want a merge", merged, err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if got := back.NoteFor([][]int{{}, {2}}, arts); got != "editor two's note" {
		t.Errorf("editor two's note was lost: %+v", back.Notes)
	}
	if got := back.NoteFor([][]int{{0}, {}}, arts); got != "" {
		t.Errorf("editor one's removal was lost: %+v", back.Notes)
	}
	if len(back.Pins) != 1 || back.Threshold == nil || *back.Threshold != 0.6 {
		t.Errorf("editor one's pin or threshold was lost: %+v", back)
	}
	// Editor one's review now holds both, and saves again without a merge.
	if got := one.NoteFor([][]int{{}, {2}}, arts); got != "editor two's note" {
		t.Errorf("the merged review in memory lacks editor two's note")
	}
	one.Split(MakeRef(arts, 0, 2))
	if merged, err := one.Save(path); err != nil || merged {
		t.Errorf("third save: merged %v, err %v", merged, err)
	}
}

// Both readers change the note of one block: the second save is refused
// with a message that says so, and the file keeps the first one's note.
func TestTwoReadersConflictIsRefused(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.synoptic.json")
	one, _ := Load(path)
	two, _ := Load(path)
	one.SetNote(MakeRef(arts, 0, 0), "one")
	two.SetNote(MakeRef(arts, 0, 0), "two")
	if _, err := one.Save(path); err != nil {
		t.Fatal(err)
	}
	_, err := two.Save(path)
	if !errors.Is(err, ErrChanged) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "note") {
		t.Fatalf("err = %v, want ErrChanged naming the file and the note", err)
	}
	back, _ := Load(path)
	if got := back.NoteFor([][]int{{0}, {}}, arts); got != "one" {
		t.Errorf("file holds %q, want the first save's note", got)
	}
	// A file replaced by something that is no review is not overwritten.
	if err := os.WriteFile(path, []byte("not json"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := one.Save(path); !errors.Is(err, ErrChanged) {
		t.Errorf("save over a file that became garbage: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "not json" {
		t.Errorf("file overwritten: %q", b)
	}
}

// Undo as the reader does it, by merging: taking back one's own edit
// keeps what another reader saved meanwhile.
func TestMergeTakesBackOneEdit(t *testing.T) {
	before := &Review{}
	after := before.Clone()
	after.SetNote(MakeRef(arts, 0, 0), "mine")
	now := after.Clone()
	now.SetNote(MakeRef(arts, 1, 1), "theirs")
	undone, err := Merge(after, before, now)
	if err != nil {
		t.Fatal(err)
	}
	if len(undone.Notes) != 1 || undone.Notes[0].Text != "theirs" {
		t.Errorf("undo kept %+v, want only their note", undone.Notes)
	}
}

func TestSaveWritesThroughASymlink(t *testing.T) {
	dir := t.TempDir()
	shared := filepath.Join(dir, "shared", "team.synoptic.json")
	if err := os.Mkdir(filepath.Dir(shared), 0o755); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "s.synoptic.json")
	if err := os.Symlink(filepath.Join("shared", "team.synoptic.json"), link); err != nil {
		t.Fatal(err)
	}
	r, err := Load(link)
	if err != nil {
		t.Fatal(err)
	}
	r.SetNote(MakeRef(arts, 0, 0), "through the link")
	for range 2 {
		if _, err := r.Save(link); err != nil {
			t.Fatal(err)
		}
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info.Mode(), err)
	}
	back, err := Load(shared)
	if err != nil || len(back.Notes) != 1 {
		t.Errorf("the shared file lacks the note: %+v %v", back, err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func TestReadOnlyReviewIsNotReplaced(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.synoptic.json")
	if err := os.WriteFile(path, []byte(`{"version":1}`), 0o444); err != nil {
		t.Fatal(err)
	}
	r, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r.SetNote(MakeRef(arts, 0, 0), "x")
	if _, err := r.Save(path); err == nil || !strings.Contains(err.Error(), "read-only") {
		t.Errorf("save over a 0444 review: %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != `{"version":1}` {
		t.Errorf("read-only review replaced: %q", b)
	}
}

// Fields a later version may add survive a save; a byte order mark and a
// version written 1.0 are read.
func TestUnknownFieldsBOMAndVersionForms(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.synoptic.json")
	in := "\ufeff" + `{"version": 1.0, "reviewer": {"name": "Ana"}, "notes": [], "zeta": [1,2]}`
	if err := os.WriteFile(path, []byte(in), 0o644); err != nil {
		t.Fatal(err)
	}
	r, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	r.SetNote(MakeRef(arts, 0, 0), "x")
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	b, _ := os.ReadFile(path)
	var back map[string]json.RawMessage
	if err := json.Unmarshal(b, &back); err != nil {
		t.Fatal(err)
	}
	if string(back["version"]) != "1" || !strings.Contains(string(back["reviewer"]), `"Ana"`) || !strings.Contains(string(back["zeta"]), "2") {
		t.Errorf("saved review lost fields: %s", b)
	}
	for _, bad := range []string{`{"version": 2}`, `{"version": "1"}`, `{"pins": []}`, `[]`, `null`} {
		if err := os.WriteFile(path, []byte(bad), 0o644); err != nil {
			t.Fatal(err)
		}
		if r, err := Load(path); err == nil || !r.Empty() {
			t.Errorf("%s: loaded %+v, %v; want an error", bad, r, err)
		}
	}
}

// A review that is a FIFO or an endless device is refused at once; it is
// neither waited on nor read to the end.
func TestReviewFromAFIFOOrDevice(t *testing.T) {
	fifo := filepath.Join(t.TempDir(), "s.synoptic.json")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	for _, p := range []string{fifo, "/dev/zero"} {
		r, err := Load(p)
		if err == nil || !strings.Contains(err.Error(), "not a regular file") || !r.Empty() {
			t.Errorf("%s: %+v, %v", p, r, err)
		}
		r.SetNote(MakeRef(arts, 0, 0), "x")
		if _, err := r.Save(p); err == nil {
			t.Errorf("%s: saved over it", p)
		}
	}
}

// The temporary file of a save killed before its rename is removed by a
// later save once it is old enough to be nobody's save in progress.
func TestStaleTemporaryFilesAreRemoved(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.synoptic.json")
	old := filepath.Join(dir, ".s.synoptic.json.123.tmp")
	young := filepath.Join(dir, ".s.synoptic.json.456.tmp")
	other := filepath.Join(dir, ".other.json.789.tmp")
	for _, p := range []string{old, young, other} {
		if err := os.WriteFile(p, []byte("{"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-time.Hour)
	os.Chtimes(old, past, past)
	os.Chtimes(other, past, past)
	r := &Review{}
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]bool{old: false, young: true, other: true} {
		if _, err := os.Stat(p); (err == nil) != want {
			t.Errorf("%s: exists %v, want %v", filepath.Base(p), err == nil, want)
		}
	}
}

// A failed save names the review and why, not its temporary file.
func TestSaveErrorNamesTheReview(t *testing.T) {
	path := filepath.Join(t.TempDir(), "no", "such", "r.json")
	_, err := (&Review{}).Save(path)
	if err == nil || !strings.Contains(err.Error(), path) || strings.Contains(err.Error(), ".tmp") {
		t.Errorf("err = %v", err)
	}
}

// Saving a review to a new path that holds another file (an article, say)
// leaves that file alone.
func TestSaveDoesNotReplaceAnotherFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "a.txt")
	if err := os.WriteFile(path, []byte("An article."), 0o644); err != nil {
		t.Fatal(err)
	}
	r := &Review{}
	r.SetNote(MakeRef(arts, 0, 0), "x")
	if _, err := r.Save(path); err == nil || !strings.Contains(err.Error(), "not overwritten") {
		t.Errorf("err = %v", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "An article." {
		t.Errorf("file replaced: %q", b)
	}
}
