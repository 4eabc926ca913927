package align

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
)

// Candidate generation. Scoring every block against every other block is
// quadratic; instead each block looks up the blocks that share its rarest
// terms in an inverted index (prefix filtering: two reports of one event
// share at least one of their rarer names, figures or words) and keeps the
// best few per other article for full scoring.
const (
	candTerms  = 24  // rarest terms of a block used to look up candidates
	candPerArt = 12  // candidates kept per block and other article
	candMin    = 4   // candidates kept at least, however long the story
	candLong   = 200 // articles longer than this many blocks keep fewer candidates
	// candArticles is the most other articles for which a block keeps
	// candPerArt candidates in each; with more, it keeps fewer, at least
	// candFew
	candArticles = 4
	candFew      = 2
)

// pairScratch is the scratch space of scoring one block pair at a time.
type pairScratch struct {
	sq       []float64  // per sentence pair: shared weight
	sn       []int32    // per sentence pair: shared terms
	touched  []int32    // sentence pairs with shared terms
	sharedAt [][2]int32 // positions in x and y of the terms they share
	posX     []int32    // per term: 1 + its position in block cur, 0 if cur lacks it
	cur      *block
	warm     uint64 // what reading blocks ahead found: kept, never used
}

// setX makes x the block whose terms posX places; the pairs of one block
// come one after another, so this is done once per block.
func (sc *pairScratch) setX(x *block, nterms int) {
	if sc.cur == x {
		return
	}
	sc.clearX()
	if len(sc.posX) < nterms {
		sc.posX = make([]int32, nterms)
	}
	for i, t := range x.terms {
		sc.posX[t] = int32(i + 1)
	}
	sc.cur = x
}

// clearX leaves posX all zero.
func (sc *pairScratch) clearX() {
	if sc.cur != nil {
		for _, t := range sc.cur.terms {
			sc.posX[t] = 0
		}
		sc.cur = nil
	}
}

// lookupScratch is the scratch space of the candidate lookup: the score
// table is as long as the story, so it serves many chunks of blocks.
type lookupScratch struct {
	acc     []float64  // per block: its score for the block looked up; zero between blocks
	out     [][2]int32 // a chunk's candidates, copied out at their length
	touched []int32
	order   []int32
	keys    []uint64
	top     [][]scored
	floor   []float64
}

// pair is a scored candidate pairing of two blocks of different articles.
// It keeps only what the second stage needs: a story has many thousands.
type pair struct {
	x, y    int32   // indices into corpusIndex.all, x < y
	base    float64 // first-stage log-odds from what the two blocks share (evidence)
	p       float64 // probability that the two report the same thing
	halves  uint8   // support of confident neighbouring pairs, in halves: 0 to 2 (see neigh)
	speaker bool    // the best-matching sentences attribute speech to one name
	shares  bool    // the blocks share a term (whole-block cosine above 0)
	terms   uint8   // how many terms the blocks share, at most 255
	qdiff   bool    // both blocks quote at length, in different words
}

// neigh is the support of confident neighbouring pairs, 0 to 1: a half
// for a confident pair before, a half for one after. Kept as a count, a
// pair is 32 bytes instead of 40.
func (p *pair) neigh() float64 { return float64(p.halves) / 2 }

// evidence is what a block pair shares.
type evidence struct {
	cos     float64 // cosine of the tf-idf vectors of the whole blocks
	sent    float64 // best cosine of two sentences sharing two or more terms
	sent1   float64 // best cosine of two sentences sharing one term
	cover   float64 // share of the smaller block's idf mass the other holds
	quote   float64 // rare quoted word 4-grams in common
	numbers float64 // figures in common
	sentc   float64 // best containment of the shorter of two sentences sharing two or more terms
	qterms  float64 // share of the quoted words of the smaller quotation the other quotes too
	speaker float64 // 1 if the best-matching sentences attribute speech to one name
	terms   int     // how many terms the blocks share
	qdiff   bool    // both blocks quote someone at length, in different words
}

// rivals is the second stage's view of a pair: its shared content among
// the pair's rivals and neighbours.
type rivals struct {
	base    float64 // first-stage log-odds from the shared content
	relx    float64 // base minus the best base of the first block with any block of the other article (≤ 0)
	rely    float64 // the same from the second block's side
	neigh   float64 // support of confident neighbouring pairs, 0 to 1
	pos     float64 // distance of the two blocks' relative positions in their articles, 0 to 1
	speaker float64 // 1 if the best-matching sentences attribute speech to one name
	qdiff   float64 // 1 if both blocks quote at length in different words
}

// parallelPostings is the fewest postings a story's index must hold to be
// filled on more than one processor. (A variable, so that tests can take
// either way.)
var parallelPostings = 1 << 18

// postingBudget bounds the postings a block walks to find its candidates:
// it looks its terms up rarest first and stops when the next term would
// take it over budget, so a story's ubiquitous words are never walked and
// the lookup stays linear on long stories.
const postingBudget = 1024

// candidates returns the block pairs worth scoring, sorted.
func (ix *corpusIndex) candidates() [][2]int32 {
	// postings in one array: post(t) = flat[start[t]:start[t+1]]
	start := make([]int32, len(ix.df)+1)
	for t, d := range ix.df {
		start[t+1] = start[t] + d
	}
	flat := make([]int32, start[len(ix.df)])
	// filled a share of the blocks per processor: each share counts its
	// terms, and its postings of a term follow those of the shares before
	parts := 1
	if len(flat) >= parallelPostings {
		parts = runtime.GOMAXPROCS(0)
	}
	share := func(p int) []*block { return ix.all[p*len(ix.all)/parts : (p+1)*len(ix.all)/parts] }
	fills := make([][]int32, parts)
	parallel(parts, func(p int) {
		fill := make([]int32, len(ix.df))
		for _, b := range share(p) {
			for _, t := range b.terms {
				fill[t]++
			}
		}
		fills[p] = fill
	})
	for t, at := range start[:len(ix.df)] {
		for _, fill := range fills {
			at, fill[t] = at+fill[t], at
		}
	}
	parallel(parts, func(p int) {
		fill, g0 := fills[p], p*len(ix.all)/parts
		for i, b := range share(p) {
			for _, t := range b.terms {
				flat[fill[t]] = int32(g0 + i)
				fill[t]++
			}
		}
	})
	post := func(t int32) []int32 { return flat[start[t]:start[t+1]] }
	artOf := make([]int32, len(ix.all))
	classes := make([]class, len(ix.all))
	for g, b := range ix.all {
		artOf[g], classes[g] = int32(b.art), b.class
	}
	longest := 0
	for _, a := range ix.arts {
		longest = max(longest, len(a))
	}
	keep := candidatesKept(longest, len(ix.arts))
	const chunk = 256
	nchunks := (len(ix.all) + chunk - 1) / chunk
	outs := make([][][2]int32, nchunks)
	var scratch sync.Pool // of *lookupScratch: one per processor at work
	parallel(nchunks, func(c int) {
		sc, _ := scratch.Get().(*lookupScratch)
		if sc == nil {
			sc = new(lookupScratch)
		}
		outs[c] = ix.candidatesOf(c*chunk, min(len(ix.all), (c+1)*chunk), post, artOf, classes, keep, sc)
		scratch.Put(sc)
	})
	return sortPairs(outs, len(ix.all))
}

// candidatesKept is how many candidates a block keeps in each other article
// of a story of articles articles, the longest of longest blocks.
func candidatesKept(longest, articles int) int {
	// On long stories each block keeps fewer candidates, so that full
	// scoring stays linear; a block's counterpart is almost always among
	// its first few by shared rare terms.
	keep := min(candPerArt, max(candMin, candPerArt*candLong/max(longest, 1)))
	// and in a story of many articles fewer per other article: a block
	// has one counterpart in each, and the pairs grow as the square of
	// the articles
	return min(keep, max(candFew, candPerArt*candArticles/max(articles-1, 1)))
}

// sortPairs returns the pairs of lists sorted by first, then second block,
// each once: a counting sort by the first block, then a short sort of each
// block's few pairs.
func sortPairs(lists [][][2]int32, n int) [][2]int32 {
	at := make([]int32, n+1)
	total := 0
	for _, l := range lists {
		for _, p := range l {
			at[p[0]+1]++
		}
		total += len(l)
	}
	for g := 0; g < n; g++ {
		at[g+1] += at[g]
	}
	out := make([][2]int32, total)
	fill := slices.Clone(at[:n])
	for _, l := range lists {
		for _, p := range l {
			out[fill[p[0]]] = p
			fill[p[0]]++
		}
	}
	k := 0
	for g := 0; g < n; g++ {
		run := out[at[g]:at[g+1]]
		// by the second block: most blocks have a few candidates, but a
		// block many others list may have thousands
		if len(run) <= 32 {
			for i := 1; i < len(run); i++ {
				for j := i; j > 0 && run[j][1] < run[j-1][1]; j-- {
					run[j], run[j-1] = run[j-1], run[j]
				}
			}
		} else {
			slices.SortFunc(run, func(p, q [2]int32) int { return int(p[1]) - int(q[1]) })
		}
		for i, p := range run {
			if i == 0 || p[1] != run[i-1][1] {
				out[k] = p
				k++
			}
		}
	}
	// at their length: a block's pair found from both its blocks is
	// listed twice before, and the pairs are held through scoring
	return slices.Clone(out[:k])
}

// termsToLook returns the positions in b.terms of the terms whose posting
// lists b's candidates are gathered from: its rarest terms (ties by term
// id, for determinism), as long as the posting budget lasts. keys and
// order are scratch, returned for reuse.
func (ix *corpusIndex) termsToLook(b *block, post func(int32) []int32, keys []uint64, order []int32) ([]uint64, []int32) {
	// packed keys: document frequency, term, position
	keys = keys[:0]
	var rarest uint64 = math.MaxUint64
	for k, t := range b.terms {
		if k > 0xffff {
			break // past what a key holds: enough terms to find candidates with
		}
		if t >= 1<<24 {
			continue
		}
		key := uint64(ix.df[t])<<40 | uint64(t)<<16 | uint64(k)
		rarest = min(rarest, key)
		if ix.df[t] <= postingBudget {
			keys = append(keys, key) // only rare terms can fit the budget after the first
		}
	}
	if len(keys) == 0 && rarest != math.MaxUint64 {
		keys = append(keys, rarest)
	}
	// smallest keys first, as long as the budget lasts: popped from a
	// heap, since only the first few of a block's keys are ever used
	heapify(keys)
	order = order[:0]
	walked := 0
	for n := 0; len(keys) > 0; n++ {
		k := int32(keys[0] & 0xffff)
		d := len(post(b.terms[k]))
		if n >= candTerms || (n > 0 && walked+d > postingBudget) {
			break
		}
		walked += d
		order = append(order, k)
		keys = heapPop(keys)
	}
	return keys, order
}

// keepTop keeps, in top, the keep best blocks of each article among those
// touched, by their accumulated score acc (cleared on the way: ready for
// the next block); floor[a] is top[a]'s last score once it is full.
func keepTop(touched []int32, acc []float64, artOf []int32, top [][]scored, floor []float64, keep int) {
	for a := range top {
		top[a] = top[a][:0]
		floor[a] = 0
	}
	for _, h := range touched {
		a := artOf[h]
		v := acc[h]
		acc[h] = 0
		if v < floor[a] {
			continue // most blocks touched fall short of a full list's last
		}
		if l := top[a]; len(l) == keep && v == floor[a] && h > l[keep-1].h {
			continue // a tie goes to the earlier block
		}
		top[a] = insertTop(top[a], scored{v, h}, keep)
		if l := top[a]; len(l) == keep {
			floor[a] = l[keep-1].v
		}
	}
}

// candidatesOf finds the candidates of blocks lo to hi-1 of ix.all.
func (ix *corpusIndex) candidatesOf(lo, hi int, post func(int32) []int32, artOf []int32, classes []class, keep int, sc *lookupScratch) [][2]int32 {
	if len(sc.acc) < len(ix.all) {
		sc.acc = make([]float64, len(ix.all)) // all zero between blocks
	}
	if len(sc.top) < len(ix.arts) {
		sc.top, sc.floor = make([][]scored, len(ix.arts)), make([]float64, len(ix.arts))
	}
	acc, touched, order, keys := sc.acc, sc.touched[:0], sc.order[:0], sc.keys[:0]
	defer func() { sc.touched, sc.order, sc.keys = touched, order, keys }()
	top := sc.top[:len(ix.arts)]     // per other article: best candidates, best first
	floor := sc.floor[:len(ix.arts)] // per other article: its full list's last score, else 0
	// at most keep candidates per block and other article, gathered in
	// the scratch buffer and returned at their length: in a story of many
	// articles most blocks fill few of their places
	out := sc.out[:0]
	defer func() { sc.out = out }()
	artFirst := make([]int32, len(ix.arts)+1) // per article: its first block's index in ix.all
	for a, row := range ix.arts {
		artFirst[a+1] = artFirst[a] + int32(len(row))
	}
	for g := lo; g < hi; g++ {
		b := ix.all[g]
		if b.class == classNone || len(b.terms) == 0 {
			continue
		}
		keys, order = ix.termsToLook(b, post, keys, order)
		touched = touched[:0]
		// a posting list is in story order, so the block's own article
		// is one run of it, skipped whole
		own0, own1 := artFirst[b.art], artFirst[b.art+1]
		for _, k := range order {
			t := b.terms[k]
			ps := post(t)
			if len(ps) > postingBudget {
				// a block with no rare term at all (repetitive or
				// generated text): a bounded look, never a walk over
				// every block of the story
				ps = ps[:postingBudget]
			}
			i0, _ := slices.BinarySearch(ps, own0)
			i1, _ := slices.BinarySearch(ps[i0:], own1)
			w := float64(b.tf[k]) * ix.weight[t]
			for _, run := range [2][]int32{ps[:i0], ps[i0+i1:]} {
				for _, h := range run {
					if classes[h] != b.class {
						continue
					}
					if acc[h] == 0 {
						touched = append(touched, h)
					}
					acc[h] += w
				}
			}
		}
		keepTop(touched, acc, artOf, top, floor, keep)
		for _, list := range top {
			for _, c := range list {
				x, y := int32(g), c.h
				if y < x {
					x, y = y, x
				}
				out = append(out, [2]int32{x, y})
			}
		}
	}
	return slices.Clone(out)
}

// heapify orders h as a binary min-heap.
func heapify(h []uint64) {
	for i := len(h)/2 - 1; i >= 0; i-- {
		siftDown(h, i)
	}
}

// heapPop removes the least key, h[0], from the heap h.
func heapPop(h []uint64) []uint64 {
	n := len(h) - 1
	h[0] = h[n]
	h = h[:n]
	siftDown(h, 0)
	return h
}

func siftDown(h []uint64, i int) {
	for {
		c := 2*i + 1
		if c >= len(h) {
			return
		}
		if c+1 < len(h) && h[c+1] < h[c] {
			c++
		}
		if h[i] <= h[c] {
			return
		}
		h[i], h[c] = h[c], h[i]
		i = c
	}
}

// scored is a candidate block and its lookup score.
type scored struct {
	v float64
	h int32
}

// better orders candidates by score, ties by index.
func (p scored) better(q scored) bool { return p.v > q.v || (p.v == q.v && p.h < q.h) }

// insertTop keeps list the k best candidates, best first.
func insertTop(list []scored, c scored, k int) []scored {
	if len(list) == k && !c.better(list[len(list)-1]) {
		return list
	}
	if len(list) < k {
		list = append(list, c)
	} else {
		list[len(list)-1] = c
	}
	for i := len(list) - 1; i > 0 && list[i].better(list[i-1]); i-- {
		list[i], list[i-1] = list[i-1], list[i]
	}
	return list
}

// score measures what blocks x and y share.
func (ix *corpusIndex) score(x, y *block, sc *pairScratch) evidence {
	var e evidence
	if x.norm == 0 || y.norm == 0 {
		return e
	}
	dot, shared := 0.0, 0.0
	sc.sharedAt = sc.sharedAt[:0]
	// the shared terms in y's order, found by a look-up of each of y's
	// terms in x's
	sc.setX(x, len(ix.df))
	posX := sc.posX
	for j, t := range y.terms {
		p := posX[t]
		if p == 0 {
			continue
		}
		i := int(p - 1)
		dot += float64(x.tf[i]) * float64(y.tf[j])
		sc.sharedAt = append(sc.sharedAt, [2]int32{int32(i), int32(j)})
		shared += ix.weight[t]
		if ix.rareFigure[t] {
			e.numbers++
		}
	}
	e.terms = len(sc.sharedAt)
	e.cos = dot / (x.norm * y.norm)
	if m := min(x.mass, y.mass); m > 0 {
		e.cover = shared / m
	}
	ix.sentences(x, y, &e, sc)
	e.quote = ix.sharedShingles(x.quoted, y.quoted)
	if len(x.qterms) > 0 && len(y.qterms) > 0 {
		shared, mx, my := 0.0, 0.0, 0.0
		for _, t := range x.qterms {
			mx += ix.weight[t]
		}
		for _, t := range y.qterms {
			my += ix.weight[t]
		}
		i, j := 0, 0
		for i < len(x.qterms) && j < len(y.qterms) {
			switch {
			case x.qterms[i] < y.qterms[j]:
				i++
			case x.qterms[i] > y.qterms[j]:
				j++
			default:
				shared += ix.weight[x.qterms[i]]
				i++
				j++
			}
		}
		e.qterms = shared / min(mx, my)
		e.qdiff = len(x.qterms) >= qdiffTerms && len(y.qterms) >= qdiffTerms && e.qterms < qdiffShare
	}
	return e
}

// sentences finds the best-matching sentence pairs of x and y. It walks only
// the terms the two blocks share (found by score), adding each to the
// sentence pairs that both hold it, so its cost follows the overlap rather
// than the product of the blocks' sentences.
func (ix *corpusIndex) sentences(x, y *block, e *evidence, sc *pairScratch) {
	// tsent has a bit for each of a block's first 63 sentences and one for
	// all later ones: at most 64 by 64 sentence pairs, however long the
	// blocks (a transcript of thousands of sentences in one paragraph)
	ny := len(y.snorm)
	if need := len(x.snorm) * ny; cap(sc.sq) < need {
		sc.sq = make([]float64, need)
		sc.sn = make([]int32, need)
	} else {
		sc.sq = sc.sq[:need]
		sc.sn = sc.sn[:need]
	}
	sc.touched = sc.touched[:0]
	for _, at := range sc.sharedAt {
		w := ix.weight[x.terms[at[0]]]
		by0 := y.sentBits(int(at[1]))
		for bx := x.sentBits(int(at[0])); bx != 0; bx &= bx - 1 {
			s := bits.TrailingZeros64(bx)
			for by := by0; by != 0; by &= by - 1 {
				k := s*ny + bits.TrailingZeros64(by)
				if sc.sn[k] == 0 {
					sc.touched = append(sc.touched, int32(k))
				}
				sc.sq[k] += w * w
				sc.sn[k]++
			}
		}
	}
	bs, bt, bc := int32(-1), int32(-1), -1.0 // the best-matching sentence pair
	for _, k := range sc.touched {
		q, n := sc.sq[k], sc.sn[k]
		sc.sq[k], sc.sn[k] = 0, 0
		sn, tn := x.snorm[int(k)/ny], y.snorm[int(k)%ny]
		c := min(q/(sn*tn), 1)
		if c > bc {
			bc, bs, bt = c, int32(int(k)/ny), int32(int(k)%ny)
		}
		if n >= 2 {
			e.sent = max(e.sent, c)
			e.sentc = max(e.sentc, min(math.Sqrt(q)/min(sn, tn), 1))
		} else {
			e.sent1 = max(e.sent1, c)
		}
	}
	// a statement and its retelling: the best-matching sentences name
	// one speaker
	if bs >= 0 && sameSpeaker(x, y, bs, bt) {
		e.speaker = 1
	}
}

// sharedShingles counts the 4-grams two sorted lists share, each weighted
// down by how many other blocks also hold it: a much-repeated slogan is less
// sign of one statement than a quotation two blocks alone share.
func (ix *corpusIndex) sharedShingles(a, b []uint64) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] < b[j]:
			i++
		case a[i] > b[j]:
			j++
		default:
			s += 1 / float64(max(ix.shdf.get(a[i])-1, 1))
			i++
			j++
		}
	}
	return s
}

func isNumber(s string) bool { return s != "" && s[0] >= '0' && s[0] <= '9' }

// Model weights: a logistic model of whether two blocks report the same
// thing, fitted once on real multi-outlet coverage with paragraph gold. The
// first stage reads what the two blocks share; the second how the pair
// compares with each block's best rival (outlets retell an event once, so
// the best match of a block is worth more than its runner-up) and whether
// its neighbours are aligned too.
const (
	wBias  = -5.753
	wCos   = 4.393
	wSent  = 3.263
	wSent1 = 0.159
	wCover = 3.974
	wQuote = 0.988
	wNum   = 1.404
	wSentC = 3.185
	wQTerm = 1.048

	vBias  = 0.486
	vBase  = 1.017
	vBest  = 0.221
	vRel   = 0.349
	vNeigh = 2.338
	vPos   = -1.147
	// vSpeak weighs a speaker the best-matching sentences of both blocks
	// name: a statement retold in other words shares few of its words,
	// but it keeps its speaker. It is weighed with the pair's rivals
	// rather than with its words, so it does not push the speaker's other
	// statements down as rivals.
	vSpeak = 0.91
	// vQDiff weighs two blocks that both quote at length (qdiffTerms
	// quoted terms or more) and share few quoted words (less than
	// qdiffShare of the smaller quotation's weight): two statements,
	// even of one speaker, rather than one statement retold.
	vQDiff     = -0.98
	qdiffTerms = 3
	qdiffShare = 0.2
)

func (e evidence) logit1() float64 {
	// a shared rare figure is evidence only beside shared words: two
	// paragraphs about different people may both say "23"
	num := 0.0
	if e.sent >= 0.2 {
		num = wNum * min(e.numbers, 3)
	}
	return wBias + wCos*e.cos + wSent*e.sent + wSent1*e.sent1 + wCover*e.cover +
		wQuote*math.Log1p(e.quote) + num +
		wSentC*e.sentc + wQTerm*e.qterms
}

func (e rivals) logit2() float64 {
	best := 0.0
	if e.relx >= 0 {
		best++
	}
	if e.rely >= 0 {
		best++
	}
	rel := (max(e.relx, -4) + max(e.rely, -4)) / 2
	return vBias + vBase*e.base + vBest*best + vRel*rel + vNeigh*e.neigh + vPos*e.pos + vSpeak*e.speaker + vQDiff*e.qdiff
}

func sigmoid(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// sameSpeaker tells whether sentence s of x and sentence t of y attribute
// speech to one name.
func sameSpeaker(x, y *block, s, t int32) bool {
	for _, a := range x.speakers {
		if a.sent != s {
			continue
		}
		for _, b := range y.speakers {
			if b.sent == t && b.term == a.term {
				return true
			}
		}
	}
	return false
}
