package ui

import (
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/wording"
	"strings"
	"testing"
)

// TestBodyWordsAreKeptPerArticle checks that the counts are those of the
// body blocks, and that another article's blocks get their own.
func TestBodyWordsAreKeptPerArticle(t *testing.T) {
	a := []segment.Block{{Kind: segment.Paragraph, Text: "Café opens."}, {Kind: segment.Boilerplate, Text: "Share"}}
	b := []segment.Block{{Kind: segment.Paragraph, Text: "Another one, longer."}}
	for range 2 { // the second time from what was kept
		if got := bodyWords(a); len(got) != 2 || got[0] != 2 || got[1] != 0 {
			t.Fatalf("bodyWords(a) = %v, want [2 0]", got)
		}
		if got := bodyWords(b); len(got) != 1 || got[0] != 3 {
			t.Fatalf("bodyWords(b) = %v, want [3]", got)
		}
	}
}

// TestBodyWordsOfALongArticle checks the counts of an article long enough
// to be counted on several processors: every block's, none missed at the
// ends of the shares.
func TestBodyWordsOfALongArticle(t *testing.T) {
	blocks := make([]segment.Block, 3*parallelBlocks+7)
	for i := range blocks {
		blocks[i] = segment.Block{Kind: segment.Paragraph, Text: strings.Repeat("é ", i%5) + strings.Repeat("x", i%13)}
		if i%11 == 0 {
			blocks[i].Kind = segment.Boilerplate
		}
	}
	got := bodyWords(blocks)
	for i, b := range blocks {
		want := wording.Words(b.Text)
		if !b.Kind.IsBody() {
			want = 0
		}
		if got[i] != want {
			t.Fatalf("block %d: %d words, want %d", i, got[i], want)
		}
	}
}
