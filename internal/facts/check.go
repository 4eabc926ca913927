// Package facts compares the facts that articles give about the same event:
// numbers, money, percentages, dates and named people and places. It reads
// the aligned story and never recomputes the alignment: values are compared
// only inside a shared event, and a conflict is declared only when both
// articles give one value of the same type for the same thing and the values
// differ, so that a listed conflict is worth an editor's look.
package facts

import (
	"math"
	"runtime"
	"slices"
	"sort"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/par"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// Report is the facts check of a whole story.
type Report struct {
	// Events holds one entry per shared event, in event order.
	Events []EventFacts `json:"events"`
	// Conflicting is how many events have at least one conflict.
	Conflicting int `json:"conflicting"`
}

// EventFacts are the values the articles of one shared event give.
type EventFacts struct {
	// Event is the index into Story.Events.
	Event int `json:"event"`
	// Articles lists the articles present in the event.
	Articles []int `json:"articles"`
	// Values are every value each article gives, by article then position.
	Values []Value `json:"values"`
	// Agreed are values that two or more articles give alike.
	Agreed []Agreement `json:"agreed"`
	// Conflicts are pairs of values that differ for the same thing.
	Conflicts []Conflict `json:"conflicts"`
	// Conflict says len(Conflicts) > 0.
	Conflict bool `json:"conflict"`
}

// Agreement is one value given alike by several articles.
type Agreement struct {
	Type Type   `json:"type"`
	Key  string `json:"key"`
	// Articles are the articles that give it; Texts how each writes it
	// (Texts[i] is from Articles[i]).
	Articles []int    `json:"articles"`
	Texts    []string `json:"texts"`
	// Variant says the articles write it differently ("Sergei", "Sergey";
	// "Rick Gates", "Richard Gates").
	Variant bool `json:"variant,omitempty"`
	// Spelled says a name is spelled a letter apart ("Papadopoulos",
	// "Papadopoulous"): shown as spelled differently, not as agreed.
	Spelled bool `json:"spelled_differently,omitempty"`
}

// Conflict is a value of one article and a different value of the same type
// and role in another.
type Conflict struct {
	Type Type `json:"type"`
	// Unit is what the numbers count, when known.
	Unit string `json:"unit,omitempty"`
	// A and B point into the event's Values: fifty articles of one event
	// make a thousand conflicts of a few values each, and a copy of each
	// value per conflict was most of the check's memory.
	A *Value `json:"a"`
	B *Value `json:"b"`
}

// Check compares the values of every shared event of st.
func Check(st *story.Story) *Report { return CheckWith(st, names.LowerWords(st)) }

// CheckWith is Check given names.LowerWords(st), for a caller that runs
// several checks on one story.
func CheckWith(st *story.Story, lower map[string]bool) *Report {
	return CheckIndexed(st, names.IndexWith(st, lower))
}

// CheckIndexed is Check given the names index of st, which other checks
// of the story read too.
func CheckIndexed(st *story.Story, ix *names.Index) *Report {
	return CheckExtracted(st, ix, nil)
}

// Extracted are the values of every factual block of a story, found
// before its events are known (Extract).
type Extracted struct {
	st     *story.Story
	values [][][]Value // by article and block
}

// ExtractStory returns the values of every factual block of st's articles,
// each article on a goroutine of its own, as many at once as there are
// processors. It reads st.Articles alone: it may run while the story is
// aligned, and CheckExtracted then compares the values of the shared
// events without reading their blocks again.
func ExtractStory(st *story.Story) *Extracted {
	ex := &Extracted{st: st, values: make([][][]Value, len(st.Articles))}
	eachArticle(st, func(a int, sc *scratch) {
		blocks := st.Articles[a].Blocks
		vs := make([][]Value, len(blocks))
		for b, blk := range blocks {
			if factual(blk.Kind) {
				vs[b] = sc.extract(blk.Text)
			}
		}
		ex.values[a] = vs
	})
	return ex
}

// eachArticle calls f for each article of st, as many at once as there
// are processors, each with a scratch of its own.
func eachArticle(st *story.Story, f func(a int, sc *scratch)) {
	par.Each(len(st.Articles), func(a int) {
		var sc scratch
		f(a, &sc)
	})
}

// CheckExtracted is CheckIndexed given the values ExtractStory found in st
// (nil: they are found here, for the blocks of shared events alone). It
// takes ex's values: each block's are let go once the events that hold
// it are compared (the report keeps copies), so ex must not be passed
// again.
func CheckExtracted(st *story.Story, ix *names.Index, ex *Extracted) *Report {
	if ex != nil && ex.st != st {
		ex = nil
	}
	found := extractAll(st, ex)
	var events []int // the shared events
	for k := range st.Events {
		e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
		if e.Kind == story.Shared {
			events = append(events, k)
		}
	}
	// the events compare on every processor
	r := &Report{Events: make([]EventFacts, len(events))}
	workers := min(runtime.GOMAXPROCS(0), len(events))
	var next atomic.Int64
	var wg sync.WaitGroup
	wg.Add(workers)
	for range workers {
		go func() {
			defer wg.Done()
			var buf []Value // the names of an event's blocks, event after event
			var sc agreeScratch
			for i := int(next.Add(1)) - 1; i < len(events); i = int(next.Add(1)) - 1 {
				r.Events[i], buf = compareEvent(st, events[i], found, ix, buf[:0], &sc)
			}
		}()
	}
	wg.Wait()
	for _, ef := range r.Events {
		if ef.Conflict {
			r.Conflicting++
		}
	}
	return r
}

// mergeByStart appends to out the values of xs and ys, each in text order,
// in text order: at one offset, xs's first, as a stable sort of xs then ys
// would put them.
func mergeByStart(out, xs, ys []Value) []Value {
	for len(xs) > 0 && len(ys) > 0 {
		if xs[0].Start <= ys[0].Start {
			out, xs = append(out, xs[0]), xs[1:]
		} else {
			out, ys = append(out, ys[0]), ys[1:]
		}
	}
	return append(append(out, xs...), ys...)
}

// blockValues are the values of one block, the shared event that reads
// its names (the first that holds it, -1 for none), and how many shared
// events still have to read its values: the last lets them go.
type blockValues struct {
	values []Value
	event  int
	left   atomic.Int32
}

// extractAll returns the values of every factual block of st in a shared
// event (only those are compared), and the event that reads the names of
// each, by article and block: those ex found, or, with ex nil, found here.
func extractAll(st *story.Story, ex *Extracted) [][]blockValues {
	found := make([][]blockValues, len(st.Articles))
	for a := range found {
		found[a] = make([]blockValues, len(st.Articles[a].Blocks))
		for b := range found[a] {
			found[a][b].event = -1
		}
	}
	for k := range st.Events {
		e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
		if e.Kind == story.Shared {
			for a, bs := range e.Blocks {
				for _, b := range bs {
					if found[a][b].event < 0 {
						found[a][b].event = k
					}
					found[a][b].left.Add(1)
				}
			}
		}
	}
	if ex != nil {
		// taken from ex: the values of a block in no shared event go now
		for a := range found {
			for b := range found[a] {
				if found[a][b].event >= 0 {
					found[a][b].values = ex.values[a][b]
				}
			}
			ex.values[a] = nil
		}
		return found
	}
	eachArticle(st, func(a int, sc *scratch) {
		for b, blk := range st.Articles[a].Blocks {
			if factual(blk.Kind) && found[a][b].event >= 0 {
				found[a][b].values = sc.extract(blk.Text)
			}
		}
	})
	return found
}

// compareEvent compares the values of shared event k, whose blocks' values
// found holds (extractAll) and whose names ix finds. A block's names are
// read by the first event that holds it (a block is in one event); events
// compare side by side. buf is a buffer for the event's names, which it
// returns for the next event; sc holds buffers for its agreements.
func compareEvent(st *story.Story, k int, found [][]blockValues, ix *names.Index, buf []Value, sc *agreeScratch) (EventFacts, []Value) {
	e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
	sc.toks = sc.toks[:0]
	// the names of each block, one after another in buf: spans holds
	// where, for each block of the event in order (empty for a block
	// whose names another event reads)
	type span struct{ from, to int }
	var spans []span
	for a, bs := range e.Blocks {
		for _, b := range bs {
			from := len(buf)
			if blk := st.Articles[a].Blocks[b]; found[a][b].event == k && factual(blk.Kind) {
				// a headline in title case capitalises its words as its
				// names ("AARP Open to Social Security Cuts"): a run of
				// capitals there is a name only when the body names it too
				var body map[string]bool
				if blk.Kind == segment.Headline && segment.TitleCased(blk.Text) {
					body = bodyNames(st, ix, a)
				}
				ix.CoresTitleCase(a, b, func(n names.NameSpan, toks []string, titleCase bool) {
					// a run in title case is no name: "Trump" is not given
					// alike as "Trump Calls On Obama To Resign"
					if !titleCase && (body == nil || body[strings.Join(toks, " ")]) {
						buf = append(buf, nameValue(n, toks))
						sc.toks = append(sc.toks, toks)
					}
				})
			}
			spans = append(spans, span{from, len(buf)})
		}
	}
	for i := range buf {
		buf[i].toks = &sc.toks[i]
	}
	// the report keeps every event's values: sized to fit, not grown
	n, at := 0, 0
	for a, bs := range e.Blocks {
		for _, b := range bs {
			if factual(st.Articles[a].Blocks[b].Kind) {
				n += len(found[a][b].values) + spans[at].to - spans[at].from
			}
			at++
		}
	}
	ef := EventFacts{Event: k, Values: make([]Value, 0, n), Agreed: []Agreement{}, Conflicts: []Conflict{}}
	// each article's values and their index, in the order of ef.Articles
	var byArt [][]Value
	at = 0
	for a, bs := range e.Blocks {
		if len(bs) == 0 {
			continue
		}
		ef.Articles = append(ef.Articles, a)
		start := len(ef.Values)
		for _, b := range bs {
			sp := spans[at]
			at++
			if !factual(st.Articles[a].Blocks[b].Kind) {
				continue
			}
			from := len(ef.Values)
			ef.Values = mergeByStart(ef.Values, found[a][b].values, buf[sp.from:sp.to])
			if found[a][b].left.Add(-1) == 0 {
				found[a][b].values = nil // copied: the report keeps ef.Values
			}
			for i := from; i < len(ef.Values); i++ {
				ef.Values[i].Article, ef.Values[i].Block = a, b
			}
		}
		// the article's values, read only from here on
		byArt = append(byArt, ef.Values[start:len(ef.Values):len(ef.Values)])
	}
	idx := make([]*valueIndex, len(byArt))
	for x, vs := range byArt {
		idx[x] = newValueIndex(vs)
	}
	ef.Agreed = sc.agreements(ef.Articles, byArt, idx)
	var bufs [2][]*Value
	for x := 0; x < len(ef.Articles); x++ {
		for y := x + 1; y < len(ef.Articles); y++ {
			ef.Conflicts = conflictsBuf(ef.Conflicts, idx[x], idx[y], &bufs)
		}
	}
	if len(ef.Conflicts) > 0 {
		// the report keeps them: at their size
		ef.Conflicts = slices.Clip(ef.Conflicts)
	}
	// the names' words and the figures' contexts were for comparing
	// them: the report does not keep them
	for i := range ef.Values {
		ef.Values[i].toks, ef.Values[i].fig = nil, nil
	}
	ef.Conflict = len(ef.Conflicts) > 0
	return ef, buf
}

// Across returns the numbers, amounts, percentages, dates and years that
// two or more articles of st give anywhere in their text, aligned or not.
// No conflict is drawn from them: outside an event nothing says two
// figures are about the same thing. No export shows them, and Check does
// not find them.
func Across(st *story.Story) []Agreement {
	var sc scratch
	return across(st, func(a, b int, text string) []Value { return sc.extract(text) })
}

// across finds the values (not names) that several articles give
// anywhere, by equal keys: the same figure written alike in substance
// ("$3.6 billion", "3.6B"), without the rounding SameValue allows.
func across(st *story.Story, extract func(a, b int, text string) []Value) []Agreement {
	type key struct {
		kind string
		key  string
	}
	byKey := map[key]*Agreement{}
	var order []key
	for a, art := range st.Articles {
		for b, blk := range art.Blocks {
			if !factual(blk.Kind) {
				continue
			}
			for _, v := range extract(a, b, blk.Text) {
				k := key{numeric(v.Type), v.Key}
				if v.Type == Date || v.Type == Year {
					k.kind = string(v.Type)
				}
				g := byKey[k]
				if g == nil {
					g = &Agreement{Type: v.Type, Key: v.Key}
					byKey[k] = g
					order = append(order, k)
				}
				if n := len(g.Articles); n == 0 || g.Articles[n-1] != a {
					g.Articles = append(g.Articles, a)
					g.Texts = append(g.Texts, v.Text)
				}
			}
		}
	}
	out := []Agreement{}
	for _, k := range order {
		if g := byKey[k]; len(g.Articles) > 1 {
			out = append(out, *g)
		}
	}
	return out
}

// factual says whether blocks of kind k report facts to compare: body text
// and headlines, not captions or page furniture.
func factual(k segment.Kind) bool { return k.IsBody() || k == segment.Headline }

// bodyNames returns the keys of the names the body of article a gives.
func bodyNames(st *story.Story, ix *names.Index, a int) map[string]bool {
	keys := map[string]bool{}
	for b, blk := range st.Articles[a].Blocks {
		if blk.Kind.IsBody() {
			ix.Cores(a, b, func(_ names.NameSpan, toks []string) { keys[strings.Join(toks, " ")] = true })
		}
	}
	return keys
}

// agreements groups values that two or more articles give alike: byArt[x]
// are the values of article arts[x], idx[x] their index.
func agreements(arts []int, byArt [][]Value, idx []*valueIndex) []Agreement {
	var sc agreeScratch
	return sc.agreements(arts, byArt, idx)
}

// agreeScratch holds the buffers of compareEvent and agreements, which a
// caller comparing event after event reuses: the agreements and their
// lists are gathered in them, and the report keeps copies at their size,
// the lists of an event's agreements cut from one array each (an event
// has seven or eight, and a list each was most of the check's
// allocations).
type agreeScratch struct {
	// the words of the names of an event's blocks, where their values
	// point while the event is compared
	toks    [][]string
	used    []bool
	out     []Agreement
	spans   [][2]int // where each agreement's lists lie in arts and texts
	arts    []int
	texts   []string
	artBuf  []int
	textBuf []string
}

// agreements is agreements with sc's buffers.
func (sc *agreeScratch) agreements(arts []int, byArt [][]Value, idx []*valueIndex) []Agreement {
	// whether each value is taken, by article as byArt, in one array
	n := 0
	for _, vs := range byArt {
		n += len(vs)
	}
	sc.used = append(sc.used[:0], make([]bool, n)...)
	flat := sc.used
	used := make([][]bool, len(byArt))
	for x, vs := range byArt {
		used[x], flat = flat[:len(vs):len(vs)], flat[len(vs):]
	}
	out, spans, artsAll, textsAll := sc.out[:0], sc.spans[:0], sc.arts[:0], sc.texts[:0]
	for x, a := range arts {
		for i := range byArt[x] {
			v := &byArt[x][i]
			if used[x][i] {
				continue
			}
			ag := Agreement{Type: v.Type, Key: v.Key, Articles: sc.artBuf[:0], Texts: sc.textBuf[:0]}
			used[x][i] = true
			for y := x + 1; y < len(arts); y++ {
				// the first value of arts[y] not taken yet that gives v
				for _, j := range idx[y].candidates(v) {
					w := &byArt[y][j]
					if used[y][j] || !sameValue(v, w) {
						continue
					}
					used[y][j] = true
					ag.join(a, v, arts[y], w)
					break
				}
			}
			// the same value again in the same article is not news (one
			// taken already needs no comparing)
			for _, i2 := range idx[x].candidates(v) {
				if int(i2) > i && !used[x][i2] && sameValue(v, &byArt[x][i2]) {
					used[x][i2] = true
				}
			}
			sc.artBuf, sc.textBuf = ag.Articles, ag.Texts
			if len(ag.Articles) > 1 {
				// most values are given once: lists only for the others
				spans = append(spans, [2]int{len(artsAll), len(artsAll) + len(ag.Articles)})
				artsAll, textsAll = append(artsAll, ag.Articles...), append(textsAll, ag.Texts...)
				out = append(out, ag)
			}
		}
	}
	sc.out, sc.spans, sc.arts, sc.texts = out, spans, artsAll, textsAll
	if len(out) == 0 {
		return []Agreement{}
	}
	kept := slices.Clone(out)
	artsAll, textsAll = slices.Clone(artsAll), slices.Clone(textsAll)
	for k, sp := range spans {
		kept[k].Articles, kept[k].Texts = artsAll[sp[0]:sp[1]:sp[1]], textsAll[sp[0]:sp[1]:sp[1]]
	}
	// the buffers keep no text of this event
	clear(sc.out)
	clear(sc.texts)
	return kept
}

// join adds w, which article b gives, to ag, the agreement that v of
// article a opened, and says whether the two write a name differently
// (Variant, Spelled).
func (ag *Agreement) join(a int, v *Value, b int, w *Value) {
	if len(ag.Articles) == 0 {
		ag.Articles = append(ag.Articles, a)
		ag.Texts = append(ag.Texts, v.Text)
	}
	ag.Articles = append(ag.Articles, b)
	ag.Texts = append(ag.Texts, w.Text)
	if v.Type == Name && !names.FoldEqual(w.Text, v.Text) && len(w.nameTokens()) == len(v.nameTokens()) {
		ag.Variant = true
	}
	if v.Type == Name && names.SpelledApart(v.nameTokens(), w.nameTokens()) {
		ag.Spelled = true
	}
}

// conflicts compares the values of two articles in one event. It is
// deliberately conservative: numbers conflict when they count the same unit
// (amounts of money: the same currency and the same noun after them, as in
// "a $2 million grant"), or when each article gives exactly one number of
// that type and neither names a different unit; calendar dates when each gives exactly one; names
// when both give one person with the same surname but a different first
// name. A hedged number ("up to 8,000") within 15% of the other is no
// conflict.
func conflicts(av, bv *valueIndex) []Conflict {
	var bufs [2][]*Value
	return conflictsBuf(nil, av, bv, &bufs)
}

// conflictsBuf appends conflicts(av, bv) to out, with buffers for the
// values each side leaves unmatched, which a caller comparing many pairs
// reuses. The conflicts point to the values of av and bv.
func conflictsBuf(out []Conflict, av, bv *valueIndex, bufs *[2][]*Value) []Conflict {
	for _, t := range []Type{Number, Money, Percent} {
		ua, na := unmatchedOf(av, bv, kindOfType(t), bufs[0][:0])
		ub, nb := unmatchedOf(bv, av, kindOfType(t), bufs[1][:0])
		bufs[0], bufs[1] = ua, ub
		// with more than one figure a side, only figures of one unit
		// (money: of one currency and noun) conflict: ub by unit
		var byUnit map[[2]string][]int
		if !(na == 1 && nb == 1) && len(ua)*len(ub) > indexFrom {
			byUnit = map[[2]string][]int{}
			for k, y := range ub {
				byUnit[unitOf(t, y)] = append(byUnit[unitOf(t, y)], k)
			}
		}
		for _, x := range ua {
			ys := ub
			if byUnit != nil {
				ys = ys[:0:0]
				for _, k := range byUnit[unitOf(t, x)] {
					ys = append(ys, ub[k])
				}
			}
			for _, y := range ys {
				if c, ok := figureConflict(t, x, y, na == 1 && nb == 1); ok {
					out = append(out, c)
				}
			}
		}
	}
	da, ndA := unmatchedOf(av, bv, kindCalendarDate, bufs[0][:0])
	db, ndB := unmatchedOf(bv, av, kindCalendarDate, bufs[1][:0])
	bufs[0], bufs[1] = da, db
	out = append(out, dateConflicts(da, db, ndA, ndB)...)
	// people with one surname and two first names
	pa, _ := unmatchedOf(av, bv, kindPerson, bufs[0][:0])
	pb, _ := unmatchedOf(bv, av, kindPerson, bufs[1][:0])
	bufs[0], bufs[1] = pa, pb
	// many people a side: pb by the forms of their surnames, which
	// differentFirstName finds alike
	var bySurname map[string][]int
	if len(pa)*len(pb) > indexFrom {
		bySurname = map[string][]int{}
		var forms []string
		for k, y := range pb {
			forms = wordForms(forms[:0], surname(y.Text))
			for f, w := range forms {
				if !slices.Contains(forms[:f], w) {
					bySurname[w] = append(bySurname[w], k)
				}
			}
		}
	}
	aNames := func(v *Value) bool { return mentionsName(av, v) }
	bNames := func(v *Value) bool { return mentionsName(bv, v) }
	var forms []string
	var ks []int
	for _, x := range pa {
		ys := pb
		if bySurname != nil {
			ks = ks[:0]
			forms = wordForms(forms[:0], surname(x.Text))
			for _, w := range forms {
				ks = append(ks, bySurname[w]...)
			}
			slices.Sort(ks)
			ks = slices.Compact(ks)
			ys = ys[:0:0]
			for _, k := range ks {
				ys = append(ys, pb[k])
			}
		}
		for _, y := range ys {
			if nameConflict(x, y, aNames, bNames) {
				out = append(out, Conflict{Type: Name, A: x, B: y})
			}
		}
	}
	return out
}

// figureConflict is the rule for two figures of type t, one an article
// gives and the other does not, and one the other gives and the first does
// not (see conflicts): they conflict when they count the same unit (money:
// the same currency and noun), or when they are each article's only figure
// of the type (oneEach) and no two units differ; never when one is hedged
// and within 15% of the other.
func figureConflict(t Type, x, y *Value, oneEach bool) (Conflict, bool) {
	same := x.Unit != "" && x.Unit == y.Unit
	if t == Money {
		// a currency is no role: "$8 billion" and "$1.375 billion" may pay
		// for different things
		same = x.noun() != "" && x.noun() == y.noun() && x.Unit == y.Unit
	}
	lone := oneEach && (x.Unit == "" || y.Unit == "" || x.Unit == y.Unit)
	if !same && !lone || isIdentifier(x) || isIdentifier(y) {
		return Conflict{}, false
	}
	// and in one frame: of one unit, nobody else named around them (a
	// span of time, "eight years ago", "22 years old", also a word of
	// the frame in common); without one, two words of it in common
	need := 2
	if same {
		need = 0
		if timeUnits[x.Unit] {
			need = 1
		}
	}
	if !sameFrame(x, y, need) {
		return Conflict{}, false
	}
	if (x.Approx || y.Approx) && math.Abs(x.num-y.num) <= 0.15*math.Max(math.Abs(x.num), math.Abs(y.num)) {
		return Conflict{}, false
	}
	u := x.Unit
	if u == "" {
		u = y.Unit
	}
	return Conflict{Type: t, Unit: u, A: x, B: y}, true
}

// timeUnits are the units of spans of time, which figures of many roles
// count.
var timeUnits = names.Set("year", "month", "week", "day", "hour", "minute", "second", "time", "decade", "century")

// calendarDate says whether v is a date of the calendar ("2024-11-01",
// "--11-01"), not a weekday.
func calendarDate(v *Value) bool { return v.Type == Date && strings.Contains(v.Key, "-") }

// person says whether v names a person.
func person(v *Value) bool { return v.Type == Name && v.Person }

// dateConflicts is the rule for calendar dates: da and db are the dates of
// two articles that the other does not give, nA and nB how many distinct
// dates each gives. Only an article's one date conflicts with the other's
// one date.
func dateConflicts(da, db []*Value, nA, nB int) []Conflict {
	if nA == 1 && nB == 1 && len(da) == 1 && len(db) == 1 {
		return []Conflict{{Type: Date, A: da[0], B: db[0]}}
	}
	return nil
}

// nameConflict is the rule for two people, x one article names and the
// other does not, y one the other names and the first does not: one surname
// with two first names, unless either article also names the other's
// person (aNames says whether the first article names a person, bNames the
// second).
func nameConflict(x, y *Value, aNames, bNames func(*Value) bool) bool {
	return differentFirstName(x.Text, y.Text) && !aNames(y) && !bNames(x)
}

// unitOf is what a figure of type t must share with another to conflict
// with it when each article gives several: its unit, and for money the noun
// after it too. Figures without one share a key that pairs them, and the
// unit test in conflicts then turns each pair down.
func unitOf(t Type, v *Value) [2]string {
	if t == Money {
		if v.noun() == "" {
			return [2]string{"\x00none"}
		}
		return [2]string{v.Unit, v.noun()}
	}
	if v.Unit == "" {
		return [2]string{"\x00none"}
	}
	return [2]string{v.Unit}
}

// surname is the last word of a name of two words or more, as
// differentFirstName reads it, or "".
func surname(name string) string {
	if ts := names.NameTokens(name); len(ts) >= 2 {
		return ts[len(ts)-1]
	}
	return ""
}

// unmatchedOf appends to out the values of kind k in xs that no value of
// ys matches, one per distinct value, and returns it with how many
// distinct values of kind k xs gives.
func unmatchedOf(xs, ys *valueIndex, k valueKind, out []*Value) ([]*Value, int) {
	firsts := xs.distinct(k)
	for _, i := range firsts {
		x := &xs.vs[i]
		if j, ok := ys.sameKey(x); ok && sameValue(x, &ys.vs[j]) {
			continue
		}
		found := false
		for _, j := range ys.candidates(x) {
			if sameValue(x, &ys.vs[j]) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out, len(firsts)
}

// valueKind is a kind of value conflicts compares with its like: each
// type of figure, calendar dates, people.
type valueKind int

const (
	kindNumber valueKind = iota
	kindMoney
	kindPercent
	kindCalendarDate
	kindPerson
	kinds // how many there are
)

func kindOfType(t Type) valueKind {
	switch t {
	case Money:
		return kindMoney
	case Percent:
		return kindPercent
	}
	return kindNumber
}

// keeps says whether v is of kind k (v is not copied: every value of an
// event's article is asked for each kind).
func (k valueKind) keeps(v *Value) bool {
	switch k {
	case kindNumber:
		return v.Type == Number
	case kindMoney:
		return v.Type == Money
	case kindPercent:
		return v.Type == Percent
	case kindCalendarDate:
		return calendarDate(v)
	}
	return person(v)
}

func mentionsName(vs *valueIndex, n *Value) bool {
	for _, i := range vs.candidates(n) {
		if v := &vs.vs[i]; v.Type == Name && names.SameTokens(v.nameTokens(), n.nameTokens()) {
			return true
		}
	}
	return false
}

// differentFirstName says whether two names of two words or more share the
// surname (the last word) but not the first name.
func differentFirstName(a, b string) bool {
	ta, tb := names.NameTokens(a), names.NameTokens(b)
	if len(ta) < 2 || len(tb) < 2 {
		return false
	}
	if !names.SimilarWord(ta[len(ta)-1], tb[len(tb)-1]) {
		return false
	}
	fa, fb := ta[0], tb[0]
	if names.SimilarWord(fa, fb) || strings.HasPrefix(fa, fb) || strings.HasPrefix(fb, fa) || names.GivenNameForm(fa, fb) {
		return false
	}
	return true
}

// Event returns the facts of event k, or nil when k is not a shared event.
// The reader marks its gutter with Event(k).Conflict.
func (r *Report) Event(k int) *EventFacts {
	i := sort.Search(len(r.Events), func(i int) bool { return r.Events[i].Event >= k })
	if i < len(r.Events) && r.Events[i].Event == k {
		return &r.Events[i]
	}
	return nil
}
