package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/synoptic-news/synoptic/internal/export"
)

const exportUsage = `Usage: synoptic export [flags] [PATH...]

Writes the aligned, word-diffed story to standard output or a file.

Formats:
  json  the full model (articles, blocks, events, word diffs), contract v1
  txt   two columns of plain text, changes marked [-old-] and {+new+}

Flags:
`

func runExport(args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("synoptic export", flag.ContinueOnError)
	fs.SetOutput(stderr)
	format := fs.String("format", "json", "output format: json or txt")
	out := fs.String("o", "", "write to `FILE` instead of standard output")
	force := fs.Bool("force", false, "overwrite an existing output file")
	width := fs.Int("width", 120, "text width for txt")
	only := fs.String("only", "all", "events to include: all, changed or single")
	articles := fs.String("articles", "", "the two articles shown side by side, as 0-based indices `I,J` (default 0,1)")
	fs.Usage = func() {
		fmt.Fprint(stderr, exportUsage)
		fs.PrintDefaults()
	}
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if export.Ext(*format) == "" {
		return usageError{fmt.Sprintf("unknown format %q (want one of %s)", *format, strings.Join(export.Formats(), ", "))}
	}
	switch *only {
	case "all", "changed", "single":
	default:
		return usageError{fmt.Sprintf("unknown --only %q (want all, changed or single)", *only)}
	}
	st, err := build(paths, stderr)
	if err != nil {
		return err
	}
	opt := export.DefaultOptions()
	opt.Width, opt.Only = *width, *only
	if *articles != "" {
		l, r, err := parsePair(*articles, len(st.Articles))
		if err != nil {
			return err
		}
		opt.Left, opt.Right = l, r
	}
	write := func(w io.Writer) error { return export.Render(w, *format, st, opt) }
	if *out == "" || *out == "-" {
		return write(stdout)
	}
	return export.WriteFile(*out, *force, write)
}
