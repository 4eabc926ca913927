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
			for a := int(next.Add(1)) - 1; a < len(st.Articles); a = int(next.Add(1)) - 1 {
				addLower(sets[w], st.Articles[a].Blocks)
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

// addLower adds to lower the words that blocks write in lower case.
func addLower(lower map[string]bool, blocks []segment.Block) {
	var recent [recentWords]string
	for _, b := range blocks {
		if b.Kind == segment.Boilerplate || b.Kind == segment.Meta {
			continue
		}
		// each word is read once: none is kept in a slice
		sc := wordScan{text: b.Text, initial: true}
		for i, j, ok := sc.next(); ok; i, j, ok = sc.next() {
			w := b.Text[i:j]
			if Capitalised(w) {
				continue
			}
			f := Fold(w)
			// most words are seen before, many of them a few words
			// back: a small table of the words last seen answers for
			// them, and the set (too large for the processor's cache)
			// is read only for the others; a look-up is cheaper than a
			// store
			if f != "" { // a word of marks alone folds to nothing
				h := recentHash(f)
				if recent[h] == f {
					continue
				}
				recent[h] = f
			}
			if !lower[f] {
				lower[f] = true
			}
		}
	}
}

// recentWords is the size of addLower's table of words last seen, a
// power of two.
const recentWords = 1 << 10

// recentHash is the slot of word w, not empty, in addLower's table.
func recentHash(w string) int {
	h := uint(len(w))*0x9e3779b1 ^ uint(w[0])*0x85ebca6b ^ uint(w[len(w)-1])*0xc2b2ae35 ^ uint(w[len(w)/2])*0x27d4eb2f
	return int((h ^ h>>15) & (recentWords - 1))
}
