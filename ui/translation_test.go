package ui

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// A made-up town's report in German and its French translation.
var (
	tramDE = []string{
		"Stadtrat beschließt neue Straßenbahnlinie nach Lindenau",
		"Der Stadtrat von Mühlbach hat am Dienstag mit 31 zu 12 Stimmen den Bau einer neuen Straßenbahnlinie beschlossen. Die Strecke soll 7,4 Kilometer lang werden und den Hauptbahnhof mit dem Stadtteil Lindenau verbinden.",
		"Die Kosten werden auf 186 Millionen Euro geschätzt. Das Land Sachsen übernimmt nach Angaben von Bürgermeisterin Karin Vogt rund zwei Drittel davon.",
		"„Das ist ein guter Tag für alle, die morgens im Stau stehen“, sagte Vogt nach der Abstimmung. Die Opposition kritisierte dagegen, dass der Zeitplan bis 2029 unrealistisch sei.",
		"Die Bauarbeiten sollen im Frühjahr 2025 beginnen. Während der ersten Phase wird die Friedrichstraße für etwa 14 Monate gesperrt.",
		"Der Fahrgastverband Pro Bahn begrüßte die Entscheidung. Sein Sprecher Tobias Renner erwartet täglich mehr als 20.000 Fahrgäste auf der neuen Linie.",
	}
	tramFR = []string{
		"Le conseil municipal approuve une nouvelle ligne de tramway vers Lindenau",
		"Le conseil municipal de Mühlbach a approuvé mardi, par 31 voix contre 12, la construction d’une nouvelle ligne de tramway. Le tracé doit mesurer 7,4 kilomètres et relier la gare centrale au quartier de Lindenau.",
		"Le coût est estimé à 186 millions d’euros. Selon la maire Karin Vogt, le Land de Saxe en prend en charge environ les deux tiers.",
		"« C’est une bonne journée pour tous ceux qui sont coincés dans les bouchons le matin », a déclaré Karin Vogt après le vote. L’opposition a en revanche jugé irréaliste le calendrier prévu jusqu’en 2029.",
		"Les travaux doivent commencer au printemps 2025. Pendant la première phase, la Friedrichstraße sera fermée pendant environ 14 mois.",
		"L’association d’usagers Pro Bahn a salué la décision. Son porte-parole, Tobias Renner, s’attend à plus de 20 000 voyageurs par jour sur la nouvelle ligne.",
	}
)

func translationStory(t *testing.T) *story.Story {
	t.Helper()
	var arts []corpus.Article
	for _, ps := range [][]string{tramDE, tramFR} {
		a := corpus.Article{Outlet: "Bote"}
		for i, p := range ps {
			h := corpus.HintNone
			if i == 0 {
				h = corpus.HintTitle
			}
			a.Paras = append(a.Paras, corpus.Para{Text: p, Hint: h})
		}
		arts = append(arts, a)
	}
	st := story.Build(&corpus.Story{Name: "tram", Articles: arts}, story.DefaultOptions())
	if !st.Translation {
		t.Fatal("not read as a translation")
	}
	return st
}

// The title says "translation" as long as it fits beside the counts: it
// says how to read the columns.
func TestTitleSaysTranslation(t *testing.T) {
	st := translationStory(t)
	m := newModel(t, st, 160, 40)
	for _, c := range []struct {
		w    int
		want string
	}{
		{160, "· translation, German and French ·"},
		{90, "· translation ·"},
	} {
		got := plain(titleLine(st, m.pal, 0, 1, c.w))
		if ansi.StringWidth(got) > c.w || !strings.Contains(got, c.want) || !strings.Contains(got, "(6 shared, 0 only left, 0 only right)") {
			t.Errorf("width %d: title %q, want %q and the counts", c.w, got, c.want)
		}
	}
	// a translated event's rule says so, not "same words"
	if got := ruleLabel(st, 0, 0, 1); got != "shared · translated" {
		t.Errorf("rule %q", got)
	}
}
