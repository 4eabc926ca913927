package align

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/segment"
)

func TestRarityTempersCommonWords(t *testing.T) {
	r := rarities()
	if len(r) < 10000 {
		t.Fatalf("the rarity table has %d stems", len(r))
	}
	for _, c := range []struct{ common, rare string }{
		{"people", "amniocentesis"}, {"week", "tariff"}, {"said", "injunction"},
	} {
		cw := rarityOf(string(stem([]byte(c.common))), true)
		rw := rarityOf(string(stem([]byte(c.rare))), true)
		if !(cw < rw) || cw <= 0 || rw > 1 {
			t.Errorf("%s weighs %.3f, %s %.3f", c.common, cw, c.rare, rw)
		}
	}
	if got := rarityOf(string(stem([]byte("people"))), false); got != 1 {
		t.Errorf("a story not in English is tempered: %v", got)
	}
	if !allEnglish([]lang.Lang{lang.English, lang.Unknown}) || allEnglish([]lang.Lang{lang.English, lang.German}) {
		t.Error("allEnglish is wrong")
	}
}

// In a story of two short articles both words are used once, so the story
// alone weighs them alike; the language at large tells them apart.
func TestRareWordsOutweighCommonOnes(t *testing.T) {
	ix := index([][]segment.Block{
		{para("People waited a week for the amniocentesis results.")},
		{para("The clinic said nothing else.")},
	})
	w := map[string]float64{}
	for t, name := range ix.names {
		w[name] = ix.weight[t]
	}
	p, a := w[string(stem([]byte("people")))], w[string(stem([]byte("amniocentesis")))]
	if !(p > 0 && p < a) {
		t.Errorf("people weighs %.3f, amniocentesis %.3f", p, a)
	}
}

func BenchmarkRarityTable(b *testing.B) {
	for b.Loop() {
		rarityLoad()
	}
}
