package align

import (
	"cmp"
	"fmt"
	"math"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/segment"
)

func para(text string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: text} }

// termsOf lists the terms the aligner reads in text.
func termsOf(text string) []string {
	ix := index([][]segment.Block{{para(text)}})
	var out []string
	for _, t := range ix.all[0].terms {
		out = append(out, ix.names[t])
	}
	slices.Sort(out)
	return out
}

func TestTermsSeePastSpelling(t *testing.T) {
	same := [][2]string{
		{"Sergei Lavrov", "Sergey Lavrov"},
		{"Felipe Calderón", "Felipe Calderon"},
		{"a $3.6 billion fund", "a $3.6B fund"},
		{"a 3.6bn fund", "a $3.6 billion fund"},
		{"8,000 soldiers", "8000 soldiers"},
		{"the F.B.I. director", "the FBI director"},
		{"the president’s decision", "the president's decision"},
		{"troops deployed", "troops deploying"},
		// characters that take no room split no word
		{"the may\u00ador of Portavel", "the mayor of Portavel"},
		{"the mayor\u200d of Porta\u200bvel", "the mayor of Portavel"},
		{"the Calde\u2060rón fund", "the Calderon fund"},
	}
	for _, p := range same {
		if a, b := termsOf(p[0]), termsOf(p[1]); !reflect.DeepEqual(a, b) {
			t.Errorf("%q reads as %v, %q as %v; want the same terms", p[0], a, p[1], b)
		}
	}
	differ := [][2]string{
		{"$3.6 billion", "$3.5 billion"},
		{"8,000 soldiers", "10,000 soldiers"},
		{"$600 million", "$600 billion"},
	}
	for _, p := range differ {
		if a, b := termsOf(p[0]), termsOf(p[1]); reflect.DeepEqual(a, b) {
			t.Errorf("%q and %q both read as %v; want different terms", p[0], p[1], a)
		}
	}
	if got := termsOf("He said that it was the one they had told us about."); len(got) != 0 {
		t.Errorf("stop words read as terms: %v", got)
	}
	// discourse connectives are rare in a story, so as terms idf would
	// weigh them like a shared name
	if got := termsOf("However, though, meanwhile, instead, nevertheless, therefore."); len(got) != 0 {
		t.Errorf("discourse connectives read as terms: %v", got)
	}
}

// Three outlets retell one story about a dam: reordered, reworded, split,
// each with material of its own.
var (
	damA = []segment.Block{
		{Kind: segment.Headline, Text: "Engineers race to shore up cracked Varena dam"},
		para("Engineers worked through the night on Tuesday to shore up the Varena dam after inspectors found a crack along its eastern wall, officials said."),
		para("\"We are not going to wait for the water to decide for us,\" said Mirela Dragan, the regional governor, who ordered 12,400 residents of the valley to leave their homes."),
		para("The dam, built in 1974, holds back about 340 million cubic metres of water and supplies power to the coastal city of Portavel."),
		para("Heavy rain is forecast for the rest of the week."),
		{Kind: segment.Caption, Text: "In this photo taken on Tuesday, engineers inspect the eastern wall of the Varena dam."},
		para("The national grid operator said it had cut the dam's output by half and was buying electricity from neighbouring countries to cover the shortfall."),
	}
	damB = []segment.Block{
		{Kind: segment.Headline, Text: "Thousands evacuated as crack found in Varena dam"},
		para("Governor Mirela Dragan ordered the evacuation of 12,400 people from the valley below the dam. \"We are not going to wait for the water to decide for us,\" she told reporters."),
		para("Inspectors discovered the crack on the eastern wall on Tuesday morning, and engineers worked overnight to reinforce it."),
		para("Opposition lawmakers demanded an inquiry into why the last inspection, in 2019, had found nothing."),
		para("The grid operator halved the dam's output and is importing electricity from neighbouring countries."),
		para("Completed in 1974, the dam holds roughly 340 million cubic metres of water."),
		{Kind: segment.Boilerplate, Text: "Share this article"},
	}
	damC = []segment.Block{
		{Kind: segment.Headline, Text: "Varena dam crack forces evacuation of valley"},
		para("A crack in the eastern wall of the Varena dam was found by inspectors on Tuesday."),
		para("Engineers spent the night shoring it up."),
		para("The governor, Mirela Dragan, ordered 12,400 residents to leave: \"We are not going to wait for the water to decide for us.\""),
		para("Schools in the valley will stay closed until further notice."),
	}
)

// linked lists the pairs (article, block, article, block) that share an
// event, first article first.
func linked(evs []Event) map[[4]int]bool {
	out := map[[4]int]bool{}
	for _, e := range evs {
		for a := range e.Blocks {
			for b := a + 1; b < len(e.Blocks); b++ {
				for _, i := range e.Blocks[a] {
					for _, j := range e.Blocks[b] {
						out[[4]int{a, i, b, j}] = true
					}
				}
			}
		}
	}
	return out
}

func TestAlignRetelling(t *testing.T) {
	evs := Align([][]segment.Block{damA, damB, damC}, DefaultOptions())
	got := linked(evs)
	want := [][4]int{
		{0, 0, 1, 0}, {0, 0, 2, 0}, // headlines pair with headlines
		{0, 1, 1, 2}, // the crack and the night's work
		{0, 2, 1, 1}, // the governor's quote
		{0, 3, 1, 5}, // 1974, 340 million cubic metres
		{0, 6, 1, 4}, // the grid operator
		{0, 2, 2, 3}, // the quote, in a third outlet
		{1, 1, 2, 3},
		{0, 1, 2, 1}, // the crack, split in two by the third outlet
	}
	for _, w := range want {
		if !got[w] {
			t.Errorf("article %d block %d and article %d block %d are not linked", w[0], w[1], w[2], w[3])
		}
	}
	// one-sided material stays one-sided
	lone := [][2]int{{0, 4}, {1, 3}, {2, 4}}
	for _, l := range lone {
		for k := range got {
			if (k[0] == l[0] && k[1] == l[1]) || (k[2] == l[0] && k[3] == l[1]) {
				t.Errorf("one-sided block %d of article %d is linked: %v", l[1], l[0], k)
			}
		}
	}
	// no giant chains: no event holds more than two blocks of one article
	for _, e := range evs {
		for a, bs := range e.Blocks {
			if len(bs) > 2 {
				t.Errorf("event %v holds %d blocks of article %d", e.Blocks, len(bs), a)
			}
		}
	}
}

func TestCaptionsAndFurnitureNeverPairWithBody(t *testing.T) {
	body := "Engineers inspect the eastern wall of the Varena dam on Tuesday after the crack was found."
	a := []segment.Block{para(body), {Kind: segment.Caption, Text: body}, {Kind: segment.Boilerplate, Text: body}, {Kind: segment.Meta, Text: body}}
	b := []segment.Block{{Kind: segment.Caption, Text: body}, para(body), {Kind: segment.Boilerplate, Text: body}}
	got := linked(Align([][]segment.Block{a, b}, DefaultOptions()))
	for k := range got {
		ka, kb := a[k[1]].Kind, b[k[3]].Kind
		if ka != kb || ka == segment.Boilerplate || ka == segment.Meta {
			t.Errorf("%s block %d is linked with %s block %d", ka, k[1], kb, k[3])
		}
	}
	if !got[[4]int{0, 0, 1, 1}] || !got[[4]int{0, 1, 1, 0}] {
		t.Errorf("identical paragraphs or identical captions are not linked: %v", got)
	}
}

// A story's ubiquitous names alone must not pair two paragraphs.
func TestUbiquitousNamesDoNotPair(t *testing.T) {
	a := []segment.Block{
		para("North Korea and Russia signed a treaty on mutual defence in June."),
		para("North Korea has sent artillery shells to Russia, officials in Seoul say."),
		para("Russia denies receiving weapons from North Korea."),
		para("Analysts in Tokyo said the harvest in North Korea had failed for a second year."),
	}
	b := []segment.Block{
		para("Russia and North Korea held talks in Moscow about tourism."),
		para("North Korea's football team lost to Russia in a friendly match."),
		para("A defence treaty between Russia and North Korea was signed in June, binding each to help the other."),
	}
	got := linked(Align([][]segment.Block{a, b}, DefaultOptions()))
	if !got[[4]int{0, 0, 1, 2}] {
		t.Errorf("the treaty paragraphs are not linked: %v", got)
	}
	for k := range got {
		if k != [4]int{0, 0, 1, 2} {
			t.Errorf("paragraph %d and paragraph %d are linked for sharing only common names", k[1], k[3])
		}
	}
}

// A higher threshold only ever removes links.
func TestThresholdIsMonotone(t *testing.T) {
	arts := [][]segment.Block{damA, damB, damC}
	scored := Score(arts)
	var prev map[[4]int]bool
	for th := 0.0; th <= 1.0001; th += 0.05 {
		evs := Align(arts, Options{Threshold: th})
		if again := scored.Events(th); !reflect.DeepEqual(evs, again) {
			t.Errorf("threshold %.2f: Score(…).Events differs from Align", th)
		}
		got := linked(evs)
		if prev != nil {
			for k := range got {
				if !prev[k] {
					t.Errorf("threshold %.2f adds link %v", th, k)
				}
			}
		}
		prev = got
	}
	if len(linked(Align(arts, Options{Threshold: 1.01}))) != 0 {
		t.Error("a threshold above 1 still links blocks")
	}
}

func TestAlignContract(t *testing.T) {
	arts := [][]segment.Block{damA, damB, damC, {}, {para("")}}
	evs := Align(arts, DefaultOptions())
	seen := map[[2]int]int{}
	for _, e := range evs {
		if e.Score < 0 || e.Score > 1 {
			t.Errorf("event %v has score %v", e.Blocks, e.Score)
		}
		for a, bs := range e.Blocks {
			if !slices.IsSorted(bs) {
				t.Errorf("event %v: article %d blocks out of order", e.Blocks, a)
			}
			for _, i := range bs {
				seen[[2]int{a, i}]++
			}
		}
	}
	for a, bs := range arts {
		for i := range bs {
			if seen[[2]int{a, i}] != 1 {
				t.Errorf("article %d block %d is in %d events", a, i, seen[[2]int{a, i}])
			}
		}
	}
	if again := Align(arts, DefaultOptions()); !reflect.DeepEqual(evs, again) {
		t.Error("two runs differ")
	}
	// events follow the first article's reading order
	last := -1
	for _, e := range evs {
		if len(e.Blocks[0]) > 0 {
			if e.Blocks[0][0] < last {
				t.Errorf("event %v comes after block %d of the first article", e.Blocks, last)
			}
			last = e.Blocks[0][0]
		}
	}
}

func TestSentenceEvidence(t *testing.T) {
	// one sentence of a long paragraph retold on its own
	a := []segment.Block{
		para("The ministry published its annual report on Monday. It said exports of wheat through the port of Odessa fell by 40 percent in the first quarter. Officials blamed the weather and a shortage of rail wagons."),
		para("Farmers in the south have asked for compensation."),
	}
	b := []segment.Block{
		para("Wheat exports via Odessa dropped 40 percent in the first quarter, according to the ministry."),
		para("The opposition called the figures a scandal."),
	}
	got := linked(Align([][]segment.Block{a, b}, DefaultOptions()))
	if !got[[4]int{0, 0, 1, 0}] {
		t.Errorf("the retold sentence is not linked: %v", got)
	}
	if len(got) != 1 {
		t.Errorf("links %v, want only the wheat exports", got)
	}
	if strings.Contains(a[0].Text, "\n") {
		t.Fatal("test text has a newline")
	}
}

// Long stories are tokenised and scored in parallel; the result must not
// depend on how many processors run it.
func TestDeterministicAcrossProcessors(t *testing.T) {
	arts, _ := benchStory(200<<10, 3)
	many := Align(arts, DefaultOptions())
	old := runtime.GOMAXPROCS(1)
	one := Align(arts, DefaultOptions())
	runtime.GOMAXPROCS(old)
	if !reflect.DeepEqual(many, one) {
		t.Fatal("the alignment on one processor differs from the one on several")
	}
}

// TestTermsInOrderOfFirstUse checks the tokeniser's waves against one
// vocabulary filled block by block: whatever waves the chunks are merged
// in, every term gets the id of its first use in the story, and every
// block holds the terms, counts and sentences the single pass gives it.
func TestTermsInOrderOfFirstUse(t *testing.T) {
	defer func(n int) { overlapChunks = n }(overlapChunks)
	for _, n := range []int{1 << 20, 1} { // waves merged alone, then beside building
		overlapChunks = n
		checkTermsInOrder(t)
	}
}

func checkTermsInOrder(t *testing.T) {
	arts, _ := benchStory(1<<20, 5)
	ix := index(arts)
	voc := newVocabulary()
	var sc scratch
	k := 0
	for a, bs := range arts {
		for i, b := range bs {
			blk := ix.arts[a][i]
			if blk.class == classNone {
				continue
			}
			k++
			sc.words = sc.words[:0]
			scan(b.Text, lang.Unknown, nil, &sc, voc)
			want := &block{}
			build(want, slices.Clone(sc.words), &scratch{}, len(voc.names))
			if !slices.Equal(blk.terms, want.terms) || !slices.Equal(blk.tsent16, want.tsent16) || !slices.Equal(blk.tsent, want.tsent) || !slices.Equal(blk.quoted, want.quoted) {
				t.Fatalf("block %d of article %d: terms %v, want %v", i, a, blk.terms, want.terms)
			}
		}
	}
	if k < 1000 || !slices.Equal(ix.names, voc.names) {
		t.Fatalf("%d blocks; %d terms, want %d, or in another order", k, len(ix.names), len(voc.names))
	}
}

// TestHeapPopsInOrder checks the candidate lookup's heap: popping every key
// gives them in sorted order, as sorting them would.
func TestHeapPopsInOrder(t *testing.T) {
	r := &benchRand{s: 99}
	for n := 0; n < 200; n++ {
		keys := make([]uint64, n)
		for i := range keys {
			keys[i] = r.next() % 64 // repeats too
		}
		want := slices.Clone(keys)
		slices.Sort(want)
		h := slices.Clone(keys)
		heapify(h)
		var got []uint64
		for len(h) > 0 {
			got = append(got, h[0])
			h = heapPop(h)
		}
		if !slices.Equal(got, want) {
			t.Fatalf("%d keys: popped %v, want %v", n, got, want)
		}
	}
}

// TestPairIndexFindsEveryPair checks the look-up that replaced a map of
// pairs: every pair is found at its index, and no absent pair is.
func TestPairIndexFindsEveryPair(t *testing.T) {
	const n = 40
	r := &benchRand{s: 7}
	var pairs []pair
	have := map[[2]int32]int{}
	for x := int32(0); x < n; x++ {
		for y := x + 1; y < n; y++ {
			if r.intn(4) == 0 {
				have[[2]int32{x, y}] = len(pairs)
				pairs = append(pairs, pair{x: x, y: y})
			}
		}
	}
	byX := pairIndex(pairs, n)
	for a := int32(-1); a <= n; a++ {
		for b := int32(-1); b <= n; b++ {
			want, ok := have[[2]int32{a, b}]
			if !ok {
				want = -1
			}
			if got := byX.find(pairs, a, b); got != want {
				t.Fatalf("find(%d, %d) = %d, want %d", a, b, got, want)
			}
		}
	}
}

// speakersIn lists the names the aligner reads as speakers in each block.
func speakersIn(texts ...string) [][]string {
	var blocks []segment.Block
	for _, t := range texts {
		blocks = append(blocks, para(t))
	}
	ix := index([][]segment.Block{blocks})
	out := make([][]string, len(texts))
	for i, b := range ix.all {
		for _, s := range b.speakers {
			out[i] = append(out[i], ix.names[s.term])
		}
	}
	return out
}

func TestSpeakers(t *testing.T) {
	got := speakersIn(
		"\"The river will not wait for us,\" Oskar Lindqvist said on Sunday.",
		"\"We will see,\" said Mr. Brandt, who chairs the board.",
		"Officials said on Monday that the road was closed.",
		"Lindqvist said, as a resident, he would not pay.",
		"The ambassador of Norway said the talks went well.",
		"Brandt told Radio Lund that the plan was dead.",
		"A statement released Monday said the bridge was safe.",
		"The mayor said Halden would pay for it.",
		"\"Never again,\" Brandt added.",
	)
	want := [][]string{
		{"lindqv"}, // the name before the verb
		{"brandt"}, // after a quotation, the name after the verb, past a title
		nil,        // a capital that opens a sentence is no name
		{"lindqv"}, // unless the story names it as a speaker elsewhere
		nil,        // a place after "of" is not the speaker
		{"brandt"}, // the listener of "told" is not a speaker
		nil,        // nor a day
		nil,        // nor the subject of what was said
		{"brandt"}, // other verbs of saying
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("speakers %q, want %q", got, want)
	}
}

// A statement quoted in one article and paraphrased in another shares few
// words, but it keeps its speaker: the pair is more probable than the same
// words given to another speaker, though the speaker alone is not enough
// to call them one event.
func TestQuoteAndParaphraseOfOneSpeaker(t *testing.T) {
	a := []segment.Block{
		para("The council of Dravik approved the harbour bridge on Thursday after a debate that lasted nine hours."),
		para("\"Not a single krona from our taxpayers goes into that thing,\" Lindqvist said after the vote."),
		para("Construction is expected to begin next spring and to take three years."),
		para("Lindqvist has led the opposition on the council since 2019."),
	}
	b := []segment.Block{
		para("Dravik's council voted on Thursday, after nine hours of debate, to build a bridge across the harbour."),
		para("Lindqvist said Berg's town residents would refuse to fund the project."),
		para("Engineers expect the works to begin in spring and to take three years."),
		para("Ferry operators welcomed the decision, Lindqvist and Berg said."),
	}
	other := slices.Clone(b)
	other[1] = para("Berg said Lindqvist's town residents would refuse to fund the project.")
	same, _ := Score([][]segment.Block{a, b}).Prob(0, 1, 1, 1)
	diff, _ := Score([][]segment.Block{a, other}).Prob(0, 1, 1, 1)
	if same <= diff {
		t.Errorf("the quote and its paraphrase by one speaker score %.3f, by two speakers %.3f", same, diff)
	}
	s := Score([][]segment.Block{a, b})
	for k := range linked(s.Events(DefaultOptions().Threshold)) {
		if k[1] == 3 || k[3] == 3 {
			t.Errorf("one-sided paragraph linked: %v", k)
		}
	}
}

// TestSortPairsMatchesSort checks the counting sort of candidate pairs
// against a plain sort and compaction, with short runs, one long run (a
// block many others list) and repeated pairs.
func TestSortPairsMatchesSort(t *testing.T) {
	r := &benchRand{s: 99}
	const n = 300
	var lists [][][2]int32
	for l := 0; l < 7; l++ {
		var list [][2]int32
		for k := 0; k < 400; k++ {
			x := r.intn(n - 1)
			if k%3 == 0 {
				x = 5 // the popular block
			}
			list = append(list, [2]int32{int32(x), int32(x + 1 + r.intn(n-1-x))})
		}
		lists = append(lists, list)
	}
	var want [][2]int32
	for _, l := range lists {
		want = append(want, l...)
	}
	slices.SortFunc(want, func(p, q [2]int32) int {
		if p[0] != q[0] {
			return int(p[0] - q[0])
		}
		return int(p[1] - q[1])
	})
	want = slices.Compact(want)
	if got := sortPairs(lists, n); !slices.Equal(got, want) {
		t.Fatalf("sortPairs gave %d pairs, want %d sorted and unique", len(got), len(want))
	}
}

// TestCounterShared checks that the compact counter keeps the count of
// every hash counted more than once and forgets the others.
func TestCounterShared(t *testing.T) {
	var c counter
	want := map[uint64]int32{}
	r := &benchRand{s: 5}
	for i := 0; i < 5000; i++ {
		h := r.next() % 3000 // some hashes once, some many times; 0 too
		c.add(h)
		want[h]++
	}
	s := c.shared()
	for h, n := range want {
		got := s.get(h)
		if n > 1 && got != n || n == 1 && got != 0 {
			t.Fatalf("hash %d counted %d times: shared counter says %d", h, n, got)
		}
	}
}

// TestCountQuotesInParts: the quoted 4-grams counted in parts, as a long
// story's are, give every hash the count one counter gives, whatever the
// number of parts (hashes spread over the top bits, and 0).
func TestCountQuotesInParts(t *testing.T) {
	r := &benchRand{s: 9}
	var work []*block
	want := map[uint64]int32{}
	for b := 0; b < 300; b++ {
		blk := &block{}
		for i := 0; i < 20; i++ {
			h := r.next() % 500 * 0x9E3779B97F4A7C15 // top bits vary
			if i == 0 && b%7 == 0 {
				h = 0
			}
			blk.quoted = append(blk.quoted, h)
		}
		slices.Sort(blk.quoted)
		blk.quoted = slices.Compact(blk.quoted) // a block holds a 4-gram once
		for _, h := range blk.quoted {
			want[h]++
		}
		work = append(work, blk)
	}
	for _, parts := range []int{1, 2, 3, 4, 8, 64} {
		q := countQuotes(work, parts)
		if n := len(q.parts); n&(n-1) != 0 || n > 8 || n > max(parts, 1) {
			t.Fatalf("parts %d: %d counters", parts, n)
		}
		for h, n := range want {
			got := q.get(h)
			if n > 1 && got != n || n == 1 && got != 0 {
				t.Fatalf("parts %d: hash %#x in %d blocks, counted %d", parts, h, n, got)
			}
		}
	}
	if (quoteCounts{}).get(7) != 0 {
		t.Fatal("an empty count holds a hash")
	}
}

// TestSentenceEvidenceBeyondSixteen checks the sentence evidence of blocks
// past 16 sentences (their term-to-sentence bits are kept wider): the
// best-matching sentence pair is found wherever it lies among the first 64.
// Past 64, later sentences share the 64th bit and read as one long
// sentence: the evidence stays a cosine.
func TestSentenceEvidenceBeyondSixteen(t *testing.T) {
	long := func(n, at int, s string) string {
		var b strings.Builder
		for i := 0; i < n; i++ {
			if i == at {
				b.WriteString(s + " ")
				continue
			}
			fmt.Fprintf(&b, "Filler sentence number %d mentions item%d alone. ", i, i)
		}
		return b.String()
	}
	wheat := "Wheat exports through the port of Odessa fell by 40 percent in the first quarter."
	for _, c := range []struct{ n, at int }{{10, 7}, {20, 18}, {40, 30}, {90, 80}} {
		ix := index([][]segment.Block{{para(long(c.n, c.at, wheat))}, {para("Exports of wheat via Odessa dropped 40 percent in the first quarter.")}})
		e := ix.score(ix.all[0], ix.all[1], new(pairScratch))
		if c.at < 63 && e.sent < 0.5 {
			t.Errorf("%d sentences, the match at %d: best sentence cosine %.2f, want at least 0.5", c.n, c.at, e.sent)
		}
		if e.sent < 0 || e.sent > 1 {
			t.Errorf("%d sentences: best sentence cosine %v", c.n, e.sent)
		}
	}
}

// TestByProbabilityIsAStableSort checks the radix sort of pairs against
// a stable comparison sort, with ties and probabilities that differ in
// their lowest bits only.
func TestByProbabilityIsAStableSort(t *testing.T) {
	r := &benchRand{s: 3}
	pairs := make([]pair, 3000)
	for k := range pairs {
		switch r.intn(3) {
		case 0:
			pairs[k].p = float64(r.intn(5)+1) / 5 // ties
		case 1:
			pairs[k].p = math.Nextafter(0.5, float64(r.intn(2))) // neighbours of 0.5
		default:
			pairs[k].p = float64(r.intn(1<<30)+1) / (1 << 30)
		}
	}
	var links []link
	for k := range pairs {
		if k%7 != 3 {
			links = append(links, link{key: ^math.Float64bits(pairs[k].p), x: int32(k)})
		}
	}
	want := slices.Clone(links)
	slices.SortStableFunc(want, func(a, b link) int { return cmp.Compare(pairs[b.x].p, pairs[a.x].p) })
	if got := byProbability(slices.Clone(links)); !slices.Equal(got, want) {
		t.Fatal("byProbability differs from a stable sort by descending probability")
	}
}

// TestWordTable checks the word table against a map: words of every length
// around the eight bytes kept in a slot, words whose bytes differ only past
// a shorter word's end, and words given one hash, through the table's
// growth; each gives back every word once.
func TestWordTable(t *testing.T) {
	r := &benchRand{s: 11}
	want := map[string]int32{}
	var tab wordTable
	for n := 0; n < 5000; n++ {
		w := make([]byte, 1+r.intn(14), 16) // room past the word, as scan's buffer has
		for k := range w {
			w[k] = "ab\x00"[r.intn(3)]
		}
		full := w[:cap(w)]
		for k := len(w); k < len(full); k++ {
			full[k] = byte(r.next()) // what the buffer held before
		}
		h := hashBytes(w)
		if len(w)%3 == 0 {
			h = 42 // a hash many words share: told apart by their bytes
		}
		if _, ok := want[string(w)]; !ok {
			if _, found := tab.get(w, h); found {
				t.Fatalf("%q found before it was added", w)
			}
			want[string(w)] = int32(n)
		}
		tab.add(w, h, int32(n)) // a second add keeps the first term
		if got, ok := tab.get(slices.Clone(w), h); !ok || got != want[string(w)] {
			t.Fatalf("%q: term %d, %v; want %d", w, got, ok, want[string(w)])
		}
	}
	seen := 0
	tab.each(func(w []byte, h uint64, term int32) {
		if got, ok := want[string(w)]; !ok || got != term {
			t.Fatalf("each gave %q with term %d; want %d, %v", w, term, got, ok)
		}
		seen++
	})
	if words := len(want); seen != words || tab.n != words || words < 1000 {
		t.Fatalf("each gave %d words, the table holds %d; want %d", seen, tab.n, words)
	}
}

// orderByMaps is Order written with a map of followers, recursion and
// slices: the reference for Order.
func orderByMaps(events []Event, n int, arts [][]segment.Block) []Event {
	where := make([][]int, n)
	for a := 0; a < n; a++ {
		where[a] = make([]int, len(arts[a]))
	}
	for k, e := range events {
		for a, bs := range e.Blocks {
			for _, i := range bs {
				where[a][i] = k
			}
		}
	}
	var roots []int
	for k, e := range events {
		if n > 0 && len(e.Blocks[0]) > 0 {
			roots = append(roots, k)
		}
	}
	slices.SortStableFunc(roots, func(x, y int) int { return events[x].Blocks[0][0] - events[y].Blocks[0][0] })
	placed := make([]bool, len(events))
	for _, k := range roots {
		placed[k] = true
	}
	followers := map[int][]int{}
	for a := 1; a < n; a++ {
		shares := sharesPlaced(where[a], placed)
		anchor := -1
		for i := range arts[a] {
			k := where[a][i]
			if placed[k] {
				anchor = k
				continue
			}
			if !shares {
				anchor = byPlace(events, roots, i, len(arts[a]), len(arts[0]))
			}
			placed[k] = true
			followers[anchor] = append(followers[anchor], k)
			anchor = k
		}
	}
	// the roots only the first article tells that follow each root (-1:
	// those before the first that others tell), which it reads as its own
	// run after that root
	own := map[int][]int{}
	top := []int{-1}
	for _, k := range roots {
		if slices.ContainsFunc(events[k].Blocks[1:], func(bs []int) bool { return len(bs) > 0 }) {
			top = append(top, k)
			continue
		}
		own[top[len(top)-1]] = append(own[top[len(top)-1]], k)
	}
	// seq is event k (none for -1) and what follows it: per article, the
	// sequences of the followers it placed (for the first, of the roots it
	// alone tells after k), one after another; the articles' sequences taken
	// an event at a time in turn
	var seq func(k int) []int
	seq = func(k int) []int {
		var out []int
		if k >= 0 {
			out = append(out, k)
		}
		var runs [][]int
		if rs := own[k]; len(rs) > 0 {
			runs = append(runs, nil)
			for _, r := range rs {
				runs[0] = append(runs[0], seq(r)...)
			}
		}
		last := -1
		for _, f := range followers[k] {
			a := slices.IndexFunc(events[f].Blocks, func(bs []int) bool { return len(bs) > 0 })
			if a != last { // placed by the article of its first blocks: no earlier one tells it
				runs = append(runs, nil)
				last = a
			}
			runs[len(runs)-1] = append(runs[len(runs)-1], seq(f)...)
		}
		for t := 0; ; t++ {
			more := false
			for _, r := range runs {
				if t < len(r) {
					out = append(out, r[t])
					more = true
				}
			}
			if !more {
				return out
			}
		}
	}
	var out []Event
	for _, k := range top {
		for _, e := range seq(k) {
			out = append(out, events[e])
		}
	}
	return out
}

// TestOrderMatchesReference checks Order against orderByMaps on random
// stories of three articles whose events come in any order, with runs of
// events the first article lacks (chains of followers).
func TestOrderMatchesReference(t *testing.T) {
	r := &benchRand{s: 21}
	for round := 0; round < 300; round++ {
		n := 3
		arts := make([][]segment.Block, n)
		for a := range arts {
			arts[a] = make([]segment.Block, 1+r.intn(30))
		}
		// every block in one event: events of one to three blocks
		var events []Event
		next := make([]int, n)
		for {
			e := Event{Blocks: make([][]int, n)}
			for a := range arts {
				if next[a] < len(arts[a]) && r.intn(3) > 0 {
					e.Blocks[a] = []int{next[a]}
					next[a]++
				}
			}
			if len(e.Blocks[0])+len(e.Blocks[1])+len(e.Blocks[2]) > 0 {
				events = append(events, e)
			}
			if next[0] == len(arts[0]) && next[1] == len(arts[1]) && next[2] == len(arts[2]) {
				break
			}
		}
		if round%2 == 1 { // out of order, as a review may leave them
			for i := len(events) - 1; i > 0; i-- {
				j := r.intn(i + 1)
				events[i], events[j] = events[j], events[i]
			}
		}
		want := orderByMaps(events, n, arts)
		if got := Order(slices.Clone(events), n, arts); !reflect.DeepEqual(got, want) {
			t.Fatalf("round %d: Order gave\n%v\nwant\n%v", round, got, want)
		}
	}
}

// TestPostingsFilledInShares checks that the candidates found through
// postings filled a share of the blocks per processor are those found
// through postings filled in one pass.
func TestPostingsFilledInShares(t *testing.T) {
	defer func(n int) { parallelPostings = n }(parallelPostings)
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3)) // shares of uneven length
	arts, _ := benchStory(300<<10, 9)
	ix := index(arts)
	parallelPostings = math.MaxInt
	want := ix.candidates()
	parallelPostings = 1
	if got := ix.candidates(); len(want) < 1000 || !slices.Equal(got, want) {
		t.Fatalf("%d candidates in shares, %d in one pass, or others", len(got), len(want))
	}
}

// Two paragraphs that both quote someone at length in different words
// report two statements, even of one speaker; a quotation retold with its
// words, or a paragraph without one, is no such pair.
func TestQuotationsInDifferentWords(t *testing.T) {
	blocks := []segment.Block{
		para(`"The harbour tunnel will be finished by the spring of next year," Mayor Lena Ostrova said on Monday.`),
		para(`"Nobody in this city should pay a toll to drive to work," Mayor Lena Ostrova said on Monday.`),
		para(`Mayor Lena Ostrova said on Monday: "The harbour tunnel will be finished by next spring."`),
		para(`Mayor Lena Ostrova said on Monday that the harbour tunnel would open next spring.`),
	}
	ix := index([][]segment.Block{blocks[:1], blocks[1:]})
	sc := new(pairScratch)
	for k, want := range []bool{true, false, false} {
		if got := ix.score(ix.all[0], ix.all[k+1], sc).qdiff; got != want {
			t.Errorf("%q / %q: quotations in different words %v, want %v", blocks[0].Text, blocks[k+1].Text, got, want)
		}
	}
}
