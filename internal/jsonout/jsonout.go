// Package jsonout writes indented JSON by hand, for the exports that write
// large documents: buffered, without reflection, and without building the
// document in memory. Its output is byte for byte what an encoding/json
// Encoder with SetIndent("", " ") and SetEscapeHTML(false) writes for the
// same values, except that characters a terminal showing the JSON would
// obey (DEL, C1 controls, bidirectional controls and marks) are \u escapes,
// which decode to the same text.
package jsonout

import (
	"io"
	"math"
	"strconv"
	"unicode/utf8"
)

// flushAt is the buffer length past which a Writer passes its buffer on.
const flushAt = 60 << 10

// Writer writes one JSON document indented by one space per level. The
// caller says where members start (Key, Item) and where objects and arrays
// open and close; Writer puts the commas, newlines and indents. The first
// write error stops all later writes and is returned by Flush.
type Writer struct {
	w     io.Writer
	buf   []byte
	err   error
	depth int
	first bool // the current object or array has no member yet
}

// New returns a Writer to w.
func New(w io.Writer) *Writer { return &Writer{w: w, buf: make([]byte, 0, 64<<10)} }

// Flush writes what is buffered and returns the first write error.
func (j *Writer) Flush() error {
	if j.err == nil && len(j.buf) > 0 {
		_, j.err = j.w.Write(j.buf)
	}
	j.buf = j.buf[:0]
	return j.err
}

func (j *Writer) maybeFlush() {
	if len(j.buf) >= flushAt {
		j.Flush()
	}
}

// indent is a newline and the indents of the usual depths, copied at once.
const indent = "\n                                "

func (j *Writer) newline() {
	if j.depth < len(indent) {
		j.buf = append(j.buf, indent[:1+j.depth]...)
		return
	}
	j.buf = append(j.buf, '\n')
	for i := 0; i < j.depth; i++ {
		j.buf = append(j.buf, ' ')
	}
}

// Open starts an object ('{') or an array ('[').
func (j *Writer) Open(c byte) {
	j.buf = append(j.buf, c)
	j.depth++
	j.first = true
}

// Close ends an object ('}') or an array (']'); empty ones print as {}
// and [].
func (j *Writer) Close(c byte) {
	j.depth--
	if !j.first {
		j.newline()
	}
	j.first = false
	j.buf = append(j.buf, c)
	j.maybeFlush()
}

// End ends the document with a newline and flushes it.
func (j *Writer) End() error {
	j.buf = append(j.buf, '\n')
	return j.Flush()
}

// Item starts a member of an array.
func (j *Writer) Item() {
	if !j.first {
		j.buf = append(j.buf, ',')
	}
	j.first = false
	j.newline()
}

// Key starts a member of an object; k must need no escapes.
func (j *Writer) Key(k string) {
	j.Item()
	j.buf = append(j.buf, '"')
	j.buf = append(j.buf, k...)
	j.buf = append(j.buf, '"', ':', ' ')
}

// Raw writes s as it is (null, true, a number).
func (j *Writer) Raw(s string) { j.buf = append(j.buf, s...) }

// Null writes null.
func (j *Writer) Null() { j.Raw("null") }

// Bool writes true or false.
func (j *Writer) Bool(b bool) {
	if b {
		j.Raw("true")
	} else {
		j.Raw("false")
	}
}

// Int writes n.
func (j *Writer) Int(n int) { j.buf = strconv.AppendInt(j.buf, int64(n), 10) }

// Ints writes ns as an array, null when nil.
func (j *Writer) Ints(ns []int) {
	if ns == nil {
		j.Null()
		return
	}
	j.Open('[')
	for _, n := range ns {
		j.Item()
		j.Int(n)
	}
	j.Close(']')
}

// Strs writes ss as an array, null when nil.
func (j *Writer) Strs(ss []string) {
	if ss == nil {
		j.Null()
		return
	}
	j.Open('[')
	for _, s := range ss {
		j.Item()
		j.Str(s)
	}
	j.Close(']')
}

// Float writes f as encoding/json does. NaN and infinities, which JSON
// cannot hold and encoding/json refuses, are written as 0.
func (j *Writer) Float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	j.buf = strconv.AppendFloat(j.buf, f, format, -1, 64)
	if format == 'e' {
		// clean up e-09 to e-9
		if n := len(j.buf); n >= 4 && j.buf[n-4] == 'e' && j.buf[n-3] == '-' && j.buf[n-2] == '0' {
			j.buf[n-2] = j.buf[n-1]
			j.buf = j.buf[:n-1]
		}
	}
}

const hexDigits = "0123456789abcdef"

// TerminalActive says whether a terminal may act on r: C1 controls and
// bidirectional controls and marks (DEL is handled with ASCII).
func TerminalActive(r rune) bool {
	return (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
		r == 0x200e || r == 0x200f || r == 0x061c
}

// plainByte marks the bytes Str copies as they are: ASCII from space on,
// but the quote, the backslash and DEL. Control characters and every byte
// of a multi-byte rune are looked at one by one.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != 0x7f
	}
	return t
}()

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// plainWord says whether the eight bytes at s[i:] are all plain (plainByte):
// ASCII, none below space, and neither the quote, the backslash nor DEL.
func plainWord(s string, i int) bool {
	x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
		uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
	// x's own high bits catch bytes past ASCII; with none set, the lowest
	// byte below 0x20 wraps to a high bit in x - 0x20*ones, the lowest
	// byte equal to v does in (x ^ v*ones) - ones, and without such a
	// byte neither subtraction borrows
	bad := x | (x - 0x20*ones) | zeroByte(x^'"'*ones) | zeroByte(x^'\\'*ones) | zeroByte(x^0x7f*ones)
	return bad&highs == 0
}

// zeroByte has the high bit of a byte set where x has a zero byte (and
// perhaps above one), among bytes with no high bit.
func zeroByte(x uint64) uint64 { return x - ones }

// Str writes s quoted as encoding/json does without HTML escaping (invalid
// UTF-8 as \ufffd, U+2028 and U+2029 escaped), and DEL and terminal-active
// characters escaped too.
func (j *Writer) Str(s string) {
	b := append(j.buf, '"')
	start := 0
	for i := 0; i < len(s); {
		for i+8 <= len(s) && plainWord(s, i) {
			i += 8 // most of an article: copied in one run below
		}
		for i < len(s) && plainByte[s[i]] {
			i++
		}
		if i == len(s) {
			break
		}
		c := s[i]
		if c < utf8.RuneSelf {
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i++
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' || TerminalActive(r) {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', hexDigits[r>>12&0xF], hexDigits[r>>8&0xF], hexDigits[r>>4&0xF], hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	j.buf = append(b, '"')
	j.maybeFlush()
}

// List writes xs as an array, each element by item, or null for a nil
// slice, as encoding/json does.
func List[T any](j *Writer, xs []T, item func(*T)) {
	if xs == nil {
		j.Null()
		return
	}
	j.Open('[')
	for i := range xs {
		j.Item()
		item(&xs[i])
	}
	j.Close(']')
}
