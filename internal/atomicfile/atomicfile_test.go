package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

func TestRemoveStale(t *testing.T) {
	dir := t.TempDir()
	base := "a*[b].html" // glob characters are the name's own
	old := filepath.Join(dir, ".a*[b].html.123.tmp")
	young := filepath.Join(dir, ".a*[b].html.456.tmp")
	other := filepath.Join(dir, ".ab.html.789.tmp")
	for _, p := range []string{old, young, other} {
		if err := os.WriteFile(p, []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-2 * StaleAfter)
	for _, p := range []string{old, other} {
		os.Chtimes(p, past, past)
	}
	RemoveStale(dir, base)
	if _, err := os.Stat(old); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("a stale temporary file of %q is left: %v", base, err)
	}
	for _, p := range []string{young, other} {
		if _, err := os.Stat(p); err != nil {
			t.Errorf("%s was removed: %v", p, err)
		}
	}
}

func TestReason(t *testing.T) {
	for _, err := range []error{
		&fs.PathError{Op: "open", Path: "/x/.a.tmp", Err: syscall.ENOSPC},
		&os.LinkError{Op: "rename", Old: "/x/.a.tmp", New: "/x/a", Err: syscall.ENOSPC},
		os.NewSyscallError("fsync", syscall.ENOSPC),
	} {
		if got := Reason(err); got != syscall.ENOSPC {
			t.Errorf("Reason(%v) = %v", err, got)
		}
	}
}
