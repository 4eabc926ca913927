package view

import "testing"

func TestFolded(t *testing.T) {
	for _, c := range [][2]string{
		{"Short teaser […]", "Short teaser […] (folded: the paragraphs under it repeat it)"},
		{"one two three four five six seven eight nine ten eleven twelve thirteen", "one two three four five six seven eight nine ten eleven twelve … (folded: the paragraphs under it repeat it)"},
		{"one two three four five six seven eight nine ten eleven twelve", "one two three four five six seven eight nine ten eleven twelve (folded: the paragraphs under it repeat it)"},
	} {
		if got := Folded(c[0]); got != c[1] {
			t.Errorf("Folded(%q) = %q, want %q", c[0], got, c[1])
		}
	}
}
