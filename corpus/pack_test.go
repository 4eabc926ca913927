package corpus

import (
	"strings"
	"testing"
	"unsafe"
)

// inside says whether s is stored inside src's bytes.
func inside(s, src string) bool {
	if s == "" || src == "" {
		return false
	}
	p, b := uintptr(unsafe.Pointer(unsafe.StringData(s))), uintptr(unsafe.Pointer(unsafe.StringData(src)))
	return p >= b && p < b+uintptr(len(src))
}

// A hard-wrapped text's paragraphs, joined from lines, are copies; its
// one-line paragraphs must not keep the whole text alive beside them, which
// held a wrapped story's text twice while it was aligned. A text of one
// paragraph a line shares the text and copies nothing.
func TestWrappedTextIsHeldOnce(t *testing.T) {
	para := "The council said on Monday that the harbour bridge would reopen\n" +
		"on Friday after three weeks of repairs to its north deck, and that\n" +
		"the ferry would keep its extra crossings until then.\n"
	src := "date 2026-03-14 World\nBridge to reopen on Friday\n\n" + strings.Repeat(para+"\n", 50)
	a := parseText(src)
	if len(a.Paras) != 52 {
		t.Fatalf("%d paragraphs, want 52", len(a.Paras))
	}
	want := strings.Join(strings.Fields(para), " ")
	for i, p := range a.Paras {
		if inside(p.Text, src) {
			t.Fatalf("paragraph %d %q is part of the file's text, which it keeps alive", i, p.Text)
		}
		if i >= 2 && p.Text != want {
			t.Fatalf("paragraph %d is %q, want %q", i, p.Text, want)
		}
	}
	if a.Date != "2026-03-14" || a.Paras[1].Text != "Bridge to reopen on Friday" {
		t.Fatalf("date %q, headline %q", a.Date, a.Paras[1].Text)
	}

	lines := "Bridge to reopen on Friday\n" + strings.Repeat(want+"\n", 50)
	for i, p := range parseText(lines).Paras {
		if !inside(p.Text, lines) {
			t.Fatalf("paragraph %d of a text of one paragraph a line is a copy", i)
		}
	}
}
