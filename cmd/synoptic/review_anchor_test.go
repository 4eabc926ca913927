package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/review"
)

// A note made on a story folder stays on its paragraph when a file that
// sorts first is added to the folder and a paragraph is inserted before
// it; once its paragraph is gone it is reported on stderr and kept in the
// file.
func TestNoteFollowsItsTextThroughTheFolder(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "bridge")
	if err := os.Mkdir(story, 0o755); err != nil {
		t.Fatal(err)
	}
	bridgeArticles(t, story)
	doc, _ := exportJSON(t, dir, "bridge")
	arts := doc.blocks()
	shops := -1
	for i, b := range arts[0] {
		if strings.HasPrefix(b.Text, "Local shop owners") {
			shops = i
		}
	}
	if shops < 0 {
		t.Fatalf("no shop owners' paragraph in %+v", arts[0])
	}
	rev := &review.Review{}
	rev.SetNote(review.MakeRef(arts, 0, shops), "Which shops?")
	revPath := filepath.Join(story, "bridge.synoptic.json")
	if _, err := rev.Save(revPath); err != nil {
		t.Fatal(err)
	}
	noteOn := func(d jsonStory) string {
		for _, e := range d.Events {
			if e.Note == "" {
				continue
			}
			for a, bs := range e.Blocks {
				for _, i := range bs {
					if strings.HasPrefix(d.Articles[a].Blocks[i].Text, "Local shop owners") {
						return e.Note
					}
				}
			}
			return "elsewhere: " + e.Note
		}
		return ""
	}
	writeArticles(t, story, map[string]string{
		"a-zero.txt": "Regional roundup\nThe harbour bridge story is one of many this week.\nAlso, a new library opens on Friday with a reading room for children.\nLocal weather: rain is expected for most of the week ahead.\n",
	})
	courier := filepath.Join(story, "courier.txt")
	b, _ := os.ReadFile(courier)
	lines := strings.SplitN(string(b), "\n", 2)
	if err := os.WriteFile(courier, []byte(lines[0]+"\nA paragraph inserted at the top of the report, before the others.\n"+lines[1]), 0o644); err != nil {
		t.Fatal(err)
	}
	moved, r := exportJSON(t, dir, "bridge")
	if got := noteOn(moved); got != "Which shops?" {
		t.Errorf("note after a file was added and a paragraph inserted: %q (stderr %q)", got, r.stderr)
	}
	if r.stderr != "" {
		t.Errorf("stderr: %q", r.stderr)
	}
	// The paragraph is rewritten: the note is an orphan, said and kept.
	b, _ = os.ReadFile(courier)
	if err := os.WriteFile(courier, []byte(strings.Replace(string(b), "Local shop owners", "Shopkeepers nearby", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	gone, r := exportJSON(t, dir, "bridge")
	if got := noteOn(gone); got != "" {
		t.Errorf("orphaned note shown: %q", got)
	}
	if !strings.Contains(r.stderr, "Which shops?") || !strings.Contains(r.stderr, "bridge.synoptic.json") {
		t.Errorf("stderr does not report the orphaned note: %q", r.stderr)
	}
	if back, err := review.Load(revPath); err != nil || len(back.Notes) != 1 {
		t.Errorf("review file lost its note: %+v %v", back, err)
	}
}

// An export never lands where a review is read from: not at the story's
// review path, not at any *.synoptic.json, even when no file is there yet.
func TestExportRefusesReviewPaths(t *testing.T) {
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	for _, args := range [][]string{
		{"-o", "courier.synoptic.json"},
		{"-o", "Other.Synoptic.JSON"},
		{"--review", "mine.json", "-o", "mine.json"},
	} {
		r := runBin(t, dir, append(append([]string{"export", "--format", "json"}, args...), paths...)...)
		if r.code == 0 || !strings.Contains(r.stderr, "review") {
			t.Errorf("%v: exit %d, stderr %q", args, r.code, r.stderr)
		}
		if _, err := os.Stat(filepath.Join(dir, args[len(args)-1])); err == nil {
			t.Errorf("%v: the file was written", args)
		}
	}
}
