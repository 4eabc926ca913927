// Package segment turns a loaded article into ordered, typed blocks
// (headline, standfirst, teaser, heading, paragraph, caption, boilerplate,
// meta) and splits blocks into sentences for the aligner.
package segment

import (
	"math/bits"
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/corpus"
)

// Kind is what a block is.
type Kind string

// The kinds of block.
const (
	Headline    Kind = "headline"
	Standfirst  Kind = "standfirst"
	Teaser      Kind = "teaser" // the page's excerpt of the paragraphs under it, which tell it in full
	Heading     Kind = "heading"
	Paragraph   Kind = "paragraph"
	Caption     Kind = "caption"
	Boilerplate Kind = "boilerplate"
	Meta        Kind = "meta"
)

// IsBody says whether blocks of kind k report the story (and so may be aligned
// with body text of other articles).
func (k Kind) IsBody() bool {
	return k == Paragraph || k == Standfirst || k == Heading
}

// IsFurniture says whether blocks of kind k are no report of their own to
// align: page furniture, metadata, and a teaser, whose words the paragraphs
// under it tell.
func (k Kind) IsFurniture() bool {
	return k == Boilerplate || k == Meta || k == Teaser
}

// Block is one unit of an article, in reading order.
type Block struct {
	Kind Kind   `json:"kind"`
	Text string `json:"text"`
}

// Article classifies the paragraphs of a into blocks. Every paragraph becomes
// exactly one block with its text unchanged.
func Article(a corpus.Article) []Block {
	blocks := make([]Block, len(a.Paras))
	headlineSeen := false
	for _, p := range a.Paras {
		if p.Hint == corpus.HintTitle {
			headlineSeen = true
		}
	}
	firstBody := true
	prev := Meta // the kind of the last block that is not metadata or furniture
	for i, p := range a.Paras {
		b := Block{Text: p.Text, Kind: Paragraph}
		switch p.Hint {
		case corpus.HintMeta:
			b.Kind = Meta
		case corpus.HintTitle:
			b.Kind = Headline
		case corpus.HintHeading:
			b.Kind = Heading
		case corpus.HintCaption:
			b.Kind = Caption
		case corpus.HintStandfirst:
			b.Kind = Standfirst
		default:
			switch {
			case IsBoilerplate(p.Text) || archiveLabel(p.Text):
				b.Kind = Boilerplate
			case IsCaption(p.Text):
				b.Kind = Caption
			case firstBody && !headlineSeen && a.Title == "" && (looksLikeTitle(p.Text) || stoppedTitle(p.Text, a.Paras[i+1:])):
				b.Kind = Headline
				headlineSeen = true
			case !firstBody && (looksLikeTitle(p.Text) || labelHeading(p.Text, a.Paras[i+1:])) && i+1 < len(a.Paras) && wordsUpTo(p.Text, 14) <= 14:
				b.Kind = Heading
				if prev == Headline && wordsUpTo(p.Text, 6) >= 6 {
					// a dek under the headline, not a subhead of the body
					b.Kind = Standfirst
				}
			case prev == Headline && wordsUpTo(p.Text, 6) >= 6 && stoppedTitle(p.Text, a.Paras[i+1:]):
				// a dek that ends in a full stop, as plain-text copies
				// write it ("Ruth Bader Ginsburg regrets her insults.")
				b.Kind = Standfirst
			}
		}
		if b.Kind != Meta && b.Kind != Boilerplate {
			firstBody = false
			prev = b.Kind
		}
		blocks[i] = b
	}
	markTop(blocks)
	return blocks
}

// wordCount is len(strings.Fields(s)), without making the words.
func wordCount(s string) int { return wordsUpTo(s, len(s)) }

// wordsUpTo is min(wordCount(s), limit+1): it reads s only as far as its
// limit+1st word, so that asking whether a paragraph is short does not
// count a long one to its end.
func wordsUpTo(s string, limit int) int {
	n, in := 0, false
	for i := 0; i < len(s); {
		var space bool
		if c := s[i]; c < utf8.RuneSelf {
			space = asciiSpace[c]
			i++
		} else {
			r, size := utf8.DecodeRuneInString(s[i:])
			space = unicode.IsSpace(r)
			i += size
		}
		switch {
		case space:
			in = false
		case !in:
			if n == limit {
				return limit + 1
			}
			in = true
			n++
		}
	}
	return n
}

// asciiSpace marks the one-byte characters unicode.IsSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// moreRunes says whether s holds more than n runes, as
// utf8.RuneCountInString(s) > n would, without counting a long paragraph
// or past the n+1st rune.
func moreRunes(s string, n int) bool {
	switch {
	case len(s) <= n:
		return false
	case len(s) > 4*n:
		return true
	}
	return runeCountTo(s, n) > n
}

// RuneCount is utf8.RuneCountInString(s), counted eight bytes at a time
// over runs of ASCII and rune by rune elsewhere: stories of megabytes are
// counted as they open.
func RuneCount(s string) int { return runeCountTo(s, len(s)) }

// runeCountTo is RuneCount(s) if that is at most limit; otherwise it stops
// counting once past limit and returns a count above it.
func runeCountTo(s string, limit int) int {
	n, i := 0, 0
	for i < len(s) && n <= limit {
		for i+8 <= len(s) {
			if load8(s, i)&0x8080808080808080 != 0 || n > limit {
				break
			}
			i += 8
			n += 8
		}
		if i == len(s) || n > limit {
			break
		}
		if s[i] < utf8.RuneSelf {
			i++
		} else {
			_, w := utf8.DecodeRuneInString(s[i:])
			i += w
		}
		n++
	}
	return n
}

// stoppedTitle says whether s, an article's first line, is a headline that
// ends in a full stop, as some plain-text copies of articles write them
// ("Ferry operator cuts winter crossings.", "Mayor: 'We will not pay.'"),
// or that runs on into its deck after a semicolon ("Ferry operator cuts
// winter crossings;" over "Islanders fear isolation."): one short
// sentence, its full stop perhaps inside a quotation, with a paragraph of
// prose after it, or after a dek of a line or two, at least twice as
// long, or only longer when the line is in title case. A short first
// paragraph above only short ones stays body. A headline and its run-on
// clause given as one line ("Auction of gun used to kill Trayvon quashed
// again; 2nd website refuses to let Zimmerman sell infamous pistol.", as
// the text loader joins a line that ends in a semicolon to the next) is
// read as that headline over that clause: each one short sentence, and
// the prose under them long for the headline, not for both.
func stoppedTitle(s string, rest []corpus.Para) bool {
	s = strings.TrimSpace(s)
	n := wordsUpTo(s, maxStoppedTitle)
	u := trimClosers(s)
	if head, tail, ok := strings.Cut(u, "; "); ok {
		tail = strings.TrimSuffix(tail, ".")
		return wordsUpTo(tail, maxStoppedTitle) <= maxStoppedTitle && oneSentence(tail) && stoppedTitle(head+";", rest)
	}
	stop := strings.HasSuffix(u, ".") && !strings.HasSuffix(u, "..") || strings.HasSuffix(u, ";")
	if n > maxStoppedTitle || !stop {
		return false
	}
	t := u[:len(u)-1]
	if t == "" || !oneSentence(t) || !looksLikeTitle(t) {
		return false
	}
	titled := TitleCased(t)
	decks := 0
	for _, p := range rest {
		if !prose(p) {
			continue
		}
		m := wordCount(p.Text)
		if titled && m > n && m >= minTitledLede {
			return true // a line in title case over a longer sentence
		}
		if m <= maxStoppedTitle && decks < maxDecks {
			decks++ // a dek of a line or two between headline and lede
			continue
		}
		return ledeUnder(m, n)
	}
	return false
}

// prose says whether p is text of the article, not metadata, furniture or
// a caption.
func prose(p corpus.Para) bool {
	return p.Hint != corpus.HintMeta && !IsBoilerplate(p.Text) && !IsCaption(p.Text)
}

// ledeUnder says whether a paragraph of m words is prose under a line of n
// words that titles it: minLedeWords or more, and twice as long.
func ledeUnder(m, n int) bool { return m >= minLedeWords && m >= 2*n }

const (
	// maxStoppedTitle is the most words of a headline that ends in a full
	// stop: headlines run to about ten words, ledes to twenty and more.
	maxStoppedTitle = 16
	// minLedeWords is the least words of the prose under such a headline.
	minLedeWords = 20
	// maxDecks is the most short lines between such a headline and its lede.
	maxDecks = 2
	// minTitledLede is the least words of the prose under a headline in
	// title case: title case says headline already, a sentence after it
	// need only be longer.
	minTitledLede = 12
)

// labelHeading says whether s, a line inside an article, is a subhead
// written as a label, a colon and a short phrase with a full stop
// ("Sanders: Win in a walk."), as roundups head each candidate's or
// country's section: a label of one to three capitalised words, at most
// maxLabelHeading words in all, and a paragraph of prose under it at
// least twice as long.
func labelHeading(s string, rest []corpus.Para) bool {
	s = strings.TrimSpace(s)
	n := wordsUpTo(s, maxLabelHeading)
	label, phrase, ok := strings.Cut(s, ": ")
	if !ok || n > maxLabelHeading || !strings.HasSuffix(s, ".") || strings.HasSuffix(s, "..") {
		return false
	}
	if t := strings.TrimSuffix(phrase, "."); t == "" || strings.ContainsAny(t, ".:;\"“”") {
		return false
	}
	words := strings.Fields(label)
	if len(words) > 3 {
		return false
	}
	for _, w := range words {
		if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
			return false
		}
	}
	for _, p := range rest {
		if prose(p) {
			return ledeUnder(wordCount(p.Text), n)
		}
	}
	return false
}

// archiveLabel says whether s is a label an archive's copy of an article
// puts between its parts ("ABSTRACT.", "FULL TEXT.", "PREVIOUSLY:"): one
// or two words in capitals, four letters or more, and a full stop or a
// colon. It reports nothing: page furniture.
func archiveLabel(s string) bool {
	s = strings.TrimSpace(s)
	if len(s) > 24 || !strings.HasSuffix(s, ".") && !strings.HasSuffix(s, ":") {
		return false
	}
	words, letters := strings.Fields(s[:len(s)-1]), 0
	if len(words) == 0 || len(words) > 2 {
		return false
	}
	for _, w := range words {
		for _, r := range w {
			if !unicode.IsUpper(r) {
				return false
			}
			letters++
		}
	}
	return letters >= 4
}

// maxLabelHeading is the most words of a subhead written as a label and a
// phrase: more, and the line is a sentence that quotes its label.
const maxLabelHeading = 8

// TitleCased says whether t is written in title case: at least four words
// with letters, three in four of them capitalised ("Kasich Just Revealed
// The 1 Thing He Thinks The GOP Will Do"), which a sentence's names do not
// reach ("Clinton and Sanders met in New York on Tuesday": five of nine).
func TitleCased(t string) bool {
	words, upper := 0, 0
	for _, w := range strings.Fields(t) {
		r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, `"'“‘(`))
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			upper++
		}
	}
	return words >= 4 && 4*upper >= 3*words
}

// trimClosers trims the closing quotation marks and parentheses that may
// follow a line's last punctuation.
func trimClosers(s string) string {
	return strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(`"'”’»)`, r) })
}

// looksLikeTitle: short, and not ending like a sentence.
func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || moreRunes(s, 160) || wordsUpTo(s, 25) > 25 {
		return false
	}
	t := trimClosers(s)
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?:;,…", last) {
		return false
	}
	// a sentence break inside means prose, not a title
	return oneSentence(t)
}

// oneSentence says whether t holds no sentence break: a period and a space
// inside it end a sentence unless they close an abbreviation or an initial
// ("Fore of U.S. campaign", "Roe v. Wade").
func oneSentence(t string) bool {
	return !strings.Contains(t, ". ") || len(Sentences(t)) <= 1
}

// The caption regexp, branch by branch: captionRE (in the tests) is their
// alternation. Each branch is compiled on first use and tried only on texts
// that can match it, since the credit in parentheses, with its counted
// repetitions, costs several times more to compile than the openings, and a
// run that never needs a branch does not pay for it.
const (
	captionFlags = `(?i)`
	captionOpen  = `^(?:in this (?:photo|image|picture|file photo|handout)|this (?:photo|image) |photo(?:graph)?:|image:|pictured:|caption:|file photo:|\(?AP Photo|watch:|video:)`
	captionParen = `\((?:[^()]{0,80}(?:AP Photo|via AP|Getty Images|Reuters|AFP|EPA|Shutterstock|Photo by|/AP|Press Service)[^()]{0,80})\)\s*$`
	captionTail  = `(?:Getty Images|AFP via Getty Images|AP Photo/[^)]+)\s*$`
)

var (
	captionOpenRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(captionFlags + captionOpen) })
	captionParenRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(captionFlags + captionParen) })
	captionTailRE  = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(captionFlags + captionTail) })
)

// captionMatch is captionRE's MatchString on a trimmed text: the first
// branch only after a caption opening, the second only before a closing
// parenthesis (with no space after it, \s* matches nothing there).
func captionMatch(t string) bool {
	for _, p := range captionOpenings {
		if foldHasPrefix(t, p) {
			if captionOpenRE().MatchString(t) {
				return true
			}
			break
		}
	}
	if t != "" && t[len(t)-1] == ')' && captionParenRE().MatchString(t) {
		return true
	}
	return captionTailRE().MatchString(t)
}

// IsCaption says whether text reads as a photo or video caption, also in
// Markdown emphasis ("*Photo: …*").
func IsCaption(text string) bool {
	t := unemphasised(strings.TrimSpace(text))
	return mayBeCaption(t) && captionMatch(t)
}

// unemphasised is t without the Markdown emphasis marks ("*", "_") that
// wrap it whole.
func unemphasised(t string) string {
	for len(t) >= 2 && (t[0] == '*' || t[0] == '_') && t[len(t)-1] == t[0] {
		t = strings.TrimSpace(t[1 : len(t)-1])
	}
	return t
}

// mayBeCaption is true of every text captionRE matches, and false of
// almost every paragraph of prose, in a few byte comparisons: the regexp
// costs tens of microseconds a paragraph, and it runs on all of them. Each
// of captionRE's three branches needs something here: a caption opening
// (the first branch is anchored), a closing parenthesis at the end (the
// credit in parentheses), "Getty Images" at the end, or "AP Photo/" with
// no closing parenthesis after it. Letters compare as captionRE's (?i)
// folds them, including the two non-ASCII runes that fold to ASCII.
func mayBeCaption(t string) bool {
	if t == "" {
		return false
	}
	if t[len(t)-1] == ')' || foldHasSuffix(t, "getty images") {
		return true
	}
	for _, p := range captionOpenings {
		if foldHasPrefix(t, p) {
			return true
		}
	}
	if strings.IndexByte(t, '/') < 0 {
		return false // most paragraphs: found by a vector search, not a byte loop
	}
	for s := t; ; {
		i := strings.LastIndexByte(s, '/')
		if i < 0 {
			return false
		}
		if foldHasSuffix(s[:i], "ap photo") && !strings.Contains(t[i:], ")") {
			return true
		}
		s = s[:i]
	}
}

// captionOpenings start every text captionRE's first branch matches.
var captionOpenings = []string{"in this ", "this ", "photo", "image:", "pictured:", "caption:", "file photo:", "(ap photo", "ap photo", "watch:", "video:"}

// foldRune is r as captionRE's (?i) compares it with a lowercase ASCII
// letter: ASCII capitals lowercased, the long s and the Kelvin sign (the
// only non-ASCII runes whose case folds include ASCII letters) as s and k,
// and any other non-ASCII rune as 0, which equals no ASCII byte.
func foldRune(r rune) byte {
	switch {
	case r >= 'A' && r <= 'Z':
		return byte(r) + 'a' - 'A'
	case r < utf8.RuneSelf:
		return byte(r)
	case r == '\u017f':
		return 's'
	case r == '\u212a':
		return 'k'
	}
	return 0
}

// foldHasPrefix says whether s starts with lower (lowercase ASCII) when
// letters are folded.
func foldHasPrefix(s, lower string) bool { return foldPrefixLen(s, lower) >= 0 }

// foldPrefixLen is the length in s of the prefix that reads as lower
// (lowercase ASCII) when letters are folded, or -1.
func foldPrefixLen(s, lower string) int {
	n := 0
	for k := 0; k < len(lower); k++ {
		if n == len(s) {
			return -1
		}
		r, w := rune(s[n]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeRuneInString(s[n:])
		}
		if foldRune(r) != lower[k] {
			return -1
		}
		n += w
	}
	return n
}

// foldHasSuffix says whether s ends with lower (lowercase ASCII) when
// letters are folded.
func foldHasSuffix(s, lower string) bool {
	for k := len(lower) - 1; k >= 0; k-- {
		if s == "" {
			return false
		}
		r, w := rune(s[len(s)-1]), 1
		if r >= utf8.RuneSelf {
			r, w = utf8.DecodeLastRuneInString(s)
		}
		if foldRune(r) != lower[k] {
			return false
		}
		s = s[:len(s)-w]
	}
	return true
}

// Newsletter lines are furniture only when they ask the reader to do
// something: "the mayor wrote in the city's newsletter" is reporting.
// The boilerplate regexp, branch by branch, in its order: boilerRE (in the
// tests) is their alternation. As with captions, each group is compiled on
// first use and tried only on texts that can match it: the newsletter,
// correction and credit branches, with their counted repetitions, cost
// several times more to compile than the rest.
const (
	boilerFlags  = `(?is)`
	boilerPlain  = `share this(?: article| story)?:?|share on \w+|share|tweet(?: about this on twitter)?|facebook|twitter|x|linkedin|whatsapp|email|print|reddit|pinterest|copy link|comments?|advertisement|ad|sponsored|related(?: articles?| stories)?(?::.*)?|read more(?::.*)?|\[read:.*|\[related:.*|read also:.*|read next:.*|continue reading\b.*|see also\b.*|more from \S.*|click here\b.*|sign up\b.*|subscribe\b.*|follow us\b.*|copyright\b.*|©.*|all rights reserved.*`
	boilerNews   = `.{0,80}\b(?:sign up|sign-up|subscribe|get|receive|join)\b.{0,60}\bnewsletters?\b.{0,80}|.{0,60}\bnewsletters?\b.{0,60}\b(?:sign up|sign-up|subscribe|inbox)\b.{0,60}|newsletters?\b:?.{0,80}`
	boilerApp    = `get the latest\b.*|download (?:the|our) app.*`
	boilerUpdate = `this (?:article|story) (?:was|has been) (?:updated|corrected)\b.{0,120}`
	boilerCredit = `.{0,60}\bcontributed to this report\.?`
	boilerFollow = `follow (?:\S+ ){1,4}on (?:twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin|youtube)(?:(?:,| and| or) (?:twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin|youtube))*(?::? ?@[\w.]+)?\.?`
)

// boilerWhole is the anchored regexp of some of the branches above.
func boilerWhole(branches ...string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(boilerFlags + `^(?:` + strings.Join(branches, "|") + `)$`)
	})
}

var (
	boilerNewsRE   = boilerWhole(boilerNews)
	boilerUpdateRE = boilerWhole(boilerUpdate)
	boilerCreditRE = boilerWhole(boilerCredit)
	boilerFollowRE = boilerWhole(boilerFollow)
)

// plainBoiler is the whole-text match of the boilerPlain and boilerApp
// branches, by hand: they are the ones most furniture lines ask (a story's
// "Click here to read more" line), and their regexp's compilation took 2% of
// a small story's export. Letters fold as with (?i), \b and \w are ASCII
// (and (?i)\w takes "ſ" and the Kelvin sign, which fold to s and k).
func plainBoiler(t string) bool {
	for _, w := range boilerWholes {
		if foldPrefixLen(t, w) == len(t) {
			return true
		}
	}
	for _, w := range boilerWords {
		if foldPrefixLen(t, w) == len(t) {
			return true
		}
	}
	if n := foldPrefixLen(t, "share on "); n >= 0 && n < len(t) {
		rest := t[n:]
		for _, r := range rest {
			if !(r < utf8.RuneSelf && (isASCIIWord(byte(r)) || r == '_') || r == '\u017f' || r == '\u212a') {
				return false
			}
		}
		return true
	}
	for _, p := range boilerWordPrefixes { // p\b.*
		if n := foldPrefixLen(t, p); n >= 0 && (n == len(t) || !isASCIIWord(t[n]) && t[n] != '_') {
			return true
		}
	}
	for _, p := range boilerLinks {
		if foldPrefixLen(t, p) >= 0 {
			return true
		}
	}
	if strings.HasPrefix(t, "©") {
		return true
	}
	for _, p := range []string{"all rights reserved", "download the app", "download our app"} { // p.*
		if foldPrefixLen(t, p) >= 0 {
			return true
		}
	}
	n := foldPrefixLen(t, "more from ") // more from \S.*
	return n >= 0 && n < len(t) && !strings.ContainsRune("\t\n\f\r ", rune(t[n]))
}

// boilerWholes are the texts the branches of boilerPlain with optional
// parts match whole, each way they can be written.
var boilerWholes = []string{"share this", "share this:", "share this article", "share this article:", "share this story",
	"share this story:", "share", "tweet", "tweet about this on twitter", "related", "related article",
	"related articles", "related stories", "read more"}

// boilerLinks open the branches written p(?::.*)? in boilerPlain: a link's
// label, then anything after a colon ("Read more: Bridge costs soar").
var boilerLinks = []string{"related:", "related article:", "related articles:", "related stories:", "read more:",
	"[read:", "[related:", "read also:", "read next:"}

// boilerWordPrefixes open the branches written p\b.* in boilerPlain and
// boilerApp.
var boilerWordPrefixes = []string{"continue reading", "see also", "click here", "sign up", "subscribe", "follow us", "copyright", "get the latest"}

// isASCIIWord is [0-9A-Za-z] (\w without "_").
func isASCIIWord(c byte) bool { return '0' <= c && c <= '9' || 'a' <= c|0x20 && c|0x20 <= 'z' }

// boilerMatch is boilerRE's MatchString: each group of branches only on
// texts holding what every branch of the group needs.
func boilerMatch(t string) bool {
	switch {
	case plainBoiler(t):
		return true
	case foldContains(t, "newsletter") && boilerNewsRE().MatchString(t):
		return true
	case (foldHasPrefix(t, "this article ") || foldHasPrefix(t, "this story ")) && boilerUpdateRE().MatchString(t):
		return true
	case foldHasPrefix(t, "follow ") && boilerFollowRE().MatchString(t):
		return true
	}
	return foldContains(t, "contributed to this report") && boilerCreditRE().MatchString(t)
}

// IsBoilerplate says whether text is page furniture rather than reporting:
// share buttons, "Click here to read more", "See also …", "Read more: …"
// and "Related: …" links, newsletter and copyright lines, "Follow X on
// Twitter @x" lines.
func IsBoilerplate(text string) bool {
	t := strings.TrimSpace(text)
	if moreRunes(t, 200) {
		return false
	}
	t = strings.Map(func(r rune) rune {
		if r == '\u00a0' {
			return ' '
		}
		return r
	}, t)
	return mayBeBoilerplate(t) && boilerMatch(t)
}

// mayBeBoilerplate is true of every text boilerRE matches, and false of
// almost every short paragraph of prose: each branch of boilerRE starts
// with one of boilerOpenings, is one of boilerWords, or holds "newsletter"
// or "contributed to this report". Letters compare as boilerRE's (?i)
// folds them.
func mayBeBoilerplate(t string) bool {
	for _, p := range boilerOpenings {
		if foldHasPrefix(t, p) {
			return true
		}
	}
	for _, w := range boilerWords {
		if foldPrefixLen(t, w) == len(t) {
			return true
		}
	}
	return strings.HasPrefix(t, "©") || foldContains(t, "newsletter") || foldContains(t, "contributed to this report")
}

// boilerOpenings start every text the branches of boilerRE that are
// anchored on a word match (lowercase ASCII; "©" is tested apart).
var boilerOpenings = []string{"share", "tweet", "related", "read more", "[read:", "[related:", "read also:", "read next:", "continue reading", "see also", "more from", "click here", "sign up", "subscribe", "follow ", "copyright",
	"all rights reserved", "get the latest", "download ", "this article ", "this story "}

// boilerWords are the branches of boilerRE that are a whole text.
var boilerWords = []string{"facebook", "twitter", "x", "linkedin", "whatsapp", "email", "print", "reddit",
	"pinterest", "copy link", "comment", "comments", "advertisement", "ad", "sponsored"}

// foldContains says whether s holds lower (lowercase ASCII) when letters
// are folded.
func foldContains(s, lower string) bool {
	first := lower[0]
	for i := 0; i+len(lower) <= len(s); i++ {
		c := s[i]
		if c|0x20 != first && c < utf8.RuneSelf {
			continue // neither the first letter nor a rune that may fold to it
		}
		if foldHasPrefix(s[i:], lower) {
			return true
		}
	}
	return false
}

// Sentences splits text into sentences. It does not break after abbreviations
// ("U.S.", "Nov.", "Gen."), initials, or inside a quotation that continues.
// The sentences, joined, give back text without its inter-sentence spaces.
func Sentences(text string) []string {
	spans := SentenceSpans(text)
	if len(spans) == 0 {
		return nil
	}
	out := make([]string, len(spans))
	for i, sp := range spans {
		out[i] = text[sp[0]:sp[1]]
	}
	return out
}

// SentenceSpans is Sentences as byte offsets [start, end) into text, without
// copying: the aligner splits megabytes of text this way.
func SentenceSpans(text string) [][2]int { return AppendSentenceSpans(nil, text) }

// AppendSentenceSpans appends the spans of SentenceSpans(text) to out, so
// that a caller splitting many texts can reuse one slice.
func AppendSentenceSpans(out [][2]int, text string) [][2]int {
	start := 0
	quote := 0 // depth of open curly quotes; straight quotes toggle bit 1
	straight := false
	// where the last closing marks are, found the first time they are
	// asked: whether a quotation closes later is then one comparison, not
	// a search of the rest of the text at every period (quadratic on a
	// long quotation never closed)
	lastCurly, lastStraight := -2, -2 // -2: not looked for yet
	for i := 0; i < len(text); {
		// plain ASCII letters, digits and spaces never end or quote
		// anything: passed over eight bytes at a time, then byte by byte
		i = nextSentenceByte(text, i)
		if i == len(text) {
			break
		}
		r, w := utf8.DecodeRuneInString(text[i:])
		switch r {
		case '“', '«':
			quote++
		case '”', '»':
			if quote > 0 {
				quote--
			}
		case '"':
			straight = !straight
		}
		if r != '.' && r != '!' && r != '?' && r != '…' {
			i += w
			continue
		}
		end := i + w
		// closing quotes and brackets belong to the sentence they end
		for end < len(text) {
			c, cw := utf8.DecodeRuneInString(text[end:])
			if !strings.ContainsRune(`"'”’»)]`, c) {
				break
			}
			switch c {
			case '”', '»':
				if quote > 0 {
					quote--
				}
			case '"':
				straight = !straight
			}
			end += cw
		}
		next := end
		for next < len(text) {
			c, cw := utf8.DecodeRuneInString(text[next:])
			if !unicode.IsSpace(c) {
				break
			}
			next += cw
		}
		if next == end || next >= len(text) {
			i = end
			continue
		}
		c, _ := utf8.DecodeRuneInString(text[next:])
		if !(unicode.IsUpper(c) || unicode.IsDigit(c) || strings.ContainsRune(`"'“‘«(`, c)) {
			i = end
			continue
		}
		// inside an open quotation that the closing mark has not ended, a
		// period ends a quoted sentence but not the reporting one: "We
		// will win. Always," she said. A quotation never closed (one that
		// runs on into the next paragraph) does not hold the text together.
		if end == i+w && (quote > 0 || straight) {
			if lastCurly == -2 {
				lastCurly = max(strings.LastIndex(text, "”"), strings.LastIndex(text, "»"))
				lastStraight = strings.LastIndexByte(text, '"')
			}
			if quote > 0 && lastCurly >= end || straight && lastStraight >= end {
				i = end
				continue
			}
		}
		if r == '.' && isAbbrev(text[start:i], text[next:]) {
			i = end
			continue
		}
		if s, e := trimSpan(text, start, end); e > s {
			out = append(out, [2]int{s, e})
		}
		start = next
		i = next
	}
	if s, e := trimSpan(text, start, len(text)); e > s {
		out = append(out, [2]int{s, e})
	}
	return out
}

// sentenceByte marks the bytes AppendSentenceSpans stops at: sentence
// punctuation, the straight quote, and every byte of a multi-byte rune
// (curly quotes, "…").
// load8 is the eight bytes of s from i, the first lowest (one load).
func load8(s string, i int) uint64 {
	w := s[i : i+8]
	return uint64(w[0]) | uint64(w[1])<<8 | uint64(w[2])<<16 | uint64(w[3])<<24 |
		uint64(w[4])<<32 | uint64(w[5])<<40 | uint64(w[6])<<48 | uint64(w[7])<<56
}

// nextSentenceByte is the index of the first byte of text from i on that
// sentenceByte marks, or len(text). Eight bytes at a time it looks for a
// zero byte in the word xor each mark (the lowest byte such a test flags is
// always a true one) and for a byte beyond ASCII.
func nextSentenceByte(text string, i int) int {
	const ones, high = 0x0101010101010101, 0x8080808080808080
	zero := func(v uint64) uint64 { return (v - ones) &^ v & high }
	for ; i+8 <= len(text); i += 8 {
		x := load8(text, i)
		m := x&high | zero(x^'.'*ones) | zero(x^'!'*ones) | zero(x^'?'*ones) | zero(x^'"'*ones)
		if m != 0 {
			return i + bits.TrailingZeros64(m)>>3
		}
	}
	for i < len(text) && !sentenceByte[text[i]] {
		i++
	}
	return i
}

var sentenceByte = func() (t [256]bool) {
	for _, c := range []byte(`.!?"`) {
		t[c] = true
	}
	for c := utf8.RuneSelf; c < 256; c++ {
		t[c] = true
	}
	return t
}()

// trimSpan narrows [s, e) of text to exclude outer white space.
func trimSpan(text string, s, e int) (int, int) {
	sub := text[s:e]
	left := strings.TrimLeftFunc(sub, unicode.IsSpace)
	s += len(sub) - len(left)
	return s, s + len(strings.TrimRightFunc(left, unicode.IsSpace))
}

// isAbbrev says whether the word before a period is an abbreviation or an
// initial, so that the period does not end the sentence. after is the text
// after the following space: a title ("Gen.", "Mr.") never ends a sentence,
// but "U.S." or "Inc." may, and does when a new sentence plainly starts
// ("… in the U.S. The talks …").
func isAbbrev(before, after string) bool {
	k := len(before)
	for k > 0 {
		if c := before[k-1]; c < utf8.RuneSelf {
			// the ASCII cases of the test below, without decoding
			if c == ' ' || c >= '\t' && c <= '\r' || c == '(' || c == '"' {
				break
			}
			k--
			continue
		}
		c, w := utf8.DecodeLastRuneInString(before[:k])
		if unicode.IsSpace(c) || strings.ContainsRune(`("“‘`, c) {
			break
		}
		k -= w
	}
	word := before[k:]
	if word == "" {
		return false
	}
	if len(word) <= 2 && word[0] >= '0' && word[0] <= '9' && (len(word) == 1 || word[1] >= '0' && word[1] <= '9') {
		// a German ordinal date: "am 3. Oktober"
		return germanMonth(after)
	}
	if n := utf8.RuneCountInString(word); n == 1 {
		c, _ := utf8.DecodeRuneInString(word)
		return unicode.IsLetter(c) // an initial: "Donald J. Trump"
	}
	if len(word) > 8 {
		return false // longer than any abbreviation listed
	}
	// lowercase without allocating: this runs at every period of the text
	var buf [8]byte
	for i := 0; i < len(word); i++ {
		c := word[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		buf[i] = c
	}
	if titles[string(buf[:len(word)])] {
		return true
	}
	if abbrevs[string(buf[:len(word)])] || dottedLetters(word) {
		// "U.S. officials" goes on; "in the U.S. The talks" ends, when the
		// next word is a common sentence opener.
		return !opener(after)
	}
	return false
}

// dottedLetters says whether word, before its last period, is letters
// each followed by a period ("N.H", "N.Y", "U.A.E"): an abbreviation.
func dottedLetters(word string) bool {
	if len(word) < 3 {
		return false
	}
	for i := 0; i < len(word); i++ {
		c := word[i]
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		if i%2 == 0 && !letter || i%2 == 1 && c != '.' {
			return false
		}
	}
	return len(word)%2 == 1
}

// titles are abbreviations that always precede a name or number.
var titles = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "maj": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "supt": true, "atty": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "fig": true, "vol": true, "e.g": true, "i.e": true, "approx": true,
}

// abbreviations that end with a period and usually do not end a sentence.
// The German ones (bzw., usw., Nr., Mio., Mrd.), the French (Mme., Mgr.,
// env.), Spanish (Sra., Dña., EE.UU.) and Italian (Sig., Dott., ecc.) are
// words no English text writes.
var abbrevs = map[string]bool{
	"sr": true, "jr": true, "etc": true, "inc": true, "corp": true, "co": true, "ltd": true, "dept": true, "est": true,
	"u.s": true, "u.k": true, "u.n": true, "a.m": true, "p.m": true, "d.c": true, "e.u": true,
	"bzw": true, "usw": true, "vgl": true, "nr": true, "mio": true, "mrd": true, "inkl": true, "ggf": true, "evtl": true,
	"mme": true, "mlle": true, "mgr": true, "env": true, "cf": true,
	"sra": true, "srta": true, "dña": true, "ee.uu": true, "uu": true, "sig": true, "sigg": true, "dott": true, "ecc": true,
}

// germanMonth says whether s starts with the German name of a month that
// English does not share (an ordinal before April or August may end an
// English sentence: "He finished 3. August …").
func germanMonth(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	switch s[:end] {
	case "Januar", "Jänner", "Februar", "März", "Mai", "Juni", "Juli", "Oktober", "Dezember":
		return true
	}
	return false
}

// opener says whether s starts with a word that commonly opens a sentence
// and rarely follows an abbreviation inside one.
func opener(s string) bool {
	end := strings.IndexFunc(s, func(r rune) bool { return !unicode.IsLetter(r) })
	if end < 0 {
		end = len(s)
	}
	switch s[:end] {
	case "The", "A", "An", "He", "She", "It", "They", "We", "I", "But", "And", "In", "On", "At", "This", "That", "These",
		"Those", "There", "His", "Her", "Their", "Its", "Our", "If", "When", "While", "After", "Before", "As", "So", "Yet":
		return true
	}
	return false
}
