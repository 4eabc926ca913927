package layout

import (
	"reflect"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// roleOfWord is the role of the span that holds word, or -1.
func roleOfWord(spans []Span, word string) Role {
	for _, s := range spans {
		if strings.Contains(s.Text, word) {
			return s.Role
		}
	}
	return 255
}

// TestSideKeepsBlockKindsInSharedEvents: in a shared event, the words both
// articles use keep the look of their block (headline, heading, caption)
// while changed words keep their diff role, and body words stay plain.
func TestSideKeepsBlockKindsInSharedEvents(t *testing.T) {
	blk := func(k segment.Kind, text string) segment.Block { return segment.Block{Kind: k, Text: text} }
	eq := func(s string) worddiff.Op { return worddiff.Op{Kind: worddiff.Equal, Text: s} }
	st := &story.Story{Version: story.Version, Name: "t", Articles: []story.Article{
		{Outlet: "A", Blocks: []segment.Block{
			blk(segment.Headline, "Harbour bridge to close"),
			blk(segment.Paragraph, "The council said so on Monday."),
			blk(segment.Caption, "Photo: the bridge at dusk."),
		}},
		{Outlet: "B", Blocks: []segment.Block{
			blk(segment.Headline, "Harbour bridge shuts"),
			blk(segment.Paragraph, "The council said so on Monday."),
			blk(segment.Caption, "Photo: the bridge at night."),
		}},
	}}
	st.Events = []story.Event{{Kind: story.Shared, Score: 0.8, Blocks: [][]int{{0, 1, 2}, {0, 1, 2}},
		Diffs: []story.Diff{{From: 0, To: 1, Ops: []worddiff.Op{
			eq("Harbour bridge "),
			{Kind: worddiff.Delete, Text: "to close"}, {Kind: worddiff.Insert, Text: "shuts"},
			// One equal run across the end of the headline, the paragraph
			// and the start of the caption.
			eq("\n\nThe council said so on Monday.\n\nPhoto: the bridge at "),
			{Kind: worddiff.Delete, Text: "dusk"}, {Kind: worddiff.Insert, Text: "night"},
			eq("."),
		}}},
		Moved: []bool{false, false}}}
	for _, c := range []struct {
		left           bool
		side, other    int
		changed        string
		changedRole    Role
		changedCaption string
	}{
		{true, 0, 1, "close", Deleted, "dusk"},
		{false, 1, 0, "shuts", Inserted, "night"},
	} {
		spans := Side(st, 0, c.side, c.other, c.left)
		var text strings.Builder
		for _, s := range spans {
			text.WriteString(s.Text)
		}
		if want := st.SideText(c.side, []int{0, 1, 2}); text.String() != want {
			t.Fatalf("left %v: the spans spell %q, want %q", c.left, text.String(), want)
		}
		for word, want := range map[string]Role{
			"Harbour": SharedHeading, c.changed: c.changedRole,
			"council": Plain, "Monday": Plain,
			"Photo": SharedCaption, c.changedCaption: c.changedRole,
		} {
			if got := roleOfWord(spans, word); got != want {
				t.Errorf("left %v: %q has role %d, want %d (spans %q)", c.left, word, got, want, spans)
			}
		}
	}
}

// TestSideChangedWordsWithoutTheirSpaces: a change whose text carries the
// spaces around it is marked on its words only, so that an underline or a
// strike does not run into the gap next to a shared word.
func TestSideChangedWordsWithoutTheirSpaces(t *testing.T) {
	st := &story.Story{Version: story.Version, Name: "t", Articles: []story.Article{
		{Outlet: "A", Blocks: []segment.Block{{Kind: segment.Paragraph, Text: "in their absolute struggle of state security"}}},
		{Outlet: "B", Blocks: []segment.Block{{Kind: segment.Paragraph, Text: "in their sacred struggle of their state"}}},
	}}
	st.Events = []story.Event{{Kind: story.Shared, Score: 0.8, Blocks: [][]int{{0}, {0}},
		Diffs: []story.Diff{{From: 0, To: 1, Ops: []worddiff.Op{
			{Kind: worddiff.Equal, Text: "in their"},
			{Kind: worddiff.Delete, Text: " absolute "}, {Kind: worddiff.Insert, Text: " sacred "},
			{Kind: worddiff.Equal, Text: "struggle of"},
			{Kind: worddiff.Delete, Text: " state security"}, {Kind: worddiff.Insert, Text: " their state"},
		}}},
		Moved: []bool{false, false}}}
	for _, c := range []struct {
		left        bool
		side, other int
		want        []string
		role        Role
	}{
		{true, 0, 1, []string{"absolute", "state security"}, Deleted},
		{false, 1, 0, []string{"sacred", "their state"}, Inserted},
	} {
		var changed []string
		var text strings.Builder
		for _, s := range Side(st, 0, c.side, c.other, c.left) {
			text.WriteString(s.Text)
			if s.Role == c.role {
				changed = append(changed, s.Text)
			}
		}
		if text.String() != st.Articles[c.side].Blocks[0].Text {
			t.Fatalf("left %v: the spans spell %q", c.left, text.String())
		}
		if !reflect.DeepEqual(changed, c.want) {
			t.Errorf("left %v: changed spans %q, want %q", c.left, changed, c.want)
		}
	}
}

// TestRuns: each side's runs mark its own words, spell its text as it
// writes it (the right side's shared words too), and are plain without a
// comparison; Column says who lacks an event, counting articles from 1.
func TestRuns(t *testing.T) {
	blk := func(text string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: text} }
	st := &story.Story{Version: story.Version, Name: "t", Articles: []story.Article{
		{Outlet: "A", Blocks: []segment.Block{blk("The ferry sailed at nine."), blk("Gulls followed.")}},
		{Blocks: []segment.Block{blk("The ferry left at “nine”.")}},
	}}
	st.Events = []story.Event{
		{Kind: story.Shared, Score: 0.9, Blocks: [][]int{{0}, {0}}, Moved: []bool{false, false}, Diffs: []story.Diff{{From: 0, To: 1, Ops: []worddiff.Op{
			{Kind: worddiff.Equal, Text: "The ferry "}, {Kind: worddiff.Delete, Text: "sailed"}, {Kind: worddiff.Insert, Text: "left"},
			{Kind: worddiff.Equal, Text: " at nine.", Other: " at “nine”."}}}}},
		{Kind: story.Single, Score: 0, Blocks: [][]int{{1}, nil}, Moved: []bool{false, false}},
	}
	join := func(rs []Run) (text string, marked []string) {
		for _, r := range rs {
			text += r.Text
			if r.Role != Plain {
				marked = append(marked, r.Text)
			}
		}
		return text, marked
	}
	for _, c := range []struct {
		side, other int
		left        bool
		text        string
		marked      []string
	}{
		{0, 1, true, "The ferry sailed at nine.", []string{"sailed"}},
		{1, 0, false, "The ferry left at “nine”.", []string{"left"}},
		{0, -1, true, "The ferry sailed at nine.", nil},
		{1, 1, false, "The ferry left at “nine”.", nil},
	} {
		text, marked := join(Runs(st, 0, c.side, c.other, c.left))
		if text != c.text || !reflect.DeepEqual(marked, c.marked) {
			t.Errorf("Runs(side %d, other %d) = %q marking %q, want %q marking %q", c.side, c.other, text, marked, c.text, c.marked)
		}
	}
	if rs := Runs(st, 1, 1, 0, false); rs != nil {
		t.Errorf("the side that lacks the event has runs: %v", rs)
	}
	if got := Column(st, 1, 1, 0, false); len(got) == 0 || got[0] != (Span{"· not in article 2 ·", Absent}) {
		t.Errorf("Column of the side that lacks the event starts %v", got)
	}
	if got, want := Column(st, 0, 0, 1, true), Side(st, 0, 0, 1, true); !reflect.DeepEqual(got, want) {
		t.Errorf("Column of a side that tells the event = %v, want its Side %v", got, want)
	}
}
