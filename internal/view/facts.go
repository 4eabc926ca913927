package view

import (
	"fmt"
	"slices"
	"strings"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/story"
)

// FactGroup is one thing the articles of an event give different values
// for ("number (family)"): each value once, with the articles that give
// it.
type FactGroup struct {
	// Kind is what the values are, as FactKind says it; Unit what the
	// numbers count, when known.
	Kind, Unit string
	// Values are the values given, those most articles give first.
	Values []FactValue
}

// FactValue is one value of a FactGroup and the articles that give it.
type FactValue struct {
	// Text is the value as the first of its articles writes it.
	Text string
	// Articles give the value, in order.
	Articles []int
}

// FactGroups gathers the conflicts of an event, each a pair of values, into
// the things they differ on. Fifty outlets of which one gives another date
// make 49 conflicts; an editor reads one line: the date most give, with
// them, and the other date, with the one that gives it. Values in conflict
// with one another, directly or through a third value of the same type and
// unit, are one group; values written alike (by key) are one value. Groups
// come in the order of their first conflict. Two articles give the same
// groups as their conflicts, one value each.
func FactGroups(ef *facts.EventFacts) []FactGroup {
	if ef == nil || len(ef.Conflicts) == 0 {
		return nil
	}
	// union-find over the event's values, which conflicts point into
	at := make(map[*facts.Value]int)
	var vals []*facts.Value
	var parent []int
	id := func(v *facts.Value) int {
		if k, ok := at[v]; ok {
			return k
		}
		at[v] = len(vals)
		vals = append(vals, v)
		parent = append(parent, len(parent))
		return len(vals) - 1
	}
	var find func(int) int
	find = func(k int) int {
		for parent[k] != k {
			parent[k] = parent[parent[k]]
			k = parent[k]
		}
		return k
	}
	var first []int // each value's first conflict, which says what it is
	for i, c := range ef.Conflicts {
		a, b := id(c.A), id(c.B)
		for len(first) < len(vals) {
			first = append(first, i)
		}
		if ra, rb := find(a), find(b); ra != rb {
			parent[max(ra, rb)] = min(ra, rb) // the first value stays the root: groups keep their order
		}
	}
	var order []int // roots, in the order their groups first appear
	members := map[int][]int{}
	for k := range vals {
		r := find(k)
		if _, ok := members[r]; !ok {
			order = append(order, r)
		}
		members[r] = append(members[r], k)
	}
	out := make([]FactGroup, 0, len(order))
	for _, r := range order {
		c := ef.Conflicts[first[r]]
		out = append(out, FactGroup{Kind: FactKind(c), Unit: c.Unit, Values: groupValues(vals, members[r])})
	}
	return out
}

// groupValues merges the values ks of vals that have one key, or, when
// they all have one key, one text, and orders them by how many articles
// give them, then by their first article.
func groupValues(vals []*facts.Value, ks []int) []FactValue {
	same := func(v *facts.Value) string { return v.Key }
	if allOne(vals, ks, same) {
		same = func(v *facts.Value) string { return v.Text }
	}
	var out []FactValue
	index := map[string]int{}
	for _, k := range ks {
		v := vals[k]
		i, ok := index[same(v)]
		if !ok {
			i = len(out)
			index[same(v)] = i
			out = append(out, FactValue{Text: v.Text})
		}
		if !slices.Contains(out[i].Articles, v.Article) {
			out[i].Articles = append(out[i].Articles, v.Article)
		}
	}
	for i := range out {
		slices.Sort(out[i].Articles)
	}
	slices.SortStableFunc(out, func(a, b FactValue) int {
		if len(a.Articles) != len(b.Articles) {
			return len(b.Articles) - len(a.Articles)
		}
		return a.Articles[0] - b.Articles[0]
	})
	return out
}

// allOne says whether every value ks of vals has one key by same.
func allOne(vals []*facts.Value, ks []int, same func(*facts.Value) string) bool {
	for _, k := range ks[1:] {
		if same(vals[k]) != same(vals[ks[0]]) {
			return false
		}
	}
	return true
}

// FactGroupText says g in words: "The Herald and The Times give “387”; The
// Post gives “118”", or, when each value has one article, "The Herald
// gives “387”, The Post gives “118”". Each outlet name and value passes
// through esc, the renderer's escaping. With most > 0, a value names at
// most that many outlets and counts the rest ("and 44 others").
func FactGroupText(st *story.Story, g FactGroup, most int, esc func(string) string) string {
	sep := ", "
	parts := make([]string, len(g.Values))
	for i, v := range g.Values {
		if len(v.Articles) > 1 {
			sep = "; "
		}
		var who []string
		for k, a := range v.Articles {
			if most > 0 && k == most && len(v.Articles) > most+1 {
				who = append(who, fmt.Sprintf("%d others", len(v.Articles)-most))
				break
			}
			who = append(who, esc(Outlet(st, a)))
		}
		verb := "gives"
		if len(who) > 1 {
			verb = "give"
		}
		parts[i] = fmt.Sprintf("%s %s “%s”", andList(who), verb, esc(v.Text))
	}
	return strings.Join(parts, sep)
}

// andList joins words as a list in prose: "a", "a and b", "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}
