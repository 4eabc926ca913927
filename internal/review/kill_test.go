package review

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// saveLoopEnv makes the test binary a process that saves a review over and
// over (see TestHelperSaveLoop), for the kill test.
const saveLoopEnv = "SYNOPTIC_REVIEW_SAVE_LOOP"

func TestHelperSaveLoop(t *testing.T) {
	path := os.Getenv(saveLoopEnv)
	if path == "" {
		return // run by the kill test only
	}
	for i := 0; ; i++ {
		r, err := Load(path)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
		r.SetNote(MakeRef(arts, i%2, i%3), strings.Repeat("n", i%500))
		if _, err := r.Save(path); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(3)
		}
	}
}

// A save killed at any moment leaves a review that loads: the old one or
// the new one, never half of one; and a later save removes what the killed
// ones left behind once it is old.
func TestKilledSavesLeaveAWholeReview(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.synoptic.json")
	for i := range 15 {
		cmd := exec.Command(os.Args[0], "-test.run=^TestHelperSaveLoop$")
		cmd.Env = append(os.Environ(), saveLoopEnv+"="+path)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(5+i*3) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		if _, err := Load(path); err != nil {
			t.Fatalf("after kill %d: %v", i+1, err)
		}
	}
	past := time.Now().Add(-time.Hour)
	left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp"))
	for _, p := range left {
		os.Chtimes(p, past, past)
	}
	r, _ := Load(path)
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	if left, _ := filepath.Glob(filepath.Join(dir, ".*.tmp")); len(left) > 0 {
		t.Errorf("temporary files of killed saves left: %v", left)
	}
}
