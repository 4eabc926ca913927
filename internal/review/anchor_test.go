package review

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// story2 is arts with a paragraph inserted before the second block of the
// first article.
func insertBlock(arts [][]segment.Block, a, at int, text string) [][]segment.Block {
	out := make([][]segment.Block, len(arts))
	copy(out, arts)
	out[a] = append(append(append([]segment.Block(nil), arts[a][:at]...), para(text)), arts[a][at:]...)
	return out
}

func TestNoteFollowsItsParagraph(t *testing.T) {
	r := &Review{}
	r.SetNote(MakeRef(arts, 0, 1), "check the mayor's words")
	r.Pin(MakeRef(arts, 0, 2), MakeRef(arts, 1, 1))
	r.Split(MakeRef(arts, 1, 2))
	moved := insertBlock(arts, 0, 0, "A new opening paragraph.")
	if got := r.NoteFor([][]int{{1}, {}}, moved); got != "" {
		t.Errorf("before anchoring, the note is on the new block 1: %q", got)
	}
	n, orphans := r.Anchor(moved, nil)
	if len(orphans) > 0 || n != 2 {
		t.Fatalf("moved %d, orphans %v; want 2 moved (note, pin), none orphaned", n, orphans)
	}
	if got := r.NoteFor([][]int{{2}, {}}, moved); got != "check the mayor's words" {
		t.Errorf("the note did not follow its paragraph to block 2: %q", got)
	}
	if p := r.Pins[0]; p.A.Block != 3 || p.B.Block != 1 {
		t.Errorf("pin = %+v, want article 0 block 3 with article 1 block 1", p)
	}
	if s := r.Splits[0]; s.Article != 1 || s.Block != 2 {
		t.Errorf("split moved although its article did not change: %+v", s)
	}
}

// A file added to a story folder renumbers the articles after it: entries
// follow their text to the article that holds it now.
func TestEntriesFollowTheirArticle(t *testing.T) {
	r := &Review{}
	r.SetNote(MakeRef(arts, 0, 1), "the engineer's note")
	r.Pin(MakeRef(arts, 0, 2), MakeRef(arts, 1, 1))
	added := append([][]segment.Block{{para("An unrelated article."), para("With a second paragraph."), para("And a third one here.")}}, arts...)
	_, orphans := r.Anchor(added, nil)
	if len(orphans) > 0 {
		t.Fatalf("orphans %v", orphans)
	}
	if got := r.NoteFor([][]int{{}, {1}, {}}, added); got != "the engineer's note" {
		t.Errorf("note not on article 1 block 1 after a file was added before it: %+v", r.Notes)
	}
	if got := r.NoteFor([][]int{{1}, {}, {}}, added); got != "" {
		t.Errorf("note landed on the added article: %q", got)
	}
	if p := r.Pins[0]; p.A != MakeRef(added, 1, 2) || p.B != MakeRef(added, 2, 1) {
		t.Errorf("pin = %+v", p)
	}
	// The folder reordered: the two articles swap places.
	swapped := [][]segment.Block{arts[1], arts[0]}
	r.Anchor(swapped, nil)
	if got := r.NoteFor([][]int{{}, {1}}, swapped); got != "the engineer's note" {
		t.Errorf("note lost when the articles swapped: %+v", r.Notes)
	}
}

// An entry whose text is nowhere, or in two articles, is an orphan: kept,
// reported, and applied to no block.
func TestOrphansAreKeptAndReported(t *testing.T) {
	path := filepath.Join(t.TempDir(), "s.synoptic.json")
	r := &Review{}
	r.SetNote(MakeRef(arts, 0, 1), "on a paragraph that goes away")
	r.SetNote(Ref{Article: 1000000000, Block: 3}, "far away")
	r.SetNote(Ref{Article: -3, Block: 0}, "before the first")
	shared := para("A wire paragraph both outlets ran word for word.")
	r.Split(Ref{Article: 5, Block: 0, Snippet: snippet(shared.Text)})
	changed := [][]segment.Block{
		{arts[0][0], para("The mayor was not quoted after all."), arts[0][2], shared},
		{arts[1][0], arts[1][1], shared},
	}
	_, orphans := r.Anchor(changed, nil)
	if len(orphans) != 4 {
		t.Fatalf("orphans = %q, want 4", orphans)
	}
	for _, want := range []string{"on a paragraph", "far away", "before the first", "2 articles"} {
		if !strings.Contains(strings.Join(orphans, "\n"), want) {
			t.Errorf("no orphan message says %q: %q", want, orphans)
		}
	}
	for b := range changed[0] {
		if got := r.NoteFor([][]int{{b}, {}}, changed); got != "" {
			t.Errorf("an orphaned note landed on block %d: %q", b, got)
		}
	}
	evs, warns := r.Apply(baseEvents(), changed, nil)
	if len(warns) != 4 || len(evs) != len(baseEvents()) {
		t.Errorf("apply: %d warnings, %d events", len(warns), len(evs))
	}
	// Editing near an orphan does not remove it: the new block 1 is not
	// the block the orphaned note was made for.
	r.SetNoteOn([][]int{{1}, {}}, changed, MakeRef(changed, 0, 1), "on the new text")
	before := len(r.Notes)
	if before != 4 {
		t.Errorf("notes = %+v, want the three orphans and the new one", r.Notes)
	}
	if _, err := r.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := Load(path)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(back.Notes, r.Notes) || !reflect.DeepEqual(back.Splits, r.Splits) {
		t.Errorf("orphans lost on the way through the file:\n got %+v\nwant %+v", back, r)
	}
	// Once the text is back, the orphan applies again.
	if _, orphans := back.Anchor(arts, nil); len(orphans) != 4 {
		t.Errorf("with the old text back: orphans %q, want the 3 that name nothing and the note on the text now gone", orphans)
	}
	if got := back.NoteFor([][]int{{1}, {}}, arts); got != "on a paragraph that goes away" {
		t.Errorf("the orphan did not come back with its text: %q", got)
	}
}

func TestSnippetReadsOnlyItsOpening(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"  two\n\twords  ", "two words"},
		{strings.Repeat("ab ", 30), strings.TrimSpace(strings.Repeat("ab ", 13)) + " a"},
		{"", ""},
		{"é" + strings.Repeat("x", 50), "é" + strings.Repeat("x", 39)},
	} {
		if got := snippet(c.in); got != c.want {
			t.Errorf("snippet(%q) = %q, want %q", c.in, got, c.want)
		}
		if got, old := snippet(c.in), oldSnippet(c.in); got != old {
			t.Errorf("snippet(%q) = %q, the file format's %q", c.in, got, old)
		}
	}
}

// oldSnippet is the snippet as the file format defines it, to check that
// the faster one makes the same.
func oldSnippet(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if r := []rune(s); len(r) > 40 {
		s = string(r[:40])
	}
	return s
}

// Revisions of one report share most paragraphs word for word: an entry
// finds its article by the file's name, so a file added before them, or
// the folder reordered, does not leave it guessing between the revisions.
func TestEntriesFindTheirRevisionByName(t *testing.T) {
	v1 := []segment.Block{para("Bridge to close."), para("The bridge will close for six weeks."), para("Ferries will run.")}
	v2 := []segment.Block{para("Bridge to close for repairs."), para("The bridge will close for six weeks."), para("Ferries will run."), para("Buses too.")}
	story := [][]segment.Block{v1, v2}
	names := []string{"v1.txt", "v2.txt"}
	r := &Review{}
	r.SetNote(MakeRef(story, 1, 1), "on the second revision")
	r.Anchor(story, names) // names the entry's article
	if r.Notes[0].Ref.Source != "v2.txt" {
		t.Fatalf("note not named by its file: %+v", r.Notes[0].Ref)
	}
	other := []segment.Block{para("Roundup."), para("Elsewhere today."), para("Weather.")}
	added := [][]segment.Block{other, v1, v2}
	if _, orphans := r.Anchor(added, []string{"a-zero.txt", "v1.txt", "v2.txt"}); len(orphans) > 0 {
		t.Fatalf("orphans %q", orphans)
	}
	if ref := r.Notes[0].Ref; ref.Article != 2 || ref.Block != 1 {
		t.Errorf("note at %+v, want article 2 (v2.txt) block 1", ref)
	}
	// Reordered: v2 first.
	if _, orphans := r.Anchor([][]segment.Block{v2, v1}, []string{"v2.txt", "v1.txt"}); len(orphans) > 0 || r.Notes[0].Ref.Article != 0 {
		t.Errorf("after reordering: %+v %q", r.Notes[0].Ref, orphans)
	}
	// The second revision loses the paragraph: the note is an orphan, not
	// moved to the first revision that still has it.
	v2b := []segment.Block{para("Bridge to close for repairs."), para("Ferries will run."), para("Buses too.")}
	if _, orphans := r.Anchor([][]segment.Block{v1, v2b}, []string{"v1.txt", "v2.txt"}); len(orphans) != 1 || !strings.Contains(orphans[0], "v2.txt") {
		t.Errorf("orphans %q, want the note's, naming v2.txt", orphans)
	}
	if got := r.NoteFor([][]int{{1}, {}}, [][]segment.Block{v1, v2b}); got != "" {
		t.Errorf("the orphan shows on the first revision: %q", got)
	}
	// Its file gone, an entry whose text is in two articles stays orphaned
	// too, even though the block it names by number holds that text.
	if _, orphans := r.Anchor([][]segment.Block{v1, v1}, []string{"v1.txt", "v1-copy.txt"}); len(orphans) != 1 {
		t.Errorf("orphans %q", orphans)
	}
}

func TestNames(t *testing.T) {
	got := Names([]string{"/x/a.txt", "s.json", "s.json", "", "b.md"})
	want := []string{"a.txt", "", "", "", "b.md"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("Names = %q, want %q", got, want)
	}
}
