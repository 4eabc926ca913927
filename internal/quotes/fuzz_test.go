package quotes

import (
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzExtract checks that any text gives quotations whose offsets point at
// their text, inside the text, without a panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{
		`"We will win," said the minister.`, "“a ‘b’ c” d", "„x“ «y» »z« ‹w›", "'90s rock ’n’ roll don't",
		"Trump said: the wall will be built.", "“unclosed", `"`, "‘", "A: b c d", "\"x\u00a0\" y",
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
