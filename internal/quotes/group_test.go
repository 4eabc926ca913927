package quotes

import (
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// TestPiecesJoinOnlyTheWhole checks that two quotations one outlet gives
// apart, each a piece of one quotation another outlet gives whole, are
// each compared with the whole, never with each other: neither is shown
// as a rewording of the other.
func TestPiecesJoinOnlyTheWhole(t *testing.T) {
	st := twoOutlets(
		"“Our harbour needs a bold new plan. We need a very bold plan, and I am just not convinced yet,” Ivo Marsh said. "+
			"Earlier he had told reporters: “I respect Lena, but these are hard years for our fishermen.”",
		"“I respect Lena, but these are hard years for our fishermen. Our harbour needs a bold new plan. "+
			"We need a very bold plan, and I am just not convinced yet,” Ivo Marsh said.")
	r := Check(st)
	g := groupWith(t, r, "hard years")
	for _, piece := range []string{"I respect Lena", "Our harbour needs"} {
		k := memberWith(g, 0, piece)
		if k < 0 {
			t.Fatalf("the piece %q of the Left Post is not with the whole: %+v", piece, g.Members)
		}
		if k == 0 {
			continue
		}
		if cs := Changes(g.Diffs[k-1].Ops); len(cs) > 0 {
			t.Errorf("the piece %q is shown as a rewording of %q: %v", piece, g.Members[0].Text, cs)
		}
	}
	for _, l := range GroupLines(st, g, 1, 100) {
		if strings.Contains(l, "changed:") {
			t.Errorf("a piece of the quotation is shown as changed: %q", l)
		}
	}
}

// TestTwoWordingsInOneArticleAreTwoQuotations checks that an article that
// quotes two questions alike in their words keeps them apart: an article
// copies a quotation it repeats, so two wordings in one article are two
// quotations, and the other outlet's question is compared with the one it
// gives, not with the other.
func TestTwoWordingsInOneArticleAreTwoQuotations(t *testing.T) {
	st := twoOutlets(
		"The list asked: “What steps were taken to contact Ms. Brink about seeking leniency or a possible pardon?” "+
			"A later question read: “After Captain Brink left, what calls or steps were taken by people close to you to contact Captain Brink or to discuss Brink seeking leniency or a possible pardon?”",
		"Another question read: “What steps were taken to contact Ms. Brink about seeking leniency or a possible pardon?”")
	r := Check(st)
	long := groupWith(t, r, "what calls or steps")
	if len(long.Members) != 1 || !long.OneOutlet {
		t.Errorf("the longer question is grouped with another: %+v", long.Members)
	}
	g := groupWith(t, r, "What steps were taken")
	if len(g.Articles) != 2 {
		t.Fatalf("the question both outlets give is in articles %v, want both", g.Articles)
	}
	for k, d := range g.Diffs {
		if cs := Changes(d.Ops); len(cs) > 0 {
			t.Errorf("%q is shown as a rewording of %q: %v", g.Members[k+1].Text, g.Members[0].Text, cs)
		}
		if dropped, added := DroppedAndAdded(d.Ops); len(dropped)+len(added) > 0 {
			t.Errorf("%q against %q drops %q, adds %q", g.Members[k+1].Text, g.Members[0].Text, dropped, added)
		}
	}
}

// memberWith returns the index of the member of g in article a whose text
// holds s, or -1.
func memberWith(g Group, a int, s string) int {
	for k, m := range g.Members {
		if m.Article == a && strings.Contains(m.Text, s) {
			return k
		}
	}
	return -1
}

// TestHeadingKeepsCountsAndFlags checks that a group's heading cuts a long
// list of speakers, not the counts and flags after it.
func TestHeadingKeepsCountsAndFlags(t *testing.T) {
	g := Group{SpeakersDiffer: true, WordingDiffers: true}
	for a := range 50 {
		g.Articles = append(g.Articles, a)
		g.Members = append(g.Members, Quote{Article: a, Text: "We will not give up the harbour."})
		if a > 0 {
			g.Diffs = append(g.Diffs, Diff{From: 0, To: a})
		}
	}
	for _, s := range []string{"Ivo Marsh", "Lena Quist", "Abel Tarn", "Nora Brink", "Ada Pell", "Tomas Vey", "Rui Salgado"} {
		g.Speakers = append(g.Speakers, s)
	}
	for _, width := range []int{20, 40, 60, 96, 200} {
		head := GroupLines(nil, g, 12, width)[0]
		if w := ansi.StringWidth(head); w > width {
			t.Errorf("width %d: heading %q is %d columns", width, head, w)
		}
		tail := "50 outlets · speakers differ · wording differs"
		switch {
		case width < 40:
			tail = "50 outlets"
		case width < 60:
			tail = "50 outlets · speakers differ"
		}
		if !strings.Contains(head, tail) {
			t.Errorf("width %d: heading %q lacks %q", width, head, tail)
		}
		if !strings.HasPrefix(head, "12  ") {
			t.Errorf("width %d: heading %q lacks its number", width, head)
		}
		if width >= 60 && !strings.Contains(head, "Ivo M") {
			t.Errorf("width %d: heading %q lacks the first speaker", width, head)
		}
		if width == 200 && strings.Contains(head, "…") {
			t.Errorf("width %d: heading %q is cut", width, head)
		}
	}
}

// TestCutComparedWithItsOwnWords checks that a cut of a quotation that
// repeats its words is compared with the run that holds its words in
// their order, not with one that holds the same words in another order.
func TestCutComparedWithItsOwnWords(t *testing.T) {
	r := Check(twoOutlets(
		"“We need a very bold plan, and I am just not convinced yet. I am not convinced yet,” Ivo Marsh said.",
		"“I am not convinced yet,” Ivo Marsh said on Friday."))
	g := groupWith(t, r, "bold plan")
	k := memberWith(g, 1, "I am not convinced yet")
	if k < 1 {
		t.Fatalf("the cut is not with the whole: %+v", g.Members)
	}
	d := g.Diffs[k-1]
	if dropped, added := DroppedAndAdded(d.Ops); len(dropped)+len(added) > 0 || len(Changes(d.Ops)) > 0 {
		t.Errorf("the cut against %q drops %q, adds %q, changes %v", worddiff.A(d.Ops), dropped, added, Changes(d.Ops))
	}
}

// TestCutComparedWithTheWhole checks that when the first outlet gives a
// cut of a quotation another gives whole, the cut is compared with the
// words of the whole it corresponds to: the one word changed shows, not
// the whole's other words matched to the cut's.
func TestCutComparedWithTheWhole(t *testing.T) {
	r := Check(twoOutlets(
		"“And we will win in the High Court,” Ivo Marsh predicted.",
		"“Then we will end up in the High Court, and hopefully we will get a fair hearing, and we will win at the High Court, just like last time,” Ivo Marsh said."))
	g := groupWith(t, r, "win in the High Court")
	if len(g.Members) != 2 {
		t.Fatalf("members %+v, want the cut and the whole", g.Members)
	}
	cs := Changes(g.Diffs[0].Ops)
	if len(cs) != 1 || !hasChange(cs, "at", "in") {
		t.Errorf("%q against %q: changes %v, want at → in", g.Members[1].Text, g.Members[0].Text, cs)
	}
	if !g.WordingDiffers {
		t.Errorf("at/in: wording differs false")
	}
}

// cutCase is a whole quotation (in a) and another outlet's cut of it (in
// b): the groups holding in and cut, and the change lines under the cut.
type cutCase struct {
	name, a, b, in, cut string
	changes             []string // the change lines under the cut, in order
}

// TestCutEdgesAreNotChanges checks that where one outlet's cut of a
// quotation begins or ends is not shown as words dropped or added, when
// the quotation repeats its words: the other outlet's cut is compared
// with the run of the whole it shares, no further, and the words either
// gives beyond the other's cut are no change. A word changed inside the
// shared run still shows.
func TestCutEdgesAreNotChanges(t *testing.T) {
	tests := []cutCase{
		{"a cut that starts a word before the whole",
			"The mayor said the plan was “not about us. It's not about our fishing boats. It's not about our harbour jobs. It's about a better town. A town for the young,” Lena Quist said.",
			"“It's not about us. It's not about our fishing boats. It's not about our harbour jobs,” Lena Quist said of the plan.",
			"better town", "It's not about us", nil},
		{"the same cut with a word changed inside",
			"The mayor said the plan was “not about us. It's not about our fishing boats. It's not about our harbour jobs. It's about a better town. A town for the young,” Lena Quist said.",
			"“It's not about us. It's not about our fishing ships. It's not about our harbour jobs,” Lena Quist said of the plan.",
			"better town", "It's not about us", []string{"changed: boats → ships"}},
		{"a cut that starts a sentence earlier, with the same first word",
			"“I do not believe that that is what we are here for. We are here to care for the coast, to be stewards of it, but not to serve it. And I think many have it upside down,” Ivo Marsh said.",
			"“I think that is a false ideal. I do not believe that is what we are here for. We are here to care for the coast, to be stewards of it,” Ivo Marsh said.",
			"stewards of it", "false ideal", []string{"dropped: that"}},
		{"a cut whose first word the whole repeats",
			"“Our task is to rebuild our harbour and to show that we stand in this together. And to show that the work goes on,” Lena Quist said.",
			"Lena Quist said that “our task is to rebuild this harbour and to show that we stand in this together.”",
			"work goes on", "rebuild this harbour", []string{"changed: our → this"}},
	}
	for _, tt := range tests {
		checkCutChanges(t, tt)
	}
}

// checkCutChanges checks that tt's cut is compared with the whole, that the
// ops rebuild both, and that the change lines under the cut are
// tt.changes; it returns the group, or nil when the cut is not compared.
func checkCutChanges(t *testing.T, tt cutCase) *Group {
	t.Helper()
	st := twoOutlets(tt.a, tt.b)
	g := groupWith(t, Check(st), tt.in)
	k := memberWith(g, 1, tt.cut)
	if k < 1 {
		t.Errorf("%s: the cut is not compared with the whole: %+v", tt.name, g.Members)
		return nil
	}
	d := g.Diffs[k-1]
	whole := g.Members[0].Text
	if d.Window != nil {
		whole = whole[d.Window[0]:d.Window[1]]
	}
	if worddiff.A(d.Ops) != whole || worddiff.B(d.Ops) != g.Members[k].Text {
		t.Errorf("%s: ops %+v do not rebuild %q and %q", tt.name, d.Ops, whole, g.Members[k].Text)
	}
	// wide enough for one line per member: its change lines follow it
	var got []string
	for _, l := range GroupLines(st, g, 1, 1000)[k+2:] {
		if !strings.HasPrefix(l, "      ") {
			break // the next member
		}
		got = append(got, strings.TrimSpace(l))
	}
	if strings.Join(got, "\n") != strings.Join(tt.changes, "\n") {
		t.Errorf("%s: %q against %q (compared with %q) shows %q, want %q",
			tt.name, g.Members[k].Text, g.Members[0].Text, whole, got, tt.changes)
	}
	return &g
}

// The exports mark a member's words as Marked gives them: the words where
// one outlet's cut begins are no insertion, the words inside that differ
// are, and the member's text is whole.
func TestMarkedLeavesCutEdgesPlain(t *testing.T) {
	whole := "The mayor said the plan was “not about us. It's not about our fishing boats. It's not about our harbour jobs. It's about a better town. A town for the young,” Lena Quist said."
	for _, c := range []struct {
		cut   string
		edits []string
	}{
		{"“It's not about us. It's not about our fishing boats. It's not about our harbour jobs,” Lena Quist said of the plan.", nil},
		{"“It's not about us. It's not about our fishing ships. It's not about our harbour jobs,” Lena Quist said of the plan.", []string{"-boats", "+ships"}},
	} {
		st := twoOutlets(whole, c.cut)
		g := groupWith(t, Check(st), "better town")
		k := memberWith(g, 1, "It's not about us")
		if k < 1 {
			t.Fatalf("the cut is not compared with the whole: %+v", g.Members)
		}
		ops := g.Marked(g.Diffs[k-1])
		if worddiff.B(ops) != g.Members[k].Text {
			t.Errorf("marked ops give %q, want the member %q", worddiff.B(ops), g.Members[k].Text)
		}
		var edits []string
		for _, o := range ops {
			switch o.Kind {
			case worddiff.Insert:
				edits = append(edits, "+"+strings.TrimSpace(o.Text))
			case worddiff.Delete:
				edits = append(edits, "-"+strings.TrimSpace(o.Text))
			}
		}
		if strings.Join(edits, " ") != strings.Join(c.edits, " ") {
			t.Errorf("%q: marked edits %q, want %q", c.cut, edits, c.edits)
		}
	}
}

// TestEdgeWordsRewordedAreChanges checks that a cut that begins or ends
// with words the whole gives in other words just outside the stretch both
// give ("We’d" for "We would") shows them as changed, not as words added:
// a contraction does not match its long form word for word, so the
// stretch of the whole the cut is compared with first stops short of it.
// The stretch never takes in words past a sentence end.
func TestEdgeWordsRewordedAreChanges(t *testing.T) {
	whole := "“We would like to see who pays for the new harbour, because they are the ones who will profit from the fishing grounds. " +
		"Others may give up on the fishermen, but we will not,” Ivo Marsh said."
	tests := []cutCase{
		{"a contraction where the cut begins", whole,
			"“We’d like to see who pays for the new harbour,” Ivo Marsh said on Friday.",
			"new harbour", "We’d like", []string{"changed: We would → We’d"}},
		{"a contraction where the cut begins, after a comma", whole,
			"“They're the ones who will profit from the fishing grounds,” Ivo Marsh said on Friday.",
			"new harbour", "They're the ones", []string{"changed: they are → They're"}},
		{"a contraction where the cut ends", whole,
			"“Others may give up on the fishermen, but we won't,” Ivo Marsh said on Friday.",
			"new harbour", "Others may", []string{"changed: will not → won't"}},
		{"a contraction where the cut begins, after a sentence end",
			"“We thank you all. Like to know who pays for the new harbour? The town does,” Ivo Marsh said.",
			"“I’d like to know who pays for the new harbour,” Ivo Marsh said on Friday.",
			"The town does", "I’d like", []string{"added: I’d"}},
	}
	for _, tt := range tests {
		g := checkCutChanges(t, tt)
		if g == nil {
			continue
		}
		if g.WordingDiffers {
			t.Errorf("%s: wording differs, but the words both give are alike", tt.name)
		}
	}
}
