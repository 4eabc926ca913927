package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// A named pipe nobody writes to, and an endless device, as an article or as
// the review: synoptic answers at once with a line that names the file,
// never waits, never reads without end.
func TestPipesAndDevicesDoNotHang(t *testing.T) {
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	if err := syscall.Mkfifo(filepath.Join(dir, "pipe.txt"), 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	for _, c := range []struct {
		args []string
		code int
		want string
	}{
		{[]string{"export", "pipe.txt", paths[1]}, 1, "pipe.txt: file is empty"},
		{[]string{"export", "/dev/zero", paths[1]}, 1, "/dev/zero: a device"},
		{[]string{"export", "--review", "pipe.txt", paths[0], paths[1]}, 0, "pipe.txt: not a regular file"},
		{[]string{"export", "--review", "/dev/zero", paths[0], paths[1]}, 0, "/dev/zero: not a regular file"},
	} {
		r := runBin(t, dir, c.args...)
		if r.code != c.code || !strings.Contains(r.stderr, c.want) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", c.args, r.code, r.stderr, c.code, c.want)
		}
	}
	// In a folder, the pipe and a link to the device are skipped, said.
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "zero.txt")); err != nil {
		t.Fatal(err)
	}
	r := runBin(t, dir, "export", ".")
	if r.code != 0 || !strings.Contains(r.stderr, "pipe.txt: a named pipe") || !strings.Contains(r.stderr, "zero.txt: a device") {
		t.Errorf("folder: exit %d, stderr %q", r.code, r.stderr)
	}
}

// A file name holding a newline cannot forge a line of its own on stderr.
func TestFileNameCannotForgeALine(t *testing.T) {
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	name := "a\nsynoptic: FORGED LINE.txt"
	b, _ := os.ReadFile(filepath.Join(dir, paths[0]))
	if err := os.WriteFile(filepath.Join(dir, name), append(b, 0xff, 0xfe, '\n'), 0o644); err != nil {
		t.Skip("this file system takes no newline in a name:", err)
	}
	r := runBin(t, dir, "export", name, paths[1])
	if r.code != 0 || !strings.Contains(r.stderr, "invalid UTF-8") {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	for _, ln := range strings.Split(r.stderr, "\n") {
		if strings.HasPrefix(ln, "synoptic: FORGED") {
			t.Errorf("forged line on stderr: %q", r.stderr)
		}
	}
}
