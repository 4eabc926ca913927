package layout

import (
	"reflect"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// hintStory is three articles of three paragraphs each. Events: 0 shared
// by A and B; 1 and 2 only in A; 3 and 4 only in B; 5 only in C; 6 shared
// by B and C; 7 and 8 A's and C's furniture.
func hintStory() *story.Story {
	arts := make([]story.Article, 3)
	for a := range arts {
		arts[a] = story.Article{Outlet: string(rune('A' + a))}
		for range 3 {
			arts[a].Blocks = append(arts[a].Blocks, segment.Block{Kind: segment.Paragraph, Text: "Some words."})
		}
	}
	arts[0].Blocks[2].Kind = segment.Boilerplate
	ev := func(k story.Kind, blocks ...[]int) story.Event { return story.Event{Kind: k, Score: 1, Blocks: blocks} }
	st := &story.Story{Version: story.Version, Articles: arts, Events: []story.Event{
		ev(story.Shared, []int{0}, []int{0}, []int{}),
		ev(story.Single, []int{1}, []int{}, []int{}),
		ev(story.Single, []int{}, []int{}, []int{}), // no block: no match either
		ev(story.Single, []int{}, []int{1}, []int{}),
		ev(story.Single, []int{}, []int{2}, []int{}),
		ev(story.Single, []int{}, []int{}, []int{0}),
		ev(story.Shared, []int{}, []int{}, []int{1}),
		ev(story.Boilerplate, []int{2}, []int{}, []int{}),
		ev(story.Boilerplate, []int{}, []int{}, []int{2}),
	}}
	link := func(s float64, a, i, b, j int) story.Link {
		return story.Link{Score: s, A: a, I: i, B: b, J: j}
	}
	st.Links = []story.Link{
		link(0.31, 0, 1, 1, 1), // A's lone paragraph with B's event 3
		link(0.42, 0, 1, 1, 2), // … and with B's event 4, stronger
		link(0.50, 0, 1, 2, 0), // … and with C: not on screen for A and B
		link(0.35, 0, 0, 1, 2), // the shared event 0 with event 4
		link(0.25, 0, 2, 2, 2), // furniture
	}
	return st
}

// TestHints: a one-sided event offers its possible matches with the other
// article on screen, strongest first, as lines that name the event the
// way the reader numbers it; shared events and furniture offer none, and a
// match with a third article is not shown.
func TestHints(t *testing.T) {
	st := hintStory()
	texts := func(hs []Hint) []string {
		var out []string
		for _, h := range hs {
			out = append(out, h.Text)
		}
		return out
	}
	for _, c := range []struct {
		k, l, r int
		want    []string
	}{
		{1, 0, 1, []string{"≈ possibly event 5 · 0.42", "≈ possibly event 4 · 0.31"}},
		{1, 1, 0, []string{"≈ possibly event 5 · 0.42", "≈ possibly event 4 · 0.31"}}, // swapped columns
		{1, 0, 2, []string{"≈ possibly event 6 · 0.50"}},
		// a one-sided paragraph may belong with a shared event
		{4, 0, 1, []string{"≈ possibly event 2 · 0.42", "≈ possibly event 1 · 0.35"}},
		{3, 0, 1, []string{"≈ possibly event 2 · 0.31"}},
		{4, 1, 2, nil}, // its matches are with A, not on screen
		{0, 0, 1, nil}, // shared
		{6, 1, 2, nil},
		{7, 0, 2, nil}, // furniture
		{2, 0, 1, nil},
	} {
		if got := texts(Hints(st, c.k, c.l, c.r)); !reflect.DeepEqual(got, c.want) {
			t.Errorf("Hints(event %d, %d, %d) = %q, want %q", c.k+1, c.l, c.r, got, c.want)
		}
	}
	if hs := Hints(st, 1, 0, 1); hs[0].Event != 4 || hs[0].Score != 0.42 {
		t.Errorf("the strongest match is %+v, want event index 4, score 0.42", hs[0])
	}
	// Two links to blocks of one event make one hint, with the better score.
	st = hintStory()
	st.Events[3].Blocks[1] = []int{1, 2}
	st.Events[4].Blocks[1] = []int{}
	if got := texts(Hints(st, 1, 0, 1)); !reflect.DeepEqual(got, []string{"≈ possibly event 4 · 0.42"}) {
		t.Errorf("two links into one event: %q", got)
	}
}

// TestHintSpans: each hint is a line of its own after the "not in …" line.
func TestHintSpans(t *testing.T) {
	spans := append([]Span{{"· not in B ·", Absent}}, HintSpans(Hints(hintStory(), 1, 0, 1))...)
	var got []string
	for _, ln := range Wrap(spans, 40) {
		got = append(got, ln.String())
	}
	want := []string{"· not in B ·", "≈ possibly event 5 · 0.42", "≈ possibly event 4 · 0.31"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
	if r := roleOfWord(spans, "possibly"); r != Possible {
		t.Errorf("a hint has role %d, want Possible", r)
	}
}
