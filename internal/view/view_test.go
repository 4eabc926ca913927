package view

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// handStory is a story of three articles built by hand, one event of each
// sort for the pair 0, 1:
//
//	0 shared, wording changed   1 shared, same words   2 only left
//	3 only right                4 furniture in both    5 metadata in both
//	6 furniture, changed        7 only the third article
func handStory() *story.Story {
	blk := func(k segment.Kind, text string) segment.Block { return segment.Block{Kind: k, Text: text} }
	st := &story.Story{Articles: []story.Article{
		{Outlet: "  Harbour Herald ", Blocks: []segment.Block{
			blk(segment.Paragraph, "The ferry sailed at nine."), blk(segment.Paragraph, "Tickets cost four pounds."),
			blk(segment.Paragraph, "The captain waved."), blk(segment.Boilerplate, "Sign up"),
			blk(segment.Meta, "By A. Writer"), blk(segment.Boilerplate, "Share this")}},
		{Outlet: "", Blocks: []segment.Block{
			blk(segment.Paragraph, "The ferry left at ten."), blk(segment.Paragraph, "Tickets cost four pounds."),
			blk(segment.Paragraph, "Gulls followed it."), blk(segment.Boilerplate, "Sign up"),
			blk(segment.Meta, "By B. Writer"), blk(segment.Boilerplate, "Share it")}},
		{Outlet: "Coast Daily", Blocks: []segment.Block{blk(segment.Paragraph, "Rain fell.")}},
	}}
	ev := func(kind story.Kind, a, b, c []int, ops ...worddiff.Op) story.Event {
		e := story.Event{Kind: kind, Score: 0.9, Blocks: [][]int{a, b, c}, Moved: make([]bool, 3)}
		if len(a) > 0 && len(b) > 0 {
			e.Diffs = []story.Diff{{From: 0, To: 1, Ops: ops}}
		}
		return e
	}
	eq := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Equal, Text: s} }
	del := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Delete, Text: s} }
	ins := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Insert, Text: s} }
	st.Events = []story.Event{
		ev(story.Shared, []int{0}, []int{0}, nil, eq("The ferry "), del("sailed"), ins("left"), eq(" at "), del("nine"), ins("ten"), eq(".")),
		ev(story.Shared, []int{1}, []int{1}, nil, eq("Tickets cost four pounds.")),
		ev(story.Single, []int{2}, nil, nil),
		ev(story.Single, nil, []int{2}, nil),
		ev(story.Boilerplate, []int{3}, []int{3}, nil, eq("Sign up")),
		ev(story.Boilerplate, []int{4}, []int{4}, nil, eq("By "), del("A."), ins("B."), eq(" Writer")),
		ev(story.Boilerplate, []int{5}, []int{5}, nil, eq("Share "), del("this"), ins("it")),
		ev(story.Single, nil, nil, []int{0}),
	}
	return st
}

func TestKeep(t *testing.T) {
	st := handStory()
	for _, c := range []struct {
		f    Filter
		fur  Furniture
		want []bool // per event
	}{
		{FilterAll, FurnitureHidden, []bool{true, true, true, true, false, false, false, false}},
		{FilterAll, FurnitureInAll, []bool{true, true, true, true, true, true, true, false}},
		{FilterAll, FurnitureAsEvents, []bool{true, true, true, true, true, false, true, false}},
		{FilterChanged, FurnitureHidden, []bool{true, false, false, false, false, false, false, false}},
		{FilterChanged, FurnitureInAll, []bool{true, false, false, false, false, false, false, false}},
		{FilterChanged, FurnitureAsEvents, []bool{true, false, false, false, false, false, true, false}},
		{FilterSingle, FurnitureInAll, []bool{false, false, true, true, false, false, false, false}},
		{FilterSingle, FurnitureAsEvents, []bool{false, false, true, true, false, false, false, false}},
	} {
		for k, want := range c.want {
			if got := c.f.Keep(st, k, 0, 1, c.fur); got != want {
				t.Errorf("%s, furniture %d: Keep(event %d) = %v, want %v", c.f, c.fur, k, got, want)
			}
		}
	}
	// the pair decides: event 7 is one-sided for 0, 2
	if !FilterSingle.Keep(st, 7, 0, 2, FurnitureAsEvents) || FilterSingle.Keep(st, 7, 0, 1, FurnitureAsEvents) {
		t.Error("event 7 is told by article 2 alone: one-sided for 0, 2 and absent for 0, 1")
	}
}

func TestParseFilter(t *testing.T) {
	for _, f := range Filters {
		if g, err := ParseFilter(f.String()); err != nil || g != f {
			t.Errorf("ParseFilter(%q) = %v, %v", f.String(), g, err)
		}
	}
	for _, s := range []string{"", "moved", "All"} {
		if _, err := ParseFilter(s); err == nil {
			t.Errorf("ParseFilter(%q) took an unknown filter", s)
		}
	}
}

func TestKindOf(t *testing.T) {
	st := handStory()
	want := []string{"shared", "shared", "only left", "only right", "page furniture", "page furniture", "page furniture", "other articles"}
	for k, w := range want {
		if got := KindOf(st, k, 0, 1).String(); got != w {
			t.Errorf("KindOf(event %d) = %q, want %q", k, got, w)
		}
	}
	if got := KindOf(st, 3, 1, 0); got != OnlyLeft {
		t.Errorf("swapped pair: event 3 is %v, want only left", got)
	}
}

func TestOutlet(t *testing.T) {
	st := handStory()
	for a, want := range []string{"Harbour Herald", "article 2", "Coast Daily", "article 4"} {
		if got := Outlet(st, a); got != want {
			t.Errorf("Outlet(%d) = %q, want %q", a, got, want)
		}
	}
}

func TestMovedIn(t *testing.T) {
	st := handStory()
	e := &st.Events[0]
	for _, c := range []struct {
		l, r bool
		want string
	}{{false, false, ""}, {false, true, "article 2"}, {true, false, "Harbour Herald"}, {true, true, "both"}} {
		e.Moved[0], e.Moved[1] = c.l, c.r
		if got := MovedIn(st, 0, 0, 1); got != c.want {
			t.Errorf("moved %v, %v: MovedIn = %q, want %q", c.l, c.r, got, c.want)
		}
	}
	st.Events[2].Moved[0] = true
	if got := MovedIn(st, 2, 0, 1); got != "" {
		t.Errorf("a one-sided event moved: MovedIn = %q, want none", got)
	}
}

func TestEditMark(t *testing.T) {
	for _, c := range []struct {
		pinned, split bool
		want          string
	}{{false, false, ""}, {true, false, "pinned"}, {false, true, "split"}, {true, true, "pinned · split"}} {
		if got := EditMark(&story.Event{Pinned: c.pinned, Split: c.split}); got != c.want {
			t.Errorf("pinned %v split %v: %q, want %q", c.pinned, c.split, got, c.want)
		}
	}
}
