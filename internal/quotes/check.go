// Package quotes extracts the quotations of every article of a story, with
// their speakers, and groups the same quotation across outlets: who quoted
// whom, in what words, and where the outlets disagree (other words, another
// speaker) or only one outlet has it. Quotations are grouped by their own
// words, across all body blocks, not only inside aligned events; the word
// diffs between members are computed here with worddiff.
package quotes

import (
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Quote is one quotation in one article.
type Quote struct {
	Article int `json:"article"`
	// Block is the index of the block in the article; Start and End are
	// the byte offsets of Text in the block's text.
	Block int    `json:"block"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Style Style  `json:"style"`
	// Speaker is who said it: the full name when the article gives one
	// (a pronoun or a description like "the North Korean foreign minister"
	// resolved from the article), else the attribution as written; empty
	// when the article does not say.
	Speaker string `json:"speaker"`
	// SpeakerAsWritten is the attribution as the text gives it ("Choe",
	// "he", "the North Korean foreign minister").
	SpeakerAsWritten string `json:"speaker_as_written,omitempty"`
	// Unclosed says the quotation has no closing mark in its block.
	Unclosed bool `json:"unclosed,omitempty"`

	how   string   // which cue and resolution gave the speaker
	words []string // folded content words, stemmed
	seq   []string // folded words in order
}

// Diff is the word diff between two members of a group: Ops turn
// Members[From].Text into Members[To].Text. When the second is a shorter
// cut of the quotation, Ops compare it with the words of the first that it
// corresponds to: Members[From].Text[Window[0]:Window[1]].
type Diff struct {
	From   int           `json:"from"`
	To     int           `json:"to"`
	Window *[2]int       `json:"window,omitempty"`
	Ops    []worddiff.Op `json:"ops"`
}

// Group is one quotation as reported by one or more articles.
type Group struct {
	// Members are the quotations; Members[0] is the longest of the first
	// article that has it, the others follow in article and text order.
	Members []Quote `json:"members"`
	// Diffs compare Members[0] with each other member, in member order.
	Diffs []Diff `json:"diffs"`
	// Articles lists the articles that have the quotation.
	Articles []int `json:"articles"`
	// Speakers are the distinct speakers the members give, in member order.
	Speakers []string `json:"speakers"`
	// SpeakersDiffer says two articles name different people as the
	// speaker, each with confidence (see confident), and the names are not
	// forms of one name: the quotation is misattributed in one of them.
	SpeakersDiffer bool `json:"speakers_differ"`
	// UnclearIn lists the articles whose speaker for the quotation is not
	// confident (none, a pronoun or description, or carried from the
	// quotation before) while another article names one with confidence:
	// "speaker unclear in <outlet>", never a misattribution.
	UnclearIn []int `json:"unclear_in,omitempty"`
	// WordingDiffers says some member words the quotation differently
	// inside the part both give (not only a shorter cut of it).
	WordingDiffers bool `json:"wording_differs"`
	// OneOutlet says only one article has the quotation.
	OneOutlet bool `json:"one_outlet"`
}

// Report is the quote check of a whole story.
type Report struct {
	// Quotes are all quotations, by article, block and position.
	Quotes []Quote `json:"quotes"`
	// Groups are the quotations grouped across articles, in order of
	// their first member.
	Groups []Group `json:"groups"`
	// Differing counts groups of two or more articles whose wording or
	// speakers differ; Misattributed those whose speakers differ;
	// OneOutlet groups found in one article only.
	Differing     int `json:"differing"`
	Misattributed int `json:"misattributed"`
	OneOutlet     int `json:"one_outlet"`
}

// Check extracts and groups the quotations of st's body blocks.
func Check(st *story.Story) *Report {
	lower := facts.LowerWords(st)
	r := &Report{Quotes: []Quote{}, Groups: []Group{}}
	if st.Translation {
		// a translated quotation shares no words with its original
		return r
	}
	// each article's quotations and speakers are its own: the articles
	// are read side by side, as many at once as there are processors
	per := make([][]Quote, len(st.Articles))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for a := range st.Articles {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer func() { <-sem; wg.Done() }()
			per[a] = articleQuotes(st, a, lower)
		}()
	}
	wg.Wait()
	for _, qs := range per {
		r.Quotes = append(r.Quotes, qs...)
	}
	for _, g := range group(r.Quotes) {
		// the words were for grouping: the report does not keep them
		for i := range g.Members {
			g.Members[i].seq, g.Members[i].words = nil, nil
		}
		r.Groups = append(r.Groups, g)
		if g.OneOutlet {
			r.OneOutlet++
		} else if g.WordingDiffers || g.SpeakersDiffer {
			r.Differing++
		}
		if g.SpeakersDiffer {
			r.Misattributed++
		}
	}
	for i := range r.Quotes {
		r.Quotes[i].seq, r.Quotes[i].words = nil, nil
	}
	return r
}

// person is a person named in an article, with the words before each
// mention (titles, roles) that a description may refer to.
type person struct {
	name     string
	toks     []string // facts.NameTokens(name)
	count    int      // mentions
	contexts [][]string
}

// cast is the people an article names, each once, in order of first
// mention.
type cast struct {
	people []person
	index  map[string]int
	// byTokN and similar index the names (see candidates)
	byTokN  map[tokN][]int
	similar map[string][]int
	dels    map[string][]string
	// byTok indexes the people by the words of their names, and
	// quickMemo remembers knownQuick's answers
	byTok     map[string][]int
	quickMemo map[string]string
	wordSet   map[string]bool // see words
	// known and fullest remember their answers: the cast is complete
	// before the first question
	knownMemo, fullestMemo, descMemo map[string]string
	// ctxExact and ctxPrefix index the contexts by word and by the first
	// five bytes of words of five or more (see indexContexts)
	ctxExact, ctxPrefix map[string][]ctxRef
}

// candidates returns, in index order, the people sharing a word with toks
// (within one article a name is spelled one way, so exact words find it)
// that facts.SameTokens may match with toks; the caller tests that. A
// person with fewer words than toks must have all its words like some of
// toks', so one of toks' words itself; one with as many or more must have
// a word like each of toks', so like the one fewest people have. Looking
// only there keeps a first name many people share from making every
// lookup visit them all.
func (c *cast) candidates(toks []string) []int {
	if c.byTokN == nil {
		c.indexNames()
	}
	var out []int
	for _, t := range toks {
		for n := 1; n < len(toks); n++ {
			out = append(out, c.byTokN[tokN{t, n}]...)
		}
	}
	var keys []string
	best := -1
	for _, t := range toks {
		ks, n := c.similarKeys(t)
		if best < 0 || n < best {
			keys, best = ks, n
		}
	}
	for _, k := range keys {
		for _, i := range c.similar[k] {
			if q := c.people[i].toks; len(q) >= len(toks) && shareWord(q, toks) {
				out = append(out, i)
			}
		}
	}
	sort.Ints(out)
	return slices.Compact(out)
}

// tokN is a name word and the number of words of the name.
type tokN struct {
	tok string
	n   int
}

// indexNames indexes the people's names by word and name length, and by
// the keys of similarKeys.
func (c *cast) indexNames() {
	c.byTokN, c.similar = map[tokN][]int{}, map[string][]int{}
	add := func(m map[string][]int, k string, i int) {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != i {
			m[k] = append(l, i)
		}
	}
	for i, p := range c.people {
		for _, t := range p.toks {
			k := tokN{t, len(p.toks)}
			if l := c.byTokN[k]; len(l) == 0 || l[len(l)-1] != i {
				c.byTokN[k] = append(l, i)
			}
			for _, d := range c.deletions(t) {
				add(c.similar, d, i)
			}
		}
	}
}

// similarKeys returns the keys of c.similar under which every person with
// a word facts.SimilarWord matches with t is listed, and how many entries
// they hold. A word like t is t itself or, for five letters or more, one
// edit away: then deleting a letter from each, or from the longer, gives
// the same word, so every deletion of a word is a key.
func (c *cast) similarKeys(t string) ([]string, int) {
	ks := c.deletions(t)
	n := 0
	for _, k := range ks {
		n += len(c.similar[k])
	}
	return ks, n
}

// deletions is deletions(w), computed once per word.
func (c *cast) deletions(w string) []string {
	if d, ok := c.dels[w]; ok {
		return d
	}
	if c.dels == nil {
		c.dels = map[string][]string{}
	}
	d := deletions(w)
	c.dels[w] = d
	return d
}

// deletions returns w and, when it has five letters or more, each word
// made by deleting one of its letters.
func deletions(w string) []string {
	out := []string{w}
	if utf8.RuneCountInString(w) < 5 {
		return out
	}
	for i, r := range w {
		out = append(out, w[:i]+w[i+utf8.RuneLen(r):])
	}
	return out
}

// shareWord says whether a and b have a word in common.
func shareWord(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return true
			}
		}
	}
	return false
}

func (c *cast) add(name string, context []string) {
	if c.index == nil {
		c.index = map[string]int{}
	}
	i, ok := c.index[name]
	if !ok {
		i = len(c.people)
		c.index[name] = i
		c.people = append(c.people, person{name: name, toks: facts.NameTokens(name)})
	}
	c.people[i].count++
	c.people[i].contexts = append(c.people[i].contexts, context)
}

// words returns the set of the words of the people's names, made once
// (a person added later is not in it).
func (c *cast) words() map[string]bool {
	if c.wordSet == nil {
		c.wordSet = map[string]bool{}
		for _, p := range c.people {
			for _, t := range p.toks {
				// a name word that is also a common word ("Will", "May")
				// stays a common word at a sentence's start
				if !facts.CommonWord(t) {
					c.wordSet[t] = true
				}
			}
		}
	}
	return c.wordSet
}

// knownQuick is known without spellings a letter apart: the fullest name
// of the first person whose name holds every word of name as written, or
// "". Pronouns need the people the article names as it writes them, and
// most capitalised runs of a text name no one, so this looks only at the
// people sharing a word with name, through an index of words.
func (c *cast) knownQuick(name string) string {
	if v, ok := c.quickMemo[name]; ok {
		return v
	}
	if c.byTok == nil {
		c.byTok, c.quickMemo = map[string][]int{}, map[string]string{}
		for i, p := range c.people {
			for _, t := range p.toks {
				if l := c.byTok[t]; len(l) == 0 || l[len(l)-1] != i {
					c.byTok[t] = append(l, i)
				}
			}
		}
	}
	toks := facts.NameTokens(name)
	// of the people whose names hold every word, the one the article
	// names most often, the longer name on a tie (as fullest, without
	// spellings)
	best := -1
	if len(toks) > 0 {
	people:
		for _, i := range c.byTok[toks[0]] {
			p := c.people[i]
			if len(p.toks) < len(toks) {
				continue
			}
			for _, t := range toks[1:] {
				if !slices.Contains(p.toks, t) {
					continue people
				}
			}
			if best < 0 || p.count > c.people[best].count || (p.count == c.people[best].count && len(p.toks) > len(c.people[best].toks)) {
				best = i
			}
		}
	}
	v := ""
	if best >= 0 {
		v = c.people[best].name
	}
	c.quickMemo[name] = v
	return v
}

// known returns the fullest name of the article's people that name
// matches, or "".
func (c *cast) known(name string) string {
	if v, ok := c.knownMemo[name]; ok {
		return v
	}
	v := ""
	t := facts.NameTokens(name)
	for _, i := range c.candidates(t) {
		if p := c.people[i]; facts.SameTokens(t, p.toks) {
			v = c.fullest(p)
			break
		}
	}
	if c.knownMemo == nil {
		c.knownMemo = map[string]string{}
	}
	c.knownMemo[name] = v
	return v
}

// fullest returns the name of the people matching p that the article gives
// most often, the longer on a tie.
func (c *cast) fullest(p person) string {
	if v, ok := c.fullestMemo[p.name]; ok {
		return v
	}
	best := p
	for _, i := range c.candidates(p.toks) {
		if q := c.people[i]; facts.SameTokens(p.toks, q.toks) && (q.count > best.count || (q.count == best.count && len(q.toks) > len(best.toks))) {
			best = q
		}
	}
	if c.fullestMemo == nil {
		c.fullestMemo = map[string]string{}
	}
	c.fullestMemo[p.name] = best.name
	return best.name
}

// articleQuotes extracts the quotations of article a and resolves their
// speakers against the names the article gives.
func articleQuotes(st *story.Story, a int, lower map[string]bool) []Quote {
	art := st.Articles[a]
	people := &cast{}
	for _, b := range art.Blocks {
		// headlines and headings are often in title case ("Santorum
		// Defends Comments"), which reads as a name
		if b.Kind != segment.Paragraph && b.Kind != segment.Standfirst && b.Kind != segment.Caption {
			continue
		}
		for _, n := range facts.Names(b.Text, lower) {
			if !facts.PersonLike(n) || afterThe(b.Text, n) {
				continue
			}
			ctx := facts.Words(b.Text[max(0, n.Start-60):n.CoreStart])
			var cw []string
			for _, w := range ctx {
				cw = append(cw, strings.TrimSuffix(facts.Fold(w.Text), "'s"))
			}
			if len(cw) > 6 {
				cw = cw[len(cw)-6:]
			}
			people.add(n.Core, cw)
		}
	}
	// the quotations of each body block, and the people each names
	// outside them
	type blockQuotes struct {
		bi    int
		spans []Span
		text  string // the block's text, its quotations masked
		title bool   // a line in title case: a headline or a label
	}
	var blocks []blockQuotes
	ments := &mentions{}
	headline := untitledHeadline(art)
	for bi, b := range art.Blocks {
		if !b.Kind.IsBody() {
			continue
		}
		spans := Extract(b.Text)
		blocks = append(blocks, blockQuotes{bi, spans, masked(b.Text, spans), titleCase(b.Text) || bi == headline})
	}
	// a name the article gives as a speaker ("Walsh said") is a person,
	// even alone and untitled: one a later "he" may refer to
	for _, bq := range blocks {
		for _, sp := range bq.spans {
			if bq.title || sp.Speaker == "" || sp.how == "colon-label" || pronounSpeakers[strings.ToLower(sp.Speaker)] || determiner(firstWord(sp.Speaker)) {
				continue
			}
			if ns := facts.Names(sp.Speaker, lower); len(ns) > 0 {
				n := ns[len(ns)-1]
				if _, seen := people.index[n.Core]; !seen && n.Core != "" && nameLike(n.Core) && !facts.PersonLike(n) && speakerName(n.Core) {
					people.add(n.Core, nil)
				}
			}
		}
	}
	names := make([][]facts.NameSpan, len(blocks))
	for k, bq := range blocks {
		if bq.title {
			continue
		}
		// "Cruz openly admitted …": a name that speaks
		ns := facts.NamesKnown(bq.text, lower, people.words())
		names[k] = ns
		for _, n := range ns {
			next := facts.WordsN(bq.text[n.End:], 3)
			for j, w := range next {
				if (j > 0 && !adverb(next[j-1].Text)) || w.Glued {
					break
				}
				if isVerb(w) {
					if _, seen := people.index[n.Core]; !seen && n.Core != "" && nameLike(n.Core) && !facts.PersonLike(n) && speakerName(n.Core) {
						people.add(n.Core, nil)
					}
					break
				}
			}
		}
	}
	for k, bq := range blocks {
		// a headline or a label (title) names no one a later "he" refers
		// to: its names are not read
		if bq.title {
			ments.add(bq.bi, "", nil, people)
			continue
		}
		ments.add(bq.bi, bq.text, names[k], people)
	}
	var out []Quote
	var prev []int // the body blocks before, nearest first
	carried := ""  // the speaker a paragraph announces for the next
	goesOn := ""   // the speaker whose words a paragraph ends with
	for _, bq := range blocks {
		opens := len(bq.spans) > 0 && bq.spans[0].Style != Colon && firstNonSpace(bq.text) >= bq.spans[0].Close-1 &&
			!anySpeaker(bq.spans)
		whole := len(bq.spans) == 1 && bq.spans[0].Style != Colon && strings.TrimSpace(bq.text) == "" && !bq.spans[0].Unclosed
		var last Quote
		for _, sp := range bq.spans {
			q := Quote{Article: a, Block: bq.bi, Start: sp.Start, End: sp.End, Text: sp.Text, Style: sp.Style,
				SpeakerAsWritten: sp.Speaker, Unclosed: sp.Unclosed, how: sp.how}
			switch {
			case bq.title || !quotation(sp):
			case sp.Speaker != "":
				q.Speaker = resolve(sp.Speaker, sp.SpeakerStart, bq.bi, prev, people, ments, lower)
				if sp.how == "colon-label" && people.known(sp.Speaker) == "" {
					q.Speaker = "" // "Breaking:", "Poll:", a kicker: a label, not a person
				}
			case opens && carried != "" && sp.Style != Colon:
				// a paragraph that opens with a quotation after one that
				// announces it ("Dr. Ward stated:")
				q.Speaker, q.how = carried, "next-para"
			case whole && goesOn != "":
				q.Speaker, q.how = goesOn, "cont-para"
			}
			last = q
			q.seq, q.words = wordsOf(q.Text)
			out = append(out, q)
		}
		// a paragraph that ends with a quotation and its speaker's name
		// ("“…,” Collins told MSNBC.") goes on in a paragraph that is one
		// quotation and nothing else
		goesOn = ""
		if n := len(bq.spans); n > 0 && last.Speaker != "" && isName(last.SpeakerAsWritten) && !pronounSpeakers[strings.ToLower(last.SpeakerAsWritten)] &&
			(last.how == "X-said" || last.how == "said-X" || last.how == "X-aside-said") && endsWithCue(bq.text, bq.spans[n-1].Close) {
			goesOn = last.Speaker
		}
		// "Dr. Ward stated:" and the quotation in the next paragraph
		carried = ""
		if raw, pos := colonCue(bq.text); raw != "" {
			carried = resolve(raw, pos, bq.bi, prev, people, ments, lower)
		}
		prev = append([]int{bq.bi}, prev...)
		if len(prev) > maxPronounBlocks {
			prev = prev[:maxPronounBlocks]
		}
	}
	return out
}

// endsWithCue says whether the text after a quotation closing at close is
// no more than one short clause that ends the paragraph (the quotation's
// attribution: "…,” Collins told MSNBC.").
func endsWithCue(text string, close int) bool {
	rest := strings.TrimRightFunc(text[min(close, len(text)):], unicode.IsSpace)
	return len(facts.WordsN(rest, 13)) <= 12 && sentenceEnd(rest, 0) >= len(rest)-1
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
	ws := facts.Words(t[s+1 : len(t)-1])
	if len(ws) < 2 || len(ws) > 12 {
		return "", -1
	}
	v := strings.ToLower(ws[len(ws)-1].Text)
	if !speechVerbs[v] || v == "according" {
		return "", -1
	}
	lo, hi := subjectEnding(ws, len(ws)-1)
	if lo < 0 {
		return "", -1
	}
	return t[s+1:][ws[lo].Start:ws[hi-1].End], s + 1 + ws[lo].Start
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
	if b.Kind != segment.Paragraph || strings.Contains(b.Text, "\n") || len(facts.Words(b.Text)) > 20 {
		return -1
	}
	return 0
}

// afterThe says whether an untitled name follows "the" ("The
// Conservative Case for Trump", "the Clinton Foundation"): a title or an
// organisation, not a person.
func afterThe(text string, n facts.NameSpan) bool {
	if n.Titled {
		return false
	}
	before := strings.TrimRightFunc(text[:n.Start], unicode.IsSpace)
	return strings.HasSuffix(before, " the") || strings.HasSuffix(before, " The") || before == "The" || before == "the"
}

// masked returns text with its quotations blanked out (same length), so
// that names inside a quotation are not taken for the people it is about.
func masked(text string, spans []Span) string {
	b := []byte(text)
	for _, sp := range spans {
		if sp.Style == Colon {
			continue
		}
		for i := sp.Open; i < sp.Close && i < len(b); i++ {
			b[i] = ' '
		}
	}
	return string(b)
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
		return ments.resolvePronoun(l, bi, pos)
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
		if ns := facts.Names(raw, nil); len(ns) > 0 && ns[len(ns)-1].Core != "" {
			core = ns[len(ns)-1].Core
		} else if facts.CommonWord(facts.Fold(firstWord(raw))) {
			return "" // "Amid …": a sentence's first word, no name
		}
		if p := people.known(core); p != "" {
			return p
		}
		if !nameLike(core) {
			return ""
		}
		return core
	}
	// a description: "the North Korean foreign minister"
	var desc []string
	for _, w := range facts.Words(raw) {
		f := facts.Fold(w.Text)
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
	if !indefinite && !plural && !facts.NonPersonWord(head) {
		if best := people.described(desc); best != "" && people.calledRightBefore(best, head) {
			return best
		}
	}
	return strings.TrimSpace(raw)
}

// calledRightBefore says whether the article names the person whose
// fullest name is name right after the word head ("the spokesman, Peter
// Carr", "spokesman Peter Carr", "the minister, Choe"), not after a verb
// ("the neurosurgeon told REVOLT TV").
func (c *cast) calledRightBefore(name, head string) bool {
	for _, p := range c.people {
		if c.fullest(p) != name {
			continue
		}
		for _, ctx := range p.contexts {
			if len(ctx) > 0 && containsPrefix(ctx[len(ctx)-1:], head) {
				return true
			}
		}
	}
	return false
}

// speakerName says whether a one-word name that speaks is a person: not a
// word that marks a place or an organisation ("Pentagon said").
func speakerName(core string) bool {
	return facts.PersonLike(facts.NameSpan{Core: core, Titled: true})
}

func firstWord(s string) string {
	if ws := facts.WordsN(s, 1); len(ws) > 0 {
		return ws[0].Text
	}
	return ""
}

// nameLike says whether a name as written can be a speaker: a word of two
// letters or more, not a possessive ("Trump's comments").
func nameLike(core string) bool {
	ws := facts.Words(core)
	if len(ws) == 0 {
		return false
	}
	long := false
	for _, w := range ws {
		if utf8.RuneCountInString(strings.TrimSuffix(w.Text, ".")) >= 2 {
			long = true
		}
	}
	last := ws[len(ws)-1].Text
	return long && !strings.HasSuffix(last, "'s") && !strings.HasSuffix(last, "’s")
}

// described returns the person the article introduces with the words desc
// (the last one the head noun): the one whose mentions most often follow
// words sharing the head and half of the others, or "".
func (c *cast) described(desc []string) string {
	key := strings.Join(desc, "\x00")
	if v, ok := c.descMemo[key]; ok {
		return v
	}
	if c.ctxExact == nil {
		c.indexContexts()
	}
	head := desc[len(desc)-1]
	refs := c.contextsWith(head)
	// when the other words must be there, at least one of them, the
	// mentions with one of them may be fewer than those with the head
	if m := len(desc) - 1; m > 0 {
		n := 0
		for _, d := range desc[:m] {
			n += len(c.contextsWith(d))
		}
		if n < len(refs) {
			var some []ctxRef
			for _, d := range desc[:m] {
				some = append(some, c.contextsWith(d)...)
			}
			slices.SortFunc(some, func(x, y ctxRef) int {
				if x.person != y.person {
					return x.person - y.person
				}
				return x.ctx - y.ctx
			})
			some = slices.Compact(some)
			refs = some[:0]
			for _, r := range slices.Clone(some) {
				if containsPrefix(c.people[r.person].contexts[r.ctx], head) {
					refs = append(refs, r)
				}
			}
		}
	}
	best, bestN := "", 0
	counts := map[string]int{}
	for _, r := range refs {
		p := c.people[r.person]
		ctx := p.contexts[r.ctx]
		ok := 0
		for _, d := range desc[:len(desc)-1] {
			if containsPrefix(ctx, d) {
				ok++
			}
		}
		if 2*ok < len(desc)-1 {
			continue
		}
		name := c.fullest(p)
		counts[name]++
		if counts[name] > bestN {
			best, bestN = name, counts[name]
		}
	}
	if c.descMemo == nil {
		c.descMemo = map[string]string{}
	}
	c.descMemo[key] = best
	return best
}

// contextsWith returns the mentions whose context has a word
// containsPrefix matches with w, in person then mention order.
func (c *cast) contextsWith(w string) []ctxRef {
	if len(w) >= 5 {
		return c.ctxPrefix[w[:5]]
	}
	return c.ctxExact[w]
}

// ctxRef is one context of one person.
type ctxRef struct{ person, ctx int }

// indexContexts indexes the words before each mention, so that described
// visits only the mentions containsPrefix would accept for the head: those
// with the word itself, or with a word of the same first five bytes when
// the head has five or more. The lists are in person then mention order.
func (c *cast) indexContexts() {
	c.ctxExact, c.ctxPrefix = map[string][]ctxRef{}, map[string][]ctxRef{}
	add := func(m map[string][]ctxRef, k string, r ctxRef) {
		if l := m[k]; len(l) == 0 || l[len(l)-1] != r {
			m[k] = append(l, r)
		}
	}
	for i, p := range c.people {
		for j, ctx := range p.contexts {
			for _, x := range ctx {
				add(c.ctxExact, x, ctxRef{i, j})
				if len(x) >= 5 {
					add(c.ctxPrefix, x[:5], ctxRef{i, j})
				}
			}
		}
	}
}

// containsPrefix says whether ws holds w, or a word sharing its first five
// letters ("korea" and "korean").
func containsPrefix(ws []string, w string) bool {
	for _, x := range ws {
		if x == w || (len(x) >= 5 && len(w) >= 5 && x[:5] == w[:5]) {
			return true
		}
	}
	return false
}

// stop words do not count when quotations are compared.
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`a an the and or but of to in on at by for with from that this these those is are was
		were be been being will would shall should can could may might must have has had do does did we our us i me my
		you your he him his she her they them their it its as than then so not no there here which who whom what when
		where why how all any each also very just into over under about up out if once again whatsoever`) {
		stop[w] = true
	}
}

// wordsOf returns the folded words of a quotation, and its content words
// crudely stemmed.
func wordsOf(text string) (seq, content []string) {
	seen := map[string]bool{}
	for _, w := range facts.Words(text) {
		f := facts.Fold(w.Text)
		seq = append(seq, f)
		if stop[f] {
			continue
		}
		s := stem(f)
		if !seen[s] {
			seen[s] = true
			content = append(content, s)
		}
	}
	return seq, content
}

func stem(w string) string {
	w = strings.TrimSuffix(w, "'s")
	for _, suf := range []string{"ing", "ed", "es", "s", "ly"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= 4 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// long is the least number of content words for a quotation to be matched
// by word overlap; shorter ones must appear as a phrase in a longer one.
const long = 3

// linked says whether two quotations of three or more content words are
// the same: they share at least three content words, and at least half of
// the shorter one's (all but one when it has six or fewer).
func linked(a, b *Quote) bool {
	inter := 0
	set := map[string]bool{}
	for _, w := range a.words {
		set[w] = true
	}
	for _, w := range b.words {
		if set[w] {
			inter++
		}
	}
	return linkedCount(inter, len(a.words), len(b.words))
}

// linkedCount is linked given the number of content words two quotations
// share and how many each has.
func linkedCount(inter, na, nb int) bool {
	short := min(na, nb)
	if short <= 6 {
		// a short quotation must be nearly all in the other: "not going
		// to pay … wall" is not "not going to pay any single cent"
		return inter >= long && inter >= short-1
	}
	return inter >= long && 2*inter >= short
}

// maxPosting bounds the quotations a word is looked up in: a word in more
// is too common to link anything (the link is then judged on the others).
const maxPosting = 400

// phraseIn says whether the words of short appear in order and together in
// long's words.
func phraseIn(short, long []string) bool {
	if len(short) == 0 || len(short) > len(long) {
		return false
	}
outer:
	for i := 0; i+len(short) <= len(long); i++ {
		for j := range short {
			if long[i+j] != short[j] {
				continue outer
			}
		}
		return true
	}
	return false
}

// group clusters the quotations: long ones by word overlap, short ones into
// the first group whose quotation holds them as a phrase, or with equal
// short ones.
func group(qs []Quote) []Group {
	parent := make([]int, len(qs))
	for i := range parent {
		parent[i] = i
	}
	var find func(int) int
	find = func(x int) int {
		for parent[x] != x {
			parent[x] = parent[parent[x]]
			x = parent[x]
		}
		return x
	}
	union := func(x, y int) {
		x, y = find(x), find(y)
		if x != y {
			if y < x {
				x, y = y, x
			}
			parent[y] = x
		}
	}
	// long quotations: count shared content words through an index, so
	// that only quotations sharing a word are compared
	post := map[string][]int{}    // content word → long quotations
	anyPost := map[string][]int{} // any word → long quotations
	for i := range qs {
		if len(qs[i].words) < long {
			continue
		}
		for _, w := range qs[i].words {
			post[w] = append(post[w], i)
		}
		seen := map[string]bool{}
		for _, w := range qs[i].seq {
			if !seen[w] {
				seen[w] = true
				anyPost[w] = append(anyPost[w], i)
			}
		}
	}
	count := make([]int, len(qs))
	var touched []int
	for i := range qs {
		if len(qs[i].words) < long {
			continue
		}
		touched = touched[:0]
		for _, w := range qs[i].words {
			if p := post[w]; len(p) <= maxPosting {
				for _, j := range p {
					if j > i {
						if count[j] == 0 {
							touched = append(touched, j)
						}
						count[j]++
					}
				}
			}
		}
		for _, j := range touched {
			if linkedCount(count[j], len(qs[i].words), len(qs[j].words)) {
				union(i, j)
			}
			count[j] = 0
		}
	}
	// short quotations: into the first long one that holds them as a
	// phrase; else with equal short ones
	firstShort := map[string]int{}
	for i := range qs {
		if len(qs[i].words) >= long {
			continue
		}
		// one word attaches only when it is a rare one ("egocentric", not
		// "Mexico")
		if len(qs[i].seq) >= 2 || (len(qs[i].seq) == 1 && len([]rune(qs[i].seq[0])) >= 8) {
			var cands []int
			for k, w := range qs[i].seq {
				if p := anyPost[w]; k == 0 || len(p) < len(cands) {
					cands = p
				}
			}
			attached := false
			for _, j := range cands {
				if j != i && phraseIn(qs[i].seq, qs[j].seq) {
					union(i, j)
					attached = true
					break
				}
			}
			if attached {
				continue
			}
		}
		key := strings.Join(qs[i].seq, " ")
		if j, ok := firstShort[key]; ok {
			union(j, i)
		} else {
			firstShort[key] = i
		}
	}
	byRoot := map[int][]int{}
	var roots []int
	for i := range qs {
		r := find(i)
		if _, ok := byRoot[r]; !ok {
			roots = append(roots, r)
		}
		byRoot[r] = append(byRoot[r], i)
	}
	d := worddiff.New()
	var out []Group
	for _, r := range roots {
		out = append(out, makeGroup(qs, byRoot[r], d))
	}
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i].Members[0], out[j].Members[0]
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if a.Block != b.Block {
			return a.Block < b.Block
		}
		return a.Start < b.Start
	})
	return out
}

func makeGroup(qs []Quote, idx []int, d *worddiff.Differ) Group {
	ms := make([]Quote, len(idx))
	for k, i := range idx {
		ms[k] = qs[i]
	}
	sort.SliceStable(ms, func(i, j int) bool {
		if ms[i].Article != ms[j].Article {
			return ms[i].Article < ms[j].Article
		}
		if ms[i].Block != ms[j].Block {
			return ms[i].Block < ms[j].Block
		}
		return ms[i].Start < ms[j].Start
	})
	// the principal member: the longest quotation of the first article
	p := 0
	for k := range ms {
		if ms[k].Article == ms[0].Article && len(ms[k].seq) > len(ms[p].seq) {
			p = k
		}
	}
	ms[0], ms[p] = ms[p], ms[0]
	if p > 1 {
		sort.SliceStable(ms[1:p+1], func(i, j int) bool { return ms[1+i].Block < ms[1+j].Block })
	}
	g := Group{Members: ms, Diffs: []Diff{}, Articles: []int{}, Speakers: []string{}}
	seenArt := map[int]bool{}
	// a speaker seen before is equal to one kept or to one it matched
	seenSpeaker := map[string]bool{}
	toks := nameTokens()
	// each member is diffed against the principal one; members often
	// repeat a text (a wire quotation in fifty outlets), and a text's
	// window and diff depend on the text alone
	pw := facts.Words(ms[0].Text)
	type diffed struct {
		window *[2]int
		ops    []worddiff.Op
	}
	known := map[string]diffed{}
	for k, m := range ms {
		if !seenArt[m.Article] {
			seenArt[m.Article] = true
			g.Articles = append(g.Articles, m.Article)
		}
		if k > 0 {
			c, ok := known[m.Text]
			if !ok {
				a := ms[0].Text
				if ws, we, ok := windowIn(ms[0], pw, m); ok {
					c.window = &[2]int{ws, we}
					a = a[ws:we]
				}
				c.ops = d.Diff(a, m.Text)
				known[m.Text] = c
			}
			df := Diff{From: 0, To: k, Ops: c.ops}
			if c.window != nil {
				w := *c.window
				df.Window = &w
			}
			g.Diffs = append(g.Diffs, df)
		}
		if m.Speaker != "" && !seenSpeaker[m.Speaker] {
			seenSpeaker[m.Speaker] = true
			mt := toks(m.Speaker)
			dup := false
			for _, s := range g.Speakers {
				if facts.SameTokens(toks(s), mt) {
					dup = true
					break
				}
			}
			if !dup {
				g.Speakers = append(g.Speakers, m.Speaker)
			}
		}
	}
	g.OneOutlet = len(g.Articles) == 1
	g.WordingDiffers = wordingDiffers(ms, d)
	g.SpeakersDiffer = speakersDiffer(ms, toks)
	g.UnclearIn = unclearIn(ms, g.Articles, toks)
	return g
}

// confident says whether a member's speaker is one an editor can rely on:
// a name, written as a name beside the quotation or beside the one before
// it in the paragraph (not a pronoun or a description resolved from
// elsewhere, not announced a paragraph before, not a label).
func confident(m Quote) bool {
	if !isName(m.Speaker) || !isName(m.SpeakerAsWritten) || pronounSpeakers[strings.ToLower(m.SpeakerAsWritten)] {
		return false
	}
	return m.how != "next-para" && m.how != "colon-label"
}

// unclearIn returns the articles of arts without a confident speaker for
// the quotation whose speaker, if any, is none of the confident ones other
// articles give.
func unclearIn(ms []Quote, arts []int, toks func(string) []string) []int {
	sure := map[int]bool{}
	var names []string
	for _, m := range ms {
		if confident(m) {
			sure[m.Article] = true
			names = append(names, m.Speaker)
		}
	}
	if len(names) == 0 || len(arts) < 2 {
		return nil
	}
	// an article that gives only scare quotes or titles of it has no
	// speaker to be unclear about
	quoted := map[int]bool{}
	for _, m := range ms {
		if isQuotation(m.Text) {
			quoted[m.Article] = true
		}
	}
	agrees := map[int]bool{}
	for _, m := range ms {
		if sure[m.Article] || m.Speaker == "" {
			continue
		}
		for _, n := range names {
			if facts.SameTokens(toks(m.Speaker), toks(n)) {
				agrees[m.Article] = true
			}
		}
	}
	var out []int
	for _, a := range arts {
		if !sure[a] && !agrees[a] && quoted[a] {
			out = append(out, a)
		}
	}
	return out
}

// nameTokens returns a function giving facts.NameTokens of a name,
// computed once per name.
func nameTokens() func(string) []string {
	memo := map[string][]string{}
	return func(s string) []string {
		t, ok := memo[s]
		if !ok {
			t = facts.NameTokens(s)
			memo[s] = t
		}
		return t
	}
}

// window finds the words of p that a shorter quotation m cuts from it: the
// run of p's words, of a length between half and twice m's, that holds the
// most of m's words for the fewest others (ties go to the first, shorter
// run). ok is false when m is not shorter, when the run holds less than
// half of m's words, or when it would be nearly all of p.
func window(p, m Quote) (start, end int, ok bool) {
	return windowIn(p, facts.Words(p.Text), m)
}

// windowIn is window with p's words, facts.Words(p.Text), given.
func windowIn(p Quote, pw []facts.Word, m Quote) (start, end int, ok bool) {
	n := len(m.seq)
	if n == 0 || 10*n >= 9*len(pw) || len(pw) != len(p.seq) {
		return 0, 0, false
	}
	in := map[string]int{}
	for _, w := range m.seq {
		in[w]++
	}
	bestI, bestL, best := 0, 0, -1.0
	for i := range pw {
		if in[p.seq[i]] == 0 {
			continue // a window starts on a word m has
		}
		used := map[string]int{}
		hits := 0
		for L := 1; L <= 2*n && i+L <= len(pw); L++ {
			w := p.seq[i+L-1]
			if used[w] < in[w] {
				used[w]++
				hits++
			}
			if 2*L < n || in[w] == 0 {
				continue // and ends on one
			}
			// every word of m found counts; a word of p it lacks costs a
			// quarter: "by the side of our" covers "by our" better than "by"
			score := float64(hits) - 0.25*float64(L-hits)
			if score > best {
				bestI, bestL, best = i, L, score
			}
		}
	}
	if best < 0.5*float64(n) || 10*bestL >= 9*len(pw) {
		return 0, 0, false
	}
	return pw[bestI].Start, pw[bestI+bestL-1].End, true
}

// wordingDiffers says whether two members of different articles word the
// quotation differently inside the part both give: each pair is compared,
// the shorter with its window in the longer.
func wordingDiffers(ms []Quote, d *worddiff.Differ) bool {
	// the answer for a pair depends only on the two texts: each pair of
	// texts is compared once (a text against itself never differs)
	done := map[[2]string]bool{}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			long, short := ms[i], ms[j]
			if long.Article == short.Article || long.Text == short.Text {
				continue
			}
			if len(short.seq) > len(long.seq) {
				long, short = short, long
			}
			k := [2]string{long.Text, short.Text}
			if done[k] {
				continue
			}
			done[k] = true
			a := long.Text
			if ws, we, ok := window(long, short); ok {
				a = a[ws:we]
			}
			if interiorChange(d.Diff(a, short.Text)) {
				return true
			}
		}
	}
	return false
}

// speakersDiffer says whether two members of different articles give two
// confident names for the speaker that cannot be the same person, after
// nicknames, initials and spellings a letter apart (facts.SameTokens).
func speakersDiffer(ms []Quote, toks func(string) []string) bool {
	named := make([]bool, len(ms))
	for i, m := range ms {
		named[i] = confident(m)
	}
	for i := range ms {
		for j := i + 1; j < len(ms); j++ {
			a, b := ms[i], ms[j]
			if a.Article == b.Article || !named[i] || !named[j] || !sameWords(a.seq, b.seq) {
				continue
			}
			if !facts.SameTokens(toks(a.Speaker), toks(b.Speaker)) {
				return true
			}
		}
	}
	return false
}

// sameWords says whether two quotations give the same words: four in a
// row in common, or all of the shorter when it has fewer. Quotations
// grouped for sharing some words of a topic ("modest", "Social
// Security") are not one quotation whose speaker can be wrong.
func sameWords(a, b []string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	n := min(4, len(a))
	if n == 0 {
		return false
	}
	for i := 0; i+n <= len(a); i++ {
		if phraseIn(a[i:i+n], b) {
			return true
		}
	}
	return false
}

// isName says whether a speaker is a proper name rather than a description.
func isName(s string) bool {
	if s == "" {
		return false
	}
	for _, w := range facts.Words(s) {
		r := []rune(w.Text)[0]
		if !unicode.IsUpper(r) && w.Text != "of" && !facts.SimilarWord(w.Text, "al") {
			return false
		}
	}
	return true
}

// interiorChange says whether ops change words between two runs of equal
// words: a different wording, not a quotation cut shorter at either end.
func interiorChange(ops []worddiff.Op) bool {
	firstEq, lastEq := -1, -1
	for i, o := range ops {
		if o.Kind == worddiff.Equal && hasWord(o.Text) {
			if firstEq < 0 {
				firstEq = i
			}
			lastEq = i
		}
	}
	for i := firstEq + 1; i < lastEq; i++ {
		if ops[i].Kind != worddiff.Equal && hasWord(ops[i].Text) && !caseOnly(ops, i) {
			return true
		}
	}
	return firstEq < 0 && len(ops) > 0
}

// caseOnly says whether ops[i] is half of a change of letter case only
// ("The" for "the").
func caseOnly(ops []worddiff.Op, i int) bool {
	for _, j := range []int{i - 1, i + 1} {
		if j >= 0 && j < len(ops) && ops[j].Kind != worddiff.Equal && ops[j].Kind != ops[i].Kind &&
			facts.Fold(ops[j].Text) == facts.Fold(ops[i].Text) {
			return true
		}
	}
	return false
}

func hasWord(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}

// Change is a word or words of one quotation replaced in another.
type Change struct {
	From string `json:"from"`
	To   string `json:"to"`
}

// Changes returns the replacements in ops: each deletion next to an
// insertion (with at most white space between), in order, leaving out
// changes of letter case only.
func Changes(ops []worddiff.Op) []Change {
	cs, _, _ := edits(ops)
	return cs
}

// DroppedAndAdded returns the words ops delete or insert that Changes does
// not pair as a replacement: what the other member leaves out of the
// quotation and what it puts in. Pieces without a letter or digit (a comma)
// are left out.
func DroppedAndAdded(ops []worddiff.Op) (dropped, added []string) {
	_, dropped, added = edits(ops)
	return dropped, added
}

func edits(ops []worddiff.Op) (out []Change, dropped, added []string) {
	for i := 0; i < len(ops); i++ {
		if ops[i].Kind == worddiff.Equal {
			continue
		}
		j := i + 1
		if j < len(ops) && ops[j].Kind == worddiff.Equal && strings.TrimSpace(ops[j].Text) == "" && j+1 < len(ops) {
			j++
		}
		if j < len(ops) && ops[j].Kind != worddiff.Equal && ops[j].Kind != ops[i].Kind {
			c := Change{From: strings.TrimSpace(ops[i].Text), To: strings.TrimSpace(ops[j].Text)}
			if ops[i].Kind == worddiff.Insert {
				c.From, c.To = c.To, c.From
			}
			if facts.Fold(c.From) != facts.Fold(c.To) {
				out = append(out, c)
			}
			i = j
			continue
		}
		if t := strings.TrimSpace(ops[i].Text); hasWord(t) {
			if ops[i].Kind == worddiff.Delete {
				dropped = append(dropped, t)
			} else {
				added = append(added, t)
			}
		}
	}
	return out, dropped, added
}

// EventOf returns the index of the event of st that holds block b of
// article a, or -1: where the reader jumps to show a quotation in context.
// The JSON export asks it for every quotation, so the blocks' events are
// indexed once per story (the last story's index is kept); an answer the
// index does not confirm in st is looked up event by event.
func EventOf(st *story.Story, a, b int) int {
	if k := eventIndexOf(st).at(a, b); k >= 0 && a < len(st.Events[k].Blocks) && slices.Contains(st.Events[k].Blocks[a], b) {
		return k
	}
	return eventOfScan(st, a, b)
}

func eventOfScan(st *story.Story, a, b int) int {
	for k, e := range st.Events {
		if a >= len(e.Blocks) {
			continue
		}
		for _, x := range e.Blocks[a] {
			if x == b {
				return k
			}
		}
	}
	return -1
}

// eventIndex holds, for each article and block, the first event holding
// it (-1 for none).
type eventIndex [][]int

func (x eventIndex) at(a, b int) int {
	if a < 0 || a >= len(x) || b < 0 || b >= len(x[a]) {
		return -1
	}
	return x[a][b]
}

// eventMemo is the last story's eventIndex. It holds the story's events
// (which do not change once built), so that their address names them.
var eventMemo struct {
	sync.Mutex
	events []story.Event
	index  eventIndex
}

func eventIndexOf(st *story.Story) eventIndex {
	eventMemo.Lock()
	defer eventMemo.Unlock()
	if n := len(st.Events); n > 0 && len(eventMemo.events) == n && &eventMemo.events[0] == &st.Events[0] {
		return eventMemo.index
	}
	x := make(eventIndex, len(st.Articles))
	for a := range x {
		x[a] = make([]int, len(st.Articles[a].Blocks))
		for b := range x[a] {
			x[a][b] = -1
		}
	}
	for k, e := range st.Events {
		for a, bs := range e.Blocks {
			for _, b := range bs {
				if a < len(x) && b >= 0 && b < len(x[a]) && x[a][b] < 0 {
					x[a][b] = k
				}
			}
		}
	}
	eventMemo.events, eventMemo.index = st.Events, x
	return x
}
