package export

import (
	"bytes"
	"errors"
	"slices"
	"testing"
)

// TestFormats: the table lists each format once, sorted, each with an
// extension; ansi asks for the reader's view rather than write nothing.
func TestFormats(t *testing.T) {
	names := Formats()
	if !slices.IsSorted(names) || len(slices.Compact(slices.Clone(names))) != len(names) {
		t.Errorf("formats not sorted or not unique: %v", names)
	}
	for _, f := range names {
		if Ext(f) == "" {
			t.Errorf("%s has no extension", f)
		}
	}
	for f, want := range map[string]bool{"json": true, "matrix-md": true, "report-html": true, "txt": false, "ansi": false} {
		if WholeStory(f) != want {
			t.Errorf("WholeStory(%s) = %v, want %v", f, !want, want)
		}
	}
	for f, want := range map[string]bool{"report-md": true, "report-html": true, "json": false, "matrix-html": false} {
		if RunsChecks(f) != want {
			t.Errorf("RunsChecks(%s) = %v, want %v", f, !want, want)
		}
	}
	var b bytes.Buffer
	if err := Render(&b, "ansi", seedStory(t), DefaultOptions()); !errors.Is(err, errNoANSI) {
		t.Errorf("ansi without the reader's view: %v, want errNoANSI", err)
	}
	if err := Render(&b, "pdf", seedStory(t), DefaultOptions()); err == nil {
		t.Error("an unknown format rendered")
	}
}
