package names

import (
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// LowerWords returns the words that st's body text writes in lower case
// (folded), so that a capitalised word opening a sentence is known to be
// common. The facts check, the quote check and the coverage matrix all read
// it: a caller that runs several of them computes it once and passes it to
// each, which must not change it.
func LowerWords(st *story.Story) map[string]bool {
	// the articles are read side by side, each processor taking the next
	// article into a set of its own; then one set
	sets := make([]map[string]bool, max(1, min(runtime.GOMAXPROCS(0), len(st.Articles))))
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := range sets {
		sets[w] = map[string]bool{}
		wg.Add(1)
		go func() {
			defer wg.Done()
			var ws []Word
			for a := int(next.Add(1)) - 1; a < len(st.Articles); a = int(next.Add(1)) - 1 {
				ws = addLower(sets[w], ws, st.Articles[a].Blocks)
			}
		}()
	}
	wg.Wait()
	lower := sets[0]
	for _, m := range sets[1:] {
		if len(m) > len(lower) {
			lower, m = m, lower
		}
		for w := range m {
			lower[w] = true
		}
	}
	return lower
}

// addLower adds to lower the words that blocks write in lower case; ws is
// a buffer it returns for the next call.
func addLower(lower map[string]bool, ws []Word, blocks []segment.Block) []Word {
	for _, b := range blocks {
		if b.Kind == segment.Boilerplate || b.Kind == segment.Meta {
			continue
		}
		ws = appendWords(ws[:0], b.Text, -1, false)
		for _, w := range ws {
			if !Capitalised(w.Text) {
				// most words are seen before: a look-up is cheaper than a store
				if f := Fold(w.Text); !lower[f] {
					lower[f] = true
				}
			}
		}
	}
	return ws
}
