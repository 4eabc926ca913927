package main

import (
	"bytes"
	"strings"
	"testing"
)

// The whole-story formats run through the same CLI as every export.
func TestWholeStoryFormats(t *testing.T) {
	dir := "../../testdata/stories/kestrel-bridge"
	for format, want := range map[string][]string{
		"matrix-md":   {"| **events covered** |", "Harbour Herald", "●"},
		"matrix-html": {"<table", "Harbour Herald"},
		"report-md":   {"## Summary", "32,000", "23,000"},
		"report-html": {"<h2", "32,000"},
	} {
		var out, errb bytes.Buffer
		if code := run([]string{"export", "--format", format, dir}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		for _, w := range want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s output lacks %q", format, w)
			}
		}
	}
}
