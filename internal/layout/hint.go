package layout

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/synoptic-news/synoptic/internal/story"
)

// Hint is a possible match of an event one of the two articles shown
// lacks: the aligner found one of its blocks alike a block of the other
// article, but not enough to call the two one event.
type Hint struct {
	Event int     // index in Events of the event holding the other block
	Score float64 // the possible match's score
	// Text is the line every rendering shows under the event, with the
	// event numbered as the reader and the exports number it.
	Text string
}

// Hints returns the possible matches of event k between articles l and r,
// strongest first, one per event they point to. Only an event that one of
// the two tells and the other lacks has any: a shared event is matched
// already, page furniture never pairs, and a match with a third article is
// not on screen.
func Hints(st *story.Story, k, l, r int) []Hint {
	e := &st.Events[k]
	if e.Kind == story.Boilerplate || l < 0 || r < 0 || l >= len(e.Blocks) || r >= len(e.Blocks) || l == r {
		return nil
	}
	side, other := l, r
	switch {
	case len(e.Blocks[l]) > 0 && len(e.Blocks[r]) == 0:
	case len(e.Blocks[r]) > 0 && len(e.Blocks[l]) == 0:
		side, other = r, l
	default:
		return nil
	}
	var out []Hint
	for _, i := range e.Blocks[side] {
		for _, x := range st.LinksAt(side, i) {
			a, ai, b, bi := st.Links[x].Pair()
			j := -1
			switch {
			case a == side && ai == i && b == other:
				j = bi
			case b == side && bi == i && a == other:
				j = ai
			}
			if j < 0 {
				continue
			}
			ev := st.EventOf(other, j)
			if ev < 0 || ev == k {
				continue
			}
			s := st.Links[x].Score
			if at := slices.IndexFunc(out, func(h Hint) bool { return h.Event == ev }); at >= 0 {
				out[at].Score = max(out[at].Score, s)
				continue
			}
			out = append(out, Hint{Event: ev, Score: s})
		}
	}
	slices.SortFunc(out, func(x, y Hint) int {
		return cmp.Or(cmp.Compare(y.Score, x.Score), cmp.Compare(x.Event, y.Event))
	})
	for i := range out {
		out[i].Text = fmt.Sprintf("≈ possibly event %d · %.2f", out[i].Event+1, out[i].Score)
	}
	return out
}

// HintSpans are hs as spans to follow the "not in …" line of the article
// that lacks the event: a line each.
func HintSpans(hs []Hint) []Span {
	var out []Span
	for _, h := range hs {
		out = append(out, Span{"\n", Plain}, Span{h.Text, Possible})
	}
	return out
}
