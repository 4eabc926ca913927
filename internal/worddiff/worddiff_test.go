package worddiff

import (
	"reflect"
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

// compareEqual fails t unless a and b diff as equal pieces only that
// rebuild both texts exactly.
func compareEqual(t *testing.T, a, b string) {
	t.Helper()
	ops := Diff(a, b)
	for _, o := range ops {
		if o.Kind != Equal {
			t.Errorf("%q vs %q: %s op %q", a, b, o.Kind, o.Text)
		}
	}
	if A(ops) != a || B(ops) != b {
		t.Errorf("ops do not rebuild both sides: %q / %q", A(ops), B(ops))
	}
}

func TestTypographyComparesEqual(t *testing.T) {
	compareEqual(t, `He said “no” — it’s over…`, `He said "no" - it's over...`)
}

// Wire copy and plain-text pages type a dash as two or three hyphens; it is
// the same dash as "—" or "–", with the same spacing, and NBSP is a space.
func TestTypedDashesAndNBSPCompareEqual(t *testing.T) {
	for _, p := range [][2]string{
		{"The mayor — who spoke first — left.", "The mayor -- who spoke first -- left."},
		{"The mayor–who spoke first–left.", "The mayor---who spoke first---left."},
		{"It was 40\u00a0miles away.", "It was 40 miles away."},
	} {
		compareEqual(t, p[0], p[1])
	}
	// a hyphen inside a word stays part of it
	if got := Tokens("well-known -- and re-elected", nil); !reflect.DeepEqual(got, []string{"well-known", " ", "--", " ", "and", " ", "re-elected"}) {
		t.Errorf("Tokens = %q", got)
	}
}

// A soft hyphen, a zero width space, joiner or non-joiner, a word joiner or
// a byte order mark inside a text takes no room: the word it sits in is the
// same word, and it does not stand alone as a deleted piece. The ops still
// rebuild both texts with the characters where they were.
func TestCharactersThatTakeNoRoomCompareEqual(t *testing.T) {
	for _, p := range [][2]string{
		{"The may\u00ador said no.", "The mayor said no."},
		{"The mayor said\u200d no.", "The mayor said no."},
		{"The mayor\u200b said no.", "The mayor said no."},
		{"The mayor said no\u200c.", "The mayor said no."},
		{"The mayor \u2060said no.", "The mayor said no."},
		{"\ufeffThe mayor said no.", "The mayor said no."},
		{"The may\u200bor said no.", "The ma\u00adyor said no."},
		{"\u200b", "\ufeff"},
	} {
		compareEqual(t, p[0], p[1])
		compareEqual(t, p[1], p[0])
	}
	// a word that differs still differs, and alone
	ops := Diff("The may\u00ador said no.", "The major said no.")
	var changed []string
	for _, o := range ops {
		if o.Kind != Equal {
			changed = append(changed, o.Text)
		}
	}
	if !reflect.DeepEqual(changed, []string{"may\u00ador", "major"}) {
		t.Errorf("changed pieces %q, want the two words", changed)
	}
	if got := Tokens("\ufeffso\u00ad-called \u200bword\u200d.", nil); !reflect.DeepEqual(got,
		[]string{"\ufeffso\u00ad-called", " \u200b", "word\u200d", "."}) {
		t.Errorf("Tokens = %q", got)
	}
}

// A headline in title case and the same words in sentence case, or a word
// that starts a sentence in one text only, say the same thing; a word whose
// other capitals change ("US" and "us") does not.
func TestCapitalOnlyAtTheStartComparesEqual(t *testing.T) {
	for _, p := range [][2]string{
		{"Mayor Vetoes Harbour Budget", "Mayor vetoes harbour budget"},
		{"The steel has lost a third of its strength.", "the steel has lost a third of its strength."},
		{"Élan Returns To Zürich", "élan returns to Zürich"},
	} {
		compareEqual(t, p[0], p[1])
	}
	for _, p := range [][2]string{{"the US said", "the us said"}, {"NATO", "Nato"}, {"McCain", "Mccain"}} {
		changed := false
		for _, o := range Diff(p[0], p[1]) {
			changed = changed || o.Kind != Equal
		}
		if !changed {
			t.Errorf("%q vs %q compare equal", p[0], p[1])
		}
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

func TestSeedQuotePairMarksTheChangedWords(t *testing.T) {
	p := seedQuotePair(t)
	d := New()
	ops := d.Diff(p[0], p[1])
	if A(ops) != p[0] || B(ops) != p[1] {
		t.Fatal("ops do not rebuild the seed pair")
	}
	var del, ins, eq strings.Builder
	for _, o := range ops {
		switch o.Kind {
		case Delete:
			del.WriteString(o.Text + "|")
		case Insert:
			ins.WriteString(o.Text + "|")
		case Equal:
			eq.WriteString(o.Text + "|")
		}
	}
	for _, w := range []string{"absolute", "esteemed"} {
		if !strings.Contains(del.String(), w) {
			t.Errorf("%q not deleted; deletions: %s", w, del.String())
		}
	}
	for _, w := range []string{"sacred", "honorable"} {
		if !strings.Contains(ins.String(), w) {
			t.Errorf("%q not inserted; insertions: %s", w, ins.String())
		}
	}
	for _, w := range []string{"struggle", "great victory"} {
		if !strings.Contains(eq.String(), w) {
			t.Errorf("%q not shared; equal ops: %s", w, eq.String())
		}
	}
}

func TestOneDifferManyPairs(t *testing.T) {
	d := New()
	pairs := [][2]string{
		{"the minister said on Friday", "the minister stated on Friday"},
		{"“No,” she said — twice…", `"No," she said - twice...`},
		{"", "only new words"},
		{"only old words", ""},
		{"alpha beta gamma", "delta epsilon"},
	}
	for round := 0; round < 2; round++ {
		for _, p := range pairs {
			ops := d.Diff(p[0], p[1])
			if A(ops) != p[0] || B(ops) != p[1] {
				t.Errorf("round %d: ops of %q / %q rebuild %q / %q", round, p[0], p[1], A(ops), B(ops))
			}
		}
	}
	if ops := d.Diff(pairs[1][0], pairs[1][1]); len(ops) != 1 || ops[0].Kind != Equal {
		t.Errorf("typography-only pair gave %v; want one equal op", ops)
	}
	if s := d.Stats(); s.Pairs != 11 || s.Coarse != 0 {
		t.Errorf("stats %+v; want 11 pairs and no coarse gap", s)
	}
}

// TestBigGapWithoutAnchors takes the path where a long gap in which no
// token occurs once is cut into chunks. The diff must stay fine-grained (no
// "delete all, insert all") and the same on every machine.
func TestBigGapWithoutAnchors(t *testing.T) {
	a := strings.Repeat("north south ", BigGap/4+500)
	b := "east " + a[len("north "):] + "west"
	d := New()
	ops := d.Diff(a, b)
	if A(ops) != a || B(ops) != b {
		t.Fatal("ops do not rebuild both sides")
	}
	s := d.Stats()
	if s.Chunked != 1 || s.LongestGap > BigGap || s.Coarse != 0 {
		t.Fatalf("stats %+v; want one gap cut into chunks of at most %d tokens, none coarse", s, BigGap)
	}
	eq := 0
	for _, o := range ops {
		if o.Kind == Equal {
			eq += len(o.Text)
		}
	}
	if eq < len(a)*9/10 {
		t.Fatalf("only %d of %d bytes equal: a coarse diff", eq, len(a))
	}
	if again := New().Diff(a, b); !reflect.DeepEqual(again, ops) {
		t.Fatal("a second Differ gave another diff")
	}
}

// TestWordAtTheEndIsTheSameWord checks that a word read at the end of a
// text, where fewer than eight bytes follow it, has the id of the word read
// where more follow, and that a word one letter longer or with its last
// byte changed has another, for words of every length up to long ones.
func TestWordAtTheEndIsTheSameWord(t *testing.T) {
	for _, w := range []string{"é", "to", "the", "mayor", "budget", "vetoing", "councils", "referendum", "Ørsted"} {
		d := New()
		d.Diff(w+" said the council on Friday", "y")
		inside := d.a.ids[0]
		d.Diff("x "+w, "y")
		if end := d.a.ids[2]; end != inside {
			t.Errorf("%q has id %x inside a text and %x at its end", w, inside, end)
		}
		for _, o := range []string{w + "s", w[:len(w)-1] + "q"} {
			d.Diff(o+" said the council on Friday", "y")
			if other := d.a.ids[0]; other == inside {
				t.Errorf("%q and %q share id %x", w, o, other)
			}
		}
	}
}
