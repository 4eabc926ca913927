package export

import (
	"fmt"
	"io"
	"sort"

	"github.com/synoptic-news/synoptic/internal/story"
)

// Renderer writes a story in one format.
type Renderer func(w io.Writer, st *story.Story, opt Options) error

// format is a renderer, its file name extension, and whether it gives the
// whole story whatever Options.Only, Left and Right say.
type format struct {
	render Renderer
	ext    string
	whole  bool
}

// formats maps a format name to its renderer and file name extension.
var formats = map[string]format{
	// The JSON contract holds every event of every article.
	"json": {func(w io.Writer, st *story.Story, opt Options) error { return writeJSON(w, st, Checks(st, opt)) }, "json", true},
	"txt":  {Text, "txt", false},
	"html": {HTML, "html", false},
	"md":   {Markdown, "md", false},
}

// Register adds a format rendered outside this package (the reader's ANSI
// view lives with the reader) that shows the pair and events Options choose.
func Register(name, ext string, r Renderer) { formats[name] = format{r, ext, false} }

// RegisterWholeStory adds a format that gives the whole story, every event
// of every article, whatever Options choose (the coverage matrix, the report).
func RegisterWholeStory(name, ext string, r Renderer) { formats[name] = format{r, ext, true} }

// WholeStory says whether a format gives the whole story rather than the
// pair and events Options choose.
func WholeStory(name string) bool { return formats[name].whole }

// Formats lists the format names, sorted.
func Formats() []string {
	var out []string
	for k := range formats {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// Ext is the file name extension for a format ("" if unknown).
func Ext(format string) string { return formats[format].ext }

// Render writes st in the named format.
func Render(w io.Writer, format string, st *story.Story, opt Options) error {
	f, ok := formats[format]
	if !ok {
		return fmt.Errorf("unknown format %q (want one of %v)", format, Formats())
	}
	return f.render(w, st, opt)
}
