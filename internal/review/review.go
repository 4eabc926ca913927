// Package review keeps an editor's corrections to an alignment: pins (two
// blocks that report the same event), splits (an event whose blocks should
// stand alone) and notes per event. A review is saved next to the story as a
// small JSON file and applied to the aligner's events on every build, so it
// survives threshold changes and re-alignment. Each entry is found again
// by its text and its article's file when the story changed under it
// (Anchor), or kept as an orphan; a save merges with what another reader
// saved meanwhile (Save, Merge).
package review

import (
	"encoding/json"
	"sort"
	"strings"

	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// Version is the version of the review file format.
const Version = 1

// Ref names one block of one article. Snippet, the opening of the block's
// text, lets a review detect that the article has changed under it.
type Ref struct {
	Article int    `json:"article"`
	Block   int    `json:"block"`
	Snippet string `json:"snippet,omitempty"`
	// Source names the article's file (see Names), so that the entry
	// finds its article again when files are added or reordered, even
	// among revisions of one report that share their paragraphs.
	Source string `json:"source,omitempty"`
}

// Pin joins two blocks into one event.
type Pin struct {
	A Ref `json:"a"`
	B Ref `json:"b"`
}

// Note is an editor's note on the event that holds Ref.
type Note struct {
	Ref  Ref    `json:"at"`
	Text string `json:"text"`
}

// Review is an editor's set of corrections.
type Review struct {
	Version   int      `json:"version"`
	Threshold *float64 `json:"threshold,omitempty"`
	Pins      []Pin    `json:"pins"`
	// Splits lists blocks that must stand alone: the aligner's pairing of
	// them is undone (pins still apply on top).
	Splits []Ref  `json:"splits"`
	Notes  []Note `json:"notes"`
	// Extra holds the file's fields this version does not know, written
	// back as they were.
	Extra map[string]json.RawMessage `json:"-"`
	// disk is what the file held when it was last read or written, for
	// Save to notice a change made by someone else meanwhile.
	disk *onDisk
	// names are the story's articles' names as Anchor last saw them, one
	// per article; hasNames says some article has one.
	names    []string
	hasNames bool
}

// Empty says whether the review changes nothing.
func (r *Review) Empty() bool {
	return r == nil || (len(r.Pins) == 0 && len(r.Splits) == 0 && len(r.Notes) == 0 && r.Threshold == nil)
}

// MakeRef names block i of article a of arts.
func MakeRef(arts [][]segment.Block, a, i int) Ref {
	return Ref{Article: a, Block: i, Snippet: snippet(arts[a][i].Text)}
}

// Pin records that blocks a and b report the same event, dropping any split
// of either block.
func (r *Review) Pin(a, b Ref) {
	r.Splits = removeRefs(r.Splits, a, b)
	r.Pins = append(r.Pins, Pin{a, b})
}

// Split records that the blocks refs should stand alone, dropping pins that
// involve them.
func (r *Review) Split(refs ...Ref) {
	var keep []Pin
	for _, p := range r.Pins {
		if !hasRef(refs, p.A) && !hasRef(refs, p.B) {
			keep = append(keep, p)
		}
	}
	r.Pins = keep
	for _, ref := range refs {
		if !hasRef(r.Splits, ref) {
			r.Splits = append(r.Splits, ref)
		}
	}
}

// SetNote attaches text to the event holding ref; empty text removes it.
func (r *Review) SetNote(ref Ref, text string) {
	var keep []Note
	for _, n := range r.Notes {
		if !same(n.Ref, ref) {
			keep = append(keep, n)
		}
	}
	if strings.TrimSpace(text) != "" {
		keep = append(keep, Note{Ref: ref, Text: text})
	}
	r.Notes = keep
}

// NoteFor returns the note on an event given its blocks, or "". Notes
// whose text is no longer where they say (orphans, see Anchor) are on no
// event.
func (r *Review) NoteFor(blocks [][]int, arts [][]segment.Block) string {
	if r == nil {
		return ""
	}
	for _, n := range r.Notes {
		if r.in(blocks, arts, n.Ref) {
			return n.Text
		}
	}
	return ""
}

// SetNoteOn makes text the note of the event with blocks, anchored at ref
// (one of its blocks): notes on its other blocks are removed, and empty
// text removes them all.
func (r *Review) SetNoteOn(blocks [][]int, arts [][]segment.Block, ref Ref, text string) {
	var keep []Note
	for _, n := range r.Notes {
		if !r.in(blocks, arts, n.Ref) {
			keep = append(keep, n)
		}
	}
	r.Notes = keep
	r.SetNote(ref, text)
}

// in says whether ref names one of blocks and still holds its text.
func (r *Review) in(blocks [][]int, arts [][]segment.Block, ref Ref) bool {
	if ref.Article < 0 || ref.Article >= len(blocks) {
		return false
	}
	for _, i := range blocks[ref.Article] {
		if i == ref.Block {
			return r.valid(arts, ref)
		}
	}
	return false
}

// same says whether x and y name one block with one text: an orphaned
// entry at a place that now holds other text is not the entry of that
// place.
func same(x, y Ref) bool {
	return x.Article == y.Article && x.Block == y.Block && (x.Snippet == y.Snippet || x.Snippet == "" || y.Snippet == "")
}

func hasRef(refs []Ref, ref Ref) bool {
	for _, x := range refs {
		if same(x, ref) {
			return true
		}
	}
	return false
}

func removeRefs(refs []Ref, drop ...Ref) []Ref {
	var out []Ref
	for _, x := range refs {
		if !hasRef(drop, x) {
			out = append(out, x)
		}
	}
	return out
}

// Apply returns events with the review's splits and pins applied: split
// blocks leave their events and stand alone, then pinned blocks' events are
// merged. Pinned events score 1. It first anchors the review's entries to
// arts, whose articles are named names (see Anchor, which changes r);
// entries whose text is found nowhere are skipped, kept in r, and
// reported in the returned warnings.
func (r *Review) Apply(events []align.Event, arts [][]segment.Block, names []string) ([]align.Event, []string) {
	if r == nil {
		return events, nil
	}
	_, warns := r.Anchor(arts, names)
	if len(r.Pins) == 0 && len(r.Splits) == 0 {
		return events, warns
	}
	n := len(arts)
	// event of each block
	owner := make([][]int, n)
	for a := range arts {
		owner[a] = make([]int, len(arts[a]))
	}
	evs := make([]align.Event, 0, len(events))
	for _, e := range events {
		cp := align.Event{Score: e.Score, Blocks: make([][]int, n)}
		for a := range e.Blocks {
			cp.Blocks[a] = append([]int(nil), e.Blocks[a]...)
		}
		evs = append(evs, cp)
	}
	for k, e := range evs {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				owner[a][i] = k
			}
		}
	}
	alone := func(ref Ref) {
		k := owner[ref.Article][ref.Block]
		e := &evs[k]
		if e.Articles() == 1 && len(e.Blocks[ref.Article]) == 1 {
			return
		}
		e.Blocks[ref.Article] = without(e.Blocks[ref.Article], ref.Block)
		ne := align.Event{Score: 1, Blocks: make([][]int, n)}
		ne.Blocks[ref.Article] = []int{ref.Block}
		owner[ref.Article][ref.Block] = len(evs)
		evs = append(evs, ne)
	}
	for _, s := range r.Splits {
		if !r.valid(arts, s) {
			continue // an orphan, reported by Anchor
		}
		alone(s)
	}
	for _, p := range r.Pins {
		if !r.valid(arts, p.A) || !r.valid(arts, p.B) {
			continue // an orphan, reported by Anchor
		}
		x, y := owner[p.A.Article][p.A.Block], owner[p.B.Article][p.B.Block]
		if x == y {
			evs[x].Score = 1
			continue
		}
		for a, bs := range evs[y].Blocks {
			for _, i := range bs {
				owner[a][i] = x
			}
			evs[x].Blocks[a] = append(evs[x].Blocks[a], bs...)
			sort.Ints(evs[x].Blocks[a])
			evs[y].Blocks[a] = nil
		}
		evs[x].Score = 1
	}
	var out []align.Event
	for _, e := range evs {
		if e.Articles() > 0 {
			out = append(out, e)
		}
	}
	return align.Order(out, n, arts), warns
}

func without(xs []int, x int) []int {
	var out []int
	for _, v := range xs {
		if v != x {
			out = append(out, v)
		}
	}
	return out
}

// Marks says whether an event with the given blocks holds a block of one
// of the review's pins, and whether it holds a block the review splits
// off. Entries that no longer match arts do not count, as Apply skips them.
func (r *Review) Marks(blocks [][]int, arts [][]segment.Block) (pinned, split bool) {
	if r == nil {
		return false, false
	}
	for _, p := range r.Pins {
		if r.in(blocks, arts, p.A) && r.in(blocks, arts, p.B) {
			pinned = true
			break
		}
	}
	for _, s := range r.Splits {
		if r.in(blocks, arts, s) {
			split = true
			break
		}
	}
	return pinned, split
}

// Clone returns a copy of r that shares nothing with it, for undo.
func (r *Review) Clone() *Review {
	if r == nil {
		return nil
	}
	c := &Review{Version: r.Version, disk: r.disk, names: r.names, hasNames: r.hasNames}
	if r.Extra != nil {
		c.Extra = make(map[string]json.RawMessage, len(r.Extra))
		for k, v := range r.Extra {
			c.Extra[k] = v
		}
	}
	if r.Threshold != nil {
		t := *r.Threshold
		c.Threshold = &t
	}
	c.Pins = append([]Pin(nil), r.Pins...)
	c.Splits = append([]Ref(nil), r.Splits...)
	c.Notes = append([]Note(nil), r.Notes...)
	return c
}

// Forget drops r's record of its file, so that r is saved to another
// file as new.
func (r *Review) Forget() { r.disk = nil }

// SetThreshold records the pairing threshold the editor chose.
func (r *Review) SetThreshold(t float64) {
	t = float64(int(t*1000+0.5)) / 1000
	r.Threshold = &t
}
