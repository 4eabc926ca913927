package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
)

// quotation says whether a span is a quotation someone can be said to have
// said: three words or more, or a whole sentence ("Denied."), and not a
// title in title case ("Meet the Press", "Make America Great Again").
// Other quoted words are scare quotes or titles: they are compared as
// wording, never given a speaker.
func quotation(sp Span) bool {
	ws := names.WordsN(sp.Text, 3)
	if len(ws) == 0 {
		return false
	}
	if len(ws) < 3 {
		// a whole sentence: "Denied." or "“It's fine,” Trump said"
		r, _ := utf8.DecodeRuneInString(sp.Text)
		last, _ := utf8.DecodeLastRuneInString(strings.TrimRight(sp.Text, "”’\"' "))
		cued := sp.how == "X-said" || sp.how == "said-X" || sp.how == "X-aside-said"
		if !unicode.IsUpper(r) || !(strings.ContainsRune(".!?", last) || cued) {
			return false
		}
	}
	return sp.Style == Colon || !titleCase(sp.Text) || sentences(sp.Text)
}

// sentences says whether quoted words hold a sentence's end before their
// last word ("Like Oakland. Or Ferguson"): speech in short sentences, not
// a title, which is one phrase.
func sentences(text string) bool {
	e := sentenceEnd(text, 0)
	return e < len(strings.TrimRight(text, " ”’\"'"))
}

// isQuotation is quotation for a quotation's text alone: three words or
// more, or a whole sentence, and not a title.
func isQuotation(text string) bool { return quotation(Span{Text: text, Style: Straight}) }

// minorWords are the words a title leaves in lower case.
var minorWords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but nor of to in on at by for with from as into over per via vs
		is are was be it its not`) {
		minorWords[w] = true
	}
}

// titleCase says whether a short text is written as a title or a headline:
// every word but the minor ones capitalised (or the whole in capitals),
// with at least two capitalised words and no more than sixteen words.
func titleCase(text string) bool {
	// most texts asked are sentences, which a lower-case word among their
	// first few gives away before more of them are read
	for k, w := range names.WordsN(text, 4) {
		if !titleWord(k, w.Text) {
			return false
		}
	}
	ws := names.WordsN(text, 17)
	if len(ws) < 2 || len(ws) > 16 {
		return false
	}
	caps := 0
	for k, w := range ws {
		if !titleWord(k, w.Text) {
			return false
		}
		if r, _ := utf8.DecodeRuneInString(w.Text); unicode.IsUpper(r) {
			caps++
		}
	}
	return caps >= 2
}

// titleWord says whether w, the k-th word of a text, may be a word of a
// title: capitalised, a number, or (not first) a minor word.
func titleWord(k int, w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r) || unicode.IsDigit(r) || (k > 0 && minorWords[strings.ToLower(w)])
}
