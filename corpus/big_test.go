package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Big inputs are generated here rather than committed. Each must load
// correctly (or fail with a one-line error) without a panic.

func writeBig(t *testing.T, name string, build func(*strings.Builder)) string {
	t.Helper()
	var b strings.Builder
	build(&b)
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

const sentence = "The council said the harbour bridge would reopen on Friday after repairs. "

func TestBigText50MB(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB input skipped in -short mode")
	}
	lines := 1
	p := writeBig(t, "big.txt", func(b *strings.Builder) {
		b.WriteString("A very long report\n")
		for b.Len() < 50<<20 {
			for i := 0; i < 6; i++ {
				b.WriteString(sentence)
			}
			b.WriteString("\n")
			lines++
		}
	})
	arts, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if got := len(arts[0].Paras); got != lines {
		t.Errorf("%d paragraphs from a 50 MB file of %d lines", got, lines)
	}
	if last := arts[0].Paras[lines-1].Text; last != strings.Repeat(sentence, 5)+strings.TrimSpace(sentence) {
		t.Errorf("last paragraph %q", last)
	}
}

func TestBigSingleLine(t *testing.T) {
	p := writeBig(t, "line.txt", func(b *strings.Builder) {
		for b.Len() < 1<<20 {
			b.WriteString(sentence)
		}
	})
	arts, err := LoadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	if len(arts[0].Paras) != 1 || len(arts[0].Paras[0].Text) < 1<<20-len(sentence) {
		t.Errorf("a 1 MB line gave %d paragraphs", len(arts[0].Paras))
	}
	for _, ext := range []string{".json", ".jsonl"} {
		p := writeBig(t, "line"+ext, func(b *strings.Builder) {
			b.WriteString(`{"title":"T","text":"`)
			for b.Len() < 1<<20 {
				b.WriteString(sentence)
			}
			b.WriteString(`"}`)
		})
		if arts, err := LoadFile(p); err != nil || len(arts) != 1 {
			t.Errorf("%s: 1 MB JSON line: %v", ext, err)
		}
	}
}

func TestBigManyParagraphs(t *testing.T) {
	for _, shape := range []string{"\n", "\n\n"} {
		p := writeBig(t, "many.txt", func(b *strings.Builder) {
			for i := 0; i < 100000; i++ {
				b.WriteString("Tiny.")
				b.WriteString(shape)
			}
		})
		arts, err := LoadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		if got := len(arts[0].Paras); got != 100000 {
			t.Errorf("separator %q: %d paragraphs, want 100000", shape, got)
		}
	}
	p := writeBig(t, "many.html", func(b *strings.Builder) {
		b.WriteString("<html><body><article>")
		for i := 0; i < 100000; i++ {
			b.WriteString("<p>Tiny.</p>")
		}
		b.WriteString("</article></body></html>")
	})
	if _, err := LoadFile(p); err != nil {
		t.Errorf("100,000 HTML paragraphs: %v", err)
	}
}
