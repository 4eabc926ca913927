package quotes

import (
	"hash/maphash"
	"math/rand/v2"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/names"
)

// knownRef and fullestRef are cast.known and cast.fullest as first
// written: every person sharing a word is a candidate.
func (c *cast) candidatesRef(toks []string) []int {
	var out []int
	seen := map[int]bool{}
	for _, t := range toks {
		for i, p := range c.people {
			for _, u := range p.toks {
				if u == t && !seen[i] {
					seen[i] = true
					out = append(out, i)
				}
			}
		}
	}
	sort.Ints(out)
	return out
}

func (c *cast) fullestRef(p person) string {
	best := p
	for _, i := range c.candidatesRef(p.toks) {
		if q := c.people[i]; names.SameTokens(p.toks, q.toks) && (q.count > best.count || (q.count == best.count && len(q.toks) > len(best.toks))) {
			best = q
		}
	}
	return best.name
}

func (c *cast) knownRef(name string) string {
	t := names.NameTokens(name)
	for _, i := range c.candidatesRef(t) {
		if p := c.people[i]; names.SameTokens(t, p.toks) {
			return c.fullestRef(p)
		}
	}
	return ""
}

// knownQuickRef is cast.knownQuick reading every person.
func (c *cast) knownQuickRef(name string) string {
	toks := names.NameTokens(name)
	best := -1
people:
	for i, p := range c.people {
		if len(toks) == 0 || len(p.toks) < len(toks) {
			continue
		}
		for _, t := range toks {
			if !slices.Contains(p.toks, t) {
				continue people
			}
		}
		if best < 0 || p.count > c.people[best].count || (p.count == c.people[best].count && len(p.toks) > len(c.people[best].toks)) {
			best = i
		}
	}
	if best < 0 {
		return ""
	}
	return c.people[best].name
}

// calledRightBeforeRef is cast.calledRightBefore reading every person.
func (c *cast) calledRightBeforeRef(name, head string) bool {
	for _, p := range c.people {
		if c.fullestRef(p) != name {
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

func (c *cast) describedRef(desc []string) string {
	head := desc[len(desc)-1]
	best, bestN := "", 0
	counts := map[string]int{}
	for _, p := range c.people {
		for _, ctx := range p.contexts {
			if !containsPrefix(ctx, head) {
				continue
			}
			if !describes(ctx, desc) {
				continue
			}
			name := c.fullestRef(p)
			counts[name]++
			if counts[name] > bestN {
				best, bestN = name, counts[name]
			}
		}
	}
	return best
}

// TestCastIndex compares the indexed look-ups of a cast with the look-ups
// through every person sharing a word, on random casts of names made from
// few words, some one letter apart.
func TestCastIndex(t *testing.T) {
	words := []string{"John", "Jon", "Smithov", "Smithof", "Smithova", "Smitho", "Lavrov", "Lavrova", "Sergei", "Sergey",
		"Kim", "Jong", "Un", "Choe", "Son", "Hui", "Zürich", "Zurich", "Mueller", "Müller", "Al", "Bin", "Ann", "Lee"}
	r := rand.New(rand.NewPCG(5, 6))
	name := func() string {
		var parts []string
		for n := 1 + r.IntN(3); n > 0; n-- {
			parts = append(parts, words[r.IntN(len(words))])
		}
		return strings.Join(parts, " ")
	}
	for range 300 {
		c := &cast{}
		ctxWords := []string{"foreign", "minister", "ministry", "mini", "the", "defence", "defense", "spokesman", "of", "north", "korean", "korea"}
		for n := r.IntN(40); n >= 0; n-- {
			var ctx []string
			for k := r.IntN(6); k > 0; k-- {
				ctx = append(ctx, ctxWords[r.IntN(len(ctxWords))])
			}
			c.add(name(), ctx)
		}
		for range 20 {
			var desc []string
			for k := 1 + r.IntN(4); k > 0; k-- {
				desc = append(desc, ctxWords[r.IntN(len(ctxWords))])
			}
			if got, want := c.described(desc), c.describedRef(desc); got != want {
				t.Fatalf("described(%v) = %q, want %q", desc, got, want)
			}
		}
		for range 30 {
			q := name()
			if got, want := c.known(q), c.knownRef(q); got != want {
				t.Fatalf("known(%q) = %q, want %q (cast %v)", q, got, want, c.people)
			}
			if got, want := c.knownQuick(q), c.knownQuickRef(q); got != want {
				t.Fatalf("knownQuick(%q) = %q, want %q (cast %v)", q, got, want, c.people)
			}
		}
		for _, p := range c.people {
			if got, want := c.fullest(p), c.fullestRef(p); got != want {
				t.Fatalf("fullest(%q) = %q, want %q", p.name, got, want)
			}
			for _, head := range ctxWords[:4] {
				name := c.fullestRef(p)
				if got, want := c.calledRightBefore(name, head), c.calledRightBeforeRef(name, head); got != want {
					t.Fatalf("calledRightBefore(%q, %q) = %v, want %v", name, head, got, want)
				}
			}
		}
	}
}

// TestEventOfIndex compares EventOf with a scan of the events for every block
// of a built story, and after the story's events change.
func TestEventOfIndex(t *testing.T) {
	st := load(t, "../../testdata/stories/kestrel-bridge")
	for a, art := range st.Articles {
		for b := -1; b <= len(art.Blocks); b++ {
			if got, want := EventOf(st, a, b), eventOfScan(st, a, b); got != want {
				t.Fatalf("EventOf(%d, %d) = %d, want %d", a, b, got, want)
			}
		}
	}
	if got := EventOf(st, len(st.Articles), 0); got != -1 {
		t.Errorf("EventOf of no article = %d", got)
	}
	// a changed event is found by the scan, not taken from the index
	e := st.Events[len(st.Events)-1]
	for a, bs := range e.Blocks {
		if len(bs) > 0 {
			b := bs[0]
			st.Events[len(st.Events)-1].Blocks[a] = nil
			if got, want := EventOf(st, a, b), eventOfScan(st, a, b); got != want {
				t.Errorf("after a change EventOf(%d, %d) = %d, want %d", a, b, got, want)
			}
			break
		}
	}
}

// TestColonSpace checks that colonSpeech's shortcut skips only texts
// colonRE finds nothing in.
func TestColonSpace(t *testing.T) {
	pieces := []string{"Trump said", ":", ": ", ":\t", ":\n", ":\u00a0", " the wall will be built", ".", "! ", "?", "\n", "“", "”", "Pyongyang", " USA and South Korea plan a strike", " ", "x"}
	r := rand.New(rand.NewPCG(7, 8))
	for range 20000 {
		var b strings.Builder
		for n := r.IntN(10); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		if colonRE().MatchString(s) && !colonSpace(s) {
			t.Fatalf("colonRE matches %q, colonSpace says no", s)
		}
	}
}

// TestHashDeletions checks that the hashes of a word's deletions, made
// without making them, are those of the deletions themselves.
func TestHashDeletions(t *testing.T) {
	seed := maphash.MakeSeed()
	for _, w := range []string{"choe", "sergei", "papadopoulos", "müller", "łukasz", "ab’cde"} {
		got := hashDeletions(seed, w)
		want := []uint64{}
		for _, d := range deletions(w) {
			want = append(want, maphash.String(seed, d))
		}
		if !slices.Equal(got, want) {
			t.Errorf("hashDeletions(%q) = %v, want %v", w, got, want)
		}
	}
}
