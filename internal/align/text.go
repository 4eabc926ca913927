package align

import (
	"encoding/binary"
	"math"
	"math/bits"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
	"unsafe"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// class says what a block may pair with.
type class uint8

const (
	classNone     class = iota // boilerplate and meta: never paired
	classBody                  // paragraphs, standfirsts, headings
	classCaption               // captions pair only with captions
	classHeadline              // headlines pair only with headlines
)

func classOf(k segment.Kind) class {
	switch k {
	case segment.Boilerplate, segment.Meta:
		return classNone
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
	total := 0
	for _, bs := range arts {
		total += len(bs)
	}
	// the blocks in one array, in story order: one allocation, and
	// scoring reads blocks near one another together
	blocks := make([]block, total)
	ix.all = make([]*block, 0, total)
	texts := make([]string, 0, total)
	langs := make([]lang.Lang, 0, total) // per text: its article's language
	work := make([]*block, 0, total)     // the blocks to tokenise, in story order
	for a, bs := range arts {
		l := lang.OfBlocks(bs)
		row := make([]*block, len(bs))
		for i, b := range bs {
			blk := &blocks[len(ix.all)]
			*blk = block{art: a, idx: i, class: classOf(b.Kind)}
			if blk.class != classNone {
				work = append(work, blk)
				texts = append(texts, b.Text)
				langs = append(langs, l)
			}
			row[i] = blk
			ix.all = append(ix.all, blk)
		}
		ix.arts = append(ix.arts, row)
	}
	ix.ndocs = len(work)
	cp := germanCompounds(texts, langs)
	ix.voc = newVocabulary()
	nchunks := (len(work) + chunkBlocks - 1) / chunkBlocks
	perWave := max(waveChunks, (nchunks+maxWaves-1)/maxWaves)
	// the first waves are smaller, doubling up to perWave: the story's
	// vocabulary fills with its common words after a chunk or two, where
	// a full first wave had every chunk meet them as new words, to be
	// merged one chunk after another
	waveStart := []int{0} // per wave: its first chunk; then nchunks
	for size := 1; waveStart[len(waveStart)-1] < nchunks; size = min(2*size, perWave) {
		waveStart = append(waveStart, min(nchunks, waveStart[len(waveStart)-1]+size))
	}
	nwaves := len(waveStart) - 1
	chunks := func(w int) int { return waveStart[w+1] - waveStart[w] }
	// a block builder's term tables are as long as the vocabulary: one
	// per processor at work, not one per chunk
	var builders sync.Pool // of *scratch
	// two sets of slots: a wave's blocks are built while the next wave is
	// tokenised or its terms merged
	var slots [2][]chunkWork
	for i := range slots {
		slots[i] = make([]chunkWork, min(nchunks, perWave))
	}
	scanChunk := func(w, i int, off int32) {
		cw := &slots[w%2][i]
		cw.own.reuse(ix.voc, off)
		cw.voc = &cw.own
		c := waveStart[w] + i
		first, end := c*chunkBlocks, min(len(work), (c+1)*chunkBlocks)
		size := 0
		for k := first; k < end; k++ {
			size += len(texts[k])
		}
		// about one token per six bytes of prose
		cw.words, cw.ends = slices.Grow(cw.words[:0], size/6), cw.ends[:0]
		cw.scan.words = cw.words
		for k := first; k < end; k++ {
			scan(texts[k], langs[k], cp, &cw.scan, cw.voc)
			cw.ends = append(cw.ends, len(cw.scan.words))
		}
		cw.words, cw.scan.words = cw.scan.words, nil
	}
	buildChunk := func(w, i int, off int32, nterms int) {
		cw := &slots[w%2][i]
		for j := range cw.words {
			if t := cw.words[j].term; t >= off {
				cw.words[j].term = cw.remap[t-off]
			}
		}
		sc, _ := builders.Get().(*scratch)
		if sc == nil {
			sc = new(scratch)
		}
		start := 0
		for b, end := range cw.ends {
			build(work[(waveStart[w]+i)*chunkBlocks+b], cw.words[start:end], sc, nterms)
			start = end
		}
		builders.Put(sc)
	}
	// a short story is tokenised on one processor: starting workers and
	// growing their stacks cost more than they save
	run := parallel
	small := textBytes(texts) < serialBytes
	if small {
		run = serial
	}
	if nwaves > 0 {
		run(chunks(0), func(i int) { scanChunk(0, i, 0) })
	}
	// off[w] is the first term id wave w's chunks could add: the story's
	// terms before its merge
	off := make([]int32, nwaves+1)
	// merge merges wave w's new terms, chunk by chunk in order, and
	// remembers their words
	merge := func(w int) {
		for i := range slots[w%2][:chunks(w)] {
			cw := &slots[w%2][i]
			cw.remap = cw.remap[:0]
			for _, name := range cw.voc.names {
				cw.remap = append(cw.remap, ix.voc.termID(name))
			}
			if w+1 < nwaves { // later waves look the words up
				cw.voc.raw.each(func(word []byte, h uint64, id int32) {
					if id >= off[w] {
						id = cw.remap[id-off[w]]
					}
					ix.voc.raw.add(word, h, id)
				})
			}
			cw.voc = nil
		}
		off[w+1] = int32(len(ix.voc.names))
	}
	workers := runtime.GOMAXPROCS(0)
	if small || perWave < overlapChunks*workers {
		// small waves: a wave's blocks are built while the next wave is
		// tokenised, the longer tasks first, so that one pass over the
		// processors does both; merging waits for it
		for w := 0; w < nwaves; w++ {
			merge(w)
			next := 0
			if w+1 < nwaves {
				next = chunks(w + 1)
			}
			run(next+chunks(w), func(k int) {
				if k < next {
					scanChunk(w+1, k, off[w+1])
				} else {
					buildChunk(w, k-next, off[w], int(off[w+1]))
				}
			})
		}
	} else {
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
					if i >= chunks(w-1) {
						return
					}
					buildChunk(w-1, i, off[w-1], int(off[w]))
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
				merge(w)
			}
			buildTasks()
			helpers.Wait()
			if w+1 < nwaves {
				run(chunks(w+1), func(i int) { scanChunk(w+1, i, off[w+1]) })
			}
		}
	}
	ix.names = ix.voc.names
	ix.voc = nil // the words as written are looked up no more
	parts := runtime.GOMAXPROCS(0)
	if small {
		parts = 1
	}
	ix.df = documentFrequencies(work, len(ix.names), parts)
	ix.shdf = countQuotes(work, parts)
	ix.weigh()
	ix.confirmSpeakers(work)
	return ix
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
func parallel(n int, f func(int)) {
	workers := min(n, runtime.GOMAXPROCS(0))
	if workers <= 1 {
		for i := 0; i < n; i++ {
			f(i)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				f(i)
			}
		}()
	}
	wg.Wait()
}

// vocabulary gives each term an id. A chunk's vocabulary holds only the
// terms its story vocabulary, shared and read-only meanwhile, lacks: their
// ids count on from off.
type vocabulary struct {
	ids   map[string]int32
	names []string    // per id from off: the term
	raw   wordTable   // a word or figure as written (lowercased) to its term, -1 for stop words
	story *vocabulary // nil for the story's own
	off   int32       // ids below off are the story vocabulary's
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: map[string]int32{}}
}

// reuse makes v an empty chunk vocabulary of story whose ids count on from
// off, keeping the room its tables had.
func (v *vocabulary) reuse(story *vocabulary, off int32) {
	if v.ids == nil {
		v.ids = map[string]int32{}
	}
	clear(v.ids)
	v.names = v.names[:0]
	v.raw.reset()
	v.story, v.off = story, off
}

func (v *vocabulary) termID(s string) int32 {
	if v.story != nil {
		if id, ok := v.story.ids[s]; ok {
			return id
		}
	}
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := v.off + int32(len(v.names))
	v.ids[s] = id
	v.names = append(v.names, s)
	return id
}

// name is the text of term id.
func (v *vocabulary) name(id int32) string {
	if id < v.off {
		return v.story.names[id]
	}
	return v.names[id-v.off]
}

// word is the term of a word as written, whose hashBytes is h, if the
// vocabulary has met it.
func (v *vocabulary) word(w []byte, h uint64) (int32, bool) {
	if v.story != nil {
		if id, ok := v.story.raw.get(w, h); ok {
			return id, true
		}
	}
	return v.raw.get(w, h)
}

// wordTable maps words to terms by the words' hashBytes, which scan has
// already computed: a lookup is a probe or two and one comparison, where a
// Go map keyed by strings hashes the word again. A word of up to eight
// bytes (most words) is kept in its slot, so that comparing it reads no
// other memory.
type wordTable struct {
	slots []wordSlot
	text  []byte // the longer words, one after another
	n     int
}

type wordSlot struct {
	hash uint64
	key  uint64 // a word of up to eight bytes, packed; a longer one's start in text
	len  int32  // 0 for an empty slot
	term int32
}

// packWord packs a word of up to eight bytes into a uint64, its first byte
// lowest; the bytes past the word are zero.
func packWord(w []byte) uint64 {
	if cap(w) >= 8 {
		// one load of the word's buffer, then the bytes past it masked off
		v := binary.LittleEndian.Uint64(w[:8])
		if len(w) < 8 {
			v &= 1<<(8*uint(len(w))) - 1
		}
		return v
	}
	var v uint64
	for k, c := range w {
		v |= uint64(c) << (8 * uint(k))
	}
	return v
}

// slot is where w, whose hash is h, is in the table, or the empty slot
// where it would go.
func (t *wordTable) slot(w []byte, h uint64) int {
	mask := len(t.slots) - 1
	i := t.home(h)
	if len(w) <= 8 {
		key := packWord(w)
		for {
			s := &t.slots[i]
			if s.len == 0 || s.hash == h && s.key == key && int(s.len) == len(w) {
				return i
			}
			i = (i + 1) & mask
		}
	}
	for {
		s := &t.slots[i]
		if s.len == 0 || s.hash == h && int(s.len) == len(w) && string(t.text[s.key:s.key+uint64(s.len)]) == string(w) {
			return i
		}
		i = (i + 1) & mask
	}
}

// home is the slot a word whose hash is h is looked for first.
func (t *wordTable) home(h uint64) int {
	return int(h*0x9E3779B97F4A7C15>>32) & (len(t.slots) - 1)
}

// reset empties t, keeping its room.
func (t *wordTable) reset() {
	clear(t.slots)
	t.text = t.text[:0]
	t.n = 0
}

// get returns the term of w, whose hash is h.
func (t *wordTable) get(w []byte, h uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	s := &t.slots[t.slot(w, h)]
	return s.term, s.len != 0
}

// add records the term of w (not empty), whose hash is h, unless w is
// there already.
func (t *wordTable) add(w []byte, h uint64, term int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, max(256, 2*len(old)))
		mask := len(t.slots) - 1
		for _, s := range old {
			if s.len != 0 {
				// every word is there once: the first empty slot is its place
				i := t.home(s.hash)
				for t.slots[i].len != 0 {
					i = (i + 1) & mask
				}
				t.slots[i] = s
			}
		}
	}
	i := t.slot(w, h)
	if t.slots[i].len != 0 {
		return
	}
	s := wordSlot{hash: h, len: int32(len(w)), term: term}
	if len(w) <= 8 {
		s.key = packWord(w)
	} else {
		s.key = uint64(len(t.text))
		t.text = append(t.text, w...)
	}
	t.slots[i] = s
	t.n++
}

// each calls f for every word of t.
func (t *wordTable) each(f func(w []byte, h uint64, term int32)) {
	var short [8]byte
	for _, s := range t.slots {
		switch {
		case s.len == 0:
		case s.len <= 8:
			binary.LittleEndian.PutUint64(short[:], s.key)
			f(short[:s.len], s.hash, s.term)
		default:
			f(t.text[s.key:s.key+uint64(s.len)], s.hash, s.term)
		}
	}
}

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
		ix.weight[t] = math.Pow(idf, idfPow)
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

// scan appends the words of text, in language l, to sc.words, with their
// terms in voc. A German word that cp splits is followed by its parts.
func scan(text string, l lang.Lang, cp *lang.Compounds, sc *scratch, voc *vocabulary) {
	if l != lang.German {
		cp = nil
	}
	base := len(sc.words) // words before it are another block's
	salt := langSalt(l)
	quote := false
	sc.spans = segment.AppendSentenceSpans(sc.spans[:0], text)
	for s, sp := range sc.spans {
		st := text[sp[0]:sp[1]]
		for i := 0; i < len(st); {
			// quotation marks switch the quoted state; other punctuation is skipped
			c := st[i]
			if c < utf8.RuneSelf {
				if c == '"' {
					quote = !quote
				}
				if !isWordByte(c) {
					i++
					continue
				}
			} else {
				r, w := utf8.DecodeRuneInString(st[i:])
				switch lang.Quote(l, r) {
				case lang.Opens:
					quote = true
				case lang.Closes:
					quote = false
				case lang.Toggles:
					quote = !quote
				}
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					i += w
					continue
				}
			}
			var num bool
			// the ASCII cases of isUpperAt and dottedAcronym, without a call
			c0 := st[i]
			upper := c0 >= 'A' && c0 <= 'Z' || c0 >= utf8.RuneSelf && isUpperAt(st, i)
			if i+1 < len(st) && st[i+1] == '.' {
				if n := dottedAcronym(st, i); n > 0 {
					// "F.B.I." and "U.S." read as FBI and US
					sc.word = sc.word[:0]
					for k := i; k < i+n; k++ {
						if st[k] != '.' {
							sc.word = append(sc.word, st[k]|0x20)
						}
					}
					i += n
					addWord(sc, voc, int32(s), quote)
					continue
				}
			}
			var h uint64
			sc.word, num, i, h = scanWord(st, i, sc.word[:0])
			if len(sc.word) == 0 {
				continue
			}
			if !num && upper && allUpper(st, i, len(sc.word)) && len(sc.word) >= 2 && len(sc.word) <= 5 {
				addWord(sc, voc, int32(s), quote) // an acronym: "US", "EU"
				continue
			}
			sc.words = append(sc.words, newToken(-1, h, s, quote, num, upper))
			k := len(sc.words) - 1
			switch {
			case num:
				// figures repeat too: their spelling is normalised once
				id, ok := voc.word(sc.word, h)
				if !ok {
					id = voc.termID(normNumber(sc.word))
					voc.raw.add(sc.word, h, id)
				}
				sc.words[k].term = id
			case k > base && sc.words[k-1].num() && sc.words[k-1].term >= 0 && magnitude(sc.word) != 0:
				// "3.6 billion": fold the magnitude into the figure
				prev := &sc.words[k-1]
				name := voc.name(prev.term)
				if !hasMagnitude(name) {
					prev.term = voc.termID(name + string(magnitude(sc.word)))
				}
			default:
				// one lookup per word and language: its stem is worked
				// out once per story
				hl := h ^ salt
				id, ok := voc.word(sc.word, hl)
				if !ok {
					id = wordTerm(sc, voc, l)
					voc.raw.add(sc.word, hl, id)
				}
				sc.words[k].term = id
				if id >= 0 && cp != nil {
					for _, p := range cp.Parts(sc.word) {
						sc.words = append(sc.words, newToken(voc.termID(p), hashBytes([]byte(p)), s, quote, false, false))
					}
				}
			}
		}
	}
}

// wordTerm is the term of sc.word in language l: -1 for a stop word, else
// its stem's. English and text of no known language take the aligner's own
// stop words and stemmer, tuned on English news; the other languages
// theirs (internal/lang).
func wordTerm(sc *scratch, voc *vocabulary, l lang.Lang) int32 {
	if len(sc.word) < 2 {
		return -1
	}
	if !lang.HasStops(l) {
		if stop[string(sc.word)] {
			return -1
		}
		sc.stem = append(sc.stem[:0], sc.word...)
		return voc.termID(string(stem(sc.stem)))
	}
	if lang.IsStop(l, string(sc.word)) {
		return -1
	}
	return voc.termID(lang.Stem(l, string(sc.word)))
}

// germanCompounds learns how the story's German compounds split, from
// the texts of its German articles; nil when it has none.
func germanCompounds(texts []string, langs []lang.Lang) *lang.Compounds {
	var de []string
	for k, l := range langs {
		if l == lang.German {
			de = append(de, texts[k])
		}
	}
	if len(de) == 0 {
		return nil
	}
	return lang.NewCompounds(de)
}

// langSalt tells the words of different languages apart in the word
// table: "die" is a stop word in German, not in English. English's is 0.
func langSalt(l lang.Lang) uint64 {
	if !lang.HasStops(l) {
		return 0
	}
	return hashBytes([]byte(l))
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
	// quoted word 4-grams, stop words included: the same quotation
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
	hs := slices.Compact(sc.qh)
	// the block's arrays, one after another in one run of memory, in the
	// order scoring a pair reads them: a pair's second block is seldom in
	// the cache, and arrays cut from separate slabs cost a miss each
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

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// scanWord reads the word at s[i:] into buf, lowercased and with accents
// folded (Calderón and Calderon are one name). An apostrophe inside a word
// and the point or comma inside a figure belong to the word; a possessive
// "'s" and other apostrophes are dropped. It returns the word, whether it is
// a figure, where scanning goes on, and the word's hashBytes.
func scanWord(s string, i int, buf []byte) ([]byte, bool, int, uint64) {
	num := s[i] >= '0' && s[i] <= '9'
	h := uint64(fnvOffset)
	apos := false // most words have no apostrophe to take out
	slow := false // an apostrophe or a letter beyond ASCII: hashed again at the end
	for i < len(s) {
		c := s[i]
		if l := lowerByte[c]; l != 0 {
			// most bytes of most words
			buf = append(buf, l)
			h = (h ^ uint64(l)) * fnvPrime
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case (c == '.' || c == ',') && num && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' && len(buf) > 0:
				if c == '.' {
					buf = append(buf, c)
					h = (h ^ uint64(c)) * fnvPrime
				}
				i++
			case c == '\'' && i+1 < len(s) && isWordByte(s[i+1]) && len(buf) > 0:
				buf = append(buf, c)
				apos, slow = true, true
				i++
			default:
				if !slow {
					return buf, num, i, h // most words: read and hashed as they stand
				}
				return endSlowWord(buf, num, i, apos)
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '’' && i+w < len(s) && isWordByte(s[i+w]) && len(buf) > 0:
			buf = append(buf, '\'')
			apos = true
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if f, ok := fold[r]; ok {
				buf = append(buf, f...)
			} else {
				buf = utf8.AppendRune(buf, r)
			}
		default:
			if !slow {
				return buf, num, i, h
			}
			return endSlowWord(buf, num, i, apos)
		}
		slow = true
		i += w
	}
	if !slow {
		return buf, num, i, h
	}
	return endSlowWord(buf, num, i, apos)
}

// endSlowWord finishes a word scanWord read that holds an apostrophe or a
// letter beyond ASCII: it is trimmed and hashed again.
func endSlowWord(buf []byte, num bool, i int, apos bool) ([]byte, bool, int, uint64) {
	w := trimWord(buf, apos)
	return w, num, i, hashBytes(w)
}

// lowerByte is an ASCII letter or digit lowercased, 0 for other bytes.
var lowerByte = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

// trimWord drops a possessive "'s" and the apostrophes of contractions
// from w, which holds an apostrophe if apos.
func trimWord(w []byte, apos bool) []byte {
	if !apos {
		return w // most words: nothing to take out
	}
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		w = w[:n-2]
	}
	out := w[:0]
	for _, c := range w {
		if c != '\'' {
			out = append(out, c)
		}
	}
	return out
}

// fold maps accented Latin letters to their base letters.
var fold = func() map[rune]string {
	m := map[rune]string{}
	for base, list := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćčĉċ", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ğĝġģ", "i": "ìíîïĩīĭįı",
		"n": "ñńņňŉ", "o": "òóôõöøōŏő", "r": "ŕřŗ", "s": "śšşŝș", "t": "ťţț", "u": "ùúûüũūŭůűų",
		"y": "ýÿŷ", "z": "źžż", "l": "ĺľļł", "ss": "ß", "ae": "æ", "oe": "œ",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// normNumber gives one spelling to a figure: "3.6B", "3.6bn" and "3.6" +
// "billion" all become "3.6b"; "8,000" is "8000" (the comma is dropped while
// scanning).
func normNumber(w []byte) string {
	k := 0
	for k < len(w) && (w[k] >= '0' && w[k] <= '9' || w[k] == '.') {
		k++
	}
	if m := magnitude(w[k:]); m != 0 {
		return string(w[:k]) + string(m)
	}
	return string(w)
}

// magnitude is the one-letter scale of a word such as "billion" or "bn",
// or 0.
func magnitude(w []byte) byte {
	switch string(w) {
	case "billion", "billions", "bn", "b", "bln":
		return 'b'
	case "million", "millions", "mn", "m", "mln":
		return 'm'
	case "trillion", "trillions", "tn", "t":
		return 't'
	}
	return 0
}

func hasMagnitude(name string) bool {
	if name == "" {
		return false
	}
	switch name[len(name)-1] {
	case 'b', 'm', 't':
		return true
	}
	return false
}

// FNV-1a, which scanWord works out as it reads a word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(w []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range w {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// stem conflates inflections cheaply: plural and verb endings go, the word
// is cut to six bytes, and a final "y" reads as "i" (Sergey and Sergei,
// study and studies).
func stem(w []byte) []byte {
	n := len(w)
	switch {
	case n > 4 && hasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 4 && hasSuffix(w, "ies"):
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && hasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && hasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 5 && hasSuffix(w, "ly"):
		w = w[:n-2]
	}
	if len(w) > 6 {
		k := 6
		for k > 0 && !utf8.RuneStart(w[k]) {
			k--
		}
		w = w[:k]
	}
	if n := len(w); n > 2 && w[n-1] == 'y' {
		w[n-1] = 'i'
	}
	return w
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// stop words carry no evidence of what a paragraph reports. Discourse
// connectives (however, though, meanwhile) are among them: they are rare in
// a story, so idf would weigh them like a shared name, yet two paragraphs
// that both say "however" need not report the same thing.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into about over after
before under between through during than then so that this these those there here it its it's he she they we you i
him her them us me my our your their his hers is are was were be been being has have had do does did will would shall
should can could may might must not no yes also just only very more most much many some any all each every other
such what which who whom whose when where why how said says say saying told tell according mr mrs ms while up down out
off new one two three four five six seven eight nine ten first last s t am pm re ve ll d m isn aren wasn weren don
doesn didn won wouldn couldn shouldn can't cannot against because since until again further once both few own same
too now even still ago yet per via among within without upon onto whether either neither nor like well get got make
made take took went go going come came see seen know known think thought want wanted including include includes
dont doesnt didnt wont cant isnt arent wasnt werent wouldnt couldnt shouldnt im ive youre theyre weve hes shes thats
theres whats
however although though meanwhile instead moreover furthermore nevertheless nonetheless therefore thus hence
otherwise indeed`) {
		m[w] = true
	}
	return m
}()

// addWord adds sc.word, an acronym, as a term that is no stop word.
func addWord(sc *scratch, voc *vocabulary, sent int32, quoted bool) {
	sc.words = append(sc.words, newToken(voc.termID(string(sc.word)), hashBytes(sc.word), int(sent), quoted, false, true))
}

func isUpperAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// allUpper says whether the n letters before end in s are all capitals.
func allUpper(s string, end, n int) bool {
	if end-n < 0 {
		return false
	}
	for _, c := range []byte(s[end-n : end]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// dottedAcronym is the length of a dotted acronym ("U.S.", "F.B.I.") at
// s[i:], or 0.
func dottedAcronym(s string, i int) int {
	k, letters := i, 0
	for k+1 < len(s) && isWordByte(s[k]) && s[k] > '9' && s[k+1] == '.' {
		letters++
		k += 2
	}
	if letters < 2 || (k < len(s) && isWordByte(s[k])) {
		return 0
	}
	return k - i
}

// counter counts 64-bit hashes in an open-addressing table, faster than a
// Go map on the quotations of megabytes of text.
type counter struct {
	keys []uint64
	vals []int32
	n    int
}

func (c *counter) slot(h uint64) int {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	mask := len(c.keys) - 1
	i := int(h*0x9E3779B97F4A7C15>>32) & mask
	for c.keys[i] != 0 && c.keys[i] != h {
		i = (i + 1) & mask
	}
	return i
}

func (c *counter) add(h uint64) {
	if 2*(c.n+1) > len(c.keys) {
		old, oldv := c.keys, c.vals
		size := 1024
		for size < 4*(c.n+1) {
			size *= 2
		}
		c.keys, c.vals = make([]uint64, size), make([]int32, size)
		for i, k := range old {
			if k != 0 {
				j := c.slot(k)
				c.keys[j], c.vals[j] = k, oldv[i]
			}
		}
	}
	if h == 0 {
		h = 1
	}
	i := c.slot(h)
	if c.keys[i] == 0 {
		c.keys[i] = h
		c.n++
	}
	c.vals[i]++
}

// shared returns a counter of the hashes c counted more than once: most
// quoted 4-grams are in one block only.
func (c *counter) shared() counter {
	var s counter
	for i, k := range c.keys {
		if k != 0 && c.vals[i] > 1 {
			s.add(k)
			s.vals[s.slot(k)] = c.vals[i]
		}
	}
	return s
}

func (c *counter) get(h uint64) int32 {
	if len(c.keys) == 0 {
		return 0
	}
	if h == 0 {
		h = 1
	}
	return c.vals[c.slot(h)]
}

// quoteCounts counts the blocks that hold each quoted word 4-gram, keeping
// only the 4-grams two blocks or more hold (no other is ever looked up). The
// hashes are shared out among its counters by their top bits.
type quoteCounts struct {
	parts []counter
	shift uint // a hash h is counted in parts[h>>shift]
}

// countQuotes counts the quoted 4-grams of work: with parts > 1, in up to
// parts counters (a power of two, at most 8) filled at once, each reading
// every block but counting only its share of the hashes.
func countQuotes(work []*block, parts int) quoteCounts {
	bits := 0
	for bits < 3 && 2<<bits <= parts {
		bits++
	}
	q := quoteCounts{parts: make([]counter, 1<<bits), shift: 64 - uint(bits)}
	run := parallel
	if bits == 0 {
		run = serial
	}
	run(len(q.parts), func(p int) {
		var c counter
		for _, blk := range work {
			for _, h := range blk.quoted {
				if q.part(h) == p {
					c.add(h)
				}
			}
		}
		q.parts[p] = c.shared()
	})
	return q
}

// part is the counter of hash h (h >> 64 is 0: one counter).
func (q quoteCounts) part(h uint64) int { return int(h >> q.shift) }

// get is the number of blocks that hold the 4-gram of hash h, or 0 if
// fewer than two do.
func (q quoteCounts) get(h uint64) int32 {
	if len(q.parts) == 0 {
		return 0
	}
	return q.parts[q.part(h)].get(h)
}

// speechVerbs are the hashes of the verbs that attribute speech; told
// names its listener after it, so only the name before it is the speaker.
var speechVerbs = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("said says added") {
		m[hashBytes([]byte(w))] = true
	}
	return m
}()

var hashTold = hashBytes([]byte("told"))

// placePrepositions before a capitalised word make it a place, not the
// speaker: "Prime Minister Justin Trudeau of Canada said".
var placePrepositions = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("of in at from near") {
		m[hashBytes([]byte(w))] = true
	}
	return m
}()

// notSpeakers are capitalised words next to a verb of saying that are no
// speaker: "a report released Monday said".
var notSpeakers = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december`) {
		m[hashBytes([]byte(w))] = true
	}
	return m
}()

// speakersOf appends to out the names that words attribute speech to: a
// capitalised word just before a verb of saying ("Santorum said", "the
// White House said") or, right after a quotation, just after it, past a
// title ("…," said Mr. Gibbs; elsewhere a name after the verb is the
// subject of what was said: "said Washington would").
// A capital that opens a sentence says nothing of a name ("Officials
// said"), so such a word goes to opening instead, a speaker only if the
// story names it as one elsewhere.
func speakersOf(words []tokenInfo, out, opening []speech) ([]speech, []speech) {
	name := func(k int, sent int32) int32 {
		if k < 0 || k >= len(words) || words[k].sent() != sent || !words[k].upper() || words[k].num() || notSpeakers[words[k].hash] {
			return -1
		}
		return words[k].term
	}
	// rank counts the sentences before the current one that hold terms:
	// the index of the current sentence among those that hold terms
	rank, cur, holds := int32(0), int32(-1), false
	for k, w := range words {
		if w.sent() != cur {
			if holds {
				rank++
			}
			cur, holds = w.sent(), false
		}
		if w.term >= 0 {
			holds = true
		}
		// a verb of saying follows a name or a quotation: most words are
		// passed over before any look-up
		if w.upper() || k == 0 || !words[k-1].upper() && !words[k-1].quoted() {
			continue
		}
		told := w.hash == hashTold
		if !told && !speechVerbs[w.hash] {
			continue
		}
		t := name(k-1, w.sent())
		if t >= 0 && k >= 2 && words[k-2].sent() == w.sent() && placePrepositions[words[k-2].hash] {
			continue
		}
		if t >= 0 && (k < 2 || words[k-2].sent() != w.sent()) {
			opening = append(opening, speech{t, min(rank, 63)})
			continue
		}
		if t < 0 && !told && k > 0 && words[k-1].quoted() {
			// after a quotation the name may follow: "…," said Mr. Gibbs
			t = name(k+1, w.sent())
			if t < 0 && k+1 < len(words) && words[k+1].upper() && words[k+1].term < 0 {
				t = name(k+2, w.sent()) // a title: "said Mr. Gibbs"
			}
		}
		if t >= 0 {
			out = append(out, speech{t, min(rank, 63)})
		}
	}
	if len(out) > 1 {
		slices.SortFunc(out, speech.cmp)
		out = slices.Compact(out)
	}
	return out, opening
}

// confirmSpeakers makes a block's sentence-opening names speakers where
// another sentence of the story names them as speakers.
func (ix *corpusIndex) confirmSpeakers(work []*block) {
	named := map[int32]bool{}
	for _, b := range work {
		for _, s := range b.speakers {
			named[s.term] = true
		}
	}
	for _, b := range work {
		n := len(b.speakers)
		for _, s := range b.opening {
			if named[s.term] {
				b.speakers = append(b.speakers, s)
			}
		}
		if len(b.speakers) > n {
			slices.SortFunc(b.speakers, speech.cmp)
			b.speakers = slices.Compact(b.speakers)
		}
		b.opening = nil
	}
}
