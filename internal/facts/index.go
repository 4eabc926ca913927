package facts

import (
	"math"
	"slices"
	"sort"
	"unicode/utf8"
)

// indexFrom is the number of values from which a valueIndex is built. A
// shared event gives a few values per article, which are compared with
// one another; a story of one long paragraph a side gives thousands in one
// event, and comparing each with every other took seconds.
const indexFrom = 32

// valueIndex finds the values of a list that SameValue may match with a
// given value: a superset of them, in list order, each still to be checked
// with SameValue. Below indexFrom values it offers every name for a name
// and every other value for another: SameValue matches a name only with a
// name.
type valueIndex struct {
	vs []Value
	// names by their key, and by each of their words and each of those
	// words with one letter taken out (two words one edit apart share one
	// of these forms: see names.SimilarWord)
	nameKeys  map[string][]int32
	nameWords map[string][]int32
	// values with no number, by type and key; dates also by month and day
	plain    map[plainKey][]int32
	monthDay map[string][]int32
	// values with a number, per kind of number (numeric) and the place of
	// their last digit, sorted by number; odd holds those whose number is
	// not finite, per kind
	nums []numGroup
	odd  map[string][]int32
	// below indexFrom values: the indices of the names and of the
	// others, once asked for
	family [2][]int32
	split  bool
	// scratch for one query
	mark []bool
	out  []int32
	// per kind of value, the first of each distinct value (see distinct),
	// once asked for
	firsts [kinds][]int32
	asked  [kinds]bool
	// from indexFrom values, the first value of each type and key, once
	// asked for (sameKey)
	keys map[plainKey]int32
}

type plainKey struct {
	t   Type
	key string
}

// numGroup holds the numbered values of one kind and one precision.
type numGroup struct {
	numGroupKey
	at []int32 // sorted by the value's number
}

// numGroupKey is a numGroup's kind (numeric) and precision.
type numGroupKey struct {
	kind string
	prec float64
}

func newValueIndex(vs []Value) *valueIndex {
	ix := &valueIndex{vs: vs}
	if len(vs) < indexFrom {
		return ix
	}
	ix.nameKeys, ix.nameWords = map[string][]int32{}, map[string][]int32{}
	ix.plain, ix.monthDay = map[plainKey][]int32{}, map[string][]int32{}
	ix.odd = map[string][]int32{}
	ix.mark = make([]bool, len(vs))
	groups := map[numGroupKey]int{}
	var words []string
	for i := range vs {
		v, id := &vs[i], int32(i)
		switch {
		case v.Type == Name:
			ix.nameKeys[v.Key] = append(ix.nameKeys[v.Key], id)
			words = words[:0]
			for _, t := range v.nameTokens() {
				words = wordForms(words, t)
			}
			for k, w := range words {
				if !slices.Contains(words[:k], w) {
					ix.nameWords[w] = append(ix.nameWords[w], id)
				}
			}
		default:
			if v.num == 0 {
				ix.plain[plainKey{v.Type, v.Key}] = append(ix.plain[plainKey{v.Type, v.Key}], id)
				if md := monthDayOf(v); md != "" {
					ix.monthDay[md] = append(ix.monthDay[md], id)
				}
			}
			// SameValue compares a value without a number to one with a
			// number as numbers too
			if !finite(v.num) {
				ix.odd[numeric(v.Type)] = append(ix.odd[numeric(v.Type)], id)
				continue
			}
			gk := numGroupKey{numeric(v.Type), v.prec}
			g, ok := groups[gk]
			if !ok {
				g = len(ix.nums)
				groups[gk] = g
				ix.nums = append(ix.nums, numGroup{numGroupKey: gk})
			}
			ix.nums[g].at = append(ix.nums[g].at, id)
		}
	}
	for g := range ix.nums {
		at := ix.nums[g].at
		sort.SliceStable(at, func(i, j int) bool { return vs[at[i]].num < vs[at[j]].num })
	}
	return ix
}

// wordForms appends w and, when names.SimilarWord may find it one edit from
// another word (five letters or more), w with each of its letters taken
// out.
func wordForms(out []string, w string) []string {
	out = append(out, w)
	if utf8.RuneCountInString(w) < 5 {
		return out
	}
	for i, r := range w {
		out = append(out, w[:i]+w[i+utf8.RuneLen(r):])
	}
	return out
}

// monthDayOf is the month and day of a date value's key ("11-01" of
// "2024-11-01" and of "--11-01"), or "".
func monthDayOf(v *Value) string {
	if v.Type != Date {
		return ""
	}
	switch k := v.Key; {
	case len(k) > 2 && k[:2] == "--":
		return k[2:]
	case len(k) == 10:
		return k[5:]
	}
	return ""
}

// distinct returns, in list order, the indices of the values of kind k
// that no earlier value of kind k matches (SameValue): one per distinct
// value. An article's values are compared with each other article's in the
// event, and this part of it is the same each time.
func (ix *valueIndex) distinct(k valueKind) []int32 {
	if ix.asked[k] {
		return ix.firsts[k]
	}
	ix.asked[k] = true
	first := make([]bool, len(ix.vs))
	for i := range ix.vs {
		x := &ix.vs[i]
		if !k.keeps(x) {
			continue
		}
		dup := false
		for _, d := range ix.candidates(x) {
			if first[d] && sameValue(&ix.vs[d], x) {
				dup = true
				break
			}
		}
		if !dup {
			first[i] = true
			ix.firsts[k] = append(ix.firsts[k], int32(i))
		}
	}
	return ix.firsts[k]
}

// sameKey returns the first value of the list with x's type and key, for
// a quick match before the candidates are read: the articles of one event
// mostly write a value alike. SameValue must still confirm it.
func (ix *valueIndex) sameKey(x *Value) (int32, bool) {
	if len(ix.vs) < indexFrom {
		// a few values: read in place, cheaper than a map made for them
		for i := range ix.vs {
			if ix.vs[i].Key == x.Key && ix.vs[i].Type == x.Type {
				return int32(i), true
			}
		}
		return 0, false
	}
	if ix.keys == nil {
		ix.keys = make(map[plainKey]int32, len(ix.vs))
		for i := len(ix.vs) - 1; i >= 0; i-- {
			ix.keys[plainKey{ix.vs[i].Type, ix.vs[i].Key}] = int32(i)
		}
	}
	j, ok := ix.keys[plainKey{x.Type, x.Key}]
	return j, ok
}

// candidates returns, in ascending order, the indices of the values that
// SameValue(x, v) or SameValue(v, x) may hold for. The slice may change at
// the next call, and callers must not change it.
func (ix *valueIndex) candidates(x *Value) []int32 {
	if ix.mark == nil {
		if !ix.split {
			ix.split = true
			for i := range ix.vs {
				f := 0
				if ix.vs[i].Type == Name {
					f = 1
				}
				ix.family[f] = append(ix.family[f], int32(i))
			}
		}
		if x.Type == Name {
			return ix.family[1]
		}
		return ix.family[0]
	}
	out := ix.out[:0]
	add := func(ids []int32) {
		for _, id := range ids {
			if !ix.mark[id] {
				ix.mark[id] = true
				out = append(out, id)
			}
		}
	}
	if x.Type == Name {
		add(ix.nameKeys[x.Key])
		var words []string
		for _, t := range x.nameTokens() {
			words = wordForms(words[:0], t)
			for _, w := range words {
				add(ix.nameWords[w])
			}
		}
	} else {
		if x.num == 0 {
			add(ix.plain[plainKey{x.Type, x.Key}])
			if md := monthDayOf(x); md != "" {
				add(ix.monthDay[md])
			}
		}
		kind := numeric(x.Type)
		add(ix.odd[kind])
		for _, g := range ix.nums {
			if g.kind != kind {
				continue
			}
			if !finite(x.num) {
				add(g.at)
				continue
			}
			// SameValue's numbers are the same to the precision p of the
			// less precise one: they differ by less than p/2 and a
			// billionth of the larger, or round alike to p (less than p
			// apart); twice that is room for the rounding of floats
			p := math.Max(x.prec, g.prec)
			if p <= 0 {
				p = 1
			}
			w := 2*p + 4e-9*(math.Abs(x.num)+2*p)
			vs, at := ix.vs, g.at
			lo := sort.Search(len(at), func(i int) bool { return vs[at[i]].num >= x.num-w })
			for k := lo; k < len(at) && vs[at[k]].num <= x.num+w; k++ {
				// two values without numbers compare by type and key
				// (above)
				if x.num != 0 || vs[at[k]].num != 0 {
					add(at[k : k+1])
				}
			}
		}
	}
	for _, id := range out {
		ix.mark[id] = false
	}
	slices.Sort(out)
	ix.out = out
	return out
}

func finite(f float64) bool { return !math.IsNaN(f) && !math.IsInf(f, 0) }
