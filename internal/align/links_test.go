package align

import (
	"fmt"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

func TestLinksAreSparseAndOutsideEvents(t *testing.T) {
	arts := [][]segment.Block{damA, damB, damC}
	s := Score(arts)
	evs := s.Events(DefaultOptions().Threshold)
	eventOf := map[[2]int]int{}
	for k, e := range evs {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				eventOf[[2]int{a, i}] = k
			}
		}
	}
	links := s.Links(evs)
	per := map[[3]int]int{} // block and other article
	for n, l := range links {
		if l.A >= l.B {
			t.Errorf("link %v: articles not in order", l)
		}
		if eventOf[[2]int{l.A, l.I}] == eventOf[[2]int{l.B, l.J}] {
			t.Errorf("link %v joins two blocks of one event", l)
		}
		if l.Score < hintFloor || l.Score >= 1 {
			t.Errorf("link %v: score out of range", l)
		}
		if p, ok := s.Prob(l.B, l.J, l.A, l.I); !ok || p != l.Score {
			t.Errorf("link %v: Prob gives %v, %v", l, p, ok)
		}
		per[[3]int{l.A, l.I, l.B}]++
		per[[3]int{l.B, l.J, l.A}]++
		if n > 0 {
			q := links[n-1]
			if q.A > l.A || q.A == l.A && q.I > l.I {
				t.Errorf("links out of story order: %v before %v", q, l)
			}
		}
	}
	for b, n := range per {
		if n > hintsPerBlock {
			t.Errorf("block %v takes part in %d links with one article", b, n)
		}
	}
	// at a threshold no pair reaches, the event pairs become links
	none := s.Events(1)
	if len(s.Links(none)) == 0 {
		t.Error("no possible matches when no pair is strong enough to be an event")
	}
}

func TestPairsOfAnEvent(t *testing.T) {
	arts := [][]segment.Block{damA, damB, damC}
	s := Score(arts)
	for _, e := range s.Events(DefaultOptions().Threshold) {
		if e.Articles() < 2 {
			if len(s.PairsOf(e)) != 0 {
				t.Errorf("one-sided event %v has pairs", e.Blocks)
			}
			continue
		}
		for _, p := range s.PairsOf(e) {
			if p.A >= p.B || p.Score <= 0 || p.Score > 1 {
				t.Errorf("event %v: bad pair %v", e.Blocks, p)
			}
		}
	}
	if _, ok := s.Prob(0, 0, 0, 1); ok {
		t.Error("two blocks of one article have a probability")
	}
	if _, ok := s.Prob(0, 999, 1, 0); ok {
		t.Error("a block past the article's end has a probability")
	}
}

func TestUnrelatedPagesShareNothing(t *testing.T) {
	head := func(s string) segment.Block { return segment.Block{Kind: segment.Headline, Text: s} }
	a := []segment.Block{
		head("Harlow council votes to close the Kestrel bridge"),
		para("The Harlow council voted on Tuesday to close the Kestrel bridge for six months after engineers found corrosion in its cables."),
		para("Repairs will cost 14 million pounds, the council's treasurer said, and ferries will carry commuters meanwhile."),
		para("Shopkeepers on the east bank said the closure would halve their trade over the summer."),
	}
	b := []segment.Block{
		head("Harlow orchestra names a new conductor"),
		para("The Harlow Philharmonic named the Estonian violinist Liis Tamm its principal conductor from next season."),
		para("Tamm, 38, has led the orchestra twice as a guest and will conduct eight of its twelve concerts."),
		para("The council, which funds a third of the orchestra's budget, welcomed the appointment on Tuesday."),
	}
	s := Score([][]segment.Block{a, b})
	evs := s.Events(DefaultOptions().Threshold)
	for _, e := range evs {
		if e.Articles() > 1 {
			t.Errorf("unrelated pages share event %v (score %.2f)", e.Blocks, e.Score)
		}
	}
	if l := s.Links(evs); len(l) > 0 {
		t.Errorf("unrelated pages have possible matches: %v", l)
	}
}

func TestASharedFigureAloneIsNoEvent(t *testing.T) {
	a := []segment.Block{
		para("Flooding closed the Kestrel bridge on Monday, and the county opened two shelters for residents of the east bank."),
		para("Among those rescued was Maria Lind, 23, a nurse who swam to a boat after her car stalled on the river road."),
		para("The county's engineer said the water would fall by Thursday."),
	}
	b := []segment.Block{
		para("The Kestrel bridge was shut on Monday as floodwater rose, and two shelters opened on the east bank."),
		para("Police arrested a man, 23, who they said had driven around the barriers on Harbour Street twice."),
		para("Forecasters expect the river to fall by Thursday, the engineer said."),
	}
	s := Score([][]segment.Block{a, b})
	if p, _ := s.Prob(0, 1, 1, 1); p >= DefaultOptions().Threshold {
		t.Errorf("two people of one age are one event: %.2f", p)
	}
	for _, e := range s.Events(DefaultOptions().Threshold) {
		if len(e.Blocks[0]) > 0 && e.Blocks[0][0] == 1 && len(e.Blocks[1]) > 0 {
			t.Errorf("the rescued nurse and the arrested man share event %v", e.Blocks)
		}
	}
}

// TestNoEventThroughANeighboursLink: two pairs that are each strong, and a
// strong link between them, do not make one event when two of the blocks
// the merge would put together have no evidence of their own.
func TestNoEventThroughANeighboursLink(t *testing.T) {
	arts := [][]segment.Block{{para("a0"), para("a1")}, {para("b0"), para("b1")}}
	ix := &corpusIndex{}
	for a, bs := range arts {
		var row []*block
		for i := range bs {
			b := &block{art: a, idx: i, class: classBody}
			row = append(row, b)
			ix.all = append(ix.all, b)
		}
		ix.arts = append(ix.arts, row)
	}
	// blocks a0, a1, b0, b1 are 0, 1, 2, 3
	pairs := func(weak float64) []pair {
		return []pair{{x: 0, y: 2, p: 0.95, shares: true}, {x: 0, y: 3, p: weak, shares: true}, {x: 1, y: 2, p: 0.8, shares: true}, {x: 1, y: 3, p: 0.9, shares: true}}
	}
	evs := group(arts, ix, pairs(0.15), 0.49)
	for _, e := range evs {
		if len(e.Blocks[0]) > 1 || len(e.Blocks[1]) > 1 {
			t.Errorf("a0 and b1 (0.15) are in one event: %v", e.Blocks)
		}
	}
	// with evidence of its own, the same pair lets the four be one event
	evs = group(arts, ix, pairs(0.3), 0.49)
	if len(evs) != 1 {
		t.Errorf("a0 and b1 at 0.3: %d events, want one", len(evs))
	}
	// a pair that shares no word is no event, however it scored
	lone := group(arts, ix, []pair{{x: 0, y: 2, p: 0.9}}, 0.49)
	for _, e := range lone {
		if e.Articles() > 1 {
			t.Errorf("two blocks with no word in common are one event: %v", e.Blocks)
		}
	}
}

// TestUnrelatedArticlesInterleave: an article that shares no event with the
// first is read beside it by place, not all before it.
func TestUnrelatedArticlesInterleave(t *testing.T) {
	arts := [][]segment.Block{make([]segment.Block, 4), make([]segment.Block, 2)}
	var evs []Event
	for a, bs := range arts {
		for i := range bs {
			e := Event{Blocks: make([][]int, 2), Score: 1}
			e.Blocks[a] = []int{i}
			evs = append(evs, e)
		}
	}
	var got []string
	for _, e := range Order(evs, 2, arts) {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				got = append(got, fmt.Sprintf("%c%d", 'A'+a, i))
			}
		}
	}
	if want := "A0 B0 A1 A2 B1 A3"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

// TestOneSidedRunsAlternate: after an event both articles tell, each goes
// on with paragraphs of its own; the two runs alternate, so that neither
// article's next paragraph waits for the other's whole run.
func TestOneSidedRunsAlternate(t *testing.T) {
	arts := [][]segment.Block{make([]segment.Block, 4), make([]segment.Block, 5)}
	ev := func(a, b int) Event {
		e := Event{Blocks: [][]int{{}, {}}, Score: 1}
		if a >= 0 {
			e.Blocks[0] = []int{a}
		}
		if b >= 0 {
			e.Blocks[1] = []int{b}
		}
		return e
	}
	evs := []Event{ev(0, 0), ev(1, -1), ev(2, -1), ev(3, 4), ev(-1, 1), ev(-1, 2), ev(-1, 3)}
	var got []string
	for _, e := range Order(evs, 2, arts) {
		var s []string
		for a, bs := range e.Blocks {
			for _, i := range bs {
				s = append(s, fmt.Sprintf("%c%d", 'A'+a, i))
			}
		}
		got = append(got, strings.Join(s, "+"))
	}
	if want := "A0+B0 A1 B1 A2 B2 B3 A3+B4"; strings.Join(got, " ") != want {
		t.Errorf("order %v, want %s", got, want)
	}
}

// A block's possible matches in a third article do not crowd out those in
// the article beside it: the reader shows two at a time.
func TestLinksCountedPerOtherArticle(t *testing.T) {
	arts := [][]segment.Block{budgetReport, strikeReport, budgetReport}
	ix := index(arts)
	n := int32(len(budgetReport))
	// block 1 of the first article: two strong pairs in the third
	// article, a weaker one in the second; two strong pairs between the
	// first and third make them one story (storyMates), and so two
	// between the first and second
	pairs := []pair{ // sorted by x, then y, as scored
		{x: 1, y: n + 2, p: 0.40, shares: true, terms: 5},
		{x: 1, y: n + 3, p: 0.90, shares: true, terms: 5},
		{x: 1, y: 2*n + 2, p: 0.45, shares: true, terms: 5},
		{x: 1, y: 2*n + 3, p: 0.46, shares: true, terms: 5},
		{x: 4, y: n + 4, p: 0.90, shares: true, terms: 5},
		{x: 5, y: 2*n + 5, p: 0.95, shares: true, terms: 5},
		{x: 6, y: 2*n + 6, p: 0.95, shares: true, terms: 5},
	}
	s := &Scored{arts: arts, ix: ix, pairs: pairs}
	evs := s.Events(DefaultOptions().Threshold)
	got := map[[4]int]bool{}
	for _, l := range s.Links(evs) {
		got[[4]int{l.A, l.I, l.B, l.J}] = true
	}
	if !got[[4]int{0, 1, 1, 2}] {
		t.Errorf("the possible match in the second article is crowded out by two in the third: %v", got)
	}
	if !got[[4]int{0, 1, 2, 2}] || !got[[4]int{0, 1, 2, 3}] {
		t.Errorf("the two possible matches in the third article are missing: %v", got)
	}
	// a pair that shares only two terms (a name and a verb) is none
	pairs[0].terms = hintTerms - 1
	s = &Scored{arts: arts, ix: ix, pairs: pairs}
	for _, l := range s.Links(s.Events(DefaultOptions().Threshold)) {
		if l.A == 0 && l.I == 1 && l.B == 1 && l.J == 2 {
			t.Errorf("a pair sharing %d terms is a possible match: %+v", hintTerms-1, l)
		}
	}
}
