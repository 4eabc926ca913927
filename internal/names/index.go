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

// blockNames are the names of one block, found on first use.
type blockNames struct {
	once  sync.Once
	names []NameSpan
	toks  [][]string
}

// coreBuf is a buffer of the names of one block.
type coreBuf struct {
	names []NameSpan
	toks  [][]string
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
	bn := &ix.blocks[a][b]
	bn.once.Do(func() {
		// found into a buffer, kept at their size
		buf := coreBufs.Get().(*coreBuf)
		Cores(ix.st.Articles[a].Blocks[b].Text, ix.Lower, func(n NameSpan, toks []string) {
			buf.names = append(buf.names, n)
			buf.toks = append(buf.toks, toks)
		})
		if len(buf.names) > 0 {
			bn.names, bn.toks = slices.Clone(buf.names), slices.Clone(buf.toks)
		}
		clear(buf.toks)
		buf.names, buf.toks = buf.names[:0], buf.toks[:0]
		coreBufs.Put(buf)
	})
	for i, n := range bn.names {
		f(n, bn.toks[i])
	}
}
