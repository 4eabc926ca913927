package ui

import (
	"context"
	"fmt"

	tea "github.com/charmbracelet/bubbletea"
)

// A story built with story.Options.DeferDiffs reaches the reader aligned
// but without its word diffs. The first screen diffs the events it shows
// (story.Ops diffs an event the first time it is asked for it); the rest
// are computed here, off the event loop and on all cores, while the status
// bar shows how far they are. Every later layout finds its diffs done.

// diffsMsg reports the progress of the background word diffs.
type diffsMsg struct {
	done, total int
	finished    bool
}

// diffWork is the state of the background word diffs.
type diffWork struct {
	ch          chan diffsMsg
	done, total int
	running     bool
}

// startDiffs returns the command that computes the story's missing word
// diffs, or nil when it has them all. Its goroutine starts when the command
// runs, after the update that returned it, so the first frame is laid out
// before the background work takes the processors.
func (m *Model) startDiffs() tea.Cmd {
	done, total := m.st.DiffProgress()
	if done == total || m.diffs.running {
		return nil
	}
	ch := make(chan diffsMsg, 1)
	m.diffs = diffWork{ch: ch, done: done, total: total, running: true}
	st := m.st
	return func() tea.Msg {
		go func() {
			// Only the newest count matters: a count the loop has not read
			// yet is replaced. This goroutine alone sends, so after the
			// drain the send never blocks.
			send := func(msg diffsMsg) {
				select {
				case <-ch:
				default:
				}
				ch <- msg
			}
			_ = st.FillDiffs(context.Background(), func(done, total int) {
				send(diffsMsg{done: done, total: total})
			})
			done, total := st.DiffProgress()
			send(diffsMsg{done: done, total: total, finished: true})
		}()
		return <-ch
	}
}

// waitDiffs waits for the next progress report.
func waitDiffs(ch chan diffsMsg) tea.Cmd {
	return func() tea.Msg { return <-ch }
}

// onDiffs records a progress report and waits for the next one until the
// diffs are done. The frame drawn after this update shows the new count;
// the layout needs no change, since every event it shows was diffed when it
// was laid out.
func (m *Model) onDiffs(msg diffsMsg) tea.Cmd {
	m.diffs.done, m.diffs.total = msg.done, msg.total
	if msg.finished {
		m.diffs.running = false
		// An edit may have re-aligned the story meanwhile: its new events
		// are diffed next (nil when there are none).
		return m.startDiffs()
	}
	return waitDiffs(m.diffs.ch)
}

// diffsStatus is the status bar's progress indicator while diffs are
// computed in the background, or "".
func (m *Model) diffsStatus() string {
	if !m.diffs.running || m.diffs.total == 0 {
		return ""
	}
	return fmt.Sprintf("diffing %d%%", 100*m.diffs.done/m.diffs.total)
}
