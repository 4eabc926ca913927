package main

import (
	"strings"
	"testing"
)

// An article file of a folder that fails to load is named on stderr, which
// the reader's screen covers; the reader's status bar opens with it.
func TestSkippedWarning(t *testing.T) {
	if got := skippedWarning(nil); got != "" {
		t.Errorf("nothing skipped: %q", got)
	}
	got := skippedWarning([]string{"news/c.json: line 1: not valid\nJSON", "news/d.txt: file is empty"})
	want := "skipped news/c.json: line 1: not valid JSON (and 1 more file)"
	if got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if !strings.HasPrefix(skippedWarning([]string{"x.json: bad"}), "skipped x.json: bad") {
		t.Errorf("one file: %q", skippedWarning([]string{"x.json: bad"}))
	}
}
