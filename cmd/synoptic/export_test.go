package main

import (
	"bytes"
	"encoding/json"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var (
	exportBinOnce sync.Once
	exportBin     string
	exportBinErr  error
)

// TestMain removes the binary the end-to-end tests built, so that runs do
// not leave a copy of it in the temporary directory each time.
func TestMain(m *testing.M) {
	code := m.Run()
	if exportBin != "" && exportBinErr == nil {
		os.RemoveAll(filepath.Dir(exportBin))
	}
	os.Exit(code)
}

// synopticBin builds the binary once for every end-to-end test of the package.
func synopticBin(t *testing.T) string {
	t.Helper()
	exportBinOnce.Do(func() {
		dir, err := os.MkdirTemp("", "synoptic-export-test")
		if err != nil {
			exportBinErr = err
			return
		}
		exportBin = filepath.Join(dir, "synoptic")
		out, err := exec.Command(filepath.Join(runtime.GOROOT(), "bin", "go"), "build", "-o", exportBin, ".").CombinedOutput()
		if err != nil {
			exportBinErr = err
			exportBin = string(out)
		}
	})
	if exportBinErr != nil {
		t.Fatalf("go build: %v\n%s", exportBinErr, exportBin)
	}
	return exportBin
}

// result is what one run of the binary did.
type result struct {
	stdout, stderr string
	code           int
}

func runBin(t *testing.T, dir string, args ...string) result {
	t.Helper()
	return runWith(t, dir, nil, nil, args...)
}

// runWith runs the binary in dir with env added to the environment and
// stdin (nil: none) as its standard input.
func runWith(t *testing.T, dir string, env []string, stdin io.Reader, args ...string) result {
	t.Helper()
	cmd := exec.Command(synopticBin(t), args...)
	cmd.Dir = dir
	if env != nil {
		cmd.Env = append(os.Environ(), env...)
	}
	cmd.Stdin = stdin
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

// oneLineError checks a failed run: exit 1 and one line on stderr that
// holds each of want.
func oneLineError(t *testing.T, r result, want ...string) {
	t.Helper()
	if r.code != 1 {
		t.Errorf("exit %d, want 1 (stderr %q)", r.code, r.stderr)
	}
	if n := strings.Count(r.stderr, "\n"); n != 1 {
		t.Errorf("stderr has %d lines, want one: %q", n, r.stderr)
	}
	for _, w := range want {
		if !strings.Contains(r.stderr, w) {
			t.Errorf("stderr %q lacks %q", r.stderr, w)
		}
	}
}

func TestExportFormatsToStdout(t *testing.T) {
	dir := t.TempDir()
	for _, f := range []string{"json", "txt", "md", "html", "ansi"} {
		r := runBin(t, dir, "export", "--format", f, "--width", "100")
		if r.code != 0 || r.stdout == "" {
			t.Fatalf("--format %s: exit %d, %d bytes, stderr %q", f, r.code, len(r.stdout), r.stderr)
		}
		switch f {
		case "json":
			var v struct {
				Version  int               `json:"version"`
				Articles []json.RawMessage `json:"articles"`
				Events   []struct {
					Kind   string  `json:"kind"`
					Blocks [][]int `json:"blocks"`
				} `json:"events"`
			}
			if err := json.Unmarshal([]byte(r.stdout), &v); err != nil || v.Version != 1 || len(v.Articles) != 2 || len(v.Events) == 0 {
				t.Errorf("json: version %d, %d articles, %d events, %v", v.Version, len(v.Articles), len(v.Events), err)
			}
		case "html":
			// the seed's events 1 and 2 are metadata alone, which the
			// page leaves out
			if !strings.HasPrefix(r.stdout, "<!DOCTYPE html>") || !strings.Contains(r.stdout, `id="event-3"`) {
				t.Errorf("html: not a page with event anchors: %.80q", r.stdout)
			}
		case "md":
			if !strings.Contains(r.stdout, "\n## Events\n") || !strings.Contains(r.stdout, "~~absolute~~") {
				t.Errorf("md: no events section or no marked change")
			}
		case "txt":
			if !strings.Contains(r.stdout, "[-absolute-]") || !strings.Contains(r.stdout, "{+sacred+}") {
				t.Errorf("txt: absolute/sacred not marked")
			}
		case "ansi":
			if !strings.Contains(r.stdout, "\x1b[") {
				t.Errorf("ansi: no colour")
			}
		}
	}
}

func TestExportFileNeverClobbers(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, dir, "export", "-o", "story.html")
	if r.code != 0 || r.stdout != "" || r.stderr != "" {
		t.Fatalf("first export: exit %d, stdout %q, stderr %q", r.code, r.stdout, r.stderr)
	}
	b, err := os.ReadFile(filepath.Join(dir, "story.html"))
	if err != nil || !strings.HasPrefix(string(b), "<!DOCTYPE html>") {
		t.Fatalf("-o story.html did not write HTML (the extension chooses the format): %.60q, %v", b, err)
	}
	mine := []byte("an editor's own notes, not to be lost\n")
	os.WriteFile(filepath.Join(dir, "story.html"), mine, 0o644)
	r = runBin(t, dir, "export", "--format", "html", "-o", "story.html")
	oneLineError(t, r, "story.html", "--force")
	if got, _ := os.ReadFile(filepath.Join(dir, "story.html")); !bytes.Equal(got, mine) {
		t.Errorf("existing file changed without --force")
	}
	r = runBin(t, dir, "export", "--format", "md", "-o", "story.html", "--force")
	if r.code != 0 {
		t.Fatalf("--force: exit %d, %q", r.code, r.stderr)
	}
	if got, _ := os.ReadFile(filepath.Join(dir, "story.html")); !strings.HasPrefix(string(got), "# ") {
		t.Errorf("--force did not replace the file: %.40q", got)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 1 {
		t.Errorf("folder holds %d entries, want only story.html", len(ents))
	}
}

func TestExportReadOnlyFolder(t *testing.T) {
	ro := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	target := ""
	for _, d := range []string{ro, "/sys"} {
		probe := filepath.Join(d, ".synoptic-probe")
		if f, err := os.OpenFile(probe, os.O_CREATE|os.O_EXCL|os.O_WRONLY, 0o644); err == nil {
			f.Close()
			os.Remove(probe)
			continue
		}
		target = filepath.Join(d, "story.html")
		break
	}
	if target == "" {
		t.Skip("no read-only folder to test with: running as root and /sys is writable")
	}
	r := runBin(t, t.TempDir(), "export", "--format", "html", "-o", target)
	oneLineError(t, r, target, "cannot write")
	if _, err := os.Stat(target); err == nil {
		t.Errorf("%s exists after a failed export", target)
	}
}

func TestExportBadInput(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, dir, "export", "--format", "html", "-o", "out.html", "no-such-article.txt", "other.txt")
	oneLineError(t, r, "no-such-article.txt")
	if _, err := os.Stat(filepath.Join(dir, "out.html")); err == nil {
		t.Error("an export of missing input left a file")
	}
	for _, args := range [][]string{
		{"export", "--format", "pdf"},
		{"export", "--only", "some"},
		{"export", "--articles", "0,0"},
		{"export", "--articles", "0,7"},
		{"export", "--width", "5"},
		// the text the reader prints to a pipe takes the same widths
		{"--width", "5"},
		{"--width", "-40"},
		// past any screen: a layout that wide would not fit in memory
		{"--width", "9223372036854775807"},
		{"export", "--format", "ansi", "--width", "1000000000"},
		{"--width", "1001"},
	} {
		if r := runBin(t, dir, args...); r.code != 2 {
			t.Errorf("%v: exit %d, want 2 (usage); stderr %q", args, r.code, r.stderr)
		}
	}
	// An unknown flag: the message once and a hint, not the usage text.
	for _, args := range [][]string{{"--bogus"}, {"export", "--bogus"}} {
		r := runBin(t, dir, args...)
		if r.code != 2 || strings.Count(r.stderr, "not defined") != 1 || strings.Count(r.stderr, "\n") != 2 || strings.Contains(r.stderr, "Usage:") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and two lines", args, r.code, r.stderr)
		}
	}
	// Help asked for is the output: on stdout, so that it pages and greps,
	// with nothing on stderr and exit 0.
	for _, args := range [][]string{{"-h"}, {"--help"}, {"export", "-h"}, {"export", "--help"}} {
		want := "Usage: synoptic [flags] [PATH...]"
		if args[0] == "export" {
			want = "Usage: synoptic export [flags] [PATH...]"
		}
		r := runBin(t, dir, args...)
		if r.code != 0 || !strings.HasPrefix(r.stdout, want) || !strings.Contains(r.stdout, "-width") || r.stderr != "" {
			t.Errorf("%v: exit %d, stdout %.60q, stderr %.60q; want 0, the usage on stdout, nothing on stderr", args, r.code, r.stdout, r.stderr)
		}
	}
}

// writeArticles writes article files of one paragraph per line.
func writeArticles(t *testing.T, dir string, arts map[string]string) {
	t.Helper()
	for name, text := range arts {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExportThreeArticles(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, map[string]string{
		"a-alpha.txt": "Mill to close in April\nCouncillor Mira Holt said: \"We will close the old Baxter mill by the first of April, and the 120 workers will keep their pay until then.\"\nThe weather in the valley was fine on the day of the vote.\n",
		"b-beta.txt":  "Baxter mill closes\nCouncillor Mira Holt said: \"We will shut the old Baxter mill by the first of April, and the 120 workers will keep their pay until then.\"\n",
		"c-gamma.txt": "Council votes on mill\n\"We will close the ancient Baxter mill by the first of April, and the 120 workers will keep their pay until then,\" Councillor Mira Holt said.\n",
	})
	for _, f := range []string{"md", "html", "txt"} {
		r := runBin(t, dir, "export", "--format", f, "--articles", "0,2", ".")
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", f, r.code, r.stderr)
		}
		if !strings.Contains(r.stdout, "articles 1 and 3 of 3 (--articles 0,2)") {
			t.Errorf("%s: header does not say which two of three articles it shows", f)
		}
		if strings.Contains(r.stdout, "Baxter mill closes") {
			t.Errorf("%s: shows article 1, which --articles 0,2 leaves out", f)
		}
		if !strings.Contains(r.stdout, "ancient") {
			t.Errorf("%s: lacks the third article's wording", f)
		}
	}
}

// TestExportHostileArticles exports articles that carry markup and
// terminal escapes: HTML shows them as text, md and txt make control
// characters visible.
func TestExportHostileArticles(t *testing.T) {
	dir := t.TempDir()
	writeArticles(t, dir, map[string]string{
		"a.txt": "Bridge opens <script>alert(1)</script>\nThe mayor opened the bridge on Tuesday <img src=x onerror=alert(2)> and called it a triumph for all 4,000 commuters.\nA title change \x1b]0;owned\x07 and a screen wipe \x1b[2J and a clipboard write \x1b]52;c;ZXZpbA==\x07 and a flip \u202eexe.\n",
		"b.txt": "New bridge\nThe mayor opened the bridge on Tuesday [click](javascript:alert(3)) and called it a victory for all 4,000 commuters.\n",
	})
	for _, f := range []string{"html", "md", "txt"} {
		r := runBin(t, dir, "export", "--format", f, "a.txt", "b.txt")
		if r.code != 0 {
			t.Fatalf("%s: exit %d: %s", f, r.code, r.stderr)
		}
		for _, bad := range []string{"\x1b", "\x07", "\u202e"} {
			if strings.Contains(r.stdout, bad) {
				t.Errorf("%s: output holds the raw control %q", f, bad)
			}
		}
		visible := "␛]0;owned␇"
		if f == "md" {
			visible = `␛\]0;owned␇` // and the bracket escaped for Markdown
		}
		if !strings.Contains(r.stdout, visible) {
			t.Errorf("%s: the title escape is not shown as visible text", f)
		}
		if f == "html" {
			for _, bad := range []string{"<script>", "<img", "onerror=alert(2)>"} {
				if strings.Contains(r.stdout, bad) {
					t.Errorf("html: article markup %q is live", bad)
				}
			}
			if !strings.Contains(r.stdout, "&lt;script&gt;alert(1)&lt;/script&gt;") {
				t.Errorf("html: the script tag is not shown as text")
			}
		}
		if f == "md" && (strings.Contains(r.stdout, "[click](") || regexp.MustCompile(`(^|[^\\])<img`).MatchString(r.stdout)) {
			t.Errorf("md: article link or image syntax left live")
		}
	}
}

// TestExportSaysWhatAFormatIgnores: json, the matrix and the report cover
// the whole story, every event of every article. Asked for one filter or
// one pair, they say on stderr that they give the whole story, rather than
// leave the user to find out from the file.
func TestExportSaysWhatAFormatIgnores(t *testing.T) {
	dir := t.TempDir()
	kestrel, err := filepath.Abs(filepath.Join("..", "..", "testdata", "stories", "kestrel-bridge"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		args []string
		note string // "" for none
	}{
		{[]string{"--format", "json", "--only", "changed"}, "--only changed"},
		{[]string{"--format", "json", "--articles", "0,2"}, "--articles 0,2"},
		{[]string{"--format", "matrix-md", "--only", "single"}, "--only single"},
		{[]string{"--format", "report-html", "--articles", "1,3"}, "--articles 1,3"},
		{[]string{"--format", "json"}, ""},
		{[]string{"--format", "json", "--only", "all"}, ""},
		{[]string{"--format", "md", "--only", "changed", "--articles", "0,2"}, ""},
		{[]string{"--format", "html", "--only", "single"}, ""},
	} {
		r := runBin(t, dir, append(append([]string{"export", "--checks=false"}, c.args...), kestrel)...)
		if r.code != 0 {
			t.Fatalf("%v: exit %d: %s", c.args, r.code, r.stderr)
		}
		if r.stdout == "" {
			t.Errorf("%v: no output", c.args)
		}
		switch {
		case c.note == "" && r.stderr != "":
			t.Errorf("%v: stderr %q, want nothing", c.args, r.stderr)
		case c.note != "" && (!strings.Contains(r.stderr, c.note) || !strings.Contains(r.stderr, "whole story") || strings.Count(r.stderr, "\n") != 1):
			t.Errorf("%v: stderr %q, want one line naming %s and the whole story", c.args, r.stderr, c.note)
		}
	}
}
