package worddiff

import (
	"strings"
	"testing"
)

func TestDiffKeepsWordsWhole(t *testing.T) {
	a := `win a great victory in their absolute struggle to defend`
	b := `achieve a great victory in their sacred struggle to defend`
	ops := Diff(a, b)
	if got := A(ops); got != a {
		t.Fatalf("A() = %q, want %q", got, a)
	}
	if got := B(ops); got != b {
		t.Fatalf("B() = %q, want %q", got, b)
	}
	var del, ins []string
	for _, o := range ops {
		switch o.Kind {
		case Delete:
			del = append(del, strings.TrimSpace(o.Text))
		case Insert:
			ins = append(ins, strings.TrimSpace(o.Text))
		case Equal:
			if strings.Contains(o.Text, "absolute") || strings.Contains(o.Text, "sacred") {
				t.Errorf("changed word in an equal op: %q", o.Text)
			}
		}
	}
	if !contains(del, "absolute") || !contains(ins, "sacred") {
		t.Errorf("deleted %q, inserted %q; want absolute deleted and sacred inserted", del, ins)
	}
}

func TestTypographyComparesEqual(t *testing.T) {
	a := `He said “no” — it’s over…`
	b := `He said "no" - it's over...`
	ops := Diff(a, b)
	for _, o := range ops {
		if o.Kind != Equal {
			t.Errorf("unexpected %s op %q", o.Kind, o.Text)
		}
	}
	if A(ops) != a || B(ops) != b {
		t.Errorf("ops do not rebuild both sides: %q / %q", A(ops), B(ops))
	}
}

func contains(xs []string, s string) bool {
	for _, x := range xs {
		if x == s {
			return true
		}
	}
	return false
}
