// Command synoptic puts news articles about one story side by side: it
// aligns the paragraphs that report the same event and highlights where the
// wording differs.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/x/term"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

var version = "0.1.0-dev"

// Exit statuses.
const (
	exitOK    = 0
	exitInput = 1
	exitUsage = 2
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// usageError is a mistake in the command line.
type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func run(args []string, stdout, stderr io.Writer) int {
	// Messages on stderr quote file names and file contents; neither may
	// act on the terminal.
	stderr = safeWriter{stderr}
	var err error
	switch cmd := ""; {
	case len(args) > 0 && args[0] == "export":
		err = runExport(args[1:], stdout, stderr)
	case len(args) > 0 && isCommand(args[0], &cmd):
		err = runCommand(cmd, args[1:], stdout)
	default:
		err = runRead(args, stdout, stderr)
	}
	var ue usageError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "synoptic: %s\nRun 'synoptic --help' (or 'synoptic export --help') for usage.\n", ue.msg)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "synoptic: %s\n", oneLine(err.Error()))
		return exitInput
	}
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// safeWriter shows control characters and escape sequences written to it as
// visible text.
type safeWriter struct{ w io.Writer }

func (s safeWriter) Write(p []byte) (int, error) {
	// Tabs only move the cursor; keep them for the layout of usage text.
	parts := strings.Split(string(p), "\t")
	for i := range parts {
		parts[i] = textsafe.Visible(parts[i])
	}
	if _, err := io.WriteString(s.w, strings.Join(parts, "\t")); err != nil {
		return 0, err
	}
	return len(p), nil
}

// parseInterspersed parses flags that may come before, between or after the
// positional arguments.
// A mistake gets one line and a hint (see run), not the whole usage text
// after the flag package's own copy of the message; -h gets the usage.
func parseInterspersed(fs *flag.FlagSet, args []string) ([]string, error) {
	usage, out := fs.Usage, fs.Output()
	fs.Usage = func() {}
	fs.SetOutput(io.Discard)
	defer func() { fs.Usage = usage; fs.SetOutput(out) }()
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(out)
				usage()
				return nil, err
			}
			return nil, usageError{err.Error()}
		}
		args = fs.Args()
		if len(args) == 0 {
			return pos, nil
		}
		if args[0] == "--" {
			return append(pos, args[1:]...), nil
		}
		pos = append(pos, args[0])
		args = args[1:]
	}
}

// maxWidth is the widest text synoptic lays out: wider than any screen or
// page, and narrow enough that a layout's lines stay a few megabytes.
const maxWidth = 1000

// checkWidth refuses a --width no text can be laid out at.
func checkWidth(w int) error {
	if w < 20 || w > maxWidth {
		return usageError{fmt.Sprintf("--width %d: want 20 to %d columns", w, maxWidth)}
	}
	return nil
}

func parsePair(s string, n int) (int, int, error) {
	parts := strings.Split(s, ",")
	if len(parts) != 2 {
		return 0, 0, usageError{fmt.Sprintf("--articles %q: want two indices such as 0,2", s)}
	}
	var idx [2]int
	for i, p := range parts {
		v, err := strconv.Atoi(strings.TrimSpace(p))
		if err != nil || v < 0 || v >= n {
			return 0, 0, usageError{fmt.Sprintf("--articles %q: %q is not an article index (0 to %d)", s, p, n-1)}
		}
		idx[i] = v
	}
	if idx[0] == idx[1] {
		return 0, 0, usageError{fmt.Sprintf("--articles %q: pick two different articles", s)}
	}
	return idx[0], idx[1], nil
}

// reviewFile is the review a story is built with and where edits to it go.
type reviewFile struct {
	path string
	// unsaved says why edits cannot be saved to path ("" when they can).
	unsaved string
	warning string // why the review was not read
}

// inputFlags are the flags the reader and export share about reading the
// story.
type inputFlags struct {
	review  string
	name    string
	refresh bool
}

// addInputFlags defines the flags of inputFlags on fs.
func addInputFlags(fs *flag.FlagSet, help string) *inputFlags {
	in := &inputFlags{}
	fs.StringVar(&in.review, "review", "", help)
	fs.StringVar(&in.name, "name", "", "the story's `NAME`, shown atop the reader and exports and in export file names (default: the name of the folder the articles are most of, when it says something, else the shared headline's words)")
	fs.BoolVar(&in.refresh, "refresh", false, "fetch web addresses again instead of reading the copies kept from the last fetch")
	return in
}

// reviewPathFor is where the review of a story read from paths is kept:
// next to the first path (see review.PathFor), or, when that is a web
// address or standard input, <story name>.synoptic.json in the current
// folder.
func reviewPathFor(paths []string, name string) string {
	if len(paths) > 0 && (corpus.IsURL(paths[0]) || paths[0] == corpus.StdinPath) {
		return fileSafe(name) + ".synoptic.json"
	}
	return review.PathFor(paths)
}

// fileSafe turns a story name into a file name: no separators, no
// leading dot.
func fileSafe(name string) string {
	s := strings.Map(func(r rune) rune {
		if r == '/' || r == '\\' || r == 0 || r < ' ' {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	s = strings.TrimLeft(s, ".")
	if s == "" {
		return "story"
	}
	return s
}

// loadReview reads the review named by flag, else the one kept for the
// story (reviewPathFor). A review that cannot be read is reported on stderr
// in one line and left alone: the story opens without it, and the reader
// does not overwrite it.
func loadReview(flag string, paths []string, name string, stderr io.Writer) (*review.Review, reviewFile) {
	rf := reviewFile{path: flag}
	if rf.path == "" {
		rf.path = reviewPathFor(paths, name)
	}
	if rf.path == "" {
		return nil, reviewFile{unsaved: "the built-in story has no review file; use --review FILE"}
	}
	rev, err := review.Load(rf.path)
	if err != nil {
		fmt.Fprintf(stderr, "synoptic: warning: %s\n", oneLine(err.Error()))
		return rev, reviewFile{unsaved: rf.path + " could not be read; fix or move it to save edits",
			warning: oneLine(err.Error())}
	}
	return rev, rf
}

// build loads the story (the built-in one without paths), aligns it,
// applies the review named by reviewFlag or found next to the story and,
// unless it is for the reader (which diffs as it goes), word-diffs it. A
// run that only writes the story bounds its memory (memory.go); the reader
// keeps the story and its layouts for as long as it runs, so it does not.
func build(paths []string, in *inputFlags, stderr io.Writer, forReader bool) (*story.Story, reviewFile, error) {
	ld, err := load(paths, in, stderr, forReader, nil)
	if err != nil {
		return nil, reviewFile{}, err
	}
	st := ld.align()
	ld.warn(st, stderr)
	return st, ld.rf, nil
}

// loaded is a story read from its files, with how to align it.
type loaded struct {
	cs  *corpus.Story
	opt story.Options
	rf  reviewFile
}

// load is build up to the alignment: it reads the story and its review,
// reporting what it skipped or repaired on stderr.
// progress, when not nil, is told of the files read (see
// corpus.LoadOptions.Progress).
func load(paths []string, in *inputFlags, stderr io.Writer, forReader bool, progress func(read, files int)) (loaded, error) {
	var cs *corpus.Story
	if len(paths) == 0 {
		cs = corpus.Default()
		if in.name != "" {
			cs.Name = in.name
		}
	} else {
		if err := stdinUsable(paths); err != nil {
			return loaded{}, err
		}
		web := corpus.DefaultWeb()
		web.Refresh = in.refresh
		web.UserAgent = "synoptic/" + version + " (news article comparison; +https://github.com/synoptic-news/synoptic)"
		var err error
		if cs, err = corpus.LoadWith(paths, corpus.LoadOptions{Web: web, Name: in.name, Progress: progress}); err != nil {
			return loaded{}, err
		}
	}
	for _, s := range cs.Skipped {
		fmt.Fprintf(stderr, "synoptic: skipped %s\n", oneLine(s))
	}
	for _, a := range cs.Articles {
		for _, w := range a.Warnings {
			// A file name may hold a newline: one warning, one line.
			fmt.Fprintf(stderr, "synoptic: warning: %s: %s\n", textsafe.VisibleLine(a.Path), textsafe.VisibleLine(w))
		}
	}
	if !forReader {
		limitMemory(cs)
	}
	opt := story.DefaultOptions()
	opt.DeferDiffs = forReader
	opt.RenderOnce = !forReader
	rev, rf := loadReview(in.review, paths, cs.Name, stderr)
	opt.Review = rev
	return loaded{cs, opt, rf}, nil
}

// stdinUsable refuses "-" among paths when standard input is the
// terminal: reading it would wait for typing, which no one means.
func stdinUsable(paths []string) error {
	if slices.Contains(paths, corpus.StdinPath) && term.IsTerminal(os.Stdin.Fd()) {
		return usageError{"- reads an article from standard input, which is the terminal here; pipe or redirect one (pbpaste | synoptic - b.md)"}
	}
	return nil
}

// align segments, aligns and (unless for the reader) diffs the story.
func (ld loaded) align() *story.Story { return story.Build(ld.cs, ld.opt) }

// warn reports the review's entries that no longer match the story.
func (ld loaded) warn(st *story.Story, stderr io.Writer) {
	for _, w := range st.ReviewWarnings() {
		fmt.Fprintf(stderr, "synoptic: warning: review %s: %s\n", textsafe.VisibleLine(ld.rf.path), textsafe.VisibleLine(w))
	}
}

// textBytes is the size of the story's text.
func (ld loaded) textBytes() int {
	n := 0
	for _, a := range ld.cs.Articles {
		for _, p := range a.Paras {
			n += len(p.Text)
		}
	}
	return n
}
