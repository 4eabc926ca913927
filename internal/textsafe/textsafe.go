// Package textsafe makes untrusted article text harmless to show in a
// terminal or a plain-text file: control characters, escape sequences and
// bidirectional overrides become visible symbols instead of acting. It also
// says which characters take no room in running text (Ignorable), so that
// a comparison of wording can skip what an editor cannot see.
package textsafe

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Visible returns s with every character that could act on a terminal
// replaced by a visible stand-in: ESC by "␛", other C0 controls by their
// control pictures (U+2400…), DEL by "␡", C1 controls and bidirectional
// controls by "⟨U+XXXX⟩". So are characters that take no room and would
// hide a difference or a word break from an editor (see invisible and
// joiner). Tabs
// become a space; newlines are kept. Bytes that are not valid UTF-8
// become U+FFFD; a U+FFFD already in s passes.
func Visible(s string) string {
	if Clean(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	prev := rune(-1)
	for i, r := range s {
		switch {
		case joiner(r) && joins(prev, s[i+len(string(r)):]):
			b.WriteRune(r)
		case isTag(r) && (prev == blackFlag || isTag(prev) && prev != 0xe0001):
			b.WriteRune(r)
		case invisible(r) || joiner(r) || isTag(r):
			fmt.Fprintf(&b, "⟨U+%04X⟩", r)
		default:
			b.WriteString(visibleRune(r))
		}
		prev = r
	}
	return b.String()
}

const (
	zwnj      = 0x200c  // zero width non-joiner
	zwj       = 0x200d  // zero width joiner
	blackFlag = 0x1f3f4 // the base of the flags spelled with tag characters
)

// invisible says whether r takes no room on the screen and has no place in
// a news text: soft hyphen (which a terminal may draw as a hyphen or as
// nothing, and which a web page shows only where it breaks a line), zero
// width space, word joiner, byte order mark, the interlinear annotation
// marks, the line and paragraph separators (which terminals do not break
// at), invisible operators and deprecated format characters. The zero
// width joiner and non-joiner and the tag characters have a place inside
// emoji and some scripts; Visible marks them only outside one.
func invisible(r rune) bool {
	switch {
	case r == 0xad, r == 0x200b, r == 0x2060, r == 0xfeff, r == 0x180e, r == 0x2028, r == 0x2029:
		return true
	case r >= 0x2061 && r <= 0x2064, r >= 0x206a && r <= 0x206f, r >= 0xfff9 && r <= 0xfffb:
		return true
	}
	return false
}

func isTag(r rune) bool { return r >= 0xe0000 && r <= 0xe007f }

// joiner says whether r is the zero width joiner or non-joiner, which
// belong between the letters of some scripts (Persian, Devanagari…) and
// the parts of an emoji.
func joiner(r rune) bool { return r == zwj || r == zwnj }

// Ignorable says whether r is a format character that takes no room in
// running text and does not change its words: a soft hyphen, a zero width
// space, non-joiner or joiner, a word joiner, a byte order mark, a
// direction mark or other bidirectional control, an invisible operator.
// "may\u00ador" is the word "mayor"; comparisons of wording skip these
// characters, and Visible shows them (a joiner only outside a joining),
// so they are neither lost nor hidden.
func Ignorable(r rune) bool {
	switch {
	case r < 0xad:
		return false // ASCII and most of Latin-1, without a search
	case r == 0xad, r == 0x061c, r == 0x180e, r == 0xfeff:
		return true
	case r >= 0x200b && r <= 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2060 && r <= 0x2064, r >= 0x2066 && r <= 0x206f:
		return true
	}
	return false
}

// joins says whether a zero width joiner or non-joiner after prev and
// before rest joins two characters of an emoji or of a script that needs
// it (Devanagari, Malayalam, Persian, Sinhala…): both sides are letters,
// marks or symbols beyond ASCII.
func joins(prev rune, rest string) bool {
	next, _ := utf8.DecodeRuneInString(rest)
	return joinable(prev) && joinable(next)
}

func joinable(r rune) bool {
	return r >= 0x80 && r != utf8.RuneError && !unsafeRune(r) && !invisible(r) && !joiner(r) && !isTag(r) &&
		(unicode.IsLetter(r) || unicode.IsMark(r) || unicode.IsSymbol(r))
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
	case invisible(r), joiner(r), isTag(r):
		return true // Visible decides by their neighbours
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
