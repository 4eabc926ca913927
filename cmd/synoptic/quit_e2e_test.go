package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/review"
)

// TestQuitWithUnsavedEditsInTmux: a review that cannot be read makes every
// edit unsaved; q asks, s saves the edits to another file, and the line on
// stderr says where they went.
func TestQuitWithUnsavedEditsInTmux(t *testing.T) {
	needTmux(t)
	bin := synopticBin(t)
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	if err := os.WriteFile(filepath.Join(dir, "courier.synoptic.json"), []byte(`{"version":1,`), 0o644); err != nil {
		t.Fatal(err)
	}
	saved := filepath.Join(dir, "saved.synoptic.json")
	tx := newTmux(t, 160, 45, "cd "+dir+" && env TERM=xterm-256color "+bin+" "+strings.Join(paths, " ")+" 2>stderr.txt")
	tx.waitFor("reader start", func(s screen) bool { return statusRE.MatchString(s.text) })
	tx.keys("+")
	tx.waitFor("the edit", func(s screen) bool { return strings.Contains(s.text, "not saved") })
	tx.keys("q")
	tx.waitFor("the question", func(s screen) bool { return strings.Contains(s.text, "y: quit · s: save them to another file") })
	tx.keys("s")
	tx.waitFor("the path prompt", func(s screen) bool { return strings.Contains(s.text, "save the edits to:") })
	tx.keys("C-u")
	tx.run("send-keys", "-t", tx.name, "-l", saved)
	tx.keys("Enter")
	s := tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
	if !strings.Contains(s.text, "EXIT=0") {
		t.Errorf("exit status line %q", lastLine(s.text))
	}
	r, err := review.Load(saved)
	if err != nil || r.Threshold == nil {
		t.Errorf("the edit is not in %s: %+v %v", saved, r, err)
	}
	b, _ := os.ReadFile(filepath.Join(dir, "stderr.txt"))
	if !strings.Contains(string(b), "edits saved to "+saved) {
		t.Errorf("stderr does not say where the edits went: %q", b)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "courier.synoptic.json")); string(b) != `{"version":1,` {
		t.Errorf("the unreadable review was overwritten: %q", b)
	}
}
