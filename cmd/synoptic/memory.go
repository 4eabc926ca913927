package main

import (
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"sync"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/align"
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
// The limit is an estimate of the peak with headroom: the aligner's own
// (align.PeakBytes, which its tests check against what it holds) and the
// story's text as read and segmented. A story may need more than the
// estimate: a collection that leaves the live heap with almost no room
// under the limit raises the limit to followHeadroom above it, so the
// collector never runs without pause, at worst about as often as under
// GOGC=50 near the peak. GOMEMLIMIT in the environment wins.
// BenchmarkExportPeak reports the peak of an export and the limit's
// headroom over it.
const (
	// memBase is the runtime's own memory (the collector's metadata,
	// stacks, spans part-used: about 5 MB) and the program's before it
	// reads the story, with the aligner's table of words' rarity.
	memBase = 5 << 20
	// memFloor is the least limit: below it, on small stories, the
	// collector's own minimum heap and fixed costs make a limit only slow
	// the run, and the process is mostly its binary anyway.
	memFloor = 12 << 20
	// storyPerByte is what the story holds per byte of article text while
	// it is aligned: the text as read, and its blocks and sentences.
	storyPerByte = 2
	// memHeadroom is the room above the estimated peak, in 64ths (1.25):
	// at 1.125 a story of fifty articles took a fifth more CPU (0.32 s
	// against 0.26 s) to save 4 MB.
	memHeadroom = 80
	// A collection that sets a heap goal under followRoom 64ths (1.06) of
	// the live heap raises the limit until the goal is followHeadroom
	// 64ths (1.5) of it. The whole-story checks of fifty articles keep
	// more than their room (checksPerByte): following them at 1.25 took
	// 0.79 s of CPU, at 1.5 0.75 s, and 0.67 s without a limit. The live
	// heap a collection reports counts what was allocated while it ran, a
	// few MB more than is live, so the limit follows only a heap that is
	// plainly too big for it.
	followRoom     = 68
	followHeadroom = 96
)

// memoryLimit is the soft memory limit for cs.
func memoryLimit(cs *corpus.Story) int64 {
	var bytes int64
	paras := make([]int, len(cs.Articles))
	for i, a := range cs.Articles {
		for _, p := range a.Paras {
			bytes += int64(len(p.Text))
		}
		// a paragraph is a block, nearly always
		paras[i] = len(a.Paras)
	}
	peak := storyPerByte*bytes + align.PeakBytes(paras, int(bytes))
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

// followLive raises the soft memory limit when the heap goal a collection
// set under it, goal bytes, leaves a live heap of live bytes too little room
// (see followRoom): by what brings the goal to followHeadroom of the live
// heap. The goal is measured rather than reckoned from the limit, since
// what the runtime counts against the limit besides the heap (free pages
// not yet returned, its own structures) grows with the heap.
func followLive(live, goal int64) {
	limitMu.Lock()
	defer limitMu.Unlock()
	if goal*64 < live*followRoom {
		debug.SetMemoryLimit(debug.SetMemoryLimit(-1) + live*followHeadroom/64 - goal)
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
		heap := []metrics.Sample{{Name: "/gc/heap/live:bytes"}, {Name: "/gc/heap/goal:bytes"}}
		afterEachGC(func() bool {
			metrics.Read(heap)
			followLive(int64(heap[0].Value.Uint64()), int64(heap[1].Value.Uint64()))
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
// whole-story checks of a story of bytes of article text, unless
// GOMEMLIMIT is set.
func limitMemoryForChecks(bytes int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	raiseLimit(checksPerByte * int64(bytes))
}
