package export

import (
	"errors"
	"fmt"
	"io"

	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/story"
)

// Renderer writes a story in one format.
type Renderer func(w io.Writer, st *story.Story, opt Options) error

// format is one way to write the story.
type format struct {
	name string
	ext  string // the file name extension, without its dot
	// whole: the format gives the whole story, every event of every
	// article, whatever Options.Only, Left and Right say.
	whole bool
	// checks: the format is made of the whole-story checks, which it runs
	// whatever Options.NoChecks says.
	checks bool
	render Renderer
}

// formats are every format, by name. The ANSI view is the reader's own
// painting, which lives with the reader: Options.ANSI brings it.
var formats = []format{
	{name: "ansi", ext: "ans", render: renderANSI},
	{name: "html", ext: "html", render: HTML},
	// The JSON contract holds every event of every article.
	{name: "json", ext: "json", whole: true, render: func(w io.Writer, st *story.Story, opt Options) error {
		return writeJSON(w, st, Checks(st, opt))
	}},
	{name: "matrix-html", ext: "html", whole: true, render: func(w io.Writer, st *story.Story, _ Options) error {
		return matrixPage(w, st, matrix.Build(st))
	}},
	{name: "matrix-md", ext: "md", whole: true, render: func(w io.Writer, st *story.Story, _ Options) error {
		return matrixMarkdownPage(w, st, matrix.Build(st))
	}},
	{name: "md", ext: "md", render: Markdown},
	{name: "report-html", ext: "html", whole: true, checks: true, render: func(w io.Writer, st *story.Story, _ Options) error {
		return reportPage(w, st, insight.Analyze(st))
	}},
	{name: "report-md", ext: "md", whole: true, checks: true, render: func(w io.Writer, st *story.Story, _ Options) error {
		return reportMarkdown(w, st, insight.Analyze(st))
	}},
	{name: "txt", ext: "txt", render: Text},
}

// errNoANSI is the ansi format's error when Options.ANSI is not set.
var errNoANSI = errors.New("the ansi format is the reader's view: Options.ANSI is not set")

func renderANSI(w io.Writer, st *story.Story, opt Options) error {
	if opt.ANSI == nil {
		return errNoANSI
	}
	return opt.ANSI(w, st, opt)
}

// lookup is the format named name.
func lookup(name string) (format, bool) {
	for _, f := range formats {
		if f.name == name {
			return f, true
		}
	}
	return format{}, false
}

// WholeStory says whether a format gives the whole story rather than the
// pair and events Options choose.
func WholeStory(name string) bool { f, _ := lookup(name); return f.whole }

// RunsChecks says whether a format runs the whole-story checks even when
// Options.NoChecks is set: it is made of them.
func RunsChecks(name string) bool { f, _ := lookup(name); return f.checks }

// Formats lists the format names, sorted.
func Formats() []string {
	out := make([]string, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// Ext is the file name extension for a format ("" if unknown).
func Ext(name string) string { f, _ := lookup(name); return f.ext }

// Render writes st in the named format.
func Render(w io.Writer, name string, st *story.Story, opt Options) error {
	f, ok := lookup(name)
	if !ok {
		return fmt.Errorf("unknown format %q (want one of %v)", name, Formats())
	}
	return f.render(w, st, opt)
}
