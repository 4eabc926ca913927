package export

import (
	"fmt"
	"io"
	"sort"

	"github.com/synoptic-news/synoptic/internal/story"
)

// Renderer writes a story in one format.
type Renderer func(w io.Writer, st *story.Story, opt Options) error

// formats maps a format name to its renderer and file name extension.
var formats = map[string]struct {
	render Renderer
	ext    string
}{
	"json": {func(w io.Writer, st *story.Story, opt Options) error { return writeJSON(w, st, Checks(st, opt)) }, "json"},
	"txt":  {Text, "txt"},
	"html": {HTML, "html"},
	"md":   {Markdown, "md"},
}

// Register adds a format rendered outside this package (the reader's ANSI
// view lives with the reader).
func Register(name, ext string, r Renderer) {
	formats[name] = struct {
		render Renderer
		ext    string
	}{r, ext}
}

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
