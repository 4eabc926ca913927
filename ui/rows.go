package ui

import (
	"runtime"
	"strings"
	"sync"

	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
)

// The body's row layout: the geometry of its columns, the rows of each
// event (wrapped, not yet painted), their rule labels, and the counts the
// header gives.

// Geometry of the body. The gutter holds the event number, the cursor and
// the score on each event's rule; text lines are indented by it.
const (
	wideMin   = 100 // narrower terminals stack the two versions
	gap       = 3   // between the two columns
	wideInd   = 6   // text indent in the side-by-side layout
	narrowInd = 3   // text indent in the stacked layout
)

// maxWidth bounds the laid-out width: on a very wide terminal, columns of
// more than about a hundred characters are hard to read, so the view keeps
// to the left and leaves the rest blank.
const maxWidth = 220

// contentWidth is the width the header and body use on a terminal w wide.
func contentWidth(w int) int { return min(max(w, 1), maxWidth) }

// rowKind is what one body line is.
type rowKind uint8

const (
	rowRule  rowKind = iota // an event's rule with number, score and kind
	rowPair                 // a line of both columns
	rowLeft                 // a stacked line of the left article
	rowRight                // a stacked line of the right article
	rowBlank
	rowNote // a line of the editor's note on the event
)

// row is one laid-out line of the body, not yet painted.
type row struct {
	kind        rowKind
	ev          int
	left, right layout.Line
}

// geom is the column geometry for a width.
type geom struct {
	width   int
	stacked bool
	indent  int
	colW    int
}

func geometry(width int) geom {
	width = contentWidth(width)
	if width >= wideMin {
		return geom{width: width, indent: wideInd, colW: (width - wideInd - gap) / 2}
	}
	ind := narrowInd
	switch {
	case width < 8:
		ind = 0 // no room for side marks
	case width < 24:
		ind = 2
	}
	return geom{width: width, stacked: true, indent: ind, colW: max(1, width-ind)}
}

// keep says whether the body shows event k for pair l, r under filter f;
// page furniture only when boiler is set (see view.FurnitureInAll).
func keep(st *story.Story, k, l, r int, f view.Filter, boiler bool) bool {
	fur := view.FurnitureHidden
	if boiler {
		fur = view.FurnitureInAll
	}
	return f.Keep(st, k, l, r, fur)
}

// eventRows lays out event k for the pair l, r at geometry g: its rule,
// then its text. Wrapping happens here, on plain spans; painting comes later.
func eventRows(st *story.Story, k, l, r int, g geom) []row {
	rows := []row{{kind: rowRule, ev: k}}
	rows = append(rows, noteRows(st, k, g)...)
	left := layout.Wrap(layout.Column(st, k, l, r, true), g.colW)
	right := layout.Wrap(layout.Column(st, k, r, l, false), g.colW)
	if g.stacked {
		for _, ln := range left {
			rows = append(rows, row{kind: rowLeft, ev: k, left: ln})
		}
		for _, ln := range right {
			rows = append(rows, row{kind: rowRight, ev: k, left: ln})
		}
		return rows
	}
	n := max(len(left), len(right))
	for i := 0; i < n; i++ {
		rw := row{kind: rowPair, ev: k}
		if i < len(left) {
			rw.left = left[i]
		}
		if i < len(right) {
			rw.right = right[i]
		}
		rows = append(rows, rw)
	}
	return rows
}

// ruleLabel is the right-hand label of event k's rule: its kind for the
// pair and whether it moved.
func ruleLabel(st *story.Story, k, l, r int) string {
	e := &st.Events[k]
	var parts []string
	switch kind := view.KindOf(st, k, l, r); kind {
	case view.Shared:
		if n := st.WordingNote(k, l, r); n != "" {
			parts = append(parts, "shared · "+n)
		} else if view.Changed(st, k, l, r) {
			parts = append(parts, "shared · changed")
		} else {
			parts = append(parts, "shared · same words")
		}
	case view.OnlyLeft, view.OnlyRight, view.PageFurniture:
		parts = append(parts, view.Label(st, k, l, r))
	}
	if m := view.MovedIn(st, k, l, r); m != "" {
		parts = append(parts, "moved ↕ in "+textsafe.VisibleLine(m))
	}
	if m := view.EditMark(e); m != "" {
		parts = append(parts, m)
	}
	return strings.Join(parts, " · ")
}

// counts tallies the events of pair l, r by kind (boilerplate aside).
func counts(st *story.Story, l, r int) (shared, onlyL, onlyR int) {
	for k := range st.Events {
		switch view.KindOf(st, k, l, r) {
		case view.Shared:
			shared++
		case view.OnlyLeft:
			onlyL++
		case view.OnlyRight:
			onlyR++
		}
	}
	return
}

// coverage is view.Coverage of articles a and b, from the word counts kept
// across layouts.
func coverage(st *story.Story, a, b int) (pct float64, both, total int) {
	return view.Coverage(st, a, b, bodyWords(st.Articles[a].Blocks))
}

// bodyWords is view.BodyWords of blocks, the number of words of each body block, 0
// for the others. The header asks for them at every layout, and counting
// megabytes of text each time took tens of milliseconds; a story's blocks
// never change once built, so the counts of the last few articles are kept
// (with the blocks, so that their memory is not reused while kept).
func bodyWords(blocks []segment.Block) []int {
	if len(blocks) == 0 {
		return nil
	}
	wordMemo.Lock()
	defer wordMemo.Unlock()
	for _, m := range wordMemo.kept {
		if &m.blocks[0] == &blocks[0] && len(m.blocks) == len(blocks) {
			return m.words
		}
	}
	words := make([]int, len(blocks))
	count := func(lo, hi int) {
		for i := lo; i < hi; i++ {
			words[i] = view.BlockWords(&blocks[i])
		}
	}
	// a long article is counted a share of its blocks per processor: the
	// first frame of a story of megabytes waits for these counts
	parts := 1
	if len(blocks) >= parallelBlocks {
		parts = runtime.GOMAXPROCS(0)
	}
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(blocks)/parts, (p+1)*len(blocks)/parts
		if p == parts-1 {
			count(lo, hi)
			break
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			count(lo, hi)
		}()
	}
	wg.Wait()
	if len(wordMemo.kept) == keptArticles {
		// the oldest goes
		wordMemo.kept = append(wordMemo.kept[:0], wordMemo.kept[1:]...)
	}
	wordMemo.kept = append(wordMemo.kept, articleWords{blocks, words})
	return words
}

type articleWords struct {
	blocks []segment.Block
	words  []int
}

var wordMemo struct {
	sync.Mutex
	kept []articleWords // the last keptArticles articles asked, oldest first
}

// parallelBlocks is the fewest blocks an article has for its characters to
// be counted on more than one processor.
const parallelBlocks = 4096

// keptArticles is how many articles' counts are kept: a story of up to
// that many articles is counted once.
const keptArticles = 10
