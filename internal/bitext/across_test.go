package bitext

import "testing"

func TestAcrossNeedsDistinctiveAnchors(t *testing.T) {
	body := func(texts ...string) []Unit {
		us := make([]Unit, len(texts))
		for i, s := range texts {
			us[i] = Unit{Text: s}
		}
		return us
	}
	// Weber is in every paragraph; Kraków and 2019 only in one of each
	a := body(
		"Ministerin Weber besuchte am Montag das Werk in Kraków, das seit 2019 Batterien baut.",
		"Weber sprach danach mit Gewerkschaftern über die Löhne.",
		"Am Abend reiste Weber weiter nach Warschau.",
	)
	b := body(
		"La ministre Weber a rencontré des syndicalistes.",
		"Selon Weber, l'usine de Kraków fabrique des batteries depuis 2019.",
		"Weber a ensuite quitté la Pologne.",
	)
	got := map[[2]int]float64{}
	for _, l := range Across(a, b) {
		got[[2]int{l.I, l.J}] = l.Score
	}
	if got[[2]int{0, 1}] != acrossSure {
		t.Errorf("the paragraphs sharing Kraków and 2019 score %v, want %v (all: %v)", got[[2]int{0, 1}], acrossSure, got)
	}
	for p, s := range got {
		if p != [2]int{0, 1} && s >= acrossPossible {
			t.Errorf("paragraphs %v share only a name every paragraph holds, yet score %v", p, s)
		}
	}
	// a unit pairs only with its own class
	b[1].Class = 1
	for _, l := range Across(a, b) {
		if l.J == 1 {
			t.Errorf("a body paragraph pairs with a headline: %+v", l)
		}
	}
}
