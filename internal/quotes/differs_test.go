package quotes

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// TestWordingDiffersOnlyBetweenOneQuotation checks that "wording differs"
// compares members that give the same words, never two pieces of a
// quotation or two quotations that share a phrase or some words.
func TestWordingDiffersOnlyBetweenOneQuotation(t *testing.T) {
	tests := []struct {
		name, a, b, in string
	}{
		{"a quotation split in two against it whole",
			"“I like the plan, but these are hard times for the town,” Nora Quist said. “We need a steady hand. I am just not there yet.”",
			"“I like the plan, but these are hard times for the town. We need a steady hand. I am just not there yet,” Nora Quist said. She said it again: “Just not there yet.”",
			"hard times"},
		{"two scare quotes taken from one quotation",
			"The mayor called the leak “disgraceful” on Monday.",
			"Critics have cried “corruption” for months. “So disgraceful that the council's questions were leaked to the press. No questions on corruption,” Nora Quist wrote.",
			"So disgraceful"},
		{"two sentences that each hold a phrase the other outlet quotes",
			"“Will the mayor finally say the words rising flood danger? If not she should resign at once!” Abel Tarn wrote.",
			"Tarn warned of “rising flood danger” again. “We must protect every home from rising flood danger, which has no place in a safe town,” Abel Tarn said.",
			"rising flood danger"},
		{"two sentences that share a stock phrase",
			"“No, it is no mistake. Everyone is liking it. I think they are liking it. I give him the most valuable player award. And I give it to him, and I gave the runner-up to Ada. I do not know if you heard that,” Abel Tarn said.",
			"“I do. He was the most valuable player. … He was the founder,” Abel Tarn said.",
			"runner-up"},
		{"an abbreviation's stops",
			"“The E.U. should be fully exempted from these measures,” Nora Quist said.",
			"“The EU should be fully exempted from these measures,” Nora Quist said.",
			"fully exempted"},
		{"a hyphen",
			"“I will impose a ban on state-funded travel to Dallas,” Nora Quist said.",
			"“I will impose a ban on state funded travel to Dallas,” Nora Quist said.",
			"travel to Dallas"},
		{"a word the outlet puts in brackets",
			"“He should pay for it. He has got the money,” Nora Quist said.",
			"“He should pay [for] it. He has got the money,” Nora Quist said.",
			"got the money"},
		{"an outlet that gives the other's version too",
			"After the vote, the letter asked: “What calls or efforts were made by people close to you to reach out to Ada Brink or to discuss Brink seeking a pardon or immunity after she resigned?” Another question read: “What efforts were made to reach out to Ms. Brink about seeking immunity or a possible pardon?”",
			"One question read: “What efforts were made to reach out to Ms. Brink about seeking immunity or a possible pardon?”",
			"What efforts were made"},
		{"a word printed with asterisks",
			"“I am not going to pay for that fucking wall,” Nora Quist said.",
			"“I am not going to pay for that f***ing wall!” Nora Quist said.",
			"going to pay"},
		{"a possessive spelled two ways",
			"“He is becoming Dallas’s best recruiter. They are going door to door,” Nora Quist said.",
			"“He is becoming Dallas’ best recruiter,” Nora Quist said.",
			"best recruiter"},
	}
	for _, tt := range tests {
		r := Check(twoOutlets(tt.a, tt.b))
		g := groupWith(t, r, tt.in)
		if g.WordingDiffers || r.Differing != 0 {
			t.Errorf("%s: wording differs %v, %d differing; want false, 0: %+v", tt.name, g.WordingDiffers, r.Differing, g.Members)
		}
	}
	// the quotation, not a scare quote of it, is what the others are
	// compared with
	r := Check(twoOutlets(tests[1].a, tests[1].b))
	if g := groupWith(t, r, "So disgraceful"); !isQuotation(g.Members[0].Text) {
		t.Errorf("principal member %q is a scare quote", g.Members[0].Text)
	}
}

// TestSharedWordsAreNotOneQuotation checks that two quotations of one
// speaker that share content words but no run of words are two.
func TestSharedWordsAreNotOneQuotation(t *testing.T) {
	r := Check(twoOutlets(
		"“They can look at the polling data, and they can see I am the candidate most likely to beat Ada Brink,” Nora Quist said.",
		"“When I look at somebody like Ada Brink,” Nora Quist said, “I see the past.”"))
	if g := groupWith(t, r, "polling data"); len(g.Members) != 1 || g.WordingDiffers {
		t.Errorf("two quotations in one group: %+v", g.Members)
	}
}

// TestChangesLeaveOutHouseStyle checks that the changes listed between
// two members leave out what "wording differs" does not count.
func TestChangesLeaveOutHouseStyle(t *testing.T) {
	d := worddiff.New()
	for _, tt := range [][2]string{
		{"The E.U. should pay", "The EU should pay"},
		{"a ban on state-funded travel", "a ban on state funded travel"},
		{"that fucking wall", "that f***ing wall"},
	} {
		if cs := Changes(d.Diff(tt[0], tt[1])); len(cs) != 0 {
			t.Errorf("%q → %q: changes %v, want none", tt[0], tt[1], cs)
		}
	}
}

// TestWordingDiffersPastAPieceGivenAlike checks that a piece of a
// quotation given alike does not clear the rest of it: the words dropped
// from the other outlet's whole are still a difference.
func TestWordingDiffersPastAPieceGivenAlike(t *testing.T) {
	r := Check(twoOutlets(
		"“By the way, if she gets to pick her judges, nothing you can do, folks,” Abel Tarn said. She would “abolish the Second Amendment,” he said.",
		"“She wants to abolish — essentially abolish the Second Amendment. By the way, if she gets to pick, if she gets to pick her judges, nothing you can do, folks,” Abel Tarn said."))
	if g := groupWith(t, r, "nothing you can do"); !g.WordingDiffers {
		t.Errorf("a quotation with words dropped inside: wording differs false; members %+v", g.Members)
	}
}
