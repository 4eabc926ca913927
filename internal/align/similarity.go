package align

import (
	"math"
	"sort"
	"strings"
	"unicode"

	"github.com/synoptic-news/synoptic/internal/segment"
)

// features of one block for similarity.
type features struct {
	terms    map[string]float64 // weighted term vector (tf-idf, unit length)
	shingles map[uint64]bool    // word 3-grams, for verbatim runs and quotes
}

// FindLinks scores block pairs across every pair of articles and keeps, for
// each block, its best match in the other article when it clears the
// threshold. Captions pair only with captions, headlines with headlines, and
// boilerplate and meta never pair.
func FindLinks(arts [][]segment.Block, opt Options) []Link {
	df := map[string]int{}
	toks := make([][][]string, len(arts))
	ndocs := 0
	for a, blocks := range arts {
		toks[a] = make([][]string, len(blocks))
		for i, b := range blocks {
			toks[a][i] = terms(b.Text)
			seen := map[string]bool{}
			for _, t := range toks[a][i] {
				if !seen[t] {
					seen[t] = true
					df[t]++
				}
			}
			ndocs++
		}
	}
	feats := make([][]features, len(arts))
	for a, blocks := range arts {
		feats[a] = make([]features, len(blocks))
		for i := range blocks {
			feats[a][i] = featurize(toks[a][i], df, ndocs)
		}
	}
	var links []Link
	for a := 0; a < len(arts); a++ {
		for b := a + 1; b < len(arts); b++ {
			links = append(links, pairLinks(arts, feats, a, b, opt)...)
		}
	}
	return links
}

func pairLinks(arts [][]segment.Block, feats [][]features, a, b int, opt Options) []Link {
	na, nb := len(arts[a]), len(arts[b])
	sim := make([][]float64, na)
	for i := 0; i < na; i++ {
		sim[i] = make([]float64, nb)
		for j := 0; j < nb; j++ {
			if !compatible(arts[a][i].Kind, arts[b][j].Kind) {
				continue
			}
			sim[i][j] = similarity(feats[a][i], feats[b][j])
		}
	}
	keep := map[[2]int]float64{}
	for i := 0; i < na; i++ {
		best, bj := 0.0, -1
		for j := 0; j < nb; j++ {
			if sim[i][j] > best {
				best, bj = sim[i][j], j
			}
		}
		if bj >= 0 && (best >= opt.Threshold || (arts[a][i].Kind == segment.Headline && arts[b][bj].Kind == segment.Headline)) {
			keep[[2]int{i, bj}] = best
		}
	}
	for j := 0; j < nb; j++ {
		best, bi := 0.0, -1
		for i := 0; i < na; i++ {
			if sim[i][j] > best {
				best, bi = sim[i][j], i
			}
		}
		if bi >= 0 && best >= opt.Threshold {
			keep[[2]int{bi, j}] = best
		}
	}
	var out []Link
	for k, s := range keep {
		out = append(out, Link{A: a, IA: k[0], B: b, IB: k[1], Score: s})
	}
	sort.Slice(out, func(x, y int) bool {
		if out[x].IA != out[y].IA {
			return out[x].IA < out[y].IA
		}
		return out[x].IB < out[y].IB
	})
	return out
}

func compatible(x, y segment.Kind) bool {
	switch {
	case x == segment.Boilerplate || y == segment.Boilerplate || x == segment.Meta || y == segment.Meta:
		return false
	case x == segment.Caption || y == segment.Caption:
		return x == y
	case x == segment.Headline || y == segment.Headline:
		return x == y
	}
	return true
}

func similarity(x, y features) float64 {
	cos := 0.0
	small, large := x.terms, y.terms
	if len(large) < len(small) {
		small, large = large, small
	}
	for t, w := range small {
		cos += w * large[t]
	}
	shared := 0
	for s := range x.shingles {
		if y.shingles[s] {
			shared++
		}
	}
	verbatim := 0.0
	if n := min(len(x.shingles), len(y.shingles)); n > 0 {
		verbatim = float64(shared) / float64(n)
	}
	return clamp01(math.Max(cos, 0.5*cos+0.6*verbatim))
}

func featurize(toks []string, df map[string]int, ndocs int) features {
	f := features{terms: map[string]float64{}, shingles: map[uint64]bool{}}
	for _, t := range toks {
		f.terms[t]++
	}
	norm := 0.0
	for t, tf := range f.terms {
		idf := math.Log(float64(ndocs+1) / float64(df[t]))
		w := (1 + math.Log(tf)) * idf * idf
		f.terms[t] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	for t := range f.terms {
		if norm > 0 {
			f.terms[t] /= norm
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		f.shingles[hash3(toks[i], toks[i+1], toks[i+2])] = true
	}
	return f
}

func hash3(a, b, c string) uint64 {
	h := uint64(14695981039346656037)
	for _, s := range []string{a, "\x00", b, "\x00", c} {
		for i := 0; i < len(s); i++ {
			h ^= uint64(s[i])
			h *= 1099511628211
		}
	}
	return h
}

// terms returns the content words of text, lowercased and crudely stemmed.
func terms(text string) []string {
	var out []string
	words := strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’')
	})
	for _, w := range words {
		w = strings.ToLower(strings.Trim(w, "'’"))
		w = strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")
		if w == "" || stop[w] {
			continue
		}
		out = append(out, stem(w))
	}
	return out
}

func stem(w string) string {
	r := []rune(w)
	if len(r) > 6 {
		r = r[:6]
	}
	return string(r)
}

var stop = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`a an the and or but if of to in on at by for with from as into about over after
before under between through during than then so that this these those there here it its it's he she they we you i
him her them us me my our your their his hers is are was were be been being has have had do does did will would shall
should can could may might must not no yes also just only very more most much many some any all each every other
such what which who whom whose when where why how said says say told according mr mrs ms while up down out off
new one two s t`) {
		m[w] = true
	}
	return m
}()
