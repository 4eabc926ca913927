package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/synoptic-news/synoptic/internal/export"
)

const readUsage = `Usage: synoptic [flags] [PATH...]
       synoptic export [flags] [PATH...]

synoptic puts news articles about one story side by side, aligns the
paragraphs that report the same event, and highlights wording differences.

PATH is an article file (.txt, .md, .html, .json, .jsonl) or a folder of
them. Give at least two articles, or one JSON/JSON Lines file holding
several. With no PATH, synoptic opens its built-in example story.

Flags:
`

func runRead(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("synoptic", flag.ContinueOnError)
	fs.SetOutput(stderr)
	showVersion := fs.Bool("version", false, "print the version and exit")
	width := fs.Int("width", 0, "text width when not on a terminal (default: 120)")
	fs.Usage = func() {
		fmt.Fprint(stderr, readUsage)
		fs.PrintDefaults()
		fmt.Fprintln(stderr, "\nRun 'synoptic export --help' for export formats.")
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *showVersion {
		fmt.Fprintf(stdout, "synoptic %s\n", version)
		return nil
	}
	st, err := build(paths, stderr)
	if err != nil {
		return err
	}
	opt := export.DefaultOptions()
	if *width > 0 {
		opt.Width = *width
	}
	return export.Text(stdout, st, opt)
}
