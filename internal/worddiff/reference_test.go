package worddiff

import (
	"strings"
	"testing"
	"unicode/utf8"

	dmp "github.com/sergi/go-diff/diffmatchpatch"
)

// referenceDiff is go-diff on the whole pair of token strings, then its
// DiffCleanupSemantic.
func referenceDiff(a, b string) []Op {
	ids := map[string]rune{}
	next := rune(0xF0000)
	runes := func(toks []string) []rune {
		var out []rune
		for _, t := range toks {
			k := Normalize(t)
			id, ok := ids[k]
			if !ok {
				id = next
				next++
				ids[k] = id
			}
			out = append(out, id)
		}
		return out
	}
	ta, tb := Tokens(a, nil), Tokens(b, nil)
	dm := dmp.New()
	dm.DiffTimeout = 0
	diffs := dm.DiffCleanupSemantic(dm.DiffMainRunes(runes(ta), runes(tb), false))
	var ops []Op
	ia, ib := 0, 0
	for _, df := range diffs {
		n := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case dmp.DiffEqual:
			ops = append(ops, Op{Kind: Equal, Text: strings.Join(ta[ia:ia+n], "")})
			ia += n
			ib += n
		case dmp.DiffDelete:
			ops = append(ops, Op{Kind: Delete, Text: strings.Join(ta[ia:ia+n], "")})
			ia += n
		case dmp.DiffInsert:
			ops = append(ops, Op{Kind: Insert, Text: strings.Join(tb[ib:ib+n], "")})
			ib += n
		}
	}
	return ops
}

func changedBytes(ops []Op) int {
	n := 0
	for _, o := range ops {
		if o.Kind != Equal {
			n += len(o.Text)
		}
	}
	return n
}

// TestCloseToWholePairMyers checks that anchoring does not coarsen diffs:
// over the aligned pairs of a synthetic story, the bytes marked changed stay
// within 5% of go-diff's Myers diff of each whole pair with its semantic
// cleanup (the reference, referenceDiff), and no pair is more than twice as
// coarse.
func TestCloseToWholePairMyers(t *testing.T) {
	ps := benchPairs(t)
	d := New()
	ref, got := 0, 0
	for _, p := range ps {
		ops := d.Diff(p[0], p[1])
		if A(ops) != p[0] || B(ops) != p[1] {
			t.Fatalf("ops do not rebuild the pair %q / %q", p[0], p[1])
		}
		o, n := changedBytes(referenceDiff(p[0], p[1])), changedBytes(ops)
		ref += o
		got += n
		if n > 2*o+16 {
			t.Errorf("%d bytes changed, reference %d: %q / %q", n, o, p[0], p[1])
		}
	}
	if float64(got) > 1.05*float64(ref) {
		t.Errorf("%d bytes marked changed over %d pairs; the whole-pair Myers diff marks %d", got, len(ps), ref)
	}
	t.Logf("%d pairs: %d bytes changed, reference %d; %+v", len(ps), got, ref, d.Stats())
}
