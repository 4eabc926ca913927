package align

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// scan appends the words of text, in language l, to sc.words, with their
// terms in voc. A German word that cp splits is followed by its parts.
func scan(text string, l lang.Lang, cp *lang.Compounds, sc *scratch, voc *vocabulary) {
	if l != lang.German {
		cp = nil
	}
	base := len(sc.words) // words before it are another block's
	salt := langSalt(l)
	quote := false
	sc.spans = segment.AppendSentenceSpans(sc.spans[:0], text)
	for s, sp := range sc.spans {
		st := text[sp[0]:sp[1]]
		for i := 0; i < len(st); {
			// quotation marks switch the quoted state; other punctuation is skipped
			c := st[i]
			if c < utf8.RuneSelf {
				if c == '"' {
					quote = !quote
				}
				if !isWordByte(c) {
					i++
					continue
				}
			} else {
				r, w := utf8.DecodeRuneInString(st[i:])
				switch lang.Quote(l, r) {
				case lang.Opens:
					quote = true
				case lang.Closes:
					quote = false
				case lang.Toggles:
					quote = !quote
				}
				if !unicode.IsLetter(r) && !unicode.IsDigit(r) {
					i += w
					continue
				}
			}
			var num bool
			// the ASCII cases of isUpperAt and dottedAcronym, without a call
			c0 := st[i]
			upper := c0 >= 'A' && c0 <= 'Z' || c0 >= utf8.RuneSelf && isUpperAt(st, i)
			if i+1 < len(st) && st[i+1] == '.' {
				if n := dottedAcronym(st, i); n > 0 {
					// "F.B.I." and "U.S." read as FBI and US
					sc.word = sc.word[:0]
					for k := i; k < i+n; k++ {
						if st[k] != '.' {
							sc.word = append(sc.word, st[k]|0x20)
						}
					}
					i += n
					addWord(sc, voc, int32(s), quote)
					continue
				}
			}
			var h uint64
			sc.word, num, i, h = scanWord(st, i, sc.word[:0])
			if len(sc.word) == 0 {
				continue
			}
			if !num && upper && allUpper(st, i, len(sc.word)) && len(sc.word) >= 2 && len(sc.word) <= 5 {
				addWord(sc, voc, int32(s), quote) // an acronym: "US", "EU"
				continue
			}
			sc.words = append(sc.words, newToken(-1, h, s, quote, num, upper))
			k := len(sc.words) - 1
			switch {
			case num:
				// figures repeat too: their spelling is normalised once
				id, ok := voc.word(sc.word, h)
				if !ok {
					id = voc.termID(normNumber(sc.word))
					voc.raw.add(sc.word, h, id)
				}
				sc.words[k].term = id
			case k > base && sc.words[k-1].num() && sc.words[k-1].term >= 0 && magnitude(sc.word) != 0:
				// "3.6 billion": fold the magnitude into the figure
				prev := &sc.words[k-1]
				name := voc.name(prev.term)
				if !hasMagnitude(name) {
					prev.term = voc.termID(name + string(magnitude(sc.word)))
				}
			default:
				// one lookup per word and language: its stem is worked
				// out once per story
				hl := h ^ salt
				id, ok := voc.word(sc.word, hl)
				if !ok {
					id = wordTerm(sc, voc, l)
					voc.raw.add(sc.word, hl, id)
				}
				sc.words[k].term = id
				if id >= 0 && cp != nil {
					for _, p := range cp.Parts(sc.word) {
						sc.words = append(sc.words, newToken(voc.termID(p), hashBytes([]byte(p)), s, quote, false, false))
					}
				}
			}
		}
	}
}

// wordTerm is the term of sc.word in language l: -1 for a stop word, else
// its stem's. English and text of no known language take the aligner's own
// stop words and stemmer, tuned on English news; the other languages
// theirs (internal/lang).
func wordTerm(sc *scratch, voc *vocabulary, l lang.Lang) int32 {
	if len(sc.word) < 2 {
		return -1
	}
	if !lang.HasStops(l) {
		if stop[string(sc.word)] {
			return -1
		}
		sc.stem = append(sc.stem[:0], sc.word...)
		return voc.termID(string(stem(sc.stem)))
	}
	if lang.IsStop(l, string(sc.word)) {
		return -1
	}
	return voc.termID(lang.Stem(l, string(sc.word)))
}

// germanCompounds learns how the story's German compounds split, from
// the texts of its German articles; nil when it has none.
func germanCompounds(texts []string, langs []lang.Lang) *lang.Compounds {
	var de []string
	for k, l := range langs {
		if l == lang.German {
			de = append(de, texts[k])
		}
	}
	if len(de) == 0 {
		return nil
	}
	return lang.NewCompounds(de)
}

// langSalt tells the words of different languages apart in the word
// table: "die" is a stop word in German, not in English. English's is 0.
func langSalt(l lang.Lang) uint64 {
	if !lang.HasStops(l) {
		return 0
	}
	return hashBytes([]byte(l))
}

func isWordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

// scanWord reads the word at s[i:] into buf, lowercased and with accents
// folded (Calderón and Calderon are one name). An apostrophe inside a word
// and the point or comma inside a figure belong to the word; a possessive
// "'s" and other apostrophes are dropped. It returns the word, whether it is
// a figure, where scanning goes on, and the word's hashBytes.
func scanWord(s string, i int, buf []byte) ([]byte, bool, int, uint64) {
	num := s[i] >= '0' && s[i] <= '9'
	h := uint64(fnvOffset)
	apos := false // most words have no apostrophe to take out
	slow := false // an apostrophe or a letter beyond ASCII: hashed again at the end
	for i < len(s) {
		c := s[i]
		if l := lowerByte[c]; l != 0 {
			// most bytes of most words
			buf = append(buf, l)
			h = (h ^ uint64(l)) * fnvPrime
			i++
			continue
		}
		if c < utf8.RuneSelf {
			switch {
			case (c == '.' || c == ',') && num && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9' && len(buf) > 0:
				if c == '.' {
					buf = append(buf, c)
					h = (h ^ uint64(c)) * fnvPrime
				}
				i++
			case c == '\'' && i+1 < len(s) && isWordByte(s[i+1]) && len(buf) > 0:
				buf = append(buf, c)
				apos, slow = true, true
				i++
			default:
				if !slow {
					return buf, num, i, h // most words: read and hashed as they stand
				}
				return endSlowWord(buf, num, i, apos)
			}
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == '’' && i+w < len(s) && isWordByte(s[i+w]) && len(buf) > 0:
			buf = append(buf, '\'')
			apos = true
		case textsafe.Ignorable(r) && len(buf) > 0:
			// a soft hyphen or zero width character splits no word:
			// "may\u00ador" is "mayor"
			i += w
			continue
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			r = unicode.ToLower(r)
			if f, ok := lang.Folds[r]; ok {
				buf = append(buf, f...)
			} else {
				buf = utf8.AppendRune(buf, r)
			}
		default:
			if !slow {
				return buf, num, i, h
			}
			return endSlowWord(buf, num, i, apos)
		}
		slow = true
		i += w
	}
	if !slow {
		return buf, num, i, h
	}
	return endSlowWord(buf, num, i, apos)
}

// endSlowWord finishes a word scanWord read that holds an apostrophe or a
// letter beyond ASCII: it is trimmed and hashed again.
func endSlowWord(buf []byte, num bool, i int, apos bool) ([]byte, bool, int, uint64) {
	w := trimWord(buf, apos)
	return w, num, i, hashBytes(w)
}

// lowerByte is an ASCII letter or digit lowercased, 0 for other bytes.
var lowerByte = func() (t [256]byte) {
	for c := '0'; c <= '9'; c++ {
		t[c] = byte(c)
	}
	for c := 'a'; c <= 'z'; c++ {
		t[c] = byte(c)
		t[c-'a'+'A'] = byte(c)
	}
	return t
}()

// trimWord drops a possessive "'s" and the apostrophes of contractions
// from w, which holds an apostrophe if apos.
func trimWord(w []byte, apos bool) []byte {
	if !apos {
		return w // most words: nothing to take out
	}
	if n := len(w); n > 2 && w[n-2] == '\'' && w[n-1] == 's' {
		w = w[:n-2]
	}
	out := w[:0]
	for _, c := range w {
		if c != '\'' {
			out = append(out, c)
		}
	}
	return out
}

// normNumber gives one spelling to a figure: "3.6B", "3.6bn" and "3.6" +
// "billion" all become "3.6b"; "8,000" is "8000" (the comma is dropped while
// scanning).
func normNumber(w []byte) string {
	k := 0
	for k < len(w) && (w[k] >= '0' && w[k] <= '9' || w[k] == '.') {
		k++
	}
	if m := magnitude(w[k:]); m != 0 {
		return string(w[:k]) + string(m)
	}
	return string(w)
}

// magnitude is the one-letter scale of a word such as "billion" or "bn",
// or 0.
func magnitude(w []byte) byte {
	switch string(w) {
	case "billion", "billions", "bn", "b", "bln":
		return 'b'
	case "million", "millions", "mn", "m", "mln":
		return 'm'
	case "trillion", "trillions", "tn", "t":
		return 't'
	}
	return 0
}

func hasMagnitude(name string) bool {
	if name == "" {
		return false
	}
	switch name[len(name)-1] {
	case 'b', 'm', 't':
		return true
	}
	return false
}

// FNV-1a, which scanWord works out as it reads a word.
const (
	fnvOffset = 14695981039346656037
	fnvPrime  = 1099511628211
)

func hashBytes(w []byte) uint64 {
	h := uint64(fnvOffset)
	for _, c := range w {
		h ^= uint64(c)
		h *= fnvPrime
	}
	return h
}

// stem conflates inflections cheaply: plural and verb endings go, the word
// is cut to six bytes, and a final "y" reads as "i" (Sergey and Sergei,
// study and studies).
func stem(w []byte) []byte {
	n := len(w)
	switch {
	case n > 4 && hasSuffix(w, "sses"):
		w = w[:n-2]
	case n > 4 && hasSuffix(w, "ies"):
		w = w[:n-2]
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		w = w[:n-1]
	}
	n = len(w)
	switch {
	case n > 5 && hasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && hasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 5 && hasSuffix(w, "ly"):
		w = w[:n-2]
	}
	if len(w) > 6 {
		k := 6
		for k > 0 && !utf8.RuneStart(w[k]) {
			k--
		}
		w = w[:k]
	}
	if n := len(w); n > 2 && w[n-1] == 'y' {
		w[n-1] = 'i'
	}
	return w
}

func hasSuffix(w []byte, s string) bool {
	return len(w) >= len(s) && string(w[len(w)-len(s):]) == s
}

// stop words carry no evidence of what a paragraph reports. Discourse
// connectives (however, though, meanwhile) are among them: they are rare in
// a story, so idf would weigh them like a shared name, yet two paragraphs
// that both say "however" need not report the same thing.
var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into about over after
before under between through during than then so that this these those there here it its it's he she they we you i
him her them us me my our your their his hers is are was were be been being has have had do does did will would shall
should can could may might must not no yes also just only very more most much many some any all each every other
such what which who whom whose when where why how said says say saying told tell according mr mrs ms while up down out
off new one two three four five six seven eight nine ten first last s t am pm re ve ll d m isn aren wasn weren don
doesn didn won wouldn couldn shouldn can't cannot against because since until again further once both few own same
too now even still ago yet per via among within without upon onto whether either neither nor like well get got make
made take took went go going come came see seen know known think thought want wanted including include includes
dont doesnt didnt wont cant isnt arent wasnt werent wouldnt couldnt shouldnt im ive youre theyre weve hes shes thats
theres whats
however although though meanwhile instead moreover furthermore nevertheless nonetheless therefore thus hence
otherwise indeed`) {
		m[w] = true
	}
	return m
}()

// addWord adds sc.word, an acronym, as a term that is no stop word.
func addWord(sc *scratch, voc *vocabulary, sent int32, quoted bool) {
	sc.words = append(sc.words, newToken(voc.termID(string(sc.word)), hashBytes(sc.word), int(sent), quoted, false, true))
}

func isUpperAt(s string, i int) bool {
	if c := s[i]; c < utf8.RuneSelf {
		return c >= 'A' && c <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsUpper(r)
}

// allUpper says whether the n letters before end in s are all capitals.
func allUpper(s string, end, n int) bool {
	if end-n < 0 {
		return false
	}
	for _, c := range []byte(s[end-n : end]) {
		if c < 'A' || c > 'Z' {
			return false
		}
	}
	return true
}

// dottedAcronym is the length of a dotted acronym ("U.S.", "F.B.I.") at
// s[i:], or 0.
func dottedAcronym(s string, i int) int {
	k, letters := i, 0
	for k+1 < len(s) && isWordByte(s[k]) && s[k] > '9' && s[k+1] == '.' {
		letters++
		k += 2
	}
	if letters < 2 || (k < len(s) && isWordByte(s[k])) {
		return 0
	}
	return k - i
}
