package facts

import (
	"math/rand/v2"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// blockWith returns the index of article a's first block containing s.
func blockWith(t *testing.T, st *story.Story, a int, s string) int {
	t.Helper()
	for i, b := range st.Articles[a].Blocks {
		if strings.Contains(b.Text, s) {
			return i
		}
	}
	t.Fatalf("article %d has no block with %q", a, s)
	return -1
}

// controlled returns st's articles with one shared event per entry of
// needles, each naming the text of the block every article gives to it
// ("" where the article lacks the event): the alignment is the test's.
func controlled(t *testing.T, st *story.Story, needles ...[]string) *story.Story {
	t.Helper()
	out := &story.Story{Version: st.Version, Articles: st.Articles}
	for _, ns := range needles {
		e := story.Event{Kind: story.Shared, Score: 1, Blocks: make([][]int, len(st.Articles)), Diffs: []story.Diff{}}
		for a, n := range ns {
			e.Blocks[a] = []int{}
			if n != "" {
				e.Blocks[a] = []int{blockWith(t, st, a, n)}
			}
		}
		out.Events = append(out.Events, e)
	}
	return out
}

func agreed(ef EventFacts, key string) *Agreement {
	for i, a := range ef.Agreed {
		if a.Key == key {
			return &ef.Agreed[i]
		}
	}
	return nil
}

func TestSeed8000(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	c := controlled(t, st, []string{"up to 8,000 soldiers", "approximately 8,000"})
	r := Check(c)
	if len(r.Events) != 1 {
		t.Fatalf("%d events checked, want 1", len(r.Events))
	}
	ef := r.Events[0]
	a := agreed(ef, "8000")
	if a == nil || len(a.Articles) != 2 || a.Type != Number {
		t.Fatalf("8,000 not agreed by both: %+v", ef.Agreed)
	}
	if ef.Conflict || r.Conflicting != 0 {
		t.Errorf("conflicts in the 8,000 event: %+v", ef.Conflicts)
	}
	// on the pipeline's own alignment: no conflict anywhere, 8,000 given by both
	r = Check(st)
	if r.Conflicting != 0 {
		t.Errorf("seed conflicts: %+v", r.Events)
	}
	found := false
	across := Across(st)
	for _, a := range across {
		if a.Key == "8000" && len(a.Articles) == 2 {
			found = true
		}
	}
	if !found {
		t.Errorf("8,000 not found in both articles: %+v", across)
	}
}

func TestSeedNames(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	// the paragraph with Sergey Lavrov, not the teaser above it that repeats it
	c := controlled(t, st, []string{"Sergei Lavrov in Moscow", "according to a translation from the Moscow Times"})
	ef := Check(c).Events[0]
	a := agreed(ef, "sergei lavrov")
	if a == nil || !a.Variant || len(a.Articles) != 2 {
		t.Errorf("Sergei/Sergey Lavrov not one person spelled two ways: %+v", ef.Agreed)
	}
	if ef.Conflict {
		t.Errorf("conflicts: %+v", ef.Conflicts)
	}
}

func TestKestrelConflict(t *testing.T) {
	cs, err := corpus.Load([]string{"../../testdata/stories/kestrel-bridge"})
	if err != nil {
		t.Fatal(err)
	}
	st := story.Build(cs, story.DefaultOptions())
	c := controlled(t, st,
		[]string{"32,000 vehicles", "23,000 vehicles", "", ""},
		[]string{"will cost $48 million", "", "cost $48M", "48 million dollars"},
		[]string{"Katerina Voss", "Katarina Voss", "", ""},
	)
	r := Check(c)
	if r.Conflicting != 1 || !r.Events[0].Conflict {
		t.Fatalf("conflicting events %d, want the traffic one: %+v", r.Conflicting, r.Events)
	}
	cf := r.Events[0].Conflicts[0]
	if cf.A.Text != "32,000" || cf.B.Text != "23,000" || cf.Unit != "vehicle" || cf.A.Article != 0 || cf.B.Article != 1 {
		t.Errorf("conflict %+v, want 32,000 vs 23,000 vehicles", cf)
	}
	if a := agreed(r.Events[1], "48000000"); a == nil || len(a.Articles) != 3 || a.Type != Money {
		t.Errorf("$48 million = $48M = 48 million dollars not agreed: %+v", r.Events[1].Agreed)
	}
	if a := agreed(r.Events[2], "katerina voss"); a == nil || !a.Variant || r.Events[2].Conflict {
		t.Errorf("Katerina/Katarina Voss: %+v %+v", r.Events[2].Agreed, r.Events[2].Conflicts)
	}
}

func TestConflicts(t *testing.T) {
	vals := func(s string) []Value { return append(Extract(s), ExtractNames(s, nil)...) }
	tests := []struct {
		a, b string
		want string // "" for none, else "A/B"
	}{
		{"8,000 soldiers arrived", "10,000 troops arrived", "8,000/10,000"},
		{"up to 8,000 soldiers", "8,500 soldiers", ""},                          // hedged and within 15%
		{"8,000 soldiers and 20 tanks", "8,000 soldiers", ""},                   // a value one side lacks is no conflict
		{"8,000 soldiers and 20 tanks", "8,000 soldiers and 30 tanks", "20/30"}, // same unit
		{"8,000 soldiers and 20 tanks", "9,000 soldiers and 30 jets", "8,000/9,000"},
		{"a $3.6 billion transfer", "a 3.6B transfer", ""},
		{"a $3.6 billion transfer", "a $3.5 billion transfer", "$3.6 billion/$3.5 billion"},
		{"$5.7 billion demanded, $1.375 billion for fencing", "about $8 billion in total", ""},
		{"a $2 million grant and $5 million in loans", "a $3 million grant and $5 million in loans", "$2 million/$3 million"},
		{"prices rose 5% in May", "prices rose 7 percent in May", "5%/7 percent"},
		{"on Nov. 1, 2024", "on Nov. 2, 2024", "Nov. 1, 2024/Nov. 2, 2024"},
		{"on Friday", "on Thursday", ""}, // weekdays are not compared
		{"Sergei Lavrov said", "Sergey Lavrov said", ""},
		{"Sergei Lavrov said", "Alexei Lavrov said", "Sergei Lavrov/Alexei Lavrov"},
		{"Choe met Lavrov", "Choe met Blinken", ""},             // other people, not another name for one
		{"Rick Gates testified", "Richard Gates testified", ""}, // a nickname
		{"Rudy Giuliani said", "Rudolph W. Giuliani said", ""},  // a nickname and an initial
		{"Bill Nelson voted", "William Nelson voted", ""},
		{"Bob Dole spoke", "Robert J. Dole spoke", ""},
		{"Rick Gates testified", "Roger Gates testified", "Rick Gates/Roger Gates"}, // not a form of one name
		// figures of one unit in different frames are different facts
		{"Sanders needs 836 delegates to clinch the nomination", "Mrs. Clinton is 71 delegates short of the nomination", ""},
		{"Clinton needs 67 delegates to clinch the nomination", "Clinton is 71 delegates short of the nomination", "67/71"},
		{"she won the state eight years ago", "the volunteer was shot 22 years ago", ""},
		{"she won the state eight years ago", "she won the state nine years ago", "eight/nine"},
		{"the storm closed the port for five days", "the port handled 247 ships", ""},
		{"the storm closed the port for five days", "the storm closed the port for 6 days", "five/6"},
		{"as he wrote in post 750366792434978816 on Monday", "as he wrote in post 750816332573208576 on Monday", ""}, // codes, not counts
	}
	for _, tt := range tests {
		var got []string
		for _, c := range conflicts(newValueIndex(vals(tt.a)), newValueIndex(vals(tt.b))) {
			got = append(got, c.A.Text+"/"+c.B.Text)
		}
		if g := strings.Join(got, ", "); g != tt.want {
			t.Errorf("conflicts(%q, %q) = %q, want %q", tt.a, tt.b, g, tt.want)
		}
	}
}

func TestReportEvent(t *testing.T) {
	r := &Report{Events: []EventFacts{{Event: 2}, {Event: 5, Conflict: true}}}
	if e := r.Event(5); e == nil || !e.Conflict {
		t.Errorf("Event(5) = %+v", e)
	}
	if r.Event(3) != nil || r.Event(9) != nil {
		t.Errorf("events 3 and 9 are not shared")
	}
}

// TestMergeByStart checks that merging a block's values and names, each
// in text order, orders them as the stable sort of both by offset, ties
// included.
func TestMergeByStart(t *testing.T) {
	r := rand.New(rand.NewPCG(8, 9))
	sorted := func(tag string) []Value {
		vs := make([]Value, r.IntN(6))
		at := 0
		for i := range vs {
			at += r.IntN(3)
			vs[i] = Value{Text: tag + strconv.Itoa(i), Start: at}
		}
		return vs
	}
	for range 2000 {
		xs, ys := sorted("x"), sorted("y")
		want := append(slices.Clone(xs), ys...)
		slices.SortStableFunc(want, func(a, b Value) int { return a.Start - b.Start })
		got := mergeByStart([]Value{{Text: "kept"}}, xs, ys)
		if len(got) == 0 || got[0].Text != "kept" || !slices.Equal(texts(got[1:]), texts(want)) {
			t.Fatalf("mergeByStart(%v, %v) = %v, want %v", texts(xs), texts(ys), texts(got), texts(want))
		}
	}
}

func texts(vs []Value) []string {
	var out []string
	for _, v := range vs {
		out = append(out, v.Text+"@"+strconv.Itoa(v.Start))
	}
	return out
}

// TestTitleCaseIsNoName: a line in title case is no name, so nothing is
// given alike with one of the names in it.
func TestTitleCaseIsNoName(t *testing.T) {
	cs := &corpus.Story{Articles: []corpus.Article{
		{Path: "a.txt", Paras: []corpus.Para{{Text: "Harlan Voss Calls On Mayor Ibsen To Resign Over Ferry Deal. The council met on Tuesday."}}},
		{Path: "b.txt", Paras: []corpus.Para{{Text: "Harlan Voss called on Mayor Ibsen to resign over the ferry deal on Tuesday."}}},
	}}
	st := controlled(t, story.Build(cs, story.DefaultOptions()), []string{"Calls On", "called on"})
	r := Check(st)
	if len(r.Events) != 1 {
		t.Fatalf("%d events with facts, want 1", len(r.Events))
	}
	for _, ag := range r.Events[0].Agreed {
		for _, text := range ag.Texts {
			if names.TitleCase(text) {
				t.Errorf("%q given alike as a name: %+v", text, ag)
			}
		}
	}
	for _, v := range r.Events[0].Values {
		if v.Type == Name && names.TitleCase(v.Text) {
			t.Errorf("title-case line read as a name: %q", v.Text)
		}
	}
}

// A headline in title case capitalises its words as its names: a run of
// capitals there is a name only when the body names it too.
func TestTitleCaseHeadlineNamesOnlyWhatTheBodyNames(t *testing.T) {
	st := &story.Story{Version: 1, Articles: []story.Article{
		{Outlet: "A", Blocks: []segment.Block{
			{Kind: segment.Headline, Text: "Ortiz: Winter Ferry Cuts Final"},
			{Kind: segment.Paragraph, Text: "Mayor Ortiz said on Tuesday that the cuts to winter crossings would not be reversed."},
		}},
		{Outlet: "B", Blocks: []segment.Block{
			{Kind: segment.Headline, Text: "Harbour Board Approves Winter Ferry Cuts"},
			{Kind: segment.Paragraph, Text: "The board voted for fewer winter crossings on Tuesday, and the mayor agreed."},
		}},
	}}
	st = controlled(t, st, []string{"Ortiz:", "Harbour Board"})
	r := Check(st)
	if len(r.Events) != 1 {
		t.Fatalf("%d events with facts, want 1", len(r.Events))
	}
	var got []string
	for _, v := range r.Events[0].Values {
		if v.Type == Name {
			got = append(got, v.Text)
		}
	}
	if !slices.Equal(got, []string{"Ortiz"}) {
		t.Errorf("names read in the two headlines: %q, want only Ortiz, whom the body names", got)
	}
}

// TestCheckExtracted checks that the values found before the events are
// known (ExtractStory) give the report CheckIndexed gives, that the check
// lets go of them, and that those of another story are not used.
func TestCheckExtracted(t *testing.T) {
	st := story.Build(corpus.Default(), story.DefaultOptions())
	want := CheckIndexed(st, names.NewIndex(st))
	ex := ExtractStory(st)
	got := CheckExtracted(st, names.NewIndex(st), ex)
	if !reflect.DeepEqual(want, got) {
		t.Errorf("CheckExtracted gives another report than CheckIndexed")
	}
	for a, vs := range ex.values {
		if vs != nil {
			t.Errorf("the values of article %d are still held after the check took them", a)
		}
	}
	if want.Conflicting == 0 && len(want.Events) == 0 {
		t.Fatal("the seed story gives no facts to compare: the test compares nothing")
	}
	other := story.Build(corpus.Default(), story.DefaultOptions())
	other.Articles = other.Articles[:1]
	if got := CheckExtracted(st, names.NewIndex(st), ExtractStory(other)); !reflect.DeepEqual(want, got) {
		t.Errorf("CheckExtracted used the values of another story")
	}
}

// TestNarrowContextAsWide checks that a figure's context read from the
// narrow window, when contextOf keeps it, is the one the wide window
// gives, on texts of words long and short, abbreviations, joined words,
// sentence ends and figures near either end.
func TestNarrowContextAsWide(t *testing.T) {
	pieces := []string{"troops", "Mr.", "U.S.", "al-Assad", "don't", "Kim", "Jong", "Un’s", "the", "of", ".", ",", "!",
		" ", " ", " ", "soldiers", "were", "killed", "Zürich", "internationalisation", "—", "“", "”", "x", "Nov.",
		strings.Repeat("long", 12), "2,000", "$3.6", "billion", "percent"}
	r := rand.New(rand.NewPCG(7, 8))
	narrow := 0
	var bp []names.Word
	for range 3000 {
		var b strings.Builder
		for n := r.IntN(120); n >= 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
			if r.IntN(3) > 0 {
				b.WriteByte(' ')
			}
		}
		text := b.String()
		for _, v := range Extract(text) {
			want, _ := contextIn(text, v.Start, v.End, ctxWide, &bp)
			got := contextOf(text, v.Start, v.End)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("context of %q in %q:\n got  %v\n want %v", v.Text, text, got, want)
			}
			if _, ok := contextIn(text, v.Start, v.End, ctxNarrow, &bp); ok {
				narrow++
			}
		}
	}
	if narrow < 1000 {
		t.Fatalf("only %d figures read from the narrow window: the test compares little", narrow)
	}
}
