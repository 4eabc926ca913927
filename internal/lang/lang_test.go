package lang

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

func TestDetect(t *testing.T) {
	for _, c := range []struct {
		text string
		want Lang
	}{
		{"The mayor said on Monday that the bridge would be closed for repairs, and that the work had been delayed by the rain.", English},
		{"Der Bürgermeister sagte am Montag, dass die Brücke wegen der Reparaturen gesperrt wird und die Arbeiten sich durch den Regen verzögert haben.", German},
		{"Le maire a déclaré lundi que le pont sera fermé pour des réparations et que les travaux ont été retardés par la pluie.", French},
		{"El alcalde dijo el lunes que el puente estará cerrado por reparaciones y que las obras se retrasaron por la lluvia.", Spanish},
		{"Il sindaco ha detto lunedì che il ponte sarà chiuso per lavori e che il cantiere è stato rallentato dalla pioggia della settimana.", Italian},
		{"Brücke", Unknown},           // too short to tell
		{"", Unknown},                 // nothing to tell
		{"12 000 € · 3,5 %", Unknown}, // figures only
	} {
		if got := Detect(c.text); got != c.want {
			t.Errorf("Detect(%.30q) = %q, want %q", c.text, got, c.want)
		}
	}
}

func TestDetectMixedIsUnknown(t *testing.T) {
	// as many German as French marker words: neither clearly leads
	text := "der die das und ist nicht mit le la les des et est une"
	if got := Detect(text); got != Unknown {
		t.Errorf("Detect(mixed) = %q, want Unknown", got)
	}
}

func TestOfBlocksSkipsFurniture(t *testing.T) {
	bs := []segment.Block{
		{Kind: segment.Meta, Text: "The of and to is was that with for on are by this from"},
		{Kind: segment.Paragraph, Text: "Die Stadt hat am Dienstag beschlossen, dass die neue Linie im Herbst fährt und nicht erst im Winter."},
	}
	if got := OfBlocks(bs); got != German {
		t.Errorf("OfBlocks = %q, want German (the English meta line does not count)", got)
	}
}

func TestStem(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		a, b string // two inflections that must share a stem
	}{
		{German, "gebiete", "gebieten"},
		{German, Fold("Häuser"), Fold("Hauses")},
		{German, Fold("Prüfung"), Fold("prüfen")}, // the noun of an action and its verb
		{German, "trennung", "trennen"},
		{German, "beratungen", "beraten"},
		{French, "communes", "commune"},
		{French, "installations", "installation"},
		{Spanish, "casas", "casa"},
		{Italian, "comuni", "comune"},
		{English, "reports", "reported"},
	} {
		if sa, sb := Stem(c.l, c.a), Stem(c.l, c.b); sa != sb {
			t.Errorf("%s: Stem(%q) = %q, Stem(%q) = %q, want one stem", c.l, c.a, sa, c.b, sb)
		}
	}
	if Stem(German, "zung") != "zung" { // too short a stem to take "ung" off
		t.Errorf("German: zung stems to %q", Stem(German, "zung"))
	}
	if Stem(German, "haus") == Stem(German, "hase") {
		t.Error("German: haus and hase must keep different stems")
	}
}

func TestIsStop(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		w    string
		want bool
	}{
		{German, "fur", true}, // für, folded
		{German, "dass", true},
		{German, "windrad", false},
		{French, "deja", true}, // déjà, folded
		{French, "eolienne", false},
		{Spanish, "tambien", true},
		{Italian, "perche", true},
		{English, "the", false}, // English stop words are the aligner's
	} {
		if got := IsStop(c.l, c.w); got != c.want {
			t.Errorf("IsStop(%s, %q) = %v, want %v", c.l, c.w, got, c.want)
		}
	}
	if HasStops(English) || HasStops(Unknown) || !HasStops(German) {
		t.Error("HasStops: only the languages with their own lists")
	}
}

func TestQuote(t *testing.T) {
	for _, c := range []struct {
		l    Lang
		r    rune
		want QuoteMark
	}{
		{German, '„', Opens},
		{German, '“', Closes}, // the German closing mark
		{German, '»', Toggles},
		{German, '«', Toggles}, // Swiss «…» and German »…« both read
		{French, '«', Opens},
		{French, '»', Closes},
		{French, '‹', Opens},
		{Italian, '”', Closes},
		{English, '“', Opens},
		{English, '„', Opens},
		{English, '‹', NoQuote}, // English reads as it always has
		{Unknown, '»', Closes},
		{German, 'a', NoQuote},
	} {
		if got := Quote(c.l, c.r); got != c.want {
			t.Errorf("Quote(%s, %q) = %v, want %v", c.l, c.r, got, c.want)
		}
	}
}

func TestFold(t *testing.T) {
	if got := Fold("Müller Straße Élysée"); got != "muller strasse elysee" {
		t.Errorf("Fold = %q", got)
	}
}

func TestCompounds(t *testing.T) {
	c := NewCompounds([]string{
		"Die Aufsicht über die Banken soll strenger werden. Die Finanzaufsicht prüft die Aufsichtsstrukturen.",
		"Der Minister und der Bundesfinanzminister sprachen über das Beispiel.",
	})
	for _, tc := range []struct {
		word string
		want []string
	}{
		{"finanzaufsicht", []string{Stem(German, "aufsicht")}},
		{"aufsichtsstrukturen", []string{Stem(German, "aufsicht")}}, // the modifier, less its linking s
		{"bundesfinanzminister", []string{Stem(German, "minister")}},
		{"aufsicht", nil},              // too short to be a compound
		{"beispiel", nil},              // too short: no "spiel" of "bei"
		{"zahlungsdienstleister", nil}, // no part of it is a word of the story
	} {
		got := c.Parts([]byte(tc.word))
		if strings.Join(got, "+") != strings.Join(tc.want, "+") {
			t.Errorf("Parts(%q) = %q, want %q", tc.word, got, tc.want)
		}
	}
	var none *Compounds
	if none.Parts([]byte("finanzaufsicht")) != nil {
		t.Error("a nil Compounds splits")
	}
}
