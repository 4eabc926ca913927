package align

import (
	"slices"
	"strings"
)

// speechVerbs are the hashes of the verbs that attribute speech; told
// names its listener after it, so only the name before it is the speaker.
var speechVerbs = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("said says added") {
		m[hashBytes([]byte(w))] = true
	}
	return m
}()

var hashTold = hashBytes([]byte("told"))

// placePrepositions before a capitalised word make it a place, not the
// speaker: "Prime Minister Justin Trudeau of Canada said".
var placePrepositions = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields("of in at from near") {
		m[hashBytes([]byte(w))] = true
	}
	return m
}()

// notSpeakers are capitalised words next to a verb of saying that are no
// speaker: "a report released Monday said".
var notSpeakers = func() map[uint64]bool {
	m := map[uint64]bool{}
	for _, w := range strings.Fields(`monday tuesday wednesday thursday friday saturday sunday january february
march april june july august september october november december`) {
		m[hashBytes([]byte(w))] = true
	}
	return m
}()

// speakersOf appends to out the names that words attribute speech to: a
// capitalised word just before a verb of saying ("Santorum said", "the
// White House said") or, right after a quotation, just after it, past a
// title ("…," said Mr. Gibbs; elsewhere a name after the verb is the
// subject of what was said: "said Washington would").
// A capital that opens a sentence says nothing of a name ("Officials
// said"), so such a word goes to opening instead, a speaker only if the
// story names it as one elsewhere.
func speakersOf(words []tokenInfo, out, opening []speech) ([]speech, []speech) {
	name := func(k int, sent int32) int32 {
		if k < 0 || k >= len(words) || words[k].sent() != sent || !words[k].upper() || words[k].num() || notSpeakers[words[k].hash] {
			return -1
		}
		return words[k].term
	}
	// rank counts the sentences before the current one that hold terms:
	// the index of the current sentence among those that hold terms
	rank, cur, holds := int32(0), int32(-1), false
	for k, w := range words {
		if w.sent() != cur {
			if holds {
				rank++
			}
			cur, holds = w.sent(), false
		}
		if w.term >= 0 {
			holds = true
		}
		// a verb of saying follows a name or a quotation: most words are
		// passed over before any look-up
		if w.upper() || k == 0 || !words[k-1].upper() && !words[k-1].quoted() {
			continue
		}
		told := w.hash == hashTold
		if !told && !speechVerbs[w.hash] {
			continue
		}
		t := name(k-1, w.sent())
		if t >= 0 && k >= 2 && words[k-2].sent() == w.sent() && placePrepositions[words[k-2].hash] {
			continue
		}
		if t >= 0 && (k < 2 || words[k-2].sent() != w.sent()) {
			opening = append(opening, speech{t, min(rank, 63)})
			continue
		}
		if t < 0 && !told && k > 0 && words[k-1].quoted() {
			// after a quotation the name may follow: "…," said Mr. Gibbs
			t = name(k+1, w.sent())
			if t < 0 && k+1 < len(words) && words[k+1].upper() && words[k+1].term < 0 {
				t = name(k+2, w.sent()) // a title: "said Mr. Gibbs"
			}
		}
		if t >= 0 {
			out = append(out, speech{t, min(rank, 63)})
		}
	}
	if len(out) > 1 {
		slices.SortFunc(out, speech.cmp)
		out = slices.Compact(out)
	}
	return out, opening
}

// confirmSpeakers makes a block's sentence-opening names speakers where
// another sentence of the story names them as speakers.
func (ix *corpusIndex) confirmSpeakers(work []*block) {
	named := map[int32]bool{}
	for _, b := range work {
		for _, s := range b.speakers {
			named[s.term] = true
		}
	}
	for _, b := range work {
		n := len(b.speakers)
		for _, s := range b.opening {
			if named[s.term] {
				b.speakers = append(b.speakers, s)
			}
		}
		if len(b.speakers) > n {
			slices.SortFunc(b.speakers, speech.cmp)
			b.speakers = slices.Compact(b.speakers)
		}
		b.opening = nil
	}
}
