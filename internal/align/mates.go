package align

import "math"

// Two articles of one story report several things alike; two articles of
// one season that happen to share a sentence ("did not respond to a
// request for comment") or a name in a short paragraph report one. An
// article pair's events stand only when the pair reports at least two
// things alike, directly or through the articles it shares them with: a
// lone shared paragraph between two otherwise unrelated articles is left
// to the possible matches.

// storyMates says, for two articles, whether their blocks may share an
// event at threshold: whether they are joined, directly or through other
// articles, by pairs of articles that share body pairs at threshold
// between enough distinct blocks of each (matesShare and matesMin; one
// for two articles in two languages, whose pairs need two distinctive
// anchors each).
func (ix *corpusIndex) storyMates(pairs []pair, threshold float64) func(ap [2]int) bool {
	na := len(ix.arts)
	// per article pair: the first matesMin distinct blocks of each side
	// seen in a pair at threshold (more are never needed)
	type sides struct {
		blk [2][matesMin]int32
		n   [2]int
		top float64 // the most probable of their body pairs
	}
	add := func(sd *sides, k int, g int32) {
		for _, h := range sd.blk[k][:sd.n[k]] {
			if h == g {
				return
			}
		}
		if sd.n[k] < matesMin {
			sd.blk[k][sd.n[k]] = g
			sd.n[k]++
		}
	}
	distinct := make(map[[2]int]*sides)
	for k := range pairs {
		p := &pairs[k]
		if p.p < threshold || p.p <= 0 || !p.shares || ix.all[p.x].class != classBody {
			continue
		}
		ap := ix.artPair(p)
		sd := distinct[ap]
		if sd == nil {
			sd = new(sides)
			distinct[ap] = sd
		}
		add(sd, 0, p.x)
		add(sd, 1, p.y)
		sd.top = max(sd.top, p.p)
	}
	body := make([]int, na) // per article: its body blocks
	for a, bs := range ix.arts {
		for _, b := range bs {
			if b.class == classBody {
				body[a]++
			}
		}
	}
	root := make([]int, na)
	for a := range root {
		root[a] = a
	}
	find := func(a int) int {
		for root[a] != a {
			root[a] = root[root[a]]
			a = root[a]
		}
		return a
	}
	for ap, d := range distinct {
		shorter := min(body[ap[0]], body[ap[1]])
		need := min(matesMin, max(1, int(math.Ceil(matesShare*float64(shorter)))))
		if ix.twoLanguages(ap[0], ap[1]) {
			need = 1 // their pairs stand on distinctive anchors already
		}
		if min(d.n[0], d.n[1]) >= need && d.top >= matesAnchor {
			root[find(ap[1])] = find(ap[0])
		}
	}
	return func(ap [2]int) bool { return find(ap[0]) == find(ap[1]) }
}

// How many distinct body blocks of each of two articles must pair for the
// two to be of one story: one in five of the shorter article's, at least
// one and at most matesMin. Two short pieces may share their one fact; two
// long ones that share one paragraph share a phrase of their season.
//
// And at least one of those pairs must be a confident match (matesAnchor):
// two articles of one story report some one thing alike beyond doubt,
// while two of one season's campaign, a week or months apart, pair
// only loosely, on its names and words ("Sanders", "delegates",
// "primary").
const (
	matesShare  = 0.2
	matesMin    = 2
	matesAnchor = 0.7
)

// A paragraph of one or two words ("- Hillary Clinton.", a list's item)
// says too little to report anything: every longer paragraph that names
// the same person covers it whole. Such a block pairs with a body block
// only when the two are the same short line.
const (
	thinTerms = 3   // fewer terms than this make a thin block
	thinCap   = 0.3 // the most a thin block's pair may score: not even a possible match
)

// capThin caps the probability of the body pairs in which a block is thin
// and the other is not the same short line (as long at most twice and
// nearly the same words).
func (ix *corpusIndex) capThin(pairs []pair) {
	sc := new(pairScratch)
	for k := range pairs {
		p := &pairs[k]
		x, y := ix.all[p.x], ix.all[p.y]
		if x.class != classBody || p.p <= thinCap {
			continue
		}
		small, big := min(len(x.terms), len(y.terms)), max(len(x.terms), len(y.terms))
		if small >= thinTerms || big <= 2*small && ix.score(x, y, sc).cos >= sameLine {
			continue
		}
		p.p = thinCap
	}
}

// sameLine is the cosine above which two short blocks are one line.
const sameLine = 0.8
