package facts

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/names"
)

// TestIndexedChecksMatchReference checks agreements and conflicts, which
// look values up in a valueIndex, against the versions that compared every
// value with every other (below), on random lists of names, figures and
// dates short and long, with near spellings, repeats, several precisions,
// units, and numbers that are not finite.
func TestIndexedChecksMatchReference(t *testing.T) {
	for seed := range uint64(400) {
		checkIndexed(t, seed, 20+140*int(seed%2)) // past indexFrom every other seed
	}
}

// FuzzIndexedChecks is TestIndexedChecksMatchReference on more seeds.
func FuzzIndexedChecks(f *testing.F) {
	f.Add(uint64(1), uint8(160))
	f.Fuzz(func(t *testing.T, seed uint64, maxLen uint8) {
		checkIndexed(t, seed, int(maxLen))
	})
}

// checkIndexed compares agreements and conflicts with the reference on the
// random lists of seed, each of up to maxLen values.
func checkIndexed(t *testing.T, seed uint64, maxLen int) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, 7))
	arts := []int{0, 1, 2}[:2+r.IntN(2)]
	byArt := map[int][]Value{}
	var pool []Value
	for _, a := range arts {
		n := r.IntN(maxLen + 1)
		for range n {
			var v Value
			if len(pool) > 0 && seed%4 != 3 && r.IntN(3) == 0 {
				v = pool[r.IntN(len(pool))] // the same value again, here or elsewhere
			} else {
				v = randomValue(r)
				pool = append(pool, v)
			}
			v.Article = a
			v.Start = r.IntN(1000)
			byArt[a] = append(byArt[a], v)
		}
	}
	lists := make([][]Value, len(arts))
	idx := make([]*valueIndex, len(arts))
	for x, a := range arts {
		lists[x] = byArt[a]
		idx[x] = newValueIndex(byArt[a])
	}
	if got, want := agreements(arts, lists, idx), refAgreements(arts, byArt); !same(got, want) {
		t.Fatalf("seed %d: agreements\n got %+v\nwant %+v", seed, got, want)
	}
	for x := range arts {
		for y := x + 1; y < len(arts); y++ {
			got := conflicts(idx[x], idx[y])
			want := refConflicts(byArt[arts[x]], byArt[arts[y]])
			if !same(got, want) {
				t.Fatalf("seed %d: conflicts of %d and %d\n got %+v\nwant %+v", seed, x, y, got, want)
			}
		}
	}
}

// same compares two results as printed: NaN, which some of the values
// hold, is not equal to itself.
// same compares by the Go syntax of a and b (NaN equals NaN there, not in
// reflect.DeepEqual), conflicts by the values they point to (whose words
// and figures are compared by where they are: both sides' values are
// copies of one list's).
func same(a, b any) bool { return fmt.Sprintf("%#v", pointees(a)) == fmt.Sprintf("%#v", pointees(b)) }

func pointees(x any) any {
	cs, ok := x.([]Conflict)
	if !ok {
		return x
	}
	type conflict struct {
		Type Type
		Unit string
		A, B Value
	}
	out := make([]conflict, len(cs))
	for i, c := range cs {
		out[i] = conflict{c.Type, c.Unit, *c.A, *c.B}
	}
	return out
}

var nameWords = []string{"Sergei", "Sergey", "Lavrov", "Lavrova", "Choe", "Son", "Hui", "Fox", "Vicente", "Calderon",
	"Calderón", "Trump", "Trumps", "Alexei", "Alexey", "Blinken", "Smith", "Smyth", "John", "Jon", "Mr.", "Kursk", "Zimarco", "Zimarcos"}

func randomValue(r *rand.Rand) Value {
	switch r.IntN(5) {
	case 0:
		// a person: first name and surname, the surname sometimes spelt
		// one letter apart
		firsts := []string{"Sergei", "Alexei", "John", "Vicente", "Choe", "Felipe"}
		lasts := []string{"Smith", "Smyth", "Lavrov", "Lavrova", "Calderon", "Calderón", "Blinken", "Blinkin"}
		text := firsts[r.IntN(len(firsts))] + " " + lasts[r.IntN(len(lasts))]
		toks := names.NameTokens(text)
		return Value{Type: Name, Text: text, Key: strings.Join(toks, " "), Person: true, toks: &toks}
	case 1:
		n := 1 + r.IntN(3)
		var ws []string
		for range n {
			ws = append(ws, nameWords[r.IntN(len(nameWords))])
		}
		text := strings.Join(ws, " ")
		toks := names.NameTokens(text)
		return Value{Type: Name, Text: text, Key: strings.Join(toks, " "), Person: r.IntN(2) == 0, toks: &toks}
	case 2, 3:
		types := []Type{Number, Money, Percent, Year}
		nums := []float64{0, 5, 7, 20, 30, 8000, 8500, 10000, 1.375e9, 3.5e9, 3.6e9, 0.5, 1e300, math.Inf(1), math.NaN()}
		precs := []float64{0, 1, 0.1, 1000, 1e6, 1e8, 1e9}
		units := []string{"", "soldier", "USD", "EUR", "tank"}
		nouns := []string{"", "grant", "loan"}
		num, prec := nums[r.IntN(len(nums))], precs[r.IntN(len(precs))]
		if r.IntN(3) > 0 {
			// most figures: written to their last digit
			num, prec = float64(r.IntN(2000)), 1
		}
		v := Value{Type: types[r.IntN(len(types))], Text: fmt.Sprint(num), Key: strconv.FormatFloat(num, 'f', -1, 64),
			Unit: units[r.IntN(len(units))], Approx: r.IntN(4) == 0, num: num, prec: prec}
		if noun := nouns[r.IntN(len(nouns))]; noun != "" {
			v.fig = &figure{noun: noun}
		}
		return v
	default:
		keys := []string{"2024-11-01", "2024-11-02", "2023-11-01", "--11-01", "--11-02", "friday", "2024"}
		k := keys[r.IntN(len(keys))]
		return Value{Type: Date, Text: k, Key: k}
	}
}

// The checks as they were before valueIndex: every value against every
// other.

func refAgreements(arts []int, byArt map[int][]Value) []Agreement {
	var out []Agreement
	used := map[int]map[int]bool{}
	for _, a := range arts {
		used[a] = map[int]bool{}
	}
	for x, a := range arts {
		for i, v := range byArt[a] {
			if used[a][i] {
				continue
			}
			ag := Agreement{Type: v.Type, Key: v.Key}
			used[a][i] = true
			for _, b := range arts[x+1:] {
				for j, w := range byArt[b] {
					if used[b][j] || !SameValue(v, w) {
						continue
					}
					used[b][j] = true
					ag.join(a, &v, b, &w)
					break
				}
			}
			// the same value again in the same article is not news
			for i2 := i + 1; i2 < len(byArt[a]); i2++ {
				if SameValue(v, byArt[a][i2]) {
					used[a][i2] = true
				}
			}
			if len(ag.Articles) > 1 {
				out = append(out, ag)
			}
		}
	}
	if out == nil {
		out = []Agreement{}
	}
	return out
}

func refConflicts(av, bv []Value) []Conflict {
	var out []Conflict
	for _, t := range []Type{Number, Money, Percent} {
		ua, na := refUnmatched(av, bv, t)
		ub, nb := refUnmatched(bv, av, t)
		for _, x := range ua {
			for _, y := range ub {
				if c, ok := figureConflict(t, &x, &y, na == 1 && nb == 1); ok {
					out = append(out, c)
				}
			}
		}
	}
	isDate := func(v Value) bool { return calendarDate(&v) }
	da, ndA := refUnmatchedIf(av, bv, isDate)
	db, ndB := refUnmatchedIf(bv, av, isDate)
	out = append(out, dateConflicts(refPointers(da), refPointers(db), ndA, ndB)...)
	isPerson := func(v Value) bool { return person(&v) }
	pa, _ := refUnmatchedIf(av, bv, isPerson)
	pb, _ := refUnmatchedIf(bv, av, isPerson)
	aNames := func(v *Value) bool { return refMentionsName(av, *v) }
	bNames := func(v *Value) bool { return refMentionsName(bv, *v) }
	for _, x := range pa {
		for _, y := range pb {
			if nameConflict(&x, &y, aNames, bNames) {
				out = append(out, Conflict{Type: Name, A: &x, B: &y})
			}
		}
	}
	return out
}

func refPointers(vs []Value) []*Value {
	out := make([]*Value, len(vs))
	for i := range vs {
		out[i] = &vs[i]
	}
	return out
}

func refUnmatched(xs, ys []Value, t Type) ([]Value, int) {
	return refUnmatchedIf(xs, ys, func(v Value) bool { return v.Type == t })
}

func refUnmatchedIf(xs, ys []Value, keep func(Value) bool) ([]Value, int) {
	var out, distinct []Value
	for _, x := range xs {
		if !keep(x) {
			continue
		}
		dup := false
		for _, d := range distinct {
			if SameValue(d, x) {
				dup = true
				break
			}
		}
		if dup {
			continue
		}
		distinct = append(distinct, x)
		found := false
		for _, y := range ys {
			if SameValue(x, y) {
				found = true
				break
			}
		}
		if !found {
			out = append(out, x)
		}
	}
	return out, len(distinct)
}

func refMentionsName(vs []Value, n Value) bool {
	for _, v := range vs {
		if v.Type == Name && names.SameTokens(v.nameTokens(), n.nameTokens()) {
			return true
		}
	}
	return false
}
