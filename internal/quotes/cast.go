package quotes

import (
	"hash/maphash"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
)

// person is a person named in an article, with the words before each
// mention (titles, roles) that a description may refer to.
type person struct {
	name     string
	toks     []string // names.NameTokens(name)
	count    int      // mentions
	contexts [][]string
}

// cast is the people an article names, each once, in order of first
// mention.
type cast struct {
	people []person
	index  map[string]int
	// nameWords are the distinct words of the people's names, in order of
	// first use, wordAt numbers them and wordPeople lists the people whose
	// names hold each, in index order (see indexWords)
	nameWords  []string
	wordAt     map[string]int32
	wordPeople [][]int
	// listed[i] is asked when candidates has listed person i for the
	// question it answers
	listed []uint32
	asked  uint32
	// similar indexes the name words by their spellings (see candidates)
	similar map[uint64]simList
	simAt   []simEntry
	dels    map[string][]uint64
	seed    maphash.Seed
	// quickMemo remembers knownQuick's answers
	quickMemo map[string]string
	wordSet   map[string]bool // see words
	// known and fullest remember their answers: the cast is complete
	// before the first question
	knownMemo, fullestMemo, descMemo map[string]string
	// resolved remembers resolve's answers for names and descriptions
	resolved map[string]string
	// byFullest lists the people by their fullest names (see
	// calledRightBefore)
	byFullest map[string][]int
	// ctxExact and ctxPrefix index the contexts by word and by the first
	// five bytes of words of five or more (see indexContexts)
	ctxExact, ctxPrefix map[string][]ctxRef
}

// candidates returns, in index order, the people sharing a word with toks
// (within one article a name is spelled one way, so exact words find it)
// that names.SameTokens may match with toks; the caller tests that. A
// person with fewer words than toks must have all its words like some of
// toks', so one of toks' words itself; one with as many or more must have
// a word like each of toks', so like the one fewest people have. Looking
// only there keeps a first name many people share from making every
// lookup visit them all.
func (c *cast) candidates(toks []string) []int {
	if c.similar == nil {
		c.indexNames()
	}
	// a person is listed once, however many of its words or keys lead
	// to it: each is marked with the number of the question
	c.asked++
	if c.asked == 0 {
		clear(c.listed)
		c.asked = 1
	}
	if n := len(c.people); len(c.listed) < n {
		c.listed = append(c.listed, make([]uint32, n-len(c.listed))...)
	}
	var out []int
	for _, t := range toks {
		for _, i := range c.peopleWith(t) {
			if len(c.people[i].toks) < len(toks) && c.listed[i] != c.asked {
				c.listed[i] = c.asked
				out = append(out, i)
			}
		}
	}
	var keys []uint64
	best := -1
	for _, t := range toks {
		ks, n := c.similarKeys(t)
		if best < 0 || n < best {
			keys, best = ks, n
		}
	}
	for _, k := range keys {
		l := c.similar[k]
		for e, n := l.head, l.n; n > 0; e, n = c.simAt[e].next, n-1 {
			for _, i := range c.wordPeople[c.simAt[e].word] {
				if q := c.people[i].toks; c.listed[i] != c.asked && len(q) >= len(toks) && shareWord(q, toks) {
					c.listed[i] = c.asked
					out = append(out, i)
				}
			}
		}
	}
	slices.Sort(out)
	return out
}

// simList is the name words listed under one key of cast.similar: n
// entries of cast.simAt chained from head, the last added first, and the
// number of people whose names hold one of them. One array holds every
// list, so that the many keys a long article's names make need no slice
// each.
type simList struct{ head, n, people int32 }

// simEntry is one word of a simList (its number in cast.nameWords) and the
// entry after it.
type simEntry struct{ word, next int32 }

// indexWords numbers the distinct words of the people's names and lists
// the people whose names hold each. Many people share a first name or a
// surname: what is worked out for a word is worked out once.
func (c *cast) indexWords() {
	if c.wordAt != nil {
		return
	}
	c.wordAt = map[string]int32{}
	for i, p := range c.people {
		for _, t := range p.toks {
			id, ok := c.wordAt[t]
			if !ok {
				id = int32(len(c.nameWords))
				c.wordAt[t] = id
				c.nameWords = append(c.nameWords, t)
				c.wordPeople = append(c.wordPeople, nil)
			}
			if l := c.wordPeople[id]; len(l) == 0 || l[len(l)-1] != i {
				c.wordPeople[id] = append(l, i)
			}
		}
	}
}

// peopleWith returns the people whose names hold the word t, in index
// order.
func (c *cast) peopleWith(t string) []int {
	c.indexWords()
	if id, ok := c.wordAt[t]; ok {
		return c.wordPeople[id]
	}
	return nil
}

// indexNames indexes the words of the people's names by the keys of
// similarKeys.
func (c *cast) indexNames() {
	c.indexWords()
	keys := 0
	for _, t := range c.nameWords {
		// at most: the word, and a deletion per letter of a long one
		keys++
		if n := utf8.RuneCountInString(t); n >= 5 {
			keys += n
		}
	}
	c.similar = make(map[uint64]simList, keys)
	c.simAt = make([]simEntry, 0, keys)
	// each word is listed under its keys once (a word whose deletions
	// repeat, as "aabbc" does, too), with the people it brings
	var shared []uint64 // the keys that list two words or more
	for id, t := range c.nameWords {
		for _, d := range c.deletions(t) {
			l := c.similar[d]
			if l.n > 0 && c.simAt[l.head].word == int32(id) {
				continue
			}
			if l.n == 1 {
				shared = append(shared, d)
			}
			c.simAt = append(c.simAt, simEntry{int32(id), l.head})
			c.similar[d] = simList{int32(len(c.simAt) - 1), l.n + 1, l.people + int32(len(c.wordPeople[id]))}
		}
	}
	// a person whose name holds two words under one key counts once
	var ps []int
	for _, d := range shared {
		l := c.similar[d]
		ps = ps[:0]
		for e, n := l.head, l.n; n > 0; e, n = c.simAt[e].next, n-1 {
			ps = append(ps, c.wordPeople[c.simAt[e].word]...)
		}
		slices.Sort(ps)
		l.people = int32(len(slices.Compact(ps)))
		c.similar[d] = l
	}
}

// similarKeys returns the keys of c.similar under which every person with
// a word names.SimilarWord matches with t is listed, and how many entries
// they hold. A word like t is t itself or, for five letters or more, one
// edit away: then deleting a letter from each, or from the longer, gives
// the same word, so every deletion of a word is a key. Keys are the
// deletions' hashes, made without making the deletions: two words whose
// hashes collide only add a candidate, which the caller tests.
func (c *cast) similarKeys(t string) ([]uint64, int) {
	ks := c.deletions(t)
	n := 0
	for _, k := range ks {
		n += int(c.similar[k].people)
	}
	return ks, n
}

// deletions is the hashes of deletions(w), computed once per word.
func (c *cast) deletions(w string) []uint64 {
	if d, ok := c.dels[w]; ok {
		return d
	}
	if c.dels == nil {
		c.dels = map[string][]uint64{}
		c.seed = maphash.MakeSeed()
	}
	d := hashDeletions(c.seed, w)
	c.dels[w] = d
	return d
}

// hashDeletions returns the hashes of deletions(w), in its order.
func hashDeletions(seed maphash.Seed, w string) []uint64 {
	out := []uint64{maphash.String(seed, w)}
	if utf8.RuneCountInString(w) < 5 {
		return out
	}
	var h maphash.Hash
	h.SetSeed(seed)
	for i, r := range w {
		// a hash of two writes is the hash of their concatenation
		h.Reset()
		h.WriteString(w[:i])
		h.WriteString(w[i+utf8.RuneLen(r):])
		out = append(out, h.Sum64())
	}
	return out
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
	c.addTokens(name, nil, context)
}

// addTokens is add given names.NameTokens(name) as toks, or nil to make
// them.
func (c *cast) addTokens(name string, toks, context []string) {
	if c.index == nil {
		c.index = map[string]int{}
	}
	i, ok := c.index[name]
	if !ok {
		i = len(c.people)
		c.index[name] = i
		if toks == nil {
			toks = names.NameTokens(name)
		}
		c.people = append(c.people, person{name: name, toks: toks})
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
				if !names.CommonWord(t) {
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
	if c.quickMemo == nil {
		c.quickMemo = map[string]string{}
	}
	toks := names.NameTokens(name)
	// of the people whose names hold every word, the one the article
	// names most often, the longer name on a tie (as fullest, without
	// spellings)
	best := -1
	if len(toks) > 0 {
		// every word's list holds the people sought, in index order: the
		// shortest is read (a first name many people share is not)
		list, at := c.peopleWith(toks[0]), 0
		for k, t := range toks[1:] {
			if l := c.peopleWith(t); len(l) < len(list) {
				list, at = l, k+1
			}
		}
	people:
		for _, i := range list {
			p := c.people[i]
			if len(p.toks) < len(toks) {
				continue
			}
			for k, t := range toks {
				if k == at {
					continue // the list's own word
				}
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
	t := names.NameTokens(name)
	for _, i := range c.candidates(t) {
		if p := c.people[i]; names.SameTokens(t, p.toks) {
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
		if q := c.people[i]; names.SameTokens(p.toks, q.toks) && (q.count > best.count || (q.count == best.count && len(q.toks) > len(best.toks))) {
			best = q
		}
	}
	if c.fullestMemo == nil {
		c.fullestMemo = map[string]string{}
	}
	c.fullestMemo[p.name] = best.name
	return best.name
}

// calledRightBefore says whether the article names the person whose
// fullest name is name right after the word head ("the spokesman, Peter
// Carr", "spokesman Peter Carr", "the minister, Choe"), not after a verb
// ("the neurosurgeon told REVOLT TV").
func (c *cast) calledRightBefore(name, head string) bool {
	if c.byFullest == nil {
		// the people by their fullest names, indexed on first use: the
		// cast is complete by then
		c.byFullest = map[string][]int{}
		for i, p := range c.people {
			f := c.fullest(p)
			c.byFullest[f] = append(c.byFullest[f], i)
		}
	}
	for _, i := range c.byFullest[name] {
		for _, ctx := range c.people[i].contexts {
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
	return names.PersonLike(names.NameSpan{Core: core, Titled: true})
}

func firstWord(s string) string {
	if ws := names.WordsN(s, 1); len(ws) > 0 {
		return ws[0].Text
	}
	return ""
}

// nameLike says whether a name as written can be a speaker: a word of two
// letters or more, not a possessive ("Trump's comments").
func nameLike(core string) bool {
	ws := names.Words(core)
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
		if !describes(p.contexts[r.ctx], desc) {
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

// describes says whether a context a person is named in (words around the
// name) fits a description: its head word (desc's last, which the caller
// has found in ctx) and at least half of the words before it.
func describes(ctx, desc []string) bool {
	ok := 0
	for _, d := range desc[:len(desc)-1] {
		if containsPrefix(ctx, d) {
			ok++
		}
	}
	return 2*ok >= len(desc)-1
}
