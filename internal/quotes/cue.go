package quotes

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
)

// speechVerbs introduce or follow a quotation.
var speechVerbs = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`said says say told tells added adds stated states asked asks wrote writes
		explained explains warned warns noted notes declared declares insisted insists tweeted tweets vowed vows
		promised promises stressed stresses argued argues claimed claims replied replies responded responds
		continued continues recalled recalls announced announces admitted admits acknowledged acknowledges
		suggested suggests emphasized emphasised emphasizes urged urges commented comments remarked quipped
		shouted cautioned predicted conceded countered maintained reiterated posted wrote declared confirmed
		confirms denied denies accused accuses pledged pledges called calls spoke speaks thanked according
		concluded concludes joked jokes agreed agrees observed observes lamented laments complained complains
		boasted boasts retorted retorts contended contends asserted asserts alleged alleges recounted recounts
		testified testifies mused muses scoffed quipped quips yelled shouted shouts wondered wonders affirmed
		saying telling adding writing noting explaining arguing insisting warning proclaimed proclaims barked
		retaliated mocked mocks confessed confesses boomed snapped interjected cited cites fumed fumes demurred
		chanted griped railed touted declaring acknowledging asserting recalling predicting conceding
		surmised elaborated opined beamed reported reports stating asking shouting chanting tweeting claiming
		announcing suggesting replying responding joking quipping vowing promising complaining boasting
		reacted questioned charged pleaded emailed texted answered answers indicated indicates`) {
		speechVerbs[v] = true
	}
}

// cutWords end a speaker phrase after an inverted verb ("said the minister
// at a meeting").
var cutWords = map[string]bool{}

func init() {
	for _, v := range strings.Fields(`at in on to during after before when while who which that as adding according
		from with for about because since and but in an interview speaking referring whose where than`) {
		cutWords[v] = true
	}
}

var pronounSpeakers = map[string]bool{"he": true, "she": true, "they": true, "we": true, "i": true, "it": true}

// speaker finds the attribution of the quotation text[open:close]: first
// right after it (`," said X` or `," X said`), then before it in its
// sentence (`X said: "…"`, `X said that … "…"`), then "according to X".
func speaker(text string, open, close int) (string, int, string) {
	s := &sentence{text: text, open: open}
	sp, at, how := cueSpeakerIn(s, close)
	if sp != "" && how != "according" && relayed(s, close) {
		// "“…,” Sanders said, according to CNN": the words as another
		// source reports them; who said them is the report's claim
		return "", -1, ""
	}
	return sp, at, how
}

// relayed says whether the sentence of the quotation text[open:close]
// says its words are reported by another, named source ("according to
// CNN").
func relayed(s *sentence, close int) bool {
	text, open := s.text, s.open
	before, _ := s.get()
	rest := text[close:min(close+sentenceEnd(text[close:], 0), len(text))]
	// "“… too high.” According to …" starts a sentence of its own
	inner := strings.TrimRight(text[open:close], "”’\"' ")
	if last, _ := utf8.DecodeLastRuneInString(inner); strings.ContainsRune(".!?", last) {
		if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(rest, unicode.IsSpace)); unicode.IsUpper(r) {
			rest = ""
		}
	}
	for _, part := range []string{before, rest} {
		if k := indexLower(part, "according to "); k >= 0 {
			// a source that is named: "according to CNN", "according to a
			// White House pool report", not "according to the translation"
			for _, w := range names.WordsN(part[k+len("according to "):], 6) {
				if r, _ := utf8.DecodeRuneInString(w.Text); unicode.IsUpper(r) {
					return true
				}
				if w.Glued {
					break
				}
			}
		}
	}
	return false
}

// indexLower is strings.Index(strings.ToLower(s), sub) for a sub in lower
// case, without lowering an ASCII s: most sentences have no "according
// to", and lowering one that has capitals makes a copy of it.
func indexLower(s, sub string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			// lowering may change the length of what precedes a match
			return strings.Index(strings.ToLower(s), sub)
		}
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		j := 0
		for j < len(sub) && lowerByte(s[i+j]) == sub[j] {
			j++
		}
		if j == len(sub) {
			return i
		}
	}
	return -1
}

// lowerByte is an ASCII byte in lower case.
func lowerByte(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// cueSpeaker is speaker without the check for relayed words.
func cueSpeaker(text string, open, close int) (string, int, string) {
	return cueSpeakerIn(&sentence{text: text, open: open}, close)
}

// sentence is the sentence of text before a quotation opening at open
// (sentenceBefore) and its words, found when first asked: the cues before
// a quotation and the check for relayed words read them.
type sentence struct {
	text        string
	open        int
	read, split bool
	before      string
	start       int
	words       []names.Word
}

// get returns sentenceBefore(s.text, s.open).
func (s *sentence) get() (string, int) {
	if !s.read {
		s.before, s.start = sentenceBefore(s.text, s.open)
		s.read = true
	}
	return s.before, s.start
}

// wordsOf returns names.Words of the sentence before the quotation.
func (s *sentence) wordsOf() []names.Word {
	if !s.split {
		b, _ := s.get()
		s.words, s.split = names.Words(b), true
	}
	return s.words
}

// cueSpeakerIn is cueSpeaker of the quotation opening at s.open in s.text.
func cueSpeakerIn(sb *sentence, close int) (string, int, string) {
	text, open := sb.text, sb.open
	before := false // beforeCue was asked, and found none
	if strings.HasSuffix(strings.TrimRight(text[open:close], "”’\"'» "), ".") {
		// "… adding that it was “emergency but necessary.” Critics
		// questioned the move": the quotation's sentence ends inside its
		// marks, so a cue before it in that sentence is its own, and the
		// next sentence's is another's
		if s, st, how := beforeCue(sb); s != "" {
			return s, st, how
		}
		before = true
	}
	if s, st, how := afterCue(text, close); s != "" {
		return s, st, how
	}
	if !before {
		if s, st, how := beforeCue(sb); s != "" {
			return s, st, how
		}
	}
	after := text[close:]
	lead := 0
	for lead < len(after) && strings.ContainsRune(" ,;—–-:", rune(after[lead])) {
		lead++
	}
	if s, st := tailCue(text, close); s != "" {
		return s, st, "tail"
	}
	if s, st := nameColon(text, open); s != "" {
		return s, st, "name-colon"
	}
	// "…," according to Mr. Fox
	if k := accordingTo(after, lead+2); k >= 0 && k <= lead+2 {
		rest := after[k+len("according to "):]
		if s, st := phraseAfter(rest, names.WordsN(rest, 13), close+k+len("according to ")); s != "" && strings.IndexFunc(s, unicode.IsUpper) >= 0 {
			return s, st, "according"
		}
	}
	return "", -1, ""
}

// accordingTo is strings.Index(strings.ToLower(after), "according to ")
// when that is at most limit, and -1 or an index past limit otherwise,
// reading only as far as a match at limit would reach when the text there
// is ASCII (most quotations have no "according to" after them, and
// lowering the rest of a paragraph for each makes a copy of it).
func accordingTo(after string, limit int) int {
	const sub = "according to "
	p := after[:min(len(after), limit+len(sub))]
	for i := 0; i < len(p); i++ {
		if p[i] >= utf8.RuneSelf {
			return strings.Index(strings.ToLower(after), sub)
		}
	}
	return indexLower(p, sub)
}

// afterCue is the cue right after the quotation text[:close]: "said X",
// "X said", "X, an aside, said" or "a role, X, said".
func afterCue(text string, close int) (string, int, string) {
	after := text[close:]
	lead := 0
	for lead < len(after) && strings.ContainsRune(" ,;—–-:", rune(after[lead])) {
		lead++
	}
	ws := names.WordsN(after[lead:], 24) // the most read below
	base := close + lead
	if len(ws) > 0 && ws[0].Start == 0 {
		w0 := strings.ToLower(ws[0].Text)
		// "said X", not "adding …": a participle names no speaker after it
		if speechVerbs[w0] && w0 != "according" && !strings.HasSuffix(w0, "ing") {
			if s, st := phraseAfter(after[lead:], ws[1:], base); s != "" {
				return s, st, "said-X"
			}
		}
		// "“…” as Cruz said on the radio", "“…,” as he put it"
		if w0 == "as" {
			for k := 2; k < len(ws) && k <= 7; k++ {
				if ws[k].Glued {
					break
				}
				if isVerb(ws[k]) || phrasal(ws, k) {
					if j := k + 1; j < len(ws) && !ws[j].Glued && clauseOpener(ws[j].Text) {
						break // "as Trump said he would": another statement
					}
					if lo, hi := subjectEnding(ws, k); lo == 1 && !determiner(ws[1].Text) {
						return after[lead:][ws[lo].Start:ws[hi-1].End], base + ws[lo].Start, "X-said"
					}
					break
				}
			}
		}
		// "Choe said", "the minister said", "he told reporters"
		for k := 1; k < len(ws) && k <= 7; k++ {
			if ws[k].Glued {
				break
			}
			if isVerb(ws[k]) || phrasal(ws, k) {
				j := k + 1
				for j < len(ws)-1 && !ws[j].Glued && (names.IsDateWord(ws[j].Text) || ws[j].Text == "on" || ws[j].Text == "today" || ws[j].Text == "yesterday") {
					j++ // "said Wednesday she …"
				}
				if j < len(ws) && !ws[j].Glued && clauseOpener(ws[j].Text) && !(j+1 < len(ws) && timeNoun(ws[j+1].Text)) {
					break // "…” Kasich said he would have: another statement
				}
				if strings.HasPrefix(strings.TrimLeft(after[lead:][ws[k].End:], " "), ":") {
					break // "…” The candidate reiterated: “…”: the next one's
				}
				if answers(ws[k].Text) && strings.HasSuffix(strings.TrimRight(text[:close], "”’\"' "), "?") && opensNext(after[lead:][ws[k].End:]) {
					// "“…?” He answered, “…”": the answer is the next
					// quotation, the question someone else's
					break
				}
				if lo, hi := subjectEnding(ws, k); lo == 0 || (lo > 0 && roleWords(ws[:lo])) {
					return after[lead:][ws[lo].Start:ws[hi-1].End], base + ws[lo].Start, "X-said"
				}
				break
			}
		}
		// "Jeffrey Lewis of the James Martin Center for Nonproliferation
		// Studies wrote": a name, where the person is from, the verb
		if n := nameRun(ws); n > 0 && n+2 < len(ws) && ws[n].Text == "of" && !ws[n].Glued {
			for k := n + 1; k < len(ws) && k <= n+9; k++ {
				if ws[k].Glued {
					break
				}
				if isVerb(ws[k]) && plainVerb(ws[k].Text) && k > n+1 {
					if j := k + 1; j < len(ws) && !ws[j].Glued && clauseOpener(ws[j].Text) {
						break
					}
					return after[lead:][ws[0].Start:ws[n-1].End], base + ws[0].Start, "X-said"
				}
				if w := ws[k].Text; !unicode.IsUpper(firstRune(w)) && w != "the" && w != "for" && w != "and" && w != "of" {
					break
				}
			}
		}
		// "Jeff Weaver, the campaign's manager, said": a name, an aside
		// between commas, the verb
		if n := nameRun(ws); n > 0 && n < len(ws) && ws[n].Glued {
			for k := n + 1; k < len(ws) && k <= n+16; k++ {
				if ws[k].Initial {
					break
				}
				if ws[k].Glued {
					v := k
					for v < len(ws) && v < k+2 && adverb(ws[v].Text) {
						v++
					}
					if v < len(ws) && (v == k || !ws[v].Glued) && isVerb(ws[v]) && plainVerb(ws[v].Text) {
						return after[lead:][ws[0].Start:ws[n-1].End], base + ws[0].Start, "X-aside-said"
					}
				}
			}
		}
		// "Sanders's campaign manager, Jeff Weaver, said": a role, the
		// name between commas, the verb
		if m := firstGlued(ws, 7); m > 0 && roleWords(ws[:m]) {
			e := m + 1
			for e < len(ws) && e < m+4 && !ws[e].Glued {
				e++
			}
			if e < len(ws) && isVerb(ws[e]) && plainVerb(ws[e].Text) && !determiner(ws[m].Text) && subject(ws[m:e]) != "" && isName(subject(ws[m:e])) &&
				!(e+1 < len(ws) && !ws[e+1].Glued && clauseOpener(ws[e+1].Text)) {
				return after[lead:][ws[m].Start:ws[e-1].End], base + ws[m].Start, "X-aside-said"
			}
		}
	}
	return "", -1, ""
}

// beforeCue is the cue before the quotation at text[open:], in its
// sentence: "X said: “…”", "X said that … “…”".
func beforeCue(s *sentence) (string, int, string) {
	before, bstart := s.get()
	bws := s.wordsOf()
	for k := len(bws) - 1; k >= 1; k-- {
		v := strings.ToLower(bws[k].Text)
		if v == "calling" && bws[k].Glued && calledObject(bws[k+1:]) {
			// "Trump went after Bush, calling him “…”": the subject of
			// the clause the participle follows
			if lo, hi := clauseSubject(bws[:k]); lo >= 0 && isName(before[bws[lo].Start:bws[hi-1].End]) && !pronounSpeakers[strings.ToLower(bws[lo].Text)] {
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-clause"
			}
			continue
		}
		if !(isVerb(bws[k]) || phrasal(bws, k) || characterizes(bws, k)) {
			continue
		}
		if v == "called" || v == "calls" || characterizes(bws, k) {
			// "Priebus called the remarks a “new low”", "what Gilbert
			// called “…”": the one who calls, by name; not "a group called
			// “…”" or "what he called “…”"
			if lo, hi := subjectEnding(bws, k); lo >= 0 && !bws[k].Glued && !determiner(bws[lo].Text) && isName(before[bws[lo].Start:bws[hi-1].End]) &&
				(!pronounSpeakers[strings.ToLower(bws[lo].Text)] || lo == 0) && (lo == 0 || bws[lo].Glued || !subordinator(bws[lo-1].Text)) &&
				calledObject(bws[k+1:]) {
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before"
			}
			continue
		}
		// "Clinton, exasperated, famously responded": adverbs after the
		// aside are the verb's
		kg := k
		for kg > 1 && !bws[kg].Glued && adverb(bws[kg-1].Text) && strings.HasSuffix(strings.ToLower(bws[kg-1].Text), "ly") {
			kg--
		}
		if bws[kg].Glued {
			// "Santorum, who leads the polls, said": the subject opens the
			// sentence, before the aside
			e := 1
			for e < k && !bws[e].Glued {
				e++
			}
			if subject(bws[:e]) != "" && !determiner(bws[0].Text) {
				return before[bws[0].Start:bws[e-1].End], bstart + bws[0].Start, "before-aside"
			}
			// "Recalling that moment, David Axelrod, who was Obama's
			// strategist, said": the name between commas before the aside
			if lo, hi := nameBeforeAside(before, bws, kg); lo >= 0 && !strings.HasSuffix(v, "ing") {
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-aside"
			}
			// "In a statement, Rep. Hakeem Jeffries reacted to the news,
			// saying: “…”": the name before the clause's verb
			if strings.HasSuffix(v, "ing") {
				if lo, hi := clauseSubject(bws[:k]); lo >= 0 {
					return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-clause"
				}
			}
			continue
		}
		if lo, hi := subjectEnding(bws, k); lo >= 0 {
			if lo > 0 && strings.EqualFold(bws[lo-1].Text, "as") && commaSoon(bws, k) && !listener(v) && v != "spoke" && v != "speaks" {
				// "As Joel Pollak observed, the winner was …": what
				// follows is the speaker's
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before"
			}
			if lo > 0 && subordinator(bws[lo-1].Text) && clauseEnds(bws, k) {
				continue // "When Trump suggested …, Rubio fired back: “…”"
			}
			return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before"
		}
		// "Steele issued a statement saying: “…”", but not "slammed Obama
		// for suggesting that voters “…”": whom one blames for saying it
		// said it, not the one who blames
		if strings.HasSuffix(v, "ing") && !(k > 0 && !bws[k].Glued && strings.EqualFold(bws[k-1].Text, "for")) {
			if lo, hi := withSubject(bws, k); lo >= 0 {
				// "Both have called for more bombing, with Cruz promising
				// to “…”": the participle's own subject
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-clause"
			}
			if lo, hi := coordinatedSubject(bws[:k]); lo >= 0 {
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-clause"
			}
		}
		// "he backed Obama over Clinton and said, “…”", "Bush thought for
		// a moment and said that …": the verb shares the subject of the
		// clause's first verb
		if a := andBefore(bws, k); a > 0 && !strings.HasSuffix(v, "ing") {
			if lo, hi := coordinatedSubject(bws[:a]); lo >= 0 {
				return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-clause"
			}
		}
	}
	// "Said Comey, “…”": the verb opens the sentence, the name follows
	if len(bws) >= 2 && len(bws) <= 6 && speechVerbs[strings.ToLower(bws[0].Text)] && unicode.IsUpper(firstRune(bws[0].Text)) &&
		!strings.HasSuffix(strings.ToLower(bws[0].Text), "ing") && strings.ToLower(bws[0].Text) != "according" &&
		strings.HasSuffix(strings.TrimRight(before, " \u00a0"), ",") && firstGlued(bws, len(bws)) < 0 {
		if p := bws[1:]; subject(p) != "" && !determiner(p[0].Text) && isName(before[p[0].Start:p[len(p)-1].End]) {
			return before[p[0].Start:p[len(p)-1].End], bstart + p[0].Start, "before"
		}
	}
	// "Sanders delivered a snappy retort: “…”", "Kasich resisted: “…”":
	// a colon after the clause of the sentence's subject introduces that
	// subject's words
	if strings.HasSuffix(strings.TrimRight(before, " \u00a0"), ":") {
		if lo, hi := clauseSubject(bws); lo >= 0 && (lo == 0 || bws[lo].Glued) && isName(before[bws[lo].Start:bws[hi-1].End]) &&
			!pronounSpeakers[strings.ToLower(bws[lo].Text)] {
			return before[bws[lo].Start:bws[hi-1].End], bstart + bws[lo].Start, "before-clause"
		}
	}
	return "", -1, ""
}

// nameBeforeAside returns the name ws[lo:hi] (words of text) that stands
// between commas or dashes right before an aside in lower case that ends
// at the verb ws[k] ("…, David Axelrod, who was chief strategist, said"),
// or that is such an aside after a role ("…, her senior policy adviser,
// Jake Sullivan, said"), or lo = -1.
func nameBeforeAside(text string, ws []names.Word, k int) (lo, hi int) {
	// a comma or a dash parts the name from what is around it, not a
	// quotation mark ("a class called “Perception” on his page")
	parted := func(j int) bool {
		gap := text[ws[j-1].End:ws[j].Start]
		return strings.ContainsAny(gap, ",—–") || strings.Contains(gap, "--")
	}
	g := -1 // the aside's first word
	for j := k - 1; j > 0; j-- {
		if ws[j].Glued {
			g = j
			break
		}
	}
	if g < 1 || !parted(g) || !parted(k) {
		return -1, -1
	}
	if unicode.IsUpper(firstRune(ws[g].Text)) {
		// "her senior policy adviser, Jake Sullivan, said": the name is
		// the aside, after a role in lower case
		r := g - 1
		for r > 0 && !ws[r].Glued {
			r--
		}
		if k-g > 4 || subject(ws[g:k]) == "" || determiner(ws[g].Text) || !roleWords(ws[r:g]) || !unicode.IsLower(firstRune(ws[g-1].Text)) ||
			(r > 0 && !parted(r)) {
			return -1, -1
		}
		return g, k
	}
	lo = 0
	for j := g - 1; j > 0; j-- {
		if ws[j].Glued {
			if !parted(j) {
				return -1, -1
			}
			lo = j
			break
		}
	}
	name := ws[lo:g]
	if len(name) > 4 || subject(name) == "" || determiner(name[0].Text) || pronounSpeakers[strings.ToLower(name[0].Text)] || subordinator(name[0].Text) {
		return -1, -1
	}
	return lo, g
}

// nameColon returns the name that a colon right before the quotation at
// text[open:] follows, when the name opens its sentence or follows a dash
// ("Pollsters agree - Carl Bialik: “…”"), and its offset; or "". Who
// the name is, is for the article to say (a place or a label is no
// speaker); "Trump attacked Clinton: “…”" names no one, as Clinton
// does not open the clause.
func nameColon(text string, open int) (string, int) {
	b := strings.TrimRightFunc(text[:open], func(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' })
	if !strings.HasSuffix(b, ":") {
		return "", -1
	}
	b = b[:len(b)-1]
	base := max(0, len(b)-60)
	ws := names.WordsN(b[base:], 16)
	lo := len(ws)
	for lo > 0 && len(ws)-lo < 4 && unicode.IsUpper(firstRune(ws[lo-1].Text)) && (lo == len(ws) || !ws[lo].Glued) {
		lo--
	}
	if lo == len(ws) || (lo == 0 && base > 0) {
		return "", -1 // no name, or one that may go on further back
	}
	// what comes before the name: nothing, a sentence's end (a
	// quotation's too) or a dash
	pre := strings.TrimRight(b[:base+ws[lo].Start], " \t\u00a0”’\"'")
	if pre != "" && !strings.HasSuffix(pre, "\n") && !strings.ContainsRune(".!?-—–", lastRune(pre)) {
		return "", -1
	}
	if lo < len(ws)-1 && (finiteVerb(strings.ToLower(ws[lo].Text)) || speechVerbs[strings.ToLower(ws[lo].Text)]) {
		lo++ // "Continued Stone: “…”": a verb opens the sentence
	}
	if subject(ws[lo:]) == "" || determiner(ws[lo].Text) || pronounSpeakers[strings.ToLower(ws[lo].Text)] {
		return "", -1
	}
	return b[base+ws[lo].Start : base+ws[len(ws)-1].End], base + ws[lo].Start
}

func lastRune(s string) rune {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// tailCue returns the speaker named by the clause that ends the sentence
// of a quotation closing at close, after a comma ("“…” that is blatantly
// sexist, Brock said."; "…, said Brock."), with no other quotation
// between, and its offset; or "".
func tailCue(text string, close int) (string, int) {
	rest := text[close:]
	e := sentenceEnd(rest, 0)
	sent := strings.TrimRight(rest[:e], " ")
	if !strings.HasSuffix(sent, ".") || strings.ContainsAny(sent, "\"“”„«»\n") {
		return "", -1
	}
	c := strings.LastIndexByte(sent, ',')
	if c < 0 {
		return "", -1
	}
	clause := sent[c+1 : len(sent)-1]
	ws := names.Words(clause)
	if len(ws) < 2 {
		return "", -1
	}
	short := len(ws) <= 8 // a long last clause may still be a role after the cue
	base := close + c + 1
	// the verb ends the clause, or a short phrase of time or place follows
	// it ("…, he said in an interview.", "…, Brock said on Monday.")
	for v := len(ws) - 1; short && v >= 1 && v >= len(ws)-5; v-- {
		if !isVerb(ws[v]) || !plainVerb(ws[v].Text) {
			continue
		}
		if v < len(ws)-1 && !circumstance(ws[v+1].Text) {
			return "", -1
		}
		// "…, Brock said.", "…, Republican candidate Ben Carson said."
		if lo, hi := subjectEnding(ws, v); lo >= 0 && (lo == 0 || !determiner(ws[lo].Text) && roleWords(ws[:lo]) && isName(clause[ws[lo].Start:ws[hi-1].End])) {
			return clause[ws[lo].Start:ws[hi-1].End], base + ws[lo].Start
		}
		return "", -1
	}
	if short && isVerb(ws[0]) && plainVerb(ws[0].Text) && !listener(ws[0].Text) && subject(ws[1:]) != "" && !determiner(ws[1].Text) {
		return clause[ws[1].Start:ws[len(ws)-1].End], base + ws[1].Start
	}
	// "…” that Sanders can win, said Steve Elmendorf, a campaign manager
	// for John Kerry.": the inverted verb and the name, then a role
	if p := strings.LastIndexByte(sent[:c], ','); p >= 0 {
		clause, base = sent[p+1:c], close+p+1
		ws = names.Words(clause)
		if len(ws) >= 2 && len(ws) <= 6 && isVerb(ws[0]) && plainVerb(ws[0].Text) && !listener(ws[0].Text) &&
			subject(ws[1:]) != "" && !determiner(ws[1].Text) && isName(subject(ws[1:])) && unicode.IsLower(firstRune(firstWord(sent[c+1:]))) {
			return clause[ws[1].Start:ws[len(ws)-1].End], base + ws[1].Start
		}
	}
	return "", -1
}

// characterizes says whether ws[k] is a verb that gives its object a
// name in the words after "as" that end ws, just before the quotation
// ("Bush referred to Rubio as “…”", "denounced the remarks as a “…”").
func characterizes(ws []names.Word, k int) bool {
	switch strings.ToLower(ws[k].Text) {
	case "described", "describes", "referred", "refers", "denounced", "denounces", "labeled", "labelled", "labels",
		"dubbed", "dubs", "branded", "brands", "characterized", "characterizes", "characterised", "derided", "derides":
	default:
		return false
	}
	e := len(ws)
	if e-1 > k && determiner(ws[e-1].Text) {
		e-- // "as a"
	}
	return e-1 > k+1 && strings.EqualFold(ws[e-1].Text, "as") && !ws[e-1].Glued
}

// calledObject says whether the words between "called" and the
// quotation are only its object ("the remarks a"), at most seven, with no
// verb of another clause ("the ruling fair in a note that said").
func calledObject(ws []names.Word) bool {
	if len(ws) > 7 {
		return false
	}
	for _, w := range ws {
		if isVerb(w) || finiteVerb(w.Text) {
			return false
		}
	}
	return true
}

// commaSoon says whether punctuation ends the clause of the verb ws[k]
// within five words ("As Blum observed after the debate, …").
func commaSoon(ws []names.Word, k int) bool {
	for j := k + 1; j < len(ws) && j <= k+5; j++ {
		if ws[j].Glued {
			return true
		}
	}
	return false
}

// firstGlued returns the index of the first word of ws after punctuation,
// among the first n, or -1.
func firstGlued(ws []names.Word, n int) int {
	for k := 1; k < len(ws) && k < n; k++ {
		if ws[k].Glued {
			return k
		}
	}
	return -1
}

// timeNoun says whether w, after "this", makes a time ("said this week"),
// not the subject of a reported clause ("said this would").
func timeNoun(w string) bool {
	switch strings.ToLower(w) {
	case "week", "weekend", "month", "year", "morning", "afternoon", "evening", "spring", "summer", "fall", "winter", "season", "time":
		return true
	}
	return names.IsDateWord(w)
}

// circumstance says whether a word after a speech verb opens a phrase of
// time or place ("in an interview", "on Monday", "Tuesday", "last week").
func circumstance(w string) bool {
	switch strings.ToLower(w) {
	case "in", "on", "at", "during", "after", "before", "last", "this", "yesterday", "today", "earlier", "later", "recently":
		return true
	}
	return names.IsDateWord(w)
}

// listener says whether a speech verb names its listener after it ("told
// CBS News", "asked the senator"), not its speaker.
func listener(v string) bool {
	switch strings.ToLower(v) {
	case "told", "tells", "asked", "asks", "called", "calls", "thanked", "urged", "urges", "accused", "accuses":
		return true
	}
	return false
}

// clauseSubject returns the last name in ws followed by a verb in lower
// case ("Carson shared a syllabus …"), not inside a subordinate clause, as
// ws[lo:hi], or lo = -1.
func clauseSubject(ws []names.Word) (lo, hi int) {
	for i := len(ws) - 2; i >= 0; i-- {
		next := ws[i+1]
		j := i + 1
		for j < len(ws)-1 && adverb(ws[j].Text) && !ws[j+1].Glued {
			j++ // "Barry Rand later issued"
		}
		if next.Glued || !finiteVerb(ws[j].Text) {
			continue
		}
		if !unicode.IsUpper(firstRune(ws[i].Text)) {
			continue
		}
		// the longest name ending at i
		for l := max(0, i-5); l <= i; l++ {
			if subject(ws[l:i+1]) != "" && !determiner(ws[l].Text) && (l == 0 || ws[l].Glued || !unicode.IsUpper(firstRune(ws[l-1].Text))) {
				if l > 0 && subordinator(ws[l-1].Text) {
					return -1, -1
				}
				return l, i + 1
			}
		}
	}
	return -1, -1
}

// withSubject returns the name ws[lo:hi] between "with" and the
// participle ws[k], past adverbs ("with Cruz recently promising"), or
// lo = -1.
func withSubject(ws []names.Word, k int) (lo, hi int) {
	hi = k
	for hi > 1 && !ws[hi].Glued && adverb(ws[hi-1].Text) {
		hi--
	}
	if ws[hi].Glued {
		return -1, -1
	}
	lo = hi
	for lo > 0 && hi-lo < 4 && unicode.IsUpper(firstRune(ws[lo-1].Text)) && (lo == hi || !ws[lo].Glued) {
		lo--
	}
	if lo == hi || lo == 0 || ws[lo].Glued || !strings.EqualFold(ws[lo-1].Text, "with") || subject(ws[lo:hi]) == "" || determiner(ws[lo].Text) {
		return -1, -1
	}
	return lo, hi
}

// finiteVerb says whether a lower-case word looks like the verb of a
// clause: a past tense ("issued", "told") or a present tense in -s
// ("issues"), not a noun after a name ("Facebook page", "DNC hack").
func finiteVerb(w string) bool {
	if r, _ := utf8.DecodeRuneInString(w); !unicode.IsLower(r) || cutWords[w] || determiner(w) {
		return false
	}
	switch w {
	case "told", "said", "wrote", "gave", "made", "took", "went", "spoke", "sent", "put", "held", "met", "left",
		"got", "came", "saw", "found", "thought", "shot", "struck", "sought", "brought", "led", "won", "lost":
		return true
	}
	return (strings.HasSuffix(w, "ed") && len(w) > 3) || (strings.HasSuffix(w, "es") && len(w) > 4 && !strings.HasSuffix(w, "ies"))
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// subjectEnding returns the longest run of words ws[lo:hi] before the
// verb ws[k] that names a speaker (see subject), past adverbs between them
// ("the president also said"), or lo = -1. The run does not cross
// punctuation.
func subjectEnding(ws []names.Word, k int) (lo, hi int) {
	hi = k
	for hi > 1 && adverb(ws[hi-1].Text) && !ws[hi].Glued {
		hi--
	}
	if hi > 1 && !ws[hi].Glued {
		switch ws[hi-1].Text {
		case "is", "was", "are", "were", "been", "be", "being":
			if !strings.HasSuffix(ws[k].Text, "ing") {
				return -1, hi // "the FBI was warned": the one told, not the speaker
			}
			hi-- // "Clinton is telling customers"
		}
	}
	best := -1
	for lo := hi - 1; lo >= 0 && hi-lo <= 7; lo-- {
		if lo < hi-1 && ws[lo+1].Glued {
			break
		}
		if subject(ws[lo:hi]) != "" && (!determiner(ws[lo].Text) || plainVerb(ws[k].Text)) {
			best = lo
		}
	}
	g := best - 1
	if g > 0 && !ws[best].Glued && determiner(ws[g].Text) {
		g-- // "by the Daily Courier"
	}
	if best > 0 && !ws[best].Glued && quantifier(ws[best-1].Text) {
		// "Some Americans say", "Many Democrats said": some of a group,
		// no one who can be named
		return -1, hi
	}
	if g >= 0 && best > 0 && !ws[g+1].Glued && !ws[best].Glued && governs(ws[g].Text) {
		// "a letter obtained by The Associated Press warns", "America
		// embracing Obama announced": the name is another word's object
		return -1, hi
	}
	return best, hi
}

// governs says whether a lower-case word takes the name after it as its
// object: a preposition, a verb's participle or its past tense.
func governs(w string) bool {
	if preposition(w) {
		return true
	}
	if r := firstRune(w); !unicode.IsLower(r) || adverb(w) {
		return false
	}
	return (strings.HasSuffix(w, "ing") && len(w) > 4) || finiteVerb(w)
}

// preposition says whether w is a preposition whose object a name after
// it is.
func preposition(w string) bool {
	switch w {
	case "by", "of", "for", "with", "to", "from", "about", "against", "like", "than", "toward", "towards",
		"into", "over", "under", "between", "among", "behind", "beside", "via", "per":
		return true
	}
	return false
}

// adverb says whether w may sit between a speaker and the verb.
func adverb(w string) bool {
	l := strings.ToLower(w)
	switch l {
	case "also", "then", "later", "again", "once", "further", "too", "previously", "recently", "has", "had", "have", "however",
		"reportedly", "first", "last", "similarly", "earlier", "still", "himself", "herself", "even", "now":
		return true
	}
	return strings.HasSuffix(l, "ly") && len(l) > 4 && l != "early"
}

// phraseAfter returns the speaker phrase that follows an inverted verb:
// words up to punctuation or a word that starts a new clause.
func phraseAfter(s string, ws []names.Word, base int) (string, int) {
	if len(ws) == 0 {
		return "", -1
	}
	end := 0
	for k, w := range ws {
		if k > 0 && w.Glued || k >= 12 || cutWords[strings.ToLower(w.Text)] {
			break
		}
		end = k + 1
	}
	if end == 0 {
		return "", -1
	}
	p := ws[:end]
	if subject(p) == "" {
		// "said Clinton's top foreign policy aide Jake Sullivan": the
		// name that ends a role
		lo := end
		for lo > 0 && subject(ws[lo-1:end]) != "" && !determiner(ws[lo-1].Text) {
			lo--
		}
		if lo == 0 || lo == end || !roleWords(ws[:lo]) {
			return "", -1
		}
		p = ws[lo:end]
	}
	return s[p[0].Start:p[len(p)-1].End], base + p[0].Start
}

// subordinator says whether w opens a subordinate clause, whose subject
// is not the one who speaks in the main clause.
func subordinator(w string) bool {
	switch strings.ToLower(w) {
	case "when", "if", "after", "as", "because", "although", "though", "while", "since", "before", "until", "once", "whether":
		return true
	}
	return false
}

// clauseEnds says whether punctuation follows the verb ws[k] before the
// quotation: the clause it opens ends there ("When Trump suggested it,
// Rubio said: “…”"), unlike "while Cruz said that the “…”".
func clauseEnds(ws []names.Word, k int) bool {
	for _, w := range ws[k+1:] {
		if w.Glued {
			return true
		}
	}
	return false
}

// isVerb says whether w is a speech verb: one of speechVerbs but
// "according", written in lower case ("the United States has", not
// "says").
func isVerb(w names.Word) bool {
	r, _ := utf8.DecodeRuneInString(w.Text)
	v := strings.ToLower(w.Text)
	return unicode.IsLower(r) && speechVerbs[v] && v != "according"
}

// phrasal says whether ws[k] is a speech verb made with a particle ("shot
// back", "fired back", "pointed out", "chimed in").
func phrasal(ws []names.Word, k int) bool {
	if k+1 >= len(ws) || ws[k+1].Glued {
		return false
	}
	switch strings.ToLower(ws[k].Text) + " " + strings.ToLower(ws[k+1].Text) {
	case "shot back", "fired back", "hit back", "pointed out", "points out", "chimed in", "weighed in", "wrote back", "put it", "puts it",
		"went on", "goes on":
		return true
	}
	return false
}

// answers says whether a speech verb answers a question ("answered",
// "replied").
func answers(v string) bool {
	switch strings.ToLower(v) {
	case "answered", "answers", "replied", "replies", "responded", "responds":
		return true
	}
	return false
}

// opensNext says whether the text after a cue is a comma and a
// quotation that it introduces.
func opensNext(rest string) bool {
	rest = strings.TrimLeft(rest, " \u00a0")
	if !strings.HasPrefix(rest, ",") {
		return false
	}
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(rest[1:], " \u00a0"))
	return r == '“' || r == '"' || r == '‘'
}

// clauseOpener says whether a word after a speech verb opens the clause of
// what was said ("said he would", "said that"): the verb reports that, not
// the quotation before it.
func clauseOpener(w string) bool {
	switch strings.ToLower(w) {
	case "he", "she", "they", "it", "that", "we", "i", "there", "this":
		return true
	}
	return false
}

// nameRun returns how many words open ws as a name: one to four
// capitalised words, not a pronoun or a determiner.
func nameRun(ws []names.Word) int {
	n := 0
	for n < len(ws) && n < 4 && (n == 0 || !ws[n].Glued) {
		r, _ := utf8.DecodeRuneInString(ws[n].Text)
		if !unicode.IsUpper(r) {
			break
		}
		n++
	}
	if n == 0 || pronounSpeakers[strings.ToLower(ws[0].Text)] || determiner(ws[0].Text) || subject(ws[:n]) == "" {
		return 0
	}
	return n
}

// roleWords says whether words before a name describe the person
// ("Sanders campaign manager", "Clinton's top foreign policy aide"): no
// more than six, without punctuation, a pronoun or a word that starts a
// clause.
func roleWords(ws []names.Word) bool {
	if len(ws) == 0 || len(ws) > 6 {
		return false
	}
	for k, w := range ws {
		l := strings.ToLower(w.Text)
		if (k > 0 && w.Glued) || cutWords[l] || pronounSpeakers[l] || speechVerbs[l] {
			return false
		}
	}
	return true
}

// subject says whether words can name a speaker: a pronoun, a capitalised
// name with its titles, or a description with an article ("the North Korean
// foreign minister"); it returns the words joined, or "".
func subject(ws []names.Word) string {
	if len(ws) == 0 {
		return ""
	}
	var parts []string
	for _, w := range ws {
		parts = append(parts, w.Text)
	}
	first := strings.ToLower(ws[0].Text)
	if len(ws) == 1 && pronounSpeakers[first] {
		return parts[0]
	}
	for _, w := range ws {
		if names.IsDateWord(w.Text) {
			return "" // "Friday declared", "a Sunday"
		}
	}
	if cutWords[first] || subordinator(first) || first == "of" {
		return "" // "On Saturday", "When Bush", "In"
	}
	if determiner(first) {
		if len(ws) >= 2 && len(ws) <= 7 {
			for _, w := range ws[1:] {
				if cutWords[strings.ToLower(w.Text)] || pronounSpeakers[strings.ToLower(w.Text)] {
					return ""
				}
			}
			return strings.Join(parts, " ")
		}
		return ""
	}
	switch first {
	case "another", "one", "this", "that", "these", "those", "there", "some", "many", "most", "each", "every",
		"both", "such", "it", "which", "what", "who", "others", "several", "few", "all":
		return "" // "Another question asks …", "Others shouted"
	}
	if last := ws[len(ws)-1].Text; strings.HasSuffix(last, "'s") || strings.HasSuffix(last, "’s") {
		return "" // "Trump's comments"
	}
	if officeOf(ws) {
		return strings.Join(parts, " ") // "Ryan's office", "Sanders' campaign"
	}
	for _, w := range ws {
		r, _ := utf8.DecodeRuneInString(w.Text)
		if !unicode.IsUpper(r) && w.Text != "of" && !strings.HasSuffix(names.Fold(w.Text), "'s") {
			return ""
		}
	}
	return strings.Join(parts, " ")
}

// officeOf says whether words are a capitalised name in the possessive
// and the office, campaign or staff that speaks for that person ("Ryan's
// office", "Sanders' campaign"): a speaker, but not the person.
func officeOf(ws []names.Word) bool {
	if len(ws) < 2 || len(ws) > 4 {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if !unicode.IsUpper(firstRune(w.Text)) {
			return false
		}
	}
	p := ws[len(ws)-2].Text
	if !strings.HasSuffix(p, "'s") && !strings.HasSuffix(p, "’s") && !strings.HasSuffix(p, "s'") && !strings.HasSuffix(p, "s’") {
		return false
	}
	switch ws[len(ws)-1].Text {
	case "office", "campaign", "staff", "team", "spokesman", "spokeswoman", "spokesperson", "lawyer", "lawyers", "attorney", "attorneys":
		return true
	}
	return false
}

// determiner says whether w opens a description ("the minister").
func determiner(w string) bool {
	switch strings.ToLower(w) {
	case "the", "a", "an", "his", "her", "their", "its":
		return true
	}
	return false
}

// plainVerb says whether a speech verb after a description is surely a
// verb: "the mayor said", not "his recent claims".
func plainVerb(v string) bool {
	v = strings.ToLower(v)
	switch v {
	case "said", "says", "told", "tells", "added", "adds", "wrote", "writes", "asked", "asks":
		return true
	}
	return strings.HasSuffix(v, "ed")
}

// shortQuoteOpen returns the offset of the mark that opens the quotation
// closed by r at text[c], when it holds fewer than three words and no
// sentence's end (a scare quote or a title), or -1.
func shortQuoteOpen(text string, c int, r rune) int {
	opener := "“"
	switch r {
	case '"':
		opener = "\""
	case '»':
		opener = "«"
	case '«':
		opener = "»"
	}
	from := max(0, c-60)
	o := strings.LastIndex(text[from:c], opener)
	if o < 0 {
		return -1
	}
	o += from
	q := text[o+len(opener) : c]
	if strings.ContainsAny(q, ".!?\n") || len(names.WordsN(q, 3)) >= 3 {
		return -1
	}
	return o
}

// sentenceBefore returns the text of the sentence holding text[open:]
// up to open, and its offset.
func sentenceBefore(text string, open int) (string, int) {
	s := open
	for s > 0 {
		r, w := utf8.DecodeLastRuneInString(text[:s])
		if (r == '.' || r == '!' || r == '?' || r == '\n') && s < open {
			// "Mr." and "U.S." do not end the sentence
			ws := names.Words(text[max(0, s-w-8):s])
			if len(ws) > 0 && strings.HasSuffix(ws[len(ws)-1].Text, ".") && ws[len(ws)-1].End == s-max(0, s-w-8) {
				s -= w
				continue
			}
			break
		}
		// the sentence of a quotation starts after the previous quotation,
		// but not after a scare quote or a title in it ("Rubio said that
		// by refusing to say the words "radical Islam," Democrats are "…"")
		if strings.ContainsRune("”»«\"", r) && s < open {
			if o := shortQuoteOpen(text, s-w, r); o >= 0 {
				s = o
				continue
			}
			break
		}
		s -= w
	}
	return text[s:open], s
}

// quantifier says whether w takes part of the group a name after it
// names ("some Americans", "many Democrats").
func quantifier(w string) bool {
	switch strings.ToLower(w) {
	case "some", "many", "most", "few", "several", "other", "all", "both", "numerous", "various":
		return true
	}
	return false
}

// andBefore returns the index of the "and" that joins the verb ws[k] to
// the verb before it ("… and said", "… and later said"), or -1.
func andBefore(ws []names.Word, k int) int {
	a := k - 1
	for a > 0 && !ws[a+1].Glued && adverb(ws[a].Text) {
		a--
	}
	if a < 1 || ws[a+1].Glued || ws[a].Text != "and" {
		return -1
	}
	return a
}

// coordinatedSubject returns the subject of the clause that ws, the words
// before "and" and a second verb, open: the last name (see clauseSubject)
// or "he" or "she" followed by a verb in the past or present tense, as
// ws[lo:hi], or lo = -1.
func coordinatedSubject(ws []names.Word) (lo, hi int) {
	lo, hi = clauseSubject(ws)
	for i := len(ws) - 2; i > lo; i-- {
		if p := strings.ToLower(ws[i].Text); (p == "he" || p == "she") && !ws[i+1].Glued && finiteVerb(ws[i+1].Text) {
			return i, i + 1
		}
	}
	return lo, hi
}
