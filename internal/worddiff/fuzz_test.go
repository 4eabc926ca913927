package worddiff

import (
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDiff checks that the ops of any pair of texts rebuild both texts
// exactly, that no op is empty, that tokens join back to their text, and that
// an equal op only pairs spellings that compare equal.
func FuzzDiff(f *testing.F) {
	f.Add("win a great victory in their absolute struggle", "achieve a great victory in their sacred struggle")
	f.Add(`He said “no” — it’s over…`, `He said "no" - it's over...`)
	f.Add("", "")
	f.Add("a", "")
	f.Add("\xff\xfe bad bytes", "bad\x00 bytes\u00a0here")
	f.Add("U.S. troops 8,000 don't", "U.S. troops 10,000 do not")
	f.Add("\x1b]0;title\x07 and \u202e", "\x1b[2J and \u202e")
	f.Add("\ufeffThe may\u00ador \u200bsaid\u200d", "The mayor said \u2060")
	f.Fuzz(func(t *testing.T, a, b string) {
		ops := Diff(a, b)
		if got := A(ops); got != a {
			t.Fatalf("A(ops) = %q, want %q", got, a)
		}
		if got := B(ops); got != b {
			t.Fatalf("B(ops) = %q, want %q", got, b)
		}
		for i, o := range ops {
			if o.Text == "" {
				t.Fatalf("op %d (%s) is empty", i, o.Kind)
			}
			if o.Kind != Equal && o.Other != "" {
				t.Fatalf("op %d (%s) has Other %q", i, o.Kind, o.Other)
			}
			if o.Kind == Equal && o.Other != "" && norm(o.Text) != norm(o.Other) {
				t.Fatalf("equal op %d pairs %q with %q", i, o.Text, o.Other)
			}
			if i > 0 && ops[i-1].Kind == o.Kind {
				t.Fatalf("ops %d and %d are both %s", i-1, i, o.Kind)
			}
		}
		for _, s := range []string{a, b} {
			toks := Tokens(s, nil)
			if strings.Join(toks, "") != s {
				t.Fatalf("Tokens(%q) joined = %q", s, strings.Join(toks, ""))
			}
			for _, tok := range toks {
				if tok == "" {
					t.Fatalf("Tokens(%q) gave an empty token", s)
				}
			}
			var want []int
			for i := 0; i < len(s); i = tokenEnd(s, i) {
				want = append(want, i)
			}
			if got := offsets(s, nil); !slices.Equal(got, append(want, len(s))) {
				t.Fatalf("offsets(%q) = %v, tokenEnd gives %v", s, got, want)
			}
		}
		if utf8.ValidString(a) && utf8.ValidString(b) {
			for i, o := range ops {
				if !utf8.ValidString(o.Text) || !utf8.ValidString(o.Other) {
					t.Fatalf("op %d holds invalid UTF-8 from valid input: %q", i, o.Text)
				}
			}
		}
	})
}

// norm is the comparison form of a whole text: each token normalised.
func norm(s string) string {
	var b strings.Builder
	for _, t := range Tokens(s, nil) {
		b.WriteString(Normalize(t))
	}
	return b.String()
}
