package corpus

import (
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"
)

// readBylineAndDate marks the byline ("By Kim Lee, Transport
// Correspondent") and dateline ("Updated: Nov. 1, 2024, 10:15 a.m. ET")
// paragraphs at the top of an article as metadata, and reads them into
// Byline and Date when the source's own metadata gave none. A paragraph
// that repeats the byline the metadata gave is metadata too. The search
// stops at the first paragraph that reads as a sentence, so reporting that
// opens with "By" or a date stays reporting.
func readBylineAndDate(a *Article) {
	looked := 0
	for i := range a.Paras {
		p := &a.Paras[i]
		if p.Hint != HintNone {
			continue // the headline, front matter, headings, captions
		}
		if looked++; looked > 4 {
			return
		}
		t := strings.TrimSpace(p.Text)
		if who, ok := bylineOf(t, a.Byline); ok {
			p.Hint = HintMeta
			if a.Byline == "" {
				a.Byline = who
			}
			continue
		}
		if day, ok := datelineOf(t); ok {
			p.Hint = HintMeta
			if a.Date == "" {
				a.Date = day
			}
			continue
		}
		if readsAsSentence(t) {
			return
		}
	}
}

// readsAsSentence is true of a paragraph of reporting: several words ending
// in sentence punctuation.
func readsAsSentence(t string) bool {
	t = strings.TrimRight(t, `"'”’)`)
	r, _ := utf8.DecodeLastRuneInString(t)
	return strings.ContainsRune(".!?", r) && len(strings.Fields(t)) >= 6
}

// bylineOf says whether t is a byline and returns who it names: "By" and
// a name of capitalised words, optionally followed after a comma, "|" or
// dash by a role or an outlet; or the byline known from the metadata.
func bylineOf(t, known string) (string, bool) {
	if _, by := foldCut(t, "by "); utf8.RuneCountInString(t) > 100 || !by {
		if known != "" && bylineKey(t) == bylineKey(known) {
			return known, true
		}
		return "", false
	}
	if known != "" && bylineKey(t) == bylineKey(known) {
		return known, true
	}
	rest := strings.TrimSpace(t[3:])
	if rest == "" || strings.ContainsAny(rest[len(rest)-1:], "?!:;") {
		return "", false
	}
	name, tail := rest, ""
	if i := strings.IndexAny(rest, ",|/—–"); i >= 0 {
		name, tail = strings.TrimSpace(rest[:i]), rest[i:]
	} else if i := strings.Index(rest, " - "); i >= 0 {
		name, tail = strings.TrimSpace(rest[:i]), rest[i:]
	}
	words := strings.Fields(name)
	if len(words) == 0 || len(words) > 6 || (len(words) == 1 && tail != "") || len(strings.Fields(tail)) > 8 {
		return "", false
	}
	if notNames[strings.ToLower(strings.Trim(words[0], ".,'’"))] {
		return "", false
	}
	for _, w := range words {
		if !nameWord(w) {
			return "", false
		}
	}
	if strings.HasSuffix(rest, ".") && !initial(words[len(words)-1]) || tail != "" && strings.HasSuffix(tail, ".") {
		return "", false
	}
	return rest, true
}

// bylineKey is a byline without "By", case or extra spaces.
func bylineKey(s string) string {
	s = strings.Join(strings.Fields(strings.ToLower(s)), " ")
	return strings.TrimPrefix(s, "by ")
}

// nameWord is a word of a person's or an agency's name: capitalised, or a
// particle such as "and", "de" or "van".
func nameWord(w string) bool {
	if particles[strings.ToLower(w)] {
		return true
	}
	r, _ := utf8.DecodeRuneInString(w)
	if !unicode.IsUpper(r) {
		return false
	}
	for _, c := range w {
		if unicode.IsDigit(c) {
			return false
		}
	}
	return true
}

// initial is a one-letter initial such as "J." or a suffix such as "Jr.".
func initial(w string) bool {
	w = strings.TrimSuffix(w, ".")
	return utf8.RuneCountInString(w) == 1 || w == "Jr" || w == "Sr"
}

var particles = map[string]bool{"and": true, "&": true, "de": true, "da": true, "del": true, "della": true, "der": true,
	"di": true, "van": true, "von": true, "la": true, "le": true, "al": true, "el": true, "bin": true, "ibn": true, "y": true}

// notNames open phrases such as "By Monday" or "By Then": times, not people.
var notNames = func() map[string]bool {
	m := map[string]bool{"then": true, "now": true, "noon": true, "midnight": true, "dawn": true, "nightfall": true,
		"contrast": true, "comparison": true, "law": true, "far": true, "most": true, "all": true, "some": true}
	for _, d := range []string{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"} {
		m[d] = true
	}
	for _, mo := range months {
		m[mo] = true
	}
	return m
}()

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september",
	"october", "november", "december"}

const monthRE = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`

// datelineRE is a line that is only a date written out, with an optional
// "Published"/"Updated" label, weekday and time: "November 1, 2024",
// "Updated: Fri, Nov. 1, 2024, 10:15 a.m. ET", "Published 1 November 2024".
var datelineRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)^(?:(?:first |last |originally )?(?:published|updated|posted)(?: on)?:?\s+)?` +
		`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?` +
		`(?:(` + monthRE + `)\.?\s+(\d{1,2}),?\s+(\d{4})|(\d{1,2})\s+(` + monthRE + `)\.?,?\s+(\d{4}))` +
		`(?:\s*(?:,|at|\||-|–|—|·)?\s*\d{1,2}(?:[:.]\d{2}){0,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,5}|[+-]\d{4}))?)?\s*$`)
})

// mayBeDateline is false for texts datelineRE cannot match, so that most
// stories never compile it: a dateline has four ASCII digits in a row (the
// year) and, when it is all ASCII, one of the months' first three letters
// (a text beyond ASCII may spell them with runes that fold to them).
func mayBeDateline(t string) bool {
	digits, year, ascii := 0, false, true
	for i := 0; i < len(t); i++ {
		c := t[i]
		if c >= '0' && c <= '9' {
			if digits++; digits == 4 {
				year = true
			}
		} else {
			digits = 0
		}
		ascii = ascii && c < utf8.RuneSelf
	}
	if !year {
		return false
	}
	if !ascii {
		return true
	}
	lower := strings.ToLower(t)
	for _, m := range months {
		if strings.Contains(lower, m[:3]) {
			return true
		}
	}
	return false
}

// datelineOf says whether t is a dateline and returns its day as
// YYYY-MM-DD.
func datelineOf(t string) (string, bool) {
	if utf8.RuneCountInString(t) > 80 || !mayBeDateline(t) {
		return "", false
	}
	m := datelineRE().FindStringSubmatch(t)
	if m == nil {
		return "", false
	}
	mon, day, year := m[1], m[2], m[3]
	if mon == "" {
		mon, day, year = m[5], m[4], m[6]
	}
	mon = strings.ToLower(mon)
	for i, name := range months {
		if strings.HasPrefix(name, mon[:3]) {
			var y, d int
			fmt.Sscan(year, &y)
			fmt.Sscan(day, &d)
			if t := time.Date(y, time.Month(i+1), d, 0, 0, 0, 0, time.UTC); t.Day() != d {
				return "", false // November 31
			}
			return fmt.Sprintf("%04d-%02d-%02d", y, i+1, d), true
		}
	}
	return "", false
}
