package layout

import (
	"math/rand"
	"reflect"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

func TestWrap(t *testing.T) {
	cases := []struct {
		name  string
		spans []Span
		width int
		want  []string
	}{
		{"fits", []Span{{"a b c", Plain}}, 10, []string{"a b c"}},
		{"breaks at spaces", []Span{{"one two three four", Plain}}, 9, []string{"one two", "three", "four"}},
		{"long word splits", []Span{{"abcdefghij", Plain}}, 4, []string{"abcd", "efgh", "ij"}},
		{"paragraphs", []Span{{"a\n\nb", Plain}}, 5, []string{"a", "", "b"}},
		{"runs of spaces show as one", []Span{{"a    b", Plain}}, 10, []string{"a b"}},
		{"word across roles stays whole", []Span{{"ab", Plain}, {"cd", Deleted}, {" ef", Plain}}, 4, []string{"abcd", "ef"}},
		{"wide characters", []Span{{"日本語 日本", Plain}}, 6, []string{"日本語", "日本"}},
		{"empty", nil, 5, []string{""}},
		{"width zero", []Span{{"ab", Plain}}, 0, []string{"a", "b"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			var got []string
			for _, l := range Wrap(c.spans, c.width) {
				got = append(got, l.String())
			}
			if !reflect.DeepEqual(got, c.want) {
				t.Fatalf("got %q, want %q", got, c.want)
			}
		})
	}
}

func TestWrapKeepsRoles(t *testing.T) {
	lines := Wrap([]Span{{"the ", Plain}, {"esteemed", Deleted}, {" president", Plain}}, 12)
	want := []Line{{{"the ", Plain}, {"esteemed", Deleted}}, {{"president", Plain}}}
	if !reflect.DeepEqual(lines, want) {
		t.Fatalf("got %#v", lines)
	}
}

// TestWrapProperties checks, on random text, that lines fit, no visible
// character is lost, and the result matches the straightforward version
// this package used before lines held substrings.
func TestWrapProperties(t *testing.T) {
	rng := rand.New(rand.NewSource(3))
	words := []string{"a", "word", "longerword", "très", "日本", "x-y", "it's", "\n", "\n\n", "  ", "supercalifragilistic", "—", "e\u0301"}
	for i := 0; i < 3000; i++ {
		var spans []Span
		for n := rng.Intn(6); n >= 0; n-- {
			var b strings.Builder
			for k := rng.Intn(8); k >= 0; k-- {
				b.WriteString(words[rng.Intn(len(words))])
				if rng.Intn(3) > 0 {
					b.WriteByte(' ')
				}
			}
			spans = append(spans, Span{b.String(), Role(rng.Intn(int(Absent) + 1))})
		}
		width := rng.Intn(30)
		got := Wrap(spans, width)
		if want := wrapRef(spans, width); !reflect.DeepEqual(got, want) {
			t.Fatalf("width %d, spans %q:\ngot  %q\nwant %q", width, spans, got, want)
		}
		var in, out strings.Builder
		for _, s := range spans {
			in.WriteString(s.Text)
		}
		for _, l := range got {
			// Only a double-width character on a one-cell line may overflow.
			if lw := ansi.StringWidth(l.String()); lw > max(1, width) && !(width <= 1 && lw == 2) {
				t.Fatalf("width %d: line %q is %d wide", width, l.String(), lw)
			}
			if l.Width() != ansi.StringWidth(l.String()) {
				t.Fatalf("Width %d != %d for %q", l.Width(), ansi.StringWidth(l.String()), l.String())
			}
			out.WriteString(l.String())
		}
		strip := func(s string) string { return strings.Join(strings.Fields(s), "") }
		if strip(in.String()) != strip(out.String()) {
			t.Fatalf("text changed:\n%q\n%q", in.String(), out.String())
		}
	}
}

func benchSpans() []Span {
	text := strings.Repeat("The harbour bridge will close for six weeks from Monday while engineers replace the worn cables. ", 8)
	return []Span{{text[:200], Plain}, {text[200:260], Deleted}, {text[260:], Plain}}
}

func BenchmarkWrap(b *testing.B) {
	spans := benchSpans()
	for b.Loop() {
		Wrap(spans, 70)
	}
}

// BenchmarkWrapRef is the former Wrap, for comparison.
func BenchmarkWrapRef(b *testing.B) {
	spans := benchSpans()
	for b.Loop() {
		wrapRef(spans, 70)
	}
}

// wrapRef is the former Wrap, kept to check the current one against.
func wrapRef(spans []Span, width int) []Line {
	if width < 1 {
		width = 1
	}
	var lines []Line
	var cur Line
	curW := 0
	push := func(text string, role Role) {
		if n := len(cur); n > 0 && cur[n-1].Role == role {
			cur[n-1].Text += text
		} else {
			cur = append(cur, Span{text, role})
		}
	}
	newline := func() {
		for len(cur) > 0 {
			last := &cur[len(cur)-1]
			last.Text = strings.TrimRight(last.Text, " ")
			if last.Text != "" {
				break
			}
			cur = cur[:len(cur)-1]
		}
		lines = append(lines, cur)
		cur = nil
		curW = 0
	}
	var word []Span // the pending word, which may span roles
	wordW := 0
	flushWord := func() {
		if len(word) == 0 {
			return
		}
		if curW > 0 && curW+wordW > width {
			newline()
		}
		if wordW <= width-curW {
			for _, s := range word {
				push(s.Text, s.Role)
			}
			curW += wordW
		} else {
			for _, s := range word {
				for _, r := range s.Text {
					rw := ansi.StringWidth(string(r))
					if curW+rw > width && curW > 0 {
						newline()
					}
					push(string(r), s.Role)
					curW += rw
				}
			}
		}
		word, wordW = word[:0], 0
	}
	for _, s := range spans {
		for _, tok := range worddiff.Tokens(s.Text, nil) {
			if !isBlank(tok) {
				if n := len(word); n > 0 && word[n-1].Role == s.Role {
					word[n-1].Text += tok
				} else {
					word = append(word, Span{tok, s.Role})
				}
				wordW += ansi.StringWidth(tok)
				continue
			}
			flushWord()
			if nl := strings.Count(tok, "\n"); nl > 0 {
				for i := 0; i < nl; i++ {
					newline()
				}
				continue
			}
			if curW == 0 {
				continue
			}
			if curW+1 > width {
				newline()
				continue
			}
			push(" ", s.Role)
			curW++
		}
	}
	flushWord()
	if len(cur) > 0 || len(lines) == 0 {
		newline()
	}
	return lines
}
