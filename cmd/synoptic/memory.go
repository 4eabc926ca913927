package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// The heap of an export peaks while the story is aligned: the aligner's
// index and scored pairs, and the text they index, are nearly all that is
// live then, and the story lets them go once the events are grouped
// (story.Options.RenderOnce), so the diffs and the writing that follow
// need far less. Under the collector's default pacing the heap grows to
// twice that peak before it is collected. A soft memory limit a little
// above the peak makes the collector run sooner only while the heap is
// near it, which costs no time, and saves most of the doubling.
//
// The limit is an estimate of the peak, from the text, its paragraphs and
// the number of articles, with headroom. A story may need more than the
// estimate (the aligner's candidate pairs grow faster than that on many
// short articles): a collection that leaves the live heap with almost no
// room under the limit raises the limit to followHeadroom above it, so the
// collector never runs without pause, at worst about as often as under
// GOGC=25 near the peak. GOMEMLIMIT in the environment wins. The constants
// follow the aligner's measured peak: BenchmarkExportPeak reports the peak
// of an export and the limit's headroom over it.
const (
	// memBase is the runtime's own memory (the collector's metadata,
	// stacks, spans part-used: about 5 MB) and the program's before it
	// reads the story.
	memBase = 5 << 20
	// memFloor is the least limit: below it, on small stories, the
	// collector's own minimum heap and fixed costs make a limit only slow
	// the run, and the process is mostly its binary anyway.
	memFloor = 12 << 20
	// The live heap at the peak, per byte of article text (the text
	// itself and what the aligner keeps of each word), per paragraph (its
	// block, sentences and term vectors) and per paragraph and other
	// article (its candidate pairs, scored against each other article).
	livePerByte     = 3
	livePerPara     = 300
	livePerParaPair = 450
	// memHeadroom is the room above the estimated peak, in 64ths (1.125).
	memHeadroom = 72
	// A collection after which memBase and followRoom 64ths (1.06) of the
	// live heap exceed the limit raises the limit to followHeadroom 64ths
	// (1.25) of the live heap above memBase. The live heap a collection
	// reports counts what was allocated while it ran, a few MB more than is
	// live, so the limit follows only a heap that is plainly too big for it.
	followRoom     = 68
	followHeadroom = 80
)

// memoryLimit is the soft memory limit for cs.
func memoryLimit(cs *corpus.Story) int64 {
	var bytes, paras int64
	for _, a := range cs.Articles {
		for _, p := range a.Paras {
			bytes += int64(len(p.Text))
			paras++
		}
	}
	others := int64(max(1, len(cs.Articles)-1))
	peak := livePerByte*bytes + paras*(livePerPara+livePerParaPair*others)
	return limitAbove(peak, memHeadroom)
}

// limitAbove is the soft memory limit for a live heap of live bytes,
// with headroom in 64ths.
func limitAbove(live, headroom int64) int64 { return max(memFloor, memBase+live*headroom/64) }

// limitMu orders the changes of the soft memory limit, which read it and
// set it anew.
var limitMu sync.Mutex

// raiseLimit adds add bytes to the soft memory limit.
func raiseLimit(add int64) {
	limitMu.Lock()
	defer limitMu.Unlock()
	debug.SetMemoryLimit(debug.SetMemoryLimit(-1) + add)
}

// followLive raises the soft memory limit when a live heap of live bytes
// leaves too little room under it (see followRoom).
func followLive(live int64) {
	limitMu.Lock()
	defer limitMu.Unlock()
	if limit := debug.SetMemoryLimit(-1); memBase+live*followRoom/64 > limit {
		debug.SetMemoryLimit(limitAbove(live, followHeadroom))
	}
}

// limitMemory sets the soft memory limit for cs and has it follow the live
// heap up, unless GOMEMLIMIT is set.
func limitMemory(cs *corpus.Story) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	limitMu.Lock()
	debug.SetMemoryLimit(memoryLimit(cs))
	limitMu.Unlock()
	followOnce.Do(func() {
		live := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
		afterEachGC(func() bool {
			metrics.Read(live)
			followLive(int64(live[0].Value.Uint64()))
			return true
		})
	})
}

// followOnce starts the one follower of the live heap a process needs
// (tests export many stories in one process).
var followOnce sync.Once

// gcSentinel is an object no one keeps: its finalizer runs after the next
// collection.
type gcSentinel struct{ _ [64]byte }

// afterEachGC calls f after each collection, on the finalizer goroutine,
// for as long as f returns true.
func afterEachGC(f func() bool) {
	runtime.SetFinalizer(new(gcSentinel), func(*gcSentinel) {
		if f() {
			afterEachGC(f)
		}
	})
}

// checksPerByte is the room the whole-story checks an export runs need per
// byte of article text: they keep about 6 bytes until the export writes them
// (every shared event's figures and names, the quotations and their groups)
// and use about as much again while they are computed, above a limit that
// sits just over the aligner's peak. Under a limit that leaves them no
// room the collector runs without pause while they are computed, which
// took longer than computing them; at 12 the 1 MB pair took a fifth longer
// than at 16 (0.42 s against 0.37 s, 45 MB against 53 MB peak).
const checksPerByte = 16

// limitMemoryForChecks makes room under the soft memory limit for the
// whole-story checks of st, unless GOMEMLIMIT is set.
func limitMemoryForChecks(st *story.Story) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	var bytes int64
	for _, a := range st.Articles {
		for _, b := range a.Blocks {
			bytes += int64(len(b.Text))
		}
	}
	raiseLimit(checksPerByte * bytes)
}
