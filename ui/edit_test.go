package ui

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"regexp"
	"slices"
	"strings"
	"testing"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/muesli/termenv"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/story"
)

// editModel is a reader of the seed story whose edits go to a review file
// in a temporary folder.
func editModel(t *testing.T, w, h int) (*Model, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "seed.synoptic.json")
	st := story.Build(corpus.Default(), story.DefaultOptions())
	m := New(st, Options{Renderer: pinned(termenv.ANSI256), ReviewPath: path})
	m.Update(tea.WindowSizeMsg{Width: w, Height: h})
	return m, path
}

func loadReview(t *testing.T, path string) *review.Review {
	t.Helper()
	if _, err := os.Stat(path); err != nil {
		t.Fatalf("review file not written: %v", err)
	}
	r, err := review.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

// holds says whether event k of m's story holds block i of article a.
func holds(m *Model, k, a, i int) bool {
	if k < 0 || k >= len(m.st.Events) {
		return false
	}
	for _, x := range m.st.Events[k].Blocks[a] {
		if x == i {
			return true
		}
	}
	return false
}

func statusLine(m *Model) string {
	lines := strings.Split(plain(m.View()), "\n")
	return lines[len(lines)-2]
}

func TestThresholdKeysRealignInPlace(t *testing.T) {
	m, path := editModel(t, 160, 45)
	m.body.goTo(absoluteEvent(t, m.st))
	m.fit()
	blk := m.st.Events[m.body.cur].Blocks[0][0]
	if !strings.Contains(statusLine(m), "threshold 0.49") {
		t.Fatalf("status bar lacks the threshold: %q", statusLine(m))
	}
	before := len(m.st.Events)
	press(m, "+")
	if got := m.st.Threshold(); got != 0.54 {
		t.Fatalf("+: threshold %v, want 0.54", got)
	}
	if !strings.Contains(statusLine(m), "threshold 0.54") || !strings.Contains(m.status, "saved") {
		t.Errorf("+: status bar %q", statusLine(m))
	}
	if !holds(m, m.body.cur, 0, blk) {
		t.Errorf("+: the current event %d no longer holds left block %d", m.body.cur+1, blk)
	}
	// The current event's rule is still the first body line.
	body := strings.Split(plain(m.View()), "\n")[len(m.drawn.header)+len(m.drawn.summary)]
	if !strings.HasPrefix(strings.TrimSpace(body), itoa(m.body.cur+1)+" ▸") {
		t.Errorf("+: first body line %q is not the current event's rule", body)
	}
	if r := loadReview(t, path); r.Threshold == nil || *r.Threshold != 0.54 {
		t.Errorf("+: review file threshold %v", r.Threshold)
	}
	// Up to the top: events only split.
	for i := 0; i < 12; i++ {
		press(m, "+")
	}
	if m.st.Threshold() != 1 || len(m.st.Events) < before || !strings.Contains(m.status, "already 1.00") {
		t.Errorf("+ to the top: threshold %v, %d events (was %d), status %q", m.st.Threshold(), len(m.st.Events), before, m.status)
	}
	if !holds(m, m.body.cur, 0, blk) {
		t.Errorf("+ to the top: current event lost block %d", blk)
	}
	// Rows kept from the old layout are the rows a fresh layout makes.
	fresh := newBody(m.st, m.pal, 0, 1)
	fresh.SetSize(160, m.body.height)
	if len(m.st.Events) == before || !reflect.DeepEqual(fresh.rows, m.body.rows) {
		t.Errorf("+ to the top: %d events (was %d); the re-used layout differs from a fresh one", len(m.st.Events), before)
	}
	for i := 0; i < 11; i++ {
		press(m, "-")
	}
	// from the top, the steps land on the default again
	if got := m.st.Threshold(); got != 0.49 || !holds(m, m.body.cur, 0, blk) {
		t.Errorf("-: threshold %v, current event %d", got, m.body.cur)
	}
	press(m, "u")
	if got := m.st.Threshold(); got != 0.54 {
		t.Errorf("u: threshold %v, want 0.54", got)
	}
	for i := 0; i < 50 && !strings.Contains(m.status, "nothing to undo"); i++ {
		press(m, "u")
	}
	if got := m.st.Threshold(); got != 0.49 || !holds(m, m.body.cur, 0, blk) {
		t.Errorf("u back to the start: threshold %v", got)
	}
	checkFits(t, m.View(), 160, 45)
}

func TestSplitAndUndo(t *testing.T) {
	m, path := editModel(t, 160, 45)
	k := absoluteEvent(t, m.st)
	m.body.goTo(k)
	l, r := m.st.Events[k].Blocks[0][0], m.st.Events[k].Blocks[1][0]
	nblocks := len(m.st.Events[k].Blocks[0]) + len(m.st.Events[k].Blocks[1])
	press(m, "x")
	if !holds(m, m.body.cur, 0, l) || holds(m, m.body.cur, 1, r) {
		t.Fatalf("x: current event %d, blocks %v", m.body.cur+1, m.st.Events[m.body.cur].Blocks)
	}
	e := m.st.Events[m.body.cur]
	if e.Kind != story.Single || !e.Split {
		t.Errorf("x: event kind %s split %v", e.Kind, e.Split)
	}
	if !strings.Contains(m.status, "split event") || !strings.Contains(m.status, "saved to seed.synoptic.json") {
		t.Errorf("x: status %q", m.status)
	}
	if !strings.Contains(plain(m.View()), "only left · split") {
		t.Errorf("x: the rule does not say the event was split")
	}
	if rv := loadReview(t, path); len(rv.Splits) != nblocks {
		t.Errorf("x: review file splits %+v", rv.Splits)
	}
	// Splits survive threshold changes.
	press(m, "-", "-", "-")
	if holds(m, m.body.cur, 1, r) {
		t.Error("the split event joined again at a lower threshold")
	}
	press(m, "u", "u", "u", "u")
	if !holds(m, m.body.cur, 0, l) || !holds(m, m.body.cur, 1, r) {
		t.Errorf("u: the split is not undone: %v", m.st.Events[m.body.cur].Blocks)
	}
	if rv := loadReview(t, path); len(rv.Splits) != 0 {
		t.Errorf("u: review file still splits %+v", rv.Splits)
	}
	press(m, "u")
	if !strings.Contains(m.status, "nothing to undo") {
		t.Errorf("u with nothing left: status %q", m.status)
	}
}

func TestJoinTwoSteps(t *testing.T) {
	m, path := editModel(t, 160, 45)
	onlyL, onlyR := oneSidedAfter(m.st, 0, -1), oneSidedAfter(m.st, 1, -1)
	if onlyL < 0 || onlyR < 0 {
		t.Fatal("the seed story lacks a left-only or a right-only event")
	}
	l, r := m.st.Events[onlyL].Blocks[0][0], m.st.Events[onlyR].Blocks[1][0]
	// esc cancels a pending join.
	m.body.goTo(onlyL)
	press(m, "a")
	if !m.ed.marked || !strings.Contains(plain(m.View()), "join: translated report's block of event") {
		t.Fatalf("a: no pending join shown:\n%s", plain(m.View()))
	}
	press(m, "esc")
	if m.ed.marked || !strings.Contains(m.status, "cancelled") {
		t.Fatalf("esc: join still pending, status %q", m.status)
	}
	// a on an event with no right block waits for one that has.
	press(m, "a")
	m.body.goTo(onlyL)
	press(m, "a")
	if !m.ed.marked || !strings.Contains(m.status, "no block in Washington Examiner") {
		t.Fatalf("a on a left-only event: marked %v status %q", m.ed.marked, m.status)
	}
	m.body.goTo(onlyR)
	press(m, "a")
	if m.ed.marked {
		t.Fatal("second a: join still pending")
	}
	k := m.body.cur
	if !holds(m, k, 0, l) || !holds(m, k, 1, r) {
		t.Fatalf("a … a: current event %d holds %v, want left %d and right %d", k+1, m.st.Events[k].Blocks, l, r)
	}
	if e := m.st.Events[k]; e.Kind != story.Shared || e.Score != 1 || !e.Pinned {
		t.Errorf("joined event: kind %s score %v pinned %v", e.Kind, e.Score, e.Pinned)
	}
	if !strings.Contains(m.status, "joined events") || !strings.Contains(m.status, "saved") {
		t.Errorf("status %q", m.status)
	}
	if rv := loadReview(t, path); len(rv.Pins) != 1 || rv.Pins[0].A.Block != l || rv.Pins[0].B.Block != r {
		t.Errorf("review file pins %+v", rv.Pins)
	}
	// The pin survives a threshold the aligner would never pair them at.
	press(m, "+", "+", "+", "+", "+", "+", "+", "+", "+", "+", "+")
	if !holds(m, m.body.cur, 0, l) || !holds(m, m.body.cur, 1, r) {
		t.Errorf("threshold %.2f: the pinned blocks are apart", m.st.Threshold())
	}
	// x on the joined event unpins it.
	press(m, "x")
	if holds(m, m.body.cur, 1, r) {
		t.Error("x on a pinned event left it joined")
	}
	if rv := loadReview(t, path); len(rv.Pins) != 0 {
		t.Errorf("x: review file still pins %+v", rv.Pins)
	}
}

func TestNoteKey(t *testing.T) {
	m, path := editModel(t, 160, 45)
	k := absoluteEvent(t, m.st)
	m.body.goTo(k)
	press(m, "o")
	if m.mode != modeNote {
		t.Fatal("o: no note prompt")
	}
	typeText(m, "Check the quote against KCNA")
	press(m, "enter")
	if m.mode != modeRead || m.st.Events[m.body.cur].Note != "Check the quote against KCNA" {
		t.Fatalf("enter: mode %v note %q", m.mode, m.st.Events[m.body.cur].Note)
	}
	lines := strings.Split(plain(m.View()), "\n")
	rule := len(m.drawn.header) + len(m.drawn.summary)
	if !strings.HasPrefix(strings.TrimSpace(lines[rule]), itoa(m.body.cur+1)+" ▸") || strings.TrimSpace(lines[rule+1]) != "note: Check the quote against KCNA" {
		t.Errorf("the note is not under the event's rule:\n%s\n%s", lines[rule], lines[rule+1])
	}
	if !strings.Contains(m.status, "noted event") {
		t.Errorf("status %q", m.status)
	}
	if rv := loadReview(t, path); len(rv.Notes) != 1 || rv.Notes[0].Text != "Check the quote against KCNA" {
		t.Errorf("review file notes %+v", rv.Notes)
	}
	// Editing replaces the note; esc leaves it; an empty note removes it.
	press(m, "o")
	if m.ed.note.Value() != "Check the quote against KCNA" {
		t.Errorf("o: prompt prefilled with %q", m.ed.note.Value())
	}
	typeText(m, " again")
	press(m, "esc")
	if m.st.Events[m.body.cur].Note != "Check the quote against KCNA" {
		t.Errorf("esc changed the note")
	}
	press(m, "o")
	for range "Check the quote against KCNA" {
		press(m, "backspace")
	}
	press(m, "enter")
	if m.st.Events[m.body.cur].Note != "" || strings.Contains(plain(m.View()), "note: ") {
		t.Errorf("empty note not removed")
	}
	if rv := loadReview(t, path); len(rv.Notes) != 0 {
		t.Errorf("review file notes %+v", rv.Notes)
	}
}

// Without a review file the edits apply and the status bar says they are
// not saved.
func TestEditsWithoutReviewFile(t *testing.T) {
	m := newModel(t, story.Build(corpus.Default(), story.DefaultOptions()), 120, 40)
	m.body.goTo(absoluteEvent(t, m.st))
	press(m, "x")
	if !strings.Contains(m.status, "not saved") {
		t.Errorf("status %q", m.status)
	}
}

// The ANSI export, the reader's own view, shows notes and edit marks too.
func TestANSIShowsNotes(t *testing.T) {
	st := fixture()
	st.Events[1].Note = "Ask the council"
	st.Events[1].Pinned = true
	var b strings.Builder
	opt := export.DefaultOptions()
	if err := WriteANSI(&b, st, opt); err != nil {
		t.Fatal(err)
	}
	out := plain(b.String())
	lines := strings.Split(out, "\n")
	i := slices.IndexFunc(lines, func(ln string) bool { return strings.Contains(ln, "shared · changed · pinned") })
	if i < 0 || i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "note: Ask the council" {
		t.Errorf("no note under the pinned event:\n%s", out)
	}
}

// A review the command could not read is said in the status bar at the
// start, and edits say why they are not saved.
func TestReviewWarningInStatusBar(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	m := New(st, Options{Renderer: pinned(termenv.ANSI256), Warning: "review x.synoptic.json is not valid (ignored): unexpected end of JSON input",
		ReviewUnsaved: "x.synoptic.json could not be read; fix or move it to save edits"})
	m.Update(tea.WindowSizeMsg{Width: 200, Height: 40})
	if s := statusLine(m); !strings.Contains(s, "x.synoptic.json is not valid") {
		t.Errorf("status bar %q", s)
	}
	m.body.goTo(absoluteEvent(t, m.st))
	press(m, "x")
	if !strings.Contains(m.status, "not saved: x.synoptic.json could not be read") {
		t.Errorf("status %q", m.status)
	}
}

// The editor's keys on odd stories (none, one article, hand-built, three
// articles) and tiny screens neither panic nor overflow the screen.
func TestEditKeysOnOddStories(t *testing.T) {
	one := makeStory("one", []string{"Solo", "Only one", "A single paragraph.", "And another one."})
	stories := map[string]*story.Story{
		"empty":   {Version: story.Version, Articles: []story.Article{{Outlet: "A"}, {Outlet: "B"}}},
		"one":     one,
		"fixture": fixture(),
		"harbour": harbour(),
	}
	keys := []string{"+", "-", "-", "x", "a", "n", "a", "o", "h", "i", "enter", "x", "u", "a", "esc", "s", "a", "s", "a", "A", "esc", "u", "u", "o", "esc", "=", "u"}
	for name, st := range stories {
		for _, sz := range [][2]int{{160, 45}, {80, 24}, {20, 6}, {1, 1}} {
			m := newModel(t, st, sz[0], sz[1])
			for _, k := range keys {
				press(m, k)
				checkFits(t, m.View(), sz[0], sz[1])
			}
			if m.mode != modeRead {
				t.Errorf("%s %dx%d: mode %v after the keys", name, sz[0], sz[1], m.mode)
			}
		}
	}
}

// The threshold keys say how many events the story has now and had, counted
// as the title line counts them (the pair's events, without page furniture).
func TestThresholdMessageCountsAsTheTitle(t *testing.T) {
	m, _ := editModel(t, 160, 45)
	pair := func() int {
		s, l, r := counts(m.st, m.body.l, m.body.r)
		return s + l + r
	}
	before := pair()
	press(m, "+")
	want := fmt.Sprintf("%d events (was %d)", pair(), before)
	if !strings.Contains(m.status, want) {
		t.Errorf("status %q, want it to say %q", m.status, want)
	}
	if title := strings.Split(plain(m.View()), "\n")[0]; !strings.Contains(title, fmt.Sprintf("%d events", pair())) {
		t.Errorf("title %q disagrees with %q", title, want)
	}
}

// u says which edit it took back, not just that one went.
func TestUndoSaysWhatItUndid(t *testing.T) {
	m, _ := editModel(t, 160, 45)
	press(m, "+")
	press(m, "o")
	typeText(m, "Check the date")
	press(m, "enter")
	n := m.body.cur + 1
	press(m, "u")
	if want := fmt.Sprintf("undone: noted event %d", n); !strings.HasPrefix(m.status, want) {
		t.Errorf("u after a note: status %q, want it to open %q", m.status, want)
	}
	press(m, "u")
	if want := "undone: threshold 0.54"; !strings.HasPrefix(m.status, want) {
		t.Errorf("u after +: status %q, want it to open %q", m.status, want)
	}
	press(m, "u")
	if m.status != "nothing to undo" {
		t.Errorf("u with nothing left: status %q", m.status)
	}
}

// A warning from loading an article (a field not shown, bytes replaced)
// goes to stderr before the reader opens, where the reader's screen hides
// it; the status bar repeats it.
func TestLoadWarningInStatusBar(t *testing.T) {
	cs := corpus.Default()
	cs.Articles[1].Path = "/tmp/stories/both.json"
	cs.Articles[1].Warnings = []string{`field "text" differs from "paragraphs", which is the one read; "text" is not shown`, "2 invalid UTF-8 byte sequence(s) replaced with U+FFFD"}
	m := newModel(t, story.Build(cs, story.DefaultOptions()), 200, 45)
	want := `both.json: field "text" differs from "paragraphs", which is the one read; "text" is not shown (and 1 more warning)`
	if !strings.Contains(m.status, want) || !strings.Contains(statusLine(m), "both.json: field") {
		t.Errorf("status %q, want it to hold %q", m.status, want)
	}
}

// The threshold's steps pass through the default from either end, so that
// + after - down to 0 comes back to it.
func TestThresholdStepsLandOnTheDefault(t *testing.T) {
	th := 0.49
	var down []float64
	for i := 0; i < 12; i++ {
		th = thresholdAfter(th, -1, 0.49)
		down = append(down, th)
	}
	if down[8] != 0.04 || down[9] != 0 || down[11] != 0 {
		t.Errorf("down from 0.49: %v", down)
	}
	for i := 0; i < 10; i++ {
		th = thresholdAfter(th, +1, 0.49)
	}
	if th != 0.49 {
		t.Errorf("ten steps up from 0: %v, want 0.49", th)
	}
	if got := thresholdAfter(1, -1, 0.49); got != 0.99 {
		t.Errorf("down from 1: %v", got)
	}
	if got := thresholdAfter(0.5, +1, 0.49); got != 0.54 {
		t.Errorf("up from 0.50 (a review's own value): %v", got)
	}
}

// The threshold keys say how many events the change joined and split.
func TestThresholdMessageSaysJoinedAndSplit(t *testing.T) {
	m, _ := editModel(t, 160, 45)
	for i := 0; i < 10; i++ {
		press(m, "-")
	}
	if !regexp.MustCompile(`threshold 0\.00: \d+ events \(was \d+\) · \d+ events? joined, \d+ split`).MatchString(m.status) {
		t.Errorf("status %q", m.status)
	}
	old := m.st
	press(m, "+")
	joined, split := regrouped(old, m.st, m.body.l, m.body.r)
	if joined != 0 || !strings.Contains(m.status, fmt.Sprintf("joined, %d split", split)) {
		t.Errorf("+ from 0.00: %d joined, %d split; status %q", joined, split, m.status)
	}
}

// TestJoinKeepsTheJoinedEventInView: the second a is pressed on the event
// at the top of the screen; the joined event takes its place there, rule
// first, however far up the screen the first a was pressed.
func TestJoinKeepsTheJoinedEventInView(t *testing.T) {
	m, _ := editModel(t, 160, 24)
	onlyL := oneSidedAfter(m.st, 0, -1)
	onlyR := oneSidedAfter(m.st, 1, onlyL)
	if onlyL < 0 || onlyR < 0 {
		t.Fatal("the seed story has no right-only event after a left-only one")
	}
	m.body.goTo(onlyL)
	press(m, "a")
	m.body.goTo(onlyR)
	if m.body.offset != m.body.start[onlyR] {
		t.Fatalf("event %d is not at the top before the join", onlyR+1)
	}
	press(m, "a")
	if s := m.body.start[m.body.cur]; m.body.offset != s {
		t.Errorf("joined event %d starts at row %d, the screen at row %d: its rule is out of view", m.body.cur+1, s, m.body.offset)
	}
}

// oneSidedAfter returns the first event after event after that only
// article a tells (-1 for none).
func oneSidedAfter(st *story.Story, a, after int) int {
	for k := after + 1; k < len(st.Events); k++ {
		if e := st.Events[k]; e.Kind == story.Single && len(e.Blocks[a]) > 0 {
			return k
		}
	}
	return -1
}
