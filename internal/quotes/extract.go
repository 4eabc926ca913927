package quotes

import (
	"github.com/synoptic-news/synoptic/internal/names"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Style is how a quotation is marked.
type Style string

// The quotation styles.
const (
	Straight   Style = "straight"   // "…"
	Curly      Style = "curly"      // “…”
	Single     Style = "single"     // ‘…’ or '…'
	Guillemets Style = "guillemets" // «…» or »…«
	German     Style = "german"     // „…“
	Colon      Style = "colon"      // Speaker said: reported speech
)

// Span is one quotation in a text.
type Span struct {
	// Text is the quoted words, without the marks.
	Text string
	// Start and End are Text's byte offsets in the text.
	Start, End int
	// Open and Close are the byte offsets of the quotation including its
	// marks (for colon speech, the sentence from the speaker on).
	Open, Close int
	Style       Style
	// Speaker is the attribution as written ("the North Korean foreign
	// minister", "Choe", "he"); empty when the text states none.
	Speaker string
	// SpeakerStart is Speaker's byte offset in the text (-1 when none).
	SpeakerStart int
	// Unclosed says the quotation runs to the end of the text without a
	// closing mark, as a quotation that continues in the next paragraph
	// does.
	Unclosed bool

	how    string // which cue gave the speaker
	nested bool   // inside another quotation: no speaker of its own
}

// markPair says which closing marks end a quotation opened by a mark.
type markPair struct {
	close string
	style Style
}

var openers = map[rune]markPair{
	'"':  {`"”`, Straight}, // mixed marks, "…”, happen in copy-edited text
	'“':  {`”"`, Curly},
	'„':  {"“”", German},
	'«':  {"»", Guillemets},
	'»':  {"«", Guillemets},
	'‹':  {"›", Guillemets},
	'‘':  {"’", Single},
	'\'': {"'", Single},
}

// maxSingle bounds a quotation in single marks, in bytes: a lone
// apostrophe must not swallow a paragraph.
const maxSingle = 400

// Extract returns the quotations of text in order, with their speakers when
// the text states them. Apostrophes ("Kim Jong Un’s", "don't", "'90s",
// "the players' union") are not taken for quotation marks; single marks
// nested in a double quotation belong to it.
func Extract(text string) []Span {
	var out []Span
	cue := "" // made for the first quotation: most paragraphs have none
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf && c != '"' && c != '\'' {
			i++ // no other ASCII opens a quotation
			continue
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		p, ok := openers[r]
		if !ok || !opensQuote(text, i, r) {
			i += w
			continue
		}
		c, cw := findClose(text, i+w, r, p)
		sp := Span{Style: p.style, Open: i, SpeakerStart: -1}
		switch {
		case c >= 0:
			sp.Start, sp.End, sp.Close = i+w, c, c+cw
		case p.style == Single || r == '»' || r == '‹':
			i += w // an apostrophe, or a mark used otherwise
			continue
		default:
			sp.Start, sp.End, sp.Close, sp.Unclosed = i+w, len(text), len(text), true
		}
		sp.Start, sp.End = trimSpace(text, sp.Start, sp.End)
		sp.Text = strings.TrimSuffix(strings.TrimSuffix(text[sp.Start:sp.End], "[…]"), "[...]")
		// an opening mark left at the end ("They see that. “") opens
		// nothing the paragraph holds
		sp.Text = strings.TrimRight(sp.Text, " …,;:“‘„«")
		sp.End = sp.Start + len(sp.Text)
		if hasLetter(sp.Text) {
			if sp.Style == Single && insideTwoApostrophes(text, sp.Open) {
				// words someone quotes inside a quotation marked with
				// two apostrophes (''I said, 'Wait.' ''): not the words
				// of whoever the sentence says speaks
				sp.nested = true
			} else {
				if cue == "" {
					cue = plainSpaces(blankParens(text))
				}
				sp.Speaker, sp.SpeakerStart, sp.how = speaker(cue, sp.Open, sp.Close)
			}
			out = append(out, sp)
		}
		i = sp.Close
	}
	// a quotation without a speaker shares the speaker of the quotation
	// before it in the paragraph when carries says so; a title or a scare
	// quote between them does not part them ("he said on “Meet the
	// Press.” “…”")
	last := -1
	for k := range out {
		if out[k].Speaker == "" && !out[k].nested && last >= 0 && carries(text, out[last], out[k]) {
			out[k].Speaker, out[k].SpeakerStart, out[k].how = out[last].Speaker, out[last].SpeakerStart, "carry"
		}
		if out[k].Speaker != "" && quotation(out[k]) {
			last = k
		}
	}
	return append(out, colonSpeech(text, out)...)
}

// carries says whether quotation cur, without a speaker of its own, goes
// on with the words of prev, the one before it in the paragraph: no new
// sentence starts between them ("“…,” X said. “…”", "X said “…” and
// “…”", but not "“…,” said X. Y disagreed: “…”"). A quotation of fewer
// than three words or a title passes no speaker on.
func carries(text string, prev, cur Span) bool {
	if !quotation(prev) || cur.Open < prev.Close {
		return false
	}
	gap := strings.TrimRightFunc(text[prev.Close:cur.Open], unicode.IsSpace)
	if prev.SpeakerStart < prev.Close && endsSentence(text[prev.Start:prev.Close]) && newSubject(gap, prev.Speaker) {
		// "X reported, “… unpredictable.” The cable asked for “…”": the
		// sentence ended inside the marks, and the one between is about
		// someone or something else
		return false
	}
	return sentenceEnd(gap, 0) >= len(gap)-1
}

// insideTwoApostrophes says whether text[:i] leaves a quotation marked
// with two apostrophes open, as some copy marks double quotes (”…”):
// an odd number of such pairs comes before i.
func insideTwoApostrophes(text string, i int) bool {
	return strings.Count(text[:i], "''")%2 == 1
}

// newSubject says whether the words between two quotations make a
// sentence of three words or more that names neither the first one's
// speaker (the last word of the name as written) nor anyone by "he" or
// "she".
func newSubject(gap, speaker string) bool {
	ws := names.WordsN(gap, 3)
	if len(ws) < 3 {
		return false // "Indeed, “…”"
	}
	own := ""
	if sw := names.Words(speaker); len(sw) > 0 {
		own = sw[len(sw)-1].Text
	}
	for _, w := range names.Words(gap) {
		if pronounSex(w.Text) != unknownSex || strings.EqualFold(w.Text, own) {
			return false
		}
	}
	return true
}

// opensQuote says whether the mark r at text[i] opens a quotation: it
// follows a space, an opening bracket or the start, and precedes a word.
func opensQuote(text string, i int, r rune) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:i])
	next, _ := utf8.DecodeRuneInString(text[i+utf8.RuneLen(r):])
	if i+utf8.RuneLen(r) >= len(text) || (unicode.IsSpace(next) && r != '«' && r != '„') {
		return false // French « quotes » keep a space inside the marks
	}
	startOK := i == 0 || unicode.IsSpace(prev) || strings.ContainsRune("([{—–-/:", prev)
	switch r {
	case '“', '„', '«':
		return true
	case '"':
		return startOK || prev == '"'
	case '»', '‹':
		return startOK
	default: // single marks
		return startOK && (unicode.IsLetter(next) || next == '…' || next == '.') && !elision(text[i+utf8.RuneLen(r):])
	}
}

// elision says whether a word after an apostrophe is a common elided form
// ("'n'", "'til", "'em", "'90s") rather than quoted text.
func elision(rest string) bool {
	end := strings.IndexFunc(rest, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if end < 0 {
		end = len(rest)
	}
	switch strings.ToLower(rest[:end]) {
	case "n", "til", "tis", "twas", "em", "cause", "bout", "round":
		return true
	}
	return false
}

// findClose returns the offset and width of the mark closing a quotation
// opened by r, searching from i, or -1.
func findClose(text string, i int, r rune, p markPair) (int, int) {
	for j := i; j < len(text); {
		if p.style == Single && j-i > maxSingle {
			return -1, 0
		}
		if b := text[j]; b < utf8.RuneSelf && b != '"' && b != '\'' && b != '\n' {
			j++ // no other ASCII closes, ends or reopens a quotation
			continue
		}
		c, w := utf8.DecodeRuneInString(text[j:])
		if strings.ContainsRune(p.close, c) {
			if (p.style != Single && c != '"') || closesSingle(text, j, w) || (c == '"' && r == '"') {
				return j, w
			}
		}
		if c == '\n' && p.style == Single {
			return -1, 0
		}
		// a new opening of the same double mark before any close: the first
		// was never closed
		if c == r && r != '"' && r != '\'' && r != '‘' && j > i {
			return -1, 0
		}
		j += w
	}
	return -1, 0
}

// closesSingle says whether the single mark at text[j] closes a quotation
// rather than being an apostrophe: it follows a word or punctuation and
// precedes no letter.
func closesSingle(text string, j, w int) bool {
	prev, _ := utf8.DecodeLastRuneInString(text[:j])
	if unicode.IsSpace(prev) || j == 0 {
		return false
	}
	if j+w >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j+w:])
	return !unicode.IsLetter(next) && !unicode.IsDigit(next)
}

func trimSpace(text string, s, e int) (int, int) {
	sub := text[s:e]
	left := strings.TrimLeftFunc(sub, unicode.IsSpace)
	s += len(sub) - len(left)
	return s, s + len(strings.TrimRightFunc(left, unicode.IsSpace))
}

func hasLetter(s string) bool {
	return strings.IndexFunc(s, unicode.IsLetter) >= 0
}

// blankParens returns text with short parenthetical asides ("(D-N.Y.)",
// "(R-OH)") blanked out, the same length, so that they do not come
// between a speaker and the verb.
func blankParens(text string) string {
	text = blankPartyState(text)
	if !strings.Contains(text, "(") {
		return text
	}
	b := []byte(text)
	for i := 0; i < len(b); i++ {
		if b[i] != '(' {
			continue
		}
		j := strings.IndexByte(text[i:], ')')
		if j < 0 || j > 40 || strings.ContainsAny(text[i:i+j], "\"“”\n") {
			continue
		}
		for k := i; k <= i+j; k++ {
			b[k] = ' '
		}
		i += j
	}
	return string(b)
}

// partyStateRE matches a politician's party and state between commas
// (", R-Ky.,", ", D-Calif.,").
var partyStateRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`, [RDI]-[A-Z][A-Za-z.]{1,12},`)
})

// blankPartyState returns text with a party and state between commas
// blanked out, commas too, the same length: "Mitch McConnell, R-Ky., said"
// reads as "Mitch McConnell said".
func blankPartyState(text string) string {
	if !strings.Contains(text, ", R-") && !strings.Contains(text, ", D-") && !strings.Contains(text, ", I-") {
		return text // what the pattern needs, found faster
	}
	return partyStateRE().ReplaceAllStringFunc(text, func(m string) string { return strings.Repeat(" ", len(m)) })
}

// plainSpaces returns text with its no-break spaces (U+00A0, two bytes)
// written as two plain spaces, the same length: copy often puts one
// between a quotation and its attribution ("…,” Trump said"), where it
// parts words as a space does.
func plainSpaces(text string) string {
	if !strings.Contains(text, "\u00a0") {
		return text
	}
	return strings.ReplaceAll(text, "\u00a0", "  ")
}

func firstNonSpace(s string) int {
	for i, r := range s {
		if !unicode.IsSpace(r) {
			return i
		}
	}
	return len(s)
}
