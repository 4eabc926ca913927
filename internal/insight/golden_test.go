package insight

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
	"github.com/synoptic-news/synoptic/internal/story"
)

var update = flag.Bool("update", false, "rewrite testdata/checks.golden from the current checks")

// goldenStory is one story whose whole-story checks are recorded.
type goldenStory struct {
	name string
	load func() (*corpus.Story, error)
}

func goldenStories() []goldenStory {
	files := func(ps ...string) func() (*corpus.Story, error) {
		return func() (*corpus.Story, error) {
			for i, p := range ps {
				ps[i] = filepath.Join("../../testdata", p)
			}
			return corpus.Load(ps)
		}
	}
	gen := func(size, arts int, seed uint64) func() (*corpus.Story, error) {
		return func() (*corpus.Story, error) {
			return benchdata.Generate(benchdata.Config{Bytes: size, Articles: arts, Seed: seed}).Corpus, nil
		}
	}
	return []goldenStory{
		{"seed", func() (*corpus.Story, error) { return corpus.Default(), nil }},
		{"kestrel-bridge", files("stories/kestrel-bridge")},
		{"escape", files("hostile/escape-a.txt", "hostile/escape-b.txt")},
		{"inject", files("hostile/inject-a.md", "hostile/inject-b.html", "hostile/inject-c.json")},
		{"encodings", files("hostile/bom-crlf.txt", "hostile/utf16le.txt", "hostile/utf16be.txt", "hostile/invalid-utf8.txt")},
		{"broken", files("hostile/broken.html", "hostile/escape-a.txt")},
		{"mixed-good", files("hostile/mixed/a-good.txt", "hostile/mixed/b-good.md", "hostile/single/only.txt")},
		{"gen-10KB-2", gen(benchdata.KB10, 2, benchdata.Seed)},
		{"gen-10KB-5", gen(benchdata.KB10, 5, 7)},
		{"gen-100KB-2", gen(benchdata.KB100, 2, benchdata.Seed)},
		{"gen-100KB-3", gen(benchdata.KB100, 3, 11)},
		{"gen-1MB-2", gen(benchdata.MB1, 2, benchdata.Seed)},
	}
}

// TestGoldenChecks holds every whole-story check (the report the reader and
// the exports show) to its recorded output on the seed story, the test
// stories and generated ones: a change meant to make the checks faster
// must not change what they find. The record is a SHA-256 of the report's
// JSON and of the story it was computed on, so that a change of the
// aligner shows as such. With -update it is rewritten.
func TestGoldenChecks(t *testing.T) {
	path := filepath.Join("testdata", "checks.golden")
	want := map[string][2]string{}
	if !*update {
		b, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(strings.TrimSpace(string(b)), "\n") {
			f := strings.Fields(l)
			if len(f) != 3 {
				t.Fatalf("bad golden line %q", l)
			}
			want[f[0]] = [2]string{f[1], f[2]}
		}
	}
	var out bytes.Buffer
	for _, g := range goldenStories() {
		cs, err := g.load()
		if err != nil {
			t.Fatalf("%s: %v", g.name, err)
		}
		st := story.Build(cs, story.DefaultOptions())
		var sb bytes.Buffer
		if err := st.WriteJSON(&sb); err != nil {
			t.Fatal(err)
		}
		rb, err := json.MarshalIndent(Analyze(st), "", " ")
		if err != nil {
			t.Fatal(err)
		}
		got := [2]string{digest(sb.Bytes()), digest(rb)}
		fmt.Fprintf(&out, "%s %s %s\n", g.name, got[0], got[1])
		if *update {
			continue
		}
		w, ok := want[g.name]
		switch {
		case !ok:
			t.Errorf("%s: not in %s (run with -update)", g.name, path)
		case w[0] != got[0]:
			t.Errorf("%s: the story itself changed (segmenting or alignment), so the checks cannot be compared; check the checks by other means, then -update", g.name)
		case w[1] != got[1]:
			dump := filepath.Join(os.TempDir(), "checks-"+g.name+".json")
			os.WriteFile(dump, rb, 0o644)
			t.Errorf("%s: the checks changed (report written to %s)", g.name, dump)
		}
	}
	if *update {
		if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func digest(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:12])
}
