package segment

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxTeaserWords bounds a teaser: an excerpt is short, and a long block that
// the next one repeats is a duplicate the aligner had better see.
const maxTeaserWords = 120

// markTop marks what stands between an article's headline and its body:
// the first block of text there (skipping furniture, metadata and captions,
// or at the top when there is no headline) is a teaser when its words are
// those the paragraphs under it open with, in order, give or take one word
// in ten, whether it is cut off ("…", "[…]") or whole, so that folding it
// loses nothing the body does not say. A paragraph right under the headline
// that is cut off and not repeated is the standfirst.
func markTop(blocks []Block) {
	c, headline := -1, false
	for i, b := range blocks {
		skip := b.Kind == Meta || b.Kind == Boilerplate || b.Kind == Caption || b.Kind == Headline && !headline
		headline = headline || b.Kind == Headline
		if !skip {
			c = i
			break
		}
	}
	if c < 0 || blocks[c].Kind != Paragraph && blocks[c].Kind != Standfirst {
		return
	}
	text := strings.TrimSpace(blocks[c].Text)
	cut, glued := truncated(text)
	if repeatedBelow(blocks, c, text, glued) {
		blocks[c].Kind = Teaser
		return
	}
	if cut && c > 0 && blocks[c-1].Kind == Headline {
		blocks[c].Kind = Standfirst
	}
}

// truncated says whether text ends in an ellipsis or an elision mark, and
// whether the mark is glued to the last word, which may then be cut.
func truncated(text string) (cut, glued bool) {
	for _, m := range []string{"[…]", "[...]", "(…)", "…", "..."} {
		if rest, ok := strings.CutSuffix(text, m); ok {
			last, _ := utf8.DecodeLastRuneInString(rest)
			return true, rest != "" && !unicode.IsSpace(last)
		}
	}
	return false, false
}

// repeatedBelow says whether the words of block c (text, its last word
// left out when glued to an ellipsis) open the run of paragraphs that
// starts at one of the next three paragraphs, give or take one word in ten.
// A teaser's first two words are those of the paragraph it repeats: every
// article is asked, and most are told no by them, without splitting any
// text into words.
func repeatedBelow(blocks []Block, c int, text string, glued bool) bool {
	if len(text) > maxTeaserWords*wordBytes {
		return false // no teaser, and not worth splitting into words
	}
	var a, b [2]string
	opens := firstWords(a[:0], text)
	var starts []int
	for i, seen := c+1, 0; i < len(blocks) && seen < 3 && len(opens) == 2; i++ {
		if blocks[i].Kind != Paragraph {
			continue
		}
		seen++
		if o := firstWords(b[:0], blocks[i].Text); len(o) == 2 && strings.EqualFold(opens[0], o[0]) && strings.EqualFold(opens[1], o[1]) {
			starts = append(starts, i)
		}
	}
	if len(starts) == 0 {
		return false
	}
	tw := teaserWords(text)
	if glued && len(tw) > 0 {
		tw = tw[:len(tw)-1]
	}
	if len(tw) < 6 || len(tw) > maxTeaserWords {
		return false
	}
	slack := len(tw) / 10
	for _, s := range starts {
		var bw []string
		for i := s; i < len(blocks) && len(bw) < len(tw)+slack; i++ {
			if blocks[i].Kind == Paragraph || blocks[i].Kind == Standfirst {
				bw = append(bw, teaserWords(head(blocks[i].Text, (len(tw)+slack-len(bw))*wordBytes))...)
			}
		}
		if prefixDistance(tw, bw[:min(len(bw), len(tw)+slack)]) <= slack {
			return true
		}
	}
	return false
}

// wordBytes is more than the bytes a word and the space after it take in
// any likely text: a paragraph's first n words are in its first
// n·wordBytes bytes.
const wordBytes = 40

// head is s cut to at most n bytes, at a rune's start: a paragraph of
// megabytes is not split into words to read its first few.
func head(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// firstWords appends to ws the first words of s, up to cap(ws): runs of
// letters and digits, as teaserWords splits them.
func firstWords(ws []string, s string) []string {
	start := -1
	for i, r := range s {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			if ws = append(ws, s[start:i]); len(ws) == cap(ws) {
				return ws
			}
			start = -1
		}
	}
	if start >= 0 {
		ws = append(ws, s[start:])
	}
	return ws
}

// teaserWords are the words of s, lowercased, without punctuation.
func teaserWords(s string) []string {
	return strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) })
}

// prefixDistance is the least number of words to insert, delete or
// replace in a to make it a prefix of b.
func prefixDistance(a, b []string) int {
	prev, cur := make([]int, len(b)+1), make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			d := prev[j-1]
			if a[i-1] != b[j-1] {
				d++
			}
			cur[j] = min(d, prev[j]+1, cur[j-1]+1)
		}
		prev, cur = cur, prev
	}
	return slices.Min(prev)
}
