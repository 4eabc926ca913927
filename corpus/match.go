package corpus

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The loader's three patterns are matched by hand rather than by regular
// expressions: every plain-text article asks at least two of them, and
// compiling the regexps took a tenth of the CPU of a small story's whole
// export. match_test.go keeps the regexps they stand for and checks both give
// the same answers (generated texts and a fuzz target).

// isReSpace is \s of Go's regexps: ASCII whitespace except \v.
func isReSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r' }

func isDigit(c byte) bool { return '0' <= c && c <= '9' }

// matchDate is
//
//	^\s*(?:date:?\s+)?(\d{4}-\d{2}-\d{2})(?:[T ][0-9:]+Z?)?\s*(.*)$
//
// returning its two groups: a date line such as " date 2024-11-01 Ukraine war".
func matchDate(s string) (date, rest string, ok bool) {
	i := 0
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	// "date:" and the spaces after it, when a date follows them
	if strings.HasPrefix(s[i:], "date") {
		j := i + len("date")
		if j < len(s) && s[j] == ':' {
			j++
		}
		k := j
		for k < len(s) && isReSpace(s[k]) {
			k++
		}
		if k > j {
			i = k
		}
	}
	if len(s)-i < len("2024-11-01") {
		return "", "", false
	}
	d := s[i : i+len("2024-11-01")]
	for k := range len(d) {
		if k == 4 || k == 7 {
			if d[k] != '-' {
				return "", "", false
			}
		} else if !isDigit(d[k]) {
			return "", "", false
		}
	}
	i += len(d)
	// an optional time: "T10:00:00Z" or " 10:00"
	if i+1 < len(s) && (s[i] == 'T' || s[i] == ' ') && (isDigit(s[i+1]) || s[i+1] == ':') {
		i += 2
		for i < len(s) && (isDigit(s[i]) || s[i] == ':') {
			i++
		}
		if i < len(s) && s[i] == 'Z' {
			i++
		}
	}
	for i < len(s) && isReSpace(s[i]) {
		i++
	}
	if strings.IndexByte(s[i:], '\n') >= 0 {
		return "", "", false // . does not match a line break
	}
	return d, s[i:], true
}

// foldCut reports whether s starts with lower (lowercase ASCII) with
// letters folded as the (?i) of Go's regexps folds them ("K", the Kelvin
// sign, is a k), and returns the rest of s.
func foldCut(s, lower string) (string, bool) {
	for k := 0; k < len(lower); k++ {
		if s == "" {
			return "", false
		}
		r, w := utf8.DecodeRuneInString(s)
		c := rune(lower[k])
		if r != c {
			f := unicode.SimpleFold(c)
			for f != c && f != r {
				f = unicode.SimpleFold(f)
			}
			if f != r {
				return "", false
			}
		}
		s = s[w:]
	}
	return s, true
}

// matchReadMore is
//
//	(?i)^(?:click here to )?read more (?:from|at|on) (?:the )?(.{3,60}?)[.!]?$
//
// returning its group: the outlet of "CLICK HERE TO READ MORE FROM THE
// WASHINGTON EXAMINER".
func matchReadMore(s string) (string, bool) {
	if rest, ok := foldCut(s, "click here to "); ok {
		s = rest
	}
	s, ok := foldCut(s, "read more ")
	if !ok {
		return "", false
	}
	matched := false
	for _, w := range []string{"from ", "at ", "on "} {
		if rest, ok := foldCut(s, w); ok {
			s, matched = rest, true
			break
		}
	}
	if !matched {
		return "", false
	}
	if rest, ok := foldCut(s, "the "); ok {
		if name, ok := readMoreName(rest); ok {
			return name, true
		}
	}
	return readMoreName(s)
}

// readMoreName is (.{3,60}?)[.!]?$ on s: the shortest name of 3 to 60
// characters with no line break, before one optional final "." or "!".
func readMoreName(s string) (string, bool) {
	if strings.IndexByte(s, '\n') >= 0 {
		return "", false
	}
	n := utf8.RuneCountInString(s)
	if last := s[len(s)-min(len(s), 1):]; (last == "." || last == "!") && n-1 >= 3 && n-1 <= 60 {
		return s[:len(s)-1], true
	}
	if n >= 3 && n <= 60 {
		return s, true
	}
	return "", false
}

// blankGapLen is the length of what starts s when it may sit between the
// two line breaks of a blank line ([ \t\f\v] or U+00A0), else 0.
func blankGapLen(s string) int {
	switch {
	case s == "":
		return 0
	case s[0] == ' ' || s[0] == '\t' || s[0] == '\f' || s[0] == '\v':
		return 1
	case strings.HasPrefix(s, "\u00a0"):
		return len("\u00a0")
	}
	return 0
}

// blankLine returns the start and end in s of its first blank line: the
// first match of \n[ \t\f\v\x{00A0}]*\n, or -1, -1.
func blankLine(s string) (int, int) {
	for i := 0; i < len(s); {
		k := strings.IndexByte(s[i:], '\n')
		if k < 0 {
			return -1, -1
		}
		start := i + k
		j := start + 1
		for n := blankGapLen(s[j:]); n > 0; n = blankGapLen(s[j:]) {
			j += n
		}
		if j < len(s) && s[j] == '\n' {
			return start, j + 1
		}
		i = start + 1
	}
	return -1, -1
}

// splitBlankLines is the regexp \n[ \t\f\v\x{00A0}]*\n's Split(s, -1): s
// cut at its blank lines.
func splitBlankLines(s string) []string {
	var out []string
	for {
		start, end := blankLine(s)
		if start < 0 {
			return append(out, s)
		}
		out = append(out, s[:start])
		s = s[end:]
	}
}
