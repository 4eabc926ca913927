package names

import (
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// LowerWords returns the words that st's body text writes in lower case
// (folded), so that a capitalised word opening a sentence is known to be
// common. The facts check, the quote check and the coverage matrix all read
// it: a caller that runs several of them computes it once and passes it to
// each, which must not change it.
func LowerWords(st *story.Story) map[string]bool {
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
	return lower
}
