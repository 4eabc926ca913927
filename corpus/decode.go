package corpus

import (
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
)

// ErrBinary reports input that is not text.
var ErrBinary = errors.New("binary data, not text")

// Decode turns raw file bytes into clean UTF-8 text: it removes a UTF-8 BOM,
// decodes UTF-16 with a BOM, normalises CRLF and CR line ends to LF, and
// replaces invalid UTF-8 with U+FFFD (reported as a warning). Data that looks
// binary is refused with ErrBinary.
func Decode(b []byte) (text string, warnings []string, err error) {
	return decodeText(string(b))
}

// decodeText is Decode of text already held as a string (a file read
// straight into one), so that a long file is not copied once more.
func decodeText(s string) (text string, warnings []string, err error) {
	switch {
	case strings.HasPrefix(s, "\uFEFF"):
		s = s[3:]
	case strings.HasPrefix(s, "\xFF\xFE"), strings.HasPrefix(s, "\xFE\xFF"):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, derr := dec.String(s)
		if derr != nil {
			return "", nil, fmt.Errorf("invalid UTF-16: %w", derr)
		}
		s = out
	}
	if looksBinary(s) {
		if looksUTF16(s) {
			return "", nil, fmt.Errorf("%w: looks like UTF-16 without a byte order mark; save it as UTF-8", ErrBinary)
		}
		return "", nil, ErrBinary
	}
	if !utf8.ValidString(s) {
		n := countInvalid([]byte(s))
		s = strings.ToValidUTF8(s, "\uFFFD")
		warnings = append(warnings, fmt.Sprintf("%d invalid UTF-8 byte sequence(s) replaced with U+FFFD", n))
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, warnings, nil
}

// binaryHead is how much of a file looksBinary reads.
const binaryHead = 8192

// looksBinary says whether data is better treated as binary than text: it
// holds a NUL byte, or many control bytes that text never has.
func looksBinary(b string) bool {
	head := b
	if len(head) > binaryHead {
		head = head[:binaryHead]
	}
	if strings.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for i := 0; i < len(head); i++ {
		if c := head[i]; c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return len(head) > 0 && ctl*10 > len(head)
}

// looksUTF16 says whether b reads as UTF-16 text without a BOM: mostly ASCII
// characters with a zero byte beside each.
func looksUTF16(b string) bool {
	n := min(len(b), 1024) &^ 1
	if n < 4 {
		return false
	}
	var zero [2]int
	for i := 0; i < n; i++ {
		if b[i] == 0 {
			zero[i%2]++
		}
	}
	half := n / 2
	return (zero[0]*10 >= half*9 && zero[1]*10 < half) || (zero[1]*10 >= half*9 && zero[0]*10 < half)
}

func countInvalid(b []byte) int {
	n := 0
	for len(b) > 0 {
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size == 1 {
			n++
		}
		b = b[size:]
	}
	return n
}
