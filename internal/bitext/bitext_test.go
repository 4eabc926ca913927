package bitext

import (
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/worddiff"
)

func TestNumber(t *testing.T) {
	for _, c := range []struct{ in, key, runs string }{
		{"17 000 Hektar", "17000", "17 000"},
		{"17.000 Hektar", "17000", "17 000"},
		{"17,000 acres", "17000", "17 000"},
		{"17\u202f000 hectares", "17000", "17 000"},
		{"2,05 Prozent", "2.05", "2 05"},
		{"2.05 percent", "2.05", "2 05"},
		{"10.30 Uhr", "10.30", "10 30"},
		{"2020 100 people", "2020", "2020"}, // a year, then another figure
		{"1er octobre", "1", "1"},
		{"1.250.000 Euro", "1250000", "1 250 000"},
	} {
		got := number(c.in, 0)
		if got.key != c.key || got.runs != c.runs {
			t.Errorf("number(%q) = %q (runs %q), want %q (%q)", c.in, got.key, got.runs, c.key, c.runs)
		}
	}
}

func TestTimesAgree(t *testing.T) {
	// 10.30 and 10h30 are one time: neither side's figure is unmatched
	x := anchorsOf("um 10.30 Uhr", nil)
	y := anchorsOf("à 10h30", nil)
	if n := unmatchedNums(x, y); n != 0 {
		t.Errorf("10.30 against 10h30: %d unmatched", n)
	}
	z := anchorsOf("à 11h15", nil)
	if n := unmatchedNums(x, z); n != 1 {
		t.Errorf("10.30 against 11h15: %d unmatched, want 1", n)
	}
}

func units(texts ...string) []Unit {
	us := make([]Unit, len(texts))
	for i, s := range texts {
		us[i] = Unit{Text: s}
	}
	return us
}

func TestAlignSplitParagraph(t *testing.T) {
	// the second paragraph is split in two in the translation
	a := units(
		"Am Montag wurden in Kesselbach 42 neue Wohnungen übergeben, die Stadt zahlte dafür 9 Millionen Euro.",
		"Der Bürgermeister Jonas Halber sprach von einem wichtigen Schritt. Weitere 60 Wohnungen sollen bis 2027 folgen, kündigte er an, und auch eine neue Schule im Norden der Stadt.",
		"Kritik kam von der Mieterinitiative Nordlicht, die höhere Zuschüsse fordert.",
	)
	b := units(
		"Lundi, 42 nouveaux logements ont été livrés à Kesselbach ; la ville a payé 9 millions d’euros.",
		"Le maire Jonas Halber a parlé d’une étape importante.",
		"Il a annoncé que 60 autres logements suivront d’ici 2027, ainsi qu’une nouvelle école dans le nord de la ville.",
		"L’association de locataires Nordlicht a critiqué le projet et réclame des subventions plus élevées.",
	)
	r := Align(a, b)
	if r == nil {
		t.Fatal("no alignment")
	}
	var got []string
	for _, bd := range r.Beads {
		got = append(got, strings.Trim(strings.ReplaceAll(strings.Join([]string{ints(bd.A), ints(bd.B)}, "-"), " ", ","), "-"))
	}
	if want := "0-0 1-1,2 2-3"; strings.Join(got, " ") != want {
		t.Errorf("beads %v, want %s", got, want)
	}
}

func ints(xs []int) string {
	var b strings.Builder
	for i, x := range xs {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteByte(byte('0' + x))
	}
	return b.String()
}

func TestAlignKeepsClasses(t *testing.T) {
	a := []Unit{{Text: "Neue Brücke über die Elbe", Class: 1}, {Text: "Die Brücke kostet 80 Millionen Euro und wird 2026 fertig."}}
	b := []Unit{{Text: "La nouvelle passerelle sur l’Elbe coûtera 80 millions d’euros et sera achevée en 2026."}}
	r := Align(a, b)
	if r == nil {
		t.Fatal("no alignment")
	}
	for _, bd := range r.Beads {
		if len(bd.A) > 0 && bd.A[0] == 0 && len(bd.B) > 0 {
			t.Errorf("a headline paired with a paragraph: %+v", bd)
		}
	}
}

func TestOpsRebuildBothSides(t *testing.T) {
	r := &Marker{keysA: map[string]bool{"schol": true, "merke": true}, keysB: map[string]bool{"schol": true, "merke": true}}
	for _, c := range []struct{ a, b string }{
		{"Scholz sagte, 173 Gebiete seien vorgesehen.", "Merkel a déclaré que 137 zones sont prévues."},
		{"173", "137"},
		{"Es sind 173.", "137 zones"},
		{"Kein Unterschied hier.", "Aucune différence ici."},
		{"", "137"},
		{"Scholz", ""},
	} {
		ops := r.Ops(c.a, c.b)
		if worddiff.A(ops) != c.a || worddiff.B(ops) != c.b {
			t.Errorf("Ops(%q, %q) rebuild %q and %q", c.a, c.b, worddiff.A(ops), worddiff.B(ops))
		}
	}
	var marked []string
	for _, o := range r.Ops("Scholz sagte, 173 Gebiete seien vorgesehen.", "Merkel a déclaré que 137 zones sont prévues.") {
		if o.Kind != worddiff.Equal {
			marked = append(marked, string(o.Kind)+" "+o.Text)
		}
	}
	if want := "delete Scholz|insert Merkel|delete 173|insert 137"; strings.Join(marked, "|") != want {
		t.Errorf("marked %q, want %s", marked, want)
	}
}

func TestOpsOneSidedFigureIsNoDifference(t *testing.T) {
	// "zwei" against 2: a figure on one side only is a way of writing it
	r := NewMarker(nil, nil)
	for _, o := range r.Ops("Zwei Gebiete sind vorgesehen.", "2 zones sont prévues.") {
		if o.Kind != worddiff.Equal {
			t.Errorf("%s %q marked", o.Kind, o.Text)
		}
	}
}

func FuzzOps(f *testing.F) {
	f.Add("Scholz sagte, 173 Gebiete.", "Merkel a dit 137 zones.")
	f.Add("10.30 Uhr", "11h15")
	f.Add("a 1 b 2 c 3", "4")
	f.Fuzz(func(t *testing.T, a, b string) {
		r := NewMarker([]string{a}, []string{b})
		ops := r.Ops(a, b)
		if worddiff.A(ops) != a || worddiff.B(ops) != b {
			t.Fatalf("Ops(%q, %q) rebuild %q and %q", a, b, worddiff.A(ops), worddiff.B(ops))
		}
	})
}

func FuzzAlign(f *testing.F) {
	f.Add("Am Montag kamen 42 Gäste.\nScholz sprach 10 Minuten.", "Lundi, 42 invités sont venus.\nScholz a parlé 10 minutes.", uint8(0))
	f.Add("\n\n", "x", uint8(3))
	f.Fuzz(func(t *testing.T, a, b string, classes uint8) {
		split := func(s string) []Unit {
			var us []Unit
			for i, p := range strings.Split(s, "\n") {
				us = append(us, Unit{Text: p, Class: int(classes>>(i%8)) & 1})
			}
			return us
		}
		ua, ub := split(a), split(b)
		r := Align(ua, ub)
		if r == nil {
			return
		}
		// every unit in exactly one bead, in order on both sides
		na, nb := 0, 0
		for _, bd := range r.Beads {
			for _, i := range bd.A {
				if i != na {
					t.Fatalf("side a out of order: %+v", r.Beads)
				}
				na++
			}
			for _, j := range bd.B {
				if j != nb {
					t.Fatalf("side b out of order: %+v", r.Beads)
				}
				nb++
			}
			if len(bd.A) > 0 && len(bd.B) > 0 && ua[bd.A[0]].Class != ub[bd.B[0]].Class {
				t.Fatalf("a bead across classes: %+v", bd)
			}
			if bd.Score < 0 || bd.Score > 1 {
				t.Fatalf("score %v", bd.Score)
			}
		}
		if na != len(ua) || nb != len(ub) {
			t.Fatalf("beads cover %d and %d units of %d and %d", na, nb, len(ua), len(ub))
		}
	})
}
