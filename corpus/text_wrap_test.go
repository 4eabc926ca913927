package corpus

import (
	"strings"
	"testing"
)

func TestShortLineAboveLongLineIsTwoParagraphs(t *testing.T) {
	text := "First paragraph of the piece, long enough to stand as a line.\n\n" +
		"See also  A related story about something else entirely here\n" +
		"In this photo provided by the city, workers repair the bridge deck on the north side of the river, as traffic waits at the toll gate. (City Press Office via AP)\n"
	a := parseText(text)
	if len(a.Paras) != 3 {
		t.Fatalf("got %d paragraphs, want 3: %q", len(a.Paras), a.Paras)
	}
	wrapped := parseText("Para one.\n\nThis paragraph was wrapped by an editor at about\nsixty columns, as mail and old files often are, so\nits lines join.\n")
	if len(wrapped.Paras) != 2 {
		t.Fatalf("wrapped paragraph split: %q", wrapped.Paras)
	}
}

// A wrapper breaks a line early when the next word is long, so the last
// line of a two-line paragraph can be longer than the first by more than a
// few characters; the paragraph still must not split mid-sentence.
func TestWrappedParagraphWithLongLastLineStaysWhole(t *testing.T) {
	text := "Headline of the piece\n\n" +
		"\"This is the most important transport decision in a\n" +
		"generation,\" council leader Ruth Ambler told the chamber.\n"
	a := parseText(text)
	if len(a.Paras) != 2 {
		t.Fatalf("got %d paragraphs, want 2: %q", len(a.Paras), a.Paras)
	}
	if want := "\"This is the most important transport decision in a generation,\" council leader Ruth Ambler told the chamber."; a.Paras[1].Text != want {
		t.Errorf("paragraph = %q, want %q", a.Paras[1].Text, want)
	}
}

// Lines that each end a sentence are not taken for a wrapped paragraph on
// the evidence of their widths alone: each may be a paragraph of its own.
func TestSentenceLinesNotJoinedByWidth(t *testing.T) {
	text := "Headline of the piece\n\n" +
		"The council approved the plan on Monday night after a long debate.\n" +
		"Opponents said the plan was far too costly for a town like ours to pay for.\n"
	if a := parseText(text); len(a.Paras) != 3 {
		t.Errorf("got %d paragraphs, want 3: %q", len(a.Paras), a.Paras)
	}
}

// A line that ends in a semicolon runs on into the short line under it: a
// headline printed over two lines at its semicolon is one paragraph. A
// long line under it (a lede) or a list item stands alone.
func TestLineAfterSemicolonRunsOn(t *testing.T) {
	lede := "The Bay Ferry Company said on Friday that a second buyer had withdrawn its offer for the island service, leaving the sale on hold until the spring at the earliest and the crossings' future unclear."
	for _, c := range []struct {
		name, text string
		want       []string
	}{
		{"blocks", "Ferry sale blocked again; \nSecond buyer walks away from the island service.\n\n" + lede + "\n",
			[]string{"Ferry sale blocked again; Second buyer walks away from the island service.", lede}},
		{"lines", "Ferry sale blocked again;\nSecond buyer walks away from the island service.\n" + lede + "\n",
			[]string{"Ferry sale blocked again; Second buyer walks away from the island service.", lede}},
		{"lede", "Ferry sale blocked again;\n" + lede + "\n",
			[]string{"Ferry sale blocked again;", lede}},
		{"list", "Ferry sale terms:\n\nThe buyer must:\n- keep six crossings;\n- keep the crews.\n",
			[]string{"Ferry sale terms:", "The buyer must:", "- keep six crossings;", "- keep the crews."}},
	} {
		var got []string
		for _, p := range parseText(c.text).Paras {
			got = append(got, p.Text)
		}
		if strings.Join(got, "|") != strings.Join(c.want, "|") {
			t.Errorf("%s: paragraphs %q, want %q", c.name, got, c.want)
		}
	}
}
