package corpus

import (
	"os"
	"path/filepath"
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
		"synoptic · a word\nnot a rule\n\n====================\n",
		"synoptic · a title longer than its underline\n====\n",
		`{"version": 2, "title": "x", "text": "y"}`,
		"| # | heading |\n",
	} {
		if isOwnExport([]byte(s)) {
			t.Errorf("%q is taken for an export of synoptic", s)
		}
	}
}
