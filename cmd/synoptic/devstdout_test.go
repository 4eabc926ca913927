package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// `-o /dev/stdout` writes to standard output also when that is a file
// (`synoptic export -o /dev/stdout > story.md`): it was taken for the
// file it leads to, which exists, and refused ("out.md: file exists").
func TestExportToDevStdoutRedirected(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "out.md")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(synopticBin(t), "export", "--format", "md", "-o", "/dev/stdout")
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = f, &errb
	runErr := cmd.Run()
	f.Close()
	if runErr != nil {
		t.Fatalf("export -o /dev/stdout > out.md: %v: %s", runErr, errb.String())
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "# north-korea-russia\n") {
		t.Errorf("out.md holds %.80q, want the Markdown export", b)
	}
}
