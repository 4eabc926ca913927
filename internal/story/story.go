// Package story builds the aligned model every renderer reads: the loaded
// articles as blocks, the events that align them, and the word diffs inside
// each shared event. It runs the pipeline corpus → segment → align → diff
// once; the reader and the exporters only render its result.
package story

import (
	"strings"
	"sync"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/align"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Version is the version of the JSON export contract.
const Version = 1

// Article is one article of the story, with its blocks.
type Article struct {
	Path     string          `json:"path"`
	Outlet   string          `json:"outlet"`
	Title    string          `json:"title"`
	Date     string          `json:"date"`
	Byline   string          `json:"byline"`
	URL      string          `json:"url,omitempty"`
	Section  string          `json:"section,omitempty"`
	Blocks   []segment.Block `json:"blocks"`
	Warnings []string        `json:"warnings,omitempty"`
}

// Kind is what an event is.
type Kind string

// The event kinds.
const (
	Shared      Kind = "shared"      // reported by two or more articles
	Single      Kind = "single"      // reported by one article only
	Boilerplate Kind = "boilerplate" // page furniture or metadata, not reporting
)

// Diff is the word diff between article From and article To in one event.
type Diff struct {
	From int           `json:"from"`
	To   int           `json:"to"`
	Ops  []worddiff.Op `json:"ops"`
}

// Event is one thing reported and the blocks of each article that report it.
type Event struct {
	Kind   Kind    `json:"kind"`
	Score  float64 `json:"score"`
	Blocks [][]int `json:"blocks"`
	// Diffs compare article 0 with each other article present in the event,
	// or, when article 0 lacks it, the first present article with the rest.
	Diffs []Diff `json:"diffs"`
	// Moved[i] says article i tells this event out of its own order
	// relative to the event order (false for article 0).
	Moved []bool `json:"moved"`
}

// Story is the aligned, diffed story.
type Story struct {
	Version  int       `json:"version"`
	Name     string    `json:"name,omitempty"`
	Articles []Article `json:"articles"`
	Events   []Event   `json:"events"`

	mu    sync.Mutex
	extra map[[3]int][]worddiff.Op
}

// Options tune Build.
type Options struct {
	Align align.Options
}

// DefaultOptions returns the default pipeline options.
func DefaultOptions() Options { return Options{Align: align.DefaultOptions()} }

// Build segments, aligns and diffs the articles of cs.
func Build(cs *corpus.Story, opt Options) *Story {
	st := &Story{Version: Version, Name: cs.Name}
	blocks := make([][]segment.Block, len(cs.Articles))
	for i, a := range cs.Articles {
		blocks[i] = segment.Article(a)
		st.Articles = append(st.Articles, Article{
			Path: a.Path, Outlet: a.Outlet, Title: a.Title, Date: a.Date, Byline: a.Byline,
			URL: a.URL, Section: a.Section, Blocks: blocks[i], Warnings: a.Warnings,
		})
		if st.Articles[i].Title == "" {
			for _, b := range blocks[i] {
				if b.Kind == segment.Headline {
					st.Articles[i].Title = b.Text
					break
				}
			}
		}
	}
	evs := align.Align(blocks, opt.Align)
	d := worddiff.New()
	for _, e := range evs {
		for a := range e.Blocks {
			if e.Blocks[a] == nil {
				e.Blocks[a] = []int{} // "[]" in JSON, never null
			}
		}
		ev := Event{Score: round(e.Score), Blocks: e.Blocks}
		ev.Kind = kindOf(st, e)
		if ev.Kind == Shared {
			first := -1
			for a, bs := range e.Blocks {
				if len(bs) == 0 {
					continue
				}
				if first < 0 {
					first = a
					continue
				}
				ev.Diffs = append(ev.Diffs, Diff{From: first, To: a, Ops: d.Diff(st.SideText(first, e.Blocks[first]), st.SideText(a, bs))})
			}
		}
		if ev.Diffs == nil {
			ev.Diffs = []Diff{}
		}
		st.Events = append(st.Events, ev)
	}
	st.markMoved()
	return st
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func kindOf(st *Story, e align.Event) Kind {
	if e.Articles() >= 2 {
		return Shared
	}
	for a, bs := range e.Blocks {
		for _, i := range bs {
			k := st.Articles[a].Blocks[i].Kind
			if k != segment.Boilerplate && k != segment.Meta {
				return Single
			}
		}
	}
	return Boilerplate
}

// SideText is the text of article a's blocks bs, joined by blank lines.
func (st *Story) SideText(a int, bs []int) string {
	parts := make([]string, len(bs))
	for k, i := range bs {
		parts[k] = st.Articles[a].Blocks[i].Text
	}
	return strings.Join(parts, "\n\n")
}

// markMoved marks, for each article after the first, the events it tells out
// of its own order: those outside a longest increasing run of its first block
// index along the event order.
func (st *Story) markMoved() {
	for k := range st.Events {
		st.Events[k].Moved = make([]bool, len(st.Articles))
	}
	for a := 1; a < len(st.Articles); a++ {
		var evIdx, pos []int
		for k, e := range st.Events {
			if len(e.Blocks[a]) > 0 && e.Kind == Shared {
				evIdx = append(evIdx, k)
				pos = append(pos, e.Blocks[a][0])
			}
		}
		keep := lis(pos)
		for x, k := range evIdx {
			if !keep[x] {
				st.Events[k].Moved[a] = true
			}
		}
	}
}

// lis marks the members of one longest strictly increasing subsequence.
func lis(xs []int) []bool {
	n := len(xs)
	tails := []int{} // indices into xs
	prev := make([]int, n)
	for i, x := range xs {
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if xs[tails[m]] < x {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo > 0 {
			prev[i] = tails[lo-1]
		} else {
			prev[i] = -1
		}
		if lo == len(tails) {
			tails = append(tails, i)
		} else {
			tails[lo] = i
		}
	}
	keep := make([]bool, n)
	if len(tails) > 0 {
		for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
			keep[i] = true
		}
	}
	return keep
}

// Ops returns the word diff of event k between article l (first) and r
// (second), or nil when either lacks the event. Diffs that Build did not
// compute (between two articles other than the event's first) are computed
// on first use and kept.
func (st *Story) Ops(k, l, r int) []worddiff.Op {
	e := &st.Events[k]
	if len(e.Blocks[l]) == 0 || len(e.Blocks[r]) == 0 || l == r {
		return nil
	}
	for _, d := range e.Diffs {
		if d.From == l && d.To == r {
			return d.Ops
		}
		if d.From == r && d.To == l {
			return Invert(d.Ops)
		}
	}
	st.mu.Lock()
	defer st.mu.Unlock()
	key := [3]int{k, l, r}
	if ops, ok := st.extra[key]; ok {
		return ops
	}
	if st.extra == nil {
		st.extra = map[[3]int][]worddiff.Op{}
	}
	ops := worddiff.Diff(st.SideText(l, e.Blocks[l]), st.SideText(r, e.Blocks[r]))
	st.extra[key] = ops
	return ops
}

// Invert swaps the sides of a diff.
func Invert(ops []worddiff.Op) []worddiff.Op {
	out := make([]worddiff.Op, len(ops))
	for i, o := range ops {
		switch o.Kind {
		case worddiff.Delete:
			o.Kind = worddiff.Insert
		case worddiff.Insert:
			o.Kind = worddiff.Delete
		case worddiff.Equal:
			if o.Other != "" {
				o.Text, o.Other = o.Other, o.Text
			}
		}
		out[i] = o
	}
	return out
}
