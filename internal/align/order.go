package align

import (
	"cmp"
	"slices"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// Order sorts events by the first article's reading order and puts events
// the first article lacks right after the event of the preceding block of
// their own article. When several articles go on after one event with
// events of their own (the first article too, with those only it tells),
// their runs alternate, each in its own order: one article's long run must
// not push another's continuation ("…,” he added.") many events away from
// the paragraph it continues.
func Order(events []Event, n int, arts [][]segment.Block) []Event {
	o := newOrderer(events, n, arts)
	o.placeFollowers(arts)
	for x := len(o.later) - 1; x >= 0; x-- { // an event's followers were placed after it
		o.build(o.later[x], -1, -1)
	}
	out := make([]Event, 0, len(events))
	emit := func(k int32) {
		for ; k >= 0; k = o.next[k] {
			out = append(out, events[k])
		}
	}
	h, l, x := o.own(0)
	first, _ := o.follow(0, h, l)
	emit(first)
	for x < len(o.roots) {
		k := int32(o.roots[x])
		h, l, y := o.own(x + 1)
		o.build(k, h, l)
		emit(k)
		x = y
	}
	return out
}

// orderer is the state of Order: where each block's event is, the events
// of the first article (roots) in its order, and the chains of followers
// each event has.
type orderer struct {
	events []Event
	n      int
	where  [][]int // where[a][i] = event of block i of article a
	roots  []int   // the events the first article tells, in its order
	placed []bool
	// the events each event is followed by, in order, as chains: the first
	// follower of event k is firstF[k+1] (k = -1: before every root), the
	// one after follower f is nextF[f]; -1 ends a chain
	firstF, lastF, nextF []int32
	by                   []int32 // the article that placed an event the first lacks
	told                 []bool  // of the first article's events: whether another tells it too
	later                []int32 // the events placed as followers, in the order placed
	// the order, a list (next, ending in -1) built from the last event
	// placed back: an event, then the runs that go on after it; tail[k] is
	// the last of k's
	next, tail []int32
	// per article: its run, still to go (scratch of follow)
	heads, tails, runArt []int32
}

func newOrderer(events []Event, n int, arts [][]segment.Block) *orderer {
	o := &orderer{events: events, n: n, where: make([][]int, n)}
	for a := 0; a < n; a++ {
		o.where[a] = make([]int, len(arts[a]))
	}
	for k, e := range events {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				o.where[a][i] = k
			}
		}
	}
	for k, e := range events {
		if n > 0 && len(e.Blocks[0]) > 0 {
			o.roots = append(o.roots, k)
		}
	}
	byFirst := func(x, y int) int { return cmp.Compare(events[x].Blocks[0][0], events[y].Blocks[0][0]) }
	if !slices.IsSortedFunc(o.roots, byFirst) { // the aligner's events come in order
		slices.SortStableFunc(o.roots, byFirst)
	}
	o.placed = make([]bool, len(events))
	for _, k := range o.roots {
		o.placed[k] = true
	}
	o.firstF, o.lastF, o.nextF = make([]int32, len(events)+1), make([]int32, len(events)+1), make([]int32, len(events))
	for k := range o.firstF {
		o.firstF[k], o.lastF[k] = -1, -1
	}
	o.by = make([]int32, len(events))
	o.told = make([]bool, len(events))
	o.later = make([]int32, 0, len(events)-len(o.roots))
	o.next, o.tail = make([]int32, len(events)), make([]int32, len(events))
	return o
}

// placeFollowers places each event the first article lacks after the
// event of the preceding block of its article (by place in the first
// article for an article that shares no event with those placed).
func (o *orderer) placeFollowers(arts [][]segment.Block) {
	for a := 1; a < o.n; a++ {
		shares := sharesPlaced(o.where[a], o.placed)
		anchor := -1
		for i := range arts[a] {
			k := o.where[a][i]
			if o.placed[k] {
				anchor = k
				o.told[k] = true
				continue
			}
			if !shares {
				anchor = byPlace(o.events, o.roots, i, len(arts[a]), len(arts[0]))
			}
			o.placed[k] = true
			o.by[k] = int32(a)
			o.later = append(o.later, int32(k))
			o.nextF[k] = -1
			if o.lastF[anchor+1] < 0 {
				o.firstF[anchor+1] = int32(k)
			} else {
				o.nextF[o.lastF[anchor+1]] = int32(k)
			}
			o.lastF[anchor+1] = int32(k)
			anchor = k
		}
	}
}

// follow links the runs after slot (event slot-1; 0: before every root),
// the first article's from h0 to l0 (none: -1). An article's run is the
// followers it placed there (each with what goes on after it), one after
// another; the first article's is the events only it tells up to its next
// one that others tell too. The runs of several articles alternate, an
// event of each in turn, in article order.
func (o *orderer) follow(slot int, h0, l0 int32) (head, last int32) {
	o.heads, o.tails, o.runArt = o.heads[:0], o.tails[:0], o.runArt[:0]
	if h0 >= 0 {
		o.heads, o.tails, o.runArt = append(o.heads, h0), append(o.tails, l0), append(o.runArt, 0)
	}
	for f := o.firstF[slot]; f >= 0; f = o.nextF[f] {
		if r := len(o.heads) - 1; r >= 0 && o.runArt[r] == o.by[f] {
			o.next[o.tails[r]] = f
			o.tails[r] = o.tail[f]
			continue
		}
		o.heads, o.tails, o.runArt = append(o.heads, f), append(o.tails, o.tail[f]), append(o.runArt, o.by[f])
	}
	if len(o.heads) == 0 {
		return -1, -1
	}
	head, last = o.heads[0], o.tails[0]
	if len(o.heads) > 1 {
		head, last = o.alternate()
	}
	o.next[last] = -1
	return head, last
}

// alternate links the runs of heads and tails an event of each in turn,
// the one run left going on as it is.
func (o *orderer) alternate() (head, last int32) {
	head, last = -1, -1
	for r, left := 0, len(o.heads); left > 1; r = (r + 1) % len(o.heads) {
		x := o.heads[r]
		if x < 0 {
			continue
		}
		o.heads[r] = o.next[x]
		if x == o.tails[r] {
			o.heads[r] = -1
			left--
		}
		if last < 0 {
			head = x
		} else {
			o.next[last] = x
		}
		last = x
	}
	for r, x := range o.heads {
		if x >= 0 {
			o.next[last], last = x, o.tails[r]
		}
	}
	return head, last
}

// build makes event k the head of its order: k, then the runs after it
// (the first article's from h0 to l0).
func (o *orderer) build(k, h0, l0 int32) {
	o.next[k], o.tail[k] = -1, k
	if h, l := o.follow(int(k)+1, h0, l0); h >= 0 {
		o.next[k], o.tail[k] = h, l
	}
}

// own is the first article's run from its root x on: the roots up to the
// next one another article tells (y), built.
func (o *orderer) own(x int) (head, last int32, y int) {
	head, last = -1, -1
	for y = x; y < len(o.roots) && !o.told[o.roots[y]]; y++ {
		k := int32(o.roots[y])
		o.build(k, -1, -1)
		if last < 0 {
			head = k
		} else {
			o.next[last] = k
		}
		last = o.tail[k]
	}
	return head, last, y
}
