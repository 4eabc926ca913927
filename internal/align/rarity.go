package align

import (
	_ "embed"
	"math"
	"strconv"
	"strings"
	"sync"

	"github.com/synoptic-news/synoptic/internal/lang"
)

// rarityTable is how often English words are used: its first line is the
// total count of all words, then a word and its count a line, from the
// SUBTLEX-US subtitle frequencies (see internal/genrarity; NOTICE).
//
//go:generate go run ./internal/genrarity -in package/index.json -out rarity.txt
//go:embed rarity.txt
var rarityTable string

// Rarity in the language at large tempers a term's weight in the story: a
// story of two articles has a few dozen blocks, too few for its idf to
// tell a word every report uses ("people", "week") from a telling one
// that happens to be used once ("amniocentesis").
const (
	// rarityPow is how much the language's rarity counts beside the
	// story's own idf.
	rarityPow = 0.5
	// rarityCount smooths the counts: a word counted this often or less
	// is as rare as a word never counted.
	rarityCount = 100
)

// rarities maps each stem of the table to its rarity weight in (0, 1]:
// log(total/(count+rarityCount)) / log(total/rarityCount), to rarityPow.
// It is read the first time a story in English is weighed.
var rarities = sync.OnceValue(rarityLoad)

// rarityLoad reads rarityTable.
func rarityLoad() map[string]float64 {
	total, rest, _ := strings.Cut(rarityTable, "\n")
	n, err := strconv.ParseFloat(total, 64)
	if err != nil || n <= rarityCount {
		return nil
	}
	counts := make(map[string]float64, strings.Count(rest, "\n"))
	var buf []byte
	for line := range strings.Lines(rest) {
		w, c, ok := strings.Cut(strings.TrimSpace(line), " ")
		if !ok {
			continue
		}
		k, err := strconv.ParseFloat(c, 64)
		if err != nil {
			continue
		}
		buf = append(buf[:0], w...)
		counts[string(stem(buf))] += k // the words of one stem count together
	}
	top := math.Log(n / rarityCount)
	out := make(map[string]float64, len(counts))
	for s, k := range counts {
		r := max(0.1, math.Log(n/(k+rarityCount))/top)
		out[s] = math.Pow(min(r, 1), rarityPow)
	}
	return out
}

// rarityOf is the rarity weight of term name in a story all in English
// or not: 1 for a word the table lacks (names, figures, rare words) and in
// any story with an article not in English, whose words the table does not
// know.
func rarityOf(name string, english bool) float64 {
	if !english {
		return 1
	}
	if r, ok := rarities()[name]; ok {
		return r
	}
	return 1
}

// allEnglish says whether every language of langs reads as English.
func allEnglish(langs []lang.Lang) bool {
	for _, l := range langs {
		if l != lang.English && l != lang.Unknown {
			return false
		}
	}
	return true
}
