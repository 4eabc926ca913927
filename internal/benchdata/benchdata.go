// Package benchdata generates large synthetic stories for benchmarks and the
// peer comparison: wire-style news prose, from a fixed seed, with no network
// and no system dictionary. Article 0 is the base report; every other article
// retells it the way a second outlet would: about 20% of its paragraphs moved,
// about 10% of its words rewritten (synonyms, other names and figures, added
// fillers), about 5% of the paragraphs dropped and about 5% new ones added,
// and, in every other article, straight quotes for curly ones. The true
// paragraph matching is recorded, so an aligner can be scored against it.
// PeakLive measures the live heap a step needs, for the benchmarks and tests
// of memory.
package benchdata

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/synoptic-news/synoptic/corpus"
)

// Sizes per article (per side) used by the benchmarks and bench/compare.sh.
const (
	KB10  = 10 << 10
	KB100 = 100 << 10
	MB1   = 1 << 20
	MB10  = 10 << 20
)

// Seed is the fixed seed the benchmarks use.
const Seed = 20241101

// Config says what to generate.
type Config struct {
	Bytes    int    // approximate size of each article in bytes (at least one paragraph)
	Articles int    // number of articles, 2 to 100
	Seed     uint64 // the same seed gives the same story
	// Rates of the retelling; zero values take the defaults above.
	Move, Rewrite, Drop, Add float64
}

// Story is a generated story with its true paragraph matching.
type Story struct {
	Corpus *corpus.Story
	// Truth[a][i] is the index of the paragraph of article 0 that paragraph
	// i of article a retells, or -1 when article 0 lacks it (a new
	// paragraph, or the date line of a later article). Truth[0][i] == i.
	Truth [][]int
}

// Generate builds the story cfg describes. It is deterministic.
func Generate(cfg Config) *Story {
	if cfg.Articles < 2 {
		cfg.Articles = 2
	}
	if cfg.Articles > maxArticles {
		cfg.Articles = maxArticles
	}
	if cfg.Move == 0 {
		cfg.Move = 0.20
	}
	if cfg.Rewrite == 0 {
		cfg.Rewrite = 0.10
	}
	if cfg.Drop == 0 {
		cfg.Drop = 0.05
	}
	if cfg.Add == 0 {
		cfg.Add = 0.05
	}
	r := &rng{s: cfg.Seed*0x9E3779B97F4A7C15 + 1}
	g := &gen{r: r}
	// Real coverage names more people and places the longer it runs: one
	// surname and one place per ~2 paragraphs, so a rare name is a clue to
	// the paragraph as in real text, not a word shared by hundreds.
	n := max(64, cfg.Bytes/900)
	g.surnames = g.coin(n, []string{"", "", "ov", "ic", "ani", "ez", "sson", "elli", "ski", "ard"})
	g.towns = g.coin(n, []string{"", "a", "holm", "grad", "ville", "burg", " Falls", "stad", "ovo", " Bay"})
	place := g.pick(places)
	base := corpus.Article{Outlet: outlets[0], Date: "2026-03-14", Section: "World"}
	base.Paras = append(base.Paras,
		corpus.Para{Text: "date 2026-03-14 World", Hint: corpus.HintMeta},
		corpus.Para{Text: g.headline(place)})
	size := len(base.Paras[0].Text) + len(base.Paras[1].Text)
	for size < cfg.Bytes || len(base.Paras) < 3 {
		p := g.paragraph()
		base.Paras = append(base.Paras, corpus.Para{Text: p})
		size += len(p) + 1
	}
	st := &Story{Corpus: &corpus.Story{Name: fmt.Sprintf("synthetic-%d", cfg.Bytes)}}
	st.Corpus.Articles = append(st.Corpus.Articles, base)
	truth0 := make([]int, len(base.Paras))
	for i := range truth0 {
		truth0[i] = i
	}
	st.Truth = append(st.Truth, truth0)
	for a := 1; a < cfg.Articles; a++ {
		art, truth := g.retell(base, a, cfg)
		st.Corpus.Articles = append(st.Corpus.Articles, art)
		st.Truth = append(st.Truth, truth)
	}
	return st
}

// retell writes article a as another outlet's version of base.
func (g *gen) retell(base corpus.Article, a int, cfg Config) (corpus.Article, []int) {
	art := corpus.Article{Outlet: outletName(a), Date: base.Date, Section: base.Section}
	type para struct {
		text string
		src  int
	}
	var body []para
	for i := 2; i < len(base.Paras); i++ {
		if g.r.float() < cfg.Drop {
			continue
		}
		body = append(body, para{g.rewrite(base.Paras[i].Text, cfg.Rewrite), i})
	}
	// New paragraphs go in at random places, and a share of the paragraphs
	// is lifted out and put back at random places: both in one pass, as
	// repeated insertion is quadratic at 10 MB.
	var moved []para
	for k := int(float64(len(base.Paras)-2)*cfg.Add + 0.5); k > 0; k-- {
		moved = append(moved, para{g.paragraph(), -1})
	}
	if n := int(float64(len(body)+len(moved))*cfg.Move + 0.5); n > 0 && len(body) > 1 {
		lift := make([]bool, len(body))
		for k := 0; k < n && k < len(body)-1; {
			if i := g.r.intn(len(body)); !lift[i] {
				lift[i] = true
				k++
			}
		}
		kept := body[:0:0]
		for i, p := range body {
			if lift[i] {
				moved = append(moved, p)
			} else {
				kept = append(kept, p)
			}
		}
		body = kept
	}
	// Each moved paragraph goes before kept paragraph at[i] (len: at the end).
	at := make([]int, len(moved))
	for i := range moved {
		at[i] = g.r.intn(len(body) + 1)
	}
	slot := make([][]para, len(body)+1)
	for i, p := range moved {
		slot[at[i]] = append(slot[at[i]], p)
	}
	merged := make([]para, 0, len(body)+len(moved))
	for i := 0; i <= len(body); i++ {
		merged = append(merged, slot[i]...)
		if i < len(body) {
			merged = append(merged, body[i])
		}
	}
	body = merged
	art.Paras = append(art.Paras,
		corpus.Para{Text: "date 2026-03-14 World", Hint: corpus.HintMeta},
		corpus.Para{Text: g.rewrite(base.Paras[1].Text, 0.3)})
	truth := []int{-1, 1}
	for _, p := range body {
		art.Paras = append(art.Paras, corpus.Para{Text: p.text})
		truth = append(truth, p.src)
	}
	if a%2 == 1 {
		for i := range art.Paras {
			art.Paras[i].Text = straight.Replace(art.Paras[i].Text)
		}
	}
	return art, truth
}

var straight = strings.NewReplacer("“", `"`, "”", `"`, "‘", "'", "’", "'", "—", "-")

// rewrite changes about rate of the words of text: a synonym, another word
// of the same class, another figure, or an added filler word.
func (g *gen) rewrite(text string, rate float64) string {
	words := strings.Split(text, " ")
	out := make([]string, 0, len(words)+4)
	for _, w := range words {
		if g.r.float() >= rate {
			out = append(out, w)
			continue
		}
		core := strings.TrimRight(w, ".,;:!?”’\"'")
		tail := w[len(core):]
		switch {
		case synonyms[core] != "":
			out = append(out, synonyms[core]+tail)
		case inList(nouns, core):
			out = append(out, g.pick(nouns)+tail)
		case inList(adjectives, core):
			out = append(out, g.pick(adjectives)+tail)
		case inList(verbs, core):
			out = append(out, g.pick(verbs)+tail)
		case core != "" && core[0] >= '0' && core[0] <= '9':
			out = append(out, g.number()+tail)
		case g.r.float() < 0.5:
			out = append(out, g.pick(fillers), w)
		default:
			out = append(out, w)
		}
	}
	return strings.Join(out, " ")
}

func inList(list []string, w string) bool {
	for _, x := range list {
		if x == w {
			return true
		}
	}
	return false
}

type gen struct {
	r               *rng
	surnames, towns []string // coined names, many more than the fixed lists
}

// coin makes n distinct capitalised names of two or three syllables.
func (g *gen) coin(n int, suffixes []string) []string {
	const cons, vow = "bdfgklmnprstvz", "aeiou"
	seen := make(map[string]bool, n)
	out := make([]string, 0, n)
	for len(out) < n {
		var b strings.Builder
		for k := 2 + g.r.intn(2); k > 0; k-- {
			b.WriteByte(cons[g.r.intn(len(cons))])
			b.WriteByte(vow[g.r.intn(len(vow))])
		}
		if g.r.intn(2) == 0 {
			b.WriteByte(cons[g.r.intn(len(cons))])
		}
		w := capital(b.String()) + suffixes[g.r.intn(len(suffixes))]
		if !seen[w] {
			seen[w] = true
			out = append(out, w)
		}
	}
	return out
}

func (g *gen) pick(list []string) string { return list[g.r.intn(len(list))] }

func (g *gen) person() string {
	if g.r.intn(4) == 0 {
		return g.pick(firstNames) + " " + g.pick(lastNames)
	}
	return g.pick(firstNames) + " " + g.pick(g.surnames)
}

func (g *gen) place() string {
	if g.r.intn(3) == 0 {
		return g.pick(places)
	}
	return g.pick(g.towns)
}

func (g *gen) number() string {
	n := 2 + g.r.intn(60000)
	if g.r.intn(3) == 0 {
		n = 2 + g.r.intn(400)
	}
	s := strconv.Itoa(n)
	if len(s) > 3 {
		s = s[:len(s)-3] + "," + s[len(s)-3:]
	}
	return s
}

func (g *gen) headline(place string) string {
	return fmt.Sprintf("%s %s %s %s as %s %s", place, g.pick(bodies[:4])[4:], g.pick(verbs), g.pick(nouns),
		g.pick(roles), g.pick([]string{"vows to fight on", "calls for calm", "warns of delays", "seeks support"}))
}

// paragraph writes one paragraph of three to five sentences about one person
// in one place.
func (g *gen) paragraph() string {
	who, role, where := g.person(), g.pick(roles), g.place()
	sents := 3 + g.r.intn(3)
	var b strings.Builder
	for s := 0; s < sents; s++ {
		if s > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(g.sentence(s, who, role, where))
	}
	return b.String()
}

func (g *gen) sentence(s int, who, role, where string) string {
	last := who[strings.LastIndexByte(who, ' ')+1:]
	if s == 0 {
		return fmt.Sprintf("%s, the %s of %s, %s the %s %s on %s, %s.", who, role, where, g.pick(verbs),
			g.pick(adjectives), g.pick(nouns), g.pick(days), g.pick([]string{
				"a day after talks in " + g.place() + " broke down",
				"saying it would affect " + g.number() + " " + g.pick(units),
				"according to " + g.pick(bodies),
				"in a move that surprised many observers",
			}))
	}
	switch g.r.intn(8) {
	case 0:
		return fmt.Sprintf("“We will not accept a %s %s that leaves %s %s without %s,” %s %s.",
			g.pick(adjectives), g.pick(nouns), g.number(), g.pick(units), g.pick(nouns), last, g.pick(speechVerbs))
	case 1:
		return fmt.Sprintf("%s said that %s %s had been affected by the %s in %s since %s %d.",
			capital(g.pick(bodies)), g.number(), g.pick(units), g.pick(nouns), where, g.pick(months), 1+g.r.intn(28))
	case 2:
		return fmt.Sprintf("The %s followed weeks of %s %s between %s and %s, where officials %s %s a %s last %s.",
			g.pick(nouns), g.pick(adjectives), g.pick(nouns), where, g.pick(places), g.pick(adverbs), g.pick(verbs),
			g.pick(nouns), g.pick(days))
	case 3:
		return fmt.Sprintf("Critics %s %s the move, arguing that the %s would cost more than %s %s.",
			g.pick(adverbs), g.pick(verbs), g.pick(nouns), g.number(), g.pick([]string{"euros", "dollars", "crowns"}))
	case 4:
		return fmt.Sprintf("According to %s, the %s %s is expected to begin in %s and to last about %d weeks.",
			g.pick(bodies), g.pick(adjectives), g.pick(nouns), g.pick(months), 2+g.r.intn(30))
	case 5:
		return fmt.Sprintf("“This is a %s moment for %s,” %s %s, adding that the %s was “%s but necessary.”",
			g.pick(adjectives), where, last, g.pick(speechVerbs), g.pick(nouns), g.pick(adjectives))
	case 6:
		return fmt.Sprintf("The %s %s was %s by %s after a %s session that ended shortly before midnight.",
			g.pick(adjectives), g.pick(nouns), g.pick(verbs), g.pick(bodies), g.pick(adjectives))
	default:
		return fmt.Sprintf("Neither %s nor %s %s the figures — about %s %s — which could not be independently verified.",
			where, g.pick(places), g.pick(verbs), g.number(), g.pick(units))
	}
}

func capital(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// rng is splitmix64: small, fast, and the same sequence on every Go release.
type rng struct{ s uint64 }

func (r *rng) next() uint64 {
	r.s += 0x9E3779B97F4A7C15
	z := r.s
	z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9
	z = (z ^ (z >> 27)) * 0x94D049BB133111EB
	return z ^ (z >> 31)
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *rng) float() float64 { return float64(r.next()>>11) / (1 << 53) }

// Text is article a as a plain-text file: one paragraph per line, the way
// corpus reads it back into the same paragraphs.
func (st *Story) Text(a int) string {
	var b strings.Builder
	for _, p := range st.Corpus.Articles[a].Paras {
		b.WriteString(p.Text)
		b.WriteByte('\n')
	}
	return b.String()
}

// Pairs returns the texts of the paragraphs of article 0 and article a that
// the truth pairs, in article a's order.
func (st *Story) Pairs(a int) [][2]string {
	var out [][2]string
	for i, src := range st.Truth[a] {
		if src >= 0 && a > 0 {
			out = append(out, [2]string{st.Corpus.Articles[0].Paras[src].Text, st.Corpus.Articles[a].Paras[i].Text})
		}
	}
	return out
}

// WriteFiles writes each article to dir as NN.txt and the truth to gold.json
// (a name corpus.Load skips in a folder), and returns the article paths in order.
func (st *Story) WriteFiles(dir string) ([]string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("benchdata: %w", err)
	}
	var paths []string
	for a := range st.Corpus.Articles {
		p := filepath.Join(dir, fmt.Sprintf("%02d.txt", a))
		if err := os.WriteFile(p, []byte(st.Text(a)), 0o644); err != nil {
			return nil, fmt.Errorf("benchdata: %w", err)
		}
		paths = append(paths, p)
	}
	tj, err := json.Marshal(st.Truth)
	if err != nil {
		return nil, fmt.Errorf("benchdata: %w", err)
	}
	if err := os.WriteFile(filepath.Join(dir, "gold.json"), tj, 0o644); err != nil {
		return nil, fmt.Errorf("benchdata: %w", err)
	}
	return paths, nil
}

// maxArticles is the most articles a generated story has.
const maxArticles = 100

// outletName names article a's outlet: the list's names, then the same
// names numbered ("Northern Ledger 2"), as a wire story picked up by many
// outlets is.
func outletName(a int) string {
	if a < len(outlets) {
		return outlets[a]
	}
	return outlets[a%len(outlets)] + " " + strconv.Itoa(a/len(outlets)+1)
}
