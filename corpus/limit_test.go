package corpus

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
)

const twoParas = "Harbour bridge to close\nThe harbour bridge will close for six weeks from Monday, the council said.\n"

// A named pipe with no writer is read as empty at once, never waited on;
// one inside a folder is skipped with a reason.
func TestFIFOIsNotWaitedOn(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "x.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skip("no FIFOs here:", err)
	}
	if _, err := LoadFile(fifo); err == nil || !strings.Contains(err.Error(), "empty") {
		t.Errorf("FIFO as an article: %v", err)
	}
	for _, n := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(twoParas), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	st, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != 2 || !strings.Contains(strings.Join(st.Skipped, "\n"), "x.txt: a named pipe") {
		t.Errorf("articles %d, skipped %q", len(st.Articles), st.Skipped)
	}
}

// An endless device is refused, named or linked into a folder, before a
// byte of it is read.
func TestEndlessDeviceIsRefused(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero")
	}
	if _, err := LoadFile("/dev/zero"); err == nil || !strings.Contains(err.Error(), "device") {
		t.Errorf("/dev/zero: %v", err)
	}
	dir := t.TempDir()
	for _, n := range []string{"a.txt", "b.txt"} {
		if err := os.WriteFile(filepath.Join(dir, n), []byte(twoParas), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Symlink("/dev/zero", filepath.Join(dir, "z.txt")); err != nil {
		t.Fatal(err)
	}
	st, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(strings.Join(st.Skipped, "\n"), "z.txt: a device") {
		t.Errorf("skipped %q", st.Skipped)
	}
}

// A file that grows past the limit while it is read (its stated size says
// nothing) is refused at the limit.
func TestReadStopsAtTheLimit(t *testing.T) {
	defer func(n int) { readLimit = n }(readLimit)
	readLimit = 1 << 20
	r, w, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	go func() {
		chunk := make([]byte, 1<<20)
		for i := 0; i <= readLimit>>20; i++ {
			if _, err := w.Write(chunk); err != nil {
				break
			}
		}
		w.Close()
	}()
	defer r.Close()
	info, err := r.Stat()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := readText("/dev/fd/"+strconv.Itoa(int(r.Fd())), info); err == nil || !strings.Contains(err.Error(), "limit") {
		t.Errorf("pipe past the limit: %v", err)
	}
}

// An array's items are checked as they are read: the first item of the
// wrong kind is named even when the array is broken further on.
func TestJSONShapeIsCheckedWhileReading(t *testing.T) {
	in := "[1, 2, 3" + strings.Repeat(", 4", 1000)
	_, err := parseJSON(in)
	if err == nil || !strings.Contains(err.Error(), "item 1: want an article object") {
		t.Errorf("err = %v", err)
	}
}

// A story past MaxArticles is refused with a message that says the limit,
// as soon as the limit is passed.
func TestTooManyArticles(t *testing.T) {
	var b strings.Builder
	b.WriteString("[")
	for i := 0; i <= MaxArticles; i++ {
		if i > 0 {
			b.WriteString(",")
		}
		b.WriteString(`{"title":"T","text":"Some words of an article."}`)
	}
	b.WriteString("]")
	path := filepath.Join(t.TempDir(), "many.json")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := Load([]string{path})
	if !errors.Is(err, ErrTooManyArticles) || !strings.Contains(err.Error(), "many.json") {
		t.Errorf("err = %v", err)
	}
	lines := strings.Repeat(`{"title":"T","text":"Some words of an article."}`+"\n", MaxArticles+1)
	if _, err := parseJSON(lines); !errors.Is(err, ErrTooManyArticles) {
		t.Errorf("JSON Lines: %v", err)
	}
}

// A file that shows nothing (odd spaces, zero width and format characters)
// is no article.
func TestInvisibleOnlyFileIsEmpty(t *testing.T) {
	in := "\u200b\u2060 \u00a0\u3000\ufeff\U000E0041\u2028\n\u200d\u3164\u2800\n"
	if _, err := parse("x.txt", in); err == nil || !strings.Contains(err.Error(), "no article text") {
		t.Errorf("err = %v", err)
	}
	if _, err := parse("x.txt", "Headline\n\u200bA real paragraph.\n"); err != nil {
		t.Errorf("text with a zero width space: %v", err)
	}
}

func TestEncodingsAreReadOrRefusedClearly(t *testing.T) {
	// A page in windows-1252 that says so.
	page := "<html><head><meta charset=windows-1252><title>Caf\xe9</title></head><body><p>The caf\xe9 \x93opened\x94 on Monday.</p></body></html>"
	s, warns, err := decodeText(page)
	if err != nil || !strings.Contains(s, "café “opened”") || len(warns) != 1 || !strings.Contains(warns[0], "windows-1252") {
		t.Errorf("windows-1252 page: %q %q %v", s, warns, err)
	}
	// Shift_JIS, named in an http-equiv content type.
	sjis := "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body><p>\x93\xfa\x96\x7b</p></body></html>"
	if s, _, err := decodeText(sjis); err != nil || !strings.Contains(s, "日本") {
		t.Errorf("Shift_JIS page: %q %v", s, err)
	}
	// UTF-32 with its byte order mark is read, not called UTF-16.
	var u32 []byte
	u32 = append(u32, 0xff, 0xfe, 0, 0)
	for _, r := range "Bridge closes\nFor six weeks.\n" {
		u32 = append(u32, byte(r), byte(r>>8), byte(r>>16), 0)
	}
	if s, _, err := decodeText(string(u32)); err != nil || s != "Bridge closes\nFor six weeks.\n" {
		t.Errorf("UTF-32: %q %v", s, err)
	}
	// A UTF-16 mark before bytes that are no UTF-16 text.
	junk := "\xff\xfe" + strings.Repeat("plain ASCII text after a stray mark ", 10)
	if _, _, err := decodeText(junk); err == nil || !strings.Contains(err.Error(), "UTF-16") {
		t.Errorf("junk after a UTF-16 mark: %v", err)
	}
	// Real UTF-16 still reads.
	var u16 []byte
	u16 = append(u16, 0xff, 0xfe)
	for _, r := range strings.Repeat("Brücke schließt für sechs Wochen.\n", 5) {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	if s, _, err := decodeText(string(u16)); err != nil || !strings.Contains(s, "Brücke") {
		t.Errorf("UTF-16: %q %v", s, err)
	}
}

// JSON nested past the decoder's depth is a JSON error, not a JSON Lines one.
func TestDeepJSONIsAJSONError(t *testing.T) {
	deep := `{"a":` + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "}"
	_, err := parseJSON(deep)
	if err == nil || strings.Contains(err.Error(), "JSON Lines") || !strings.Contains(err.Error(), "depth") {
		t.Errorf("err = %v", err)
	}
}
