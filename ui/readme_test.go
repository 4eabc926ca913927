package ui

import (
	"os"
	"strings"
	"testing"
	"unicode/utf8"
)

// readme returns the repository's README.
func readme(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatalf("README: %v", err)
	}
	return string(b)
}

// TestREADMEScreen: the README's picture of the reader is the screen the
// seed story shows at 160x32 after n n (event 5), as it is today.
func TestREADMEScreen(t *testing.T) {
	doc := readme(t)
	const open = "```\n synoptic · "
	i := strings.Index(doc, open)
	if i < 0 {
		t.Fatal("README: no screen of the reader (a block opening with \" synoptic · \")")
	}
	block := doc[i+len("```\n"):]
	block = block[:strings.Index(block, "```")]
	m := newModel(t, seed(t), 160, 32)
	press(m, "n", "n")
	var screen []string
	for _, ln := range strings.Split(plain(m.View()), "\n") {
		screen = append(screen, strings.TrimRight(ln, " "))
	}
	got := strings.Join(screen, "\n") + "\n"
	if got != block {
		t.Errorf("the README's screen is not the reader's; put this in README.md:\n%s", got)
	}
}

// TestREADMEKeys: the README's key table names every key the full help
// lists.
func TestREADMEKeys(t *testing.T) {
	doc := readme(t)
	var table []string
	for _, ln := range strings.Split(doc, "\n") {
		if strings.HasPrefix(ln, "| `") {
			table = append(table, ln)
		}
	}
	if len(table) < 10 {
		t.Fatalf("README: the key table has %d rows", len(table))
	}
	all := strings.Join(table, "\n")
	lower := strings.ToLower(all) // PgDn, Home: names of more than a letter
	km := DefaultKeyMap()
	for _, col := range km.FullHelp() {
		for _, b := range col {
			k := b.Help().Key
			names := []string{k}
			if k != "/" {
				names = strings.Split(k, "/")
			}
			for _, name := range names {
				name = strings.Split(name, " … ")[0]
				want, in := "`"+name+"`", all
				if utf8.RuneCountInString(name) > 1 {
					want, in = strings.ToLower(want), lower
				}
				if name == "wheel" {
					want = "mouse wheel"
				}
				if !strings.Contains(in, want) {
					t.Errorf("the README's key table lacks %s (%s: %s)", want, k, b.Help().Desc)
				}
			}
		}
	}
}
