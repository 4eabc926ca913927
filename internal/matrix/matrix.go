// Package matrix builds the whole-story view: events × outlets, each cell
// saying whether an outlet reports the event and how close its wording is to
// the other outlets that do, with totals per outlet. It reads the aligned
// story and its word diffs (Story.Ops) and lays the matrix out as plain
// lines for the reader; internal/export writes it as Markdown and HTML.
package matrix

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/worddiff"
	"github.com/synoptic-news/synoptic/internal/wording"
)

// Cell is how one outlet covers one event.
type Cell string

// The cells.
const (
	Absent   Cell = "absent"   // the outlet does not report the event
	Close    Cell = "close"    // reports it in words close to another outlet's
	Reworded Cell = "reworded" // reports it in other words
	Only     Cell = "only"     // reports it, and no other outlet does
)

// Symbol returns the mark a cell is drawn with: ● close, ◐ reworded,
// ○ only this outlet, · absent.
func (c Cell) Symbol() string {
	switch c {
	case Close:
		return "●"
	case Reworded:
		return "◐"
	case Only:
		return "○"
	}
	return "·"
}

// Meaning says in words what a cell's symbol means, as the legend does:
// "reports it (close wording)".
func (c Cell) Meaning() string {
	switch c {
	case Close:
		return "reports it (close wording)"
	case Reworded:
		return "reports it (reworded)"
	case Only:
		return "only this outlet"
	}
	return "absent"
}

// Legend explains the symbols.
var Legend = legend(Close, Reworded, Only, Absent)

func legend(cells ...Cell) string {
	parts := make([]string, len(cells))
	for i, c := range cells {
		parts[i] = c.Symbol() + " " + c.Meaning()
	}
	return strings.Join(parts, " · ")
}

// CloseShare is the least share of an article's words in an event, equal
// to another article's, for its wording to count as close.
const CloseShare = 0.6

// MaxLabel is the longest label, in characters.
const MaxLabel = 40

// Row is one event.
type Row struct {
	// Event is the index into Story.Events.
	Event int `json:"event"`
	// Label is a short name for the event: its key quotation, its main
	// names, or its first words; at most MaxLabel characters.
	Label string `json:"label"`
	// Cells has one cell per article.
	Cells []Cell `json:"cells"`
	// Share has, per article, the share of its words in the event that
	// are equal in the closest other article (0 when absent or only).
	Share []float64 `json:"share"`
}

// Column is one article (outlet) with its totals.
type Column struct {
	Article int    `json:"article"`
	Outlet  string `json:"outlet"`
	// Covered counts the rows the article reports, Only those it alone
	// reports, Close and Reworded the shared ones by wording.
	Covered  int `json:"covered"`
	Only     int `json:"only"`
	Close    int `json:"close"`
	Reworded int `json:"reworded"`
}

// Matrix is the events × outlets table.
type Matrix struct {
	Columns []Column `json:"columns"`
	Rows    []Row    `json:"rows"`
}

// Build makes the matrix of st: a row per event that holds at least one
// body block (paragraph, standfirst or heading), in event order.
func Build(st *story.Story) *Matrix { return BuildWith(st, names.LowerWords(st)) }

// BuildWith is Build given names.LowerWords(st), for a caller that runs
// several checks on one story.
func BuildWith(st *story.Story, lower map[string]bool) *Matrix {
	m := &Matrix{Columns: []Column{}, Rows: []Row{}}
	for a := range st.Articles {
		m.Columns = append(m.Columns, Column{Article: a, Outlet: view.Outlet(st, a)})
	}
	for k := range st.Events {
		e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
		if !hasBody(st, e) {
			continue
		}
		row := Row{Event: k, Label: label(st, k, lower), Cells: make([]Cell, len(st.Articles)), Share: make([]float64, len(st.Articles))}
		present := 0
		for _, bs := range e.Blocks {
			if len(bs) > 0 {
				present++
			}
		}
		var best []float64
		if present > 1 {
			best = closest(st, k)
		}
		for a, bs := range e.Blocks {
			switch {
			case len(bs) == 0:
				row.Cells[a] = Absent
			case present == 1:
				row.Cells[a] = Only
			default:
				best := best[a]
				row.Share[a] = round(best)
				row.Cells[a] = Reworded
				if best >= CloseShare {
					row.Cells[a] = Close
				}
			}
			c := &m.Columns[a]
			switch row.Cells[a] {
			case Only:
				c.Only++
				c.Covered++
			case Close:
				c.Close++
				c.Covered++
			case Reworded:
				c.Reworded++
				c.Covered++
			}
		}
		m.Rows = append(m.Rows, row)
	}
	return m
}

func round(x float64) float64 { return float64(int(x*1000+0.5)) / 1000 }

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b []byte
	neg := n < 0
	if neg {
		n = -n
	}
	for n > 0 {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
	}
	if neg {
		b = append([]byte{'-'}, b...)
	}
	return string(b)
}

func hasBody(st *story.Story, e *story.Event) bool {
	for a, bs := range e.Blocks {
		for _, b := range bs {
			if st.Articles[a].Blocks[b].Kind.IsBody() {
				return true
			}
		}
	}
	return false
}

// closest returns, for each article of event k, the highest equalShare of
// its diff with another article of the event. Diffing every pair costs
// n·(n−1)/2 diffs an event for n articles, so each pair is first bounded
// from above without a diff: the diff keeps equal words in both texts, in
// order, so no more of them than the two texts' words have in common,
// counted as bags (as the diff compares tokens, typography folded); and a
// text's ops count at least its words. An article's pairs are diffed from
// the highest bound down, until no bound is above the best share found.
// Every pair is diffed one way, first article first, and inverted for the
// other, as Story.Ops gives the event's own diffs.
func closest(st *story.Story, k int) []float64 {
	e := &st.Events[k]
	ids := map[string]int32{}
	var weight []int
	bags := make([][]bagItem, len(e.Blocks))
	words := make([]int, len(e.Blocks))
	var toks []string
	for a, bs := range e.Blocks {
		if len(bs) == 0 {
			continue
		}
		text := st.SideText(a, bs)
		words[a] = wording.Words(text)
		count := map[int32]int{}
		toks = worddiff.Tokens(text, toks[:0])
		for _, t := range toks {
			norm := worddiff.Normalize(t)
			w := wording.Words(norm)
			if w == 0 {
				continue
			}
			id, ok := ids[norm]
			if !ok {
				id = int32(len(weight))
				ids[norm] = id
				weight = append(weight, w)
			}
			count[id]++
		}
		bag := make([]bagItem, 0, len(count))
		for id, n := range count {
			bag = append(bag, bagItem{id, n})
		}
		sort.Slice(bag, func(i, j int) bool { return bag[i].id < bag[j].id })
		bags[a] = bag
	}
	best := make([]float64, len(e.Blocks))
	type cand struct {
		b     int
		bound float64
	}
	var cands []cand
	for a, bs := range e.Blocks {
		if len(bs) == 0 {
			continue
		}
		cands = cands[:0]
		for b, bs2 := range e.Blocks {
			if b == a || len(bs2) == 0 || !st.ComparesWording(a, b) {
				continue // across languages no wording is close
			}
			bound := 2.0 // a text without words: no bound, diff it
			if words[a] > 0 {
				bound = float64(common(bags[a], bags[b], weight)) / float64(words[a])
			}
			cands = append(cands, cand{b, bound})
		}
		sort.SliceStable(cands, func(i, j int) bool { return cands[i].bound > cands[j].bound })
		for _, c := range cands {
			// division rounds monotonically: a share whose exact value is
			// at most the bound's is at most the bound, once rounded
			if c.bound <= best[a] {
				break
			}
			var ops []worddiff.Op
			if a < c.b {
				ops = st.Ops(k, a, c.b)
			} else {
				ops = story.Invert(st.Ops(k, c.b, a))
			}
			best[a] = max(best[a], equalShare(ops))
		}
	}
	return best
}

// bagItem counts the occurrences of one word (by id) in a text.
type bagItem struct {
	id int32
	n  int
}

// common counts the words two bags share, each as many times as the
// poorer bag has it, weighted by the words wording.Words sees in it.
func common(x, y []bagItem, weight []int) int {
	n := 0
	for i, j := 0, 0; i < len(x) && j < len(y); {
		switch {
		case x[i].id < y[j].id:
			i++
		case x[i].id > y[j].id:
			j++
		default:
			n += min(x[i].n, y[j].n) * weight[x[i].id]
			i++
			j++
		}
	}
	return n
}

// equalShare is the share of the first text's words that ops keep equal.
func equalShare(ops []worddiff.Op) float64 {
	eq, all := 0, 0
	for _, o := range ops {
		n := wording.Words(o.Text)
		switch o.Kind {
		case worddiff.Equal:
			eq += n
			all += n
		case worddiff.Delete:
			all += n
		}
	}
	if all == 0 {
		return 0
	}
	return float64(eq) / float64(all)
}

// label returns a short name for event k: its key quotation with the
// speaker's last name, else its main names, else its first words; at most
// MaxLabel characters, on one line. lower is names.LowerWords(st).
func label(st *story.Story, k int, lower map[string]bool) string {
	e := st.Events[k]
	var texts []string
	for a, bs := range e.Blocks {
		for _, b := range bs {
			blk := st.Articles[a].Blocks[b]
			if blk.Kind.IsBody() || blk.Kind == segment.Headline {
				texts = append(texts, blk.Text)
			}
		}
	}
	if len(texts) == 0 {
		return ""
	}
	// the key quotation: the first of two words or more
	for _, t := range texts {
		for _, q := range quotes.Extract(t) {
			if len(strings.Fields(q.Text)) < 2 || q.Style == quotes.Colon {
				continue
			}
			who := ""
			if r, _ := utf8.DecodeRuneInString(q.Speaker); unicode.IsUpper(r) {
				if ns := names.Names(q.Speaker, nil); len(ns) > 0 && ns[len(ns)-1].Core != "" {
					who = shortName(ns[len(ns)-1].Core) + ": "
				}
			}
			return oneLine(who+"“"+q.Text+"”", MaxLabel)
		}
	}
	// the main names: people first, then those most often given, first
	// seen first; one name however written ("Trump", "Donald Trump")
	type named struct {
		text  string
		toks  []string
		score int
	}
	var given []named
	for _, t := range texts {
		names.Cores(t, lower, func(n names.NameSpan, toks []string) {
			w := 1
			if names.PersonLikeTokens(n, toks) {
				w = 3 // people name an event better than places
			}
			found := false
			for i := range given {
				if names.SameTokens(toks, given[i].toks) {
					given[i].score += w
					if len(toks) > len(given[i].toks) {
						given[i].text, given[i].toks = n.Core, toks
					}
					found = true
					break
				}
			}
			if !found {
				given = append(given, named{n.Core, toks, w})
			}
		})
	}
	if len(given) > 0 {
		sort.SliceStable(given, func(i, j int) bool { return given[i].score > given[j].score })
		var parts []string
		for _, n := range given[:min(3, len(given))] {
			parts = append(parts, n.text)
		}
		return oneLine(strings.Join(parts, ", "), MaxLabel)
	}
	return oneLine(texts[0], MaxLabel)
}

// shortName returns the word a name is cited by: the last one ("Fox" for
// "Vicente Fox", "Mueller" for "Robert S. Mueller III"), or the first of
// three short syllables, where the family name leads ("Choe Son Hui",
// "Kim Jong Un").
func shortName(core string) string {
	toks := strings.Fields(core)
	for len(toks) > 1 {
		switch strings.TrimSuffix(toks[len(toks)-1], ".") {
		case "Jr", "Sr", "II", "III", "IV":
			toks = toks[:len(toks)-1]
			continue
		}
		break
	}
	if len(toks) == 3 {
		short := true
		for _, t := range toks {
			if utf8.RuneCountInString(t) > 4 || strings.HasSuffix(t, ".") {
				short = false
			}
		}
		if short {
			return toks[0]
		}
	}
	return toks[len(toks)-1]
}

// oneLine makes s one line of at most n characters, ending with "…" when
// cut (and "…”" when the cut falls inside a quotation), at a word boundary
// when one is near.
func oneLine(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	end := "…"
	if strings.ContainsRune(s, '“') {
		end = "…”"
	}
	cut := n - utf8.RuneCountInString(end)
	for i := cut; i > n/2; i-- {
		if r[i] == ' ' {
			cut = i
			break
		}
	}
	return strings.TrimRight(string(r[:cut]), " ,;:") + end
}
