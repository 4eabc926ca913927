// Package view holds the display rules the reader and every export share,
// so that a rule changed once changes everywhere:
//
//   - which events a Filter keeps for a pair of articles (Keep), and its
//     name on the status bar and in the --only flag (String, ParseFilter);
//   - what an event is for a pair (KindOf: shared, only left, …);
//   - the name an article is shown by (Outlet), counted from 1 when it has
//     none;
//   - the labels of an event told out of order (MovedIn) or changed by an
//     editor (EditMark);
//   - what a facts conflict compares (FactKind), and how an event's
//     conflicts are told: one line per thing, each value with its
//     outlets (FactGroups, FactGroupText);
//   - how much of an article another tells (Coverage).
//
// The rules read the aligned story and return values; painting, wrapping
// and escaping are the renderers'.
package view

import (
	"fmt"
	"strings"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
	"github.com/synoptic-news/synoptic/internal/wording"
)

// Filter chooses which events a view shows.
type Filter uint8

// The filters, in the order the reader's filter key cycles through them.
const (
	FilterAll     Filter = iota // every event
	FilterChanged               // shared events whose wording differs
	FilterSingle                // events only one of the two articles tells
)

// Filters are the filters in cycling order.
var Filters = []Filter{FilterAll, FilterChanged, FilterSingle}

// String is the filter's name, as the status bar and --only spell it.
func (f Filter) String() string {
	switch f {
	case FilterChanged:
		return "changed"
	case FilterSingle:
		return "single"
	}
	return "all"
}

// ParseFilter is the filter named s.
func ParseFilter(s string) (Filter, error) {
	for _, f := range Filters {
		if f.String() == s {
			return f, nil
		}
	}
	return FilterAll, fmt.Errorf("unknown filter %q (want all, changed or single)", s)
}

// Furniture says how a filter treats events of page furniture.
type Furniture uint8

const (
	// FurnitureHidden keeps no event of page furniture: the reader's
	// default, where it would stand between the events that matter.
	FurnitureHidden Furniture = iota
	// FurnitureInAll keeps page furniture under FilterAll only: the
	// reader once asked to show it.
	FurnitureInAll
	// FurnitureAsEvents filters page furniture as any other event (never
	// one-sided), except that an event of metadata alone is never kept:
	// an export's header gives it (story.MetadataOnly).
	FurnitureAsEvents
)

// Keep says whether event k passes filter f for the pair l, r.
func (f Filter) Keep(st *story.Story, k, l, r int, fur Furniture) bool {
	e := &st.Events[k]
	inL, inR := len(e.Blocks[l]) > 0, len(e.Blocks[r]) > 0
	if !inL && !inR {
		return false
	}
	if e.Kind == story.Boilerplate {
		switch {
		case fur == FurnitureHidden:
			return false
		case fur == FurnitureInAll:
			return f == FilterAll
		case st.MetadataOnly(k, l, r), f == FilterSingle:
			return false
		}
	}
	switch f {
	case FilterChanged:
		return inL && inR && Changed(st, k, l, r)
	case FilterSingle:
		return inL != inR
	}
	return true
}

// Changed says whether the wording of event k differs between l and r.
func Changed(st *story.Story, k, l, r int) bool {
	for _, o := range st.Ops(k, l, r) {
		if o.Kind != worddiff.Equal {
			return true
		}
	}
	return false
}

// Kind is what an event is for a pair of articles.
type Kind uint8

// The kinds.
const (
	None          Kind = iota // neither article tells it
	Shared                    // both tell it
	OnlyLeft                  // the left article alone
	OnlyRight                 // the right article alone
	PageFurniture             // page furniture, whoever has it
)

// KindOf is what event k is for the pair l, r.
func KindOf(st *story.Story, k, l, r int) Kind {
	e := &st.Events[k]
	inL, inR := len(e.Blocks[l]) > 0, len(e.Blocks[r]) > 0
	switch {
	case !inL && !inR:
		return None
	case e.Kind == story.Boilerplate:
		return PageFurniture
	case inL && inR:
		return Shared
	case inL:
		return OnlyLeft
	}
	return OnlyRight
}

// String names the kind as rules and labels spell it.
func (k Kind) String() string {
	switch k {
	case Shared:
		return "shared"
	case OnlyLeft:
		return "only left"
	case OnlyRight:
		return "only right"
	case PageFurniture:
		return "page furniture"
	}
	return "other articles"
}

// Outlet is the name article a of st is shown by (see Name).
func Outlet(st *story.Story, a int) string {
	if a >= 0 && a < len(st.Articles) {
		return Name(st.Articles[a].Outlet, a)
	}
	return Name("", a)
}

// Name is the name article a, of the given outlet, is shown by: the
// outlet, else "article N" counted from 1, as every view counts articles.
// Not yet made safe to show.
func Name(outlet string, a int) string {
	if o := strings.TrimSpace(outlet); o != "" {
		return o
	}
	return fmt.Sprintf("article %d", a+1)
}

// MovedIn says which of articles l and r tells event k out of the story's
// order: an outlet's name (see Outlet), "both", or "" when neither does or
// the event is not shared by the two.
func MovedIn(st *story.Story, k, l, r int) string {
	e := &st.Events[k]
	if len(e.Blocks[l]) == 0 || len(e.Blocks[r]) == 0 {
		return ""
	}
	switch {
	case e.Moved[l] && e.Moved[r]:
		return "both"
	case e.Moved[r]:
		return Outlet(st, r)
	case e.Moved[l]:
		return Outlet(st, l)
	}
	return ""
}

// EditMark says how an editor changed an event's alignment: "pinned",
// "split", "pinned · split", or "".
func EditMark(e *story.Event) string {
	switch {
	case e.Pinned && e.Split:
		return "pinned · split"
	case e.Pinned:
		return "pinned"
	case e.Split:
		return "split"
	}
	return ""
}

// FactKind names what a conflict compares, for every rendering of it:
// "number (vehicle)", "money (USD)", "date", "name".
func FactKind(c facts.Conflict) string {
	if c.Unit != "" {
		return string(c.Type) + " (" + c.Unit + ")"
	}
	return string(c.Type)
}

// Coverage is the share (percent) of article a's body text, by words as
// the whole-story summary counts them, that sits in events article b also
// tells, with how many of a's events b tells (both) out of all of a's
// (total). words[i] is the number of words of a's block i when it is of
// the body, else 0 (BodyWords): the reader keeps them across layouts.
func Coverage(st *story.Story, a, b int, words []int) (pct float64, both, total int) {
	var in, all int
	for k := range st.Events {
		e := &st.Events[k]
		if len(e.Blocks[a]) == 0 || e.Kind == story.Boilerplate {
			continue
		}
		total++
		shared := len(e.Blocks[b]) > 0
		if shared {
			both++
		}
		for _, i := range e.Blocks[a] {
			all += words[i]
			if shared {
				in += words[i]
			}
		}
	}
	if all > 0 {
		pct = 100 * float64(in) / float64(all)
	}
	return pct, both, total
}

// BodyWords counts the words of each block that is of the body, 0 for the
// others, as Coverage reads them.
func BodyWords(blocks []segment.Block) []int {
	words := make([]int, len(blocks))
	for i := range blocks {
		words[i] = BlockWords(&blocks[i])
	}
	return words
}

// BlockWords is BodyWords of one block.
func BlockWords(b *segment.Block) int {
	if !b.Kind.IsBody() {
		return 0
	}
	return wording.Words(b.Text)
}
