package segment

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
)

// regexpCaption is IsCaption without its prefilter: the regexp alone.
func regexpCaption(text string) bool { return captionRE.MatchString(strings.TrimSpace(text)) }

// captionSamples are the paragraphs of the seed story, of every story and
// hostile input under testdata, and of a synthetic story.
func captionSamples(t *testing.T) []string {
	var out []string
	add := func(cs *corpus.Story) {
		for _, a := range cs.Articles {
			for _, p := range a.Paras {
				out = append(out, p.Text)
			}
		}
	}
	add(corpus.Default())
	add(benchdata.Generate(benchdata.Config{Bytes: benchdata.KB100, Articles: 3, Seed: benchdata.Seed}).Corpus)
	for _, dir := range []string{"../../testdata/stories", "../../testdata/hostile", "../../testdata/gold"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if cs, err := corpus.Load([]string{filepath.Join(dir, e.Name())}); err == nil {
				add(cs)
			}
		}
	}
	return out
}

// captionPieces make up random texts near every branch of captionRE: its
// openings, credits and keywords in mixed case, the runes whose case folds
// reach ASCII letters, parentheses, slashes and spaces.
var captionPieces = []string{
	"In this photo", "in this image", "IN THIS PICTURE", "in this file photo", "In this handout", "In This ",
	"This photo ", "this image ", "THIS ", "thiſ photo ", "Photo:", "photograph:", "PHOTO", "Image:", "Pictured:",
	"Caption:", "File photo:", "(AP Photo", "AP Photo", "ap photo/", "AP Photo/Jane Doe", "Watch:", "video:",
	"via AP", "VIA ap", "Getty Images", "getty images", "GETTY IMAGEſ", "AFP via Getty Images", "Reuters",
	"REUTERS", "AFP", "afp", "EPA", "epa", "Shutterstock", "ſhutterſtock", "Photo by", "photo by", "/AP", "/ap",
	"Press Service", "presſ service", "\u212a", "k", "s", "\u017f", "(", ")", "((", "))", "/", " ", "  ", "\t",
	"\n", "\u00a0", "\u2003", "The mayor said", " the bridge ", "é", "“", "”", "\xff", ".", ",", ":", "x",
	strings.Repeat("long words here ", 6),
}

// TestIsCaptionMatchesRegexp checks that the prefilter never changes what
// IsCaption says: on every real paragraph at hand and on random texts made
// of captionRE's own words, IsCaption and the regexp alone agree.
func TestIsCaptionMatchesRegexp(t *testing.T) {
	samples := captionSamples(t)
	if len(samples) < 500 {
		t.Fatalf("only %d sample paragraphs", len(samples))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for len(samples) < 400000 {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			b.WriteString(captionPieces[rng.IntN(len(captionPieces))])
		}
		samples = append(samples, b.String())
	}
	captions := 0
	for _, s := range samples {
		got, want := IsCaption(s), regexpCaption(s)
		if got != want {
			t.Fatalf("IsCaption(%q) = %v, the regexp says %v", s, got, want)
		}
		if want {
			captions++
		}
	}
	// both answers must occur often, or the comparison proves little
	if captions < len(samples)/20 || captions > len(samples)*19/20 {
		t.Errorf("%d captions among %d samples", captions, len(samples))
	}
}

// FuzzIsCaption checks the prefilter against the regexp on any text.
func FuzzIsCaption(f *testing.F) {
	for _, s := range captionPieces {
		f.Add(s)
	}
	f.Add("People wait in line. (AP Photo/Jane Doe)")
	f.Add("Smoke rises over the city. AFP via Getty Images")
	f.Add("In this file photo, a ship docks. Photo by Someone/Reuters")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsCaption(s), regexpCaption(s); got != want {
			t.Fatalf("IsCaption(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}
