package story

import (
	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/bitext"
	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// translation is a two-article story whose articles are in different
// languages and read as one article and its translation: its events come
// from the bitext aligner, not from align, whose word overlap means
// nothing across languages.
type translation struct {
	res  *bitext.Result
	a, b []int // per unit: its block index in article 0 and in article 1
	n    [2]int
}

// ComparesWording says whether the word diffs between articles a and b
// compare their wording: not when the two are in different languages (a
// translation, or two outlets), whose diffs show both sides plain with
// only their differing figures and names marked. Checks that read equal
// words as shared wording (verbatim runs, close wording) have nothing to
// say there. Articles of no language synoptic can tell compare as
// before.
func (st *Story) ComparesWording(a, b int) bool {
	if st.Translation {
		return false
	}
	la, lb := st.Articles[a].Lang, st.Articles[b].Lang
	return la == lb || la == lang.Unknown || lb == lang.Unknown
}

// marker returns the Marker of articles a < b in two languages, made on
// first use.
func (st *Story) marker(a, b int) *bitext.Marker {
	if st.trans != nil {
		return &st.trans.res.Marker
	}
	st.markMu.Lock()
	defer st.markMu.Unlock()
	if m := st.markers[[2]int{a, b}]; m != nil {
		return m
	}
	texts := func(a int) []string {
		var out []string
		for _, b := range st.Articles[a].Blocks {
			if unitClass(b.Kind) >= 0 {
				out = append(out, b.Text)
			}
		}
		return out
	}
	m := bitext.NewMarker(texts(a), texts(b))
	if st.markers == nil {
		st.markers = map[[2]int]*bitext.Marker{}
	}
	st.markers[[2]int{a, b}] = m
	return m
}

// WordingNote is what a renderer says of shared event k between articles
// l and r in two languages in place of how its wording compares:
// "translated" in a translation, "two languages" otherwise, followed by
// " · figures or names differ" when its diff marks any. It is "" when the
// two compare their wording (ComparesWording), whose renderers say
// "changed", "reworded" or nothing, as they always have.
func (st *Story) WordingNote(k, l, r int) string {
	if st.ComparesWording(l, r) {
		return ""
	}
	note := "two languages"
	if st.Translation {
		note = "translated"
	}
	for _, o := range st.Ops(k, l, r) {
		if o.Kind != worddiff.Equal {
			return note + " · figures or names differ"
		}
	}
	return note
}

// LangNote names the languages of articles l and r for a header, in that
// order (the order of the articles on screen): "" when both are English or
// of no language synoptic can tell, "German" when both are in one other
// language, "German and French" when they differ, "unknown and English"
// when synoptic cannot tell l's; a translation says so first
// ("translation, German and French").
func (st *Story) LangNote(l, r int) string {
	a, b := st.Articles[l].Lang, st.Articles[r].Lang
	name := func(x lang.Lang) string {
		if x == lang.Unknown {
			return "unknown"
		}
		return x.Name()
	}
	note := ""
	switch {
	case a == b && (a == lang.English || a == lang.Unknown):
	case a == b:
		note = a.Name()
	default:
		note = name(a) + " and " + name(b)
	}
	if st.Translation && note != "" {
		note = "translation, " + note
	}
	return note
}

// unitClass is the bitext class of a block kind, -1 for blocks that are
// not aligned (page furniture, metadata, teasers): headlines pair with
// headlines, captions with captions, the body with the body.
func unitClass(k segment.Kind) int {
	if k.IsFurniture() {
		return -1
	}
	switch k {
	case segment.Headline:
		return 1
	case segment.Caption:
		return 2
	}
	return 0
}

func units(bs []segment.Block) ([]bitext.Unit, []int) {
	var us []bitext.Unit
	var idx []int
	for i, b := range bs {
		if c := unitClass(b.Kind); c >= 0 {
			us = append(us, bitext.Unit{Text: b.Text, Class: c})
			idx = append(idx, i)
		}
	}
	return us, idx
}

// translationOf returns the bitext alignment of a story of two articles
// in two different known languages when one reads as a translation of the
// other, else nil.
func translationOf(blocks [][]segment.Block, langs []lang.Lang) *translation {
	if len(blocks) != 2 || langs[0] == lang.Unknown || langs[1] == lang.Unknown || langs[0] == langs[1] {
		return nil
	}
	ua, ia := units(blocks[0])
	ub, ib := units(blocks[1])
	res := bitext.Align(ua, ub)
	if !res.Translation() {
		return nil
	}
	return &translation{res: res, a: ia, b: ib, n: [2]int{len(blocks[0]), len(blocks[1])}}
}

// pairsOf is the block pairs of a translation's event e, each with the
// event's score: a bead is scored as a whole.
func (t *translation) pairsOf(e align.Event) []align.Pair {
	var out []align.Pair
	for _, i := range e.Blocks[0] {
		for _, j := range e.Blocks[1] {
			out = append(out, align.Pair{A: 0, I: i, B: 1, J: j, Score: e.Score})
		}
	}
	return out
}

// events returns the translation's events at threshold: a bead scored
// below it is split into one-sided events. Blocks that are not aligned
// (page furniture, metadata) are one-sided events at their place in their
// article, before the first bead that follows them.
func (t *translation) events(threshold float64) []align.Event {
	var evs []align.Event
	next := [2]int{} // per article: the first block not yet in an event
	flush := func(art, upto int) {
		for ; next[art] < upto; next[art]++ {
			e := align.Event{Blocks: make([][]int, 2), Score: 1}
			e.Blocks[art] = []int{next[art]}
			evs = append(evs, e)
		}
	}
	blocksOf := func(us, idx []int) []int {
		out := make([]int, len(us))
		for k, u := range us {
			out[k] = idx[u]
		}
		return out
	}
	for _, bd := range t.res.Beads {
		ba, bb := blocksOf(bd.A, t.a), blocksOf(bd.B, t.b)
		if len(ba) > 0 {
			flush(0, ba[0])
		}
		if len(bb) > 0 {
			flush(1, bb[0])
		}
		switch {
		case len(ba) > 0 && len(bb) > 0 && bd.Score >= threshold:
			evs = append(evs, align.Event{Blocks: [][]int{ba, bb}, Score: bd.Score})
		default:
			if len(ba) > 0 {
				evs = append(evs, align.Event{Blocks: [][]int{ba, nil}, Score: 1})
			}
			if len(bb) > 0 {
				evs = append(evs, align.Event{Blocks: [][]int{nil, bb}, Score: 1})
			}
		}
		if len(ba) > 0 {
			next[0] = ba[len(ba)-1] + 1
		}
		if len(bb) > 0 {
			next[1] = bb[len(bb)-1] + 1
		}
	}
	flush(0, t.n[0])
	flush(1, t.n[1])
	return evs
}
