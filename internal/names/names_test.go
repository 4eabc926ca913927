package names

import (
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// wordsRef is Words before its ASCII shortcuts.
func wordsRef(text string) []Word {
	var out []Word
	initial := true
	broken := false
	for i := 0; i < len(text); {
		r, w := utf8.DecodeRuneInString(text[i:])
		if !isWordRuneRef(r) {
			switch {
			case r == '.' || r == '!' || r == '?' || r == ':' || r == ';' || r == '\n':
				initial = true
				broken = true
			case strings.ContainsRune("\"“”„«»‘’‹›(", r):
				// an opening quotation mark starts a quoted sentence
				if r == '“' || r == '„' || r == '«' || r == '(' || r == '‘' || (r == '"' && (i == 0 || isSpaceByte(text, i-1))) {
					initial = true
				}
				broken = true
			case !unicode.IsSpace(r):
				broken = true
			}
			i += w
			continue
		}
		j := i + w
		for j < len(text) {
			r2, w2 := utf8.DecodeRuneInString(text[j:])
			if isWordRuneRef(r2) {
				j += w2
				continue
			}
			if strings.ContainsRune("'’-.", r2) && j+w2 < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[j+w2:])
				if isWordRuneRef(r3) {
					j += w2
					continue
				}
			}
			break
		}
		if j < len(text) && text[j] == '.' && isAbbrev(text[i:j]) {
			j++
		}
		out = append(out, Word{Text: text[i:j], Start: i, End: j, Initial: initial, Glued: broken})
		initial = false
		broken = false
		i = j
	}
	return out
}

func isWordRuneRef(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// similarRef is SimilarWord on runes only.
func similarRef(x, y string) bool {
	if x == y {
		return true
	}
	rx, ry := []rune(x), []rune(y)
	if len(rx) < 5 || len(ry) < 5 || strings.HasPrefix(x, y) || strings.HasPrefix(y, x) {
		return false
	}
	return editOne(rx, ry)
}

var wordPieces = []string{"Kim", "Jong", "Un’s", "U.S.", "al-Assad", "Mr.", "Nov.", "don't", "'90s", "Sergei", "Sergey",
	"Choe", "Son", "Hui", "Lavrov", "Lavrova", "Lavorv", "é", "É", "’", "‘", "“", "”", "«", "(", "\"", " ", "\n", "\t",
	"\u00a0", "\u0085", ".", "!", "?", ":", ";", "-", "x", "ß", "İ", "\xff", "5", "a\u0301", "Zürich", "ZÜRICH"}

// TestWordShortcuts compares Words, Fold and SimilarWord with their
// slower forms on random text.
func TestWordShortcuts(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for range 50000 {
		var b strings.Builder
		for n := r.IntN(8); n >= 0; n-- {
			b.WriteString(wordPieces[r.IntN(len(wordPieces))])
		}
		s := b.String()
		if got, want := Words(s), wordsRef(s); !reflect.DeepEqual(got, want) {
			t.Fatalf("Words(%q) = %v, want %v", s, got, want)
		}
		for n := range 4 {
			want := Words(s)
			if len(want) > n {
				want = want[:n]
			}
			if len(want) == 0 {
				want = nil
			}
			if got := WordsN(s, n); !reflect.DeepEqual(got, want) {
				t.Fatalf("WordsN(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
		if got, want := Fold(s), foldSlow(s); got != want {
			t.Fatalf("Fold(%q) = %q, want %q", s, got, want)
		}
		for _, o := range []string{s, strings.ToUpper(s), strings.ToLower(s), Fold(s), s + "x"} {
			if got, want := FoldEqual(s, o), foldSlow(s) == foldSlow(o); got != want {
				t.Fatalf("FoldEqual(%q, %q) = %v, want %v", s, o, got, want)
			}
		}
		x, y := wordPieces[r.IntN(len(wordPieces))], wordPieces[r.IntN(len(wordPieces))]
		for _, p := range [][2]string{{x, y}, {Fold(x), Fold(y)}, {s, s + "x"}, {s, s[:len(s)/2] + "q" + s[len(s)/2:]}} {
			if got, want := SimilarWord(p[0], p[1]), similarRef(p[0], p[1]); got != want {
				t.Fatalf("SimilarWord(%q, %q) = %v, want %v", p[0], p[1], got, want)
			}
		}
	}
}

func TestNameForms(t *testing.T) {
	tests := []struct {
		a, b          string
		same, spelled bool
	}{
		{"Rick Gates", "Richard Gates", true, false},
		{"Rudy Giuliani", "Rudolph W. Giuliani", true, false},
		{"J. Smith", "John Smith", true, false},
		{"George Papadopoulos", "George Papadopoulous", true, true},
		{"Papadopoulos", "Papadopoulous", true, true},
		{"Rick", "Richard", false, false}, // a nickname alone is no evidence
		{"Rick Gates", "Roger Gates", false, false},
	}
	for _, tt := range tests {
		ta, tb := NameTokens(tt.a), NameTokens(tt.b)
		if got := SameTokens(ta, tb); got != tt.same {
			t.Errorf("SameTokens(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.same)
		}
		if tt.same {
			if got := SpelledApart(ta, tb); got != tt.spelled {
				t.Errorf("SpelledApart(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.spelled)
			}
		}
	}
}

var namePieces = []string{"Kim Jong Un’s", "Foreign Minister", "Choe Son Hui", "Mr.", "Mr. Fox", "Sergei Lavrov's",
	"of", "de", "the", "The", "However,", "President", "Vicente Fox", "Jr.", "U.S.", "al-Assad", "Bashar al-Assad",
	"Former", "Arizona", "said", "President’s", "Minister's", "Lavrov’", "Fox's", ".", ",", "’", "'", "“", "\n", "Zürich", "É", "Monday", "Nov.", "Kremlin", "van der Berg"}

// TestCoresAreNameTokens checks that the tokens Cores reads from the words
// it split are NameTokens of each core, and that it gives the names Names
// gives, on random text.
func TestCoresAreNameTokens(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 20000 {
		var b strings.Builder
		for n := r.IntN(10); n >= 0; n-- {
			if r.IntN(3) == 0 {
				b.WriteString(wordPieces[r.IntN(len(wordPieces))])
			} else {
				b.WriteString(namePieces[r.IntN(len(namePieces))])
			}
			if r.IntN(4) > 0 {
				b.WriteByte(' ')
			}
		}
		s := b.String()
		var want []NameSpan
		for _, n := range Names(s, nil) {
			if n.Core != "" {
				want = append(want, n)
			}
		}
		var got []NameSpan
		Cores(s, nil, func(n NameSpan, toks []string) {
			got = append(got, n)
			if w := NameTokens(n.Core); !reflect.DeepEqual(toks, w) {
				t.Fatalf("Cores(%q): tokens of %q = %q, want NameTokens %q", s, n.Core, toks, w)
			}
		})
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Cores(%q) gives %+v, Names %+v", s, got, want)
		}
	}
}

// TestIsDateWord checks the look-up isDateWord skips for most words
// against the sets alone.
func TestIsDateWord(t *testing.T) {
	ref := func(w string) bool {
		l := strings.TrimSuffix(strings.ToLower(w), ".")
		return weekdays[l] || monthNames[l] != 0 || (monthAbbrev[l] != 0 && strings.HasSuffix(w, "."))
	}
	words := []string{"", ".", "Monday", "MONDAY", "monday.", "Mon", "Jan", "Jan.", "jan.", "May", "May.", "June", "Sept.",
		"Sept", "September", "Septembers", "Wednesday", "Wednesdays", "Dec.", "Decree", "Ma", "M.", "Friday’s", "Fox",
		"August", "Aug.", "Augusta", "November.", "Nov", "Sunday", "sun", "Éte", "Zürich", "ſept."}
	for _, w := range append(words, wordPieces...) {
		if got, want := isDateWord(w), ref(w); got != want {
			t.Errorf("isDateWord(%q) = %v, want %v", w, got, want)
		}
	}
}

// TestAbbrevLength checks what isAbbrev assumes of its word lists: no
// abbreviation of more than four letters.
func TestAbbrevLength(t *testing.T) {
	for w := range abbrevTitles {
		if len(w) > 4 {
			t.Errorf("title abbreviation %q has more than four letters", w)
		}
	}
	for w := range monthAbbrev {
		if len(w) > 4 {
			t.Errorf("month abbreviation %q has more than four letters", w)
		}
	}
}

func TestTitleCase(t *testing.T) {
	for run, want := range map[string]bool{
		"Trump Calls On Obama To Resign":      true,
		"George Zimmerman Auctioning Off Gun": true,
		"Bank of England":                     false,
		"Foreign Minister Choe Son Hui":       false,
		"Republican National Committee":       false,
		"On Trump":                            false, // a capital that opens the run says nothing
	} {
		if got := TitleCase(run); got != want {
			t.Errorf("TitleCase(%q) = %v, want %v", run, got, want)
		}
	}
}

func TestTheAloneIsNoName(t *testing.T) {
	for _, n := range Names("HOUSTON — The decision came late, and The Hague said nothing.", nil) {
		if n.Text == "The" || n.Core == "The" {
			t.Errorf("%q read as a name", n.Text)
		}
	}
	if got := Names("HOUSTON — The decision came late, and The Hague said nothing.", nil); len(got) != 1 || got[0].Text != "Hague" {
		t.Errorf("names %+v, want Hague alone", got)
	}
}

// TestGeneralPunctuation checks isWordRune, which turns the general
// punctuation block down without the Unicode tables, against the tables
// in and around the block.
func TestGeneralPunctuation(t *testing.T) {
	for r := rune(0x1FF0); r <= 0x2080; r++ {
		want := unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
		if got := isWordRune(r); got != want {
			t.Errorf("isWordRune(%U) = %v, want %v", r, got, want)
		}
	}
}

// A soft hyphen or a zero width character inside a name, invisible on the
// page, neither ends a word nor makes the name another: "Ro­th" is Roth.
func TestInvisibleCharactersInsideANameAreIgnored(t *testing.T) {
	ws := Words("Ana Ro\u00adth said")
	if len(ws) != 3 || ws[1].Text != "Ro\u00adth" {
		t.Fatalf("Words split the name at its soft hyphen: %+v", ws)
	}
	if got := Fold("Ro\u00adth\u200b"); got != "roth" {
		t.Errorf("Fold = %q, want roth", got)
	}
	if !SameName("Ana Ro\u00adth", "Ana Roth") {
		t.Error("Ana Ro\u00adth and Ana Roth are not the same name")
	}
}

// TestConnectorShortcut compares connector with the set it reads, on the
// connectors and on words one letter from them.
func TestConnectorShortcut(t *testing.T) {
	for c := range connectors {
		for _, w := range []string{c, c + "s", c[:len(c)-1], "a" + c, strings.ToUpper(c[:1]) + c[1:], c[:1] + "x" + c[2:], "of\x00", "\x00of"} {
			if got, want := connector(w), connectors[w]; got != want {
				t.Errorf("connector(%q) = %v, want %v", w, got, want)
			}
		}
	}
}

// TestTitleCaseWordShortcut compares titleCaseWord with the set it reads,
// on the set's words in either case and on words one letter from them.
func TestTitleCaseWordShortcut(t *testing.T) {
	ref := func(w string) bool { return Capitalised(w) && titleCaseWords[strings.ToLower(w)] }
	for c := range titleCaseWords {
		up := strings.ToUpper(c[:1]) + c[1:]
		for _, w := range []string{c, up, strings.ToUpper(c), up + "s", up[:len(up)-1], "A" + c, up + "\u00e9", "Ab" + c + "cdefgh"} {
			if got, want := titleCaseWord(w), ref(w); got != want {
				t.Errorf("titleCaseWord(%q) = %v, want %v", w, got, want)
			}
		}
		if !titleCaseWord(up) {
			t.Errorf("titleCaseWord(%q) = false", up)
		}
	}
}

// TestTitleWordShortcut compares titleWord with the set it reads, on the
// set's words in either case and on words a letter from them.
func TestTitleWordShortcut(t *testing.T) {
	for c := range titleWords {
		up := strings.ToUpper(c[:1]) + c[1:]
		for _, w := range []string{c, up, strings.ToUpper(c), up + "s", c[:len(c)-1], "x" + c, c + "\u00e9", strings.Repeat(c, 3)} {
			if got, want := titleWord(w), titleWords[strings.ToLower(w)]; got != want {
				t.Errorf("titleWord(%q) = %v, want %v", w, got, want)
			}
		}
	}
}
