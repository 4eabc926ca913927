// Package names is the word and name toolkit of the whole-story checks:
//
//  1. Words splits a text into words with their offsets, knowing
//     abbreviations ("Mr.", "U.S.") and which words open a sentence;
//  2. Names finds the capitalised name sequences of a text and their cores
//     without titles ("Foreign Minister Choe Son Hui" → "Choe Son Hui");
//  3. Fold, NameTokens, SameTokens and GivenNameForm compare names however
//     written: case, diacritics, nicknames, initials and one-letter spellings;
//  4. LowerWords lists the words a story writes in lower case, so that a
//     common word opening a sentence is not taken for a name;
//  5. GivenNameSex tells the sex a given name is most often given to, for
//     what "he" or "she" may refer to when the text does not say.
//
// The facts check, the quote check and the coverage matrix all read names
// this way, so a name is the same name to each of them.
package names

import (
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// Word is one word of a text with its byte offsets.
type Word struct {
	Text       string
	Start, End int
	// Initial says the word opens a sentence (or the text, or a quotation),
	// where a capital letter says nothing about it being a name.
	Initial bool
	// Glued says punctuation other than a space separates it from the
	// previous word ("Moscow, on" or "Korea's"), so a name cannot span them.
	Glued bool
}

// Words splits text into words: letters and digits with inner apostrophes,
// hyphens and periods ("Kim Jong Un’s", "U.S.", "al-Assad"), and a final
// period for abbreviations ("Mr.", "Nov.").
func Words(text string) []Word {
	// most texts asked are a name or a few words around one: a buffer of
	// a constant size stays on the caller's stack when Words is inlined
	// and the words are not kept
	out := appendWords(make([]Word, 0, 8), text, -1, false)
	if len(out) == 0 {
		return nil
	}
	return out
}

// AppendWords appends Words(text) to out, for a caller that reads many
// texts one after another into one buffer.
func AppendWords(out []Word, text string) []Word { return appendWords(out, text, -1, false) }

// WordsN returns the first n words of Words(text), without reading further.
func WordsN(text string, n int) []Word {
	out := appendWords(make([]Word, 0, n), text, n, false)
	if len(out) == 0 {
		return nil
	}
	return out
}

// appendWords appends the words of text to out, stopping after limit of
// them when limit >= 0. With lowerRuns, a run of words that can neither
// be nor join a name (not capitalised, no connector) is appended as one
// word whose Text is empty: where a name ends is all eachName asks of
// them, and most words of a text are such.
//
// It is not inlined so that Words and WordsN are: their buffer then stays
// on their caller's stack.
//
//go:noinline
func appendWords(out []Word, text string, limit int, lowerRuns bool) []Word {
	return appendWordsIn(out, text, 0, len(text), limit, lowerRuns)
}

// appendWordsIn is appendWords of the words of text that start in
// [from, to), read as if text began at from, which must begin a word or
// the text.
func appendWordsIn(out []Word, text string, from, to, limit int, lowerRuns bool) []Word {
	start := len(out)
	sc := wordScan{text: text, i: from, initial: true}
	for limit < 0 || len(out)-start < limit {
		i, j, ok := sc.next()
		if !ok || i >= to {
			break
		}
		switch t := text[i:j]; {
		case !lowerRuns || Capitalised(t) || connector(t):
			out = append(out, Word{Text: t, Start: i, End: j, Initial: sc.wordInitial, Glued: sc.wordGlued})
		case len(out) == start || out[len(out)-1].Text != "":
			out = append(out, Word{Start: i, End: j, Initial: sc.wordInitial, Glued: sc.wordGlued})
		}
	}
	return out
}

// wordScan reads the words of a text one at a time, as Words splits them,
// for a caller that looks at each word once and keeps none (LowerWords):
// most words of a story are read so.
type wordScan struct {
	text string
	i    int
	// the next word opens a sentence (Word.Initial), or punctuation other
	// than a space comes before it (Word.Glued)
	initial, broken bool
	// Initial and Glued of the word next returned last
	wordInitial, wordGlued bool
}

// next returns the offsets of the next word of the text, and false past
// the last.
func (sc *wordScan) next() (start, end int, ok bool) {
	text, initial, broken := sc.text, sc.initial, sc.broken
	for i := sc.i; i < len(text); {
		if text[i] == ' ' {
			i++ // a space changes nothing
			continue
		}
		r, w := decodeRune(text, i)
		if !isWordRune(r) {
			switch {
			case r == '.' || r == '!' || r == '?' || r == ':' || r == ';' || r == '\n':
				initial = true
				broken = true
			case r == '"' || r == '(' || (r >= utf8.RuneSelf && strings.ContainsRune("“”„«»‘’‹›", r)):
				// an opening quotation mark starts a quoted sentence
				if r == '“' || r == '„' || r == '«' || r == '(' || r == '‘' || (r == '"' && (i == 0 || isSpaceByte(text, i-1))) {
					initial = true
				}
				broken = true
			case !isSpaceRune(r):
				broken = true
			}
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf && asciiWord[c] {
				j++
				continue
			}
			if c == ' ' {
				break // the usual end of a word
			}
			r2, w2 := decodeRune(text, j)
			if isWordRune(r2) || textsafe.Ignorable(r2) {
				j += w2
				continue
			}
			if (r2 == '\'' || r2 == '’' || r2 == '-' || r2 == '.') && j+w2 < len(text) {
				r3, _ := decodeRune(text, j+w2)
				if isWordRune(r3) {
					j += w2
					continue
				}
			}
			break
		}
		if j < len(text) && text[j] == '.' && isAbbrev(text[i:j]) {
			j++
		}
		sc.i, sc.initial, sc.broken, sc.wordInitial, sc.wordGlued = j, false, false, initial, broken
		return i, j, true
	}
	sc.i, sc.initial, sc.broken = len(text), initial, broken
	return 0, 0, false
}

func isSpaceByte(s string, i int) bool { return s[i] == ' ' || s[i] == '\n' || s[i] == '\t' }

func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r]
	}
	if generalPunctuation(r) {
		return false // said without searching three tables
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// generalPunctuation says whether r is in the block U+2000–U+206F (spaces
// of every width, dashes, curly quotation marks, the ellipsis), which
// holds no letter, digit or mark, and most of the non-ASCII characters of
// an English article.
func generalPunctuation(r rune) bool { return r >= 0x2000 && r <= 0x206F }

// asciiWord marks the ASCII letters and digits.
var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := range t {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func isSpaceRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// decodeRune is utf8.DecodeRuneInString(s[i:]), quicker on ASCII.
func decodeRune(s string, i int) (rune, int) {
	if c := s[i]; c < utf8.RuneSelf {
		return rune(c), 1
	}
	return utf8.DecodeRuneInString(s[i:])
}

// isAbbrev says whether w followed by a period is an abbreviation that does
// not end a sentence: a title, a month, or a single initial.
func isAbbrev(w string) bool {
	if utf8.RuneCountInString(w) == 1 {
		r, _ := utf8.DecodeRuneInString(w)
		return unicode.IsUpper(r)
	}
	if strings.Contains(w, ".") { // "U.S", "D.C"
		return true
	}
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		// a word before a full stop ends a sentence more often than not:
		// no title or month abbreviation has more than four letters
		return len(l) <= 4 && (abbrevTitles[string(l)] || monthAbbrev[string(l)] != 0)
	}
	return abbrevTitles[strings.ToLower(w)] || monthAbbrev[strings.ToLower(w)] != 0
}

var abbrevTitles = Set("mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "adm", "maj", "gov",
	"sen", "rep", "rev", "hon", "pres", "atty", "st", "jr", "sr", "no")

// Set returns the words ws as a set, for the word lists of the checks.
func Set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}

// wordBufs are buffers for the words of a text that Names reads and drops.
var wordBufs = sync.Pool{New: func() any { return new([]Word) }}

// NameSpan is a capitalised name sequence found in a text.
type NameSpan struct {
	// Text is the sequence as written, titles included
	// ("Foreign Minister Choe Son Hui").
	Text string
	// Core is Text without leading titles and honorifics ("Choe Son Hui");
	// empty when the sequence is only titles.
	Core string
	// Start and End are Text's byte offsets.
	Start, End int
	// CoreStart is the byte offset where Core begins.
	CoreStart int
	// Titled says a title or honorific preceded the core ("Mr. Fox",
	// "President Putin"), so it names a person.
	Titled bool
}

// Names returns the capitalised name sequences of text: runs of
// capitalised words, joined by "of", "de", "van" and the like, that do not
// cross punctuation. A capitalised word that only opens a sentence is
// skipped when it is a common word (or, given lower, a word written in
// lower case elsewhere). Weekdays and months are dates, not names.
func Names(text string, lower map[string]bool) []NameSpan { return NamesKnown(text, lower, nil) }

// NamesKnown is Names where a word of known (folded) is a name even when
// it opens a sentence and looks like a common word: "Schlafly then
// discussed" is not an adverb in -ly when the text names Phyllis Schlafly.
func NamesKnown(text string, lower, known map[string]bool) []NameSpan {
	// found into a buffer, returned at their size
	bp := nameBufs.Get().(*[]NameSpan)
	buf := (*bp)[:0]
	eachName(text, lower, known, func(n NameSpan, _ []Word, _ int) { buf = append(buf, n) }, nil)
	var out []NameSpan
	if len(buf) > 0 {
		out = slices.Clone(buf)
	}
	*bp = buf[:0]
	nameBufs.Put(bp)
	return out
}

// nameBufs are buffers for the names NamesKnown finds.
var nameBufs = sync.Pool{New: func() any { return new([]NameSpan) }}

// Cores calls f with each name of text that Names(text, lower) returns and
// whose Core is not empty, and NameTokens(n.Core), read from the words
// already split rather than split again; f may keep toks.
func Cores(text string, lower map[string]bool, f func(n NameSpan, toks []string)) {
	eachName(text, lower, nil, func(n NameSpan, run []Word, c int) {
		if n.Core != "" {
			f(n, wordTokens(run[c:], n.End))
		}
	}, nil)
}

// eachName calls f with each name sequence of text (see NamesKnown) and
// its words, of which the core's are run[c:]; f must not keep them. With known nil and
// skipped not nil, it calls skipped for each run of capitalised words
// whose first word, a common word opening a sentence, a known set holding
// it would keep: with that word, the name the run makes with it (ok false
// for none), and whether f is called for the run too (right after). That
// is what NamesKnown given any known set needs beyond Names.
func eachName(text string, lower, known map[string]bool, f func(n NameSpan, run []Word, c int), skipped func(first Word, n NameSpan, ok, named bool)) {
	eachNameIn(text, 0, len(text), lower, known, f, skipped)
}

// eachNameIn is eachName of the words of text that start in [from, to):
// from is 0 or the start of a word no name holds, to is len(text) or the
// start of another (see NamesKnownIn), so that the names read are those
// eachName finds there.
func eachNameIn(text string, from, to int, lower, known map[string]bool, f func(n NameSpan, run []Word, c int), skipped func(first Word, n NameSpan, ok, named bool)) {
	bp := wordBufs.Get().(*[]Word)
	ws := appendWordsIn((*bp)[:0], text, from, to, -1, true)
	defer func() {
		*bp = ws[:0]
		wordBufs.Put(bp)
	}()
	for i := 0; i < len(ws); {
		if !Capitalised(ws[i].Text) || isDateWord(ws[i].Text) {
			i++
			continue
		}
		j := i + 1
		for j < len(ws) && !ws[j].Glued && !ws[j].Initial {
			if Capitalised(ws[j].Text) && !isDateWord(ws[j].Text) {
				if possessive(ws[j-1].Text) {
					break
				}
				j++
				continue
			}
			if connector(ws[j].Text) && j+1 < len(ws) && !ws[j+1].Glued && Capitalised(ws[j+1].Text) && !isDateWord(ws[j+1].Text) && !possessive(ws[j-1].Text) {
				j += 2
				continue
			}
			break
		}
		s := i
		// a capital that only opens a sentence: "However", "In", "Just";
		// and "The" anywhere ("WASHINGTON — The Trump administration",
		// "HOUSTON — The decision": no name at all)
		for s < j && ((ws[s].Initial && commonInitial(ws[s].Text, lower) && !(known != nil && known[Fold(ws[s].Text)])) || ws[s].Text == "The") {
			s++
		}
		// a dateline: "WASHINGTON — The …"
		dateline := s == 0 && j == 1 && len(ws[0].Text) >= 5 && strings.ToUpper(ws[0].Text) == ws[0].Text
		if skipped != nil && s > i && ws[i].Text != "The" {
			// kept, the first word starts the name, which is then a
			// dateline or none
			var kn NameSpan
			ok := !(i == 0 && j == 1 && len(ws[0].Text) >= 5 && strings.ToUpper(ws[0].Text) == ws[0].Text)
			if ok {
				kn, _ = makeName(text, ws[i:j])
			}
			skipped(ws[i], kn, ok, s < j && !dateline)
		}
		if s < j && !dateline {
			n, c := makeName(text, ws[s:j])
			f(n, ws[s:j], c)
		}
		i = j
	}
}

// TitleCase says whether a capitalised run is a line written in title
// case rather than a name: a word no name holds is capitalised inside it
// ("Trump Calls On Obama To Resign", "Auctioning Off Gun Used To Kill").
func TitleCase(run string) bool {
	for k, w := range Words(run) {
		if k > 0 && titleCaseWord(w.Text) {
			return true
		}
	}
	return false
}

// titleCaseRun is TitleCase of the text of a name whose words are run and
// which ends at byte end (a possessive cut off its last word), read from
// its words rather than split again.
func titleCaseRun(run []Word, end int) bool {
	for k := 1; k < len(run); k++ {
		t := run[k].Text
		if run[k].End > end {
			t = t[:max(0, end-run[k].Start)]
		}
		if titleCaseWord(t) {
			return true
		}
	}
	return false
}

// titleCaseWord says whether w, inside a capitalised run, says the run is
// written in title case. Most words of names are longer than any of
// titleCaseWords or, lowered, are told apart from them as numbers.
func titleCaseWord(w string) bool {
	if !Capitalised(w) {
		return false
	}
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		if len(l) > 7 {
			return false // every title-case word has seven letters or fewer
		}
		_, found := slices.BinarySearch(titleCaseKeys, shortKey(l))
		return found
	}
	return inLower(titleCaseWords, w)
}

// titleCaseKeys are titleCaseWords as shortKey makes them, sorted.
var titleCaseKeys = func() []uint64 {
	var ks []uint64
	for w := range titleCaseWords {
		ks = append(ks, shortKey(w))
	}
	slices.Sort(ks)
	return ks
}()

// titleCaseWords are words no name holds (folded): capitalised inside a
// run of capitals, they say the run is a headline in title case.
var titleCaseWords = Set("to", "on", "off", "for", "with", "at", "by", "is", "are", "was", "were", "and", "a", "an",
	"in", "after", "before", "from", "over", "into", "as", "than", "be", "has", "have", "had", "will", "not", "says",
	"said", "calls", "just", "about", "up", "out", "but", "or", "this", "that", "his", "her", "their", "its")

// makeName returns the name that words ws make, and the index in ws of
// the first word of its core.
func makeName(text string, ws []Word) (NameSpan, int) {
	n := NameSpan{Start: ws[0].Start, End: ws[len(ws)-1].End}
	n.Text = trimPossessive(text[n.Start:n.End])
	n.End = n.Start + len(n.Text)
	c := 0
	for k, w := range ws {
		if titleWord(w.Text) {
			c = k + 1
			// "Former Arizona" is no person: a modifier alone is no title
			if !inLower(titleModifiers, w.Text) {
				n.Titled = true
			}
		}
	}
	for c < len(ws) && connector(ws[c].Text) {
		c++
	}
	if c < len(ws) {
		n.CoreStart = ws[c].Start
		n.Core = text[n.CoreStart:n.End]
	} else {
		n.CoreStart = n.End
	}
	return n, c
}

func trimPossessive(s string) string {
	for _, p := range []string{"'s", "’s", "'", "’"} {
		if strings.HasSuffix(s, p) && len(s) > len(p) {
			return s[:len(s)-len(p)]
		}
	}
	return s
}

func possessive(w string) bool {
	return strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")
}

// Capitalised says whether w opens with a capital letter.
func Capitalised(w string) bool {
	if w == "" {
		return false // the words of a run eachName does not read
	}
	if w[0] < utf8.RuneSelf {
		return 'A' <= w[0] && w[0] <= 'Z'
	}
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

var connectors = Set("of", "de", "del", "della", "da", "dos", "van", "von", "der", "den", "al", "bin", "ibn", "la", "le", "du")

// connector is connectors[w], read for most words of a text: most are
// turned down by their length and first letter (every connector has two
// to five letters and starts with one of these), and the others compared
// as numbers with the few connectors, not looked up.
func connector(w string) bool {
	if len(w) < 2 || len(w) > 5 {
		return false
	}
	switch w[0] {
	case 'o', 'd', 'v', 'a', 'b', 'i', 'l':
		return slices.Contains(connectorKeys, shortKey(w))
	}
	return false
}

// connectorKeys are the connectors as shortKey makes them.
var connectorKeys = func() []uint64 {
	var ks []uint64
	for w := range connectors {
		ks = append(ks, shortKey(w))
	}
	return ks
}()

// shortKey is a number that w, of at most seven bytes, is the only word
// to give: its bytes and its length.
func shortKey[S string | []byte](w S) uint64 {
	k := uint64(0)
	for i := 0; i < len(w); i++ {
		k = k<<8 | uint64(w[i])
	}
	return k<<8 | uint64(len(w))
}

// commonInitial says whether a capitalised word at a sentence start is an
// ordinary word rather than a name.
func commonInitial(w string, lower map[string]bool) bool {
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		if commonWords[string(l)] || pronouns[string(l)] || (lower != nil && lower[string(l)]) {
			return true
		}
		return len(l) > 5 && l[len(l)-2] == 'l' && l[len(l)-1] == 'y'
	}
	l := strings.ToLower(w)
	if commonWords[l] || pronouns[l] {
		return true
	}
	if lower != nil && lower[l] {
		return true
	}
	// adverbs: "Internationally", "Meanwhile" is in the list
	return strings.HasSuffix(l, "ly") && len(l) > 5
}

// lowerASCII writes strings.ToLower(w) into buf when w is ASCII and fits,
// so that map look-ups need no new string.
func lowerASCII(buf *[24]byte, w string) ([]byte, bool) {
	if len(w) > len(buf) {
		return nil, false
	}
	for i := 0; i < len(w); i++ {
		c := w[i]
		if c >= utf8.RuneSelf {
			return nil, false
		}
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	return buf[:len(w)], true
}

var commonWords = Set("the", "a", "an", "in", "on", "at", "but", "and", "or", "however", "according", "if", "when",
	"while", "just", "this", "that", "these", "those", "it", "its", "his", "her", "their", "our", "my", "your", "after",
	"before", "as", "so", "yet", "for", "with", "without", "from", "by", "once", "meanwhile", "still", "also", "then",
	"there", "here", "what", "who", "why", "how", "where", "which", "some", "many", "most", "all", "no", "not", "more",
	"even", "now", "since", "although", "though", "because", "despite", "during", "under", "over", "about", "asked",
	"share", "see", "read", "click", "last", "next", "each", "every", "both", "one", "two", "three", "such", "other",
	"another", "new", "earlier", "later", "today", "yesterday", "tomorrow", "instead", "indeed", "again", "only",
	"until", "to", "of", "do", "does", "did", "is", "are", "was", "were", "be", "been", "has", "have", "had", "will",
	"would", "could", "should", "may", "might", "can", "must", "let", "we've", "i'm", "it's", "that's", "don't",
	"plus", "thus", "besides", "amid", "among", "against", "unlike", "like", "whether", "upon", "within", "across",
	"through", "toward", "towards", "via", "beyond", "behind", "inside", "outside", "throughout", "whereas")

var pronouns = Set("he", "she", "they", "we", "i", "you", "him", "them", "us", "me")

// titleWords are words of titles and offices that precede a person's name.
var titleWords = Set("mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof.", "sen", "sen.", "rep", "rep.",
	"gov", "gov.", "gen", "gen.", "lt", "lt.", "col", "col.", "sgt", "sgt.", "capt", "capt.", "adm", "adm.", "maj", "maj.",
	"rev", "rev.", "hon", "hon.", "pres", "pres.", "atty", "atty.", "sir", "dame", "lord", "lady",
	"president", "vice", "minister", "prime", "foreign", "secretary", "senator", "representative", "congressman",
	"congresswoman", "governor", "mayor", "chancellor", "leader", "supreme", "general", "chief", "director",
	"spokesman", "spokeswoman", "spokesperson", "ambassador", "king", "queen", "prince", "princess", "pope", "judge",
	"justice", "commissioner", "chairman", "chairwoman", "chair", "deputy", "former", "speaker", "attorney", "counsel",
	"special", "affairs", "defense", "defence", "state", "interior", "finance", "treasury", "press", "officer", "envoy",
	"premier", "sheikh", "colonel", "captain", "sergeant", "admiral", "lieutenant", "commander", "marshal", "agent",
	"professor", "doctor", "rabbi", "father", "bishop", "cardinal", "archbishop", "dictator", "ruler", "first", "lady's",
	"acting", "interim", "councillor", "councilor", "councilman", "councilwoman", "alderman", "sheriff", "inspector",
	"detective", "superintendent", "chancellor's", "assistant", "adviser", "advisor", "aide", "ceo", "executive", "minister's", "mrs.'")

func titleWord(w string) bool {
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		// every word of every name is asked: most are turned down by
		// their length and first letter, without a look-up
		if n := len(l); n > 0 && n <= len(titleInitial) && titleInitial[n-1]&(1<<(l[0]&31)) == 0 {
			return false
		}
		return titleWords[string(l)]
	}
	return titleWords[strings.ToLower(w)]
}

// titleInitial holds, per length less one, the first letters of the title
// words of that length, as dateInitial does for dates.
var titleInitial = func() (t [16]uint32) {
	for w := range titleWords {
		if len(w) <= len(t) {
			t[len(w)-1] |= 1 << (w[0] & 31)
		}
	}
	return t
}()

// titleModifiers are the title words that only qualify a title ("former
// governor", "acting director") and name no one without it.
var titleModifiers = Set("former", "first", "acting", "interim", "vice", "deputy", "special", "supreme", "state",
	"affairs", "foreign", "prime", "executive", "assistant", "defense", "defence", "interior", "finance", "treasury",
	"press", "chief")

// inLower says whether set holds w in lower case (strings.ToLower), without
// allocating for a short ASCII word.
func inLower(set map[string]bool, w string) bool {
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		return set[string(l)]
	}
	return set[strings.ToLower(w)]
}

var weekdays = Set("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

var monthNames = map[string]int{"january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
	"august": 8, "september": 9, "october": 10, "november": 11, "december": 12}

var monthAbbrev = map[string]int{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
	"sept": 9, "oct": 10, "nov": 11, "dec": 12}

// MonthNumber returns the number of the month w names in full or in short
// ("March", "Sept."), 0 when it names none.
func MonthNumber(w string) int {
	l := strings.TrimSuffix(strings.ToLower(w), ".")
	if n := monthNames[l]; n != 0 {
		return n
	}
	return monthAbbrev[l]
}

// dateInitial holds, per length less one, the first letters of the date
// words of that length (a bit per letter, 'a' being bit 1), so that most
// words are turned down without a look-up.
var dateInitial = func() (t [16]uint32) {
	add := func(w string) { t[len(w)-1] |= 1 << (w[0] & 31) }
	for w := range weekdays {
		add(w)
	}
	for _, m := range []map[string]int{monthNames, monthAbbrev} {
		for w := range m {
			add(w)
		}
	}
	return t
}()

// IsDateWord says whether w is a weekday or a month, which opens no name.
func IsDateWord(w string) bool { return isDateWord(w) }

func isDateWord(w string) bool {
	var buf [24]byte
	if l, ok := lowerASCII(&buf, w); ok {
		if len(l) > 0 && l[len(l)-1] == '.' {
			l = l[:len(l)-1]
		}
		if len(l) == 0 || len(l) > len(dateInitial) || dateInitial[len(l)-1]&(1<<(l[0]&31)) == 0 {
			return false // most words: no date word has their length and first letter
		}
		return weekdays[string(l)] || monthNames[string(l)] != 0 || (monthAbbrev[string(l)] != 0 && strings.HasSuffix(w, "."))
	}
	l := strings.TrimSuffix(strings.ToLower(w), ".")
	return weekdays[l] || monthNames[l] != 0 || (monthAbbrev[l] != 0 && strings.HasSuffix(w, "."))
}

// Fold returns s in lower case without diacritics and with typographic
// apostrophes made straight, for comparing names and words.
func Fold(s string) string {
	// ASCII, the common case, has no marks to drop and no apostrophes to
	// straighten: only capitals to lower, and none most of the time
	upper := false
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return foldSlow(s)
		}
		upper = upper || 'A' <= c && c <= 'Z'
	}
	if !upper {
		return s
	}
	b := []byte(s)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// FoldEqual says whether Fold(a) == Fold(b), without making them when a
// and b are ASCII.
func FoldEqual(a, b string) bool {
	if isASCII(a) && isASCII(b) {
		return strings.EqualFold(a, b)
	}
	return Fold(a) == Fold(b)
}

func foldSlow(s string) string {
	s = norm.NFD.String(s)
	var b strings.Builder
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r), textsafe.Ignorable(r):
		case r == '’' || r == '‘':
			b.WriteByte('\'')
		default:
			b.WriteRune(unicode.ToLower(r))
		}
	}
	return b.String()
}

// NameTokens returns the folded words of a name, without titles.
func NameTokens(name string) []string { return wordTokens(Words(name), len(name)) }

// wordTokens is NameTokens given the words of the name, which ends at byte
// end of their text: a name cut before its last word's possessive
// ("President" of "President’s") reads that word as cut.
func wordTokens(ws []Word, end int) []string {
	if len(ws) == 0 {
		return nil
	}
	// one slice for a name's words; none when titles are all it has
	out := make([]string, 0, len(ws))
	for _, w := range ws {
		if t, ok := nameWord(w, end); ok {
			out = append(out, Fold(t))
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// nameWord is the word of a name that w, a word of a name ending at byte
// end, gives to NameTokens before folding, and false for a title or a
// connector, which give none.
func nameWord(w Word, end int) (string, bool) {
	t := w.Text
	if w.End > end {
		t = t[:end-w.Start]
	}
	if titleWord(t) || connector(t) {
		return "", false
	}
	return trimPossessive(t), true
}

// appendFold appends Fold(s) to b.
func appendFold(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return append(b, foldSlow(s)...)
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b = append(b, c)
	}
	return b
}

// SameName says whether two names may name the same person or place: every
// word of the shorter matches a word of the longer, exactly or with one
// letter changed in words of five letters or more ("Sergei" and "Sergey";
// "Choe" and "Choe Son Hui"; "Mr. Fox" and "Vicente Fox").
func SameName(a, b string) bool { return SameTokens(NameTokens(a), NameTokens(b)) }

// SameTokens is SameName on names already split by NameTokens.
func SameTokens(ta, tb []string) bool {
	if len(ta) == 0 || len(tb) == 0 {
		return false
	}
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	similar, forms := 0, 0
	for _, x := range ta {
		found := false
		for _, y := range tb {
			if SimilarWord(x, y) {
				found = true
				similar++
				break
			}
		}
		if !found {
			g := formsOf(x)
			for _, y := range tb {
				if g.of(y) {
					found = true
					forms++
					break
				}
			}
		}
		if !found {
			return false
		}
	}
	// a nickname or an initial joins two names only beside a word they
	// share: "Rick Gates" and "Richard Gates", not "Rick" and "Richard"
	return forms == 0 || similar > 0
}

// SpelledApart says whether two names SameTokens matches do so only
// through a word spelled a letter apart ("Papadopoulos" and
// "Papadopoulous"): the same person to a reader, but a spelling an editor
// wants to see, so neither an agreement nor a conflict.
func SpelledApart(ta, tb []string) bool {
	if len(ta) > len(tb) {
		ta, tb = tb, ta
	}
	for _, x := range ta {
		exact := false
		for _, y := range tb {
			if x == y || GivenNameForm(x, y) {
				exact = true
				break
			}
		}
		if !exact {
			return true
		}
	}
	return false
}

// SimilarWord says whether two folded words are equal or, when both have at
// least five letters, differ by one edit.
func SimilarWord(x, y string) bool {
	if x == y {
		return true
	}
	// "Russia" and "Russian", "Zimarco" and "Zimarcos" are a name and a
	// word made from it, not two spellings of one name
	if strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
		return false
	}
	if len(x) < 5 || len(y) < 5 {
		return false // fewer bytes, fewer letters
	}
	if isASCII(x) && isASCII(y) {
		// a byte is a rune: the same test without decoding
		return len(x) >= 5 && len(y) >= 5 && editOne([]byte(x), []byte(y))
	}
	rx, ry := []rune(x), []rune(y)
	return len(rx) >= 5 && len(ry) >= 5 && editOne(rx, ry)
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// editOne says whether a and b differ by at most one insertion, deletion
// or substitution.
func editOne[E comparable](a, b []E) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	if len(a) == len(b) {
		return slices.Equal(a[i+1:], b[i+1:])
	}
	return slices.Equal(a[i:], b[i+1:])
}

// nonPerson are words that mark a name as a place or an organisation.
var nonPerson = Set("north", "south", "east", "west", "united", "states", "kingdom", "korea", "house", "republic",
	"union", "nations", "army", "party", "department", "ministry", "office", "press", "service", "news", "times",
	"post", "agency", "council", "court", "congress", "senate", "committee", "forces", "government", "region",
	"people's", "central", "national", "international", "european", "federal", "bank", "university", "street",
	"city", "county", "river", "island", "islands", "sea", "ocean", "airport", "station", "church", "school",
	"company", "group", "corporation", "inc", "ltd", "association", "organization", "organisation", "foundation",
	"institute", "center", "centre", "club", "league", "media", "network", "channel", "assembly", "parliament",
	"cabinet", "white", "kremlin", "pentagon", "new", "york", "moscow", "america", "american",
	"russian", "korean", "ukrainian", "chinese", "british", "french", "german", "mexican", "european", "democrats",
	"republicans", "democratic", "republican", "cnn", "bbc", "reuters", "garden", "park", "square", "hall",
	"building", "tower", "bridge", "road", "avenue", "hill", "plaza", "capitol", "palace", "airlines", "party's",
	"force", "college", "community", "san", "los", "las", "fort", "mount", "lake", "port", "bay", "valley", "beach",
	"springs", "museum", "hospital", "academy", "stadium", "arena", "hotel", "commission", "board", "bureau",
	"administration", "campaign", "caucus", "convention", "conference", "summit", "forum", "magazine", "journal",
	"tribune", "herald", "gazette", "radio", "television", "studios", "mountains", "county's", "city's", "tv")

// NonPersonWord says whether a folded word marks a place or an
// organisation ("ministry", "committee", "county").
func NonPersonWord(w string) bool { return nonPerson[w] }

// CommonWord says whether a folded word is a common word that opens a
// sentence but no name ("however", "amid").
func CommonWord(w string) bool { return commonWords[w] }

// PersonLike says whether a name core looks like a person's name: two or
// more words, none of which marks a place or an organisation, or a name that
// carries a title.
func PersonLike(n NameSpan) bool {
	if n.Core == "" {
		return false
	}
	return PersonLikeTokens(n, NameTokens(n.Core))
}

// PersonLikeTokens is PersonLike given NameTokens(n.Core).
func PersonLikeTokens(n NameSpan, toks []string) bool {
	if len(toks) == 0 || (len(toks) < 2 && !n.Titled) || len(toks) > 4 {
		return false
	}
	for _, t := range toks {
		// a title-case headline is no name: "Santorum Calls For Ending …";
		// nor are "D.C." and "I"
		if nonPerson[t] || commonWords[t] || t == "i" || strings.Contains(strings.TrimSuffix(t, "."), ".") {
			return false
		}
	}
	return true
}
