package story

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

func blocksOf(st *Story) [][]segment.Block {
	out := make([][]segment.Block, len(st.Articles))
	for a := range st.Articles {
		out[a] = st.Articles[a].Blocks
	}
	return out
}

// eventAt is the index of the event holding block i of article a.
func eventAt(t *testing.T, st *Story, a, i int) int {
	t.Helper()
	for k, e := range st.Events {
		for _, x := range e.Blocks[a] {
			if x == i {
				return k
			}
		}
	}
	t.Fatalf("article %d block %d is in no event", a, i)
	return -1
}

// checkPartition fails unless every block is in exactly one event and every
// diff rebuilds both sides of its event.
func checkPartition(t *testing.T, st *Story) {
	t.Helper()
	seen := map[[2]int]int{}
	for k, e := range st.Events {
		if len(e.Blocks) != len(st.Articles) || len(e.Moved) != len(st.Articles) {
			t.Fatalf("event %d: %d block lists, %d moved flags for %d articles", k, len(e.Blocks), len(e.Moved), len(st.Articles))
		}
		for a, bs := range e.Blocks {
			for _, i := range bs {
				seen[[2]int{a, i}]++
			}
		}
		st.ensure(k)
		for _, d := range st.Events[k].Diffs {
			if worddiff.A(d.Ops) != st.SideText(d.From, e.Blocks[d.From]) || worddiff.B(d.Ops) != st.SideText(d.To, e.Blocks[d.To]) {
				t.Fatalf("event %d: diff %d→%d does not rebuild its sides", k, d.From, d.To)
			}
		}
	}
	n := 0
	for a := range st.Articles {
		n += len(st.Articles[a].Blocks)
		for i := range st.Articles[a].Blocks {
			if c := seen[[2]int{a, i}]; c != 1 {
				t.Fatalf("article %d block %d is in %d events", a, i, c)
			}
		}
	}
	if len(seen) != n {
		t.Fatalf("%d blocks placed, want %d", len(seen), n)
	}
}

func TestRealignReusesWhatDidNotChange(t *testing.T) {
	st := Build(corpus.Default(), DefaultOptions())
	if st.Threshold() != align.DefaultOptions().Threshold {
		t.Fatalf("threshold %v, want the default", st.Threshold())
	}
	same := st.Realign(st.Threshold(), nil)
	if !reflect.DeepEqual(same.Events, st.Events) {
		t.Fatal("realigning at the same threshold changed the events")
	}
	if s := same.DiffStats(); s.Pairs != 0 {
		t.Errorf("realigning at the same threshold diffed %d pairs again, want 0", s.Pairs)
	}
	// A higher threshold only ever splits events; the story stays whole.
	hi := st.Realign(0.95, nil)
	checkPartition(t, hi)
	if len(hi.Events) <= len(st.Events) {
		t.Errorf("threshold 0.95: %d events, want more than %d", len(hi.Events), len(st.Events))
	}
	if hi.Threshold() != 0.95 {
		t.Errorf("threshold %v, want 0.95", hi.Threshold())
	}
	// The original is untouched and still renders.
	if !reflect.DeepEqual(st.Events, same.Events) {
		t.Error("Realign changed the story it was called on")
	}
}

func TestPinsAndSplitsSurviveThresholdChanges(t *testing.T) {
	st := Build(corpus.Default(), DefaultOptions())
	arts := blocksOf(st)
	// A shared event to split, and two one-sided blocks to pin together.
	split, onlyL, onlyR := -1, -1, -1
	for k, e := range st.Events {
		switch {
		case split < 0 && e.Kind == Shared:
			split = k
		case onlyL < 0 && e.Kind == Single && len(e.Blocks[0]) > 0:
			onlyL = k
		case onlyR < 0 && e.Kind == Single && len(e.Blocks[1]) > 0:
			onlyR = k
		}
	}
	if split < 0 || onlyL < 0 || onlyR < 0 {
		t.Fatalf("seed story lacks a shared or one-sided event: %d %d %d", split, onlyL, onlyR)
	}
	sl, sr := st.Events[split].Blocks[0][0], st.Events[split].Blocks[1][0]
	pl, pr := st.Events[onlyL].Blocks[0][0], st.Events[onlyR].Blocks[1][0]

	rev := &review.Review{}
	rev.Split(review.MakeRef(arts, 0, sl), review.MakeRef(arts, 1, sr))
	rev.Pin(review.MakeRef(arts, 0, pl), review.MakeRef(arts, 1, pr))
	rev.SetNote(review.MakeRef(arts, 0, pl), "check with the wire copy")
	path := filepath.Join(t.TempDir(), "seed.synoptic.json")
	if _, err := rev.Save(path); err != nil {
		t.Fatal(err)
	}
	back, err := review.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, th := range []float64{0, 0.3, st.Threshold(), 0.8, 1} {
		ed := st.Realign(th, back)
		checkPartition(t, ed)
		if len(ed.ReviewWarnings()) > 0 {
			t.Fatalf("threshold %v: warnings %v", th, ed.ReviewWarnings())
		}
		k := eventAt(t, ed, 0, pl)
		if eventAt(t, ed, 1, pr) != k {
			t.Fatalf("threshold %v: the pinned blocks are apart", th)
		}
		e := ed.Events[k]
		if e.Kind != Shared || e.Score != 1 || !e.Pinned || e.Note != "check with the wire copy" {
			t.Errorf("threshold %v: pinned event kind %s score %v pinned %v note %q", th, e.Kind, e.Score, e.Pinned, e.Note)
		}
		// the score shown for the pair is the aligner's, which kept
		// the two blocks apart: a pin is not a certainty it gave
		if s := e.PairScore(0, 1); s >= st.Threshold() {
			t.Errorf("threshold %v: the pinned pair shows %.2f, at or over the threshold %.2f that kept its blocks apart", th, s, st.Threshold())
		}
		for _, ref := range [][2]int{{0, sl}, {1, sr}} {
			e := ed.Events[eventAt(t, ed, ref[0], ref[1])]
			if align.Event(align.Event{Blocks: e.Blocks}).Articles() != 1 || !e.Split {
				t.Errorf("threshold %v: split block %v is in %+v", th, ref, e.Blocks)
			}
		}
	}
	// Build with the review gives the same story as Realign.
	opt := DefaultOptions()
	opt.Review = back
	built := Build(corpus.Default(), opt)
	if !reflect.DeepEqual(built.Events, st.Realign(st.Threshold(), back).Events) {
		t.Error("Build with a review differs from Realign with it")
	}
	// The review's threshold wins over the options'.
	back.SetThreshold(0.9)
	if got := Build(corpus.Default(), opt).Threshold(); got != 0.9 {
		t.Errorf("review threshold 0.9: story aligned at %v", got)
	}
}

// An event's note, pin and split marks are in the JSON, and absent where
// there is none, so older readers of contract v1 see no change.
func TestReviewMarksInJSON(t *testing.T) {
	st := Build(corpus.Default(), DefaultOptions())
	arts := blocksOf(st)
	k0 := eventAt(t, st, 0, 0)
	rev := &review.Review{}
	rev.SetNote(review.MakeRef(arts, 0, 0), "a <note> \x1b[2J")
	ed := st.Realign(st.Threshold(), rev)
	checkSameJSON(t, "edited", ed)
	var b bytes.Buffer
	if err := ed.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Events []map[string]any `json:"events"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if got := doc.Events[k0]["note"]; got != "a <note> \x1b[2J" {
		t.Errorf("event %d note = %v", k0+1, got)
	}
	if bytes.Contains(b.Bytes(), []byte("\x1b")) {
		t.Error("a raw escape reached the JSON")
	}
	for k, e := range doc.Events {
		for _, f := range []string{"note", "pinned", "split"} {
			if _, ok := e[f]; ok && (k != k0 || f != "note") {
				t.Errorf("event %d has %q without an edit", k+1, f)
			}
		}
	}
}

// A review file is input: entries naming articles or blocks that do not
// exist, or text that changed, are skipped with a warning and kept, never
// a panic.
func TestHostileReviewIsSkipped(t *testing.T) {
	st := Build(corpus.Default(), DefaultOptions())
	var rev review.Review
	err := json.Unmarshal([]byte(`{"version":1,"threshold":7,
		"pins":[{"a":{"article":-1,"block":0},"b":{"article":0,"block":99999}},{"a":{"article":5,"block":-3},"b":{"article":1,"block":0,"snippet":"not this text"}}],
		"splits":[{"article":-2,"block":1},{"article":0,"block":-1},{"article":1,"block":1000000}],
		"notes":[{"at":{"article":-1,"block":-1},"text":"x"},{"at":{"article":9,"block":0},"text":"y"}]}`), &rev)
	if err != nil {
		t.Fatal(err)
	}
	ed := st.Realign(0.5, &rev)
	checkPartition(t, ed)
	if n := len(ed.ReviewWarnings()); n != 7 {
		t.Errorf("%d warnings, want 7 (2 pins, 3 splits, 2 notes): %v", n, ed.ReviewWarnings())
	}
	if len(rev.Pins) != 2 || len(rev.Splits) != 3 || len(rev.Notes) != 2 {
		t.Errorf("orphaned entries were dropped from the review: %+v", rev)
	}
	for k, e := range ed.Events {
		if e.Note != "" || e.Pinned || e.Split {
			t.Errorf("event %d took a bad entry: %+v", k, e)
		}
	}
	// An out-of-range threshold from the file is clamped.
	opt := DefaultOptions()
	opt.Review = &rev
	built := Build(corpus.Default(), opt)
	checkPartition(t, built)
	if built.Threshold() != 1 {
		t.Errorf("threshold 7 in the file: aligned at %v, want 1", built.Threshold())
	}
}

// FuzzReview applies any review file that parses to the seed story at any
// threshold: every block stays in exactly one event and nothing panics.
func FuzzReview(f *testing.F) {
	f.Add([]byte(`{"version":1,"threshold":0.6,"pins":[{"a":{"article":0,"block":2},"b":{"article":1,"block":10}}],"splits":[{"article":0,"block":6}],"notes":[{"at":{"article":0,"block":2},"text":"n"}]}`), 0.49)
	f.Add([]byte(`{"version":1,"pins":[{"a":{"article":0,"block":1},"b":{"article":0,"block":3}},{"a":{"article":1,"block":3},"b":{"article":0,"block":1}}],"splits":[{"article":1,"block":3}]}`), 0.9)
	f.Add([]byte(`{"version":1,"pins":[{"a":{"article":-1,"block":0},"b":{"article":0,"block":99}}]}`), -1.0)
	st := Build(corpus.Default(), DefaultOptions())
	f.Fuzz(func(t *testing.T, data []byte, th float64) {
		var rev review.Review
		if json.Unmarshal(data, &rev) != nil {
			return
		}
		if th != th || th < -1 || th > 2 {
			return // not a number a reader passes
		}
		checkPartition(t, st.Realign(th, &rev))
	})
}

// An export's story lets the aligner's scores go once grouped, and renders
// and realigns as a story that kept them.
func TestRenderOnceDropsScoresNotEvents(t *testing.T) {
	kept := Build(corpus.Default(), DefaultOptions())
	opt := DefaultOptions()
	opt.RenderOnce = true
	once := Build(corpus.Default(), opt)
	if once.scored != nil {
		t.Fatal("a RenderOnce build kept the aligner's scored pairs")
	}
	if kept.scored == nil {
		t.Fatal("a default build dropped the scored pairs Realign reuses")
	}
	var a, b bytes.Buffer
	if err := kept.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	if err := once.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Fatal("a RenderOnce build writes other JSON than a default build")
	}
	if !reflect.DeepEqual(once.Realign(0.95, nil).Events, kept.Realign(0.95, nil).Events) {
		t.Fatal("a RenderOnce build realigns to other events")
	}
}

// A block an editor splits off an event is not offered back as a possible
// match of the block it was split from: the aligner scored the pair high,
// and the editor has said no.
func TestSplitIsNoPossibleMatchOfItsFormerPartner(t *testing.T) {
	st := Build(corpus.Default(), DefaultOptions())
	arts := blocksOf(st)
	best, bl, br := -1.0, -1, -1
	for _, e := range st.Events {
		if e.Kind == Shared && len(e.Blocks[0]) == 1 && len(e.Blocks[1]) == 1 && e.Score > best {
			best, bl, br = e.Score, e.Blocks[0][0], e.Blocks[1][0]
		}
	}
	if bl < 0 {
		t.Fatal("the seed story has no one-to-one shared event")
	}
	linked := func(st *Story) bool {
		for _, l := range st.Links {
			if l.A == 0 && l.I == bl && l.B == 1 && l.J == br {
				return true
			}
		}
		return false
	}
	rev := &review.Review{}
	rev.Split(review.MakeRef(arts, 0, bl))
	ed := st.Realign(st.Threshold(), rev)
	if eventAt(t, ed, 0, bl) == eventAt(t, ed, 1, br) {
		t.Fatal("the split left the two blocks in one event")
	}
	if linked(ed) {
		t.Errorf("after the split, blocks %d and %d (%.2f) are offered as a possible match", bl, br, best)
	}
}
