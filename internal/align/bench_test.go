package align

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// benchRand is a small deterministic generator (xorshift), so the synthetic
// stories are the same on every machine and Go version.
type benchRand struct{ s uint64 }

func (r *benchRand) next() uint64 {
	r.s ^= r.s << 13
	r.s ^= r.s >> 7
	r.s ^= r.s << 17
	return r.s
}

func (r *benchRand) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *benchRand) pick(list []string) string { return list[r.intn(len(list))] }

var (
	benchFirst = []string{"Anna", "Boris", "Carla", "David", "Elena", "Farid", "Grace", "Hiro", "Ines", "Jonas",
		"Karim", "Lena", "Marco", "Nadia", "Oleg", "Priya", "Quentin", "Rosa", "Samir", "Tomas", "Ursula", "Viktor"}
	benchLast = []string{"Alvarez", "Brandt", "Chen", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanov",
		"Jensen", "Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi", "Sato", "Tanaka"}
	benchPlaces = []string{"Lisbon", "Kharkiv", "Mombasa", "Valparaiso", "Gdansk", "Tbilisi", "Porto Alegre",
		"Da Nang", "Tromso", "Aleppo", "Cebu", "Leipzig", "Arequipa", "Kazan", "Durban", "Bilbao"}
	benchOrgs = []string{"the ministry of finance", "the central bank", "the port authority", "the national guard",
		"the electoral commission", "the health ministry", "the transport union", "the energy regulator"}
	benchNouns = []string{"budget", "ceasefire", "pipeline", "tariff", "election", "reform", "strike", "treaty",
		"harvest", "bridge", "vaccine", "loan", "border", "reactor", "railway", "subsidy", "inquiry", "flood",
		"convoy", "summit", "contract", "verdict", "protest", "shipment", "quota", "deficit", "airport", "drought"}
	benchAdjs = []string{"disputed", "temporary", "regional", "emergency", "long-delayed", "controversial",
		"provisional", "sweeping", "modest", "unexpected", "costly", "secret", "public", "narrow"}
	benchVerbs = []string{"approve", "suspend", "review", "expand", "block", "finance", "delay", "cancel",
		"investigate", "restore", "extend", "reject", "announce", "defend"}
	benchSaid = []string{"said", "told reporters", "said in a statement", "wrote on social media", "told a news conference"}
	// synonyms a second outlet uses when it rewrites a word
	benchSyn = map[string]string{"said": "stated", "approve": "endorse", "suspend": "halt", "delay": "postpone",
		"budget": "spending plan", "reform": "overhaul", "strike": "walkout", "protest": "demonstration",
		"costly": "expensive", "secret": "confidential", "announce": "unveil", "reject": "turn down",
		"temporary": "interim", "investigate": "probe", "cancel": "scrap", "expand": "enlarge"}
)

// benchSentence is one wire-style sentence with names, places and figures.
func benchSentence(r *benchRand) string {
	name := r.pick(benchFirst) + " " + r.pick(benchLast)
	n := r.intn(900) + 10
	switch r.intn(5) {
	case 0:
		return fmt.Sprintf("%s %s on %s that %s would %s the %s %s in %s.", name, r.pick(benchSaid),
			r.pick([]string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday"}), r.pick(benchOrgs),
			r.pick(benchVerbs), r.pick(benchAdjs), r.pick(benchNouns), r.pick(benchPlaces))
	case 1:
		return fmt.Sprintf("“We will not %s this %s,” %s %s, adding that %d people had signed a petition.",
			r.pick(benchVerbs), r.pick(benchNouns), name, r.pick(benchSaid), n*10)
	case 2:
		return fmt.Sprintf("The %s %s, worth about $%d.%d million, was first proposed in %s in %d.",
			r.pick(benchAdjs), r.pick(benchNouns), n, r.intn(10), r.pick(benchPlaces), 1990+r.intn(35))
	case 3:
		return fmt.Sprintf("Officials in %s said the %s could %s the %s by %d percent.", r.pick(benchPlaces),
			r.pick(benchNouns), r.pick(benchVerbs), r.pick(benchNouns), r.intn(90)+5)
	}
	return fmt.Sprintf("According to %s, %s met %s %s in %s to discuss the %s %s.", r.pick(benchOrgs), name,
		r.pick(benchFirst), r.pick(benchLast), r.pick(benchPlaces), r.pick(benchAdjs), r.pick(benchNouns))
}

func benchParagraph(r *benchRand) string {
	k := 5 + r.intn(4)
	s := make([]string, k)
	for i := range s {
		s[i] = benchSentence(r)
	}
	return strings.Join(s, " ")
}

// benchRewrite retells a paragraph: about one word in ten replaced by a
// synonym, sometimes a sentence dropped or the sentences swapped.
func benchRewrite(r *benchRand, p string) string {
	words := strings.Fields(p)
	for i, w := range words {
		if s, ok := benchSyn[strings.Trim(w, ".,“”")]; ok && r.intn(2) == 0 {
			words[i] = strings.Replace(w, strings.Trim(w, ".,“”"), s, 1)
		} else if r.intn(20) == 0 {
			words[i] = r.pick([]string{"reportedly", "also", "now", "again"}) + " " + w
		}
	}
	out := strings.Join(words, " ")
	if ss := segment.Sentences(out); len(ss) > 2 && r.intn(3) == 0 {
		ss[0], ss[1] = ss[1], ss[0]
		out = strings.Join(ss, " ")
	}
	return out
}

// benchStory builds two articles of about size bytes each: the second moves
// about 20% of the paragraphs, rewrites every paragraph lightly, drops about
// 5% and adds about 5% new ones. truth[j] is the paragraph of the first
// article that paragraph j of the second retells, or -1.
func benchStory(size int, seed uint64) (arts [][]segment.Block, truth []int) {
	r := &benchRand{s: seed*0x9E3779B97F4A7C15 + 1}
	var a []segment.Block
	for n := 0; n < size; {
		p := benchParagraph(r)
		a = append(a, segment.Block{Kind: segment.Paragraph, Text: p})
		n += len(p) + 2
	}
	type item struct {
		text string
		src  int
	}
	var b []item
	for i, blk := range a {
		switch {
		case r.intn(20) == 0: // dropped
		default:
			b = append(b, item{benchRewrite(r, blk.Text), i})
		}
		if r.intn(20) == 0 {
			b = append(b, item{benchParagraph(r), -1})
		}
	}
	// move about 20% of the paragraphs somewhere else
	for k := 0; k < len(b)/5; k++ {
		i, j := r.intn(len(b)), r.intn(len(b))
		it := b[i]
		b = append(b[:i], b[i+1:]...)
		b = append(b[:j], append([]item{it}, b[j:]...)...)
	}
	bb := make([]segment.Block, len(b))
	truth = make([]int, len(b))
	for j, it := range b {
		bb[j] = segment.Block{Kind: segment.Paragraph, Text: it.text}
		truth[j] = it.src
	}
	return [][]segment.Block{a, bb}, truth
}

// benchRecall is the share of true pairs that end in one event.
func benchRecall(evs []Event, truth []int) float64 {
	evA := map[int]int{}
	for k, e := range evs {
		for _, i := range e.Blocks[0] {
			evA[i] = k
		}
	}
	found, total := 0, 0
	for k, e := range evs {
		for _, j := range e.Blocks[1] {
			if truth[j] < 0 {
				continue
			}
			total++
			if evA[truth[j]] == k {
				found++
			}
		}
	}
	if total == 0 {
		return 1
	}
	return float64(found) / float64(total)
}

func benchAlign(b *testing.B, size int) {
	arts, truth := benchStory(size, 20241101)
	b.SetBytes(int64(size))
	b.ResetTimer()
	var evs []Event
	for i := 0; i < b.N; i++ {
		evs = Align(arts, DefaultOptions())
	}
	b.StopTimer()
	b.ReportMetric(benchRecall(evs, truth), "recall")
	b.ReportMetric(float64(len(arts[0])), "paras")
}

func BenchmarkAlign100KB(b *testing.B) { benchAlign(b, 100<<10) }
func BenchmarkAlign1MB(b *testing.B)   { benchAlign(b, 1<<20) }

// TestSyntheticRecall checks that the aligner finds the true matches of a
// reordered, rewritten retelling.
func TestSyntheticRecall(t *testing.T) {
	arts, truth := benchStory(30<<10, 7)
	evs := Align(arts, DefaultOptions())
	if r := benchRecall(evs, truth); r < 0.98 {
		t.Errorf("found %.3f of the true matches, want at least 0.98", r)
	}
}

// BenchmarkOrder orders the events of five articles of 40,000 blocks each,
// events of one to five blocks, a third of the blocks told by one article
// only: runs of several articles after one event, as in a long story of
// many articles.
func BenchmarkOrder(b *testing.B) {
	r := &benchRand{s: 5}
	const n, size = 5, 40000
	arts := make([][]segment.Block, n)
	for a := range arts {
		arts[a] = make([]segment.Block, size)
	}
	var events []Event
	next := make([]int, n)
	for done := 0; done < n; {
		e := Event{Blocks: make([][]int, n)}
		one := r.intn(3) == 0
		for a := range arts {
			if next[a] < size && (one && len(events)%n == a || !one && r.intn(2) == 0) {
				e.Blocks[a] = []int{next[a]}
				next[a]++
				if next[a] == size {
					done++
				}
			}
		}
		if slices.ContainsFunc(e.Blocks, func(bs []int) bool { return len(bs) > 0 }) {
			events = append(events, e)
		}
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Order(events, n, arts)
	}
	b.ReportMetric(float64(len(events)), "events")
}
