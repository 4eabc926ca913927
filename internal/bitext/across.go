package bitext

import "math"

// Two outlets' reports of one event in two languages share no words, and
// their paragraphs follow no common order: what they share are anchors, the
// figures and names both hold. Across pairs their paragraphs on anchors
// alone, and says little: a pair is an event only when it shares two
// anchors that few paragraphs of either article hold and each side is the
// other's best; one makes a possible match; a name every paragraph
// repeats makes nothing.

// Link is a pair of units of two articles, I of the first and J of the
// second, with its probability of reporting the same thing.
type Link struct {
	I, J  int
	Score float64
}

// The probabilities Across gives: an event (anchors worth two distinctive
// ones, each side the other's best), a possible match (anchors worth one
// distinctive one) and the pairs no reader shows (anchors worth less).
const (
	acrossSure     = 0.7
	acrossPossible = 0.4
	acrossWeak     = 0.2
)

// The evidence an event and a possible match need, in distinctive
// anchors: an anchor one paragraph of each article holds is worth 1, one
// that every paragraph holds 0.
const (
	sureEvidence     = 1.5
	possibleEvidence = 0.8
)

// Across pairs the units of a and b, two articles in two languages that
// are not a translation of one another, on the anchors they share. Units
// pair only with units of their own class. It returns the pairs sharing
// an anchor, in order of I, then J.
func Across(a, b []Unit) []Link {
	if len(a) == 0 || len(b) == 0 {
		return nil
	}
	p := newPair(a, b)
	aa, ab := p.aa, p.ab
	w := rarity(unitFreq(aa), unitFreq(ab), len(a), len(b))
	type cand struct {
		i, j int
		ev   float64
	}
	var cands []cand
	bestA := make([]float64, len(a)) // per unit of a: its best evidence
	bestB := make([]float64, len(b))
	for i := range a {
		for j := range b {
			if a[i].Class != b[j].Class {
				continue
			}
			ev := evidence(aa[i], ab[j], w)
			if ev == 0 {
				continue
			}
			cands = append(cands, cand{i, j, ev})
			bestA[i] = max(bestA[i], ev)
			bestB[j] = max(bestB[j], ev)
		}
	}
	// how many units of the other article reach a unit's best: a tie
	// means the anchors do not tell which one it is
	tiesA, tiesB := make([]int, len(a)), make([]int, len(b))
	for _, c := range cands {
		if c.ev == bestA[c.i] {
			tiesA[c.i]++
		}
		if c.ev == bestB[c.j] {
			tiesB[c.j]++
		}
	}
	out := make([]Link, 0, len(cands))
	for _, c := range cands {
		mutual := c.ev == bestA[c.i] && c.ev == bestB[c.j] && tiesA[c.i] == 1 && tiesB[c.j] == 1
		s := acrossWeak
		switch {
		case c.ev >= sureEvidence && mutual && !clash(aa[c.i], ab[c.j]):
			s = acrossSure
		case c.ev >= possibleEvidence:
			s = acrossPossible
		}
		out = append(out, Link{I: c.i, J: c.j, Score: s})
	}
	return out
}

// rarity weighs each figure and name key by how few units of each article
// hold it: 1 for a key one unit of each holds, falling to 0 for one that
// every unit holds (the rarer side's inverse frequency cannot make up for
// the commoner side's).
func rarity(fa, fb map[string]int, na, nb int) map[string]float64 {
	scale := math.Log(float64(max(na, nb, 2)))
	w := make(map[string]float64, len(fa))
	for k, ca := range fa {
		cb := fb[k]
		if cb == 0 {
			continue
		}
		r := min(math.Log(float64(na)/float64(ca)), math.Log(float64(nb)/float64(cb))) / scale
		w[k] = min(1, max(0, r))
	}
	return w
}

// evidence sums the weights of the figures and names x and y share, each
// key once.
func evidence(x, y anchors, w map[string]float64) float64 {
	ev := 0.0
	seen := map[string]bool{}
	add := func(k string, held bool) {
		if held && !seen[k] {
			seen[k] = true
			ev += w[k]
		}
	}
	for _, k := range x.nums {
		add(k, contains(y.nums, k))
	}
	for _, k := range x.names {
		add(k, contains(y.names, k))
	}
	return ev
}

// clash says whether each of x and y holds a figure the other has in no
// form: two paragraphs giving different figures report different things
// or disagree, and neither is a sure pair.
func clash(x, y anchors) bool {
	return unmatchedNums(x, y) > 0 && unmatchedNums(y, x) > 0
}

func unitTexts(us []Unit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.Text
	}
	return out
}
