// Package quotes extracts the quotations of every article of a story, with
// their speakers, and groups the same quotation across outlets: who quoted
// whom, in what words, and where the outlets disagree (other words, another
// speaker) or only one outlet has it. Quotations are grouped by their own
// words, across all body blocks, not only inside aligned events; the word
// diffs between members are computed here with worddiff.
package quotes

import (
	"slices"
	"sync"

	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/par"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// Quote is one quotation in one article.
type Quote struct {
	Article int `json:"article"`
	// Block is the index of the block in the article; Start and End are
	// the byte offsets of Text in the block's text.
	Block int    `json:"block"`
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Style Style  `json:"style"`
	// Speaker is who said it: the full name when the article gives one
	// (a pronoun or a description like "the North Korean foreign minister"
	// resolved from the article), else the attribution as written; empty
	// when the article does not say.
	Speaker string `json:"speaker"`
	// SpeakerAsWritten is the attribution as the text gives it ("Choe",
	// "he", "the North Korean foreign minister").
	SpeakerAsWritten string `json:"speaker_as_written,omitempty"`
	// Unclosed says the quotation has no closing mark in its block.
	Unclosed bool `json:"unclosed,omitempty"`

	how   string   // which cue and resolution gave the speaker
	words []string // folded content words, stemmed
	seq   []string // folded words in order
	// sure is confident(q) and quoted isQuotation(q.Text): grouping asks
	// them of each quotation many times
	sure, quoted bool
}

// Diff is the word diff between two members of a group: Ops turn
// Members[From].Text into Members[To].Text. When the second is a shorter
// cut of the quotation, Ops compare it with the words of the first that it
// corresponds to, from the first to the last word both give:
// Members[From].Text[Window[0]:Window[1]].
type Diff struct {
	From   int           `json:"from"`
	To     int           `json:"to"`
	Window *[2]int       `json:"window,omitempty"`
	Ops    []worddiff.Op `json:"ops"`
}

// Group is one quotation as reported by one or more articles.
type Group struct {
	// Members are the quotations; Members[0] is the longest of the first
	// article that has it as a quotation (not only as scare quotes), or,
	// when that is a cut of a longer version or not the same quotation as
	// every other member (one piece of a quotation another article gives
	// whole), the longest member, which each long one matched on its own
	// words. The others follow in article and text order.
	Members []Quote `json:"members"`
	// Diffs compare Members[0] with each other member, in member order.
	Diffs []Diff `json:"diffs"`
	// Articles lists the articles that have the quotation.
	Articles []int `json:"articles"`
	// Speakers are the distinct speakers the members give, in member order.
	Speakers []string `json:"speakers"`
	// SpeakersDiffer says two articles name different people as the
	// speaker, each with confidence (see confident), and the names are not
	// forms of one name: the quotation is misattributed in one of them.
	SpeakersDiffer bool `json:"speakers_differ"`
	// UnclearIn lists the articles whose speaker for the quotation is not
	// confident (none, a pronoun or description, or carried from the
	// quotation before) while another article names one with confidence:
	// "speaker unclear in <outlet>", never a misattribution.
	UnclearIn []int `json:"unclear_in,omitempty"`
	// WordingDiffers says some member words the quotation differently
	// inside the part both give (not only a shorter cut of it).
	WordingDiffers bool `json:"wording_differs"`
	// OneOutlet says only one article has the quotation.
	OneOutlet bool `json:"one_outlet"`
}

// Report is the quote check of a whole story.
type Report struct {
	// Quotes are all quotations, by article, block and position.
	Quotes []Quote `json:"quotes"`
	// Groups are the quotations grouped across articles, in order of
	// their first member.
	Groups []Group `json:"groups"`
	// Differing counts groups of two or more articles whose wording or
	// speakers differ; Misattributed those whose speakers differ;
	// OneOutlet groups found in one article only.
	Differing     int `json:"differing"`
	Misattributed int `json:"misattributed"`
	OneOutlet     int `json:"one_outlet"`
}

// Check extracts and groups the quotations of st's body blocks.
func Check(st *story.Story) *Report { return CheckWith(st, names.LowerWords(st)) }

// CheckWith is Check given names.LowerWords(st), for a caller that runs
// several checks on one story.
func CheckWith(st *story.Story, lower map[string]bool) *Report {
	return CheckIndexed(st, names.IndexWith(st, lower))
}

// CheckIndexed is Check given the names index of st, which other checks
// of the story read too.
func CheckIndexed(st *story.Story, ix *names.Index) *Report {
	r := &Report{Quotes: []Quote{}, Groups: []Group{}}
	if st.Translation {
		// a translated quotation shares no words with its original
		return r
	}
	// each article's quotations and speakers are its own: the articles
	// are read side by side, as many at once as there are processors
	per := make([][]Quote, len(st.Articles))
	par.Each(len(st.Articles), func(a int) { per[a] = articleQuotes(st, a, ix) })
	n := 0
	for _, qs := range per {
		n += len(qs)
	}
	r.Quotes = make([]Quote, 0, n)
	for _, qs := range per {
		r.Quotes = append(r.Quotes, qs...)
	}
	// the report keeps the groups as grouping made them, not a copy
	if gs := group(r.Quotes); len(gs) > 0 {
		r.Groups = gs
	}
	for i := range r.Groups {
		g := &r.Groups[i]
		// the words were for grouping: the report does not keep them
		for m := range g.Members {
			g.Members[m].seq, g.Members[m].words = nil, nil
		}
		if g.OneOutlet {
			r.OneOutlet++
		} else if g.WordingDiffers || g.SpeakersDiffer {
			r.Differing++
		}
		if g.SpeakersDiffer {
			r.Misattributed++
		}
	}
	for i := range r.Quotes {
		r.Quotes[i].seq, r.Quotes[i].words = nil, nil
	}
	return r
}

// EventOf returns the index of the event of st that holds block b of
// article a, or -1: where the reader jumps to show a quotation in context.
// The JSON export asks it for every quotation, so the blocks' events are
// indexed once per story (the last story's index is kept); an answer the
// index does not confirm in st is looked up event by event.
func EventOf(st *story.Story, a, b int) int {
	if k := eventIndexOf(st).at(a, b); k >= 0 && a < len(st.Events[k].Blocks) && slices.Contains(st.Events[k].Blocks[a], b) {
		return k
	}
	return eventOfScan(st, a, b)
}

func eventOfScan(st *story.Story, a, b int) int {
	for k := range st.Events {
		e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
		if a >= len(e.Blocks) {
			continue
		}
		for _, x := range e.Blocks[a] {
			if x == b {
				return k
			}
		}
	}
	return -1
}

// eventIndex holds, for each article and block, the first event holding
// it (-1 for none).
type eventIndex [][]int

func (x eventIndex) at(a, b int) int {
	if a < 0 || a >= len(x) || b < 0 || b >= len(x[a]) {
		return -1
	}
	return x[a][b]
}

// eventMemo is the last story's eventIndex. It holds the story's events
// (which do not change once built), so that their address names them.
var eventMemo struct {
	sync.Mutex
	events []story.Event
	index  eventIndex
}

func eventIndexOf(st *story.Story) eventIndex {
	eventMemo.Lock()
	defer eventMemo.Unlock()
	if n := len(st.Events); n > 0 && len(eventMemo.events) == n && &eventMemo.events[0] == &st.Events[0] {
		return eventMemo.index
	}
	x := make(eventIndex, len(st.Articles))
	for a := range x {
		x[a] = make([]int, len(st.Articles[a].Blocks))
		for b := range x[a] {
			x[a][b] = -1
		}
	}
	for k := range st.Events {
		e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
		for a, bs := range e.Blocks {
			for _, b := range bs {
				if a < len(x) && b >= 0 && b < len(x[a]) && x[a][b] < 0 {
					x[a][b] = k
				}
			}
		}
	}
	eventMemo.events, eventMemo.index = st.Events, x
	return x
}
