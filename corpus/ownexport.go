package corpus

import (
	"bytes"
	"io"
	"os"
	"regexp"
	"sync"
	"unicode/utf8"
)

// A folder often holds what synoptic wrote about it: the reader's export
// prompt suggests the story's folder, and the review file sits there. Those
// files are not articles; loaded as articles they would add a copy of the
// story to itself. ownExport tells them by how they begin.

// exportJSONStart is the start of the JSON export (contract v1).
// Compiled on first use, for a file that starts with "{".
var exportJSONStart = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^\{\s*"version":\s*\d+,\s*(?:"name":\s*"(?:[^"\\]|\\.)*",\s*)?"articles":\s*\[`)
})

// ownExport reports whether the file at path is an export of synoptic.
func ownExport(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, _ := io.ReadFull(f, head)
	return isOwnExport(head[:n])
}

// isOwnExport reports whether head, the start of a file, is the start of
// one of synoptic's exports.
func isOwnExport(head []byte) bool {
	head = bytes.TrimPrefix(head, []byte("\xef\xbb\xbf"))
	switch {
	case bytes.Contains(head, []byte(`<meta name="generator" content="synoptic">`)),
		bytes.HasPrefix(head, []byte(`<section class="synoptic-matrix">`)),
		bytes.HasPrefix(head, []byte(`<section class="synoptic-insight">`)):
		return true // html, matrix-html, report-html
	case bytes.HasPrefix(head, []byte("{")) && exportJSONStart().Match(head):
		return true
	}
	if bytes.HasPrefix(head, []byte("\x1b[")) {
		// ansi: the reader's view in colour, its title then the top of
		// the article boxes
		plain := bytes.SplitN(stripSGR(head), []byte("\n"), 3)
		return len(plain) == 3 && bytes.HasPrefix(plain[0], []byte(" synoptic · ")) && bytes.HasPrefix(plain[1], []byte("┌ "))
	}
	lines := bytes.SplitN(head, []byte("\n"), 8)
	line := func(i int) []byte {
		if i < len(lines) {
			return bytes.TrimRight(lines[i], "\r")
		}
		return nil
	}
	switch {
	case bytes.HasPrefix(line(0), []byte("synoptic · ")) && txtHead(head):
		return true // txt
	case bytes.HasPrefix(line(0), []byte("# ")) && len(line(1)) == 0 && bytes.HasPrefix(line(2), []byte("Side by side: **")):
		return true // md
	case bytes.HasPrefix(line(0), []byte("| # | event |")):
		return true // matrix-md
	case bytes.HasPrefix(line(0), []byte("# ")) && bytes.HasSuffix(line(0), []byte("whole-story report")) && bytes.Equal(line(2), []byte("## Summary")):
		return true // report-md
	}
	return false
}

// stripSGR drops the colour and style sequences (ESC [ … m) from b.
func stripSGR(b []byte) []byte {
	out := make([]byte, 0, len(b))
	for i := 0; i < len(b); i++ {
		if b[i] == 0x1b && i+1 < len(b) && b[i+1] == '[' {
			j := i + 2
			for j < len(b) && (b[j] >= '0' && b[j] <= '9' || b[j] == ';') {
				j++
			}
			if j < len(b) && b[j] == 'm' {
				i = j
				continue
			}
		}
		out = append(out, b[i])
	}
	return out
}

// txtHead reports whether head opens like the txt export: the account of
// the story, wrapped to the page width over a few lines, then a rule of "="
// as wide as the page, so no line above it is wider.
func txtHead(head []byte) bool {
	lines := bytes.Split(head, []byte("\n"))
	widest := 0
	for i, ln := range lines {
		if i > 12 || i == len(lines)-1 {
			return false // too long for the account, or cut off before the rule
		}
		ln = bytes.TrimRight(ln, "\r")
		if len(ln) == 0 {
			return false
		}
		n := utf8.RuneCount(ln)
		if i > 0 && len(bytes.Trim(ln, "=")) == 0 {
			return n >= widest
		}
		widest = max(widest, n)
	}
	return false
}
