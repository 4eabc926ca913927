package matrix

import (
	"flag"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/testkit"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

func TestGolden(t *testing.T) {
	st := testkit.Matrix()
	m := Build(st)
	for _, w := range []int{40, 80} {
		testkit.Golden(t, *update, "lines-"+itoa(w)+".golden", strings.Join(m.Lines(w), "\n")+"\n")
	}
}
