package ui

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/charmbracelet/bubbles/key"
	"github.com/charmbracelet/bubbles/textinput"
	tea "github.com/charmbracelet/bubbletea"
	"github.com/charmbracelet/lipgloss"
	"github.com/charmbracelet/x/ansi"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/wording"
)

// The editor's keys change the alignment the reader shows: the pairing
// threshold, splits, joins (pins) and notes. Each edit is written to the
// review file at once, and the story is re-aligned from the scores it
// already has (story.Realign), keeping the current event in view.

// thresholdStep is how far + and - move the pairing threshold.
const thresholdStep = 0.05

// editor is the reader's review state.
type editor struct {
	rev     *review.Review
	path    string // the review file edits are saved to
	unsaved string // why edits are not saved, when path is ""
	undo    []undoStep
	base    float64 // the threshold of a review that sets none
	// pending counts the edits made since the review was last saved whole
	// (0: all saved); why is the last reason a save failed.
	pending int
	why     string
	saveAs  textinput.Model // the path prompt of saving elsewhere at quit
	// savedAs is where the edits went when they were saved elsewhere.
	savedAs string
	// mark is the left block the first join key picked; marked says one
	// is pending, markEv is its event when it was picked.
	mark   review.Ref
	marked bool
	markEv int
	note   textinput.Model
	// prefill is the note as the prompt showed it: a note read from a file
	// may hold controls, which the prompt shows as visible symbols; left
	// as it was, the note is kept as it was.
	prefill string
}

func (m *Model) initEditor(opt Options, r *lipgloss.Renderer) {
	m.ed.rev = m.st.Review()
	if m.ed.rev == nil {
		m.ed.rev = &review.Review{Version: review.Version}
	}
	m.ed.path, m.ed.unsaved = opt.ReviewPath, opt.ReviewUnsaved
	m.ed.base = m.st.Threshold()
	switch n := len(m.st.ReviewWarnings()); {
	case opt.Warning != "":
		m.setStatus(opt.Warning, true)
	case n > 0:
		m.setStatus(fmt.Sprintf("review: %s found nowhere in the text: kept in the file, not shown", wording.Count(n, "entry")), true)
	default:
		if w := loadWarning(m.st); w != "" {
			m.setStatus(w, true)
		}
	}
	if m.ed.path == "" && m.ed.unsaved == "" {
		m.ed.unsaved = "no review file"
	}
	m.ed.note = newInput(r, "note: ")
	m.ed.note.Placeholder = "a note on this event (enter saves, empty removes, esc cancels)"
	m.ed.saveAs = newInput(r, "save the edits to: ")
}

// loadWarning is the first warning from loading the story's articles,
// naming the file, and how many more there are ("" when none): they went
// to stderr before the reader's screen covered it.
func loadWarning(st *story.Story) string {
	first, more := "", 0
	for i, a := range st.Articles {
		for _, w := range a.Warnings {
			if first != "" {
				more++
				continue
			}
			name := filepath.Base(a.Path)
			if a.Path == "" {
				name = view.Outlet(st, i)
			}
			first = textsafe.VisibleLine(name + ": " + w)
		}
	}
	if more > 0 {
		first += fmt.Sprintf(" (and %s)", wording.Count(more, "more warning"))
	}
	return first
}

// editKey handles the editor's keys in reading mode; ok says the key was
// one of them.
func (m *Model) editKey(msg tea.KeyMsg) (tea.Cmd, bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Raise):
		m.moveThreshold(+1)
	case key.Matches(msg, k.Lower):
		m.moveThreshold(-1)
	case key.Matches(msg, k.SplitEvent):
		m.splitEvent()
	case key.Matches(msg, k.Join):
		m.join()
	case key.Matches(msg, k.Note):
		return m.openNote(), true
	case key.Matches(msg, k.Undo):
		m.undo()
	case m.ed.marked && msg.Type == tea.KeyEsc:
		m.ed.marked = false
		m.setStatus("join cancelled", false)
	default:
		return nil, false
	}
	return nil, true
}

// blocksOf is the story's articles as blocks, as the review package takes them.
func blocksOf(st *story.Story) [][]segment.Block {
	out := make([][]segment.Block, len(st.Articles))
	for a := range st.Articles {
		out[a] = st.Articles[a].Blocks
	}
	return out
}

// anchor is the block that stands for the current event: its first block
// in the left column, else in the right one.
func (m *Model) anchor() (review.Ref, bool) {
	b := m.body
	if b.cur < 0 || b.cur >= len(m.st.Events) {
		return review.Ref{}, false
	}
	e := &m.st.Events[b.cur]
	for _, a := range []int{b.l, b.r} {
		if len(e.Blocks[a]) > 0 {
			return review.MakeRef(blocksOf(m.st), a, e.Blocks[a][0]), true
		}
	}
	return review.Ref{}, false
}

// eventOf is the event of st holding block ref, or -1.
func eventOf(st *story.Story, ref review.Ref) int {
	for k := range st.Events {
		if ref.Article < 0 || ref.Article >= len(st.Events[k].Blocks) {
			continue
		}
		for _, i := range st.Events[k].Blocks[ref.Article] {
			if i == ref.Block {
				return k
			}
		}
	}
	return -1
}

// realign shows the story aligned at threshold with the review applied,
// keeping the event that holds the current event's block current, at the
// same place on the screen.
func (m *Model) realign(threshold float64) {
	ref, ok := m.anchor()
	m.realignOn(threshold, ref, ok)
}

// realignOn is realign with the event that holds block ref current, in
// the place on the screen of the event now current.
func (m *Model) realignOn(threshold float64, ref review.Ref, ok bool) {
	st := m.st.Realign(threshold, m.ed.rev)
	cur := -1
	if ok {
		cur = eventOf(st, ref)
	}
	m.setStory(st)
	m.body.replace(st, cur)
	if m.ed.marked {
		m.ed.markEv = eventOf(st, m.ed.mark)
	}
}

// setStory makes st the story every part of the reader shows.
func (m *Model) setStory(st *story.Story) {
	m.st = st
	m.exp.st = st
	m.pick.st = st
	// The header's counts and coverage change with the alignment.
	m.drawn.forgetStory()
	// A layout still being made in the background is for the old story.
	m.layoutGen++
	m.pending = false
	// The whole-story checks follow the edited alignment.
	if storyBytes(st) <= syncChecksBytes {
		m.setChecks(insight.Analyze(st))
	} else {
		m.checks, m.body.conflicts = nil, nil
		m.drawn.forgetSummary()
		m.checksStale = true
	}
	m.diffsStale = true
}

// replace shows st, whose events differ from the shown story's, with event
// cur current and kept where the current event was on the screen.
func (b *body) replace(st *story.Story, cur int) {
	delta := 0
	if s, ok := b.start[b.cur]; ok {
		delta = b.offset - s
	}
	// Events that keep their blocks and note keep their rows: most of a
	// long story after a threshold step.
	var cache [][]row
	if b.cache != nil && b.cacheKey == [3]int{b.g.width, b.l, b.r} {
		old := make(map[string][]row, len(b.cache))
		for k, rows := range b.cache {
			if rows != nil {
				old[eventKey(b.st, k, b.l, b.r)] = rows
			}
		}
		cache = make([][]row, len(st.Events))
		for k := range st.Events {
			if rows, ok := old[eventKey(st, k, b.l, b.r)]; ok {
				cp := make([]row, len(rows))
				for i, rw := range rows {
					rw.ev = k
					cp[i] = rw
				}
				cache[k] = cp
			}
		}
	}
	b.st = st
	b.cache, b.rowLimit = cache, 0
	if cache == nil {
		b.cacheKey = [3]int{}
	}
	b.cur = cur
	b.start = map[int]int{cur: 0}
	b.offset = delta
	b.relayout()
	// The event may have shrunk: never leave its rule out of view below it.
	if s, ok := b.start[b.cur]; ok && b.offset > s {
		end := s + 1
		for end < len(b.rows) && b.rows[end].ev == b.cur {
			end++
		}
		if b.offset >= end {
			b.offset = s
			b.clamp()
		}
	}
}

// eventKey identifies what event k's rows show for the pair l, r: its
// blocks, its note and its possible matches, which name other events.
func eventKey(st *story.Story, k, l, r int) string {
	e := &st.Events[k]
	var sb strings.Builder
	for _, h := range layout.Hints(st, k, l, r) {
		sb.WriteString(h.Text)
		sb.WriteByte('|')
	}
	for _, bs := range e.Blocks {
		for _, i := range bs {
			sb.WriteString(strconv.Itoa(i))
			sb.WriteByte(',')
		}
		sb.WriteByte('|')
	}
	sb.WriteString(e.Note)
	return sb.String()
}

// edit records the review before a change, for undo.
func (m *Model) edit() {
	m.ed.undo = append(m.ed.undo, undoStep{rev: m.ed.rev.Clone()})
	if len(m.ed.undo) > 100 {
		m.ed.undo = m.ed.undo[1:]
	}
}

// undoStep is the review before an edit and after it, and what the edit
// did. Undo takes back the change from after to rev, not the whole review:
// what another reader saved meanwhile stays.
type undoStep struct {
	rev, after *review.Review
	what       string
}

// save writes the review and says so, after what; what also names the
// edit just recorded, for undo to say what it takes back.
func (m *Model) save(what string) {
	if n := len(m.ed.undo); n > 0 && m.ed.undo[n-1].what == "" {
		// "threshold 0.54: 17 events (was 17)" is undone as "threshold 0.54"
		m.ed.undo[n-1].what, _, _ = strings.Cut(what, ":")
		m.ed.undo[n-1].after = m.ed.rev.Clone()
	}
	m.ed.pending++
	if m.ed.path == "" {
		m.ed.why = m.ed.unsaved
		m.setStatus(what+" (not saved: "+m.ed.unsaved+")", false)
		return
	}
	merged, err := m.ed.rev.Save(m.ed.path)
	if err != nil {
		m.ed.why = oneLine(err.Error())
		m.setStatus(what+"; not saved: "+m.ed.why, true)
		return
	}
	m.ed.pending, m.ed.why = 0, ""
	if merged {
		// Another reader saved edits meanwhile: show them too.
		th := m.st.Threshold()
		if t := m.ed.rev.Threshold; t != nil {
			th = min(1, max(0, *t))
		}
		m.realign(th)
		m.setStatus(what+" · saved to "+filepath.Base(m.ed.path)+" with the edits saved there meanwhile", false)
		return
	}
	m.setStatus(what+" · saved to "+filepath.Base(m.ed.path), false)
}

func (m *Model) moveThreshold(dir int) {
	th := m.st.Threshold()
	next := thresholdAfter(th, dir, story.DefaultOptions().Align.Threshold)
	if next == th {
		m.setStatus(fmt.Sprintf("threshold is already %.2f", th), false)
		return
	}
	m.edit()
	m.ed.rev.SetThreshold(next)
	before, old := m.pairEvents(), m.st
	m.realign(next)
	joined, split := regrouped(old, m.st, m.body.l, m.body.r)
	m.save(fmt.Sprintf("threshold %.2f: %d events (was %d) · %s joined, %d split", next, m.pairEvents(), before,
		wording.Count(joined, "event"), split))
}

// thresholdAfter is the threshold one step of + (dir 1) or - (dir -1)
// from th: the next of the steps that pass through origin, the aligner's
// default, within [0, 1]. Steps from the ends (0 and 1) land on those
// steps too, so the default is always a few presses away.
func thresholdAfter(th float64, dir int, origin float64) float64 {
	k := (th - origin) / thresholdStep
	var n float64
	if dir > 0 {
		n = math.Floor(k+1e-6) + 1
	} else {
		n = math.Ceil(k-1e-6) - 1
	}
	next := math.Round((origin+n*thresholdStep)*100) / 100
	return math.Max(0, math.Min(1, next))
}

// regrouped counts, for the blocks of articles l and r, the events of
// after that join blocks before held in different events, and the events
// of before whose blocks after puts in different events.
func regrouped(before, after *story.Story, l, r int) (joined, split int) {
	eventOf := func(st *story.Story) map[[2]int]int {
		m := map[[2]int]int{}
		for k := range st.Events {
			e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
			for _, a := range []int{l, r} {
				for _, i := range e.Blocks[a] {
					m[[2]int{a, i}] = k
				}
			}
		}
		return m
	}
	was, now := eventOf(before), eventOf(after)
	from := map[int]map[int]bool{} // an event of after: the events of before its blocks were in
	to := map[int]map[int]bool{}   // an event of before: the events of after its blocks are in
	for b, k := range now {
		o, ok := was[b]
		if !ok {
			continue
		}
		if from[k] == nil {
			from[k] = map[int]bool{}
		}
		from[k][o] = true
		if to[o] == nil {
			to[o] = map[int]bool{}
		}
		to[o][k] = true
	}
	for _, s := range from {
		if len(s) > 1 {
			joined++
		}
	}
	for _, s := range to {
		if len(s) > 1 {
			split++
		}
	}
	return joined, split
}

// pairEvents counts the events of the two articles shown as the title line
// does, page furniture left out.
func (m *Model) pairEvents() int {
	shared, onlyL, onlyR := counts(m.st, m.body.l, m.body.r)
	return shared + onlyL + onlyR
}

// splitEvent makes every block the current event has in the two columns
// an event of its own.
func (m *Model) splitEvent() {
	b := m.body
	if b.cur < 0 {
		m.setStatus("no event to split", false)
		return
	}
	e := &m.st.Events[b.cur]
	var refs []review.Ref
	arts := blocksOf(m.st)
	for _, a := range []int{b.l, b.r} {
		for _, i := range e.Blocks[a] {
			refs = append(refs, review.MakeRef(arts, a, i))
		}
	}
	if len(refs) < 2 {
		m.setStatus("nothing to split: the event has one block", false)
		return
	}
	n := b.cur + 1
	m.edit()
	m.ed.rev.Split(refs...)
	m.realign(m.st.Threshold())
	// Say where the pieces went: events the first article lacks move.
	var ks []int
	for _, ref := range refs {
		if k := eventOf(m.st, ref); k >= 0 && !slices.Contains(ks, k) {
			ks = append(ks, k)
		}
	}
	slices.Sort(ks)
	now := make([]string, len(ks))
	for i, k := range ks {
		now[i] = strconv.Itoa(k + 1)
	}
	m.save(fmt.Sprintf("split event %d into events %s", n, strings.Join(now, ", ")))
}

// join is the two-step pick: the first press marks the current event's
// left block, the second joins the current event's right block with it.
func (m *Model) join() {
	b := m.body
	if b.cur < 0 {
		m.setStatus("no event here", false)
		return
	}
	e := &m.st.Events[b.cur]
	if !m.ed.marked {
		if len(e.Blocks[b.l]) == 0 {
			m.setStatus("join: this event has no block in "+view.Outlet(m.st, b.l)+"; start on one that has", true)
			return
		}
		m.ed.mark = review.MakeRef(blocksOf(m.st), b.l, e.Blocks[b.l][0])
		m.ed.marked, m.ed.markEv = true, b.cur
		return // the status bar explains the next step
	}
	if len(e.Blocks[b.r]) == 0 {
		m.setStatus("join: this event has no block in "+view.Outlet(m.st, b.r)+"; go to one that has, or esc", true)
		return
	}
	if m.ed.mark.Article != b.l {
		// The columns were swapped or changed since the mark.
		m.ed.marked = false
		m.setStatus("join cancelled: the columns changed", true)
		return
	}
	right := review.MakeRef(blocksOf(m.st), b.r, e.Blocks[b.r][0])
	from, to := m.ed.markEv+1, b.cur+1
	m.edit()
	m.ed.rev.Pin(m.ed.mark, right)
	m.ed.marked = false
	// Stay on the joined event, where the event the join ended on was:
	// the screen's offset is measured from that event.
	m.realignOn(m.st.Threshold(), right, true)
	if from == to {
		m.save(fmt.Sprintf("pinned event %d", from))
	} else {
		m.save(fmt.Sprintf("joined events %d and %d as event %d", from, to, m.body.cur+1))
	}
}

func (m *Model) openNote() tea.Cmd {
	if m.body.cur < 0 {
		m.setStatus("no event to note", false)
		return nil
	}
	m.mode = modeNote
	m.ed.prefill = textsafe.VisibleLine(m.st.Events[m.body.cur].Note)
	m.ed.note.SetValue(m.ed.prefill)
	m.ed.note.CursorEnd()
	m.updateKeys()
	return m.ed.note.Focus()
}

// noteKey handles a key while the note prompt is open.
func (m *Model) noteKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.mode = modeRead
		m.ed.note.Blur()
		m.updateKeys()
		return nil
	case tea.KeyEnter:
		m.mode = modeRead
		m.ed.note.Blur()
		m.updateKeys()
		if v := m.ed.note.Value(); v != m.ed.prefill {
			m.setNote(strings.Join(strings.Fields(v), " "))
		}
		return nil
	}
	var cmd tea.Cmd
	m.ed.note, cmd = m.ed.note.Update(typed(msg))
	return cmd
}

// setNote puts text on the current event, replacing any note it has.
func (m *Model) setNote(text string) {
	ref, ok := m.anchor()
	if !ok {
		return
	}
	e := &m.st.Events[m.body.cur]
	if text == e.Note {
		return
	}
	m.edit()
	m.ed.rev.SetNoteOn(e.Blocks, blocksOf(m.st), ref, text)
	n := m.body.cur + 1
	m.realign(m.st.Threshold())
	if text == "" {
		m.save(fmt.Sprintf("removed the note on event %d", n))
	} else {
		m.save(fmt.Sprintf("noted event %d", n))
	}
}

func (m *Model) undo() {
	if len(m.ed.undo) == 0 {
		m.setStatus("nothing to undo", false)
		return
	}
	step := m.ed.undo[len(m.ed.undo)-1]
	prev := step.rev
	if step.after != nil {
		var err error
		if prev, err = review.Merge(step.after, step.rev, m.ed.rev); err != nil {
			m.setStatus("cannot undo "+step.what+": "+oneLine(err.Error()), true)
			return
		}
	}
	m.ed.undo = m.ed.undo[:len(m.ed.undo)-1]
	m.ed.rev = prev
	th := m.ed.base
	if prev.Threshold != nil {
		th = *prev.Threshold
	}
	m.realign(th)
	m.save("undone: " + step.what)
}

// editParts are the status bar's account of the editor: the threshold,
// and a pending join.
func (m *Model) editParts() []string {
	parts := []string{fmt.Sprintf("threshold %.2f", m.st.Threshold())}
	if m.ed.marked {
		parts = append(parts, fmt.Sprintf("joining event %d", m.ed.markEv+1))
	}
	return parts
}

// joinHint replaces the key hint while a join is pending: what was picked
// and what to do next.
func (m *Model) joinHint(w int) string {
	s := fmt.Sprintf(" join: %s's block of event %d picked · go to an event with a block in %s · a: join · esc: cancel",
		textsafe.VisibleLine(view.Outlet(m.st, m.ed.mark.Article)), m.ed.markEv+1, textsafe.VisibleLine(view.Outlet(m.st, m.body.r)))
	return m.pal.message.render(ansi.Truncate(s, w, "…"))
}

// noteRows lays out event k's note under its rule.
func noteRows(st *story.Story, k int, g geom) []row {
	note := st.Events[k].Note
	if note == "" {
		return nil
	}
	text := "note: " + strings.Join(strings.Fields(textsafe.VisibleLine(note)), " ")
	var rows []row
	for _, ln := range layout.Wrap([]layout.Span{{Text: text}}, max(1, g.width-g.indent)) {
		rows = append(rows, row{kind: rowNote, ev: k, left: ln})
	}
	return rows
}

// paintNote writes a note row and returns its width.
func (b *body) paintNote(out *strings.Builder, ln layout.Line) int {
	out.WriteString(spaces(b.g.indent))
	s := ln.String()
	b.pal.moved.wrap(out, s)
	return b.g.indent + ansi.StringWidth(s)
}

// quit leaves the reader, or asks first when edits are not saved: they
// would be lost.
func (m *Model) quit() tea.Cmd {
	if m.ed.pending == 0 {
		return tea.Quit
	}
	m.mode = modeQuit
	m.setStatus(fmt.Sprintf("%s not saved: %s", wording.Count(m.ed.pending, "edit"), m.ed.why), true)
	m.updateKeys()
	return nil
}

// quitHint is the question quit asks.
func (m *Model) quitHint(w int) string {
	s := " quit and lose them? y: quit · s: save them to another file · esc: stay"
	return m.pal.message.render(ansi.Truncate(s, w, "…"))
}

// quitKey answers the question quit asks.
func (m *Model) quitKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.String() {
	case "y", "Y", "q":
		return tea.Quit
	case "s", "S":
		m.mode = modeSaveAs
		m.ed.saveAs.SetValue(m.saveAsPath())
		m.ed.saveAs.CursorEnd()
		m.setStatus("enter saves the edits there; esc goes back", false)
		m.updateKeys()
		return m.ed.saveAs.Focus()
	case "esc", "n", "N":
		m.mode = modeRead
		m.setStatus("", false)
		m.updateKeys()
	}
	return nil
}

// saveAsPath is the path the save-elsewhere prompt offers: the review's
// name in the home folder (the review's own folder may be the problem).
func (m *Model) saveAsPath() string {
	name := filepath.Base(m.ed.path)
	if m.ed.path == "" {
		name = m.st.Name + ".synoptic.json"
	}
	if home, err := os.UserHomeDir(); err == nil {
		return filepath.Join(home, name)
	}
	return name
}

// saveAsKey handles a key in the save-elsewhere prompt: enter saves the
// whole review there and quits, saying where it went.
func (m *Model) saveAsKey(msg tea.KeyMsg) tea.Cmd {
	switch msg.Type {
	case tea.KeyEsc:
		m.ed.saveAs.Blur()
		m.mode = modeQuit
		m.setStatus(fmt.Sprintf("%s not saved: %s", wording.Count(m.ed.pending, "edit"), m.ed.why), true)
		return nil
	case tea.KeyEnter:
		path := strings.TrimSpace(m.ed.saveAs.Value())
		if strings.HasPrefix(path, "~/") {
			if home, err := os.UserHomeDir(); err == nil {
				path = filepath.Join(home, path[2:])
			}
		}
		if path == "" {
			return nil
		}
		if info, err := os.Stat(path); err == nil && info.IsDir() {
			path = filepath.Join(path, filepath.Base(m.saveAsPath()))
		}
		// A new file for this review: what it held is not ours to
		// merge with, unless it is a review already (then it is merged).
		rev := m.ed.rev.Clone()
		rev.Forget()
		if _, err := rev.Save(path); err != nil {
			m.setStatus("not saved: "+oneLine(err.Error()), true)
			return nil
		}
		if abs, err := filepath.Abs(path); err == nil {
			path = abs
		}
		m.ed.savedAs, m.ed.pending = path, 0
		return tea.Quit
	}
	var cmd tea.Cmd
	m.ed.saveAs, cmd = m.ed.saveAs.Update(typed(msg))
	return cmd
}

// EditsReport says what became of the editor's edits when the reader
// ended, for a line on stderr once the terminal is restored: where they
// were saved when not to the review file, or how many were lost and why.
// It is "" when every edit was saved to the review file.
func (m *Model) EditsReport() string {
	switch {
	case m.ed.savedAs != "":
		return fmt.Sprintf("edits saved to %s; open the story with --review %s to use them", m.ed.savedAs, m.ed.savedAs)
	case m.ed.pending > 0:
		return fmt.Sprintf("%s not saved (%s)", wording.Count(m.ed.pending, "edit"), m.ed.why)
	}
	return ""
}
