package align

import "unsafe"

// What Score holds at once, besides the blocks it is given, at the larger
// of two moments (measured on generated wire stories of 2 to 100 articles,
// without the table of words' rarity, loaded once a process;
// TestPeakBytesCoversScore checks the estimate against Score's live heap):
//   - tokenising: the blocks' terms, weights and sentence masks as they
//     are made, the word table and a wave's tokens;
//   - scoring: the blocks' features, the candidate pairs and the scored
//     pairs, and each block's best first-stage score in each article.
//
// A story of many articles peaks while scoring, since its pairs grow with
// the articles; a story of two long articles while tokenising.
const (
	// tokenising: per byte of text in tenths of a byte (2.4 bytes), per
	// block, and at least: the word table, which grows slower than the
	// text (a story of 600 KB peaked at 1.6 to 2.4 MB, one of 20 MB at 50)
	tokensTenthsPerByte = 24
	tokensPerBlock      = 100
	tokensFixed         = 1 << 20
	// featuresHalvesPerByte is what the blocks' features keep per byte of
	// text while pairs are scored, in halves of a byte (1.5 bytes).
	featuresHalvesPerByte = 3
	// pairsFilledTenths is the most of a story's candidate places (each
	// block's candidatesKept in each other article) that hold distinct
	// pairs, in tenths: a pair found from both of its blocks fills two
	// places, and a block seldom fills them all (0.53 to 0.72 of them
	// measured).
	pairsFilledTenths = 8
	// bytesPerPair is a candidate ([2]int32) and its scored pair.
	bytesPerPair = int64(unsafe.Sizeof([2]int32{}) + unsafe.Sizeof(pair{}))
	bytesPerBest = int64(unsafe.Sizeof(float64(0))) // per block and article
)

// PeakBytes estimates the most memory Score holds at once, beyond the
// blocks it is given, for articles of blocks[i] blocks holding textBytes
// bytes of text in all. It is meant for a soft memory limit set before the
// story is aligned, and errs above: by 3% to 50% on the stories measured.
func PeakBytes(blocks []int, textBytes int) int64 {
	total, longest := 0, 0
	for _, n := range blocks {
		total += n
		longest = max(longest, n)
	}
	keep := candidatesKept(longest, len(blocks))
	// each block's candidate places: keep in each other article, or as
	// many as that article has blocks
	var places, kept int64
	for _, n := range blocks {
		kept += int64(min(keep, n))
	}
	for _, n := range blocks {
		places += int64(n) * (kept - int64(min(keep, n)))
	}
	text := int64(textBytes)
	tokenising := tokensFixed + tokensTenthsPerByte*text/10 + tokensPerBlock*int64(total)
	scoring := featuresHalvesPerByte*text/2 + bytesPerPair*places*pairsFilledTenths/10 +
		bytesPerBest*int64(total)*int64(len(blocks))
	return max(tokenising, scoring)
}
