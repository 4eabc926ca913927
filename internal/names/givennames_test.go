package names

import (
	"strings"
	"testing"
)

func TestGivenNameSex(t *testing.T) {
	for _, c := range []struct {
		name string
		want Sex
	}{
		{"hillary", SexFemale}, {"donald", SexMale}, {"caitlyn", SexFemale}, {"denis", SexMale},
		{"aabriella", SexFemale}, // the table's first line
		{"trump", SexUnknown}, {"", SexUnknown}, {"hillar", SexUnknown}, {"mcdonough", SexUnknown}, {"zzzz", SexUnknown},
	} {
		if got := GivenNameSex(c.name); got != c.want {
			t.Errorf("GivenNameSex(%q) = %d, want %d", c.name, got, c.want)
		}
	}
}

// TestGivenNamesTable checks the embedded table's form: the lookup's
// binary search needs its lines in byte order, each a name of letters a
// to z, a space and f or m.
func TestGivenNamesTable(t *testing.T) {
	rows := strings.Split(strings.TrimSuffix(givenNamesTxt, "\n"), "\n")
	if len(rows) < 10000 {
		t.Fatalf("%d names, want the whole table", len(rows))
	}
	for i, r := range rows {
		name, s, ok := strings.Cut(r, " ")
		if !ok || name == "" || strings.Trim(name, "abcdefghijklmnopqrstuvwxyz") != "" || (s != "f" && s != "m") {
			t.Fatalf("line %d %q: want a name in lower case, a space and f or m", i+1, r)
		}
		if i > 0 && rows[i-1] >= r {
			t.Fatalf("line %d %q does not follow %q in byte order", i+1, r, rows[i-1])
		}
	}
}
