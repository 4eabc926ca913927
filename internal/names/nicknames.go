package names

import (
	_ "embed"
	"strings"
	"sync"
)

// nicknamesCSV lists English given names with their nicknames and
// diminutives, one name a line: the name, then its other forms. The rows
// are taken unchanged from the lookup table names.csv of
// github.com/carltonnorthern/nicknames (Apache License 2.0; compiled by
// Old Dominion University's Web Science and Digital Libraries Research
// Group), keeping the given names common in news reporting.
//
//go:embed nicknames.csv
var nicknamesCSV string

// nicknames maps a given name to its forms, both ways: "richard" to "rick"
// and "rick" to "richard".
var nicknames = sync.OnceValue(func() map[string]map[string]bool {
	m := map[string]map[string]bool{}
	add := func(a, b string) {
		if m[a] == nil {
			m[a] = map[string]bool{}
		}
		m[a][b] = true
	}
	for _, line := range strings.Split(nicknamesCSV, "\n") {
		fs := strings.Split(strings.TrimSpace(line), ",")
		if len(fs) < 2 {
			continue
		}
		for _, f := range fs[1:] {
			add(fs[0], f)
			add(f, fs[0])
		}
	}
	return m
})

// GivenNameForm says whether two folded given names are one name in two
// forms: a nickname and its full form ("rick" and "richard", "rudy" and
// "rudolph", "bill" and "william"), or an initial and a name it may stand
// for ("w" or "w." and "william").
func GivenNameForm(a, b string) bool { return formsOf(a).of(b) }

// givenForms is GivenNameForm(a, ·) of one name a, read once for the
// many names SameTokens weighs against it.
type givenForms struct {
	a    string
	nick map[string]bool // a's other forms
}

func formsOf(a string) givenForms {
	a = strings.TrimSuffix(a, ".")
	return givenForms{a: a, nick: nicknames()[a]}
}

// of is GivenNameForm(g.a, b).
func (g givenForms) of(b string) bool {
	b = strings.TrimSuffix(b, ".")
	if g.a == b {
		return true
	}
	if len(g.a) == 1 || len(b) == 1 {
		return g.a != "" && b != "" && g.a[0] == b[0]
	}
	return g.nick[b]
}
