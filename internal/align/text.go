package align

import (
	"math"
	"math/bits"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"unsafe"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/par"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// class says what a block may pair with.
type class uint8

const (
	classNone     class = iota // furniture, metadata and teasers: never paired
	classBody                  // paragraphs, standfirsts, headings
	classCaption               // captions pair only with captions
	classHeadline              // headlines pair only with headlines
)

func classOf(k segment.Kind) class {
	if k.IsFurniture() {
		return classNone
	}
	switch k {
	case segment.Caption:
		return classCaption
	case segment.Headline:
		return classHeadline
	}
	return classBody
}

// block holds what the aligner knows about one block.
type block struct {
	art, idx int
	class    class
	terms    []int32   // unique, in order of first use: sorting them bought nothing
	tf       []float32 // counts, then tf-idf weights once the story's df is known (single precision: a story has millions)
	norm     float64   // length of the tf-idf vector
	mass     float64   // sum of idf weights of its distinct terms
	snorm    []float64 // per sentence that holds terms (the 64th stands for all later ones): the length of its idf-weighted binary vector
	tsent    []uint64  // per term: the sentences holding it, a bit each; nil if tsent16 holds them
	tsent16  []uint16  // tsent of a block of 16 sentences or fewer (most paragraphs): a quarter of the memory
	quoted   []uint64  // sorted, unique hashes of the quoted word 4-grams (stop words included)
	qterms   []int32   // sorted, unique terms that lie inside quotation marks
	speakers []speech  // sorted, unique: the names its sentences attribute speech to ("Brandt said", "said Mr. Brandt")
	opening  []speech  // names that open a sentence before a verb of saying: speakers if named so elsewhere
}

// sentBits is tsent of term k of b.
func (b *block) sentBits(k int) uint64 {
	if b.tsent16 != nil {
		return uint64(b.tsent16[k])
	}
	return b.tsent[k]
}

// speech is a name a sentence attributes speech to: the name's term and
// the index of the sentence among the block's sentences that hold terms
// (at most 63, as in block.tsent).
type speech struct{ term, sent int32 }

func (a speech) cmp(b speech) int {
	if a.term != b.term {
		return int(a.term) - int(b.term)
	}
	return int(a.sent) - int(b.sent)
}

// corpusIndex is a story prepared for alignment: its vocabulary, document
// frequencies over its blocks, and every block's features.
type corpusIndex struct {
	voc    *vocabulary
	df     []int32
	weight []float64 // per term: the idf weight
	arts   [][]*block
	all    []*block
	names  []string // per term: its text
	// per term: a figure that few blocks hold, at most one per article
	// (two for a pair of articles): shared, it is a sign of one event
	rareFigure []bool
	shdf       quoteCounts // blocks holding each quoted 4-gram two or more hold
	ndocs      int         // blocks that take part in alignment
	english    bool        // every article is in English (or too short to tell)
	langs      []lang.Lang // per article: its language
}

// scratch buffers reused while tokenising.
type scratch struct {
	word  []byte
	stem  []byte
	spans [][2]int
	words []tokenInfo
	ids   []int32
	pos   []int32 // per term id: its position in the block being built
	cnt   []int32 // per term id: its count in the block being built, zero between blocks
	hs    []uint64
	qids  []int32   // the block's quoted terms
	tfs   []float32 // the block's term counts
	qh    []uint64  // the block's quoted 4-grams
	slab  slab
}

// slab hands out the blocks' feature arrays from large shared arrays: a
// story has tens of thousands of blocks with several small arrays each,
// and one allocation per array cost both time and memory.
type slab struct {
	u64 []uint64
}

// slabSize is the most words an array of a slab holds; a slab's first
// arrays are smaller, so that a short story stays small.
const slabSize = 8192

// slabNext is the length of the array that follows one of length n.
func slabNext(n int) int { return min(slabSize, max(256, 2*n)) }

// take returns n zeroed words cut from the end of the slab's array, whose
// capacity ends there; a full array is replaced by a bigger one, and a big
// n gets an array of its own.
func (s *slab) take(n int) []uint64 {
	if n > slabSize/4 {
		return make([]uint64, n)
	}
	if len(s.u64)+n > cap(s.u64) {
		s.u64 = make([]uint64, 0, max(n, slabNext(cap(s.u64))))
	}
	k := len(s.u64)
	s.u64 = s.u64[:k+n]
	return s.u64[k : k+n : k+n]
}

// tokenInfo is one word of a block: 16 bytes, since a story has millions.
type tokenInfo struct {
	hash uint64
	term int32  // -1 for stop words and noise
	sf   uint32 // the sentence's index in the block << tokBits | the tok flags
}

const (
	tokQuoted = 1 << iota // inside quotation marks
	tokNum                // a figure
	tokUpper              // written with a capital
	tokBits   = 3
	// maxSent is the last sentence index a token holds; later sentences of
	// a block of over half a billion sentences count as that one
	maxSent = 1<<(32-tokBits) - 1
)

func newToken(term int32, h uint64, sent int, quoted, num, upper bool) tokenInfo {
	f := uint32(min(sent, maxSent)) << tokBits
	if quoted {
		f |= tokQuoted
	}
	if num {
		f |= tokNum
	}
	if upper {
		f |= tokUpper
	}
	return tokenInfo{hash: h, term: term, sf: f}
}

func (w tokenInfo) sent() int32  { return int32(w.sf >> tokBits) }
func (w tokenInfo) quoted() bool { return w.sf&tokQuoted != 0 }
func (w tokenInfo) num() bool    { return w.sf&tokNum != 0 }
func (w tokenInfo) upper() bool  { return w.sf&tokUpper != 0 }

// chunkBlocks is how many blocks one tokenising task takes. Long stories
// are tokenised in parallel, chunk by chunk, each chunk with its own
// vocabulary of the terms the story's vocabulary lacks; the vocabularies are
// merged in chunk order, so term ids, and so every result, do not depend on
// how many processors there are.
const chunkBlocks = 32

// waveChunks is how many chunks are tokenised between two merges. Only two
// waves' tokens are held at a time, and words an earlier wave met are
// looked up once in the story's vocabulary, which no one writes while a
// wave is tokenised.
const waveChunks = 4

// overlapChunks is the fewest chunks per processor a wave must have for its
// merge to run beside the building of the last wave's blocks: tokenising a
// wave then runs alone, and on a few chunks the processors would wait for
// its slowest. (A variable, so that tests can take either way.)
var overlapChunks = 8

// maxWaves bounds the waves of a long story: every wave ends in a wait
// for its slowest task, and at 10 MB per side waves of four chunks made
// hundreds of them. A long story's waves take more chunks instead.
const maxWaves = 32

// chunkWork is one chunk's tokens while its wave is indexed; the slots are
// reused from wave to wave.
type chunkWork struct {
	voc   *vocabulary // own while the chunk is tokenised and merged, nil after
	own   vocabulary  // kept from wave to wave: its tables are cleared, not made again
	words []tokenInfo // the tokens of the chunk's blocks, one block after another
	ends  []int       // per block: where its tokens end in words
	remap []int32     // per new term of voc: its id in the story's vocabulary
	scan  scratch
}

// index tokenises every block of arts and computes the story's weights.
func index(arts [][]segment.Block) *corpusIndex {
	ix := &corpusIndex{}
	in := &indexer{ix: ix}
	in.collect(arts)
	ix.ndocs = len(in.work)
	ix.english = allEnglish(in.langs)
	in.cp = germanCompounds(in.texts, in.langs)
	ix.voc = newVocabulary()
	in.plan()
	in.small = textBytes(in.texts) < serialBytes
	in.waves()
	ix.names = ix.voc.names
	ix.voc = nil // the words as written are looked up no more
	parts := runtime.GOMAXPROCS(0)
	if in.small {
		parts = 1
	}
	ix.df = documentFrequencies(in.work, len(ix.names), parts)
	ix.shdf = countQuotes(in.work, parts)
	ix.weigh()
	ix.confirmSpeakers(in.work)
	return ix
}

// indexer is a story being indexed: its blocks to tokenise, in chunks of
// chunkBlocks, tokenised in waves of chunks whose new words are merged
// into the story's vocabulary one wave after another.
type indexer struct {
	ix    *corpusIndex
	work  []*block    // the blocks to tokenise, in story order
	texts []string    // per block of work: its text
	langs []lang.Lang // per block of work: its article's language
	cp    *lang.Compounds
	small bool // a short story, tokenised on one processor
	// waveStart[w] is wave w's first chunk; the last is the number of
	// chunks
	waveStart []int
	// a block builder's term tables are as long as the vocabulary: one
	// per processor at work, not one per chunk
	builders sync.Pool // of *scratch
	// two sets of slots: a wave's blocks are built while the next wave is
	// tokenised or its terms merged
	slots [2][]chunkWork
	// off[w] is the first term id wave w's chunks could add: the story's
	// terms before its merge
	off []int32
}

// collect lays out the blocks of arts in one array, in story order (one
// allocation, and scoring reads blocks near one another together), and
// lists those to tokenise.
func (in *indexer) collect(arts [][]segment.Block) {
	ix := in.ix
	total := 0
	for _, bs := range arts {
		total += len(bs)
	}
	blocks := make([]block, total)
	ix.all = make([]*block, 0, total)
	in.texts = make([]string, 0, total)
	in.langs = make([]lang.Lang, 0, total)
	in.work = make([]*block, 0, total)
	for a, bs := range arts {
		l := lang.OfBlocks(bs)
		ix.langs = append(ix.langs, l)
		row := make([]*block, len(bs))
		for i, b := range bs {
			blk := &blocks[len(ix.all)]
			*blk = block{art: a, idx: i, class: classOf(b.Kind)}
			if blk.class != classNone {
				in.work = append(in.work, blk)
				in.texts = append(in.texts, b.Text)
				in.langs = append(in.langs, l)
			}
			row[i] = blk
			ix.all = append(ix.all, blk)
		}
		ix.arts = append(ix.arts, row)
	}
}

// plan cuts the chunks into waves. The first waves are smaller, doubling
// up to perWave: the story's vocabulary fills with its common words after
// a chunk or two, where a full first wave had every chunk meet them as new
// words, to be merged one chunk after another.
func (in *indexer) plan() {
	nchunks := (len(in.work) + chunkBlocks - 1) / chunkBlocks
	perWave := in.perWave()
	in.waveStart = []int{0}
	for size := 1; in.waveStart[len(in.waveStart)-1] < nchunks; size = min(2*size, perWave) {
		in.waveStart = append(in.waveStart, min(nchunks, in.waveStart[len(in.waveStart)-1]+size))
	}
	for i := range in.slots {
		in.slots[i] = make([]chunkWork, min(nchunks, perWave))
	}
	in.off = make([]int32, in.nwaves()+1)
}

// perWave is the most chunks a wave holds.
func (in *indexer) perWave() int {
	nchunks := (len(in.work) + chunkBlocks - 1) / chunkBlocks
	return max(waveChunks, (nchunks+maxWaves-1)/maxWaves)
}

func (in *indexer) nwaves() int      { return len(in.waveStart) - 1 }
func (in *indexer) chunks(w int) int { return in.waveStart[w+1] - in.waveStart[w] }

// scanChunk tokenises chunk i of wave w into its slot, with a vocabulary
// of its own for the words the story has not met before wave w (whose
// terms start at off).
func (in *indexer) scanChunk(w, i int, off int32) {
	cw := &in.slots[w%2][i]
	cw.own.reuse(in.ix.voc, off)
	cw.voc = &cw.own
	c := in.waveStart[w] + i
	first, end := c*chunkBlocks, min(len(in.work), (c+1)*chunkBlocks)
	size := 0
	for k := first; k < end; k++ {
		size += len(in.texts[k])
	}
	// about one token per six bytes of prose
	cw.words, cw.ends = slices.Grow(cw.words[:0], size/6), cw.ends[:0]
	cw.scan.words = cw.words
	for k := first; k < end; k++ {
		scan(in.texts[k], in.langs[k], in.cp, &cw.scan, cw.voc)
		cw.ends = append(cw.ends, len(cw.scan.words))
	}
	cw.words, cw.scan.words = cw.scan.words, nil
}

// buildChunk builds the blocks of chunk i of wave w from its tokens, once
// its new terms (from off) are merged into the story's nterms.
func (in *indexer) buildChunk(w, i int, off int32, nterms int) {
	cw := &in.slots[w%2][i]
	for j := range cw.words {
		if t := cw.words[j].term; t >= off {
			cw.words[j].term = cw.remap[t-off]
		}
	}
	sc, _ := in.builders.Get().(*scratch)
	if sc == nil {
		sc = new(scratch)
	}
	start := 0
	for b, end := range cw.ends {
		build(in.work[(in.waveStart[w]+i)*chunkBlocks+b], cw.words[start:end], sc, nterms)
		start = end
	}
	in.builders.Put(sc)
}

// merge merges wave w's new terms, chunk by chunk in order, and remembers
// their words.
func (in *indexer) merge(w int) {
	ix := in.ix
	for i := range in.slots[w%2][:in.chunks(w)] {
		cw := &in.slots[w%2][i]
		cw.remap = cw.remap[:0]
		for _, name := range cw.voc.names {
			cw.remap = append(cw.remap, ix.voc.termID(name))
		}
		if w+1 < in.nwaves() { // later waves look the words up
			cw.voc.raw.each(func(word []byte, h uint64, id int32) {
				if id >= in.off[w] {
					id = cw.remap[id-in.off[w]]
				}
				ix.voc.raw.add(word, h, id)
			})
		}
		cw.voc = nil
	}
	in.off[w+1] = int32(len(ix.voc.names))
}

// waves tokenises, merges and builds every wave. A short story is
// tokenised on one processor: starting workers and growing their stacks
// cost more than they save.
func (in *indexer) waves() {
	run := parallel
	if in.small {
		run = serial
	}
	nwaves := in.nwaves()
	if nwaves > 0 {
		run(in.chunks(0), func(i int) { in.scanChunk(0, i, 0) })
	}
	workers := runtime.GOMAXPROCS(0)
	if in.small || in.perWave() < overlapChunks*workers {
		in.smallWaves(run)
		return
	}
	// large waves: the last wave's blocks are built while this wave's
	// terms are merged (building reads no vocabulary; merging runs on
	// one processor, which then helps to build), and the next wave is
	// tokenised once they are built, its chunks taking their slots
	for w := 0; w <= nwaves; w++ {
		var next atomic.Int64
		buildTasks := func() {
			if w == 0 {
				return
			}
			for {
				i := int(next.Add(1)) - 1
				if i >= in.chunks(w-1) {
					return
				}
				in.buildChunk(w-1, i, in.off[w-1], int(in.off[w]))
			}
		}
		var helpers sync.WaitGroup
		for range workers - 1 {
			helpers.Add(1)
			go func() {
				defer helpers.Done()
				buildTasks()
			}()
		}
		if w < nwaves {
			in.merge(w)
		}
		buildTasks()
		helpers.Wait()
		if w+1 < nwaves {
			run(in.chunks(w+1), func(i int) { in.scanChunk(w+1, i, in.off[w+1]) })
		}
	}
}

// smallWaves runs small waves: a wave's blocks are built while the next
// wave is tokenised, the longer tasks first, so that one pass over the
// processors does both; merging waits for it.
func (in *indexer) smallWaves(run func(int, func(int))) {
	nwaves := in.nwaves()
	for w := 0; w < nwaves; w++ {
		in.merge(w)
		next := 0
		if w+1 < nwaves {
			next = in.chunks(w + 1)
		}
		run(next+in.chunks(w), func(k int) {
			if k < next {
				in.scanChunk(w+1, k, in.off[w+1])
			} else {
				in.buildChunk(w, k-next, in.off[w], int(in.off[w+1]))
			}
		})
	}
}

// documentFrequencies counts the blocks of work that hold each of nterms
// terms: with parts > 1, a part of the blocks per processor, each into its
// own counts, added up at the end.
func documentFrequencies(work []*block, nterms, parts int) []int32 {
	run := parallel
	if parts <= 1 {
		parts, run = 1, serial
	}
	per := (len(work) + parts - 1) / parts
	counts := make([][]int32, parts)
	run(parts, func(p int) {
		df := make([]int32, nterms)
		for _, blk := range work[min(len(work), p*per):min(len(work), (p+1)*per)] {
			for _, t := range blk.terms {
				df[t]++
			}
		}
		counts[p] = df
	})
	df := counts[0]
	for _, c := range counts[1:] {
		for t, n := range c {
			df[t] += n
		}
	}
	return df
}

// serialBytes is the least text a story's tokenising is shared out for.
const serialBytes = 64 << 10

func textBytes(texts []string) int {
	n := 0
	for _, t := range texts {
		n += len(t)
	}
	return n
}

// serial runs f(0) … f(n-1) in order.
func serial(n int, f func(int)) {
	for i := 0; i < n; i++ {
		f(i)
	}
}

// parallel runs f(0) … f(n-1) on up to GOMAXPROCS goroutines.
var parallel = par.Each

// idfPow shapes the idf weights: tuned on the gold, a gentle power does
// better than the usual idf or its square, since the sentence-level and
// rival evidence already discount a story's common words.
const idfPow = 0.5

// weigh turns document frequencies into idf weights and fills every block's
// weighted vectors: a story's ubiquitous names ("North Korea", "Trump",
// "wall") must count for little next to the rare name, number or phrase two
// reports of one event share.
func (ix *corpusIndex) weigh() {
	n := float64(ix.ndocs + 1)
	ix.weight = make([]float64, len(ix.df))
	ix.rareFigure = make([]bool, len(ix.df))
	for t, d := range ix.df {
		ix.rareFigure[t] = isNumber(ix.names[t]) && int(d) <= max(2, len(ix.arts))
		idf := math.Log(n / (float64(d) + 0.5))
		if idf < 0.05 {
			idf = 0.05
		}
		ix.weight[t] = math.Pow(idf, idfPow) * rarityOf(ix.names[t], ix.english)
	}
	// 1 + log(count), looked up for the counts most terms have
	var logTF [64]float64
	for c := 1; c < len(logTF); c++ {
		logTF[c] = 1 + math.Log(float64(c))
	}
	const chunk = 256
	parallel((len(ix.all)+chunk-1)/chunk, func(c int) {
		for _, b := range ix.all[c*chunk : min(len(ix.all), (c+1)*chunk)] {
			norm, mass := 0.0, 0.0
			for k, t := range b.terms {
				l := 0.0
				if n := int(b.tf[k]); n < len(logTF) {
					l = logTF[n]
				} else {
					l = 1 + math.Log(float64(b.tf[k]))
				}
				b.tf[k] = float32(l * ix.weight[t])
				w := float64(b.tf[k]) // the norm of the weights as kept
				norm += w * w
				mass += ix.weight[t]
			}
			b.norm = math.Sqrt(norm)
			b.mass = mass
			var q [64]float64
			for k, t := range b.terms {
				w := ix.weight[t]
				for bs := b.sentBits(k); bs != 0; bs &= bs - 1 {
					q[bits.TrailingZeros64(bs)] += w * w
				}
			}
			for s := range b.snorm {
				b.snorm[s] = math.Sqrt(q[s])
			}
		}
	})
}

// build fills blk's terms, sentences and quotations from its words.
func build(blk *block, words []tokenInfo, sc *scratch, nterms int) {
	sc.words = words
	// terms and counts: each term is counted in sc.cnt, and listed where
	// the block first uses it
	if len(sc.cnt) < nterms {
		sc.cnt = make([]int32, max(nterms, 2*len(sc.cnt)))
	}
	sc.ids = sc.ids[:0]
	quoted := false // any quoted term
	for _, w := range sc.words {
		if t := w.term; t >= 0 {
			if sc.cnt[t] == 0 {
				sc.ids = append(sc.ids, t)
			}
			sc.cnt[t]++
			quoted = quoted || w.quoted()
		}
	}
	sc.tfs = sc.tfs[:0]
	for _, t := range sc.ids {
		sc.tfs = append(sc.tfs, float32(sc.cnt[t]))
		sc.cnt[t] = 0
	}
	// quoted terms, each once
	sc.qids = sc.qids[:0]
	if quoted {
		for _, w := range sc.words {
			if t := w.term; t >= 0 && w.quoted() && sc.cnt[t] == 0 {
				sc.cnt[t] = 1
				sc.qids = append(sc.qids, t)
			}
		}
	}
	slices.Sort(sc.qids)
	for _, t := range sc.qids {
		sc.cnt[t] = 0
	}
	blk.speakers, blk.opening = speakersOf(sc.words, blk.speakers[:0], blk.opening[:0])
	// for each term, the sentences that hold it: the sentences that hold
	// terms are numbered 0, 1, 2 …, and the 64th bit stands for the 64th
	// and every later one
	bitsOf := slices.Grow(sc.hs[:0], len(sc.ids))[:len(sc.ids)]
	clear(bitsOf)
	if len(sc.pos) < nterms {
		sc.pos = make([]int32, max(nterms, 2*len(sc.pos)))
	}
	for k, t := range sc.ids {
		sc.pos[t] = int32(k)
	}
	n, cur := 0, int32(-1) // sentences holding terms so far; the sentence of the last term
	for _, w := range sc.words {
		if w.term < 0 {
			continue
		}
		if s := w.sent(); s != cur {
			cur = s
			n++
		}
		bitsOf[sc.pos[w.term]] |= 1 << uint(min(n-1, 63))
	}
	sc.hs = bitsOf
	hs := quotedGrams(sc)
	carveBlock(blk, sc, bitsOf, hs, n)
}

// carveBlock copies the block's arrays out of sc, one after another in one
// run of memory, in the order scoring a pair reads them: a pair's second
// block is seldom in the cache, and arrays cut from separate slabs cost a
// miss each. n is how many sentences hold terms.
func carveBlock(blk *block, sc *scratch, bitsOf, hs []uint64, n int) {
	nt, nq, ns := len(sc.ids), len(sc.qids), min(n, 64)
	wide := n > 16
	size := wordsOf[int32](nt) + wordsOf[float32](nt) + wordsOf[float64](ns) + wordsOf[uint64](len(hs)) + wordsOf[int32](nq)
	if wide {
		size += wordsOf[uint64](nt)
	} else {
		size += wordsOf[uint16](nt)
	}
	mem := sc.slab.take(size)
	blk.terms = carve[int32](&mem, nt)
	copy(blk.terms, sc.ids)
	blk.tf = carve[float32](&mem, nt)
	copy(blk.tf, sc.tfs)
	if wide {
		blk.tsent = carve[uint64](&mem, nt)
		copy(blk.tsent, bitsOf)
	} else {
		blk.tsent16 = carve[uint16](&mem, nt)
		for k, b := range bitsOf {
			blk.tsent16[k] = uint16(b)
		}
	}
	blk.snorm = carve[float64](&mem, ns)
	blk.quoted = carve[uint64](&mem, len(hs))
	copy(blk.quoted, hs)
	blk.qterms = carve[int32](&mem, nq)
	copy(blk.qterms, sc.qids)
}

// quotedGrams returns the hashes of the quoted word 4-grams of sc.words,
// stop words included (the same quotation), sorted and each once.
func quotedGrams(sc *scratch) []uint64 {
	sc.qh = sc.qh[:0]
	for k := 0; k+3 < len(sc.words); k++ {
		if !sc.words[k].quoted() || !sc.words[k+3].quoted() {
			continue
		}
		h := sc.words[k].hash
		for _, w := range sc.words[k+1 : k+4] {
			h = (h ^ w.hash) * 1099511628211
			h ^= h >> 29
		}
		sc.qh = append(sc.qh, h)
	}
	slices.Sort(sc.qh)
	return slices.Compact(sc.qh)
}

// number is an element type of a block's arrays: none holds pointers, and
// none is aligned to more than a word.
type number interface {
	int32 | uint16 | uint64 | float32 | float64
}

// wordsOf is how many 64-bit words n elements of T take, rounded up.
func wordsOf[T number](n int) int {
	var z T
	return (n*int(unsafe.Sizeof(z)) + 7) / 8
}

// carve cuts n elements of T from the front of *mem, which holds at least
// wordsOf[T](n) words, and drops those words from *mem. An empty array is nil.
func carve[T number](mem *[]uint64, n int) []T {
	if n == 0 {
		return nil
	}
	s := unsafe.Slice((*T)(unsafe.Pointer(unsafe.SliceData(*mem))), n)
	*mem = (*mem)[wordsOf[T](n):]
	return s
}
