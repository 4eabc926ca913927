// Package story builds the aligned model every renderer reads: the loaded
// articles as blocks, the events that align them, and the word diffs inside
// each shared event. It runs the pipeline corpus → segment → align → diff
// once; the reader and the exporters only render its result.
//
// By default Build computes every diff before it returns, on all cores. A
// reader that must show its first screen before a large story is diffed
// builds with Options.DeferDiffs: Build then stops after alignment, Ops
// diffs an event the first time it is asked for it (so the visible events
// are diffed first), and FillDiffs computes the rest, typically in a
// goroutine, reporting progress; DiffProgress can be polled instead. Ops,
// DiffProgress and FillDiffs are safe for concurrent use. Read diffs only
// through Ops: Event.Diffs of an event not yet diffed is nil. Encoding a
// Story as JSON first completes its diffs, so an export holds every diff.
//
// An editor's review (internal/review: pins, splits, notes, a threshold)
// is applied on top of the aligner's events by Build (Options.Review) and
// by Realign, which re-groups a built story at another threshold or after
// an edit without segmenting or scoring again, and keeps the diffs of the
// events that did not change.
package story

import (
	"bytes"
	"context"
	"slices"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/bitext"
	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Version is the version of the JSON export contract.
const Version = 1

// Article is one article of the story, with its blocks.
type Article struct {
	Path     string          `json:"path"`
	Outlet   string          `json:"outlet"`
	Title    string          `json:"title"`
	Date     string          `json:"date"`
	Byline   string          `json:"byline"`
	Lang     lang.Lang       `json:"lang"`
	URL      string          `json:"url,omitempty"`
	Section  string          `json:"section,omitempty"`
	Blocks   []segment.Block `json:"blocks"`
	Warnings []string        `json:"warnings,omitempty"`
}

// Kind is what an event is.
type Kind string

// The event kinds.
const (
	Shared      Kind = "shared"      // reported by two or more articles
	Single      Kind = "single"      // reported by one article only
	Boilerplate Kind = "boilerplate" // page furniture or metadata, not reporting
)

// Diff is the word diff between article From and article To in one event.
type Diff struct {
	From int           `json:"from"`
	To   int           `json:"to"`
	Ops  []worddiff.Op `json:"ops"`
}

// Event is one thing reported and the blocks of each article that report it.
type Event struct {
	Kind   Kind    `json:"kind"`
	Score  float64 `json:"score"`
	Blocks [][]int `json:"blocks"`
	// Diffs compare article 0 with each other article present in the event,
	// or, when article 0 lacks it, the first present article with the rest.
	Diffs []Diff `json:"diffs"`
	// Moved[i] says article i tells this event out of its own order
	// relative to the event order (false for article 0).
	Moved []bool `json:"moved"`
	// Note is the editor's note on the event, from the review.
	Note string `json:"note,omitempty"`
	// Pinned says an editor joined blocks of this event; Split that an
	// editor took a block of it out of the aligner's event.
	Pinned bool `json:"pinned,omitempty"`
	Split  bool `json:"split,omitempty"`

	// pairs are the aligner's scores of the event's block pairs, summed
	// per pair of articles (see sumPairs); nil when it scored none.
	pairs []pairSum
}

// pairSum is the sum of the aligner's scores of the block pairs of an
// event between articles a and b, a < b: all that PairScore reads of them.
// An event of fifty articles has more than a thousand block pairs, and
// every shared event keeps its sums until the story is written.
type pairSum struct {
	a, b int32
	sum  float64
}

// sumPairs sums ps per pair of articles, each sum in the order of ps, as
// PairScore summed them: nil for nil. The aligner lists an event's pairs
// by article pair, so a pair's sum is nearly always the last one.
func sumPairs(ps []align.Pair) []pairSum {
	if ps == nil {
		return nil
	}
	out := []pairSum{}
	for _, p := range ps {
		a, b := int32(p.A), int32(p.B)
		k := len(out) - 1
		if k < 0 || out[k].a != a || out[k].b != b {
			k = slices.IndexFunc(out, func(s pairSum) bool { return s.a == a && s.b == b })
		}
		if k < 0 {
			k = len(out)
			out = append(out, pairSum{a: a, b: b})
		}
		out[k].sum += p.Score
	}
	return slices.Clone(out) // at its length: kept for the life of the story
}

// PairScore is the score of event e between articles a and b: the mean
// probability the aligner gives the pairs of their blocks (a pair it did
// not score counts 0), also when an editor pinned the event (the pin is
// shown as a mark of its own: the score stays the aligner's, not a
// certainty it never gave), and the event's own score when the aligner
// scored none of its pairs (a story built by hand). It is the score
// shown for the two articles on screen; Score is the whole event's, which
// in a story of many articles may stand on other articles' blocks. It is
// 0 when a or b lacks the event.
func (e *Event) PairScore(a, b int) float64 {
	if a < 0 || b < 0 || a >= len(e.Blocks) || b >= len(e.Blocks) || a == b || len(e.Blocks[a]) == 0 || len(e.Blocks[b]) == 0 {
		return 0
	}
	if e.pairs == nil {
		return e.Score // a story built by hand: no pair was scored
	}
	if a > b {
		a, b = b, a
	}
	sum := 0.0
	for _, p := range e.pairs {
		if int(p.a) == a && int(p.b) == b {
			sum = p.sum
			break
		}
	}
	return round(sum / float64(len(e.Blocks[a])*len(e.Blocks[b])))
}

// Link is a possible match: two blocks of different articles, in different
// events, that the aligner found alike but not enough to call one event:
// block I of article A and block J of article B, A < B. The JSON writes
// its blocks as an event's, one list per article (empty for the others);
// kept as four indices, a story of fifty outlets and thousands of possible
// matches does not hold fifty lists for each.
type Link struct {
	Score      float64
	A, I, B, J int
}

// Pair returns the link's two articles and their blocks, a < b.
func (l Link) Pair() (a, i, b, j int) { return l.A, l.I, l.B, l.J }

// Story is the aligned, diffed story.
type Story struct {
	Version int    `json:"version"`
	Name    string `json:"name,omitempty"`
	// Translation says the story's two articles are one article and its
	// translation, aligned in order (internal/bitext); their events show
	// no word differences, only the figures and names that differ.
	Translation bool      `json:"translation,omitempty"`
	Articles    []Article `json:"articles"`
	Events      []Event   `json:"events"`
	// Links are the possible matches, weaker than events, for an editor
	// to look at; each block takes part in two at most.
	Links []Link `json:"links"`

	mu     sync.Mutex // guards extra, differ and the publication of deferred diffs
	extra  map[[3]int][]worddiff.Op
	differ *worddiff.Differ // for diffs computed on demand
	// diffed[k] is set once Events[k].Diffs holds its diffs (deferred builds).
	diffed  []atomic.Bool
	pending atomic.Int64   // events still to diff
	total   int            // events that need diffs
	stats   worddiff.Stats // of the Differs that are done, guarded by mu

	// What Realign reuses: the aligner's scored pairs (the articles'
	// blocks are in Articles), the threshold and review of this alignment.
	scored    *align.Scored
	trans     *translation // the bitext alignment of a translation, which replaces scored
	markMu    sync.Mutex
	markers   map[[2]int]*bitext.Marker // per pair of articles in two languages
	threshold float64
	review    *review.Review
	warnings  []string // review entries that no longer match the text
	deferred  bool
	once      bool // forget scored once grouped (Options.RenderOnce)

	whereOnce sync.Once // builds where, on first use (where.go)
	where     *where
}

// Options tune Build.
type Options struct {
	Align align.Options
	// DeferDiffs makes Build return after alignment; diffs are computed by
	// Ops on demand and by FillDiffs (see the package comment).
	DeferDiffs bool
	// Review, when not nil, corrects the aligner: its splits and pins are
	// applied to the events and its notes attached to them. Its threshold,
	// when set, wins over Align.Threshold.
	Review *review.Review
	// RenderOnce says the story is rendered once and not realigned (an
	// export): Build then lets the aligner's scored pairs go as soon as
	// they are grouped, instead of keeping them for Realign through the
	// diffs and the rendering. They are most of the memory the aligner
	// leaves behind. Realign still works; it scores the story again.
	RenderOnce bool
	// Progress, when not nil, is called as each article is segmented,
	// with the articles segmented so far and their number; alignment
	// follows the last, and Align.Progress counts its pairs of articles.
	// It is called from several goroutines at once.
	Progress func(segmented, articles int)
	// Segmented, when not nil, is called with the story as soon as its
	// articles are segmented and their languages known, before they are
	// aligned. It may start work that reads st.Articles and
	// st.Translation, which do not change after, while the story is
	// aligned; nothing else of st is ready until Build returns.
	Segmented func(st *Story)
}

// DefaultOptions returns the default pipeline options.
func DefaultOptions() Options { return Options{Align: align.DefaultOptions()} }

// Build segments, aligns and diffs the articles of cs.
func Build(cs *corpus.Story, opt Options) *Story {
	st := &Story{Version: Version, Name: cs.Name}
	blocks := make([][]segment.Block, len(cs.Articles))
	// Articles are segmented at once, one goroutine each: the segmenter is
	// pure, and on long articles it is a good part of the build.
	var wg sync.WaitGroup
	var segmented atomic.Int64
	for i := range cs.Articles {
		wg.Add(1)
		go func() {
			defer wg.Done()
			blocks[i] = segment.Article(cs.Articles[i])
			if opt.Progress != nil {
				opt.Progress(int(segmented.Add(1)), len(cs.Articles))
			}
		}()
	}
	wg.Wait()
	langs := make([]lang.Lang, len(blocks))
	for i, a := range cs.Articles {
		langs[i] = lang.OfBlocks(blocks[i])
		st.Articles = append(st.Articles, Article{
			Path: a.Path, Outlet: a.Outlet, Title: a.Title, Date: a.Date, Byline: a.Byline, Lang: langs[i],
			URL: a.URL, Section: a.Section, Blocks: blocks[i], Warnings: a.Warnings,
		})
		if st.Articles[i].Title == "" {
			for _, b := range blocks[i] {
				if b.Kind == segment.Headline {
					st.Articles[i].Title = b.Text
					break
				}
			}
		}
	}
	th := opt.Align.Threshold
	if opt.Review != nil && opt.Review.Threshold != nil {
		th = min(1, max(0, *opt.Review.Threshold)) // the file may say anything
	}
	st.trans = translationOf(blocks, langs)
	st.Translation = st.trans != nil
	if opt.Segmented != nil {
		opt.Segmented(st)
	}
	if st.trans == nil {
		st.scored = align.ScoreWith(blocks, opt.Align)
	}
	st.deferred, st.once = opt.DeferDiffs, opt.RenderOnce
	st.assemble(th, opt.Review, nil)
	return st
}

// Realign returns the story aligned again at threshold with rev applied
// (nil: the aligner's events as they are). It reuses what does not depend
// on either: the articles' blocks, the aligner's scored pairs, and the
// diffs of events that keep their blocks; only grouping and the diffs of
// changed events are computed. st itself is not changed and stays usable.
// A story built by hand, without Build, is scored on the first Realign.
func (st *Story) Realign(threshold float64, rev *review.Review) *Story {
	if st.scored == nil && st.trans == nil {
		blocks := make([][]segment.Block, len(st.Articles))
		for a := range st.Articles {
			blocks[a] = st.Articles[a].Blocks
		}
		st.scored = align.Score(blocks)
	}
	nst := &Story{Version: st.Version, Name: st.Name, Translation: st.Translation, Articles: st.Articles,
		scored: st.scored, trans: st.trans, deferred: st.deferred}
	nst.assemble(threshold, rev, st)
	return nst
}

// Threshold is the pairing threshold the story was aligned at.
func (st *Story) Threshold() float64 { return st.threshold }

// Review is the review applied to the story, or nil.
func (st *Story) Review() *review.Review { return st.review }

// ReviewWarnings lists the review's entries that no longer match the
// articles' text and were skipped.
func (st *Story) ReviewWarnings() []string { return st.warnings }

// assemble groups the scored story into events at threshold, applies rev,
// and diffs the shared events, taking the diffs of events old already had
// with the same blocks.
func (st *Story) assemble(threshold float64, rev *review.Review, old *Story) {
	st.threshold, st.review = threshold, rev
	var evs []align.Event
	if st.trans != nil {
		evs = st.trans.events(threshold)
	} else {
		evs = st.scored.Events(threshold)
	}
	blocks := make([][]segment.Block, len(st.Articles))
	for a := range st.Articles {
		blocks[a] = st.Articles[a].Blocks
	}
	aligned := evs
	if rev != nil {
		evs, st.warnings = rev.Apply(evs, blocks, articleNames(st))
	}
	st.Links = st.links(evs)
	var known map[string]int
	if old != nil && old.diffed != nil {
		known = make(map[string]int, len(old.Events))
		for k, e := range old.Events {
			if e.Kind == Shared && old.diffed[k].Load() {
				known[blocksKey(e.Blocks)] = k
			}
		}
	}
	st.Events = make([]Event, len(evs))
	st.total = 0
	for k, e := range evs {
		for a := range e.Blocks {
			if e.Blocks[a] == nil {
				e.Blocks[a] = []int{} // "[]" in JSON, never null
			}
		}
		ev := Event{Score: round(e.Score), Blocks: e.Blocks}
		ev.Kind = kindOf(st, e)
		if ev.Kind == Shared {
			if st.trans != nil {
				ev.pairs = sumPairs(st.trans.pairsOf(e))
			} else {
				ev.pairs = sumPairs(st.scored.PairsOf(e))
			}
			if ev.pairs == nil {
				ev.pairs = []pairSum{} // none scored: each counts 0
			}
		}
		if rev != nil {
			ev.Note = rev.NoteFor(e.Blocks, blocks)
			ev.Pinned, ev.Split = rev.Marks(e.Blocks, blocks)
		}
		if ev.Kind != Shared {
			ev.Diffs = []Diff{}
		} else {
			st.total++
		}
		st.Events[k] = ev
	}
	if rev != nil {
		st.Links = withoutSplit(st.Links, aligned, st.Events, len(st.Articles))
	}
	if st.once {
		st.scored = nil
	}
	st.markMoved()
	st.diffed = make([]atomic.Bool, len(st.Events))
	pending := st.total
	for k := range st.Events {
		e := &st.Events[k]
		if e.Kind != Shared {
			st.diffed[k].Store(true)
			continue
		}
		if len(known) == 0 {
			continue // nothing to reuse: no key to make
		}
		if j, ok := known[blocksKey(e.Blocks)]; ok {
			e.Diffs = old.Events[j].Diffs
			st.diffed[k].Store(true)
			pending--
		}
	}
	st.pending.Store(int64(pending))
	if !st.deferred {
		st.FillDiffs(context.Background(), nil)
	}
}

// blocksKey identifies an event by its blocks.
func blocksKey(blocks [][]int) string {
	var b strings.Builder
	for _, bs := range blocks {
		for _, i := range bs {
			b.WriteString(strconv.Itoa(i))
			b.WriteByte(',')
		}
		b.WriteByte('|')
	}
	return b.String()
}

// MarshalJSON encodes the story as the version 1 contract (see WriteJSON),
// after computing any diffs a deferred build left out.
func (st *Story) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	err := st.WriteJSON(&b)
	return b.Bytes(), err
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func kindOf(st *Story, e align.Event) Kind {
	if e.Articles() >= 2 {
		return Shared
	}
	for a, bs := range e.Blocks {
		for _, i := range bs {
			k := st.Articles[a].Blocks[i].Kind
			if !k.IsFurniture() {
				return Single
			}
		}
	}
	return Boilerplate
}

// diff is the word diff of article a's blocks as against article b's bs:
// across two languages, the sides plain with their differing figures and
// names marked (bitext.Marker.Ops).
func (st *Story) diff(d *worddiff.Differ, a int, as []int, b int, bs []int) []worddiff.Op {
	if a != b && !st.ComparesWording(a, b) {
		x, y := st.SideText(a, as), st.SideText(b, bs)
		if a < b {
			return st.marker(a, b).Ops(x, y)
		}
		return Invert(st.marker(b, a).Ops(y, x))
	}
	return d.Diff(st.SideText(a, as), st.SideText(b, bs))
}

// SideText is the text of article a's blocks bs, joined by blank lines.
func (st *Story) SideText(a int, bs []int) string {
	parts := make([]string, len(bs))
	for k, i := range bs {
		parts[k] = st.Articles[a].Blocks[i].Text
	}
	return strings.Join(parts, "\n\n")
}

// markMoved marks, for each article after the first, the events it tells out
// of its own order: those outside a longest increasing run of its first block
// index along the event order.
func (st *Story) markMoved() {
	for k := range st.Events {
		st.Events[k].Moved = make([]bool, len(st.Articles))
	}
	for a := 1; a < len(st.Articles); a++ {
		var evIdx, pos []int
		for k, e := range st.Events {
			if len(e.Blocks[a]) > 0 && e.Kind == Shared {
				evIdx = append(evIdx, k)
				pos = append(pos, e.Blocks[a][0])
			}
		}
		keep := lis(pos)
		for x, k := range evIdx {
			if !keep[x] {
				st.Events[k].Moved[a] = true
			}
		}
	}
}

// lis marks the members of one longest strictly increasing subsequence.
func lis(xs []int) []bool {
	n := len(xs)
	tails := []int{} // indices into xs
	prev := make([]int, n)
	for i, x := range xs {
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if xs[tails[m]] < x {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo > 0 {
			prev[i] = tails[lo-1]
		} else {
			prev[i] = -1
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	keep := make([]bool, n)
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// Ops returns the word diff of event k between article l (first) and r
// (second), or nil when either lacks the event. Diffs that Build did not
// compute (between two articles other than the event's first) are computed
// on first use and kept.
func (st *Story) Ops(k, l, r int) []worddiff.Op {
	e := &st.Events[k]
	if len(e.Blocks[l]) == 0 || len(e.Blocks[r]) == 0 || l == r {
		return nil
	}
	st.ensure(k)
	for _, d := range e.Diffs {
		if d.From == l && d.To == r {
			return d.Ops
		}
		if d.From == r && d.To == l {
			return Invert(d.Ops)
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	key := [3]int{k, l, r}
	if ops, ok := st.extra[key]; ok {
		return ops
	}
	if ops, ok := st.extra[[3]int{k, r, l}]; ok {
		// the pair asked for the other way round (the coverage matrix
		// asks for both): one diff, as for the event's first article
		return Invert(ops)
	}
	if st.extra == nil {
		st.extra = map[[3]int][]worddiff.Op{}
	}
	ops := st.diff(st.onDemand(), l, e.Blocks[l], r, e.Blocks[r])
	st.extra[key] = ops
	return ops
}

// Invert swaps the sides of a diff.
func Invert(ops []worddiff.Op) []worddiff.Op {
	out := make([]worddiff.Op, len(ops))
	for i, o := range ops {
		switch o.Kind {
		case worddiff.Delete:
			o.Kind = worddiff.Insert
		case worddiff.Insert:
			o.Kind = worddiff.Delete
		case worddiff.Equal:
			if o.Other != "" {
				o.Text, o.Other = o.Other, o.Text
			}
		}
		out[i] = o
	}
	return out
}

// resetDiffs forgets the diffs of a built story (for benchmarks).
func (st *Story) resetDiffs() {
	st.total = 0
	st.diffed = make([]atomic.Bool, len(st.Events))
	for k := range st.Events {
		if st.Events[k].Kind == Shared {
			st.Events[k].Diffs = nil
			st.total++
		} else {
			st.diffed[k].Store(true)
		}
	}
	st.pending.Store(int64(st.total))
}

// links returns the aligner's possible matches between blocks of
// different events of evs, as story links.
func (st *Story) links(evs []align.Event) []Link {
	out := []Link{}
	if st.trans != nil {
		return out // a translation's beads leave no weaker matches
	}
	for _, l := range st.scored.Links(evs) {
		out = append(out, Link{Score: round(l.Score), A: l.A, I: l.I, B: l.B, J: l.J})
	}
	return out
}

// withoutSplit drops the possible matches an editor's split has answered:
// a block split off an event is no possible match of the blocks the
// aligner had put with it (aligned), which the editor has just said it is
// not; its matches with other blocks stay.
func withoutSplit(links []Link, aligned []align.Event, evs []Event, n int) []Link {
	before := eventOfBlock(n, len(aligned), func(k int) [][]int { return aligned[k].Blocks })
	after := eventOfBlock(n, len(evs), func(k int) [][]int { return evs[k].Blocks })
	out := links[:0]
	for _, l := range links {
		split := evs[after[l.A][l.I]].Split || evs[after[l.B][l.J]].Split
		if split && before[l.A][l.I] == before[l.B][l.J] {
			continue
		}
		out = append(out, l)
	}
	return out
}

// eventOfBlock maps each block of count events of n articles, by article,
// to its event; blocksOf gives an event's blocks.
func eventOfBlock(n, count int, blocksOf func(k int) [][]int) []map[int]int {
	of := make([]map[int]int, n)
	for a := range of {
		of[a] = map[int]int{}
	}
	for k := range count {
		for a, bs := range blocksOf(k) {
			for _, i := range bs {
				of[a][i] = k
			}
		}
	}
	return of
}

// MetadataOnly says whether event k holds, in articles l and r, only
// metadata blocks (front matter, a byline or date line the loader read into
// the article's fields). The side-by-side views leave such an event out:
// its content is in their headers already. The JSON keeps it, so that every
// character of the articles is in some event.
func (st *Story) MetadataOnly(k, l, r int) bool { return st.metadataOnly(k, []int{l, r}) }

// AllMetadata says whether event k holds only metadata blocks in every
// article: the whole-story summary does not count it as page furniture,
// as the side-by-side views do not show it.
func (st *Story) AllMetadata(k int) bool { return st.metadataOnly(k, nil) }

// metadataOnly is MetadataOnly for the articles arts, or all when nil.
func (st *Story) metadataOnly(k int, arts []int) bool {
	e := &st.Events[k]
	if e.Kind != Boilerplate {
		return false
	}
	n := 0
	for a, bs := range e.Blocks {
		if arts != nil && !slices.Contains(arts, a) {
			continue
		}
		for _, i := range bs {
			if st.Articles[a].Blocks[i].Kind != segment.Meta {
				return false
			}
			n++
		}
	}
	return n > 0
}

// articleNames are the names a review knows the articles by.
func articleNames(st *Story) []string {
	paths := make([]string, len(st.Articles))
	for a := range st.Articles {
		paths[a] = st.Articles[a].Path
	}
	return review.Names(paths)
}
