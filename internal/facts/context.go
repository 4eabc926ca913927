package facts

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/names"
)

// A figure's context is the words around it in its sentence. Two outlets
// that give one fact differently write it in one frame ("around 200 women
// and two dozen children", "for around 200 women and 20 children"); two
// figures of one unit in different frames are different facts ("Sanders
// needs 836 delegates", "Clinton is 71 delegates short"), and a claim that
// they differ would be false.

// ctxSpan is how many words each side of a figure its context reads,
// within its sentence.
const ctxSpan = 6

// figureContext is what a figure's sentence says around it.
type figureContext struct {
	words []string // content words, folded and singular, sorted, once each
	who   []string // capitalised words: whom or what the figure is about, folded, sorted
}

// contextOf reads the context of the figure at text[start:end].
func contextOf(text string, start, end int) figureContext {
	if start < 0 || end > len(text) || start >= end {
		return figureContext{} // a value not read from text (built by hand)
	}
	bp := wordBufs.Get().(*[]names.Word)
	defer wordBufs.Put(bp)
	// a window wide enough for ctxSpan words each side: most figures'
	// words lie within a narrow one, which is read first; the words a
	// window cuts at its edges are never read, so a narrow window with
	// more words each side than the context reads gives what the wide
	// one gives
	if c, ok := contextIn(text, start, end, ctxNarrow, bp); ok {
		return c
	}
	c, _ := contextIn(text, start, end, ctxWide, bp)
	return c
}

// The windows contextOf reads around a figure, in bytes each side.
const (
	ctxNarrow = 80
	ctxWide   = 200
)

// contextIn reads the context of the figure at text[start:end] from the
// words within span bytes of it, and says whether the window held every
// word the context reads whole: more words each side than it reads, or
// the text's start or end. bp is a buffer for the words.
func contextIn(text string, start, end, span int, bp *[]names.Word) (figureContext, bool) {
	lo, hi := max(0, start-span), min(len(text), end+span)
	for lo > 0 && !utf8.RuneStart(text[lo]) {
		lo--
	}
	for hi < len(text) && !utf8.RuneStart(text[hi]) {
		hi++
	}
	ws := names.AppendWords((*bp)[:0], text[lo:hi])
	*bp = ws
	first, last := -1, -1 // the figure's own words
	for k, w := range ws {
		if lo+w.End > start && lo+w.Start < end {
			if first < 0 {
				first = k
			}
			last = k
		}
	}
	var c figureContext
	if first < 0 {
		return c, false // no word of the figure: read no narrower window
	}
	// the first word of a window that does not start the text may be cut,
	// its last one too (and end sooner than it would): read neither
	whole := (lo == 0 || first > ctxSpan+1) && (hi == len(text) || len(ws)-1 > last+ctxSpan+1)
	add := func(w names.Word) {
		f := names.Fold(strings.TrimRight(w.Text, "."))
		if f == "" || strings.ContainsFunc(f, unicode.IsDigit) || contextStop(f) {
			return
		}
		if names.Capitalised(w.Text) && !names.IsDateWord(f) {
			c.who = append(c.who, f)
		}
		c.words = append(c.words, singular(f))
	}
	// a sentence ends between two words where a full stop, a question or
	// an exclamation mark does (an abbreviation keeps its period)
	ends := func(k int) bool { return strings.ContainsAny(text[lo+ws[k].End:lo+ws[k+1].Start], ".!?") }
	// before: back to the sentence's first word
	for k := first - 1; k >= 0 && k >= first-ctxSpan && !ends(k); k-- {
		add(ws[k])
	}
	// after: up to the next sentence
	for k := last + 1; k < len(ws) && k <= last+ctxSpan && !ends(k-1); k++ {
		add(ws[k])
	}
	slices.Sort(c.words)
	c.words = slices.Compact(c.words)
	slices.Sort(c.who)
	c.who = slices.Compact(c.who)
	return c, whole
}

// wordBufs are buffers for the words around a figure, which its context
// does not keep.
var wordBufs = sync.Pool{New: func() any { return new([]names.Word) }}

// context returns the context of figure v, read the first time it is asked
// for: of fifty articles, each figure is weighed against the figures of
// forty-nine others, and reading its sentence each time was most of the
// facts check.
func (v *Value) context() *figureContext {
	f := v.fig
	if f == nil {
		return &figureContext{} // a value not read from text (built by hand)
	}
	if f.ctx == nil {
		c := contextOf(f.src, v.Start, v.End)
		f.ctx = &c
	}
	return f.ctx
}

// sameFrame says whether figures x and y sit in one frame: no two
// different people or places named around them, and at least need
// content words in common besides their unit's.
func sameFrame(x, y *Value, need int) bool {
	cx, cy := x.context(), y.context()
	if len(cx.who) > 0 && len(cy.who) > 0 && !intersects(cx.who, cy.who) {
		return false
	}
	if need == 0 {
		return true
	}
	n := 0
	for _, w := range cx.words {
		if _, ok := slices.BinarySearch(cy.words, w); ok && w != x.Unit && w != y.Unit {
			n++
		}
	}
	return n >= need
}

func intersects(a, b []string) bool {
	for _, w := range a {
		if _, ok := slices.BinarySearch(b, w); ok {
			return true
		}
	}
	return false
}

// contextStop says whether a folded word carries nothing of a figure's
// frame: English function words and verbs of saying, and those of the
// other languages the project reads.
func contextStop(w string) bool {
	if len(w) < 2 || englishStop[w] {
		return true
	}
	for _, l := range [...]lang.Lang{lang.German, lang.French, lang.Spanish, lang.Italian} {
		if lang.IsStop(l, w) {
			return true
		}
	}
	return false
}

var englishStop = names.Set("a", "an", "the", "of", "to", "in", "on", "at", "by", "for", "from", "with", "and", "or",
	"but", "as", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had", "will", "would", "could",
	"should", "may", "might", "can", "do", "does", "did", "not", "no", "that", "this", "these", "those", "it", "its",
	"he", "she", "they", "his", "her", "their", "them", "him", "we", "our", "you", "your", "i", "me", "my", "who",
	"whom", "whose", "which", "what", "when", "where", "why", "how", "than", "then", "there", "here", "so", "if",
	"about", "around", "nearly", "almost", "some", "more", "most", "less", "least", "over", "under", "up", "down",
	"out", "into", "after", "before", "since", "just", "only", "also", "said", "says", "say", "told", "according",
	"per", "cent", "percent", "percentage", "point", "all", "any", "each", "other", "such", "one", "mr", "mrs", "ms",
	"dr", "while", "during", "still", "now", "new", "ago", "old", "later", "earlier", "last", "next", "past", "first")

// isIdentifier says whether a number is a code rather than a count: eight
// or more digits written without separators (a post's or an order's
// number, a telephone number), which no outlet rounds or restates.
func isIdentifier(v *Value) bool {
	return len(v.Text) >= 8 && strings.Trim(v.Text, "0123456789") == ""
}
