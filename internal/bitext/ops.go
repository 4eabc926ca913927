package bitext

import (
	"strings"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/lang"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Marker marks what differs between paired texts of two articles in
// different languages: their figures and names, the only words such
// texts can share.
type Marker struct {
	keysA, keysB map[string]bool // the name keys of each article
}

// NewMarker returns the Marker of two articles, given as their texts.
func NewMarker(a, b []string) *Marker {
	return &Marker{keysA: keysOf(a), keysB: keysOf(b)}
}

// Ops returns a diff of a and b, two texts in different languages (a of
// the Marker's first article, b of its second), in which every word is equal except the figures and names
// that differ: word differences mean nothing across languages, but a
// figure or a name the translation changed does. A figure is marked when
// neither its value nor its digit runs are on the other side and the
// other side has such a figure too (173 against 137, not 2 against
// "zwei"); a name, when it is a name of both articles (one the other
// article also writes) that the other side lacks, and the other side
// holds such a name that this side lacks (Scholz against Merkel, not
// Scholz against "the minister"); a name is there when its key is in any
// word of the other side, so that compounds and words written small
// (Osthessen for Hesse, "le plan" for Plan) do not count as differences. The ops rebuild a and b exactly: an
// equal op's Other is b's text where it differs.
func (r *Marker) Ops(a, b string) []worddiff.Op {
	ma, mb := r.marks(a, b)
	if len(ma) == 0 && len(mb) == 0 {
		return plainOps(a, b)
	}
	pa, pb := pieces(a, ma), pieces(b, mb)
	na, nb := plainCount(pa), plainCount(pb)
	if na == 0 || nb == 0 {
		return plainOps(a, b)
	}
	for na < nb {
		if !splitLongest(&pa) {
			return plainOps(a, b)
		}
		na++
	}
	for nb < na {
		if !splitLongest(&pb) {
			return plainOps(a, b)
		}
		nb++
	}
	var ops []worddiff.Op
	i, j := 0, 0
	for {
		for i < len(pa) && pa[i].mark {
			ops = append(ops, worddiff.Op{Kind: worddiff.Delete, Text: pa[i].text})
			i++
		}
		for j < len(pb) && pb[j].mark {
			ops = append(ops, worddiff.Op{Kind: worddiff.Insert, Text: pb[j].text})
			j++
		}
		if i == len(pa) || j == len(pb) {
			break
		}
		ops = append(ops, equal(pa[i].text, pb[j].text))
		i++
		j++
	}
	return ops
}

func equal(a, b string) worddiff.Op {
	o := worddiff.Op{Kind: worddiff.Equal, Text: a}
	if b != a {
		o.Other = b
	}
	return o
}

func plainOps(a, b string) []worddiff.Op {
	if a == "" && b == "" {
		return nil
	}
	if a == "" {
		return []worddiff.Op{{Kind: worddiff.Insert, Text: b}}
	}
	if b == "" {
		return []worddiff.Op{{Kind: worddiff.Delete, Text: a}}
	}
	return []worddiff.Op{equal(a, b)}
}

// piece is a stretch of a text: a marked figure or name, or the plain
// text between marks (never empty).
type piece struct {
	text string
	mark bool
}

// pieces cuts text at the marked spans (sorted, not overlapping).
func pieces(text string, marks [][2]int) []piece {
	var out []piece
	at := 0
	for _, m := range marks {
		if m[0] > at {
			out = append(out, piece{text: text[at:m[0]]})
		}
		out = append(out, piece{text: text[m[0]:m[1]], mark: true})
		at = m[1]
	}
	if at < len(text) {
		out = append(out, piece{text: text[at:]})
	}
	return out
}

func plainCount(ps []piece) int {
	n := 0
	for _, p := range ps {
		if !p.mark {
			n++
		}
	}
	return n
}

// splitLongest cuts the longest plain piece in two at the space nearest
// its middle (or a character boundary when it has none inside), so that
// both sides have as many plain pieces; false when no piece has two
// characters.
func splitLongest(ps *[]piece) bool {
	best := -1
	for k, p := range *ps {
		if !p.mark && utf8.RuneCountInString(p.text) >= 2 && (best < 0 || len(p.text) > len((*ps)[best].text)) {
			best = k
		}
	}
	if best < 0 {
		return false
	}
	t := (*ps)[best].text
	mid := len(t) / 2
	cut := -1
	if sp := strings.LastIndexByte(t[:mid+1], ' '); sp > 0 {
		cut = sp + 1
	} else if sp := strings.IndexByte(t[mid:], ' '); sp >= 0 && mid+sp+1 < len(t) {
		cut = mid + sp + 1
	}
	if cut <= 0 || cut >= len(t) {
		cut = mid
		for cut > 0 && !utf8.RuneStart(t[cut]) {
			cut--
		}
		if cut == 0 {
			_, w := utf8.DecodeRuneInString(t)
			cut = w
		}
	}
	out := make([]piece, 0, len(*ps)+1)
	out = append(out, (*ps)[:best]...)
	out = append(out, piece{text: t[:cut]}, piece{text: t[cut:]})
	out = append(out, (*ps)[best+1:]...)
	*ps = out
	return true
}

// marks returns the spans of a and of b to mark as differing.
func (r *Marker) marks(a, b string) ([][2]int, [][2]int) {
	ta, tb := tokens(a), tokens(b)
	xa, xb := anchorsOf(a, r.keysB), anchorsOf(b, r.keysA)
	// a name's key anywhere in the other side's words counts as there: in
	// a compound (Osthessen for Hesse) or written small (le plan)
	lowA, lowB := lang.Fold(a), lang.Fold(b)
	var fa, fb, na, nb [][2]int
	for _, t := range ta {
		switch {
		case t.num && unmatchedNums(anchors{nums: []string{t.key}}, xb) > 0:
			fa = append(fa, [2]int{t.start, t.end})
		case !t.num && r.keysB[t.key] && !strings.Contains(lowB, t.key):
			na = append(na, [2]int{t.start, t.end})
		}
	}
	for _, t := range tb {
		switch {
		case t.num && unmatchedNums(anchors{nums: []string{t.key}}, xa) > 0:
			fb = append(fb, [2]int{t.start, t.end})
		case !t.num && r.keysA[t.key] && !strings.Contains(lowA, t.key):
			nb = append(nb, [2]int{t.start, t.end})
		}
	}
	// a difference needs both sides: a figure or name on one side only is
	// the translator's choice of words
	if len(fa) == 0 || len(fb) == 0 {
		fa, fb = nil, nil
	}
	if len(na) == 0 || len(nb) == 0 {
		na, nb = nil, nil
	}
	return sortSpans(append(fa, na...)), sortSpans(append(fb, nb...))
}

func sortSpans(s [][2]int) [][2]int {
	for i := 1; i < len(s); i++ {
		for j := i; j > 0 && s[j][0] < s[j-1][0]; j-- {
			s[j], s[j-1] = s[j-1], s[j]
		}
	}
	return s
}
