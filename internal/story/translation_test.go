package story

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// A short report of a made-up town, in German and in French, paragraph by
// paragraph (testdata/stories/tram-translation, which the reader's tests
// read too).
var tramDE, tramFR = tramReport("de"), tramReport("fr")

func tramReport(l string) []string {
	b, err := os.ReadFile(filepath.Join("..", "..", "testdata", "stories", "tram-translation", l+".txt"))
	if err != nil {
		panic(err)
	}
	return strings.Split(strings.TrimSpace(string(b)), "\n\n")
}

var (
	// another French report from the same made-up region, on another matter
	floodFR = []string{
		"Crue de la Mulde : trois villages évacués",
		"Les pompiers ont évacué dans la nuit de samedi les habitants de trois villages situés au bord de la Mulde. Le niveau de l’eau a atteint 5,8 mètres à Grimma, un record depuis 2013.",
		"Selon le préfet Martin Keller, environ 1 200 personnes ont passé la nuit dans des gymnases. Aucun blessé n’a été signalé.",
		"« Nous avons eu de la chance cette fois », a déclaré un habitant. Les dégâts sont estimés à plusieurs dizaines de millions d’euros.",
		"Les services météorologiques prévoient une décrue à partir de mardi, mais de nouvelles pluies sont annoncées pour le week-end.",
		"Le gouvernement régional a promis une aide d’urgence de 40 millions d’euros aux communes touchées.",
	}
)

func article(outlet string, paras []string) corpus.Article {
	a := corpus.Article{Outlet: outlet}
	for i, p := range paras {
		h := corpus.Hint("")
		if i == 0 {
			h = corpus.HintTitle
		}
		a.Paras = append(a.Paras, corpus.Para{Text: p, Hint: h})
	}
	return a
}

func TestTranslationAlignsInOrder(t *testing.T) {
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Bote", tramDE), article("Courrier", tramFR)}}, DefaultOptions())
	if got := []lang.Lang{st.Articles[0].Lang, st.Articles[1].Lang}; got[0] != lang.German || got[1] != lang.French {
		t.Fatalf("languages %v, want de and fr", got)
	}
	if !st.Translation {
		t.Fatal("a paragraph-by-paragraph translation is not read as one")
	}
	for k, e := range st.Events {
		if e.Kind != Shared || len(e.Blocks[0]) != 1 || len(e.Blocks[1]) != 1 || e.Blocks[0][0] != e.Blocks[1][0] {
			t.Errorf("event %d: %s %v, want paragraph i of one against paragraph i of the other", k, e.Kind, e.Blocks)
		}
		if e.Score < DefaultOptions().Align.Threshold {
			t.Errorf("event %d: score %.2f under the default threshold", k, e.Score)
		}
		// both sides plain: one equal op, nothing marked
		for _, o := range st.Ops(k, 0, 1) {
			if o.Kind != worddiff.Equal {
				t.Errorf("event %d: %s %q marked; the translation changes no figure or name", k, o.Kind, o.Text)
			}
		}
	}
	if len(st.Events) != len(tramDE) {
		t.Errorf("%d events, want %d", len(st.Events), len(tramDE))
	}
	if n := st.LangNote(0, 1); n != "translation, German and French" {
		t.Errorf("LangNote = %q", n)
	}
	var b bytes.Buffer
	if err := st.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Translation bool
		Articles    []struct{ Lang string }
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	if !doc.Translation || doc.Articles[0].Lang != "de" || doc.Articles[1].Lang != "fr" {
		t.Errorf("JSON: translation %v, langs %+v", doc.Translation, doc.Articles)
	}
	checkSameJSON(t, "translation", st)
}

func TestTranslationMarksChangedFigure(t *testing.T) {
	fr := append([]string(nil), tramFR...)
	fr[4] = strings.Replace(fr[4], "14 mois", "16 mois", 1)
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Bote", tramDE), article("Courrier", fr)}}, DefaultOptions())
	if !st.Translation {
		t.Fatal("not read as a translation")
	}
	var marked []string
	for k := range st.Events {
		ops := st.Ops(k, 0, 1)
		if worddiff.A(ops) != st.SideText(0, st.Events[k].Blocks[0]) || worddiff.B(ops) != st.SideText(1, st.Events[k].Blocks[1]) {
			t.Errorf("event %d: the ops do not rebuild both sides", k)
		}
		for _, o := range ops {
			if o.Kind != worddiff.Equal {
				marked = append(marked, string(o.Kind)+" "+o.Text)
			}
		}
	}
	if want := []string{"delete 14", "insert 16"}; strings.Join(marked, "|") != strings.Join(want, "|") {
		t.Errorf("marked %q, want %q", marked, want)
	}
	notes := map[string]int{}
	for k := range st.Events {
		notes[st.WordingNote(k, 0, 1)]++
	}
	if notes["translated · figures or names differ"] != 1 || notes["translated"] != len(st.Events)-1 {
		t.Errorf("wording notes %v, want one event whose figures differ and the rest translated", notes)
	}
	// the reversed view inverts the marks
	for k := range st.Events {
		for _, o := range st.Ops(k, 1, 0) {
			if o.Kind == worddiff.Delete && o.Text != "16" || o.Kind == worddiff.Insert && o.Text != "14" {
				t.Errorf("event %d from the right: %s %q", k, o.Kind, o.Text)
			}
		}
	}
}

func TestOtherReportIsNoTranslation(t *testing.T) {
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Bote", tramDE), article("Courrier", floodFR)}}, DefaultOptions())
	if st.Translation {
		t.Fatal("a report on another matter read as a translation")
	}
	if n := st.LangNote(0, 1); n != "German and French" {
		t.Errorf("LangNote = %q", n)
	}
}

// The note names each side's language in the order of the articles on
// screen, also when one of them is of no language synoptic can tell.
func TestLangNoteKeepsTheArticlesOrder(t *testing.T) {
	st := &Story{Articles: []Article{{Lang: lang.Unknown}, {Lang: lang.English}, {Lang: lang.German}}}
	for _, c := range []struct {
		l, r int
		want string
	}{
		{0, 1, "unknown and English"},
		{1, 0, "English and unknown"},
		{2, 0, "German and unknown"},
		{0, 2, "unknown and German"},
		{1, 2, "English and German"},
		{2, 1, "German and English"},
		{0, 0, ""},
		{1, 1, ""},
	} {
		if got := st.LangNote(c.l, c.r); got != c.want {
			t.Errorf("LangNote(%d, %d) = %q, want %q", c.l, c.r, got, c.want)
		}
	}
}

func TestTranslationRealignsAtThreshold(t *testing.T) {
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Bote", tramDE), article("Courrier", tramFR)}}, DefaultOptions())
	high := st.Realign(1, nil)
	if !high.Translation {
		t.Fatal("Realign lost the translation")
	}
	for k, e := range high.Events {
		if e.Kind == Shared {
			t.Errorf("event %d shared at threshold 1 (score %.2f)", k, e.Score)
		}
	}
	if got := len(high.Events); got != 2*len(tramDE) {
		t.Errorf("%d events at threshold 1, want every block alone (%d)", got, 2*len(tramDE))
	}
	back := high.Realign(DefaultOptions().Align.Threshold, nil)
	if len(back.Events) != len(st.Events) {
		t.Errorf("back at the default threshold: %d events, want %d", len(back.Events), len(st.Events))
	}
}

func TestGermanOutletsPairOnContent(t *testing.T) {
	// two German outlets: the shared paragraph says it in other
	// inflections (Dörfer and Dorf, Wälder and Wald, Bahnen and Bahn),
	// which English stemming keeps apart; the others share only German
	// function words
	a := []string{
		"Unterwegs im Landkreis",
		"Die alten Bahnen fahren im Sommer wieder durch die Dörfer und Wälder.",
		"Im Hallenbad wird ab der kommenden Woche das Dach saniert, das Bad bleibt deshalb bis zu den Ferien geschlossen.",
		"Auf dem Wochenmarkt gibt es nach dem Umbau des Platzes wieder mehr Stände als im vergangenen Jahr.",
	}
	b := []string{
		"Sommer im Kreis",
		"Eine alte Bahn fährt ab Juni durch jedes Dorf und jeden Wald.",
		"Bei der Feuerwehr ist das neue Löschfahrzeug angekommen, es wurde am Wochenende in den Dienst gestellt.",
		"Die Schule an der Lindenallee wird um einen Anbau erweitert, der im Herbst fertig sein soll.",
	}
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Anzeiger", a), article("Rundschau", b)}}, DefaultOptions())
	if st.Articles[0].Lang != lang.German || st.Articles[1].Lang != lang.German || st.Translation {
		t.Fatalf("langs %q %q, translation %v; want two German articles", st.Articles[0].Lang, st.Articles[1].Lang, st.Translation)
	}
	var pairs [][2]int
	for _, e := range st.Events {
		if e.Kind == Shared {
			pairs = append(pairs, [2]int{e.Blocks[0][0], e.Blocks[1][0]})
		}
	}
	// the headlines pair through a compound: Landkreis holds Kreis
	if len(pairs) != 2 || pairs[0] != [2]int{0, 0} || pairs[1] != [2]int{1, 1} {
		t.Errorf("shared events %v, want the headlines and the old railway's paragraphs only", pairs)
	}
}

func TestTwoLanguagesShowPlain(t *testing.T) {
	// a French outlet's own short report of the German one's vote: not a
	// translation, but where they pair, their words are not compared
	fr := []string{
		"Mühlbach aura son tramway",
		"À Mühlbach, la maire Karin Vogt a obtenu mardi le feu vert pour une ligne de tramway vers Lindenau : 31 conseillers ont voté pour, 14 contre. Le tracé de 7,4 kilomètres doit relier la gare au quartier de Lindenau.",
		"Le projet est très contesté dans le quartier, où plusieurs commerçants craignent des années de chantier.",
	}
	// an editor pins the two reports of the vote together
	opt := DefaultOptions()
	opt.Review = &review.Review{Version: 1, Pins: []review.Pin{{A: review.Ref{Article: 0, Block: 1}, B: review.Ref{Article: 1, Block: 1}}}}
	st := Build(&corpus.Story{Articles: []corpus.Article{article("Bote", tramDE), article("Courrier", fr)}}, opt)
	if st.Translation {
		t.Fatal("another outlet's report read as a translation")
	}
	if st.ComparesWording(0, 1) {
		t.Fatal("German and French compared word by word")
	}
	shared := 0
	for k, e := range st.Events {
		if e.Kind != Shared {
			continue
		}
		shared++
		ops := st.Ops(k, 0, 1)
		if worddiff.A(ops) != st.SideText(0, e.Blocks[0]) || worddiff.B(ops) != st.SideText(1, e.Blocks[1]) {
			t.Errorf("event %d: the ops do not rebuild both sides", k)
		}
		for _, o := range ops {
			if o.Kind != worddiff.Equal && !strings.ContainsAny(o.Text, "0123456789") && o.Text != "Vogt" && o.Text != "Karin" {
				t.Errorf("event %d: %s %q marked: only figures and names may be", k, o.Kind, o.Text)
			}
		}
		if n := st.WordingNote(k, 0, 1); n != "two languages · figures or names differ" {
			t.Errorf("event %d: wording note %q; 12 against 14 votes differ", k, n)
		}
	}
	if shared == 0 {
		t.Error("the pinned vote is not shared")
	}
}
