// Package worddiff compares two texts word by word with go-diff: each token
// (a word, a run of spaces, a punctuation mark) becomes one rune, so a change
// never splits a word. Typography that does not change wording (curly and
// straight quotes, dashes, NBSP, "…" and "...") compares equal.
package worddiff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	dmp "github.com/sergi/go-diff/diffmatchpatch"
)

// OpKind is what an op does.
type OpKind string

// The op kinds.
const (
	Equal  OpKind = "equal"
	Delete OpKind = "delete"
	Insert OpKind = "insert"
)

// Op is one piece of a diff. Delete text is only in the first text, Insert
// only in the second, Equal in both. When an Equal piece is written
// differently in the second text (other quotes, spaces), Other holds the
// second text's spelling, so the ops rebuild each side exactly.
type Op struct {
	Kind  OpKind `json:"op"`
	Text  string `json:"text"`
	Other string `json:"other,omitempty"`
}

// A returns the first text rebuilt from ops.
func A(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		if o.Kind != Insert {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// B returns the second text rebuilt from ops.
func B(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		switch {
		case o.Kind == Insert:
			b.WriteString(o.Text)
		case o.Kind == Equal && o.Other != "":
			b.WriteString(o.Other)
		case o.Kind == Equal:
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// Differ diffs many pairs of one document with one token dictionary.
// A Differ is not safe for concurrent use.
type Differ struct {
	ids  map[string]rune
	next rune
	dm   *dmp.DiffMatchPatch
	bufA []rune
	bufB []rune
	tokA []string
	tokB []string
}

// First and last runes of the private-use planes 15 and 16, one per token.
const (
	firstID = 0xF0000
	lastID  = 0x10FFFD
)

// New returns a Differ.
func New() *Differ {
	d := &Differ{ids: make(map[string]rune), next: firstID, dm: dmp.New()}
	// No deadline: pairs are paragraphs, and a deadline silently turns a
	// diff into "delete all, insert all".
	d.dm.DiffTimeout = 0
	return d
}

// Diff compares a (first) with b (second).
func Diff(a, b string) []Op { return New().Diff(a, b) }

// Diff compares a (first) with b (second).
func (d *Differ) Diff(a, b string) []Op {
	d.tokA = Tokens(a, d.tokA[:0])
	d.tokB = Tokens(b, d.tokB[:0])
	if len(d.ids)+len(d.tokA)+len(d.tokB) > lastID-firstID {
		d.ids = make(map[string]rune)
		d.next = firstID
	}
	d.bufA = d.runes(d.tokA, d.bufA[:0])
	d.bufB = d.runes(d.tokB, d.bufB[:0])
	diffs := d.dm.DiffMainRunes(d.bufA, d.bufB, false)
	diffs = d.dm.DiffCleanupSemantic(diffs)
	var ops []Op
	ia, ib := 0, 0
	add := func(k OpKind, text, other string) {
		if text == "" && other == "" {
			return
		}
		if n := len(ops); n > 0 && ops[n-1].Kind == k {
			last := &ops[n-1]
			if k == Equal && (last.Other != "" || other != "") {
				if last.Other == "" {
					last.Other = last.Text
				}
				if other == "" {
					other = text
				}
				last.Other += other
			}
			last.Text += text
			return
		}
		ops = append(ops, Op{Kind: k, Text: text, Other: other})
	}
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case dmp.DiffEqual:
			ta := strings.Join(d.tokA[ia:ia+n], "")
			tb := strings.Join(d.tokB[ib:ib+n], "")
			other := ""
			if ta != tb {
				other = tb
			}
			add(Equal, ta, other)
			ia += n
			ib += n
		case dmp.DiffDelete:
			add(Delete, strings.Join(d.tokA[ia:ia+n], ""), "")
			ia += n
		case dmp.DiffInsert:
			add(Insert, strings.Join(d.tokB[ib:ib+n], ""), "")
			ib += n
		}
	}
	return ops
}

func (d *Differ) runes(toks []string, buf []rune) []rune {
	for _, t := range toks {
		k := Normalize(t)
		id, ok := d.ids[k]
		if !ok {
			id = d.next
			d.next++
			if d.next == 0xFFFFE {
				d.next = 0x100000 // skip the plane-15 noncharacters
			}
			d.ids[k] = id
		}
		buf = append(buf, id)
	}
	return buf
}

// Tokens splits s into words (letters and digits, with inner apostrophes,
// hyphens, periods and commas as in "don't", "U.S." and "8,000"), runs of
// whitespace, and single other characters. Joined, they give s back.
func Tokens(s string, out []string) []string {
	i := 0
	for i < len(s) {
		r, size := utf8.DecodeRuneInString(s[i:])
		j := i + size
		switch {
		case isSpace(r):
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if !isSpace(r2) {
					break
				}
				j += s2
			}
		case r == '.':
			for j < len(s) && s[j] == '.' {
				j++ // an ellipsis written as periods is one token, like "…"
			}
		case isWord(r):
			for j < len(s) {
				r2, s2 := utf8.DecodeRuneInString(s[j:])
				if isWord(r2) {
					j += s2
					continue
				}
				if strings.ContainsRune("'’-.,", r2) && j+s2 < len(s) {
					r3, _ := utf8.DecodeRuneInString(s[j+s2:])
					if isWord(r3) && (r2 != ',' || (unicode.IsDigit(r3) && unicode.IsDigit(lastRune(s[i:j])))) {
						j += s2
						continue
					}
				}
				break
			}
		}
		out = append(out, s[i:j])
		i = j
	}
	return out
}

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' || r == '\u200b' }

func isWord(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

var typo = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'", "‚", "'",
	"—", "-", "–", "-", "‐", "-", "‑", "-", "…", "...")

// Normalize returns the form of a token used for comparison: typography that
// does not change wording is folded, and any whitespace is one space.
func Normalize(tok string) string {
	if tok == "" {
		return tok
	}
	r, _ := utf8.DecodeRuneInString(tok)
	if isSpace(r) {
		return " "
	}
	if r < utf8.RuneSelf && len(tok) == 1 {
		return tok
	}
	return typo.Replace(tok)
}
