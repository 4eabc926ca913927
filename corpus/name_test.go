package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestStoryNameSaysWhatItIsAbout(t *testing.T) {
	dir := t.TempDir()
	for _, sub := range []string{"md", "kestrel-bridge", "2019"} {
		if err := os.Mkdir(filepath.Join(dir, sub), 0o755); err != nil {
			t.Fatal(err)
		}
	}
	picked := filepath.Join(dir, "kestrel-bridge")
	for _, n := range []string{"a.txt", "b.txt", "c.txt", "d.md", "gold_a_b.json", ".hidden.txt"} {
		if err := os.WriteFile(filepath.Join(picked, n), []byte("x"), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	at := func(names ...string) []string {
		var out []string
		for _, n := range names {
			out = append(out, filepath.Join(picked, n))
		}
		return out
	}
	heads := []Article{
		{Title: "North Korea vows to back Russia until victory"},
		{Paras: []Para{{Text: "North Korea promises Russia support", Hint: HintTitle}}},
		{Paras: []Para{{Text: "Kim's envoy in Moscow: North Korea stands by Russia"}, {Text: "Body."}}},
	}
	cases := []struct {
		paths []string
		arts  []Article
		given string
		want  string
	}{
		{[]string{filepath.Join(dir, "md")}, heads, "", "north-korea-russia"},
		{[]string{filepath.Join(dir, "2019", "a.md"), "b.md"}, heads, "", "north-korea-russia"},
		{[]string{filepath.Join(dir, "kestrel-bridge")}, heads, "", "kestrel-bridge"},
		// most articles of the folder: the folder
		{at("a.txt", "b.txt", "c.txt", "d.md"), heads, "", "kestrel-bridge"},
		{at("a.txt", "b.txt", "c.txt"), heads, "", "kestrel-bridge"},
		// two of its four: the folder may hold more than this story
		{at("a.txt", "b.txt"), heads, "", "north-korea-russia"},
		{[]string{filepath.Join(dir, "md")}, heads, "  Korea, 1 Nov ", "Korea, 1 Nov"},
		{[]string{"https://example.org/a", "-"}, heads[:1], "", "north-korea-vows-back-russia"},
		{[]string{"-", "-"}, []Article{{Paras: []Para{{Text: "A sentence of reporting that ends."}}}}, "", "story"},
	}
	for _, c := range cases {
		if got := storyName(c.paths, c.arts, c.given); got != c.want {
			t.Errorf("storyName(%q, %q) = %q, want %q", c.paths, c.given, got, c.want)
		}
	}
}

// The example story's translated report, whose file name is an identifier
// and whose text names no outlet, is not "Article 1".
func TestSeedArticlesAreNamed(t *testing.T) {
	for _, a := range Default().Articles {
		if a.Outlet == "" || strings.HasPrefix(a.Outlet, "Article ") {
			t.Errorf("%s: outlet %q", a.Path, a.Outlet)
		}
	}
}
