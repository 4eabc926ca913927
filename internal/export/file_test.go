package export

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// leftovers lists the files in dir other than keep.
func leftovers(t *testing.T, dir string, keep ...string) []string {
	t.Helper()
	ents, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range ents {
		found := false
		for _, k := range keep {
			found = found || e.Name() == k
		}
		if !found {
			out = append(out, e.Name())
		}
	}
	return out
}

func writeString(s string) func(io.Writer) error {
	return func(w io.Writer) error { _, err := io.WriteString(w, s); return err }
}

func TestWriteFileNew(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.html")
	if err := WriteFile(path, false, writeString("<p>new</p>")); err != nil {
		t.Fatal(err)
	}
	b, err := os.ReadFile(path)
	if err != nil || string(b) != "<p>new</p>" {
		t.Fatalf("read back %q, %v", b, err)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o644 {
		t.Errorf("mode %v, want 0644", info.Mode().Perm())
	}
	if l := leftovers(t, dir, "story.html"); len(l) > 0 {
		t.Errorf("left behind %v", l)
	}
}

func TestWriteFileKeepsExisting(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.md")
	os.WriteFile(path, []byte("old"), 0o600)
	rendered := false
	err := WriteFile(path, false, func(w io.Writer) error { rendered = true; return writeString("new")(w) })
	if !errors.Is(err, ErrExists) || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "--force") {
		t.Fatalf("error %v, want ErrExists naming %s and --force", err, path)
	}
	if rendered {
		t.Error("rendered although the file exists")
	}
	if b, _ := os.ReadFile(path); string(b) != "old" {
		t.Errorf("file changed to %q", b)
	}
	// --force replaces it and keeps its permissions.
	if err := WriteFile(path, true, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("forced write left %q", b)
	}
	if info, _ := os.Stat(path); info.Mode().Perm() != 0o600 {
		t.Errorf("mode %v, want the old 0600", info.Mode().Perm())
	}
	if l := leftovers(t, dir, "story.md"); len(l) > 0 {
		t.Errorf("left behind %v", l)
	}
}

// TestWriteFileRace has another writer create the file while the export
// renders: the other file wins and nothing is overwritten.
func TestWriteFileRace(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "story.txt")
	err := WriteFile(path, false, func(w io.Writer) error {
		if err := os.WriteFile(path, []byte("theirs"), 0o644); err != nil {
			return err
		}
		return writeString("ours")(w)
	})
	if !errors.Is(err, ErrExists) {
		t.Fatalf("error %v, want ErrExists", err)
	}
	if b, _ := os.ReadFile(path); string(b) != "theirs" {
		t.Errorf("the other writer's file became %q", b)
	}
	if l := leftovers(t, dir, "story.txt"); len(l) > 0 {
		t.Errorf("left behind %v", l)
	}
}

// TestWriteFileFailedRender stands for a full disk or any failure half
// way: the old file stays whole and no partial file appears.
func TestWriteFileFailedRender(t *testing.T) {
	dir := t.TempDir()
	boom := errors.New("no space left on device")
	half := func(w io.Writer) error {
		io.WriteString(w, "half a page")
		return boom
	}
	path := filepath.Join(dir, "new.html")
	if err := WriteFile(path, false, half); !errors.Is(err, boom) || !strings.Contains(err.Error(), path) {
		t.Errorf("error %v, want the render error naming %s", err, path)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a partial file exists: %v", err)
	}
	old := filepath.Join(dir, "old.html")
	os.WriteFile(old, []byte("whole old page"), 0o644)
	if err := WriteFile(old, true, half); !errors.Is(err, boom) {
		t.Errorf("error %v, want the render error", err)
	}
	if b, _ := os.ReadFile(old); string(b) != "whole old page" {
		t.Errorf("old file became %q", b)
	}
	if l := leftovers(t, dir, "old.html"); len(l) > 0 {
		t.Errorf("left behind %v", l)
	}
}

func TestWriteFileBadPlaces(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "plain")
	os.WriteFile(file, []byte("x"), 0o644)
	for _, c := range []struct{ path, want string }{
		{dir, "is a folder"},
		{filepath.Join(dir, "missing", "out.html"), "does not exist"},
		{filepath.Join(file, "out.html"), "not a"},
	} {
		err := WriteFile(c.path, true, writeString("x"))
		if err == nil || !strings.Contains(err.Error(), c.path) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("WriteFile(%s): %v, want an error naming it and saying %q", c.path, err, c.want)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("error spans lines: %q", err)
		}
	}
}

// readOnlyDir returns a folder the test cannot create files in, or skips.
// As root permissions do not bind, so it falls back to sysfs, which no one
// may create files in.
func readOnlyDir(t *testing.T) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "ro")
	if err := os.Mkdir(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	for _, d := range []string{dir, "/sys"} {
		probe := filepath.Join(d, ".synoptic-probe")
		f, err := os.OpenFile(probe, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644)
		if err == nil {
			f.Close()
			os.Remove(probe)
			continue
		}
		return d
	}
	t.Skip("no read-only folder to test with: running as root and /sys is writable")
	return ""
}

func TestWriteFileReadOnlyFolder(t *testing.T) {
	dir := readOnlyDir(t)
	path := filepath.Join(dir, "synoptic-export.html")
	err := WriteFile(path, false, writeString("x"))
	if err == nil || !strings.Contains(err.Error(), path) || !strings.Contains(err.Error(), "cannot write") {
		t.Fatalf("error %v, want one naming %s", err, path)
	}
	if strings.Contains(err.Error(), ".tmp") {
		t.Errorf("error names the temporary file: %v", err)
	}
	if _, err := os.Stat(path); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("file exists after a failed write: %v", err)
	}
}

// A device or a named pipe is written to, not replaced: `-o /dev/null`
// must leave /dev/null a device.
func TestWriteFileDeviceAndPipe(t *testing.T) {
	if err := WriteFile(os.DevNull, false, writeString("to the void")); err != nil {
		t.Fatalf("%s: %v", os.DevNull, err)
	}
	if info, err := os.Stat(os.DevNull); err != nil || info.Mode().IsRegular() {
		t.Fatalf("%s is no longer a device: %v %v", os.DevNull, info.Mode(), err)
	}
	dir := t.TempDir()
	fifo := filepath.Join(dir, "pipe")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no named pipes here: %v", err)
	}
	got := make(chan string, 1)
	go func() {
		f, err := os.Open(fifo)
		if err != nil {
			got <- err.Error()
			return
		}
		defer f.Close()
		b, _ := io.ReadAll(f)
		got <- string(b)
	}()
	if err := WriteFile(fifo, false, writeString("through the pipe")); err != nil {
		t.Fatal(err)
	}
	if s := <-got; s != "through the pipe" {
		t.Fatalf("read %q from the pipe", s)
	}
	if info, err := os.Lstat(fifo); err != nil || info.Mode()&os.ModeNamedPipe == 0 {
		t.Fatalf("the pipe was replaced: %v %v", info.Mode(), err)
	}
	if l := leftovers(t, dir, "pipe"); len(l) > 0 {
		t.Fatalf("left behind: %v", l)
	}
}

// A symbolic link is followed: the file it names is overwritten (with
// force) and the link stays a link.
func TestWriteFileFollowsLink(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "real.md")
	link := filepath.Join(dir, "link.md")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("no symbolic links here: %v", err)
	}
	if err := WriteFile(link, false, writeString("new")); !errors.Is(err, ErrExists) {
		t.Fatalf("without force: %v, want ErrExists", err)
	}
	if err := WriteFile(link, true, writeString("new")); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(target); string(b) != "new" {
		t.Fatalf("target holds %q", b)
	}
	if info, err := os.Lstat(link); err != nil || info.Mode()&os.ModeSymlink == 0 {
		t.Fatalf("the link was replaced: %v %v", info.Mode(), err)
	}
}

// The temporary file of a killed export is removed by the next write of
// the same file, once it is too old to be another run's write in progress.
func TestWriteFileRemovesStaleTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	old := filepath.Join(dir, ".out.json.123.tmp")
	young := filepath.Join(dir, ".out.json.456.tmp")
	for _, p := range []string{old, young} {
		if err := os.WriteFile(p, []byte("half an export"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	past := time.Now().Add(-time.Hour)
	if err := os.Chtimes(old, past, past); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(filepath.Join(dir, "out.json"), false, writeString("{}")); err != nil {
		t.Fatal(err)
	}
	if l := leftovers(t, dir, "out.json", ".out.json.456.tmp"); len(l) > 0 {
		t.Errorf("left behind: %v", l)
	}
	if _, err := os.Stat(young); err != nil {
		t.Errorf("a recent temporary file was removed: %v", err)
	}
}
