package quotes

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

func load(t *testing.T, dir string) *story.Story {
	t.Helper()
	cs, err := corpus.Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	return story.Build(cs, story.DefaultOptions())
}

// groupWith returns the group that has a member whose text contains s.
func groupWith(t *testing.T, r *Report, s string) Group {
	t.Helper()
	for _, g := range r.Groups {
		for _, m := range g.Members {
			if strings.Contains(m.Text, s) {
				return g
			}
		}
	}
	t.Fatalf("no group holds %q", s)
	return Group{}
}

func hasChange(cs []Change, from, to string) bool {
	for _, c := range cs {
		if strings.Contains(c.From, from) && strings.Contains(c.To, to) {
			return true
		}
	}
	return false
}

func TestSeedGreatVictory(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	r := Check(st)
	g := groupWith(t, r, "great victory in their absolute struggle")
	if len(g.Articles) != 2 || g.OneOutlet {
		t.Fatalf("the great victory quotation is in articles %v, want both", g.Articles)
	}
	var other = -1
	for k, m := range g.Members {
		if m.Article == 1 && strings.Contains(m.Text, "sacred struggle") {
			other = k
		}
	}
	if other < 1 {
		t.Fatalf("no member of article 1 with the sacred struggle: %+v", g.Members)
	}
	cs := Changes(g.Diffs[other-1].Ops)
	for _, want := range [][2]string{{"esteemed", "honorable"}, {"absolute", "sacred"}} {
		if !hasChange(cs, want[0], want[1]) {
			t.Errorf("changes %v lack %s → %s", cs, want[0], want[1])
		}
	}
	if !g.WordingDiffers || g.SpeakersDiffer {
		t.Errorf("wording differs %v (want true), speakers differ %v (want false: %v)", g.WordingDiffers, g.SpeakersDiffer, g.Speakers)
	}
	// "said the North Korean foreign minister" and "Choe said" are one person
	if len(g.Speakers) != 1 || g.Speakers[0] != "Choe Son Hui" {
		t.Errorf("speakers %q, want [Choe Son Hui]", g.Speakers)
	}
	// the heading's “great victory” is a cut of the same quotation
	found := false
	for k, m := range g.Members {
		if m.Text == "great victory" {
			found = true
			d := g.Diffs[k-1]
			if d.Window == nil || worddiff.A(d.Ops) != g.Members[0].Text[d.Window[0]:d.Window[1]] || worddiff.B(d.Ops) != m.Text {
				t.Errorf("diff of the cut %+v does not rebuild its window and text", d)
			}
		}
	}
	if !found {
		t.Errorf("the heading's “great victory” is not in the group")
	}
	g = groupWith(t, r, "until the day of victory")
	if !hasChange(Changes(g.Diffs[len(g.Diffs)-1].Ops), "the day of victory", "victory day") {
		t.Errorf("until the day of victory / until victory day not shown: %v", g.Diffs)
	}
	for _, q := range r.Quotes {
		if text := st.Articles[q.Article].Blocks[q.Block].Text[q.Start:q.End]; text != q.Text {
			t.Errorf("quote offsets give %q, not %q", text, q.Text)
		}
	}
}

// TestCutQuotationInStandfirst: a standfirst's cut “always stand firmly by
// our […]” is compared with the words it cuts, "by the side of our", not
// the whole quotation.
func TestCutQuotationInStandfirst(t *testing.T) {
	cs := &corpus.Story{Articles: []corpus.Article{
		{Outlet: "Harbour Herald", Paras: []corpus.Para{
			{Text: "Minister pledges lasting support to her allies", Hint: corpus.HintTitle},
			{Text: "“We will always stand firmly by the side of our friends until the day of victory,” said the foreign minister, Ana Petrova, in Moscow on Friday."},
			{Text: "The two ministers met for four hours and signed no agreement."},
		}},
		{Outlet: "Coastal Times", Paras: []corpus.Para{
			{Text: "Petrova vows to stand by her allies", Hint: corpus.HintTitle},
			{Text: "The foreign minister, Ana Petrova, said in Moscow that her country would “always stand firmly by our […]"},
			{Text: "Petrova met her counterpart on Friday; the talks lasted four hours and ended without an agreement."},
		}},
	}}
	st := story.Build(cs, story.DefaultOptions())
	if k := st.Articles[1].Blocks[1].Kind; k != "standfirst" {
		t.Fatalf("the cut paragraph is a %s, want a standfirst", k)
	}
	g := groupWith(t, Check(st), "until the day of victory")
	cut := false
	for k, m := range g.Members {
		if m.Text == "always stand firmly by our" {
			cut = true
			d := g.Diffs[k-1]
			if d.Window == nil || worddiff.A(d.Ops) != "always stand firmly by the side of our" {
				t.Errorf("cut compared with %q", worddiff.A(d.Ops))
			}
		}
	}
	if !cut {
		t.Errorf("the standfirst's cut quotation is not in the group: %+v", g.Members)
	}
}

func TestKestrelMisattributed(t *testing.T) {
	st := load(t, "../../testdata/stories/kestrel-bridge")
	r := Check(st)
	g := groupWith(t, r, "horse carts")
	if len(g.Articles) != 4 {
		t.Errorf("horse carts quotation in articles %v, want all four", g.Articles)
	}
	// the Wire gives both of the mayor's quotations to the engineer
	if !g.SpeakersDiffer || r.Misattributed != 2 {
		t.Errorf("speakers differ %v, misattributed %d; want true, 2", g.SpeakersDiffer, r.Misattributed)
	}
	want := map[int]string{0: "Dana Whitcombe", 1: "Dana Whitcombe", 2: "Tomas Reyes", 3: "Dana Whitcombe"}
	for _, m := range g.Members {
		if m.Speaker != want[m.Article] {
			t.Errorf("article %d: speaker %q (written %q), want %q", m.Article, m.Speaker, m.SpeakerAsWritten, want[m.Article])
		}
	}
	g = groupWith(t, r, "Half of my regulars")
	if !g.OneOutlet || g.Speakers[0] != "Priya Anand" {
		t.Errorf("bakery quotation: one outlet %v, speakers %v", g.OneOutlet, g.Speakers)
	}
	// the engineer's words: quoted by the Herald, reported after a colon by the Wire
	g = groupWith(t, r, "lost a third of its original strength")
	if len(g.Articles) != 2 || g.SpeakersDiffer || g.WordingDiffers {
		t.Errorf("strength quotation: articles %v, speakers %v differ %v, wording differs %v", g.Articles, g.Speakers, g.SpeakersDiffer, g.WordingDiffers)
	}
	if lines := Lines(st, r, 100); len(lines) == 0 || !strings.Contains(lines[0], "Dana Whitcombe / Tomas Reyes · 4 outlets · speakers differ") {
		t.Errorf("first line %q does not lead with the misattributed quotation", lines)
	}
	// narrower, the speakers are cut, not the flag
	lines := Lines(st, r, 60)
	if len(lines) == 0 || !strings.Contains(lines[0], "Dana W") || !strings.Contains(lines[0], "· 4 outlets · speakers differ") {
		t.Errorf("first line %q does not lead with the misattributed quotation", lines)
	}
	for _, l := range lines {
		if n := len([]rune(l)); n > 60 {
			t.Errorf("line wider than 60: %q", l)
		}
	}
}

func TestEventOf(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	for _, q := range Check(st).Quotes {
		k := EventOf(st, q.Article, q.Block)
		if k < 0 {
			t.Fatalf("quotation %q in no event", q.Text)
		}
		if !strings.Contains(st.SideText(q.Article, st.Events[k].Blocks[q.Article]), q.Text) {
			t.Errorf("event %d does not show %q", k, q.Text)
		}
	}
	if EventOf(st, 0, 1<<20) != -1 {
		t.Errorf("a block that does not exist is in an event")
	}
}

// A member that leaves words out of a quotation, or puts words in, says so
// under its text as a member that replaces words does: the Coastal Times
// quotes the mayor without "that was".
func TestGroupLinesSayWhatAMemberDropsOrAdds(t *testing.T) {
	st := load(t, "../../testdata/stories/kestrel-bridge")
	r := Check(st)
	g := groupWith(t, r, "horse carts")
	lines := GroupLines(st, g, 1, 100)
	for i, l := range lines {
		if !strings.Contains(l, "The Coastal Times") {
			continue
		}
		if i+1 >= len(lines) || strings.TrimSpace(lines[i+1]) != "dropped: that was" {
			t.Errorf("after %q comes %q, want \"dropped: that was\"", l, lines[min(i+1, len(lines)-1)])
		}
		return
	}
	t.Fatalf("no Coastal Times member in %q", lines)
}

func TestDroppedAndAdded(t *testing.T) {
	ops := []worddiff.Op{
		{Kind: worddiff.Equal, Text: "we "},
		{Kind: worddiff.Delete, Text: "cannot"},
		{Kind: worddiff.Insert, Text: "can't"},
		{Kind: worddiff.Equal, Text: " keep a bridge "},
		{Kind: worddiff.Delete, Text: "that was "},
		{Kind: worddiff.Equal, Text: "built for carts"},
		{Kind: worddiff.Insert, Text: ","},
		{Kind: worddiff.Equal, Text: " and "},
		{Kind: worddiff.Insert, Text: "horses "},
		{Kind: worddiff.Equal, Text: "too"},
	}
	d, a := DroppedAndAdded(ops)
	if len(d) != 1 || d[0] != "that was" || len(a) != 1 || a[0] != "horses" {
		t.Errorf("dropped %q, added %q; want [that was], [horses] (the replacement and the comma apart)", d, a)
	}
	if cs := Changes(ops); len(cs) != 1 || cs[0] != (Change{"cannot", "can't"}) {
		t.Errorf("changes %v", cs)
	}
}
