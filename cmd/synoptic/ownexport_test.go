package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/export"
)

// Exports written into the story's folder (where the reader's export prompt
// suggests) are not read back as articles the next time the folder opens:
// each is skipped with a line saying why, and the story keeps its articles.
func TestFolderSkipsOwnExports(t *testing.T) {
	dir := t.TempDir()
	src := filepath.Join("..", "..", "testdata", "stories", "kestrel-bridge")
	ents, err := os.ReadDir(src)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range ents {
		b, err := os.ReadFile(filepath.Join(src, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, e.Name()), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	var written []string
	for _, f := range export.Formats() {
		name := "out-" + f + "." + export.Ext(f)
		if r := runBin(t, dir, "export", "--format", f, "-o", name, "."); r.code != 0 {
			t.Fatalf("export %s: exit %d: %s", f, r.code, r.stderr)
		}
		written = append(written, name)
	}
	// on a narrow page the account of the story above the rule takes lines
	if r := runBin(t, dir, "export", "--format", "txt", "--width", "30", "-o", "out-narrow.txt", "."); r.code != 0 {
		t.Fatalf("export txt --width 30: exit %d: %s", r.code, r.stderr)
	}
	written = append(written, "out-narrow.txt")
	// the coloured view kept as text for a pager later
	if r := runBin(t, dir, "export", "--format", "ansi", "-o", "out-ansi.txt", "."); r.code != 0 {
		t.Fatalf("export ansi -o out-ansi.txt: exit %d: %s", r.code, r.stderr)
	}
	written = append(written, "out-ansi.txt")
	r := runBin(t, dir, "export", "--format", "json", "--checks=false", ".")
	if r.code != 0 {
		t.Fatalf("export after the exports: exit %d: %s", r.code, r.stderr)
	}
	var st struct {
		Articles []struct{ Path string } `json:"articles"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &st); err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != len(ents) {
		var paths []string
		for _, a := range st.Articles {
			paths = append(paths, a.Path)
		}
		t.Fatalf("%d articles, want the folder's %d: %v", len(st.Articles), len(ents), paths)
	}
	for _, name := range written {
		if strings.HasSuffix(name, ".ans") {
			continue // not an article extension: never read
		}
		if !strings.Contains(r.stderr, "skipped "+name+": an export of synoptic") {
			t.Errorf("stderr does not say %s was skipped:\n%s", name, r.stderr)
		}
	}
}
