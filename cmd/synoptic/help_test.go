package main

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func runCapture(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := run(args, &out, &errb)
	return out.String(), errb.String(), code
}

// help, version, completion and man are commands, not file names, and
// --help says what the exit statuses mean.
func TestCommandWords(t *testing.T) {
	out, errs, code := runCapture("help")
	if code != 0 || !strings.Contains(out, "Exit status:") || !strings.Contains(out, "2    a usage error") || errs != "" {
		t.Errorf("help: exit %d, stderr %q, output lacks the exit statuses:\n%s", code, errs, out)
	}
	if h, _, _ := runCapture("--help"); h != out {
		t.Error("help and --help differ")
	}
	if out, _, code := runCapture("help", "export"); code != 0 || !strings.Contains(out, "Exit status:") || !strings.Contains(out, "-format") {
		t.Errorf("help export: exit %d:\n%s", code, out)
	}
	if out, _, code := runCapture("version"); code != 0 || out != "synoptic "+version+"\n" {
		t.Errorf("version: exit %d, %q", code, out)
	}
	if _, errs, code := runCapture("completion", "tcsh"); code != 2 || !strings.Contains(errs, "bash, zsh or fish") {
		t.Errorf("completion tcsh: exit %d, %q", code, errs)
	}
}

// The man page and the completions come from the flag definitions: every
// flag of the reader and of export is in them.
func TestManAndCompletionsListEveryFlag(t *testing.T) {
	man, _, code := runCapture("man")
	if code != 0 || !strings.HasPrefix(man, ".TH SYNOPTIC 1") || !strings.Contains(man, ".SH EXIT STATUS") {
		t.Fatalf("man: exit %d:\n%.300s", code, man)
	}
	scripts := map[string]string{}
	for _, sh := range []string{"bash", "zsh", "fish"} {
		s, errs, code := runCapture("completion", sh)
		if code != 0 {
			t.Fatalf("completion %s: exit %d %s", sh, code, errs)
		}
		scripts[sh] = s
	}
	rfs, _ := newReadFlags(&bytes.Buffer{})
	efs, _ := newExportFlags(&bytes.Buffer{})
	for _, f := range append(flagsOf(rfs), flagsOf(efs)...) {
		if !strings.Contains(man, `\fB`+roff(dash(f.name))+`\fR`) {
			t.Errorf("man page lacks %s", dash(f.name))
		}
		for sh, s := range scripts {
			want := dash(f.name)
			if sh == "fish" {
				want = "-l " + f.name
				if len(f.name) == 1 {
					want = "-s " + f.name
				}
			}
			if !strings.Contains(s, want) {
				t.Errorf("%s completion lacks %s", sh, want)
			}
		}
	}
	if bash, err := exec.LookPath("bash"); err == nil {
		cmd := exec.Command(bash, "-n")
		cmd.Stdin = strings.NewReader(scripts["bash"])
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Errorf("bash -n: %v %s", err, out)
		}
	}
}

// The help says where the review file is, with the examples the rule
// gives: named after an article file beside it, and inside a folder named
// after the folder; "<story>.synoptic.json next to the first PATH" sent
// an editor looking for story.synoptic.json beside the folder.
func TestHelpSaysWhereTheReviewIs(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "folder")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	file, err := filepath.Rel(filepath.Dir(dir), reviewPathFor([]string{filepath.Join(dir, "..", "a.md")}, "story"))
	if err != nil {
		t.Fatal(err)
	}
	folder, err := filepath.Rel(filepath.Dir(dir), reviewPathFor([]string{dir}, "story"))
	if err != nil {
		t.Fatal(err)
	}
	for _, args := range [][]string{{"help"}, {"help", "export"}} {
		out, _, _ := runCapture(args...)
		out = strings.Join(strings.Fields(out), " ")
		for _, want := range []string{file + " for a.md", filepath.ToSlash(folder) + " for a folder"} {
			if !strings.Contains(out, want) {
				t.Errorf("%s does not say %q:\n%s", strings.Join(args, " "), want, out)
			}
		}
	}
}
