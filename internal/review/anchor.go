package review

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// snippetRunes is how much of a block's text a Ref keeps.
const snippetRunes = 40

// snippet is the opening of s, its spaces folded, as a Ref keeps it. It
// reads no more of s than it keeps: it is taken of every block of a story
// when an entry is looked for.
func snippet(s string) string {
	var sb strings.Builder
	n, space := 0, false
	for _, c := range s {
		if unicode.IsSpace(c) {
			space = sb.Len() > 0
			continue
		}
		if space {
			if n++; n > snippetRunes {
				break
			}
			sb.WriteByte(' ')
			space = false
		}
		if n++; n > snippetRunes {
			break
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

// valid says whether ref names a block of arts that holds the text it was
// made for.
func valid(arts [][]segment.Block, ref Ref) bool {
	if ref.Article < 0 || ref.Article >= len(arts) || ref.Block < 0 || ref.Block >= len(arts[ref.Article]) {
		return false
	}
	return ref.Snippet == "" || snippet(arts[ref.Article][ref.Block].Text) == ref.Snippet
}

// finder looks blocks up by their snippet, indexed on first use.
type finder struct {
	arts [][]segment.Block
	at   map[string][]Ref
}

func (f *finder) find(s string) []Ref {
	if f.at == nil {
		f.at = map[string][]Ref{}
		for a, bs := range f.arts {
			for i := range bs {
				k := snippet(bs[i].Text)
				f.at[k] = append(f.at[k], Ref{Article: a, Block: i, Snippet: k})
			}
		}
	}
	return f.at[s]
}

// anchor finds the block ref was made for by its text: the block it names
// if that still holds the text, else the nearest block of the same article
// that opens with it (a paragraph was inserted or removed before it), else
// the one block of another article that does (articles were added to or
// removed from the story, which renumbers them). It fails, with why, when
// no block holds the text or several articles do: the entry is then an
// orphan, reported and kept, never applied to a block it was not made for.
func (f *finder) anchor(ref Ref) (Ref, string) {
	if valid(f.arts, ref) {
		return ref, ""
	}
	if ref.Snippet == "" {
		return ref, "names no block of the story"
	}
	var near []Ref
	var other []Ref
	for _, c := range f.find(ref.Snippet) {
		if c.Article == ref.Article {
			near = append(near, c)
		} else {
			other = append(other, c)
		}
	}
	if len(near) > 0 {
		best := near[0]
		for _, c := range near[1:] {
			if abs(c.Block-ref.Block) < abs(best.Block-ref.Block) {
				best = c
			}
		}
		return best, ""
	}
	arts := map[int]bool{}
	for _, c := range other {
		arts[c.Article] = true
	}
	switch {
	case len(other) == 0:
		return ref, "no block of the story opens with its text any more"
	case len(arts) > 1:
		return ref, fmt.Sprintf("its text opens blocks of %d articles", len(arts))
	case len(other) > 1:
		// One article holds it several times: the nearest by position.
		best := other[0]
		for _, c := range other[1:] {
			if abs(c.Block-ref.Block) < abs(best.Block-ref.Block) {
				best = c
			}
		}
		return best, ""
	}
	return other[0], ""
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Anchor moves each entry of the review to the block that holds its text
// now (see finder.anchor), so that a note, pin or split follows its
// paragraph when paragraphs or articles were added, removed or reordered.
// Entries whose text is found nowhere, or in several articles, are left as
// they are, kept for the file, and not applied; orphans describes each.
// The review is changed in place, so the moved entries are saved where
// they now are.
func (r *Review) Anchor(arts [][]segment.Block) (moved int, orphans []string) {
	if r == nil {
		return 0, nil
	}
	f := &finder{arts: arts}
	fix := func(ref *Ref) string {
		to, why := f.anchor(*ref)
		if why == "" && to != *ref {
			*ref = to
			moved++
		}
		return why
	}
	for i := range r.Splits {
		if why := fix(&r.Splits[i]); why != "" {
			orphans = append(orphans, fmt.Sprintf("split of %s: %s", describe(r.Splits[i]), why))
		}
	}
	for i, p := range r.Pins {
		a, wa := f.anchor(p.A)
		b, wb := f.anchor(p.B)
		if wa == "" && wb == "" {
			if a != p.A || b != p.B {
				r.Pins[i] = Pin{a, b}
				moved++
			}
			continue
		}
		// Half a pin is not moved: it stays as the editor made it.
		why := wa
		switch {
		case why == "":
			why = wb
		case wb != "":
			why += "; the other: " + wb
		}
		orphans = append(orphans, fmt.Sprintf("pin of %s with %s: %s", describe(p.A), describe(p.B), why))
	}
	for i := range r.Notes {
		if why := fix(&r.Notes[i].Ref); why != "" {
			orphans = append(orphans, fmt.Sprintf("note %q on %s: %s", clip(r.Notes[i].Text), describe(r.Notes[i].Ref), why))
		}
	}
	return moved, orphans
}

// describe names a Ref for a message: its place and its text.
func describe(ref Ref) string {
	s := fmt.Sprintf("article %d block %d", ref.Article, ref.Block)
	if ref.Snippet != "" {
		s += fmt.Sprintf(" (%q)", clip(ref.Snippet))
	}
	return s
}

// clip shortens s for a message.
func clip(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) > 30 {
		s = string([]rune(s)[:29]) + "…"
	}
	return s
}
