package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// FuzzExtract checks that any text gives quotations whose offsets point at
// their text, inside the text, without a panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," said the minister.`, "“a ‘b’ c” d", "„x“ «y» »z« ‹w›", "'90s rock ’n’ roll don't",
		"Trump said: the wall will be built.", "“unclosed", `"`, "‘", "A: b c d", "\"x\u00a0\" y", "A: \v0 0 0",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		for _, sp := range Extract(text) {
			if sp.Start < 0 || sp.End > len(text) || sp.Start > sp.End || text[sp.Start:sp.End] != sp.Text {
				t.Fatalf("span %+v does not point at its text in %q", sp, text)
			}
			if sp.Open > sp.Start || sp.Close < sp.End || sp.Close > len(text) {
				t.Fatalf("marks %d..%d outside the text %d..%d", sp.Open, sp.Close, sp.Start, sp.End)
			}
			if sp.Speaker != "" && !strings.Contains(text, sp.Speaker) {
				t.Fatalf("speaker %q not in %q", sp.Speaker, text)
			}
			if utf8.ValidString(text) && !utf8.ValidString(sp.Text) {
				t.Fatalf("quotation %q cuts a character", sp.Text)
			}
		}
	})
}

// FuzzCompare checks that a member compared with the principal one gets a
// window inside the principal's text and ops that rebuild both texts
// exactly, and that the ops its change lines read are a run of them.
func FuzzCompare(f *testing.F) {
	for _, s := range [][2]string{
		{"not about us. It's not about our boats. It's not about our jobs. It's about a town.", "It's not about us. It's not about our boats. It's not about our jobs"},
		{"I do not believe that that is so. And I think many do", "I think that is false. I do not believe that is so."},
		{"Our task is to rebuild our harbour together. And more", "our task is to rebuild this harbour together."},
		{"a b a b a", "b a b"}, {"x", ""}, {"“I’d go,” he said", "I would go"},
		{"We would like to go, but they are not sure. We will not", "We’d like to go, but they're not sure. We won't"},
	} {
		f.Add(s[0], s[1])
	}
	d := worddiff.New()
	f.Fuzz(func(t *testing.T, a, b string) {
		p, m := Quote{Text: a}, Quote{Text: b, Article: 1}
		p.seq, p.words = wordsOf(a)
		m.seq, m.words = wordsOf(b)
		win, ops := compare(d, p, names.Words(a), m)
		whole := a
		if win != nil {
			if win[0] < 0 || win[0] > win[1] || win[1] > len(a) {
				t.Fatalf("window %v outside %q", *win, a)
			}
			whole = a[win[0]:win[1]]
		}
		if worddiff.A(ops) != whole || worddiff.B(ops) != b {
			t.Fatalf("ops %+v do not rebuild %q and %q", ops, whole, b)
		}
		g := Group{Members: []Quote{p, m}, Diffs: []Diff{{From: 0, To: 1, Window: win, Ops: ops}}}
		shown := g.Compared(g.Diffs[0])
		if len(shown) > 0 && !strings.Contains(opsKey(ops), opsKey(shown)) {
			t.Fatalf("shown ops %+v are not a run of %+v", shown, ops)
		}
	})
}

// opsKey writes ops as one string, each op marked by its kind.
func opsKey(ops []worddiff.Op) string {
	var b strings.Builder
	for _, o := range ops {
		b.WriteString("\x00" + string(o.Kind) + "\x01" + o.Text + "\x02" + o.Other)
	}
	return b.String()
}
