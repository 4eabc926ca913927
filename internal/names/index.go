package names

import (
	"slices"
	"sync"

	"github.com/synoptic-news/synoptic/internal/story"
)

// Index is what the whole-story checks read of a story's words, each
// computed once however many checks ask for it: the words the story writes
// in lower case (LowerWords) and the names of each block (Cores of its
// text). The facts check and the quote check both read the names of most
// paragraphs; the index lets them share one reading. It is safe for
// concurrent use.
type Index struct {
	// Lower is LowerWords of the story; it must not be changed.
	Lower map[string]bool

	st     *story.Story
	blocks [][]blockNames
}

// blockNames are the names of one block, found on first use: every name
// Names gives, with NameTokens of its core (nil for an empty core), and
// what a known set may change of them (see NamesKnown).
type blockNames struct {
	once  sync.Once
	names []NameSpan
	toks  [][]string
	alts  []altName
	// titleCase[i] is TitleCase(names[i].Text), nil when none is
	titleCase []bool
}

// altName is a run of capitalised words whose first, a common word
// opening a sentence, makes no name with Names but one with NamesKnown
// when the known set holds it.
type altName struct {
	first string   // the first word as written
	name  NameSpan // the name with the first word kept, if ok
	at    int      // the index in blockNames.names of the run's name
	ok    bool     // the run makes a name with its first word kept
	named bool     // the run makes a name without it (names[at])
}

// coreBuf is a buffer of the names of one block. The folded words of
// every name's core are written one after another into folded, each
// ending at its entry of ends; a name's words are the entries from its
// entry of from to the next name's.
type coreBuf struct {
	names     []NameSpan
	from      []int32
	folded    []byte
	ends      []int32
	alts      []altName
	titleCase []bool
}

var coreBufs = sync.Pool{New: func() any { return new(coreBuf) }}

// NewIndex returns the index of st.
func NewIndex(st *story.Story) *Index { return IndexWith(st, LowerWords(st)) }

// IndexWith is NewIndex given LowerWords(st).
func IndexWith(st *story.Story, lower map[string]bool) *Index {
	ix := &Index{Lower: lower, st: st, blocks: make([][]blockNames, len(st.Articles))}
	for a, art := range st.Articles {
		ix.blocks[a] = make([]blockNames, len(art.Blocks))
	}
	return ix
}

// Cores calls f as Cores(text, ix.Lower, f) would on the text of block b
// of article a, with the names found the first time any caller asks for
// that block. f may keep toks but must not change them.
func (ix *Index) Cores(a, b int, f func(n NameSpan, toks []string)) {
	bn := ix.block(a, b)
	for i, n := range bn.names {
		if n.Core != "" {
			f(n, bn.toks[i])
		}
	}
}

// CoresTitleCase is Cores, and says of each name whether it is a line in
// title case (TitleCase(n.Text)), read from the words the index split
// rather than split again.
func (ix *Index) CoresTitleCase(a, b int, f func(n NameSpan, toks []string, titleCase bool)) {
	bn := ix.block(a, b)
	for i, n := range bn.names {
		if n.Core != "" {
			f(n, bn.toks[i], bn.titleCase != nil && bn.titleCase[i])
		}
	}
}

// NamesKnown returns NamesKnown(text, ix.Lower, known) of the text of
// block b of article a, from the names found for Cores: a check that reads
// a block's names with and without a known set splits its words once. The
// caller must not change the names: when the known set changes none of
// them, they are the index's own (most blocks: no copy).
func (ix *Index) NamesKnown(a, b int, known map[string]bool) []NameSpan {
	bn := ix.block(a, b)
	var out []NameSpan
	k := 0
	for _, al := range bn.alts {
		if !foldedIn(known, al.first) {
			continue
		}
		out = append(out, bn.names[k:al.at]...)
		k = al.at
		if al.named {
			k++ // the name without the first word
		}
		if al.ok {
			out = append(out, al.name)
		}
	}
	if out == nil && k == 0 {
		// cut at its length: a caller's append makes a copy
		return bn.names[:len(bn.names):len(bn.names)] // nil for none, as NamesKnown
	}
	return append(out, bn.names[k:]...)
}

// NamesKnownIn returns NamesKnown(text, ix.Lower, known), where text is
// the text of block b of article a with some of its bytes replaced, none
// added or removed (its quotations blanked out, say). Only the words
// around the replaced bytes are read: the rest has the names the index
// found. A name holds no word of lower-case letters between spaces other
// than a connector ("of", "van"), so such a word, where the two texts
// agree, bounds what a replaced byte can change; the words from one
// before the replaced bytes to one after them are read again. The
// caller must not change the names.
func (ix *Index) NamesKnownIn(a, b int, text string, known map[string]bool) []NameSpan {
	orig := ix.st.Articles[a].Blocks[b].Text
	if len(text) != len(orig) {
		return NamesKnown(text, ix.Lower, known)
	}
	base := ix.NamesKnown(a, b, known)
	if text == orig {
		return base
	}
	// found into a buffer, returned at their size
	bp := nameBufs.Get().(*[]NameSpan)
	out := (*bp)[:0]
	defer func() {
		*bp = out[:0]
		nameBufs.Put(bp)
	}()
	k := 0   // the first name of base not yet placed
	pos := 0 // the bytes before pos are read; pos is 0 or a bound
	for {
		lo := pos + commonPrefix(orig[pos:], text[pos:])
		if lo == len(text) {
			break
		}
		from := boundBefore(text, pos, lo)
		for k < len(base) && base[k].Start < from {
			out = append(out, base[k])
			k++
		}
		to := boundAfter(orig, text, lo)
		eachNameIn(text, from, to, ix.Lower, known, func(n NameSpan, _ []Word, _ int) { out = append(out, n) }, nil)
		// the original's names read again are dropped
		for k < len(base) && base[k].Start < to {
			k++
		}
		if to == len(text) {
			break
		}
		pos = to
	}
	out = append(out, base[k:]...)
	if len(out) == 0 {
		return nil // as NamesKnown
	}
	return slices.Clone(out)
}

// commonPrefix returns the length of the longest common prefix of a and
// b, compared a chunk at a time.
func commonPrefix(a, b string) int {
	n := min(len(a), len(b))
	i := 0
	for i+16 <= n && a[i:i+16] == b[i:i+16] {
		i += 16
	}
	for i < n && a[i] == b[i] {
		i++
	}
	return i
}

// boundBefore returns the start of the last bound of text that starts at
// or after pos and ends before lo, or pos: a bound is a word of
// lower-case ASCII letters, no connector, between spaces. Before lo the
// two texts NamesKnownIn compares agree.
func boundBefore(text string, pos, lo int) int {
	for e := lo - 1; e > pos; {
		if text[e] != ' ' {
			e--
			continue
		}
		s := e
		for s > pos && 'a' <= text[s-1] && text[s-1] <= 'z' {
			s--
		}
		if s == pos {
			return pos
		}
		if s < e && text[s-1] == ' ' && !connector(text[s:e]) {
			return s
		}
		e = s - 1
	}
	return pos
}

// boundAfter returns the start of the first bound (see boundBefore) of
// text after lo whose bytes and the spaces around it are the same in
// orig, or len(text) when there is none.
func boundAfter(orig, text string, lo int) int {
	for i := lo; i+1 < len(text); i++ {
		if text[i] != ' ' || orig[i] != ' ' {
			continue
		}
		e := i + 1
		for e < len(text) && 'a' <= text[e] && text[e] <= 'z' && orig[e] == text[e] {
			e++
		}
		if e > i+1 && e < len(text) && text[e] == ' ' && orig[e] == ' ' && !connector(text[i+1:e]) {
			return i + 1
		}
	}
	return len(text)
}

// foldedIn says whether set holds Fold(w), without making it for a short
// ASCII word.
func foldedIn(set map[string]bool, w string) bool {
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		return set[string(l)]
	}
	return set[Fold(w)]
}

// block returns the names of block b of article a, found on the first
// call for it.
func (ix *Index) block(a, b int) *blockNames {
	bn := &ix.blocks[a][b]
	bn.once.Do(func() {
		// found into a buffer, kept at their size: the names' words as
		// one string and one slice, not one of each per name and word
		buf := coreBufs.Get().(*coreBuf)
		titled := false
		eachName(ix.st.Articles[a].Blocks[b].Text, ix.Lower, nil, func(n NameSpan, run []Word, c int) {
			buf.names = append(buf.names, n)
			buf.from = append(buf.from, int32(len(buf.ends)))
			tc := titleCaseRun(run, n.End)
			buf.titleCase = append(buf.titleCase, tc)
			titled = titled || tc
			if n.Core == "" {
				return
			}
			for _, w := range run[c:] {
				if t, ok := nameWord(w, n.End); ok {
					buf.folded = appendFold(buf.folded, t)
					buf.ends = append(buf.ends, int32(len(buf.folded)))
				}
			}
		}, func(first Word, n NameSpan, ok, named bool) {
			buf.alts = append(buf.alts, altName{first: first.Text, name: n, at: len(buf.names), ok: ok, named: named})
		})
		if len(buf.names) > 0 {
			bn.names = slices.Clone(buf.names)
			bn.toks = make([][]string, len(buf.names))
			folded, words := string(buf.folded), make([]string, len(buf.ends))
			start := int32(0)
			for k, e := range buf.ends {
				words[k], start = folded[start:e], e
			}
			for i, from := range buf.from {
				to := int32(len(words))
				if i+1 < len(buf.from) {
					to = buf.from[i+1]
				}
				if to > from {
					// cut at its length: a caller's append makes a copy
					bn.toks[i] = words[from:to:to]
				}
			}
		}
		if len(buf.alts) > 0 {
			bn.alts = slices.Clone(buf.alts)
		}
		if titled {
			bn.titleCase = slices.Clone(buf.titleCase)
		}
		clear(buf.alts)
		buf.names, buf.from, buf.folded, buf.ends, buf.alts = buf.names[:0], buf.from[:0], buf.folded[:0], buf.ends[:0], buf.alts[:0]
		buf.titleCase = buf.titleCase[:0]
		coreBufs.Put(buf)
	})
	return bn
}
