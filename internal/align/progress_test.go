package align

import (
	"fmt"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// progressStory is eight retellings of one article, the fourth replaced
// by a page that shares no word with the others: its pairs have no
// candidate to compare.
func progressStory() [][]segment.Block {
	base, _ := benchStory(40<<10, 11)
	r := &benchRand{s: 99}
	arts := [][]segment.Block{base[0], base[1]}
	for len(arts) < 8 {
		var a []segment.Block
		for _, b := range base[0] {
			if r.intn(10) > 0 {
				a = append(a, para(benchRewrite(r, b.Text)))
			}
		}
		arts = append(arts, a)
	}
	var odd []segment.Block
	for _, w := range strings.Fields("zorvath quellimar praxodine velluptic sintharo brolligan") {
		odd = append(odd, para("Ombrelic "+w+" tarquenzy lumphrest."))
	}
	arts[3] = odd
	return arts
}

// TestScoreWithReportsPairs checks the count of article pairs compared:
// on one processor, the pairs without candidates first, then each
// article's pairs with the later ones in article order; on several, the
// articles finish in any order, each adding its pairs once. The count
// changes nothing in the result.
func TestScoreWithReportsPairs(t *testing.T) {
	arts := progressStory()
	n := len(arts)
	total := n * (n - 1) / 2
	want := Score(arts).Events(defaultThreshold)
	// one processor: the odd article's pairs (and the last one's, none)
	// need no comparing, then articles 0, 1, 2, 4, 5, 6 in order
	steps := []int{n - 1 - 3}
	for _, a := range []int{0, 1, 2, 4, 5, 6} {
		steps = append(steps, steps[len(steps)-1]+n-1-a)
	}
	if steps[len(steps)-1] != total {
		t.Fatalf("the test's own steps end at %d, not %d", steps[len(steps)-1], total)
	}
	for _, procs := range []int{1, 2} {
		t.Run(fmt.Sprintf("procs=%d", procs), func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(procs))
			var mu sync.Mutex
			var got []int
			opt := DefaultOptions()
			opt.Progress = func(compared, pairs int) {
				mu.Lock()
				defer mu.Unlock()
				if pairs != total {
					t.Errorf("told of %d article pairs, want %d", pairs, total)
				}
				got = append(got, compared)
			}
			evs := ScoreWith(arts, opt).Events(defaultThreshold)
			if !reflect.DeepEqual(evs, want) {
				t.Error("the events scored with a progress count differ from Score's")
			}
			if procs > 1 {
				// each report is the count after one more article: in
				// order of size, their steps are the articles' pairs,
				// put back in the order of one processor (fewer later)
				slices.Sort(got)
				if len(got) == len(steps) && got[0] == steps[0] {
					for i := len(got) - 1; i > 0; i-- {
						got[i] -= got[i-1]
					}
					slices.Sort(got[1:])
					slices.Reverse(got[1:])
					for i := range got[1:] {
						got[i+1] += got[i]
					}
				}
			}
			if !slices.Equal(got, steps) {
				t.Errorf("reports %v, want %v", got, steps)
			}
		})
	}
}

// TestScoreWithManyChunks checks the count on a story whose articles'
// candidates span several chunks of scoring and whose chunks span several
// articles: every article pair is counted once, at the end.
func TestScoreWithManyChunks(t *testing.T) {
	arts := progressStory()[:3]
	arts[2] = slices.Clone(arts[1])
	for i := range arts[2] {
		arts[2][i].Text = strings.ReplaceAll(arts[2][i].Text, "said", "added")
	}
	ix := index(arts)
	cands := ix.candidates()
	first := 0 // the candidates of article 0, with articles 1 and 2
	for first < len(cands) && ix.all[cands[first][0]].art == 0 {
		first++
	}
	if first < 8 || len(cands)-first < 8 {
		t.Fatalf("candidates of article 0: %d, of article 1: %d; want 8 or more each", first, len(cands)-first)
	}
	for _, c := range []struct {
		chunk int
		want  []int
	}{
		// scored in reverse, article 1's one pair is done first
		{1, []int{0, 1, 3}}, {7, []int{0, 1, 3}}, {first, []int{0, 1, 3}},
		// unless one chunk holds the start of both articles' candidates
		{len(cands), []int{0, 2, 3}},
	} {
		var got []int
		pp := newPairProgress(func(compared, pairs int) { got = append(got, compared) }, ix, cands, c.chunk)
		for k := (len(cands)+c.chunk-1)/c.chunk - 1; k >= 0; k-- {
			pp.scored(k)
		}
		if !slices.Equal(got, c.want) {
			t.Errorf("chunks of %d: reports %v, want %v", c.chunk, got, c.want)
		}
	}
}
