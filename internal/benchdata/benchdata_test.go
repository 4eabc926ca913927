package benchdata

import (
	"reflect"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/segment"
)

func TestGenerateIsDeterministicAndSized(t *testing.T) {
	a := Generate(Config{Bytes: KB100, Articles: 3, Seed: Seed})
	b := Generate(Config{Bytes: KB100, Articles: 3, Seed: Seed})
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same config gave two different stories")
	}
	c := Generate(Config{Bytes: KB100, Articles: 3, Seed: Seed + 1})
	if reflect.DeepEqual(a.Corpus.Articles[0].Paras, c.Corpus.Articles[0].Paras) {
		t.Fatal("another seed gave the same story")
	}
	if len(a.Corpus.Articles) != 3 || len(a.Truth) != 3 {
		t.Fatalf("got %d articles, %d truths; want 3", len(a.Corpus.Articles), len(a.Truth))
	}
	for i := range a.Corpus.Articles {
		n := len(a.Text(i))
		if n < KB100*8/10 || n > KB100*12/10 {
			t.Errorf("article %d is %d bytes; want about %d", i, n, KB100)
		}
	}
}

func TestRetellingRates(t *testing.T) {
	st := Generate(Config{Bytes: MB1 / 2, Articles: 2, Seed: Seed})
	base := len(st.Corpus.Articles[0].Paras) - 2
	truth := st.Truth[1]
	seen := map[int]bool{}
	added, kept := 0, 0
	var srcs []int
	for i, src := range truth[2:] {
		_ = i
		if src < 0 {
			added++
			continue
		}
		if seen[src] {
			t.Fatalf("paragraph %d of article 0 retold twice", src)
		}
		seen[src] = true
		kept++
		srcs = append(srcs, src)
	}
	dropped := base - kept
	if f := float64(dropped) / float64(base); f < 0.03 || f > 0.07 {
		t.Errorf("dropped %.3f of the paragraphs; want about 0.05", f)
	}
	if f := float64(added) / float64(base); f < 0.04 || f > 0.06 {
		t.Errorf("added %.3f new paragraphs; want about 0.05", f)
	}
	// paragraphs out of order: those not on a longest increasing run
	if f := 1 - float64(lisLen(srcs))/float64(len(srcs)); f < 0.12 || f > 0.25 {
		t.Errorf("%.3f of the paragraphs moved; want about 0.2", f)
	}
	changed, total := 0, 0
	for _, p := range st.Pairs(1) {
		wa, wb := strings.Fields(p[0]), strings.Fields(p[1])
		total += len(wa)
		changed += len(wa) - lcs(wa, wb)
	}
	if f := float64(changed) / float64(total); f < 0.04 || f > 0.15 {
		t.Errorf("%.3f of the words rewritten; want about 0.1", f)
	}
}

func TestFilesLoadBackAsGenerated(t *testing.T) {
	st := Generate(Config{Bytes: KB10, Articles: 2, Seed: Seed})
	paths, err := st.WriteFiles(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	cs, err := corpus.Load(paths)
	if err != nil {
		t.Fatal(err)
	}
	for a, art := range cs.Articles {
		want := st.Corpus.Articles[a]
		if len(art.Paras) != len(want.Paras) {
			t.Fatalf("article %d loads as %d paragraphs; want %d", a, len(art.Paras), len(want.Paras))
		}
		for i := range art.Paras {
			if art.Paras[i] != want.Paras[i] {
				t.Errorf("article %d para %d loads as %+v; want %+v", a, i, art.Paras[i], want.Paras[i])
			}
		}
		if art.Date != want.Date || art.Section != want.Section {
			t.Errorf("article %d: date %q section %q; want %q %q", a, art.Date, art.Section, want.Date, want.Section)
		}
		blocks := segment.Article(art)
		if blocks[1].Kind != segment.Headline {
			t.Errorf("article %d: block 1 is a %s; want the headline", a, blocks[1].Kind)
		}
		for i, b := range blocks[2:] {
			if b.Kind != segment.Paragraph {
				t.Errorf("article %d block %d is a %s; want a paragraph: %q", a, i+2, b.Kind, b.Text)
			}
		}
	}
}

func lisLen(xs []int) int {
	var tails []int
	for _, x := range xs {
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if tails[m] < x {
				lo = m + 1
			} else {
				hi = m
			}
		}
		if lo == len(tails) {
			tails = append(tails, x)
		} else {
			tails[lo] = x
		}
	}
	return len(tails)
}

func lcs(a, b []string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for i := range a {
		for j := range b {
			switch {
			case a[i] == b[j]:
				cur[j+1] = prev[j] + 1
			case cur[j] > prev[j+1]:
				cur[j+1] = cur[j]
			default:
				cur[j+1] = prev[j+1]
			}
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}
