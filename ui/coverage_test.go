package ui

import (
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestCoverageAsExported: the share of an article's text an article box
// shows is the exports' (export.Coverage), counted alike.
func TestCoverageAsExported(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	for a, b := range [2]int{1, 0} {
		got, _, _ := coverage(st, a, b)
		if want := export.Coverage(st, a, b); got != want {
			t.Errorf("article %d: the box says %.2f%%, the exports %.2f%%", a, got, want)
		}
	}
}
