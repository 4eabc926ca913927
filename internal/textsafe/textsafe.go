// Package textsafe makes untrusted article text harmless to show in a
// terminal or a plain-text file: control characters, escape sequences and
// bidirectional overrides become visible symbols instead of acting.
package textsafe

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Visible returns s with every character that could act on a terminal
// replaced by a visible stand-in: ESC by "␛", other C0 controls by their
// control pictures (U+2400…), DEL by "␡", C1 controls and bidirectional
// controls by "⟨U+XXXX⟩". Tabs become a space; newlines are kept. Bytes
// that are not valid UTF-8 become U+FFFD; a U+FFFD already in s passes.
func Visible(s string) string {
	if Clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for _, r := range s {
		b.WriteString(visibleRune(r))
	}
	return b.String()
}

// VisibleLine is Visible for text that must stay on one line: newlines
// become spaces too.
func VisibleLine(s string) string {
	return strings.ReplaceAll(Visible(s), "\n", " ")
}

// Clean says whether s holds nothing that Visible would replace.
func Clean(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 0x20 && c != '\n') || c == 0x7f {
			return false
		}
		if c >= utf8.RuneSelf {
			// A stray byte such as 0x9B is CSI to a terminal in 8-bit
			// mode, so invalid UTF-8 is not clean either.
			for j := i; j < len(s); {
				r, size := utf8.DecodeRuneInString(s[j:])
				if unsafeRune(r) || (r == utf8.RuneError && size == 1) {
					return false
				}
				j += size
			}
			return true
		}
	}
	return true
}

func unsafeRune(r rune) bool {
	switch {
	case r < 0x20 && r != '\n', r == 0x7f:
		return true
	case r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

func visibleRune(r rune) string {
	switch {
	case r == '\t':
		return " "
	case r == 0x1b:
		return "␛"
	case r < 0x20 && r != '\n':
		return string(rune(0x2400 + r))
	case r == 0x7f:
		return "␡"
	case unsafeRune(r):
		return fmt.Sprintf("⟨U+%04X⟩", r)
	}
	return string(r)
}
