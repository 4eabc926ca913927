// Command gen writes a synthetic story from internal/benchdata to a folder,
// one plain-text file per article and the true paragraph matching in
// gold.json, for bench/compare.sh and for trying synoptic on large inputs.
//
//	go run ./bench/gen -size 1MB -articles 2 -o /tmp/story-1MB
//	go run ./bench/gen -size 20KB -articles 50 -blank -o /tmp/story-50
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/synoptic-news/synoptic/internal/benchdata"
)

func main() {
	size := flag.String("size", "100KB", "approximate size of each article: a number with KB or MB")
	articles := flag.Int("articles", 2, "number of articles, 2 to 100")
	seed := flag.Uint64("seed", benchdata.Seed, "generator seed")
	out := flag.String("o", "", "output `FOLDER` (created when missing)")
	blank := flag.Bool("blank", false, "separate paragraphs by a blank line, as articles are (default: one paragraph a line)")
	flag.Parse()
	n, err := parseSize(*size)
	if err != nil || *out == "" || *articles < 2 || *articles > 100 {
		fmt.Fprintln(os.Stderr, "usage: gen -size 1MB [-articles 2] [-blank] [-seed N] -o FOLDER (sizes like 10KB or 1MB; 2 to 100 articles)")
		os.Exit(2)
	}
	st := benchdata.Generate(benchdata.Config{Bytes: n, Articles: *articles, Seed: *seed})
	paths, err := st.WriteFiles(*out)
	for a := 0; err == nil && *blank && a < len(paths); a++ {
		err = os.WriteFile(paths[a], []byte(strings.ReplaceAll(st.Text(a), "\n", "\n\n")), 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "gen:", err)
		os.Exit(1)
	}
	fmt.Println(strings.Join(paths, "\n"))
}

func parseSize(s string) (int, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	mult := 1
	switch {
	case strings.HasSuffix(u, "MB"):
		mult, u = 1<<20, strings.TrimSuffix(u, "MB")
	case strings.HasSuffix(u, "KB"):
		mult, u = 1<<10, strings.TrimSuffix(u, "KB")
	}
	n, err := strconv.Atoi(u)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("bad size %q", s)
	}
	return n * mult, nil
}
