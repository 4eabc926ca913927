package quotes

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
)

// A pronoun speaker ("he said") is the nearest person named before it
// whose gender does not contradict the pronoun, as a reader takes it:
// first in its own paragraph before the pronoun, then in the paragraphs
// before, last mention first. Names inside quotations are not mentions
// (the quotation's words are someone else's), and only people of the
// article's cast count: places and organisations are never "he" or "she".

// sex is what the article tells of a person's gender.
type sex int8

const (
	unknownSex sex = iota
	male
	female
)

// mention is one naming of a person of the cast outside quotations.
type mention struct {
	pos  int    // byte offset in its block
	sent int    // the sentence of the block it is in
	name string // the fullest name of the person; "" for a pronoun
	pron sex    // the pronoun's gender, for "he" and "she"
	// speaks says a speech verb follows or precedes the name ("Woolson
	// said", "said Woolson"): of two people in a sentence, "he" in the
	// next is more often the speaker
	speaks bool
	// poss says the name is a possessive ("Lund's pollster"): it
	// qualifies another word, and is no rival of the person it
	// introduces
	poss bool
	// described says a description speaks here ("the former president
	// said"): someone a pronoun after it may be, whom no name tells
	described bool
}

// mentions holds the people each body block names, in text order, and what
// the article says of their gender.
type mentions struct {
	// fill adds the blocks' people, until called (see filled)
	fill func()

	order   []int // the body blocks, in order
	byBlock map[int][]mention
	votes   map[string][2]int // male, female evidence per fullest name
	// texts is each block's text as add read it, and described the
	// blocks whose descriptions that speak are among their mentions:
	// read only for the blocks a pronoun looks back at
	texts     map[int]string
	described map[int]bool
}

// mentionsOf returns the mentions of block b, with the descriptions that
// speak in it (see appendDescribed).
func (m *mentions) mentionsOf(b int) []mention {
	if m.described[b] {
		return m.byBlock[b]
	}
	if m.described == nil {
		m.described = map[int]bool{}
	}
	m.described[b] = true
	ms := appendDescribed(m.byBlock[b], m.texts[b])
	slices.SortStableFunc(ms, func(a, b mention) int { return a.pos - b.pos })
	m.byBlock[b] = ms
	return ms
}

// genderWords mark a person's gender when they come just before the name
// ("Mrs. Clinton", "the spokeswoman, Sarah …", "his wife, Heidi").
var genderWords = map[string]sex{
	"mr": male, "mr.": male, "spokesman": male, "congressman": male, "chairman": male, "businessman": male,
	"husband": male, "brother": male, "son": male, "father": male, "dad": male, "grandson": male, "uncle": male, "nephew": male, "councilman": male, "king": male, "prince": male, "sir": male,
	"mrs": female, "mrs.": female, "ms": female, "ms.": female, "miss": female, "madam": female, "spokeswoman": female,
	"congresswoman": female, "chairwoman": female, "businesswoman": female, "wife": female, "widow": female,
	"mother": female, "daughter": female, "sister": female, "mom": female, "granddaughter": female, "aunt": female, "niece": female, "councilwoman": female, "queen": female,
	"princess": female, "dame": female, "lady": female, "woman": female,
}

// pronounSex is the gender a pronoun refers to; unknownSex for others.
func pronounSex(w string) sex {
	switch strings.ToLower(w) {
	case "he", "him", "his", "himself":
		return male
	case "she", "her", "hers", "herself":
		return female
	}
	return unknownSex
}

// add records the people named in block bi's text (quotations masked):
// ns, and whether a speech verb follows each (see speaksAfter).
func (m *mentions) add(bi int, text string, ns []names.NameSpan, speaking []bool, people *cast) {
	if m.byBlock == nil {
		m.byBlock, m.votes, m.texts = map[int][]mention{}, map[string][2]int{}, map[int]string{}
	}
	hs := heShe(text)
	ms := make([]mention, 0, len(ns)+len(hs))
	sent, sentStart, sentEnd := 0, 0, sentenceEnd(text, 0)
	for k, n := range ns {
		for n.Start >= sentEnd && sentEnd < len(text) {
			sent, sentStart, sentEnd = sent+1, sentEnd, sentenceEnd(text, sentEnd)
		}
		p := people.knownQuick(n.Core)
		if p == "" || n.Core == "" || (k+1 < len(ns) && modifies(text[n.End:ns[k+1].Start])) || placed(text[:n.Start]) ||
			dashAside(text[sentStart:n.Start]) {
			continue
		}
		speaks := speaking[k]
		// "said Jeffery Hemsley, a professor"
		before := names.Words(text[max(0, n.Start-24):n.CoreStart])
		if len(before) > 0 && isVerb(before[len(before)-1]) && !strings.ContainsAny(text[before[len(before)-1].End+max(0, n.Start-24):n.Start], ",;:—–(") {
			speaks = true
		}
		ms = append(ms, mention{pos: n.Start, sent: sent, name: p, speaks: speaks, poss: possessive(text[n.Start:], n.End-n.Start)})
		v := m.votes[p]
		// a title or a word just before the name
		if len(before) > 0 {
			if s := genderWords[strings.ToLower(before[len(before)-1].Text)]; s != unknownSex {
				v[s-1] += 3
			}
		}
		// the first gendered pronoun after the name that opens a sentence,
		// before the next name and within the sentence, most often refers
		// back to it
		if k > 0 && ns[k-1].End > sentStart {
			m.votes[p] = v
			continue
		}
		end := len(text)
		if k+1 < len(ns) {
			end = ns[k+1].Start
		}
		if e := sentenceEnd(text, n.End); e < end {
			end = e
		}
		for _, w := range names.WordsN(text[n.End:end], 12) {
			if s := pronounSex(w.Text); s != unknownSex {
				v[s-1]++
				break
			}
		}
		m.votes[p] = v
	}
	// "he" and "she" outside quotations carry a person on from the
	// sentences before
	sent, sentEnd = 0, sentenceEnd(text, 0)
	for _, at := range hs {
		for at >= sentEnd && sentEnd < len(text) {
			sent, sentEnd = sent+1, sentenceEnd(text, sentEnd)
		}
		n := 2 + boolInt(text[at]|0x20 == 's')
		ms = append(ms, mention{pos: at, sent: sent, pron: pronounSex(text[at : at+n]), speaks: speaksAfter(text, at, at+n)})
	}
	slices.SortStableFunc(ms, func(a, b mention) int { return a.pos - b.pos })
	m.byBlock[bi] = ms
	m.texts[bi] = text
	m.order = append(m.order, bi)
}

// possessive says whether the name that opens text, n bytes long, is in
// the possessive ("Lund's", "Lund’s", "Sanders'").
func possessive(text string, n int) bool {
	name, rest := text[:n], text[n:]
	for _, s := range []string{"'s", "’s"} {
		if strings.HasSuffix(name, s) || strings.HasPrefix(rest, s) {
			return true
		}
	}
	return strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’") || strings.HasSuffix(name, "'") || strings.HasSuffix(name, "’")
}

// appendDescribed appends to ms, as mentions of no one named, the
// descriptions of text that are the subjects of a speech verb ("the
// former president said", "his campaign manager told") and the
// sentences' subjects the cast does not know.
func appendDescribed(ms []mention, text string) []mention {
	ws := names.Words(text)
	sent, sentEnd := 0, sentenceEnd(text, 0)
	for k := 2; k < len(ws); k++ {
		if !isVerb(ws[k]) || !plainVerb(ws[k].Text) {
			continue
		}
		lo, hi := subjectEnding(ws, k)
		if lo < 0 || hi-lo < 2 || !determiner(ws[lo].Text) || !personHead(names.Fold(ws[hi-1].Text)) {
			continue
		}
		for ws[lo].Start >= sentEnd && sentEnd < len(text) {
			sent, sentEnd = sent+1, sentenceEnd(text, sentEnd)
		}
		ms = append(ms, mention{pos: ws[lo].Start, sent: sent, speaks: true, described: true})
	}
	// "Carson defied the question", "German Ortega says that …": one to
	// three capitalised words opening a sentence, its verb after them,
	// and no one the cast names: someone a pronoun after it may be, whom
	// the article has not introduced (or whom its name leaves unclear)
	sent, sentEnd = 0, sentenceEnd(text, 0)
	for k := 0; k+1 < len(ws); k++ {
		for ws[k].Start >= sentEnd && sentEnd < len(text) {
			sent, sentEnd = sent+1, sentenceEnd(text, sentEnd)
		}
		v := k + 1 // the verb
		for v < len(ws)-1 && v < k+3 && !ws[v].Glued && unicode.IsUpper(firstRune(ws[v].Text)) && !names.CommonWord(names.Fold(ws[v].Text)) {
			v++
		}
		if w := ws[k].Text; !(k == 0 || strings.ContainsAny(text[ws[k-1].End:ws[k].Start], ".!?")) || !unicode.IsUpper(firstRune(w)) ||
			ws[v].Glued || !(finiteVerb(ws[v].Text) || isVerb(ws[v])) || pronounSpeakers[strings.ToLower(w)] ||
			(v == k+1 && (names.CommonWord(names.Fold(w)) || names.NonPersonWord(names.Fold(w)))) || names.IsDateWord(w) || determiner(w) ||
			slices.ContainsFunc(ms, func(x mention) bool { return x.pos >= ws[k].Start && x.pos < ws[v].Start && !x.described }) {
			continue
		}
		ms = append(ms, mention{pos: ws[k].Start, sent: sent, described: true, speaks: isVerb(ws[v])})
	}
	return ms
}

// personHead says whether the last word of a description may name a
// person "he" or "she" refers to: not a plural ("his listeners"), an
// organisation ("the ministry") or a writing, which speaks ("the report
// said") but is no one.
func personHead(w string) bool {
	if strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us") ||
		strings.HasSuffix(w, "men") || strings.HasSuffix(w, "people") || names.NonPersonWord(w) {
		return false
	}
	switch w {
	case "report", "memo", "statement", "letter", "affidavit", "complaint", "lawsuit", "suit", "filing", "study", "survey",
		"poll", "document", "email", "e-mail", "ruling", "order", "release", "tweet", "editorial", "article", "book", "ad",
		"video", "transcript", "website", "site", "bill", "plan", "proposal", "analysis", "review", "audit", "indictment",
		"campaign", "administration", "team", "staff", "panel", "firm", "paper", "magazine", "newspaper", "show", "program":
		return false
	}
	return true
}

// dashAside says whether a name whose sentence so far is before lies
// inside an aside between dashes ("“I don't think” -- that Bloomberg is
// a nanny-state liberal -- “is going to last,” he says"): no subject a
// later pronoun refers to.
func dashAside(before string) bool {
	return (strings.Count(before, " — ")+strings.Count(before, " -- ")+strings.Count(before, " – "))%2 == 1
}

// modifies says whether the words between two names make the first a
// modifier of the second ("Obama consultant Cornell Belcher", "Trump
// campaign manager Corey Lewandowski"): one to three lower-case nouns, no
// punctuation, no verb. The first is then no person a pronoun refers to.
func modifies(between string) bool {
	if strings.ContainsAny(between, ",;:()—–\"“”") {
		return false
	}
	ws := names.WordsN(between, 4)
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if r := firstRune(w.Text); !unicode.IsLower(r) || w.Glued || determiner(w.Text) || cutWords[w.Text] || finiteVerb(w.Text) ||
			speechVerbs[w.Text] || adverb(w.Text) || pronounSpeakers[w.Text] || strings.HasSuffix(w.Text, "ing") {
			return false
		}
	}
	return true
}

// placed says whether the text before a name ends with a preposition of
// place ("officials in Colorado", "a stop at Liberty"): the name is the
// preposition's object, a place more often than not, and no subject a
// later "he" refers to.
func placed(before string) bool {
	b := strings.TrimRight(before, " ")
	if len(b) == len(before) {
		return false // no space: punctuation or the text's start
	}
	switch {
	case strings.HasSuffix(b, " in"), strings.HasSuffix(b, " at"), b == "in", b == "at", strings.HasSuffix(b, " In"), b == "In":
		return true
	}
	return false
}

// heShe returns the offsets of the words "he" and "she" in text, in any
// letter case, without splitting the text into words. Both have an "h"
// (first or second): one pass looks at the letters around each, and finds
// the words in text order, since a "she" ends where a "he" at its "h"
// could not start.
func heShe(text string) []int {
	var out []int
	letter := func(i int) bool {
		if i < 0 || i >= len(text) {
			return false
		}
		c := text[i] | 0x20
		return c >= 'a' && c <= 'z' || text[i] >= 0x80 || text[i] == '\''
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i]|0x20 != 'h' || text[i+1]|0x20 != 'e' || letter(i+2) {
			continue
		}
		switch {
		case !letter(i - 1):
			out = append(out, i)
		case text[i-1]|0x20 == 's' && !letter(i-2):
			out = append(out, i-1)
		}
	}
	return out
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// sentenceEnd returns the offset after the first full stop, question or
// exclamation mark at or after i that is followed by a space, or len(s).
func sentenceEnd(s string, i int) int {
	for j := i; j < len(s); j++ {
		if (s[j] == '.' || s[j] == '?' || s[j] == '!') && (j+1 == len(s) || s[j+1] == ' ' || s[j+1] == '\n') {
			// "Mr." or an initial does not end a sentence
			k := j
			for k > i && s[k-1] != ' ' {
				k--
			}
			w := s[k:j]
			if r, _ := utf8.DecodeRuneInString(w); len(w) <= 3 && unicode.IsUpper(r) {
				continue
			}
			return j + 1
		}
	}
	return len(s)
}

// sexOf returns the gender the article's evidence gives a person.
func (m *mentions) sexOf(name string) sex {
	v := m.votes[name]
	switch {
	case v[0] > v[1]:
		return male
	case v[1] > v[0]:
		return female
	}
	return unknownSex
}

// resolvePronoun returns the person a pronoun at pos in body block bi
// refers to, or "".
func (m *mentions) resolvePronoun(pron string, bi, pos int) string {
	return m.resolveSex(pronounSex(pron), bi, pos, 0)
}

// resolveSex is resolvePronoun for a pronoun of gender want; depth counts
// the pronouns followed back.
func (m *mentions) resolveSex(want sex, bi, pos, depth int) string {
	if want == unknownSex || depth > 3 {
		return ""
	}
	ok := func(x mention) bool {
		if x.described {
			return true
		}
		if x.name == "" {
			return x.pron == want
		}
		s := m.sexOf(x.name)
		return s == unknownSex || s == want
	}
	// the nearest sentence naming someone compatible, and in it the
	// first such person who speaks, else the first: the subject more
	// often than an object. Found there, the pronoun refers to no one
	// further back, even when who it is stays unclear.
	nearest := func(b int, before int) (string, bool) {
		ms := m.mentionsOf(b)
		pick, sent := -1, -1
		for k := len(ms) - 1; k >= 0; k-- {
			if ms[k].pos >= before || !ok(ms[k]) {
				continue
			}
			if sent >= 0 && ms[k].sent != sent {
				break
			}
			if pick < 0 || !ms[pick].speaks || ms[k].speaks {
				pick = k
			}
			sent = ms[k].sent
		}
		if pick < 0 {
			return "", false
		}
		x := ms[pick]
		if x.described {
			return "", true // "the former president said … he": who is not named
		}
		if x.name == "" {
			// "he" again: whom that one refers to
			return m.resolveSex(want, b, x.pos, depth+1), true
		}
		// "Asked by Ross about Lane's remarks, Carson said …": another
		// person who may be "he" comes first in the sentence, and which
		// one a later "he" means is the reader's guess
		for k := pick - 1; k >= 0 && ms[k].sent == x.sent; k-- {
			if ms[k].name != "" && ms[k].name != x.name && !ms[k].poss && ok(ms[k]) {
				return "", true
			}
		}
		// "Donald Varga … she said": the nearest person is a man by his
		// given name, and the text says little of it either way (one
		// pronoun after a name is often someone else's: "Trump, the man
		// she used to know"); who "she" is, is unclear, and no one further
		// back is taken
		if v := m.votes[x.name]; v[0]-v[1] <= 1 && v[1]-v[0] <= 1 {
			if g := givenNameSex(x.name); g != unknownSex && g != want {
				return "", true
			}
		}
		return x.name, true
	}
	if p, found := nearest(bi, pos); found {
		return p
	}
	at := slices.Index(m.order, bi)
	for n := 1; n <= maxPronounBlocks && at-n >= 0; n++ {
		if p, found := nearest(m.order[at-n], 1<<62); found {
			return p
		}
	}
	return ""
}

// maxPronounBlocks is how many paragraphs back a pronoun's person is
// looked for: further back, a reader no longer knows who "he" is.
const maxPronounBlocks = 2

// givenNameSex is the sex the given name of a person's fullest name is
// most often given to: its first word, but the last (the family name),
// that the table of given names knows ("Chief of Staff Denis McDonough"
// is Denis).
func givenNameSex(name string) sex {
	ws := names.Words(name)
	for k := 0; k+1 < len(ws); k++ {
		switch names.GivenNameSex(names.Fold(ws[k].Text)) {
		case names.SexMale:
			return male
		case names.SexFemale:
			return female
		}
	}
	return unknownSex
}
