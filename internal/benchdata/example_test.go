package benchdata_test

import (
	"fmt"

	"github.com/synoptic-news/synoptic/internal/benchdata"
)

func ExampleGenerate() {
	st := benchdata.Generate(benchdata.Config{Bytes: benchdata.KB10, Articles: 2, Seed: benchdata.Seed})
	p := st.Pairs(1)[3]
	fmt.Println(len(st.Corpus.Articles), len(p[0]) > 200, len(p[1]) > 200)
	// Output: 2 true true
}
