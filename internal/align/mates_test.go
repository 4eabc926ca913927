package align

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// Two reports of one season on different matters, eight paragraphs each,
// that close on the same sentence.
var (
	budgetReport = []segment.Block{
		para("The city council of Marlow approved a budget of 412 million pounds on Tuesday after a six-hour debate."),
		para("Spending on road repairs rises by a fifth, while the library service loses two branches in the east of the city."),
		para("Councillor Amira Hassan, who chairs the finance committee, said the cuts were painful but unavoidable."),
		para("Opposition members walked out before the final vote, calling the library closures an attack on poorer districts."),
		para("The budget also freezes council tax for a second year, the first such freeze since 2009."),
		para("Unions representing library staff said they would ballot their members on industrial action next month."),
		para("A public consultation drew more than 3,000 responses, most of them opposing the closures."),
		para("The mayor's office did not respond to a request for comment."),
	}
	strikeReport = []segment.Block{
		para("Teachers at eleven secondary schools in Marlow walked out on Thursday in a dispute over class sizes."),
		para("The walkout closed four schools entirely and sent thousands of pupils home before lunch."),
		para("Headteacher Gareth Pryce said parents had been warned by text message on Wednesday evening."),
		para("The teachers' union says classes of 34 pupils have become common since the last reorganisation."),
		para("Education officials argue that the numbers are in line with national guidance."),
		para("A second day of action is planned for the week after half term unless talks resume."),
		para("Several parents gathered outside the town hall with placards supporting the teachers."),
		para("The mayor's office did not respond to a request for comment."),
	}
)

func TestLoneSharedParagraphIsNoEvent(t *testing.T) {
	arts := [][]segment.Block{budgetReport, strikeReport}
	s := Score(arts)
	evs := s.Events(DefaultOptions().Threshold)
	if got := linked(evs); len(got) != 0 {
		t.Errorf("two reports on different matters share events for one common sentence: %v", got)
	}
	if links := s.Links(evs); len(links) != 0 {
		t.Errorf("two reports on different matters have possible matches: %+v", links)
	}
	// the same sentence is an event between two reports that share a
	// second paragraph too
	retold := append([]segment.Block(nil), strikeReport...)
	retold[6] = para("Library staff unions said they would ballot members on industrial action next month over the branch closures.")
	got := linked(Align([][]segment.Block{budgetReport, retold}, DefaultOptions()))
	if !got[[4]int{0, 7, 1, 7}] || !got[[4]int{0, 5, 1, 6}] {
		t.Errorf("two reports sharing two paragraphs do not pair them: %v", got)
	}
}

func TestThinBlockPairsOnlyWithItsLine(t *testing.T) {
	list := append([]segment.Block(nil), budgetReport...)
	list = append(list, para("- Amira Hassan."), para("- Gareth Pryce."))
	other := append([]segment.Block(nil), budgetReport[:4]...)
	other = append(other, para("Among those who spoke in the debate was Councillor Amira Hassan, the finance chair, who defended the plan."), para("- Gareth Pryce."))
	got := linked(Align([][]segment.Block{list, other}, DefaultOptions()))
	if got[[4]int{0, 8, 1, 4}] {
		t.Error("a two-word list item pairs with a paragraph that names the same person")
	}
	if !got[[4]int{0, 9, 1, 5}] {
		t.Errorf("the same short line in both does not pair: %v", got)
	}
}

// Two articles are of one story only when one of their pairs of body
// blocks is a confident match: two or more loose pairs (a season's names
// and words in common) are not enough.
func TestStoryMatesNeedAConfidentPair(t *testing.T) {
	ix := index([][]segment.Block{budgetReport, strikeReport})
	n := int32(len(budgetReport))
	loose := []pair{{x: 1, y: n + 1, p: 0.6, shares: true}, {x: 3, y: n + 4, p: 0.65, shares: true}}
	if ix.storyMates(loose, defaultThreshold)([2]int{0, 1}) {
		t.Error("two loose pairs make two articles one story")
	}
	sure := append([]pair{}, loose...)
	sure[1].p = matesAnchor
	if !ix.storyMates(sure, defaultThreshold)([2]int{0, 1}) {
		t.Error("a loose pair and a confident one do not make two articles one story")
	}
	// a confident pair alone, one block a side, is not enough either
	one := []pair{{x: 1, y: n + 1, p: 0.95, shares: true}, {x: 1, y: n + 4, p: 0.6, shares: true}}
	if ix.storyMates(one, defaultThreshold)([2]int{0, 1}) {
		t.Error("the pairs of one block make two long articles one story")
	}
}
