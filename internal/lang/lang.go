// Package lang knows what a text's language changes in reading it: which
// language an article is in, its stop words, how its words are stemmed,
// and which quotation marks open and close a quotation.
//
// Detection counts each language's commonest function words in the first
// few thousand words of an article and takes the language with clearly the
// most; an article too short or too mixed to tell is Unknown, which readers
// of this package treat as English, the language the rest of synoptic was
// tuned on. Stemming is the Snowball algorithm of each language; the words
// it is given are lowercased with their accents folded (see Fold), as the
// aligner reads them.
package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// Lang is a language as its ISO 639-1 code, or Unknown.
type Lang string

// The languages synoptic reads.
const (
	Unknown Lang = ""
	English Lang = "en"
	German  Lang = "de"
	French  Lang = "fr"
	Spanish Lang = "es"
	Italian Lang = "it"
)

// All lists the languages Detect can return, in a fixed order.
var All = []Lang{English, German, French, Spanish, Italian}

// Name is the language's English name ("German"), or "" for Unknown.
func (l Lang) Name() string {
	switch l {
	case English:
		return "English"
	case German:
		return "German"
	case French:
		return "French"
	case Spanish:
		return "Spanish"
	case Italian:
		return "Italian"
	}
	return ""
}

// markers are each language's commonest function words: a few dozen
// words make up a third of running text in any of these languages, and
// together they tell the languages apart after a sentence or two. A word
// common to two languages ("in", "la") counts for both.
var markers = map[Lang]string{
	English: `the and of to is was that with for on are by this from have has had said which were an at it be not but his her they will would been who`,
	German:  `der die das und ist nicht mit den dem des ein eine einer einen sich auf auch für von zu im wird werden wurde hat sind dass es nach bei aus oder als wie sie er noch nur über vor`,
	French:  `le la les des et est une un du dans pour que qui pas sur au aux avec ce cette il elle sont ont été par ne se plus mais ou leur nous sa son ses`,
	Spanish: `el los las del y en que una un por con para es no se su al lo como más pero sus fue ha este esta le entre desde cuando muy también`,
	Italian: `il lo gli della delle del e che di un una per con non sono è nel nella alla al anche come più ma ha questo questa dei ai dalla essere stato`,
}

// markerOf is, per marker word, the languages it marks: a bit per
// language of All.
var markerOf = func() map[string]uint8 {
	m := map[string]uint8{}
	for i, l := range All {
		for _, w := range strings.Fields(markers[l]) {
			m[w] |= 1 << i
		}
	}
	return m
}()

// detectWords is how many words Detect reads at most: enough to be sure,
// few enough that a long article costs nothing.
const detectWords = 3000

// minHits is the fewest marker words the chosen language must have; below
// it the text is too short to tell.
const minHits = 4

// Detect returns the language of texts, read in order as one text, or
// Unknown when no language has at least minHits marker words and half as
// many again as the runner-up.
func Detect(texts ...string) Lang {
	var hits [8]int // per language of All
	words := 0
	var buf [32]byte // a word, lowercased; longer words are no markers
	w := buf[:0]
	long := false
	count := func() {
		if len(w) == 0 && !long {
			return
		}
		if !long {
			for i, bits := 0, markerOf[string(w)]; bits != 0; i, bits = i+1, bits>>1 {
				hits[i] += int(bits & 1)
			}
		}
		w, long = buf[:0], false
		words++
	}
	for _, t := range texts {
		for _, r := range t {
			if unicode.IsLetter(r) {
				if len(w)+utf8.UTFMax > cap(buf) {
					long = true
				} else {
					w = utf8.AppendRune(w, unicode.ToLower(r))
				}
				continue
			}
			count()
			if words >= detectWords {
				break
			}
		}
		count()
		if words >= detectWords {
			break
		}
	}
	best, second := -1, 0
	for i := range All {
		switch n := hits[i]; {
		case best < 0:
			best = i
		case n > hits[best]:
			second = hits[best]
			best = i
		case n > second:
			second = n
		}
	}
	if hits[best] < minHits || 2*hits[best] < 3*second {
		return Unknown
	}
	return All[best]
}

// OfBlocks is the language of an article's blocks: its headlines,
// paragraphs and captions, not its page furniture or metadata (bylines,
// datelines and "Read more" lines are often in the site's language, or
// none).
func OfBlocks(bs []segment.Block) Lang {
	texts := make([]string, 0, len(bs))
	for _, b := range bs {
		if b.Kind != segment.Boilerplate && b.Kind != segment.Meta {
			texts = append(texts, b.Text)
		}
	}
	return Detect(texts...)
}

// Folds maps accented Latin letters to their base letters, as the aligner
// reads words. It must not be changed.
var Folds = func() map[rune]string {
	m := map[rune]string{}
	for base, list := range map[string]string{
		"a": "àáâãäåāăą", "c": "çćčĉċ", "d": "ďđ", "e": "èéêëēĕėęě", "g": "ğĝġģ", "i": "ìíîïĩīĭįı",
		"n": "ñńņňŉ", "o": "òóôõöøōŏő", "r": "ŕřŗ", "s": "śšşŝș", "t": "ťţț", "u": "ùúûüũūŭůűų",
		"y": "ýÿŷ", "z": "źžż", "l": "ĺľļł", "ss": "ß", "ae": "æ", "oe": "œ",
	} {
		for _, r := range list {
			m[r] = base
		}
	}
	return m
}()

// Fold lowercases s and folds its accents: "Müller" is "muller", "Straße"
// "strasse".
func Fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		r = unicode.ToLower(r)
		if f, ok := Folds[r]; ok {
			b.WriteString(f)
		} else {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// QuoteMark says what a quotation mark does in a language.
type QuoteMark uint8

// What a rune does to a quotation.
const (
	NoQuote QuoteMark = iota
	Opens
	Closes
	Toggles // opens outside a quotation, closes inside one
)

// Quote says whether r opens or closes a quotation in text of language l.
// German opens with „ and closes with “; its guillemets point inward in
// Germany (»…«) and outward in Switzerland («…»), so they toggle. French,
// Spanish and Italian open with « and “ and close with » and ”.
// Unknown and English keep exactly the English reading, which knows „
// (an opening mark whatever the language) but not the single guillemets.
// The straight double quote, which both opens and closes, is the caller's
// to toggle.
func Quote(l Lang, r rune) QuoteMark {
	switch l {
	case German:
		switch r {
		case '„':
			return Opens
		case '“':
			return Closes
		case '»', '«', '›', '‹':
			return Toggles
		}
		return NoQuote
	case French, Spanish, Italian:
		switch r {
		case '“', '«', '„', '‹':
			return Opens
		case '”', '»', '›':
			return Closes
		}
		return NoQuote
	}
	switch r {
	case '“', '«', '„':
		return Opens
	case '”', '»':
		return Closes
	}
	return NoQuote
}

// IsQuoteRune says whether r is a quotation mark in any language.
func IsQuoteRune(r rune) bool {
	switch r {
	case '"', '“', '”', '„', '«', '»', '‹', '›':
		return true
	}
	return false
}
