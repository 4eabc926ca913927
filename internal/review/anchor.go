package review

import (
	"fmt"
	"path/filepath"
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
// made for, in the article it was made for.
func (r *Review) valid(arts [][]segment.Block, ref Ref) bool {
	if ref.Article < 0 || ref.Article >= len(arts) || ref.Block < 0 || ref.Block >= len(arts[ref.Article]) {
		return false
	}
	if ref.Source != "" && r.hasNames && r.names[ref.Article] != ref.Source {
		return false // another file now has its number
	}
	return ref.Snippet == "" || snippet(arts[ref.Article][ref.Block].Text) == ref.Snippet
}

// Names are the names entries know a story's articles by: the base name of
// each article's path. An article without a path, or one of several read
// from one file (JSON), whose places in it may change, has none ("").
func Names(paths []string) []string {
	count := map[string]int{}
	for _, p := range paths {
		count[p]++
	}
	names := make([]string, len(paths))
	for i, p := range paths {
		if p != "" && count[p] == 1 {
			names[i] = filepath.Base(p)
		}
	}
	return names
}

// finder looks blocks up by their snippet, indexed on first use.
type finder struct {
	r    *Review
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

// source is the one article named name, or -1.
func (f *finder) source(name string) int {
	at := -1
	for a, n := range f.r.names {
		if name != "" && n == name {
			if at >= 0 {
				return -1
			}
			at = a
		}
	}
	return at
}

// anchor finds the block ref was made for by its text. In its article,
// found by name when the article is still there (else by number): the
// block it names if that still holds the text, else the nearest block that
// opens with it (a paragraph was inserted or removed before it). Only when
// the article is gone, or is known by number only and lacks the text: the
// one other article with a block that opens with it (articles were added
// to or removed from the story, which renumbers them). It fails, with why,
// when no block holds the text or several articles do: the entry is then
// an orphan, reported and kept, never applied to a block it was not made
// for.
func (f *finder) anchor(ref Ref) (Ref, string) {
	home := f.source(ref.Source)
	byName := home >= 0
	switch {
	case byName:
	case ref.Source != "" && f.r.hasNames:
		// Its file is gone or renamed: whatever holds its number now is
		// another article.
		home = -1
	default:
		home = ref.Article
	}
	if home >= 0 && home < len(f.arts) && ref.Block >= 0 && ref.Block < len(f.arts[home]) &&
		(ref.Snippet == "" || snippet(f.arts[home][ref.Block].Text) == ref.Snippet) {
		return f.named(Ref{Article: home, Block: ref.Block, Snippet: ref.Snippet}), ""
	}
	if ref.Snippet == "" {
		return ref, "names no block of the story"
	}
	var near, other []Ref
	for _, c := range f.find(ref.Snippet) {
		if c.Article == home {
			near = append(near, c)
		} else {
			other = append(other, c)
		}
	}
	if len(near) > 0 {
		return f.named(nearest(near, ref.Block)), ""
	}
	if byName {
		return ref, "its article (" + ref.Source + ") no longer has a block that opens with its text"
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
	}
	// One article holds it, perhaps several times: the nearest by position.
	return f.named(nearest(other, ref.Block)), ""
}

// nearest is the candidate whose block is nearest to block.
func nearest(cs []Ref, block int) Ref {
	best := cs[0]
	for _, c := range cs[1:] {
		if abs(c.Block-block) < abs(best.Block-block) {
			best = c
		}
	}
	return best
}

// named is ref with the name of its article, when it has one.
func (f *finder) named(ref Ref) Ref {
	if ref.Article < len(f.r.names) {
		ref.Source = f.r.names[ref.Article]
	}
	return ref
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

// Anchor moves each entry of the review to the block that holds its text
// now in arts, whose articles are named names (see Names; nil when they
// have none), so that a note, pin or split follows its paragraph when
// paragraphs or articles were added, removed or reordered (finder.anchor).
// Each entry it finds is given its article's name.
// Entries whose text is found nowhere, or in several articles, are left as
// they are, kept for the file, and not applied; orphans describes each.
// The review is changed in place, so the moved entries are saved where
// they now are.
func (r *Review) Anchor(arts [][]segment.Block, names []string) (moved int, orphans []string) {
	if r == nil {
		return 0, nil
	}
	if len(names) != len(arts) {
		names = make([]string, len(arts))
	}
	r.names, r.hasNames = names, false
	for _, n := range names {
		r.hasNames = r.hasNames || n != ""
	}
	f := &finder{r: r, arts: arts}
	fix := func(ref *Ref) string {
		to, why := f.anchor(*ref)
		if why == "" && to != *ref {
			if to.Article != ref.Article || to.Block != ref.Block {
				moved++
			}
			*ref = to
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
			if a.Article != p.A.Article || a.Block != p.A.Block || b.Article != p.B.Article || b.Block != p.B.Block {
				moved++
			}
			r.Pins[i] = Pin{a, b}
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
