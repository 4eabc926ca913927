package corpus

import (
	"regexp"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// cleanByline is a byline as a page's metadata or markup gives it, made
// fit to show after "by": without its own "By" (pages write "By Kim Lee"
// in the byline field, so "by By Kim Lee" showed), and without what the
// page's markup glued to the name ("Lucas Nolan22 Dec 2016651": the date
// and a comment count). A byline that is only a date ("Originally
// published December 22, 2016 at 8:00 pm") is no byline: its day is
// returned instead.
func cleanByline(s string) (byline, day string) {
	s = strings.Join(strings.Fields(s), " ")
	for {
		rest, ok := foldCut(s, "by")
		if !ok || rest != "" && !strings.ContainsRune(" :", rune(rest[0])) {
			break
		}
		s = strings.TrimSpace(strings.TrimPrefix(rest, ":"))
	}
	if d, ok := datelineOf(s); ok {
		return "", d
	}
	// A name has no digits: one glued to a letter ends the name.
	for i, r := range s {
		if unicode.IsDigit(r) {
			prev, _ := utf8.DecodeLastRuneInString(s[:i])
			if unicode.IsLetter(prev) {
				if d, ok := datelineOf(gluedDate(s[i:])); ok {
					day = d
				}
				s = s[:i]
			}
			break
		}
	}
	return strings.TrimRight(s, " ,|-–—·"), day
}

// gluedDate is the date at the start of what followed a glued name
// ("22 Dec 2016651"): its first three words, the year cut to four digits.
func gluedDate(s string) string {
	w := strings.Fields(s)
	if len(w) < 3 {
		return ""
	}
	y := w[2]
	if len(y) > 4 {
		y = y[:4]
	}
	return w[0] + " " + w[1] + " " + y
}

// photoWords are what a page prints alone where a photo was ("Photo",
// "Video"): a caption's label, not reporting.
var photoWords = map[string]bool{"photo": true, "photos": true, "photograph": true, "image": true, "images": true,
	"video": true, "picture": true, "gallery": true, "photo gallery": true, "file photo": true, "illustration": true}

// agencies are photo agencies and wires whose name in a credit line
// ("JIM WATSON/AFP/Getty Images") marks it as one.
var agencies = map[string]bool{"afp": true, "ap": true, "getty": true, "getty images": true, "reuters": true,
	"epa": true, "epa-efe": true, "efe": true, "shutterstock": true, "bloomberg": true, "istock": true,
	"alamy": true, "pa": true, "pa images": true, "pa wire": true, "dpa": true, "xinhua": true, "sipa": true,
	"nurphoto": true, "zuma": true, "zuma press": true, "anadolu": true, "anp": true, "tass": true,
	"kcna": true, "ap photo": true, "pool": true, "handout": true, "the associated press": true,
	"associated press": true, "rex": true, "rex features": true, "corbis": true}

// isPhotoCredit says whether t is a photo's label or credit line rather
// than reporting: a label alone ("Photo"), or a short line with no
// sentence in it whose parts between slashes include an agency
// ("JIM WATSON/AFP/Getty Images", "Evan Vucci/AP").
func isPhotoCredit(t string) bool {
	t = strings.TrimSpace(strings.Trim(strings.TrimSpace(t), "()[]"))
	// a label is a word or two: a paragraph is not lowered to find out
	if len(t) <= photoWordsMax && photoWords[strings.TrimRight(strings.ToLower(t), ":")] {
		return true
	}
	if !strings.Contains(t, "/") || moreWordsThan(t, 10) || strings.Contains(t, "://") ||
		strings.ContainsAny(t, "!?\"“”") || sentenceEndRE().MatchString(t) {
		return false
	}
	// Every part is a name or an agency, and an agency follows the first
	// ("The Ipsos/Reuters poll shows a tight race" is a headline).
	agency := false
	for i, p := range strings.Split(t, "/") {
		p = strings.TrimSpace(p)
		if rest, ok := foldCut(p, "via "); ok {
			p = rest
		}
		if head, ok := strings.CutSuffix(p, " via Getty Images"); ok {
			p = head
		}
		switch {
		case agencies[strings.ToLower(p)]:
			agency = agency || i > 0
		case !creditName(p):
			return false
		}
	}
	return agency
}

// photoWordsMax bounds the bytes of a label photoWords may hold, with a
// colon and each letter lowered from up to three bytes: a longer text is
// no label.
var photoWordsMax = func() int {
	n := 0
	for w := range photoWords {
		n = max(n, len(w))
	}
	return 3*n + 1
}()

// moreWordsThan says whether t has more than n words (as strings.Fields
// splits them), reading no further than the word past n.
func moreWordsThan(t string, n int) bool {
	words, in := 0, false
	for _, r := range t {
		if unicode.IsSpace(r) {
			in = false
		} else if !in {
			in = true
			if words++; words > n {
				return true
			}
		}
	}
	return false
}

// creditName is a photographer's name in a credit: one to four words,
// each capitalised or an initial.
func creditName(p string) bool {
	w := strings.Fields(p)
	if len(w) == 0 || len(w) > 4 {
		return false
	}
	for _, x := range w {
		if !nameWord(x) {
			return false
		}
	}
	return true
}

// sentenceEndRE finds a sentence's end inside a text: a word of two or
// more small letters and a period (an initial such as "J." is not one).
var sentenceEndRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`\p{Ll}{2,}\.(?:\s|$)`) })

// dateOnlyRE matches one date as pages print them in their chrome: "22 Dec,
// 2016", "Dec. 22, 2016", "2016-12-22", with an optional time.
var dateOnlyRE = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`(?i)(?:(?:first |last |originally )?(?:published|updated|posted)(?: on)?:?\s*)?` +
		`(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|sday|rsday|urday)?\.?,?\s+)?` +
		`(?:(?:` + monthRE + `)\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+(?:` + monthRE + `)\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})` +
		`(?:\s*(?:,|at|\||-|–|—|·)?\s*\d{1,2}(?:[:.]\d{2}){1,2}\s*(?:[ap]\.?m\.?)?(?:\s*(?:[a-z]{2,5}|[+-]\d{4}))?)?`)
})

// isDateOnly says whether t holds dates and nothing else ("22 Dec, 2016
// 22 Dec, 2016", a page's date printed twice): page furniture.
func isDateOnly(t string) bool {
	if utf8.RuneCountInString(t) > 120 || !mayBeDateline(t) {
		return false
	}
	rest := dateOnlyRE().ReplaceAllString(t, "")
	return strings.Trim(rest, " ,|-–—·/") == "" && rest != t
}

// markFurniture marks the paragraphs that are a page's furniture rather
// than its reporting: photo labels and credits as captions, lines of dates
// as metadata (the first gives the article's date when it has none).
func markFurniture(a *Article) {
	for i := range a.Paras {
		p := &a.Paras[i]
		if p.Hint != HintNone {
			continue
		}
		switch t := strings.TrimSpace(p.Text); {
		case isPhotoCredit(t):
			p.Hint = HintCaption
		case isDateOnly(t):
			p.Hint = HintMeta
			if a.Date == "" {
				if m := dateOnlyRE().FindString(t); m != "" {
					if d, ok := datelineOf(m); ok {
						a.Date = d
					}
				}
			}
		}
	}
}
