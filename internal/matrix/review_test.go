package matrix

import (
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// The matrix is built from the story's events, so an editor's pin and
// split change its rows and totals with nothing else to do.
func TestMatrixFollowsTheEditedAlignment(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	arts := make([][]segment.Block, len(st.Articles))
	for a := range arts {
		arts[a] = st.Articles[a].Blocks
	}
	onlyL, onlyR, shared := -1, -1, -1
	body := func(a int, bs []int) bool { return len(bs) > 0 && arts[a][bs[0]].Kind == segment.Paragraph }
	for k, e := range st.Events {
		if !body(0, e.Blocks[0]) && !body(1, e.Blocks[1]) {
			continue
		}
		switch {
		case e.Kind == story.Shared && shared < 0 && body(0, e.Blocks[0]):
			shared = k
		case e.Kind == story.Single && len(e.Blocks[0]) > 0 && onlyL < 0:
			onlyL = k
		case e.Kind == story.Single && len(e.Blocks[1]) > 0 && onlyR < 0:
			onlyR = k
		}
	}
	if onlyL < 0 || onlyR < 0 || shared < 0 {
		t.Fatal("seed story lacks shared or one-sided events")
	}
	before := Build(st)
	rev := &review.Review{}
	l, r := st.Events[onlyL].Blocks[0][0], st.Events[onlyR].Blocks[1][0]
	rev.Pin(review.MakeRef(arts, 0, l), review.MakeRef(arts, 1, r))
	sl, sr := st.Events[shared].Blocks[0][0], st.Events[shared].Blocks[1][0]
	rev.Split(review.MakeRef(arts, 0, sl), review.MakeRef(arts, 1, sr))
	ed := st.Realign(st.Threshold(), rev)
	after := Build(ed)

	rowOf := func(m *Matrix, s *story.Story, a, i int) Row {
		for _, row := range m.Rows {
			for _, x := range s.Events[row.Event].Blocks[a] {
				if x == i {
					return row
				}
			}
		}
		t.Fatalf("block %d of article %d is in no row", i, a)
		return Row{}
	}
	if row := rowOf(before, st, 0, l); row.Cells[0] != Only || row.Cells[1] != Absent {
		t.Fatalf("before the pin: cells %v", row.Cells)
	}
	row := rowOf(after, ed, 0, l)
	if row.Cells[0] == Only || row.Cells[0] == Absent || row.Cells[1] == Only || row.Cells[1] == Absent {
		t.Errorf("pinned blocks: cells %v, want both outlets reporting", row.Cells)
	}
	if rowOf(after, ed, 1, r).Event != row.Event {
		t.Error("pinned blocks are in two rows")
	}
	if row := rowOf(after, ed, 0, sl); row.Cells[0] != Only || row.Cells[1] != Absent {
		t.Errorf("split block: cells %v, want only the left outlet", row.Cells)
	}
}
