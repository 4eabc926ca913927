package ui

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	tea "github.com/charmbracelet/bubbletea"
	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/story"
)

// benchWords is a vocabulary of made-up words, large enough that each
// generated paragraph is its own event.
var benchWords = func() []string {
	syl := strings.Fields("ba ko ri ten sul mar dov pel an is ust gre fo lin cha tor vek mu ne sa")
	var out []string
	for _, a := range syl {
		for _, b := range syl {
			for _, c := range []string{"", "n", "s", "ler"} {
				out = append(out, a+b+c)
			}
		}
	}
	return out
}()

// benchStory builds a two-article story of n paragraphs a side: the right
// article rewords about one word in eight, drops every tenth paragraph and
// adds one of its own every fifteenth, so events are shared, changed and
// one-sided in a realistic mix.
func benchStory(n int) *story.Story {
	seed := uint32(12345)
	next := func() int {
		seed = seed*1664525 + 1013904223
		return int(seed >> 8)
	}
	para := func() []string {
		ws := make([]string, 40+next()%50)
		for i := range ws {
			ws[i] = benchWords[next()%len(benchWords)]
		}
		return ws
	}
	left := corpus.Article{Outlet: "Left Gazette", Title: "A long story", Date: "2025-01-01"}
	right := corpus.Article{Outlet: "Right Tribune", Title: "The same long story", Date: "2025-01-02"}
	for i := 0; i < n; i++ {
		ws := para()
		ws[0] = fmt.Sprintf("Item%d", i) // keeps paragraphs distinct
		left.Paras = append(left.Paras, corpus.Para{Text: strings.Join(ws, " ") + "."})
		if i%10 == 9 {
			continue
		}
		rw := append([]string(nil), ws...)
		for j := 1; j < len(rw); j += 8 {
			rw[j] = benchWords[next()%len(benchWords)]
		}
		right.Paras = append(right.Paras, corpus.Para{Text: strings.Join(rw, " ") + "."})
		if i%15 == 14 {
			extra := para()
			extra[0] = fmt.Sprintf("Extra%d", i)
			right.Paras = append(right.Paras, corpus.Para{Text: strings.Join(extra, " ") + "."})
		}
	}
	return story.Build(&corpus.Story{Name: "bench", Articles: []corpus.Article{left, right}}, story.DefaultOptions())
}

var (
	benchOnce    sync.Once
	benchStories = map[int]*story.Story{}
)

func benchStoryN(n int) *story.Story {
	benchOnce.Do(func() {
		for _, k := range []int{15, 100, 122, 1220, 2000} {
			benchStories[k] = benchStory(k)
		}
	})
	return benchStories[n]
}

// BenchmarkFrame is one frame of a 2,000-event story at 200x50, scrolled
// to its middle: what View costs once the layout exists.
func BenchmarkFrame(b *testing.B) {
	st := benchStoryN(2000)
	m := newModel(b, st, 200, 50)
	m.body.goTo(m.body.events[len(m.body.events)/2])
	m.fit()
	for b.Loop() {
		_ = m.View()
	}
	// After the loop: its first turn resets the timer, which drops metrics
	// reported before.
	b.ReportMetric(float64(len(st.Events)), "events")
}

// BenchmarkLayout lays a 2,000-event story out at 200 columns, as a resize
// does.
func BenchmarkLayout(b *testing.B) {
	st := benchStoryN(2000)
	for b.Loop() {
		bd := newBody(st, newPalette(NewStyles(pinned(0), true)), 0, 1)
		bd.SetSize(200, 40)
	}
}

// BenchmarkKey is one key or scroll message and the frame after it, at
// about 100, 1,000 and 10,000 laid-out lines: it must not grow with the
// document.
func BenchmarkKey(b *testing.B) {
	// about 8.2 laid-out lines per event of the bench story at 160 columns
	for _, n := range []int{15, 122, 1220} {
		st := benchStoryN(n)
		m := newModel(b, st, 160, 45)
		lines := len(m.body.rows)
		m.body.goTo(m.body.events[len(m.body.events)/2])
		m.fit()
		msgs := []tea.Msg{keyMsg("j"), keyMsg("k"), keyMsg("n"), keyMsg("p"),
			tea.MouseMsg{Button: tea.MouseButtonWheelDown, Action: tea.MouseActionPress},
			tea.MouseMsg{Button: tea.MouseButtonWheelUp, Action: tea.MouseActionPress},
			keyMsg("space"), keyMsg("b")}
		b.Run(fmt.Sprintf("lines=%d", roundLines(lines)), func(b *testing.B) {
			i := 0
			took := make([]time.Duration, 0, 1<<16)
			for b.Loop() {
				t0 := time.Now()
				m.Update(msgs[i%len(msgs)])
				_ = m.View()
				if len(took) < cap(took) {
					took = append(took, time.Since(t0))
				}
				i++
			}
			// the targets are per message: the median and the slowest 1%
			slices.Sort(took)
			b.ReportMetric(float64(took[len(took)/2].Nanoseconds()), "p50-ns")
			b.ReportMetric(float64(took[len(took)*99/100].Nanoseconds()), "p99-ns")
			b.ReportMetric(float64(lines), "lines")
		})
	}
}

func roundLines(n int) int {
	switch {
	case n < 500:
		return 100
	case n < 5000:
		return 1000
	}
	return 10000
}

// TestResizeBurstBigStory: on a big story a burst of resizes costs one
// background layout; frames in between fit the terminal, and the last
// layout wins.
func TestResizeBurstBigStory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2,000-event story")
	}
	st := benchStoryN(2000)
	m := newModel(t, st, 160, 45)
	if !m.big {
		t.Fatalf("a %d-byte story is not laid out in the background", storyBytes(st))
	}
	press(m, "n", "n", "n")
	cur := m.body.cur
	var cmds []tea.Cmd
	for i := 0; i < 300; i++ {
		w, h := 1+i*37%400, 1+i*11%80
		_, cmd := m.Update(tea.WindowSizeMsg{Width: w, Height: h})
		checkFits(t, m.View(), w, h)
		if cmd != nil {
			cmds = append(cmds, cmd)
		}
	}
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 120, Height: 40})
	cmds = append(cmds, cmd)
	// Stale layouts arrive, then the last one: only it is installed.
	for _, c := range []tea.Cmd{cmds[0], cmds[len(cmds)/2], cmds[len(cmds)-1]} {
		if c == nil {
			continue
		}
		m.Update(c())
	}
	if m.body.g != geometry(120) || m.pending {
		t.Fatalf("after the burst: layout for %d columns, pending %v", m.body.g.width, m.pending)
	}
	if m.body.cur != cur {
		t.Fatalf("current event %d, want %d", m.body.cur, cur)
	}
	fresh := newModel(t, st, 120, 40)
	fresh.body.goTo(cur)
	fresh.fit()
	if m.View() != fresh.View() {
		t.Fatalf("after the burst the screen differs from a fresh one")
	}
}

// TestFirstScreenBigStory: a big story shows its first screen from a
// partial layout and gets the rest from the background.
func TestFirstScreenBigStory(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a 2,000-event story")
	}
	st := benchStoryN(2000)
	m := New(st, Options{Renderer: pinned(0)})
	_, cmd := m.Update(tea.WindowSizeMsg{Width: 160, Height: 45})
	if cmd == nil || !m.pending {
		t.Fatal("no background layout for a big story")
	}
	partial := len(m.body.rows)
	if partial == 0 || partial > 400 {
		t.Fatalf("first screen laid out %d rows", partial)
	}
	checkFits(t, m.View(), 160, 45)
	if sb := statusLine(m); !strings.Contains(sb, "(laying out)") {
		t.Errorf("first screen: the status bar does not say the rest is being laid out: %q", sb)
	}
	press(m, "n", "n")
	cur := m.body.cur
	m.Update(cmd())
	if sb := statusLine(m); !strings.Contains(sb, fmt.Sprintf("/%d shown", len(m.body.events))) {
		t.Errorf("after the background layout: status bar %q", sb)
	}
	if m.pending || m.body.rowLimit != 0 || len(m.body.rows) <= partial {
		t.Fatalf("after the background layout: %d rows (first screen %d), pending %v", len(m.body.rows), partial, m.pending)
	}
	if m.body.cur != cur {
		t.Fatalf("current event moved from %d to %d", cur, m.body.cur)
	}
	if fresh := newModel(t, st, 160, 45); len(fresh.body.rows) != len(m.body.rows) {
		t.Fatalf("%d rows, a full layout has %d", len(m.body.rows), len(fresh.body.rows))
	}
}

// BenchmarkFirstScreen is opening a 2,000-event story: the first size
// message and the first frame.
func BenchmarkFirstScreen(b *testing.B) {
	st := benchStoryN(2000)
	for b.Loop() {
		m := New(st, Options{Renderer: pinned(0)})
		m.Update(tea.WindowSizeMsg{Width: 200, Height: 50})
		_ = m.View()
	}
}

// BenchmarkThresholdKey is + or - on a 2,000-event story: re-grouping the
// scored pairs, diffing what changed, and laying the story out again.
func BenchmarkThresholdKey(b *testing.B) {
	st := benchStoryN(2000)
	m := newModel(b, st, 160, 45)
	m.body.goTo(m.body.events[len(m.body.events)/2])
	keys := []tea.Msg{keyMsg("+"), keyMsg("-")}
	i := 0
	for b.Loop() {
		m.Update(keys[i%2])
		_ = m.View()
		i++
	}
}
