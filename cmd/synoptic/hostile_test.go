package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"
)

// The tests in this file build the synoptic binary and run it over the
// hostile inputs in testdata/hostile, as a user would.

// hostileBin is the binary the tests of this file run.
func hostileBin(t *testing.T) string { return synopticBin(t) }

const hostileDir = "../../testdata/hostile"

func hostile(name string) string { return filepath.Join(hostileDir, name) }

type hostileRun struct {
	code           int
	stdout, stderr []byte
	stdoutSize     int64
	maxRSS         int64 // peak resident memory in bytes, 0 when unknown
}

// runHostile runs the binary with args and a generous deadline; stdout is a
// file, so the reader prints its text rendering. Output over 64 MB is not
// read back (only its size is kept), so that the test process stays small
// and does not inflate the peak memory measured for the next run.
func runHostile(t *testing.T, args ...string) hostileRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, hostileBin(t), args...)
	outFile, err := os.CreateTemp(t.TempDir(), "stdout")
	if err != nil {
		t.Fatal(err)
	}
	defer outFile.Close()
	var errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = outFile, &errb
	err = cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("synoptic %q did not finish in 3 minutes", args)
	}
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("running synoptic %q: %v", args, err)
	}
	if bytes.Contains(errb.Bytes(), []byte("panic")) || bytes.Contains(errb.Bytes(), []byte("goroutine ")) {
		t.Fatalf("synoptic %q panicked:\n%s", args, errb.Bytes())
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) << 10 // kilobytes on Linux
	}
	r := hostileRun{code: code, stderr: errb.Bytes(), maxRSS: rss}
	info, err := outFile.Stat()
	if err != nil {
		t.Fatal(err)
	}
	r.stdoutSize = info.Size()
	if r.stdoutSize <= 64<<20 {
		if r.stdout, err = os.ReadFile(outFile.Name()); err != nil {
			t.Fatal(err)
		}
	}
	return r
}

// rawControl finds the first thing in b a terminal could act on: ESC or any
// other C0 control but newline and tab, DEL, a C1 control (as a code point or
// as a stray byte), or a bidirectional control.
func rawControl(b []byte) (string, bool) {
	for i := 0; i < len(b); {
		r, size := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return "invalid UTF-8 byte " + string(rune(b[i])), true
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f:
			return "C0 control", true
		case r >= 0x80 && r <= 0x9f:
			return "C1 control", true
		case r == 0x061c, r == 0x200e, r == 0x200f, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return "bidi control", true
		}
		i += size
	}
	return "", false
}

func checkSafe(t *testing.T, what string, b []byte) {
	t.Helper()
	if kind, bad := rawControl(b); bad {
		t.Errorf("%s holds a raw %s:\n%q", what, kind, b)
	}
}

// blockTexts decodes a JSON export and returns each article's blocks joined.
func blockTexts(t *testing.T, b []byte) []string {
	t.Helper()
	var doc struct {
		Version  int `json:"version"`
		Articles []struct {
			Blocks []struct {
				Kind string `json:"kind"`
				Text string `json:"text"`
			} `json:"blocks"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatalf("JSON export does not parse: %v", err)
	}
	if doc.Version != 1 {
		t.Errorf("JSON export version %d", doc.Version)
	}
	var out []string
	for _, a := range doc.Articles {
		var parts []string
		for _, bl := range a.Blocks {
			parts = append(parts, bl.Text)
		}
		out = append(out, strings.Join(parts, "\n"))
	}
	return out
}

func TestHostileTextStaysHarmless(t *testing.T) {
	dir := t.TempDir()
	evilName := filepath.Join(dir, "evil\x1b]0;pwned\x07\u202ename.txt")
	if err := os.WriteFile(evilName, []byte("Bridge \x1b[31mreopens\nThe bridge reopened on Friday\x1b[2J after repairs.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		args []string
		// kept must appear verbatim in the JSON export's blocks: the
		// export carries the text as written, escaped only by JSON.
		kept []string
	}{
		{[]string{hostile("escape-a.txt"), hostile("escape-b.txt")}, []string{"\x1b]0;owned title\x07", "\x1b]52;c;cm0gLXJmIH4K\x07", "\u202egnp.exe", "\u0085\u009b31m"}},
		{[]string{hostile("inject-a.md"), hostile("escape-b.txt")}, []string{"<script>alert('body')</script>", `<img src=x onerror="alert(1)">`, "[the council statement](javascript:alert(1))"}},
		{[]string{hostile("inject-b.html"), hostile("inject-a.md")}, []string{"<script>alert('escaped')</script>", "\x1b[2J", "\u202egnp.exe <img src=x onerror=alert(1)>"}},
		{[]string{hostile("inject-c.json")}, []string{"\u009b2J", "<script>alert(1)</script>"}},
		{[]string{hostile("invalid-utf8.txt"), hostile("escape-a.txt")}, []string{"\uFFFD[2J"}},
		{[]string{hostile("utf16le.txt"), hostile("utf16be.txt")}, []string{"Friday\u00a0after"}},
		{[]string{hostile("bom-crlf.txt"), hostile("broken.html")}, []string{"The ferry stops"}},
		{[]string{evilName, hostile("escape-b.txt")}, []string{"\x1b[2J after"}},
	}
	for _, c := range cases {
		name := fmt.Sprintf("%q", filepath.Base(c.args[0]))
		for _, mode := range [][]string{{"export", "--format", "txt", "--width", "100"}, {"--width", "90"}} {
			r := runHostile(t, append(mode, c.args...)...)
			if r.code != 0 {
				t.Errorf("%s %q: exit %d, stderr %q", name, mode, r.code, r.stderr)
				continue
			}
			if len(r.stdout) == 0 {
				t.Errorf("%s %q: no output", name, mode)
			}
			checkSafe(t, name+" "+strings.Join(mode, " ")+" stdout", r.stdout)
			checkSafe(t, name+" "+strings.Join(mode, " ")+" stderr", r.stderr)
		}
		r := runHostile(t, append([]string{"export", "--format", "json"}, c.args...)...)
		if r.code != 0 {
			t.Errorf("%s json: exit %d, stderr %q", name, r.code, r.stderr)
			continue
		}
		if bytes.IndexByte(r.stdout, 0x1b) >= 0 {
			t.Errorf("%s json: raw ESC in the JSON text", name)
		}
		all := strings.Join(blockTexts(t, r.stdout), "\n")
		for _, k := range c.kept {
			if !strings.Contains(all, k) {
				t.Errorf("%s json: blocks lost %q:\n%q", name, k, all)
			}
		}
	}
}

// oneErrorLine checks that stderr is exactly one "synoptic: " line that
// matches want.
func oneErrorLine(t *testing.T, what string, r hostileRun, want string) {
	t.Helper()
	s := string(r.stderr)
	if r.code != exitInput {
		t.Errorf("%s: exit %d, want %d; stderr %q", what, r.code, exitInput, s)
	}
	if strings.Count(s, "\n") != 1 || !strings.HasPrefix(s, "synoptic: ") {
		t.Errorf("%s: stderr is not one line: %q", what, s)
	}
	if !regexp.MustCompile(want).MatchString(strings.TrimSuffix(s, "\n")) {
		t.Errorf("%s: stderr %q, want a match for %q", what, s, want)
	}
	if r.stdoutSize != 0 {
		t.Errorf("%s: wrote %d bytes of output on error", what, r.stdoutSize)
	}
	checkSafe(t, what+" stderr", r.stderr)
}

func TestBadInputsFailOnOneLine(t *testing.T) {
	dir := t.TempDir()
	emptyDir := filepath.Join(dir, "no-articles")
	if err := os.Mkdir(emptyDir, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(emptyDir, "photo.jpg"), []byte("\xff\xd8\xff"), 0o644); err != nil {
		t.Fatal(err)
	}
	evil := filepath.Join(dir, "bad\x1b[2J\u009bname.txt")
	if err := os.WriteFile(evil, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	good := hostile("escape-b.txt")
	cases := []struct {
		args []string
		want string
	}{
		{[]string{filepath.Join(dir, "missing.txt"), good}, `missing\.txt: no such file or folder$`},
		{[]string{emptyDir}, `no-articles: folder holds no article files`},
		{[]string{hostile("single")}, `single: found 1 article\(s\); a story needs at least two`},
		{[]string{good}, `escape-b\.txt: found 1 article\(s\)`},
		{[]string{hostile("empty.txt"), good}, `empty\.txt: file is empty$`},
		{[]string{hostile("whitespace.txt"), good}, `whitespace\.txt: file holds only whitespace`},
		{[]string{hostile("binary.png"), good}, `binary\.png: binary data, not text$`},
		{[]string{hostile("binary-named.txt"), good}, `binary-named\.txt: binary data, not text$`},
		{[]string{hostile("utf16-nobom.txt"), good}, `utf16-nobom\.txt: binary data, not text: looks like UTF-16 without a byte order mark; save it as UTF-8$`},
		{[]string{hostile("wrong-types.json"), good}, `wrong-types\.json: field "date" must be a string, not a number$`},
		{[]string{hostile("bad-lines.jsonl"), good}, `bad-lines\.jsonl: line 2: field "text" must be a string, not an array$`},
		{[]string{hostile("not-json.json"), good}, `not-json\.json: JSON must start with \{ or \[`},
		{[]string{hostile("unclosed-front-matter.md"), good}, `unclosed-front-matter\.md: front matter starts with --- but has no closing --- line$`},
		{[]string{evil, good}, `bad␛\[2J⟨U\+009B⟩name\.txt: file is empty$`},
	}
	for _, c := range cases {
		for _, mode := range [][]string{{"export"}, {}} {
			r := runHostile(t, append(mode, c.args...)...)
			oneErrorLine(t, fmt.Sprintf("%q", append(mode, filepath.Base(c.args[0]))), r, c.want)
		}
	}
}

func TestFolderWithBadFilesLoadsTheGoodOnes(t *testing.T) {
	r := runHostile(t, "export", "--format", "json", hostile("mixed"))
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	texts := blockTexts(t, r.stdout)
	if len(texts) != 2 || !strings.Contains(texts[0], "Bridge reopens after storm") || !strings.Contains(texts[1], "Harbour bridge open again") {
		t.Errorf("articles %q, want a-good.txt and b-good.md", texts)
	}
	lines := strings.Split(strings.TrimSpace(string(r.stderr)), "\n")
	want := []string{`skipped .*c-bad\.json: field "text" must be a string`, `skipped .*d-binary\.txt: binary data`, `skipped .*e-empty\.md: file is empty`}
	if len(lines) != len(want) {
		t.Fatalf("stderr %q, want %d skipped lines", r.stderr, len(want))
	}
	for i, w := range want {
		if !regexp.MustCompile(w).MatchString(lines[i]) {
			t.Errorf("stderr line %q, want %q", lines[i], w)
		}
	}
}

func TestWarningsForRepairedText(t *testing.T) {
	r := runHostile(t, "export", hostile("invalid-utf8.txt"), hostile("escape-a.txt"))
	if r.code != 0 {
		t.Fatalf("exit %d, stderr %q", r.code, r.stderr)
	}
	if got := string(r.stderr); !strings.Contains(got, "warning: ") || !strings.Contains(got, "invalid-utf8.txt: 3 invalid UTF-8 byte sequence(s) replaced with U+FFFD") || strings.Count(got, "\n") != 1 {
		t.Errorf("stderr %q, want one warning line naming the file", got)
	}
}

// Big and pathological inputs are generated here, not committed.
func TestBigInputs(t *testing.T) {
	if testing.Short() {
		t.Skip("big inputs skipped in -short mode")
	}
	dir := t.TempDir()
	// Inputs are written straight to files so that the test process stays
	// small while the binary's memory is measured.
	write := func(name string, build func(*sizedWriter)) string {
		p := filepath.Join(dir, name)
		f, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		w := &sizedWriter{w: bufio.NewWriter(f)}
		build(w)
		if err := w.w.Flush(); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := hostile("escape-b.txt")
	prose := []string{"The council said the harbour bridge would reopen on Friday.", "Engineers worked through the night.",
		"The ferry carried about 3,000 passengers a day.", "Shop owners said trade had fallen by half.",
		"A report on the cause is due in June.", "Councillors asked for an independent review."}
	// 50 MB of prose from a vocabulary of 3,000 made-up words, so that
	// paragraphs differ as real ones do.
	rng := rand.New(rand.NewPCG(7, 7))
	syl := []string{"ka", "to", "ri", "men", "sa", "lo", "ve", "dan", "ur", "pi", "ne", "sto", "gra", "hel", "mo", "qui", "bar", "zen"}
	words := make([]string, 3000)
	for i := range words {
		for n := 1 + rng.IntN(3); n > 0; n-- {
			words[i] += syl[rng.IntN(len(syl))]
		}
	}
	huge := write("huge.txt", func(b *sizedWriter) {
		for b.Len() < 50<<20 {
			for n := 20 + rng.IntN(70); n > 0; n-- {
				b.WriteString(words[rng.IntN(len(words))])
				b.WriteString(" ")
			}
			b.WriteString("end.\n")
		}
	})
	r := runHostile(t, "export", huge, good)
	// Memory stays proportional to the input: the soft memory limit
	// (memory.go) keeps the peak near 10 times it.
	if r.maxRSS > 12*(50<<20) {
		t.Errorf("50 MB text: peak memory %d MB", r.maxRSS>>20)
	}
	t.Logf("50 MB text: exit %d, peak memory %d MB", r.code, r.maxRSS>>20)
	if r.code == 0 {
		if r.stdoutSize < 50<<20 {
			t.Errorf("50 MB text: exit 0 but only %d bytes of JSON", r.stdoutSize)
		}
	} else {
		oneErrorLine(t, "50 MB text", r, `huge\.txt: .*MB`)
	}

	line := write("line.txt", func(b *sizedWriter) {
		b.WriteString("Headline of a one-line article\n")
		for i := 0; b.Len() < 1<<20; i++ {
			b.WriteString(prose[i%len(prose)])
			b.WriteString(" ")
		}
	})
	many := write("many.txt", func(b *sizedWriter) {
		for i := 0; i < 100000; i++ {
			b.WriteString("Tiny.\n")
		}
	})
	deep := write("deep.html", func(b *sizedWriter) {
		b.WriteString("<html><body><article><p>The bridge reopened on Friday.</p>")
		for i := 0; i < 100000; i++ {
			b.WriteString("<div><span>")
		}
		b.WriteString("Deep text.")
	})
	// two transcripts of one paragraph each, thousands of sentences long,
	// inside a quotation never closed: the sentence splitter looked for the
	// closing mark past every period, and the aligner sized its sentence
	// table by the product of the two blocks' sentences
	transcript := func(name, alt string) string {
		return write(name, func(b *sizedWriter) {
			b.WriteString("Transcript of the hearing\n\n“")
			for i := 0; b.Len() < 2<<20; i++ {
				b.WriteString("Yes. Right. ")
				if i%7 == 3 {
					b.WriteString(alt)
					b.WriteString(prose[i%len(prose)])
					b.WriteString(" ")
				}
			}
			b.WriteString("\n")
		})
	}
	ta, tb := transcript("transcript-a.txt", "Go on. "), transcript("transcript-b.txt", "Sorry? ")
	r = runHostile(t, "export", "--format", "json", "--checks=false", ta, tb)
	t.Logf("one-paragraph transcripts: exit %d, peak memory %d MB", r.code, r.maxRSS>>20)
	if r.code != 0 {
		t.Errorf("one-paragraph transcripts: exit %d, stderr %.300q", r.code, r.stderr)
	} else if texts := blockTexts(t, r.stdout); len(texts) != 2 {
		t.Errorf("one-paragraph transcripts: %d articles", len(texts))
	}
	if r.maxRSS > 512<<20 {
		t.Errorf("one-paragraph transcripts: peak memory %d MB", r.maxRSS>>20)
	}

	for _, p := range []string{line, many, deep} {
		r := runHostile(t, "export", "--format", "json", p, good)
		t.Logf("%s: exit %d, peak memory %d MB", filepath.Base(p), r.code, r.maxRSS>>20)
		if r.maxRSS > 512<<20 {
			t.Errorf("%s: peak memory %d MB", filepath.Base(p), r.maxRSS>>20)
		}
		if r.code != 0 {
			t.Errorf("%s: exit %d, stderr %q", filepath.Base(p), r.code, r.stderr)
			continue
		}
		if texts := blockTexts(t, r.stdout); len(texts) != 2 {
			t.Errorf("%s: %d articles", filepath.Base(p), len(texts))
		}
	}
}

// sizedWriter writes to a buffered file and counts what it wrote.
type sizedWriter struct {
	w *bufio.Writer
	n int
}

func (s *sizedWriter) WriteString(x string) { s.w.WriteString(x); s.n += len(x) }
func (s *sizedWriter) Len() int             { return s.n }

// TestReaderShowsHostileTextHarmlessly runs the reader in tmux over articles
// that try to set the window title (OSC 0), write the clipboard (OSC 52) and
// clear the screen, and checks that none of it acted while the escape
// sequences are shown as visible text.
func TestReaderShowsHostileTextHarmlessly(t *testing.T) {
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux); this end-to-end test needs it")
	}
	bin := hostileBin(t)
	conf := filepath.Join(t.TempDir(), "tmux.conf")
	// With set-clipboard on, an OSC 52 that reached tmux would fill a buffer.
	if err := os.WriteFile(conf, []byte("set -g set-clipboard on\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	sock := fmt.Sprintf("synoptic-hostile-%d-%d", os.Getpid(), time.Now().UnixNano())
	tmux := func(args ...string) (string, error) {
		out, err := exec.Command("tmux", append([]string{"-L", sock}, args...)...).CombinedOutput()
		return string(out), err
	}
	a, _ := filepath.Abs(hostile("escape-a.txt"))
	b, _ := filepath.Abs(hostile("escape-b.txt"))
	cmd := fmt.Sprintf("env TERM=xterm-256color %s %s %s; echo EXIT=$?; sleep 60", bin, a, b)
	if out, err := tmux("-f", conf, "new-session", "-d", "-s", "r", "-x", "160", "-y", "45", cmd); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	t.Cleanup(func() { tmux("kill-server") })
	screen := func() string {
		out, err := tmux("capture-pane", "-p", "-t", "r")
		if err != nil {
			t.Fatalf("capture-pane: %v", err)
		}
		return out
	}
	waitFor := func(what string, ok func(string) bool) string {
		deadline := time.Now().Add(15 * time.Second)
		for {
			s := screen()
			if ok(s) {
				return s
			}
			if time.Now().After(deadline) {
				t.Fatalf("waiting for %s; the screen is:\n%s", what, s)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	acted := func(when string) {
		t.Helper()
		if title, _ := tmux("display-message", "-p", "-t", "r", "#{pane_title}"); strings.Contains(title, "owned") {
			t.Errorf("%s: the article set the pane title to %q", when, strings.TrimSpace(title))
		}
		if bufs, _ := tmux("list-buffers"); strings.TrimSpace(bufs) != "" {
			t.Errorf("%s: the article wrote the clipboard: %q", when, bufs)
		}
	}
	s := waitFor("the reader", func(s string) bool { return strings.Contains(s, "␛]0;owned title␇") })
	acted("start")
	seen := s
	for i := 0; i < 12; i++ {
		if _, err := tmux("send-keys", "-t", "r", "n"); err != nil {
			t.Fatal(err)
		}
		time.Sleep(150 * time.Millisecond)
		s = screen()
		seen += s
		acted(fmt.Sprintf("after %d× n", i+1))
		if !strings.Contains(s, "Coastal Ledger") {
			t.Fatalf("after %d× n the header is gone (screen cleared?):\n%s", i+1, s)
		}
	}
	for _, want := range []string{"␛]52;c;cm0gLXJmIH4K␇", "␛[2J", "⟨U+202E⟩gnp.exe"} {
		if !strings.Contains(seen, want) {
			t.Errorf("the reader never showed %q as text", want)
		}
	}
	if _, err := tmux("send-keys", "-t", "r", "q"); err != nil {
		t.Fatal(err)
	}
	waitFor("exit", func(s string) bool { return strings.Contains(s, "EXIT=0") })
	acted("exit")
}
