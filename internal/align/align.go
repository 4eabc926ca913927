// Package align groups the blocks of several articles into events: the
// blocks of each article that report the same statement, fact or claim.
// It handles reordering (crossing pairs), n:m groups and one-sided events.
package align

import (
	"sort"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// Event is one thing reported, and the blocks of each article that report it.
type Event struct {
	// Blocks[i] lists indices into article i's blocks, in article order;
	// empty where article i lacks the event.
	Blocks [][]int
	// Score is the aligner's confidence that the blocks report the same
	// thing, in [0,1]; 1 for one-sided events.
	Score float64
}

// Articles returns how many articles hold blocks of e.
func (e Event) Articles() int {
	n := 0
	for _, b := range e.Blocks {
		if len(b) > 0 {
			n++
		}
	}
	return n
}

// Options tune the aligner.
type Options struct {
	// Threshold is the least similarity for two blocks to be linked.
	Threshold float64
}

// DefaultOptions are the parameters tuned on real multi-outlet coverage.
func DefaultOptions() Options { return Options{Threshold: 0.30} }

// Link is a pairing the aligner found between two blocks of two articles.
type Link struct {
	A, IA, B, IB int
	Score        float64
}

// Align groups the blocks of arts into events. Every block of every article
// is in exactly one event. Events are ordered by the first article's reading
// order; blocks the first article lacks sit next to their nearest aligned
// neighbour. The result is deterministic.
func Align(arts [][]segment.Block, opt Options) []Event {
	links := FindLinks(arts, opt)
	return Group(arts, links)
}

// Group turns links into events: linked blocks form one event (connected
// components), every other block its own one-sided event.
func Group(arts [][]segment.Block, links []Link) []Event {
	// union-find over all blocks
	base := make([]int, len(arts)+1)
	for i, a := range arts {
		base[i+1] = base[i] + len(a)
	}
	parent := make([]int, base[len(arts)])
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	for _, l := range links {
		x, y := find(base[l.A]+l.IA), find(base[l.B]+l.IB)
		if x != y {
			if y < x {
				x, y = y, x
			}
			parent[y] = x
		}
	}
	// collect components in a stable order
	idx := map[int]int{}
	var events []Event
	for a := range arts {
		for i := range arts[a] {
			r := find(base[a] + i)
			k, ok := idx[r]
			if !ok {
				k = len(events)
				idx[r] = k
				events = append(events, Event{Blocks: make([][]int, len(arts))})
			}
			events[k].Blocks[a] = append(events[k].Blocks[a], i)
		}
	}
	// score: mean of the links inside each event
	sum := make([]float64, len(events))
	cnt := make([]int, len(events))
	for _, l := range links {
		k := idx[find(base[l.A]+l.IA)]
		sum[k] += l.Score
		cnt[k]++
	}
	for k := range events {
		if cnt[k] == 0 {
			events[k].Score = 1
		} else {
			events[k].Score = clamp01(sum[k] / float64(cnt[k]))
		}
	}
	return Order(events, len(arts), arts)
}

// Order sorts events by the first article's reading order and puts events
// the first article lacks right after the event of the preceding block of
// their own article.
func Order(events []Event, n int, arts [][]segment.Block) []Event {
	where := make([][]int, n) // where[a][i] = event of block i of article a
	for a := 0; a < n; a++ {
		where[a] = make([]int, len(arts[a]))
	}
	for k, e := range events {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				where[a][i] = k
			}
		}
	}
	var roots []int
	for k, e := range events {
		if n > 0 && len(e.Blocks[0]) > 0 {
			roots = append(roots, k)
		}
	}
	sort.SliceStable(roots, func(x, y int) bool { return events[roots[x]].Blocks[0][0] < events[roots[y]].Blocks[0][0] })
	placed := make([]bool, len(events))
	for _, k := range roots {
		placed[k] = true
	}
	followers := make(map[int][]int) // -1: before every root
	for a := 1; a < n; a++ {
		anchor := -1
		for i := range arts[a] {
			k := where[a][i]
			if placed[k] {
				anchor = k
				continue
			}
			placed[k] = true
			followers[anchor] = append(followers[anchor], k)
			anchor = k
		}
	}
	out := make([]Event, 0, len(events))
	var emit func(k int)
	emit = func(k int) {
		if k >= 0 {
			out = append(out, events[k])
		}
		for _, f := range followers[k] {
			emit(f)
		}
	}
	emit(-1)
	for _, k := range roots {
		emit(k)
	}
	return out
}

func clamp01(x float64) float64 {
	if x < 0 {
		return 0
	}
	if x > 1 {
		return 1
	}
	return x
}
