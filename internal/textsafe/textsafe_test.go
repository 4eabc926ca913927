package textsafe

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"
)

// acts reports whether s holds anything a terminal might act on: a C0 or C1
// control other than newline, DEL, a bidirectional control, or invalid UTF-8.
func acts(s string, newlineOK bool) bool {
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return true
		case r == '\n':
			if !newlineOK {
				return true
			}
		case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
			return true
		case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return true
		}
		i += size
	}
	return false
}

func TestEveryControlIsReplaced(t *testing.T) {
	var rs []rune
	for r := rune(0); r < 0x20; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, 0x7f)
	for r := rune(0x80); r <= 0x9f; r++ {
		rs = append(rs, r)
	}
	rs = append(rs, 0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069)
	for _, r := range rs {
		in := "a" + string(r) + "b"
		out := Visible(in)
		if r == '\n' {
			if out != in || !Clean(in) {
				t.Errorf("newline changed: %q", out)
			}
			continue
		}
		if Clean(in) {
			t.Errorf("Clean(%U) = true", r)
		}
		if acts(out, true) {
			t.Errorf("Visible(%U) = %q still acts on a terminal", r, out)
		}
		if !strings.HasPrefix(out, "a") || !strings.HasSuffix(out, "b") || len(out) <= 2 && r != '\t' {
			t.Errorf("Visible(%U) = %q, want a visible stand-in between a and b", r, out)
		}
	}
}

func TestStandIns(t *testing.T) {
	cases := map[string]string{
		"\x1b]0;title\x07":       "␛]0;title␇",
		"\x1b[2J":                "␛[2J",
		"\x1b]52;c;SGVsbG8=\x07": "␛]52;c;SGVsbG8=␇",
		"a\tb":                   "a b",
		"cr\rover":               "cr␍over",
		"del\x7f":                "del␡",
		"\u009b31m":              "⟨U+009B⟩31m",
		"\u202egnp.exe":          "⟨U+202E⟩gnp.exe",
		"iso\u2066late\u2069":    "iso⟨U+2066⟩late⟨U+2069⟩",
		"bad \x9b[2J byte":       "bad \uFFFD[2J byte",
		"keeps \uFFFD as is":     "keeps \uFFFD as is",
		"two\nlines":             "two\nlines",
		"plain “text” — ok…":     "plain “text” — ok…",
		"":                       "",
	}
	for in, want := range cases {
		if got := Visible(in); got != want {
			t.Errorf("Visible(%q) = %q, want %q", in, got, want)
		}
	}
	if got := VisibleLine("one\ntwo\x1b[0m\n"); got != "one two␛[0m " {
		t.Errorf("VisibleLine = %q", got)
	}
}

func TestCleanMatchesVisible(t *testing.T) {
	for _, s := range []string{"", "ascii", "naïve café", "emoji 🙂", "\uFFFD", "\x00", "\xc3", "a\xc3(b", "\u0085", "\u2028", "日本語\x1b"} {
		if Clean(s) != (Visible(s) == s) {
			t.Errorf("Clean(%q) = %v but Visible gives %q", s, Clean(s), Visible(s))
		}
	}
}

func FuzzVisible(f *testing.F) {
	for _, s := range []string{"\x1b]0;t\x07", "\u202e", "\x9b", "a\nb\tc", "\xff\xfe", "🙂\u0085"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		v := Visible(s)
		if acts(v, true) {
			t.Fatalf("Visible(%q) = %q still acts on a terminal", s, v)
		}
		if l := VisibleLine(s); acts(l, false) {
			t.Fatalf("VisibleLine(%q) = %q still acts on a terminal", s, l)
		}
		if Clean(s) != (v == s) {
			t.Fatalf("Clean(%q) = %v, Visible = %q", s, Clean(s), v)
		}
		if Visible(v) != v {
			t.Fatalf("Visible is not idempotent on %q", s)
		}
		if utf8.ValidString(s) && strings.Count(v, "\n") != strings.Count(s, "\n") {
			t.Fatalf("newlines changed: %q -> %q", s, v)
		}
	})
}

func ExampleVisible() {
	fmt.Println(Visible("Title\x1b]0;owned\x07 \u202eevil"))
	// Output: Title␛]0;owned␇ ⟨U+202E⟩evil
}

// Characters that take no room are shown, unless they join the parts of
// an emoji or of a script's letters, where they belong.
func TestInvisibleCharactersAreShown(t *testing.T) {
	for _, r := range []rune{0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0xfeff, 0xe0041, 0xe0001, 0xfff9, 0xfffa, 0xfffb, 0x2028, 0x2029, 0x180e, 0x2062, 0x206f} {
		in := "pre" + string(r) + "sident"
		out := Visible(in)
		if want := fmt.Sprintf("pre⟨U+%04X⟩sident", r); out != want {
			t.Errorf("Visible(%U between letters) = %q, want %q", r, out, want)
		}
		if Clean(in) {
			t.Errorf("Clean(%U) = true", r)
		}
	}
	for _, keep := range []string{
		"family 👨\u200d👩\u200d👧 here",                                        // an emoji sequence
		"flag 🏴\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", // Scotland
		"क्\u200dष",     // Devanagari half form
		"می\u200cخواهم", // Persian: the non-joiner keeps a prefix's letters apart
		"👩\u200d💻 codes",
	} {
		if out := Visible(keep); out != keep {
			t.Errorf("Visible(%q) = %q, want it kept", keep, out)
		}
	}
	// A joiner at an edge, or beside ASCII, joins nothing.
	for _, in := range []string{"\u200d👩", "👩\u200d", "a\u200db", "👩\u200d a"} {
		if out := Visible(in); !strings.Contains(out, "⟨U+200D⟩") {
			t.Errorf("Visible(%q) = %q", in, out)
		}
	}
}

// The characters a comparison of wording skips are the ones that take no
// room; Visible shows each of them between two ASCII letters, so an
// editor sees what made "may­or" a different spelling of "mayor".
func TestIgnorableCharactersAreShown(t *testing.T) {
	var n int
	for r := rune(0); r <= 0x10ffff; r++ {
		if !Ignorable(r) {
			continue
		}
		n++
		if out := Visible("may" + string(r) + "or"); out != fmt.Sprintf("may⟨U+%04X⟩or", r) {
			t.Errorf("Visible(%U in a word) = %q", r, out)
		}
	}
	if n != 29 {
		t.Errorf("%d ignorable characters, want 29", n)
	}
	for _, r := range []rune{' ', 'a', '-', 0xa0, 0x2010, 0x2028, 0x0301, 0xe0041, 0xfff9, 0x1f600} {
		if Ignorable(r) {
			t.Errorf("Ignorable(%U) = true", r)
		}
	}
}
