package quotes

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
)

// colonRE is compiled on first use, not at every start-up.
var colonRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?m)(?:^|[.!?]\s+)([^.!?:"“”„«»\n]{1,80}?):\s+([^"“”„«»\n]+?)(?:[.!?](?:\s|$)|$)`)
})

// colonSpeech finds reported speech introduced by a colon, without quotation
// marks: "Trump said: the wall will be built." or a headline's
// "Pyongyang: USA and South Korea are planning a strike". The part before
// the colon must be a speaker with a speech verb, or one to four capitalised
// words opening the text.
func colonSpeech(text string, quoted []Span) []Span {
	if !colonSpace(text) {
		return nil // colonRE needs a colon and a space after it
	}
	var out []Span
	for _, m := range colonRE().FindAllStringSubmatchIndex(text, -1) {
		ps, pe, cs, ce := m[2], m[3], m[4], m[5]
		inside := false
		for _, q := range quoted {
			if ps < q.Close && ce > q.Open {
				inside = true
			}
		}
		if inside {
			continue
		}
		// the claim without the spaces around it, at its own offset:
		// TrimSpace also cuts spaces the pattern's \s takes as text
		// (a vertical tab)
		claim := strings.TrimRightFunc(text[cs:ce], unicode.IsSpace)
		lead := len(claim) - len(strings.TrimLeftFunc(claim, unicode.IsSpace))
		claim, cs = claim[lead:], cs+lead
		if len(strings.Fields(claim)) < 3 || strings.Contains(claim, "''") || nameList(claim) {
			// two apostrophes mark a quotation as “ does; a list of
			// names ("Iowa Democrats: Tim Albrecht, Brad Anderson, …")
			// says who, not what anyone said
			continue
		}
		ws := names.Words(text[ps:pe])
		if len(ws) == 0 {
			continue
		}
		var spk, how string
		spkStart := -1
		last := strings.ToLower(ws[len(ws)-1].Text)
		switch {
		case speechVerbs[last] && last != "according" && len(ws) >= 2:
			lo, hi := subjectEnding(ws, len(ws)-1)
			if lo < 0 {
				continue
			}
			spk = text[ps+ws[lo].Start : ps+ws[hi-1].End]
			spkStart = ps + ws[lo].Start
			how = "colon-verb"
		case ps == firstNonSpace(text) && len(ws) <= 4 && allCapitalised(ws):
			spk = text[ps+ws[0].Start : ps+ws[len(ws)-1].End]
			spkStart = ps + ws[0].Start
			how = "colon-label"
		default:
			continue
		}
		out = append(out, Span{Text: claim, Start: cs, End: cs + len(claim), Open: ps, Close: ce, Style: Colon,
			Speaker: spk, SpeakerStart: spkStart, how: how})
	}
	return out
}

// colonSpace says whether text holds a colon followed by a space (\s).
func colonSpace(text string) bool {
	for i := 0; i < len(text); i++ {
		if text[i] == ':' && i+1 < len(text) {
			switch text[i+1] {
			case ' ', '\t', '\n', '\f', '\r':
				return true
			}
		}
	}
	return false
}

func allCapitalised(ws []names.Word) bool {
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.Text)
		if !unicode.IsUpper(r) && !(w.Text == "of" && len(ws) > 2) {
			return false
		}
	}
	return !pronounSpeakers[strings.ToLower(ws[0].Text)] && !(len(ws) == 1 && strings.EqualFold(ws[0].Text, "the"))
}

// nameList says whether a text is a list of names: three or more parts
// between commas (or a last "and"), each of one to four capitalised words.
func nameList(text string) bool {
	parts := strings.Split(strings.ReplaceAll(strings.TrimRight(text, "."), " and ", ","), ",")
	if len(parts) < 3 {
		return false
	}
	for _, p := range parts {
		ws := names.Words(p)
		if len(ws) == 0 || len(ws) > 4 {
			return false
		}
		for _, w := range ws {
			if !unicode.IsUpper(firstRune(w.Text)) {
				return false
			}
		}
	}
	return true
}
