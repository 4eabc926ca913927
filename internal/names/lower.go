package names

import (
	"sync"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// LowerWords returns the words that st's body text writes in lower case, so
// that a capitalised word opening a sentence is known to be common. The
// map is shared: callers must not change it. The facts check, the quote
// check and the coverage matrix all ask for it, often at once, so the last
// story's is kept and computed once.
func LowerWords(st *story.Story) map[string]bool {
	lowerMemo.Lock()
	defer lowerMemo.Unlock()
	if n := len(st.Articles); n > 0 && len(lowerMemo.arts) == n && &lowerMemo.arts[0] == &st.Articles[0] {
		return lowerMemo.lower
	}
	lower := map[string]bool{}
	var ws []Word
	for _, a := range st.Articles {
		for _, b := range a.Blocks {
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
	}
	lowerMemo.arts, lowerMemo.lower = st.Articles, lower
	return lower
}

// lowerMemo is the last story's LowerWords. It holds the story's articles,
// whose text does not change once read, so that their address names them.
var lowerMemo struct {
	sync.Mutex
	arts  []story.Article
	lower map[string]bool
}
