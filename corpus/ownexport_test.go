package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// No article of the test data looks like an export of synoptic.
func TestArticlesAreNotOwnExports(t *testing.T) {
	var paths []string
	for _, glob := range []string{"../testdata/stories/*/*", "../testdata/hostile/*", "../testdata/hostile/*/*", "seed/*"} {
		m, err := filepath.Glob(glob)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, m...)
	}
	if len(paths) < 10 {
		t.Fatalf("only %d test files found", len(paths))
	}
	for _, p := range paths {
		if info, err := os.Stat(p); err != nil || info.IsDir() {
			continue
		}
		if ownExport(p) {
			t.Errorf("%s is taken for an export of synoptic", p)
		}
	}
	for _, s := range []string{
		"# Title\n\nSide note: the council met.\n",
		"synoptic · a word\nnot a rule\n",
		"synoptic · a word\n  indented\nnot a rule\n",
		"synoptic · a word\nnot a rule\n\n====================\n",
		"synoptic · a title longer than its underline\n====\n",
		`{"version": 2, "title": "x", "text": "y"}`,
		"| # | heading |\n",
		"\x1b[1m synoptic · a word\x1b[0m\nnot a box\n",
		"\x1b]0; synoptic · title\a\n┌ box\n\n",
	} {
		if isOwnExport([]byte(s)) {
			t.Errorf("%q is taken for an export of synoptic", s)
		}
	}
}

// The txt export is known by its opening line and rule, also when the
// opening line wraps at a narrow width.
func TestTextExportIsOwnExport(t *testing.T) {
	for _, s := range []string{
		"synoptic · A vs B · 2 articles · 3 events: 1 shared\n" + strings.Repeat("=", 52) + "\n",
		"synoptic · A vs B · 2 articles ·\n  3 events: 1 shared, 2 only in A, 0 only\n  in B\n" + strings.Repeat("=", 44) + "\n",
	} {
		if !isOwnExport([]byte(s)) {
			t.Errorf("%q is not known for the txt export", s)
		}
	}
}

// The ansi export is known by its title and the top of its boxes under
// their colours, also saved under an article's extension (.txt).
func TestANSIExportIsOwnExport(t *testing.T) {
	s := "\x1b[1;96m synoptic · kestrel-bridge · articles 1 & 2 of 4\x1b[0m\n\x1b[90m┌ \x1b[0m\x1b[1;96mHarbour Herald\x1b[0m ──┐\n"
	if !isOwnExport([]byte(s)) {
		t.Errorf("%q is not known for the ansi export", s)
	}
}
