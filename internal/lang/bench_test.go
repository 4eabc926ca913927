package lang

import (
	"strings"
	"testing"
)

// BenchmarkDetect reads as much text as Detect ever reads of an article.
func BenchmarkDetect(b *testing.B) {
	text := strings.Repeat("The mayor said on Monday that the bridge would be closed for repairs, and that the work had been delayed by the rain. ", 200)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		if Detect(text) != English {
			b.Fatal("not English")
		}
	}
}
