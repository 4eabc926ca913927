package names

import (
	"runtime"
	"sync"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// LowerWords returns the words that st's body text writes in lower case
// (folded), so that a capitalised word opening a sentence is known to be
// common. The facts check, the quote check and the coverage matrix all read
// it: a caller that runs several of them computes it once and passes it to
// each, which must not change it.
func LowerWords(st *story.Story) map[string]bool {
	// each article's words on a goroutine of its own, as many at once as
	// there are processors; then one set
	per := make([]map[string]bool, len(st.Articles))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for a := range st.Articles {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			per[a] = articleLower(st.Articles[a].Blocks)
		}()
	}
	wg.Wait()
	lower := map[string]bool{}
	for _, m := range per {
		if len(m) > len(lower) {
			lower, m = m, lower
		}
		for w := range m {
			lower[w] = true
		}
	}
	return lower
}

// articleLower is LowerWords of one article's blocks.
func articleLower(blocks []segment.Block) map[string]bool {
	lower := map[string]bool{}
	var ws []Word
	for _, b := range blocks {
		if b.Kind == segment.Boilerplate || b.Kind == segment.Meta {
			continue
		}
		ws = appendWords(ws[:0], b.Text, -1)
		for _, w := range ws {
			if !Capitalised(w.Text) {
				lower[Fold(w.Text)] = true
			}
		}
	}
	return lower
}
