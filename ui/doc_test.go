package ui

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// TestBodyRunesAreKeptPerArticle checks that the counts are those of the
// body blocks, and that another article's blocks get their own.
func TestBodyRunesAreKeptPerArticle(t *testing.T) {
	a := []segment.Block{{Kind: segment.Paragraph, Text: "Café opens."}, {Kind: segment.Boilerplate, Text: "Share"}}
	b := []segment.Block{{Kind: segment.Paragraph, Text: "Another one, longer."}}
	for range 2 { // the second time from what was kept
		if got := bodyRunes(a); len(got) != 2 || got[0] != 11 || got[1] != 0 {
			t.Fatalf("bodyRunes(a) = %v, want [11 0]", got)
		}
		if got := bodyRunes(b); len(got) != 1 || got[0] != 20 {
			t.Fatalf("bodyRunes(b) = %v, want [20]", got)
		}
	}
}

// TestBodyRunesOfALongArticle checks the counts of an article long enough
// to be counted on several processors: every block's, none missed at the
// ends of the shares.
func TestBodyRunesOfALongArticle(t *testing.T) {
	blocks := make([]segment.Block, 3*parallelBlocks+7)
	for i := range blocks {
		blocks[i] = segment.Block{Kind: segment.Paragraph, Text: strings.Repeat("é", i%5) + strings.Repeat("x", i%13)}
		if i%11 == 0 {
			blocks[i].Kind = segment.Boilerplate
		}
	}
	got := bodyRunes(blocks)
	for i, b := range blocks {
		want := utf8.RuneCountInString(b.Text)
		if !b.Kind.IsBody() {
			want = 0
		}
		if got[i] != want {
			t.Fatalf("block %d: %d characters, want %d", i, got[i], want)
		}
	}
}
