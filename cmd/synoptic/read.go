package main

import (
	"bytes"
	"cmp"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"sync/atomic"

	"github.com/charmbracelet/x/term"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/wording"
	"github.com/synoptic-news/synoptic/ui"
)

const readUsage = `Usage: synoptic [flags] [PATH...]
       synoptic export [flags] [PATH...]

synoptic puts news articles about one story side by side, aligns the
paragraphs that report the same event, and highlights wording differences.

PATH is an article file (.txt, .md, .html, .json, .jsonl), a folder of
them (its urls.txt may list web addresses), a web address (http:// or
https://), or - for one article on standard input. Give at least two
articles, or one JSON/JSON Lines file holding several. With no PATH,
synoptic opens its built-in example story.

A web page is fetched once and a copy kept in the cache folder
($SYNOPTIC_CACHE, else synoptic/pages in the user's cache folder); later
runs read the copy, so the story reopens offline and its review keeps
matching. --refresh fetches the pages again.

On a terminal synoptic opens the reader (press ? in it for the keys);
when standard output is a pipe or a file it prints the text rendering.
NO_COLOR in the environment works as --no-color.

An editor's corrections (threshold, split and joined events, notes) are
kept in a review file named after the first PATH (a.synoptic.json for
a.md, folder/folder.synoptic.json for a folder), loaded automatically
and saved on every edit in the reader; --review names another file.

Flags:
`

// exitInterrupted is the status after ctrl+c, as shells report SIGINT.
const exitInterrupted = 130

// readFlags are the reader's flags.
type readFlags struct {
	showVersion, noColor *bool
	width                *int
	articles             *string
	in                   *inputFlags
}

// newReadFlags defines the reader's flags; the man page and the shell
// completions are made from the same definitions.
func newReadFlags(stdout io.Writer) (*flag.FlagSet, readFlags) {
	fs := flag.NewFlagSet("synoptic", flag.ContinueOnError)
	fs.SetOutput(stdout) // help asked for is the output; mistakes go to stderr (see run)
	var f readFlags
	f.showVersion = fs.Bool("version", false, "print the version and exit")
	f.width = fs.Int("width", 0, "text width when not on a terminal, 20 to 1000 (default: 120)")
	f.noColor = fs.Bool("no-color", false, "no colours in the reader (bold and underline remain)")
	f.articles = fs.String("articles", "", "the two articles shown first, as 0-based indices `I,J` (default 0,1)")
	f.in = addInputFlags(fs, "the editor's review `FILE` to apply and save edits to (default: the first PATH's, a.synoptic.json for a.md, folder/folder.synoptic.json for a folder)")
	fs.Usage = func() {
		fmt.Fprint(stdout, readUsage)
		fs.PrintDefaults()
		fmt.Fprint(stdout, "\n"+commandsHelp+"\n"+exitHelp)
	}
	return fs, f
}

func runRead(args []string, stdout, stderr io.Writer) error {
	fs, fl := newReadFlags(stdout)
	showVersion, width, noColor, articles, in := fl.showVersion, fl.width, fl.noColor, fl.articles, fl.in
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	if *showVersion {
		fmt.Fprintf(stdout, "synoptic %s\n", version)
		return nil
	}
	if *width != 0 { // 0 is the default
		if err := checkWidth(*width); err != nil {
			return err
		}
	}
	f, isFile := stdout.(*os.File)
	if isFile && term.IsTerminal(f.Fd()) {
		return runReader(paths, in, *articles, *noColor, stderr)
	}
	ld, err := load(paths, in, stderr, false, nil)
	if err != nil {
		return err
	}
	opt := export.DefaultOptions()
	if *width > 0 {
		opt.Width = *width
	}
	if *articles != "" {
		l, r, err := parsePair(*articles, len(ld.cs.Articles))
		if err != nil {
			return err
		}
		opt.Left, opt.Right = l, r
	}
	st := ld.align()
	ld.warn(st, stderr)
	return export.Text(stdout, st, opt)
}

// runReader opens the reader at once, on a loading screen while the story
// is read and aligned (see ui.RunBuild), so that a long story or a slow
// file shows something within a fraction of a second. What goes wrong is
// reported as it would be without the reader: the same message on stderr
// and the same exit status, once the terminal is restored.
func runReader(paths []string, in *inputFlags, articles string, noColor bool, stderr io.Writer) error {
	if err := stdinUsable(paths); err != nil {
		return err
	}
	// What loading has to say lands on stderr once the reader is gone:
	// written under it, it would scribble over the screen.
	later := &heldWriter{}
	defer later.flushTo(stderr)
	var built atomic.Pointer[readerStory] // still empty if the user left first
	_, noColorEnv := os.LookupEnv("NO_COLOR")
	uopt := ui.Options{NoColor: noColor || noColorEnv && os.Getenv("NO_COLOR") != "", Stderr: later}
	err := ui.RunBuild(func(p *ui.Progress) (*story.Story, ui.Options, error) {
		// The reader's first screen comes before the word diffs of the
		// whole story: it diffs what it shows and the rest in the
		// background.
		ld, err := load(paths, in, later, true, p.Reading)
		if err != nil {
			return nil, ui.Options{}, buildError{err}
		}
		opt := ui.Options{Right: 1, ReviewPath: ld.rf.path, ReviewUnsaved: ld.rf.unsaved,
			Warning: cmp.Or(ld.rf.warning, skippedWarning(ld.cs.Unreadable))}
		if articles != "" {
			if opt.Left, opt.Right, err = parsePair(articles, len(ld.cs.Articles)); err != nil {
				return nil, ui.Options{}, buildError{err}
			}
		}
		var names []string
		for _, a := range ld.cs.Articles {
			names = append(names, cmp.Or(a.Outlet, a.Title))
		}
		p.Read(ld.cs.Name, names, ld.textBytes())
		ld.opt.Progress, ld.opt.Align.Progress = p.Segmented, p.Aligned
		st := ld.align()
		built.Store(&readerStory{ld, st})
		return st, opt, nil
	}, storyWhat(paths), uopt)
	// The review's warnings, which would land on the loading screen,
	// follow when the reader ends.
	if b := built.Load(); b != nil {
		b.ld.warn(b.st, later)
	}
	if errors.Is(err, ui.ErrInterrupted) {
		// The reader has restored the terminal; report ctrl+c as shells do.
		later.flushTo(stderr)
		os.Exit(exitInterrupted)
	}
	var be buildError
	if errors.As(err, &be) {
		return be.err // as the export and the text rendering say it
	}
	if err != nil {
		return fmt.Errorf("reader: %w", err)
	}
	return nil
}

// readerStory is the story the reader opened and how it was read.
type readerStory struct {
	ld loaded
	st *story.Story
}

// buildError is why the story could not be read for the reader, as
// opposed to a fault of the reader itself.
type buildError struct{ err error }

func (e buildError) Error() string { return e.err.Error() }
func (e buildError) Unwrap() error { return e.err }

// storyWhat names the story the reader opens before it is read: its paths.
func storyWhat(paths []string) string {
	if len(paths) == 0 {
		return "the built-in example story"
	}
	return strings.Join(paths, " ")
}

// heldWriter keeps what is written to it until flushTo; it may be written
// from several goroutines.
type heldWriter struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (h *heldWriter) Write(p []byte) (int, error) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.buf.Write(p)
}

// flushTo writes what is held to w and forgets it.
func (h *heldWriter) flushTo(w io.Writer) {
	h.mu.Lock()
	defer h.mu.Unlock()
	w.Write(h.buf.Bytes())
	h.buf.Reset()
}

// skippedWarning names the first article file of a folder that could not
// be read, and how many more there are ("" when none), for the reader's
// status bar: stderr, which names them all, is under the reader's screen.
func skippedWarning(bad []string) string {
	if len(bad) == 0 {
		return ""
	}
	s := "skipped " + oneLine(bad[0])
	if n := len(bad) - 1; n > 0 {
		s += fmt.Sprintf(" (and %s)", wording.Count(n, "more file"))
	}
	return s
}
