// Package segment turns a loaded article into ordered, typed blocks
// (headline, standfirst, heading, paragraph, caption, boilerplate, meta) and
// splits blocks into sentences for the aligner.
package segment

import (
	"regexp"
	"strings"
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
			case IsBoilerplate(p.Text):
				b.Kind = Boilerplate
			case IsCaption(p.Text):
				b.Kind = Caption
			case firstBody && !headlineSeen && a.Title == "" && looksLikeTitle(p.Text):
				b.Kind = Headline
				headlineSeen = true
			case !firstBody && looksLikeTitle(p.Text) && i+1 < len(a.Paras) && wordCount(p.Text) <= 14:
				b.Kind = Heading
			}
		}
		if b.Kind != Meta && b.Kind != Boilerplate {
			firstBody = false
		}
		blocks[i] = b
	}
	markStandfirst(blocks)
	return blocks
}

// markStandfirst marks the teaser after a headline: a paragraph that is cut
// off ("…", "[…]") or that a later paragraph repeats from its start.
func markStandfirst(blocks []Block) {
	h := -1
	for i, b := range blocks {
		if b.Kind == Headline {
			h = i
			break
		}
		if b.Kind == Paragraph {
			return
		}
	}
	if h < 0 || h+1 >= len(blocks) || blocks[h+1].Kind != Paragraph {
		return
	}
	t := strings.TrimSpace(blocks[h+1].Text)
	truncated := strings.HasSuffix(t, "[…]") || strings.HasSuffix(t, "[...]") || strings.HasSuffix(t, "…") || strings.HasSuffix(t, "...")
	repeated := false
	prefix := t
	if n := len(prefix); n > 80 {
		prefix = prefix[:80]
	}
	for _, b := range blocks[h+2:] {
		if len(prefix) >= 40 && strings.HasPrefix(b.Text, prefix) {
			repeated = true
			break
		}
	}
	if truncated || repeated {
		blocks[h+1].Kind = Standfirst
	}
}

func wordCount(s string) int { return len(strings.Fields(s)) }

// looksLikeTitle: short, and not ending like a sentence.
func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || utf8.RuneCountInString(s) > 160 || wordCount(s) > 25 {
		return false
	}
	t := strings.TrimRightFunc(s, func(r rune) bool { return strings.ContainsRune(`"'”’»)`, r) })
	if t == "" {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(t)
	if strings.ContainsRune(".!?:;,…", last) {
		return false
	}
	// a sentence break inside means prose, not a title
	return !strings.Contains(t, ". ")
}

var captionRE = regexp.MustCompile(`(?i)^(?:in this (?:photo|image|picture|file photo|handout)|this (?:photo|image) |photo(?:graph)?:|image:|pictured:|caption:|file photo:|\(?AP Photo|watch:|video:)` +
	`|\((?:[^()]{0,80}(?:AP Photo|via AP|Getty Images|Reuters|AFP|EPA|Shutterstock|Photo by|/AP|Press Service)[^()]{0,80})\)\s*$` +
	`|(?:Getty Images|AFP via Getty Images|AP Photo/[^)]+)\s*$`)

// IsCaption says whether text reads as a photo or video caption.
func IsCaption(text string) bool {
	return captionRE.MatchString(strings.TrimSpace(text))
}

var boilerRE = regexp.MustCompile(`(?i)^(?:share this(?: article| story)?:?|share on \w+|share|tweet(?: about this on twitter)?|facebook|twitter|x|linkedin|whatsapp|email|print|reddit|pinterest|copy link|comments?|advertisement|ad|sponsored|related(?: articles?| stories)?:?|read more:?|see also\b.*|more from \S.*|click here\b.*|sign up\b.*|subscribe\b.*|follow us\b.*|copyright\b.*|©.*|all rights reserved.*|.*\bnewsletter\b.{0,80}|get the latest\b.*|download (?:the|our) app.*|this (?:article|story) (?:was|has been) (?:updated|corrected)\b.{0,120}|.{0,60}\bcontributed to this report\.?)$`)

// IsBoilerplate says whether text is page furniture rather than reporting:
// share buttons, "Click here to read more", "See also …", newsletter and
// copyright lines.
func IsBoilerplate(text string) bool {
	t := strings.TrimSpace(text)
	if utf8.RuneCountInString(t) > 200 {
		return false
	}
	t = strings.Map(func(r rune) rune {
		if r == '\u00a0' {
			return ' '
		}
		return r
	}, t)
	return boilerRE.MatchString(t)
}

// abbreviations that end with a period without ending a sentence.
var abbrevs = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "sr": true, "jr": true, "st": true,
	"gen": true, "lt": true, "col": true, "sgt": true, "capt": true, "cmdr": true, "adm": true, "maj": true, "gov": true,
	"sen": true, "rep": true, "rev": true, "hon": true, "pres": true, "supt": true, "atty": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true, "etc": true, "inc": true,
	"corp": true, "co": true, "ltd": true, "dept": true, "est": true, "approx": true, "fig": true, "vol": true,
	"u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "a.m": true, "p.m": true, "d.c": true,
}

// Sentences splits text into sentences. It does not break after abbreviations
// ("U.S.", "Nov.", "Gen."), initials, or inside a quotation that continues.
// The sentences, joined, give back text without its inter-sentence spaces.
func Sentences(text string) []string {
	var out []string
	start := 0
	rs := []rune(text)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r != '.' && r != '!' && r != '?' && r != '…' {
			continue
		}
		j := i + 1
		for j < len(rs) && strings.ContainsRune(`"'”’»)]`, rs[j]) {
			j++
		}
		if j >= len(rs) || !unicode.IsSpace(rs[j]) {
			continue
		}
		k := j
		for k < len(rs) && unicode.IsSpace(rs[k]) {
			k++
		}
		if k >= len(rs) {
			break
		}
		next := rs[k]
		if !(unicode.IsUpper(next) || unicode.IsDigit(next) || strings.ContainsRune(`"'“‘«(`, next)) {
			continue
		}
		if r == '.' && isAbbrev(rs[start:i]) {
			continue
		}
		out = append(out, strings.TrimSpace(string(rs[start:j])))
		start = k
		i = k - 1
	}
	if tail := strings.TrimSpace(string(rs[start:])); tail != "" {
		out = append(out, tail)
	}
	return out
}

// isAbbrev says whether the word before a period is an abbreviation or an
// initial.
func isAbbrev(before []rune) bool {
	k := len(before)
	for k > 0 && !unicode.IsSpace(before[k-1]) && !strings.ContainsRune(`("“‘`, before[k-1]) {
		k--
	}
	w := strings.ToLower(string(before[k:]))
	if w == "" {
		return false
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsLetter([]rune(w)[0]) {
		return true // an initial: "Donald J. Trump"
	}
	return abbrevs[w]
}
