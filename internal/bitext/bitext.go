// Package bitext aligns an article with its translation: paragraph by
// paragraph, in order, the way parallel texts are aligned (Gale and
// Church, 1993), with the figures, names and quotations the two sides
// share as anchors.
//
// The method, in order:
//   - each unit (a paragraph, headline or caption) has a length in
//     characters and its anchors: its figures (17 000, 17.000 and 17,000
//     are one value), the capitalised words the other article also has
//     (compared by their first five letters, folded: Hessen and Hesse),
//     and whether it quotes;
//   - a dynamic programme over both articles in order finds the cheapest
//     chain of beads: one unit against one (the usual case), one against
//     two (a paragraph split), or a unit with no counterpart (two against
//     two, which Gale and Church allow, took pairs of paragraphs whose
//     lengths fit only together from two good one-to-one beads). A bead costs
//     its prior, how far its lengths stray from the ratio of the two
//     articles' lengths (a normal model of the difference), less its
//     shared anchors, plus its clashing figures and quotations;
//   - the chain is a translation when nearly every unit is in a bead with
//     a counterpart, the lengths fit, and the anchors the two sides hold
//     fall on the chain; anything else (two outlets' reports of one event
//     in two languages) is left to the ordinary aligner.
//
// A unit pairs only with one of its own class (headlines with headlines,
// captions with captions, the body with the body).
package bitext

import (
	"math"
)

// Unit is one block to align: its text and its class.
type Unit struct {
	Text  string
	Class int
}

// Bead is a group of consecutive units of each side that translate one
// another; A or B is empty for a unit with no counterpart. Score is the
// bead's confidence in [0,1].
type Bead struct {
	A, B  []int
	Score float64
}

// Result is an alignment and the evidence that it is a translation.
type Result struct {
	Beads []Bead
	// Paired and Gaps count the units in beads with a counterpart and
	// without one; LenFit is the mean over paired beads of how well their
	// lengths fit (1 exactly, 0 far off); Anchored counts paired beads
	// whose two sides both hold anchors, and Agree those of them that
	// share one.
	Paired, Gaps    int
	LenFit          float64
	Anchored, Agree int
	// Distinct counts the paired beads that share a distinctive anchor: a
	// figure or name at most two units of each article hold. A name
	// every paragraph repeats agrees with any pairing; a distinctive one
	// only with the right one.
	Distinct int
	// DistinctHeld counts the paired beads whose two sides each hold a
	// distinctive anchor the other article also has: a paragraph moved
	// in one of two articles pairs with one that holds others.
	DistinctHeld int
	Clashes      int // paired beads whose figures clash
	units        int
	Marker       // marks the differing figures and names of the paired texts
}

// maxCells bounds the programme's tables ((n+1)·(m+1) cells): a longer
// pair, hundreds of paragraphs a side, is no news article and its
// translation, and is left to the ordinary aligner.
const maxCells = 250_000

// bead shapes and their priors: a paragraph is nearly always translated
// as one paragraph.
var shapes = []struct {
	da, db int
	cost   float64
}{
	{1, 1, -math.Log(0.89)},
	{1, 0, -math.Log(0.005)},
	{0, 1, -math.Log(0.005)},
	{2, 1, -math.Log(0.045)},
	{1, 2, -math.Log(0.045)},
}

const (
	variance    = 6.8 // Gale and Church's variance of the length difference per character
	anchorBonus = 2.0 // per anchor a bead's sides share
	clashCost   = 2.0 // per figure each side has and the other lacks
	quoteCost   = 1.0 // a quotation on one side only
)

// Align aligns a with b in order. It returns nil when the pair is too
// long for the programme's budget.
func Align(a, b []Unit) *Result {
	n, m := len(a), len(b)
	if n == 0 || m == 0 || (n+1)*(m+1) > maxCells {
		return nil
	}
	p := newPair(a, b)
	from, ok := p.chain()
	if !ok {
		return nil
	}
	return p.result(from)
}

// pair is what the programme reads of two articles: their units, their
// lengths in characters and anchors, and the ratio of their lengths.
type pair struct {
	a, b   []Unit
	la, lb []float64
	aa, ab []anchors
	ka, kb map[string]bool // the capitalised words of each (keysOf)
	ratio  float64
}

func newPair(a, b []Unit) *pair {
	p := &pair{a: a, b: b, ka: keysOf(unitTexts(a)), kb: keysOf(unitTexts(b))}
	p.la, p.lb = make([]float64, len(a)), make([]float64, len(b))
	p.aa, p.ab = make([]anchors, len(a)), make([]anchors, len(b))
	var ta, tb float64
	for i, u := range a {
		p.la[i] = float64(len([]rune(u.Text)))
		p.aa[i] = anchorsOf(u.Text, p.kb)
		ta += p.la[i]
	}
	for j, u := range b {
		p.lb[j] = float64(len([]rune(u.Text)))
		p.ab[j] = anchorsOf(u.Text, p.ka)
		tb += p.lb[j]
	}
	p.ratio = 1.0
	if ta > 0 && tb > 0 {
		p.ratio = tb / ta
	}
	return p
}

// chain runs the programme over a band around the diagonal and returns,
// per cell, the shape of the cheapest bead ending there; false when no
// chain reaches the end.
func (p *pair) chain() ([][]int8, bool) {
	n, m := len(p.a), len(p.b)
	band := max(8, 2*abs(n-m)+8)
	// the diagonal, scaled to the two lengths: j ≈ i·m/n
	lo := func(i int) int { return max(0, i*m/n-band) }
	hi := func(i int) int { return min(m, i*m/n+band) }
	inf := math.Inf(1)
	cost := make([][]float64, n+1)
	from := make([][]int8, n+1)
	for i := range cost {
		cost[i] = make([]float64, m+1)
		from[i] = make([]int8, m+1)
		for j := range cost[i] {
			cost[i][j] = inf
			from[i][j] = -1
		}
	}
	cost[0][0] = 0
	for i := 0; i <= n; i++ {
		for j := lo(i); j <= hi(i); j++ {
			if i == 0 && j == 0 {
				continue
			}
			for s, sh := range shapes {
				pi, pj := i-sh.da, j-sh.db
				if pi < 0 || pj < 0 || cost[pi][pj] == inf {
					continue
				}
				c := cost[pi][pj] + sh.cost + p.beadCost(i, j, sh.da, sh.db)
				if c < cost[i][j] {
					cost[i][j] = c
					from[i][j] = int8(s)
				}
			}
		}
	}
	return from, cost[n][m] != inf
}

// bead returns the lengths and anchors of units a[i-da:i] and b[j-db:j]
// together; false when they are not all of one class.
func (p *pair) bead(i, j, da, db int) (l1, l2 float64, x, y anchors, ok bool) {
	cls := -1
	for k := i - da; k < i; k++ {
		if cls >= 0 && p.a[k].Class != cls {
			return 0, 0, x, y, false
		}
		cls = p.a[k].Class
		l1 += p.la[k]
		x = merge(x, p.aa[k])
	}
	for k := j - db; k < j; k++ {
		if p.b[k].Class != cls {
			return 0, 0, x, y, false
		}
		l2 += p.lb[k]
		y = merge(y, p.ab[k])
	}
	return l1, l2, x, y, true
}

// beadCost is the cost of a bead of units a[i-da:i] against b[j-db:j],
// less its prior.
func (p *pair) beadCost(i, j, da, db int) float64 {
	if da == 0 || db == 0 {
		return 0
	}
	l1, l2, x, y, ok := p.bead(i, j, da, db)
	if !ok {
		return math.Inf(1)
	}
	c := -math.Log(max(1e-12, lenFit(l1, l2, p.ratio)))
	shared, onlyX, onlyY := matches(x, y)
	c -= anchorBonus * float64(shared)
	c += clashCost * float64(min(onlyX, onlyY))
	if x.quoted != y.quoted {
		c += quoteCost
	}
	return c
}

// result follows the chain back from the end and counts the evidence that
// it is a translation.
func (p *pair) result(from [][]int8) *Result {
	n, m := len(p.a), len(p.b)
	fa, fb := unitFreq(p.aa), unitFreq(p.ab)
	res := &Result{units: n + m, Marker: Marker{keysA: p.ka, keysB: p.kb}}
	var fits float64
	for i, j := n, m; i > 0 || j > 0; {
		sh := shapes[from[i][j]]
		bd := Bead{}
		for k := i - sh.da; k < i; k++ {
			bd.A = append(bd.A, k)
		}
		for k := j - sh.db; k < j; k++ {
			bd.B = append(bd.B, k)
		}
		if sh.da > 0 && sh.db > 0 {
			// a bead of the chain is of one class: its cost was finite
			l1, l2, x, y, _ := p.bead(i, j, sh.da, sh.db)
			fit := lenFit(l1, l2, p.ratio)
			fits += fit
			shared, onlyX, onlyY := matches(x, y)
			if distinctShared(x, y, fa, fb) {
				res.Distinct++
			}
			if holdsDistinct(x, fa, fb) && holdsDistinct(y, fb, fa) {
				res.DistinctHeld++
			}
			if len(x.nums)+len(x.names) > 0 && len(y.nums)+len(y.names) > 0 {
				res.Anchored++
				if shared > 0 {
					res.Agree++
				}
			}
			clash := min(onlyX, onlyY) > 0
			if clash {
				res.Clashes++
			}
			bd.Score = beadScore(fit, shared, clash)
			res.Paired += sh.da + sh.db
		} else {
			bd.Score = 1
			res.Gaps += sh.da + sh.db
		}
		res.Beads = append(res.Beads, bd)
		i, j = i-sh.da, j-sh.db
	}
	for l, r := 0, len(res.Beads)-1; l < r; l, r = l+1, r-1 {
		res.Beads[l], res.Beads[r] = res.Beads[r], res.Beads[l]
	}
	if pairs := len(res.Beads) - countGaps(res.Beads); pairs > 0 {
		res.LenFit = fits / float64(pairs)
	}
	return res
}

// unitFreq counts, per figure and name key, the units holding it.
func unitFreq(as []anchors) map[string]int {
	m := map[string]int{}
	for _, a := range as {
		seen := map[string]bool{}
		for _, k := range append(append([]string(nil), a.nums...), a.names...) {
			if !seen[k] {
				seen[k] = true
				m[k]++
			}
		}
	}
	return m
}

// holdsDistinct says whether x holds a figure or name that at most two
// units of its article (own counts) hold and that the other article has
// (other counts), at most in two units too.
func holdsDistinct(x anchors, own, other map[string]int) bool {
	for _, k := range append(append([]string(nil), x.nums...), x.names...) {
		if own[k] <= 2 && other[k] >= 1 && other[k] <= 2 {
			return true
		}
	}
	return false
}

// distinctShared says whether x and y share a figure or name that at most
// two units of each article hold.
func distinctShared(x, y anchors, fa, fb map[string]int) bool {
	for _, k := range append(append([]string(nil), x.nums...), x.names...) {
		if fa[k] <= 2 && fb[k] <= 2 && (contains(y.nums, k) || contains(y.names, k)) {
			return true
		}
	}
	return false
}

func countGaps(bs []Bead) int {
	n := 0
	for _, b := range bs {
		if len(b.A) == 0 || len(b.B) == 0 {
			n++
		}
	}
	return n
}

// lenFit is the probability of a length difference at least as large as
// that of l1 and l2 units of text, if l2 is l1 translated at ratio.
func lenFit(l1, l2, ratio float64) float64 {
	mean := (l1 + l2/ratio) / 2
	if mean <= 0 {
		return 1
	}
	delta := (l2 - l1*ratio) / math.Sqrt(mean*variance)
	return math.Erfc(math.Abs(delta) / math.Sqrt2)
}

// beadScore is a paired bead's confidence: a translated paragraph is
// likely when the length fits, more so with a shared anchor; clashing
// figures take it down (the reader still shows them side by side).
func beadScore(fit float64, shared int, clash bool) float64 {
	s := 0.6 + 0.3*fit
	if shared > 0 {
		s += 0.09
	}
	if clash {
		s -= 0.1
	}
	return math.Round(min(0.99, s)*1000) / 1000
}

func merge(x, y anchors) anchors {
	x.nums = append(x.nums[:len(x.nums):len(x.nums)], y.nums...)
	x.runs = append(x.runs[:len(x.runs):len(x.runs)], y.runs...)
	x.names = append(x.names[:len(x.names):len(x.names)], y.names...)
	x.quoted = x.quoted || y.quoted
	return x
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Translation thresholds: nearly every unit has a counterpart, lengths fit
// on the whole, the anchors agree where both sides have them, and enough
// pairs share a distinctive anchor. Set on ten articles and their
// translations (German and French, both ways) against the 40 pairs of an
// article and another article's translation in the other language and against translations
// with paragraphs dropped or moved: every translation had at least three
// paragraph pairs sharing a distinctive anchor, half its pairs or more,
// every anchored pair agreeing, and a length fit of 0.59 or more; no
// other pair had more than two. A translation whose paragraphs were
// shuffled can still pass when the moved ones hold no anchor; its
// paragraphs then pair in order, wrongly.
const (
	minPairedShare   = 0.85
	minLenFit        = 0.45
	minAgreeShare    = 0.9 // of the pairs with anchors on both sides, and of those with distinctive ones
	minDistinct      = 3
	minDistinctShare = 0.4
	minPaired        = 3 // units: a headline and a paragraph prove nothing
	// a translator keeps the paragraphs: a short report whose every
	// paragraph stands for two of a longer one tells the same story, but
	// is no translation of it
	minOneToOneShare = 0.75
)

// Translation says whether r reads as one article and its translation.
func (r *Result) Translation() bool {
	if r == nil || r.Paired < 2*minPaired {
		return false
	}
	if float64(r.Paired) < minPairedShare*float64(r.units) {
		return false
	}
	if r.LenFit < minLenFit {
		return false
	}
	if r.Anchored == 0 || float64(r.Agree) < minAgreeShare*float64(r.Anchored) {
		return false
	}
	if float64(r.Distinct) < minAgreeShare*float64(r.DistinctHeld) {
		return false
	}
	pairs := len(r.Beads) - countGaps(r.Beads)
	if float64(countOneToOne(r.Beads)) < minOneToOneShare*float64(pairs) {
		return false
	}
	return r.Distinct >= minDistinct && float64(r.Distinct) >= minDistinctShare*float64(pairs)
}

// countOneToOne counts the beads of one unit against one.
func countOneToOne(bs []Bead) int {
	n := 0
	for _, b := range bs {
		if len(b.A) == 1 && len(b.B) == 1 {
			n++
		}
	}
	return n
}
