package corpus

import (
	"errors"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/encoding/unicode/utf32"
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
	case strings.HasPrefix(s, "\xFF\xFE\x00\x00"), strings.HasPrefix(s, "\x00\x00\xFE\xFF"):
		// UTF-32's byte order marks, the first also UTF-16's: test first.
		out, derr := utf32.UTF32(utf32.LittleEndian, utf32.ExpectBOM).NewDecoder().String(s)
		if derr != nil || len(s)%4 != 0 {
			return "", nil, errors.New("starts with a UTF-32 byte order mark but is not UTF-32 text; save it as UTF-8")
		}
		s = out
	case strings.HasPrefix(s, "\xFF\xFE"), strings.HasPrefix(s, "\xFE\xFF"):
		dec := unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder()
		out, derr := dec.String(s)
		if derr != nil {
			return "", nil, fmt.Errorf("invalid UTF-16: %w", derr)
		}
		if !plausibleUTF16(s, out) {
			return "", nil, errors.New("starts with a UTF-16 byte order mark but does not read as UTF-16 text; save it as UTF-8")
		}
		s = out
	case !utf8.ValidString(s):
		// An HTML page may say its encoding; text in one is no UTF-8.
		if out, name, ok := metaCharset(s); ok {
			s = out
			warnings = append(warnings, "read as "+name+", as the page's <meta charset> says")
		}
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

// plausibleUTF16 says whether out, decoded from s as UTF-16, reads as
// text: an odd length or an unpaired surrogate says the bytes after the
// mark are something else, and so does a page of text without a single
// line end, space or digit (every language's text has some).
func plausibleUTF16(s, out string) bool {
	if len(s)%2 != 0 || strings.ContainsRune(out, utf8.RuneError) {
		return false
	}
	if utf8.RuneCountInString(out) < 64 {
		return true
	}
	for i := 0; i < len(out); i++ {
		if out[i] < utf8.RuneSelf {
			return true
		}
	}
	return false
}

var metaCharsetRE = regexp.MustCompile(`(?i)<meta[^>]+charset\s*=\s*["']?\s*([a-z0-9_:.-]+)`)

// metaCharset decodes s, an HTML page that is not UTF-8, in the encoding
// its <meta charset> (or http-equiv content type) names in its first
// kilobytes. ok is false when it names none this reader knows, or UTF-8.
func metaCharset(s string) (out, name string, ok bool) {
	head := s[:min(len(s), 4096)]
	m := metaCharsetRE.FindStringSubmatch(head)
	if m == nil {
		return "", "", false
	}
	enc, canon := charset.Lookup(m[1])
	if enc == nil || canon == "utf-8" {
		return "", "", false
	}
	out, err := enc.NewDecoder().String(s)
	if err != nil {
		return "", "", false
	}
	return out, canon, true
}
