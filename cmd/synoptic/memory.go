package main

import (
	"os"
	"runtime/debug"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// The heap of an export peaks while the story is aligned, at about twice what
// is live then (the collector's default pacing). A soft memory limit in
// proportion to the story makes the collector run sooner on big stories,
// before the heap doubles, so the peak stays near ten times the input.
// Below the limit nothing changes; a story whose live data needs more than
// the limit only makes the collector work harder (it never takes more than
// about half the CPU), never fails. GOMEMLIMIT in the environment wins.
const (
	memBase    = 16 << 20 // the runtime, the program and small stories
	memPerByte = 8        // per byte of article text
	memPerPara = 512      // per paragraph: blocks, events and their slices
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
	return memBase + memPerByte*bytes + memPerPara*paras
}

// limitMemory sets the soft memory limit for cs unless GOMEMLIMIT is set.
func limitMemory(cs *corpus.Story) {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(memoryLimit(cs))
	}
}

// checksPerByte is the room the whole-story checks an export runs need per
// byte of article text: they keep about 6 bytes until the export writes them
// (every shared event's figures and names, the quotations and their groups)
// and use about as much again while they are computed. Under a limit that
// leaves them no room the collector runs without pause while they are
// computed, which took longer than computing them.
const checksPerByte = 12

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
	debug.SetMemoryLimit(debug.SetMemoryLimit(-1) + checksPerByte*bytes)
}
