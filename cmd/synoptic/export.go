package main

import (
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/ui"
)

const exportUsage = `Usage: synoptic export [flags] [PATH...]

Writes the aligned, word-diffed story to standard output or a file.

Formats:
  json  the full model (articles, blocks, events, word diffs) and the
        whole-story checks (summary, quotes, facts), contract v1
  txt   two columns of plain text, changes marked [-old-] and {+new+}
  md    GitHub Markdown: a heading per event, changes ~~struck~~ and **bold**
  html  one self-contained page: two columns, <del>/<ins>, light and dark
  ansi  the reader's coloured view, for less -R
  matrix-md, matrix-html  the events × outlets coverage matrix
  report-md, report-html  summary, coverage matrix, quote and facts checks

txt, md, html and ansi open with the whole-story summary. --only and
--articles choose what they show; json, the matrix and the report give the
whole story (every event of every article) and say so when given them.

The editor's review of the story (named after the first PATH:
a.synoptic.json for a.md, folder/folder.synoptic.json for a folder; or
--review FILE) applies: its threshold, split and joined events and notes.

Without --format, the format follows the -o file's extension (.html, .md,
.txt, .json, .ans); another extension is a usage error; no extension or
no -o gives json. An existing file is kept unless --force is
given; a file is written whole or not at all.

Examples:
  synoptic export --format html -o story.html a.txt b.txt
  synoptic export -o story.md --only changed folder/
  synoptic export --format txt --articles 0,2 --width 100 stories.jsonl

Flags:
`

// exportFlags are the export's flags.
type exportFlags struct {
	format, out, only, articles *string
	force, checks               *bool
	width                       *int
	in                          *inputFlags
}

// newExportFlags defines the export's flags; the man page and the shell
// completions are made from the same definitions.
func newExportFlags(stdout io.Writer) (*flag.FlagSet, exportFlags) {
	fs := flag.NewFlagSet("synoptic export", flag.ContinueOnError)
	fs.SetOutput(stdout) // help asked for is the output; mistakes go to stderr (see run)
	var f exportFlags
	f.format = fs.String("format", "json", "output `format`: "+strings.Join(export.Formats(), ", "))
	f.out = fs.String("o", "", "write to `FILE` instead of standard output")
	f.force = fs.Bool("force", false, "overwrite an existing output file")
	f.width = fs.Int("width", 120, "text width in columns for txt, md and ansi (20 to 1000)")
	f.only = fs.String("only", "all", "events to include: all, changed or single")
	f.checks = fs.Bool("checks", true, "run the whole-story checks: the summary atop txt, md, html and ansi, and summary, quotes and facts in json (--checks=false skips them, for speed on very large stories)")
	f.articles = fs.String("articles", "", "the two articles shown side by side, as 0-based indices `I,J` (default 0,1)")
	f.in = addInputFlags(fs, "the editor's review `FILE` to apply (default: the first PATH's, a.synoptic.json for a.md, folder/folder.synoptic.json for a folder, when it exists)")
	fs.Usage = func() {
		fmt.Fprint(stdout, exportUsage)
		fs.PrintDefaults()
		fmt.Fprint(stdout, "\n"+exitHelp)
	}
	return fs, f
}

func runExport(args []string, stdout, stderr io.Writer) error {
	fs, f := newExportFlags(stdout)
	format, out, force, width, only, checks, articles, in := f.format, f.out, f.force, f.width, f.only, f.checks, f.articles, f.in
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	formatSet := false
	fs.Visit(func(f *flag.Flag) { formatSet = formatSet || f.Name == "format" })
	if !formatSet && *out != "" && *out != "-" && *out != "/dev/stdout" {
		ext := filepath.Ext(*out)
		f := formatForExt(ext)
		if f == "" && ext != "" {
			// writing JSON to out.pdf would be a surprise found later
			return usageError{fmt.Sprintf("-o %s: the extension %s names no export format; use one of %s, or give --format (formats: %s)",
				*out, ext, strings.Join(formatExts(), ", "), strings.Join(export.Formats(), ", "))}
		}
		if f != "" {
			*format = f
		}
	}
	if export.Ext(*format) == "" {
		return usageError{fmt.Sprintf("unknown format %q (want one of %s)", *format, strings.Join(export.Formats(), ", "))}
	}
	filter, err := view.ParseFilter(*only)
	if err != nil {
		return usageError{fmt.Sprintf("unknown --only %q (want all, changed or single)", *only)}
	}
	if err := checkWidth(*width); err != nil {
		return err
	}
	ld, err := load(paths, in, stderr, false, nil)
	if err != nil {
		return err
	}
	opt := exportOptions()
	opt.Width, opt.Only, opt.NoChecks = *width, filter, !*checks
	if *checks || export.RunsChecks(*format) {
		// the quote check reads the articles alone: it runs while they
		// are aligned
		limitMemoryForChecks(ld.textBytes())
		ld.opt.Segmented = func(st *story.Story) { opt.Early = export.StartChecks(st) }
	}
	st := ld.align()
	ld.warn(st, stderr)
	rf := ld.rf
	if *articles != "" {
		l, r, err := parsePair(*articles, len(st.Articles))
		if err != nil {
			return err
		}
		opt.Left, opt.Right = l, r
	}
	if n := ignoredNote(*format, fs); n != "" {
		fmt.Fprintln(stderr, "synoptic: "+n)
	}
	write := func(w io.Writer) error { return export.Render(w, *format, st, opt) }
	if *out == "" || *out == "-" || *out == "/dev/stdout" {
		// /dev/stdout is standard output even when that is a file the
		// shell opened: not an existing file to refuse or replace
		return write(stdout)
	}
	if err := export.NotInput(*out, st, rf.path); err != nil {
		return err
	}
	return export.WriteFile(*out, *force, write)
}

// ignoredNote says which of the flags given choose a filter or a pair that
// format does not apply ("" when none): json, the matrix and the report give
// the whole story, every event of every article.
func ignoredNote(format string, fs *flag.FlagSet) string {
	if !export.WholeStory(format) {
		return ""
	}
	var flags []string
	fs.Visit(func(f *flag.Flag) {
		switch v := f.Value.String(); {
		case f.Name == "only" && v != "all", f.Name == "articles":
			flags = append(flags, "--"+f.Name+" "+v)
		}
	})
	if len(flags) == 0 {
		return ""
	}
	verb := "does"
	if len(flags) > 1 {
		verb = "do"
	}
	return fmt.Sprintf("%s %s not apply to %s, which gives the whole story (every event of every article)", strings.Join(flags, " and "), verb, format)
}

// formatExts are the extensions formatForExt knows, with their dot.
func formatExts() []string {
	seen := map[string]bool{}
	var out []string
	for _, f := range export.Formats() {
		if e := "." + export.Ext(f); !seen[e] {
			seen[e] = true
			out = append(out, e)
		}
	}
	return out
}

// formatForExt is the format whose files end in ext ("" if none).
func formatForExt(ext string) string {
	ext = strings.TrimPrefix(strings.ToLower(ext), ".")
	switch ext {
	case "":
		return ""
	case "htm":
		return "html"
	case "markdown":
		return "md"
	}
	if export.Ext(ext) != "" {
		return ext // a format named as its extension wins over others sharing it
	}
	for _, f := range export.Formats() {
		if export.Ext(f) == ext {
			return f
		}
	}
	return ""
}

// exportOptions are the export's defaults, with the reader's view for the
// ansi format.
func exportOptions() export.Options {
	opt := export.DefaultOptions()
	opt.ANSI = ui.WriteANSI
	return opt
}
