package quotes

import (
	"slices"
	"strings"
	"unicode"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// articleQuotes extracts the quotations of article a and resolves their
// speakers against the names the article gives.
func articleQuotes(st *story.Story, a int, ix *names.Index) []Quote {
	art, lower := st.Articles[a], ix.Lower
	people := castOf(art, a, ix)
	blocks := bodyBlocks(art)
	found := speakingNames(a, ix, blocks, people)
	// the people each block names are read for a pronoun that speaks
	// ("he said"), when the first is resolved, and not at all in an
	// article that has none: the cast is complete by then
	ments := &mentions{}
	ments.fill = func() {
		for k, bq := range blocks {
			// a headline or a label (title) names no one a later "he"
			// refers to: its names are not read
			if bq.title {
				ments.add(bq.bi, "", nil, nil, people)
				continue
			}
			ments.add(bq.bi, bq.text, found[k], speakingAfter(bq.text, found[k]), people)
		}
	}
	return attribute(a, blocks, people, ments, lower)
}

// filled returns m once the people of every block are added to it.
func (m *mentions) filled() *mentions {
	if f := m.fill; f != nil {
		m.fill = nil
		f()
	}
	return m
}

// castOf returns the people article art (article a of the story ix
// indexes) names in its paragraphs, standfirst and captions, with the
// words before each mention.
func castOf(art story.Article, a int, ix *names.Index) *cast {
	people := &cast{}
	for bi, b := range art.Blocks {
		// headlines and headings are often in title case ("Santorum
		// Defends Comments"), which reads as a name
		if b.Kind != segment.Paragraph && b.Kind != segment.Standfirst && b.Kind != segment.Caption {
			continue
		}
		// a name's words are split once, for its core and its tokens, and
		// a block's names found once for every check
		ix.Cores(a, bi, func(n names.NameSpan, toks []string) {
			if !names.PersonLikeTokens(n, toks) && !(len(toks) == 1 && kinBefore(b.Text[:n.Start])) || afterThe(b.Text, n) {
				return
			}
			// the last six words before the name, read into a buffer
			// that 60 bytes seldom overflow
			var buf [24]names.Word
			ctx := names.AppendWords(buf[:0], b.Text[max(0, n.Start-60):n.CoreStart])
			var cw []string
			if len(ctx) > 0 {
				ctx = ctx[max(0, len(ctx)-6):]
				cw = make([]string, len(ctx))
				for i, w := range ctx {
					cw[i] = strings.TrimSuffix(names.Fold(w.Text), "'s")
				}
			}
			people.addTokens(n.Core, toks, cw)
		})
	}
	return people
}

// kinBefore says whether the text before a name ends with a word of
// kinship and a comma ("Her father, Brad", "Trump's wife, Melania"): the
// one word that follows is a person's given name.
func kinBefore(before string) bool {
	b := strings.TrimRight(before, " ")
	if !strings.HasSuffix(b, ",") {
		return false
	}
	ws := names.WordsN(b[max(0, len(b)-20):], 4)
	if len(ws) == 0 {
		return false
	}
	switch strings.ToLower(ws[len(ws)-1].Text) {
	case "wife", "husband", "father", "mother", "son", "daughter", "brother", "sister", "dad", "mom", "widow", "grandson", "granddaughter":
		return true
	}
	return false
}

// blockQuotes is the quotations of one body block.
type blockQuotes struct {
	bi    int
	spans []Span
	text  string // the block's text, its quotations masked
	title bool   // a line in title case: a headline or a label
}

// whole says whether a block is one quotation and nothing else, whose
// speaker may be the one a paragraph next to it names.
func (bq blockQuotes) whole() bool {
	return len(bq.spans) == 1 && bq.spans[0].Style != Colon && blank(bq.text) && !bq.spans[0].Unclosed
}

// bodyBlocks returns the quotations of each body block of art, and its
// text with them masked, so that the people it names outside them can
// be read.
func bodyBlocks(art story.Article) []blockQuotes {
	var blocks []blockQuotes
	headline := untitledHeadline(art)
	for bi, b := range art.Blocks {
		if !b.Kind.IsBody() {
			continue
		}
		spans := Extract(b.Text)
		blocks = append(blocks, blockQuotes{bi, spans, plainSpaces(masked(b.Text, spans)), titleCase(b.Text) || bi == headline})
	}
	return blocks
}

// speakingNames adds to people the names article a of the story ix
// indexes gives as speakers, and returns the names each block of blocks
// (but titles) gives outside its quotations.
func speakingNames(a int, ix *names.Index, blocks []blockQuotes, people *cast) [][]names.NameSpan {
	lower := ix.Lower
	// a name the article gives as a speaker ("Walsh said") is a person,
	// even alone and untitled: one a later "he" may refer to. The same
	// speakers come back quotation after quotation: each is read once.
	speaking := map[string]string{} // speaker as written → the name to add, or ""
	for _, bq := range blocks {
		for _, sp := range bq.spans {
			if bq.title || sp.Speaker == "" || sp.how == "colon-label" || sp.how == "name-colon" {
				continue
			}
			core, ok := speaking[sp.Speaker]
			if !ok {
				core = speakingName(sp.Speaker, lower)
				speaking[sp.Speaker] = core
			}
			if _, seen := people.index[core]; !seen && core != "" {
				people.add(core, nil)
			}
		}
	}
	found := make([][]names.NameSpan, len(blocks))
	for k, bq := range blocks {
		if bq.title {
			continue
		}
		// "Cruz openly admitted …": a name that speaks. The names the
		// index found for the cast serve, but around the quotations
		// masked: a block's words are split once
		ns := ix.NamesKnownIn(a, bq.bi, bq.text, people.words())
		found[k] = ns
		for _, n := range ns {
			// most names are known already, and few speak: the words of
			// a name are folded only for one that does
			if _, seen := people.index[n.Core]; !seen && n.Core != "" && nameLike(n.Core) && speaksAfter(bq.text, n.Start, n.End) &&
				!names.PersonLike(n) && speakerName(n.Core) {
				people.add(n.Core, nil)
			}
		}
	}
	return found
}

// speakingName returns the name a speaker as written gives when it is one
// the cast may lack: a person's name that does not look like one alone
// (one word, no title), as "Walsh said" gives; else "".
func speakingName(speaker string, lower map[string]bool) string {
	if pronounSpeakers[strings.ToLower(speaker)] || determiner(firstWord(speaker)) {
		return ""
	}
	if ns := names.Names(speaker, lower); len(ns) > 0 {
		if n := ns[len(ns)-1]; n.Core != "" && nameLike(n.Core) && !names.PersonLike(n) && speakerName(n.Core) {
			return n.Core
		}
	}
	return ""
}

// speakingAfter says, for each name ns of text, whether a speech verb
// follows it (speaksAfter).
func speakingAfter(text string, ns []names.NameSpan) []bool {
	speaking := make([]bool, len(ns))
	for i, n := range ns {
		speaking[i] = speaksAfter(text, n.Start, n.End)
	}
	return speaking
}

// attribute returns the quotations of blocks, each with its speaker: the
// one its own cue names, else the one a paragraph before announces or
// whose words it goes on with, else the one the next paragraph signs.
func attribute(a int, blocks []blockQuotes, people *cast, ments *mentions, lower map[string]bool) []Quote {
	n := 0
	for _, bq := range blocks {
		n += len(bq.spans)
	}
	out := make([]Quote, 0, n)
	var ws []names.Word                      // a buffer for the words of each quotation
	prev := make([]int, 0, maxPronounBlocks) // the body blocks before, nearest first
	carried := ""                            // the speaker a paragraph announces for the next
	goesOn := ""                             // the speaker whose words a paragraph ends with
	for k, bq := range blocks {
		signed := ""
		if k+1 < len(blocks) {
			signed = signature(blocks[k+1].text)
		}
		opens := len(bq.spans) > 0 && bq.spans[0].Style != Colon && firstNonSpace(bq.text) >= bq.spans[0].Close-1 &&
			!anySpeaker(bq.spans)
		whole := bq.whole()
		var last Quote
		for _, sp := range bq.spans {
			q := Quote{Article: a, Block: bq.bi, Start: sp.Start, End: sp.End, Text: sp.Text, Style: sp.Style,
				SpeakerAsWritten: sp.Speaker, Unclosed: sp.Unclosed, how: sp.how}
			switch {
			case bq.title || !quotation(sp) || sp.nested:
			case sp.how == "colon-label":
				// a label and a colon opening a line without quotation
				// marks tags it ("TAPPER:" in a transcript, "Breaking:",
				// "Poll:"): its words are compared, but no sentence says
				// who said them
			case sp.Speaker != "":
				q.Speaker = resolve(sp.Speaker, sp.SpeakerStart, bq.bi, prev, people, ments, lower)
				if sp.how == "name-colon" && people.known(sp.Speaker) == "" {
					q.Speaker = "" // "Breaking:", "Poll:", a kicker: a label, not a person
				}
			case opens && carried != "" && sp.Style != Colon:
				// a paragraph that opens with a quotation after one that
				// announces it ("Dr. Ward stated:")
				q.Speaker, q.how = carried, "next-para"
			case whole && signed != "":
				// a paragraph that is a quotation, signed by the next
				// ("— Sanders.")
				q.SpeakerAsWritten, q.how = signed, "signed"
				q.Speaker = resolve(signed, 0, blocks[k+1].bi, prev, people, ments, lower)
			case whole && goesOn != "":
				q.Speaker, q.how = goesOn, "cont-para"
			}
			last = q
			q.seq, q.words, ws = wordsIn(q.Text, ws)
			q.sure, q.quoted = confident(q), isQuotation(q.Text)
			out = append(out, q)
		}
		goesOn = ""
		if k+1 < len(blocks) && blocks[k+1].whole() {
			goesOn = goesOnAfter(bq, last, prev, people, ments, lower)
		}
		// "Dr. Ward stated:" and the quotation in the next paragraph
		carried = ""
		if raw, pos := colonCue(bq.text); raw != "" {
			carried = resolve(raw, pos, bq.bi, prev, people, ments, lower)
		}
		if len(prev) < maxPronounBlocks {
			prev = append(prev, 0)
		}
		copy(prev[1:], prev)
		prev[0] = bq.bi
	}
	return out
}

// goesOnAfter returns the speaker whose words block bq, with last its
// last quotation, may go on with in a next paragraph that is one
// quotation and nothing else, or "".
func goesOnAfter(bq blockQuotes, last Quote, prev []int, people *cast, ments *mentions, lower map[string]bool) string {
	// a paragraph that ends with a quotation and its speaker's name
	// ("“…,” Collins told MSNBC.")
	if n := len(bq.spans); n > 0 && last.Unclosed && last.Speaker != "" && last.Style != Colon {
		// a quotation left open at the paragraph's end goes on in the
		// next, which opens with a quotation mark
		return last.Speaker
	}
	if n := len(bq.spans); n > 0 && last.Speaker != "" && isName(last.SpeakerAsWritten) && !pronounSpeakers[strings.ToLower(last.SpeakerAsWritten)] &&
		(last.how == "X-said" || last.how == "said-X" || last.how == "X-aside-said") && endsWithCue(bq.text, bq.spans[n-1].Close) {
		return last.Speaker
	}
	if len(bq.spans) == 0 && !bq.title {
		// "Carter said that the United States would not leave the
		// region." and a paragraph that is the quotation: his words
		if raw, pos := reportedCue(bq.text); raw != "" && isName(raw) && !pronounSpeakers[strings.ToLower(raw)] {
			return resolve(raw, pos, bq.bi, prev, people, ments, lower)
		}
	}
	return ""
}

// endsWithCue says whether the text after a quotation closing at close is
// no more than one short clause that ends the paragraph (the quotation's
// attribution: "…,” Collins told MSNBC.").
func endsWithCue(text string, close int) bool {
	rest := strings.TrimRightFunc(text[min(close, len(text)):], unicode.IsSpace)
	return len(names.WordsN(rest, 13)) <= 12 && sentenceEnd(rest, 0) >= len(rest)-1
}

// anySpeaker says whether a span of spans states a speaker.
func anySpeaker(spans []Span) bool {
	for _, sp := range spans {
		if sp.Speaker != "" {
			return true
		}
	}
	return false
}

// colonCue returns the speaker of a paragraph that ends by announcing a
// quotation ("Dr. Ward stated:", "He said:"), and its offset, or "".
func colonCue(text string) (string, int) {
	t := strings.TrimRight(text, " \n")
	if !strings.HasSuffix(t, ":") {
		return "", -1
	}
	s := strings.LastIndexAny(t[:len(t)-1], ".!?:")
	ws := names.Words(t[s+1 : len(t)-1])
	if len(ws) < 2 {
		return "", -1
	}
	if v := strings.ToLower(ws[len(ws)-1].Text); speechVerbs[v] && v != "according" && len(ws) <= 12 {
		lo, hi := subjectEnding(ws, len(ws)-1)
		if lo < 0 {
			return "", -1
		}
		return t[s+1:][ws[lo].Start:ws[hi-1].End], s + 1 + ws[lo].Start
	}
	// "As Joel Pollak observed, the winner was not on the stage:", "Cruz
	// fired back on Twitter:": the speaker a quotation there would have
	if sp, at, how := cueSpeaker(text, len(t)-1, len(t)-1); sp != "" && strings.HasPrefix(how, "before") {
		return sp, at
	}
	return "", -1
}

// signature returns the name of a paragraph that is nothing but a dash
// and a name ("- Bernie Sanders.", "— Sanders"), as a quotation set apart
// is signed, or "".
func signature(text string) string {
	t := strings.TrimSpace(text)
	for _, d := range []string{"-", "—", "–"} {
		if strings.HasPrefix(t, d) {
			n := strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(t[len(d):]), "."))
			if ws := names.Words(n); len(ws) >= 1 && len(ws) <= 4 && isName(n) && nameLike(n) && !strings.ContainsAny(n, ",;:") {
				return n
			}
			return ""
		}
	}
	return ""
}

// reportedCue returns the speaker whose words the last sentence of a
// paragraph reports ("Carter said that …"), and its offset, or "".
func reportedCue(text string) (string, int) {
	t := strings.TrimRight(text, " \n")
	if !strings.HasSuffix(t, ".") {
		return "", -1
	}
	sp, at, how := cueSpeaker(t, len(t), len(t))
	if how != "before" && how != "before-clause" {
		return "", -1
	}
	return sp, at
}

// untitledHeadline returns the index of the block that is the headline of
// an article read from plain text, which has no title and no headline
// block: its first block when that is one short line. It returns -1
// otherwise. A headline's "Lynch: No outside influence on FBI probe" is a
// kicker, not speech.
func untitledHeadline(art story.Article) int {
	if art.Title != "" || len(art.Blocks) < 2 {
		return -1
	}
	for _, b := range art.Blocks {
		if b.Kind == segment.Headline {
			return -1
		}
	}
	b := art.Blocks[0]
	if b.Kind != segment.Paragraph || strings.Contains(b.Text, "\n") || len(names.Words(b.Text)) > 20 {
		return -1
	}
	return 0
}

// afterThe says whether an untitled name follows "the" ("The
// Conservative Case for Trump", "the Clinton Foundation"): a title or an
// organisation, not a person.
func afterThe(text string, n names.NameSpan) bool {
	if n.Titled {
		return false
	}
	before := strings.TrimRightFunc(text[:n.Start], unicode.IsSpace)
	return strings.HasSuffix(before, " the") || strings.HasSuffix(before, " The") || before == "The" || before == "the"
}

// masked returns text with its quotations blanked out (same length), so
// that names inside a quotation are not taken for the people it is about.
// A quotation that ends a sentence ("… called it “arbitrary.” Hendler
// warned …") leaves a full stop where its closing mark was, so that the
// sentences around it stay apart.
func masked(text string, spans []Span) string {
	if !slices.ContainsFunc(spans, func(sp Span) bool { return sp.Style != Colon }) {
		return text // nothing to mask: most paragraphs, without a copy
	}
	b := []byte(text)
	for _, sp := range spans {
		if sp.Style == Colon {
			continue
		}
		for i := sp.Open; i < sp.Close && i < len(b); i++ {
			b[i] = ' '
		}
		if !sp.Unclosed && sp.Close <= len(b) && sp.Close > sp.End && endsSentence(text[sp.Start:sp.Close]) {
			b[sp.Close-1] = '.'
		}
	}
	return string(b)
}

// endsSentence says whether a quotation's words, with their closing mark,
// end with a full stop, a question or an exclamation mark.
func endsSentence(s string) bool {
	s = strings.TrimRight(s, "”’\"'» ")
	return s != "" && strings.ContainsRune(".!?", rune(s[len(s)-1]))
}

// blank says whether a block's masked text holds nothing but its
// quotations: spaces and the full stops they leave.
func blank(masked string) bool {
	return strings.Trim(masked, " \t\n.") == ""
}

// resolve turns an attribution as written into a speaker: a pronoun into
// the person the sentence or the text before is about, a name into the
// fullest form the article gives, a description into the person the article
// introduces with those words. It returns the attribution itself, trimmed of
// an article, when nothing better is known, and "" for an unresolved
// pronoun.
func resolve(raw string, pos, bi int, prev []int, people *cast, ments *mentions, lower map[string]bool) string {
	l := strings.ToLower(raw)
	if pronounSpeakers[l] {
		// "I" and "we" are the writer or a group; "they" and "it" name
		// no one person
		return ments.filled().resolvePronoun(l, bi, pos)
	}
	// a name or a description depends on the article's people alone,
	// and the same speakers come back quotation after quotation
	if v, ok := people.resolved[raw]; ok {
		return v
	}
	v := resolveName(raw, l, people, lower)
	if people.resolved == nil {
		people.resolved = map[string]string{}
	}
	people.resolved[raw] = v
	return v
}

// resolveName is resolve for an attribution that is no pronoun, l in
// lower case.
func resolveName(raw, l string, people *cast, lower map[string]bool) string {
	if ws := names.Words(raw); officeOf(ws) {
		return strings.TrimSpace(raw) // "Ryan's office": who speaks for him, not he
	}
	det := strings.HasPrefix(l, "the ") || strings.HasPrefix(l, "a ") || strings.HasPrefix(l, "an ") ||
		strings.HasPrefix(l, "his ") || strings.HasPrefix(l, "her ") || strings.HasPrefix(l, "their ")
	if !det {
		// a name, never a description: "Will urged" is George Will, not
		// whoever the article calls something "will"
		core := strings.TrimSpace(raw)
		// the words of the story written in lower case elsewhere do not
		// strip the name's first word: "Strengthen Social Security" is
		// a name where it stands, inside its sentence
		if ns := names.Names(raw, nil); len(ns) > 0 && ns[len(ns)-1].Core != "" {
			core = ns[len(ns)-1].Core
		} else if names.CommonWord(names.Fold(firstWord(raw))) {
			return "" // "Amid …": a sentence's first word, no name
		}
		if p := people.known(core); p != "" {
			return p
		}
		if !nameLike(core) || len(names.Words(core)) < 2 {
			return "" // one word the article never names a person by
		}
		return core
	}
	// a description that ends in the name it stands for: "the Post's
	// senior politics editor Steven Ginsberg" (the cue stops before "for"
	// or "to": "a spokesman for Paul Ryan" is "a spokesman")
	trimmed := strings.TrimSpace(raw)
	if ns := names.Names(trimmed, lower); len(ns) > 0 {
		n := ns[len(ns)-1]
		if n.End == len(trimmed) && n.Start > 0 && n.Core != "" {
			if p := people.known(n.Core); p != "" {
				return p
			}
			if nameLike(n.Core) && len(names.Words(n.Core)) >= 2 {
				return n.Core
			}
		}
	}
	// a description: "the North Korean foreign minister"
	var desc []string
	for _, w := range names.Words(raw) {
		f := names.Fold(w.Text)
		if f == "the" || f == "a" || f == "an" || f == "his" || f == "her" || f == "their" || f == "of" {
			continue
		}
		desc = append(desc, f)
	}
	if len(desc) == 0 {
		return ""
	}
	// "a top aide", "the committee chairmen": someone the article does
	// not name, or several people; "the spokesman" is the person the
	// article calls so right before the name ("the spokesman, Peter Carr")
	head := desc[len(desc)-1]
	indefinite := strings.HasPrefix(l, "a ") || strings.HasPrefix(l, "an ")
	plural := strings.HasSuffix(head, "s") && !strings.HasSuffix(head, "ss") && !strings.HasSuffix(head, "us") ||
		strings.HasSuffix(head, "men") || strings.HasSuffix(head, "people")
	// "the ministry", "the committee": an organisation, not a person
	if !indefinite && !plural && !names.NonPersonWord(head) {
		if best := people.described(desc); best != "" && people.calledRightBefore(best, head) {
			return best
		}
	}
	return trimmed
}

// speaksAfter says whether a speech verb follows a name that ends at end
// in text: right after it, past adverbs ("Cruz openly admitted"), or past
// an aside between commas ("Josh Hendler, a party operative, warned",
// "the pollster, Douglas Schoen, says").
func speaksAfter(text string, start, end int) bool {
	// the word after the name, and the two after it only past an
	// adverb: the loop below reads no further
	next := names.WordsN(text[end:], 1)
	if len(next) == 1 && !next[0].Glued && !isVerb(next[0]) && adverb(next[0].Text) {
		next = names.WordsN(text[end:], 3)
	}
	for j, w := range next {
		if (j > 0 && !adverb(next[j-1].Text)) || w.Glued {
			break
		}
		if isVerb(w) {
			return !reports(w.Text)
		}
	}
	if len(next) == 0 || !next[0].Glued || !strings.HasPrefix(strings.TrimLeft(text[end:], " "), ",") {
		return false
	}
	next = names.WordsN(text[end:], 20) // an aside between commas
	for k := 0; k < len(next); k++ {
		if next[k].Initial && k > 0 {
			return false
		}
		if k > 0 && !next[k].Glued {
			continue
		}
		if !strings.Contains(text[end:][max(0, prevEnd(next, k)):next[k].Start], ",") {
			if k > 0 {
				return false // "Hendler (Texas)": not an aside between commas
			}
			continue
		}
		if k == 0 && !appositive(text[:start]) {
			continue // "in Columbus, Ohio, called": the name ends an aside
		}
		v := k
		for v < len(next) && v < k+2 && adverb(next[v].Text) {
			v++
		}
		if v < len(next) && (v == k || !next[v].Glued) && isVerb(next[v]) && plainVerb(next[v].Text) {
			return !reports(next[v].Text)
		}
	}
	return false
}

// appositive says whether a name may be an appositive whose closing comma
// a verb follows ("Bloomberg's pollster, Douglas Schoen, says"): not when a
// capitalised word and a comma come before it ("in Columbus, Ohio,
// called"), where the name is a place that ends an aside.
func appositive(before string) bool {
	b := strings.TrimRight(before, " ")
	if !strings.HasSuffix(b, ",") {
		return true
	}
	ws := names.WordsN(b[max(0, len(b)-40):], 8)
	return len(ws) == 0 || !unicode.IsUpper(firstRune(ws[len(ws)-1].Text))
}

// reports says whether a speech verb is the one of a news outlet ("CBS
// News reported"): its subject is no person a later "he" refers to.
func reports(v string) bool {
	return v == "reported" || v == "reports"
}

// prevEnd returns the end of the word before ws[k], or 0.
func prevEnd(ws []names.Word, k int) int {
	if k == 0 {
		return 0
	}
	return ws[k-1].End
}
