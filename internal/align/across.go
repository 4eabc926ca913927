package align

import (
	"cmp"
	"math"
	"slices"

	"github.com/synoptic-news/synoptic/internal/bitext"
	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// twoLanguages says whether articles a and b are in two different
// languages synoptic can tell: their words mean nothing to each other.
func (ix *corpusIndex) twoLanguages(a, b int) bool {
	if max(a, b) >= len(ix.langs) { // an index made without its texts
		return false
	}
	la, lb := ix.langs[a], ix.langs[b]
	return la != lb && la != lang.Unknown && lb != lang.Unknown
}

// acrossLanguages replaces the pairs of each two articles in two
// languages by those of their translation when one reads as the other's
// (bitext.Align), else by those their anchors make (bitext.Across):
// figures and names, the only words two languages share. It returns pairs
// sorted by x, then y, as scorePairs makes them.
func (ix *corpusIndex) acrossLanguages(arts [][]segment.Block, pairs []pair) []pair {
	na := len(ix.arts)
	mixed := false
	for a := 0; a < na && !mixed; a++ {
		for b := a + 1; b < na && !mixed; b++ {
			mixed = ix.twoLanguages(a, b)
		}
	}
	if !mixed {
		return pairs
	}
	out := pairs[:0]
	for _, p := range pairs {
		if !ix.twoLanguages(ix.all[p.x].art, ix.all[p.y].art) {
			out = append(out, p)
		}
	}
	first := make([]int, na) // per article: the index in ix.all of its first block
	for a := 1; a < na; a++ {
		first[a] = first[a-1] + len(ix.arts[a-1])
	}
	units := func(a int) ([]bitext.Unit, []int) {
		var us []bitext.Unit
		var at []int
		for i, b := range ix.arts[a] {
			if b.class != classNone {
				us = append(us, bitext.Unit{Text: arts[a][i].Text, Class: int(b.class)})
				at = append(at, first[a]+i)
			}
		}
		return us, at
	}
	for a := 0; a < na; a++ {
		for b := a + 1; b < na; b++ {
			if !ix.twoLanguages(a, b) {
				continue
			}
			ua, ga := units(a)
			ub, gb := units(b)
			for _, l := range linksOf(ua, ub) {
				out = append(out, pair{x: int32(ga[l.I]), y: int32(gb[l.J]), base: logit(l.Score), p: l.Score, shares: true, terms: 255})
			}
		}
	}
	slices.SortFunc(out, func(p, q pair) int {
		return cmp.Or(cmp.Compare(p.x, q.x), cmp.Compare(p.y, q.y))
	})
	return out
}

func logit(p float64) float64 { return math.Log(p / (1 - min(p, maxProb))) }

// linksOf pairs the units of two articles in two languages: paragraph by
// paragraph when one is a translation of the other, each pair with its
// bead's score, else on their shared anchors.
func linksOf(a, b []bitext.Unit) []bitext.Link {
	res := bitext.Align(a, b)
	if !res.Translation() {
		return bitext.Across(a, b)
	}
	var out []bitext.Link
	for _, bd := range res.Beads {
		for _, i := range bd.A {
			for _, j := range bd.B {
				out = append(out, bitext.Link{I: i, J: j, Score: min(bd.Score, maxProb)})
			}
		}
	}
	return out
}

// maxProb keeps a pair's probability below 1, where its log-odds would
// be infinite.
const maxProb = 0.999
