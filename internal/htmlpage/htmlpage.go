// Package htmlpage makes whole HTML pages of the fragments the whole-story
// exports render: a doctype, the character set, a title and the styles in
// the head, so that a browser opens them in standards mode, with the
// right encoding and a name in its tab.
package htmlpage

import (
	"html"
	"io"
	"strings"
)

// Write writes a page titled title ("· synoptic" is added) whose head holds
// css and whose body is body, which must be valid HTML.
func Write(w io.Writer, title, css, body string) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" +
		"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" +
		"<meta name=\"color-scheme\" content=\"light dark\">\n<meta name=\"generator\" content=\"synoptic\">\n<title>")
	b.WriteString(html.EscapeString(title) + " · synoptic</title>\n<style>\nbody{margin:0}\n")
	b.WriteString(css)
	b.WriteString("\n</style>\n</head>\n<body>\n")
	b.WriteString(body)
	b.WriteString("</body>\n</html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}
