package corpus

import (
	"bytes"
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
	switch {
	case bytes.HasPrefix(b, []byte{0xEF, 0xBB, 0xBF}):
		b = b[3:]
	case bytes.HasPrefix(b, []byte{0xFF, 0xFE}), bytes.HasPrefix(b, []byte{0xFE, 0xFF}):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, derr := dec.Bytes(b)
		if derr != nil {
			return "", nil, fmt.Errorf("invalid UTF-16: %w", derr)
		}
		b = out
	}
	if looksBinary(b) {
		if looksUTF16(b) {
			return "", nil, fmt.Errorf("%w: looks like UTF-16 without a byte order mark; save it as UTF-8", ErrBinary)
		}
		return "", nil, ErrBinary
	}
	s := string(b)
	if !utf8.ValidString(s) {
		n := countInvalid(b)
		s = strings.ToValidUTF8(s, "\uFFFD")
		warnings = append(warnings, fmt.Sprintf("%d invalid UTF-8 byte sequence(s) replaced with U+FFFD", n))
	}
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return s, warnings, nil
}

// looksBinary says whether data is better treated as binary than text: it
// holds a NUL byte, or many control bytes that text never has.
func looksBinary(b []byte) bool {
	head := b
	if len(head) > 8192 {
		head = head[:8192]
	}
	if bytes.IndexByte(head, 0) >= 0 {
		return true
	}
	ctl := 0
	for _, c := range head {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
			ctl++
		}
	}
	return len(head) > 0 && ctl*10 > len(head)
}

// looksUTF16 says whether b reads as UTF-16 text without a BOM: mostly ASCII
// characters with a zero byte beside each.
func looksUTF16(b []byte) bool {
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
