package view

import (
	"strings"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// Label names event k for the pair l, r, as rules and labels spell it:
// its kind (see Kind.String), or "teaser" for page furniture that is only
// an article's teaser (the page's excerpt of the paragraphs under it).
func Label(st *story.Story, k, l, r int) string {
	kind := KindOf(st, k, l, r)
	if kind == PageFurniture && teaserOnly(st, k) {
		return "teaser"
	}
	return kind.String()
}

// teaserOnly says whether event k holds teasers and nothing else.
func teaserOnly(st *story.Story, k int) bool {
	n := 0
	for a, bs := range st.Events[k].Blocks {
		for _, i := range bs {
			if st.Articles[a].Blocks[i].Kind != segment.Teaser {
				return false
			}
			n++
		}
	}
	return n > 0
}

// foldWords is how many words of a folded teaser are shown.
const foldWords = 12

// Folded is what a rendering that cannot open a fold shows of a teaser's
// text: its first words, and why the rest is left out. The teaser repeats
// the paragraphs under it, so nothing is lost to the reader; the JSON
// export keeps its whole text, and the HTML export's fold opens on it.
// Not yet made safe to show.
func Folded(text string) string {
	words := strings.Fields(text)
	s := strings.Join(words[:min(len(words), foldWords)], " ")
	if len(words) > foldWords {
		s += " …"
	}
	return s + " (folded: the paragraphs under it repeat it)"
}
