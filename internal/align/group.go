package align

import (
	"math"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// group merges blocks into events along pairs, most probable first. Two
// groups merge only if the pairs the merge would create are, on average,
// plausible too. Pairs below threshold are never used, and since the order
// of merges does not depend on the threshold, a higher threshold gives a
// finer partition: it never adds a link.
func group(arts [][]segment.Block, ix *corpusIndex, pairs []pair, threshold float64) []Event {
	gr := newGrouper(ix, pairs, len(arts))
	// merges refused, by their two groups' roots and sizes: a group only
	// grows, so the same roots at the same sizes are the same groups, and
	// in a story of many outlets the links between two large groups are
	// many (each would score every pair of their blocks again)
	type merge struct{ rx, ry, nx, ny int32 }
	refused := make(map[merge]bool)
	for _, l := range linksAt(ix, pairs, threshold) {
		p := math.Float64frombits(^l.key)
		rx, ry := gr.find(l.x), gr.find(l.y)
		if rx == ry {
			gr.sum[rx] += p
			gr.cnt[rx]++
			continue
		}
		key := merge{min(rx, ry), max(rx, ry), gr.size[min(rx, ry)], gr.size[max(rx, ry)]}
		if refused[key] {
			continue
		}
		if !gr.plausible(rx, ry, p) {
			if gr.size[rx] > 1 || gr.size[ry] > 1 {
				refused[key] = true
			}
			continue
		}
		gr.join(rx, ry, p)
	}
	return Order(gr.events(), len(arts), arts)
}

// linksAt returns the pairs to link at threshold, most probable first,
// each with what linking reads of it: read in order, where indices into
// pairs sent every link to another part of a long story's pairs.
func linksAt(ix *corpusIndex, pairs []pair, threshold float64) []link {
	links := make([]link, 0, len(pairs))
	mates := ix.storyMates(pairs, threshold)
	for _, p := range pairs {
		if p.p >= threshold && p.p > 0 && p.shares && mates(ix.artPair(&p)) {
			links = append(links, link{key: ^math.Float64bits(p.p), x: p.x, y: p.y})
		}
	}
	return byProbability(links)
}

// grouper is the blocks of a story as groups of a union-find, with what
// deciding a merge reads of them.
type grouper struct {
	ix    *corpusIndex
	pairs []pair
	byX   pairsByX
	// per block: its parent, and per root: its group's blocks
	parent, size []int32
	// each root's blocks as a chain, in the order they joined: the root
	// g itself (the smaller root of two stays one), then next[...] until
	// -1; last[g] ends it
	next, last []int32
	sum        []float64 // per root: the probabilities of the links inside its group
	cnt        []int32   // per root: how many
	perArt     []int     // scratch: a merge's blocks per article
	artOf      []int32   // each block's article, in one array: a group's members are read often
}

func newGrouper(ix *corpusIndex, pairs []pair, arts int) *grouper {
	n := len(ix.all)
	gr := &grouper{ix: ix, pairs: pairs, byX: pairIndex(pairs, n),
		parent: make([]int32, n), size: make([]int32, n), next: make([]int32, n), last: make([]int32, n),
		sum: make([]float64, n), cnt: make([]int32, n), perArt: make([]int, arts), artOf: make([]int32, n)}
	for g := range gr.parent {
		gr.parent[g] = int32(g)
		gr.size[g] = 1
		gr.next[g], gr.last[g] = -1, int32(g)
	}
	for g, b := range ix.all {
		gr.artOf[g] = int32(b.art)
	}
	return gr
}

func (gr *grouper) find(g int32) int32 {
	for gr.parent[g] != g {
		gr.parent[g] = gr.parent[gr.parent[g]]
		g = gr.parent[g]
	}
	return g
}

// plausible says whether the groups of roots rx and ry may merge on a link
// of probability p: at most maxPerArticle blocks of an article in the
// merged group, and the cross-article pairs the merge creates plausible
// on average (linkMean) and each at least linkMin.
func (gr *grouper) plausible(rx, ry int32, p float64) bool {
	total, m, lowest := 0.0, 0, 1.0
	near := true
	if gr.size[rx] == 1 && gr.size[ry] == 1 {
		// two blocks alone (most links): the pair is this link
		if gr.artOf[rx] != gr.artOf[ry] {
			total, m, lowest = p, 1, p
		} else if maxPerArticle < 2 {
			near = false
		}
	} else {
		for a := range gr.perArt {
			gr.perArt[a] = 0
		}
		for _, g := range [2]int32{rx, ry} {
			for u := g; u >= 0; u = gr.next[u] {
				if gr.perArt[gr.artOf[u]]++; gr.perArt[gr.artOf[u]] > maxPerArticle {
					near = false
				}
			}
		}
		for u := rx; u >= 0; u = gr.next[u] {
			for v := ry; v >= 0; v = gr.next[v] {
				if gr.artOf[u] == gr.artOf[v] {
					continue
				}
				a, b := u, v
				if b < a {
					a, b = b, a
				}
				q := 0.0
				if k := gr.byX.find(gr.pairs, a, b); k >= 0 {
					q = gr.pairs[k].p
				}
				total += q
				m++
				if q < lowest {
					lowest = q
				}
			}
		}
	}
	return near && (m == 0 || total/float64(m) >= linkMean && lowest >= linkMin)
}

// join merges the groups of roots rx and ry along a link of probability p.
func (gr *grouper) join(rx, ry int32, p float64) {
	if ry < rx {
		rx, ry = ry, rx
	}
	gr.parent[ry] = rx
	gr.next[gr.last[rx]], gr.last[rx] = ry, gr.last[ry]
	gr.size[rx] += gr.size[ry]
	gr.sum[rx] += gr.sum[ry] + p
	gr.cnt[rx] += gr.cnt[ry] + 1
}

// events returns the groups as events in the order of their first block;
// their block lists are cut from two arrays (each to its own length, so
// that appending to one never writes over the next).
func (gr *grouper) events() []Event {
	n, na := len(gr.ix.all), len(gr.perArt)
	eventOf := make([]int32, n) // per root block: its event, or -1
	for g := range eventOf {
		eventOf[g] = -1
	}
	evOf := make([]int32, n) // per block: its event
	var sizes []int32        // per event and article: how many blocks
	var roots []int32        // per event: its root block
	for g := range gr.ix.all {
		r := gr.find(int32(g))
		if eventOf[r] < 0 {
			eventOf[r] = int32(len(roots))
			roots = append(roots, r)
			sizes = append(sizes, make([]int32, na)...)
		}
		evOf[g] = eventOf[r]
		sizes[int(evOf[g])*na+int(gr.artOf[g])]++
	}
	events := make([]Event, len(roots))
	lists := make([][]int, len(roots)*na)
	flat := make([]int, n)
	off := 0
	for e := range events {
		events[e].Blocks = lists[e*na : (e+1)*na : (e+1)*na]
		for a := range events[e].Blocks {
			k := int(sizes[e*na+a])
			events[e].Blocks[a] = flat[off : off : off+k]
			off += k
		}
	}
	for g, b := range gr.ix.all {
		e := evOf[g]
		events[e].Blocks[b.art] = append(events[e].Blocks[b.art], b.idx)
	}
	for e, r := range roots {
		events[e].Score = 1
		if gr.cnt[r] > 0 {
			events[e].Score = clamp01(gr.sum[r] / float64(gr.cnt[r]))
		}
	}
	return events
}
