package jsonout

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"unicode/utf8"
)

// escapeTerminal is the reference for the escapes Writer adds to
// encoding/json's: DEL, C1 controls, bidirectional controls and marks.
func escapeTerminal(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) || r == 0x200e || r == 0x200f || r == 0x061c {
			out = fmt.Appendf(out, "\\u%04x", r)
		} else {
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	return out
}

func encode(t *testing.T, v any) string {
	t.Helper()
	var enc bytes.Buffer
	e := json.NewEncoder(&enc)
	e.SetEscapeHTML(false)
	e.SetIndent("", " ")
	if err := e.Encode(v); err != nil {
		t.Fatal(err)
	}
	return string(escapeTerminal(enc.Bytes()))
}

func TestStrEscapesEveryByteAsEncodingJSON(t *testing.T) {
	for c := 0; c < 256; c++ {
		for _, s := range []string{string([]byte{byte(c)}), "a" + string([]byte{byte(c)}) + "é", string(rune(c)), string(rune(0x2000 + c)), "\u2027\u2028\u2029\u202a\u061c"} {
			checkStr(t, s)
		}
	}
}

// TestStrEscapesInLongRunsAsEncodingJSON puts every byte at every place of
// a run of plain text longer than the eight bytes Str reads at once.
func TestStrEscapesInLongRunsAsEncodingJSON(t *testing.T) {
	const plain = "The mayor said on Friday"
	for c := 0; c < 256; c++ {
		for at := 0; at <= 17; at++ {
			s := plain[:at] + string([]byte{byte(c)}) + plain[at:]
			checkStr(t, s)
		}
	}
}

// FuzzStr checks Str against encoding/json on any text.
func FuzzStr(f *testing.F) {
	f.Add("The mayor said \"no\" on Friday\n\x7f and \u2028 left\xff")
	f.Add("\u202eplain text of more than eight bytes\u0085")
	f.Fuzz(func(t *testing.T, s string) { checkStr(t, s) })
}

func checkStr(t *testing.T, s string) {
	t.Helper()
	want := encode(t, s)
	var b bytes.Buffer
	j := New(&b)
	j.Str(s)
	if err := j.End(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != want {
		t.Fatalf("%q: got %s, want %s", s, got, want)
	}
}

// TestDeepNestingAsEncodingJSON indents arrays nested deeper than the
// indents Writer keeps ready.
func TestDeepNestingAsEncodingJSON(t *testing.T) {
	var v any = []int{7}
	for range 40 {
		v = []any{v, 1}
	}
	var b bytes.Buffer
	j := New(&b)
	var write func(v any)
	write = func(v any) {
		switch x := v.(type) {
		case []int:
			j.Ints(x)
		case []any:
			j.Open('[')
			for _, e := range x {
				j.Item()
				if n, ok := e.(int); ok {
					j.Int(n)
				} else {
					write(e)
				}
			}
			j.Close(']')
		}
	}
	write(v)
	if err := j.End(); err != nil {
		t.Fatal(err)
	}
	if got, want := b.String(), encode(t, v); got != want {
		t.Fatalf("got %s, want %s", got, want)
	}
}

func TestFloatAsEncodingJSON(t *testing.T) {
	for _, f := range []float64{0, 1, -1, 0.5, 0.646, 1.0 / 3, 1e-6, 9.99e-7, 1e-9, 1e20, 1e21, 123456789.125, -2.5e-12, math.SmallestNonzeroFloat64, math.MaxFloat64} {
		want := encode(t, f)
		var b bytes.Buffer
		j := New(&b)
		j.Float(f)
		j.End()
		if got := b.String(); got != want {
			t.Errorf("%v: got %s, want %s", f, got, want)
		}
	}
}

// TestLayoutAsEncodingJSON writes nested, empty and null members and
// compares them with encoding/json's indented output.
func TestLayoutAsEncodingJSON(t *testing.T) {
	type inner struct {
		N  []int    `json:"n"`
		S  []string `json:"s"`
		B  bool     `json:"b"`
		In struct{} `json:"in"`
	}
	v := struct {
		A []inner `json:"a"`
		E []inner `json:"e"`
		Z []int   `json:"z"`
	}{A: []inner{{N: []int{1, -2}, S: []string{}, B: true}, {S: []string{"x\ty"}}}, E: []inner{}}
	want := encode(t, v)
	var b bytes.Buffer
	j := New(&b)
	j.Open('{')
	j.Key("a")
	j.Open('[')
	for _, in := range v.A {
		j.Item()
		j.Open('{')
		j.Key("n")
		j.Ints(in.N)
		j.Key("s")
		j.Strs(in.S)
		j.Key("b")
		j.Bool(in.B)
		j.Key("in")
		j.Open('{')
		j.Close('}')
		j.Close('}')
	}
	j.Close(']')
	j.Key("e")
	j.Open('[')
	j.Close(']')
	j.Key("z")
	j.Ints(nil)
	j.Close('}')
	if err := j.End(); err != nil {
		t.Fatal(err)
	}
	if got := b.String(); got != want {
		t.Fatalf("got\n%s\nwant\n%s", got, want)
	}
}

type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	f.n++
	return 0, errors.New("disk full")
}

// TestFirstErrorStops checks that a write error is kept and no later write
// is tried.
func TestFirstErrorStops(t *testing.T) {
	f := &failWriter{}
	j := New(f)
	j.Open('[')
	for i := 0; i < 10000; i++ {
		j.Item()
		j.Str(strings.Repeat("x", 100))
	}
	j.Close(']')
	if err := j.End(); err == nil || f.n != 1 {
		t.Fatalf("error %v after %d writes, want disk full after 1", err, f.n)
	}
}

// List writes nil as null, empty as [], and items as encoding/json does.
func TestListAsEncodingJSON(t *testing.T) {
	for _, xs := range [][]int{nil, {}, {7}, {1, -2, 3}} {
		want := encode(t, map[string][]int{"xs": xs})
		var b bytes.Buffer
		j := New(&b)
		j.Open('{')
		j.Key("xs")
		List(j, xs, func(x *int) { j.Int(*x) })
		j.Close('}')
		if err := j.End(); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%v: got %q, want %q", xs, b.String(), want)
		}
	}
}
