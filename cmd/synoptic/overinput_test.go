package main

import (
	"os"
	"path/filepath"
	"testing"
)

// An export never takes the place of a file the story was read from, even
// with --force: `-o a.md --force a.md b.md` replaced the article a.md with
// the export of itself, and the article was gone. The story's review file
// is kept the same way. The run stops with one line naming the file.
func TestExportKeepsItsInputs(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, map[string]string{
		"a.txt": "Mill to close in April\nThe old Baxter mill will close by the first of April, the council said on Monday.\n",
		"b.txt": "Baxter mill shuts\nThe council said on Monday that the Baxter mill would close by April 1.\n",
	})
	review := `{"version": 1, "threshold": 0.5}`
	if err := os.WriteFile(filepath.Join(dir, "a.synoptic.json"), []byte(review), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, target := range []string{"b.txt", "./a.txt", "a.synoptic.json"} {
		before, err := os.ReadFile(filepath.Join(dir, target))
		if err != nil {
			t.Fatal(err)
		}
		r := runBin(t, dir, "export", "--format", "txt", "--force", "-o", target, "a.txt", "b.txt")
		oneLineError(t, r, target, "this story")
		after, err := os.ReadFile(filepath.Join(dir, target))
		if err != nil {
			t.Fatal(err)
		}
		if string(after) != string(before) {
			t.Errorf("-o %s --force: the story's own file was overwritten", target)
		}
	}
	// Any other existing file is still replaced with --force.
	if err := os.WriteFile(filepath.Join(dir, "old.txt"), []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	if r := runBin(t, dir, "export", "--format", "txt", "--force", "-o", "old.txt", "a.txt", "b.txt"); r.code != 0 {
		t.Errorf("-o old.txt --force: exit %d: %s", r.code, r.stderr)
	}
}
