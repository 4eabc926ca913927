package align

import (
	"math"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/segment"
)

var fuzzKinds = []segment.Kind{segment.Paragraph, segment.Paragraph, segment.Paragraph, segment.Headline,
	segment.Standfirst, segment.Heading, segment.Caption, segment.Boilerplate, segment.Meta, segment.Teaser}

// fuzzArticles turns fuzz input into articles: articles are separated by a
// form feed, blocks by newlines, and kinds come from the bytes of kinds.
func fuzzArticles(text string, kinds []byte) [][]segment.Block {
	var arts [][]segment.Block
	k := 0
	for _, at := range strings.Split(text, "\f") {
		var blocks []segment.Block
		for _, line := range strings.Split(at, "\n") {
			kind := segment.Paragraph
			if k < len(kinds) {
				kind = fuzzKinds[int(kinds[k])%len(fuzzKinds)]
			}
			k++
			blocks = append(blocks, segment.Block{Kind: kind, Text: line})
		}
		arts = append(arts, blocks)
		if len(arts) == 6 {
			break
		}
	}
	return arts
}

// FuzzAlign checks the aligner's contract on any articles: every block of
// every article is in exactly one event, in article order; no event is
// empty; scores are in [0,1]; the result is deterministic.
func FuzzAlign(f *testing.F) {
	f.Add("North Korea backs Russia\nChoe met Lavrov in Moscow on Friday.\nShare this\fNorth Korea backs Russia until victory\nLavrov met Choe on Friday in Moscow.\nPhoto: AP", []byte{3, 0, 7, 3, 0, 6})
	f.Add("a\nb\nc\fc\nb\na\fb", []byte{})
	f.Add("", []byte{})
	f.Add("same same same\fsame same same\fsame same same", []byte{0, 0, 0})
	f.Add("\x1b[2J troops 8,000\n\u202e\f8,000 troops \xff", []byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Fuzz(func(t *testing.T, text string, kinds []byte) {
		arts := fuzzArticles(text, kinds)
		evs := Align(arts, DefaultOptions())
		seen := make([][]int, len(arts))
		for a := range arts {
			seen[a] = make([]int, len(arts[a]))
		}
		for k, e := range evs {
			if len(e.Blocks) != len(arts) {
				t.Fatalf("event %d has %d sides for %d articles", k, len(e.Blocks), len(arts))
			}
			if e.Articles() == 0 {
				t.Fatalf("event %d is empty", k)
			}
			if math.IsNaN(e.Score) || e.Score < 0 || e.Score > 1 {
				t.Fatalf("event %d score %v outside [0,1]", k, e.Score)
			}
			for a, bs := range e.Blocks {
				for x, i := range bs {
					if i < 0 || i >= len(arts[a]) {
						t.Fatalf("event %d: article %d block %d out of range", k, a, i)
					}
					if x > 0 && bs[x-1] >= i {
						t.Fatalf("event %d: article %d blocks %v not in order", k, a, bs)
					}
					seen[a][i]++
				}
			}
		}
		for a := range seen {
			for i, n := range seen[a] {
				if n != 1 {
					t.Fatalf("article %d block %d is in %d events", a, i, n)
				}
			}
		}
		if again := Align(arts, DefaultOptions()); !reflect.DeepEqual(evs, again) {
			t.Fatalf("two runs differ:\n%v\n%v", evs, again)
		}
	})
}

// FuzzScanWord checks that the hash scanWord works out as it reads is the
// hash of the word it returns, whatever the word holds (apostrophes,
// accents, figures, invalid UTF-8).
func FuzzScanWord(f *testing.F) {
	for _, s := range []string{"Calderón's", "don't", "3.6bn", "8,000.5", "O’Brien", "ÆSIR", "naïve’", "x\xffy", "Straße"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		var buf []byte
		for i := 0; i < len(s); {
			if lowerByte[s[i]] == 0 && s[i] < utf8.RuneSelf {
				i++
				continue
			}
			w, _, next, h := scanWord(s, i, buf[:0])
			if h != hashBytes(w) {
				t.Fatalf("scanWord(%q, %d) gave %q with hash %x, want %x", s, i, w, h, hashBytes(w))
			}
			if next <= i {
				next = i + 1 // not a word: step over it as scan does
			}
			i = next
			buf = w
		}
	})
}
