package story

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/segment"
)

// seedGold is an editor's pairing of the seed story's paragraphs, in the
// dev set's gold format: snippets are paragraph openings.
type seedGold struct {
	A      string      `json:"a"`
	B      string      `json:"b"`
	Should [][2]string `json:"should"`
	AOnly  []string    `json:"a_only"`
	BOnly  []string    `json:"b_only"`
}

// snippetNorm makes an opening comparable across typography.
var snippetNorm = strings.NewReplacer("\u2018", "'", "\u2019", "'", "\u201c", `"`, "\u201d", `"`, "\u00a0", " ")

// blockOf is the one block of article a that opens with snippet.
func blockOf(t *testing.T, st *Story, a int, snippet string) int {
	t.Helper()
	want := strings.ToLower(snippetNorm.Replace(snippet))
	found := -1
	for i, b := range st.Articles[a].Blocks {
		if strings.HasPrefix(strings.ToLower(snippetNorm.Replace(b.Text)), want) {
			if found >= 0 {
				t.Fatalf("snippet %q opens blocks %d and %d of article %d", snippet, found, i, a)
			}
			found = i
		}
	}
	if found < 0 {
		t.Fatalf("snippet %q opens no block of article %d (%s)", snippet, a, st.Articles[a].Path)
	}
	return found
}

// eventOf is the index of the event holding block i of article a.
func eventOf(t *testing.T, st *Story, a, i int) int {
	t.Helper()
	for k, e := range st.Events {
		for _, j := range e.Blocks[a] {
			if j == i {
				return k
			}
		}
	}
	t.Fatalf("block %d of article %d is in no event", i, a)
	return -1
}

// TestSeedGold checks the aligner against an editor's reading of the seed
// story: the pairs an editor makes are in one event, and the paragraphs only
// one outlet reports, and the captions, stay one-sided.
func TestSeedGold(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("..", "..", "testdata", "gold", "seed.json"))
	if err != nil {
		t.Fatal(err)
	}
	var g seedGold
	if err := json.Unmarshal(data, &g); err != nil {
		t.Fatalf("testdata/gold/seed.json: %v", err)
	}
	if len(g.Should) == 0 || len(g.AOnly)+len(g.BOnly) == 0 {
		t.Fatal("testdata/gold/seed.json holds no pairs or no one-sided paragraphs")
	}
	st := Build(corpus.Default(), DefaultOptions())
	if len(st.Articles) != 2 || st.Articles[0].Path != g.A || st.Articles[1].Path != g.B {
		t.Fatalf("seed story is not %s vs %s", g.A, g.B)
	}
	for _, p := range g.Should {
		i, j := blockOf(t, st, 0, p[0]), blockOf(t, st, 1, p[1])
		if ka, kb := eventOf(t, st, 0, i), eventOf(t, st, 1, j); ka != kb {
			t.Errorf("%q (event %d) and %q (event %d) should be one event", p[0], ka, p[1], kb)
		}
	}
	for side, list := range [][]string{g.AOnly, g.BOnly} {
		for _, s := range list {
			i := blockOf(t, st, side, s)
			e := st.Events[eventOf(t, st, side, i)]
			if e.Kind == Shared {
				t.Errorf("%q should stay one-sided, but event %v pairs it", s, e.Blocks)
			}
		}
	}
	// every caption, whether or not the gold names it
	captions := 0
	for a, art := range st.Articles {
		for i, b := range art.Blocks {
			if b.Kind != segment.Caption {
				continue
			}
			captions++
			if e := st.Events[eventOf(t, st, a, i)]; e.Kind == Shared {
				t.Errorf("caption %d of article %d %.40q is paired: event %v", i, a, b.Text, e.Blocks)
			}
		}
	}
	if captions < 3 {
		t.Errorf("the seed story has %d captions, want its 3 photo captions", captions)
	}
}
