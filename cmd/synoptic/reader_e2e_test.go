package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/benchdata"
)

// TestReaderInTmux builds the binary, runs the reader in a real terminal
// (tmux), presses keys and reads the screen as a person would.
func TestReaderInTmux(t *testing.T) {
	needTmux(t)
	bin := synopticBin(t)

	t.Run("n reaches absolute and sacred, q restores", func(t *testing.T) {
		tx := newTmux(t, 160, 45, "env TERM=xterm-256color COLORTERM= "+bin)
		tx.waitFor("reader start", func(s screen) bool { return statusRE.MatchString(s.text) })
		s := tx.nextUntil(func(cur screen) bool {
			return cur.inColumn("absolute", 0, 84) && cur.inColumn("sacred", 84, 160)
		})
		abs, sac := s.style("absolute"), s.style("sacred")
		str := s.styles("struggle")
		if len(str) < 2 {
			t.Fatalf("\"struggle\" is on screen %d times, want both columns:\n%s", len(str), s.text)
		}
		for _, st := range str {
			if st == abs || st == sac {
				t.Errorf("\"struggle\" (shared) is styled like a changed word: %q", st)
			}
			if st != "" {
				t.Errorf("\"struggle\" (shared) is not plain: %q", st)
			}
		}
		if abs == "" || sac == "" || abs == sac {
			t.Errorf("changed words not styled apart: absolute %q, sacred %q", abs, sac)
		}
		if tx.flag("alternate_on") != "1" || tx.flag("mouse_button_flag") != "1" {
			t.Errorf("the reader is not on the alternate screen with the mouse on")
		}
		tx.keys("q")
		s = tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		if !strings.Contains(s.text, "EXIT=0") {
			t.Errorf("q: exit status line %q", lastLine(s.text))
		}
		if strings.Contains(s.text, "event ") || strings.Contains(s.text, "absolute") {
			t.Errorf("the reader's screen is still there after q:\n%s", s.text)
		}
		for flag, want := range map[string]string{"alternate_on": "0", "mouse_any_flag": "0", "mouse_button_flag": "0", "cursor_flag": "1"} {
			if got := tx.flag(flag); got != want {
				t.Errorf("after q: %s = %s, want %s", flag, got, want)
			}
		}
	})

	t.Run("no colour keeps the styles apart, 80x24 stacks, ctrl+c exits 130", func(t *testing.T) {
		tx := newTmux(t, 80, 24, "env TERM=xterm-256color NO_COLOR=1 "+bin)
		tx.waitFor("reader start", func(s screen) bool { return statusRE.MatchString(s.text) })
		s := tx.nextUntil(func(cur screen) bool {
			return cur.lineWith(" ‹ ", "absolute") && cur.lineWith(" › ", "sacred")
		})
		at := eventStatus(tx.waitFor("status", func(s screen) bool { return statusRE.MatchString(s.text) }).text)
		if strings.Contains(s.raw, "38;5;") || strings.Contains(s.raw, "[31m") {
			t.Errorf("colour with NO_COLOR set")
		}
		abs, sac := s.style("absolute"), s.style("sacred")
		if abs == "" || sac == "" || abs == sac {
			t.Errorf("without colour, changed words not styled apart: %q %q", abs, sac)
		}
		if !strings.Contains(s.text, " ‹ ") || !strings.Contains(s.text, " › ") {
			t.Errorf("80 columns: not the stacked layout:\n%s", s.text)
		}
		// A storm of resizes, then back: the screen is whole again.
		for i := 0; i < 30; i++ {
			tx.run("resize-window", "-t", tx.name, "-x", strconv.Itoa(1+i*13%200), "-y", strconv.Itoa(1+i*7%60))
		}
		tx.run("resize-window", "-t", tx.name, "-x", "80", "-y", "24")
		tx.waitFor("resize back", func(s screen) bool {
			return eventStatus(s.text) == at && strings.Contains(s.text, "absolute")
		})
		tx.keys("C-c")
		s = tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		if !strings.Contains(s.text, "EXIT=130") {
			t.Errorf("ctrl+c: exit status line %q, want 130", lastLine(s.text))
		}
	})

	t.Run("+ and x are saved to the review and come back", func(t *testing.T) {
		rev := filepath.Join(t.TempDir(), "seed.synoptic.json")
		cmd := "env TERM=xterm-256color " + bin + " --review " + rev
		tx := newTmux(t, 160, 45, cmd)
		tx.waitFor("reader start", func(s screen) bool {
			return statusRE.MatchString(s.text) && strings.Contains(s.text, "threshold 0.49")
		})
		tx.keys("+")
		tx.waitFor("+", func(s screen) bool {
			return strings.Contains(s.text, "threshold 0.54") && strings.Contains(s.text, "saved to seed.synoptic.json")
		})
		tx.nextUntil(func(cur screen) bool {
			return cur.inColumn("absolute", 0, 84) && cur.inColumn("sacred", 84, 160)
		})
		tx.keys("x")
		s := tx.waitFor("x", func(s screen) bool {
			return strings.Contains(s.text, "split event") && strings.Contains(s.text, "saved to seed.synoptic.json")
		})
		// The current event is the first left block of the event, alone.
		if cur := s.body(); !strings.Contains(cur.text, "only left · split") || strings.Contains(cur.text, "sacred") {
			t.Errorf("x: the current event is not the left side alone:\n%s", cur.text)
		}
		tx.keys("q")
		if s := tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") }); !strings.Contains(s.text, "EXIT=0") {
			t.Errorf("q: exit status line %q", lastLine(s.text))
		}
		var saved struct {
			Threshold *float64 `json:"threshold"`
			Splits    []struct {
				Article int `json:"article"`
			} `json:"splits"`
		}
		b, err := os.ReadFile(rev)
		if err != nil {
			t.Fatalf("the review was not written: %v", err)
		}
		if err := json.Unmarshal(b, &saved); err != nil || saved.Threshold == nil || *saved.Threshold != 0.54 || len(saved.Splits) < 2 {
			t.Fatalf("review file %s (%v):\n%s", rev, err, b)
		}
		// The next run opens with the review: its threshold and the split.
		tx = newTmux(t, 160, 45, cmd)
		tx.waitFor("reader start with the review", func(s screen) bool { return strings.Contains(s.text, "threshold 0.54") })
		tx.nextUntil(func(cur screen) bool {
			return cur.inColumn("absolute", 0, 84) && strings.Contains(cur.text, "only left · split")
		})
		tx.keys("q")
	})

	t.Run("m opens the coverage matrix, enter shows the row's event side by side", func(t *testing.T) {
		tx := newTmux(t, 160, 45, "env TERM=xterm-256color "+bin+" ../../testdata/stories/kestrel-bridge")
		tx.waitFor("reader start", func(s screen) bool { return statusRE.MatchString(s.text) })
		tx.keys("m")
		s := tx.waitFor("the matrix", func(s screen) bool { return matrixRE.MatchString(s.text) })
		for _, want := range []string{"events × outlets", "Harbour Herald", "events covered", "only this outlet", "enter go to event"} {
			if !strings.Contains(s.text, want) {
				t.Errorf("the matrix screen lacks %q:\n%s", want, s.text)
			}
		}
		// Down to the row of an event the first two outlets do not share:
		// the $48 million of the repairs, which The Coastal Times leaves out.
		for i := 0; i < 12 && !strings.Contains(matrixRE.FindString(s.text), "The repairs will cost"); i++ {
			before := matrixRE.FindString(s.text)
			tx.keys("j")
			s = tx.waitFor("j", func(s screen) bool { return matrixRE.FindString(s.text) != before })
		}
		m := matrixRE.FindStringSubmatch(s.text)
		if m == nil || !strings.Contains(m[0], "The repairs will cost") {
			t.Fatalf("j never selected the row of the repairs:\n%s", s.text)
		}
		ev := m[2]
		if line := lineOf(s.text, "▸"); !strings.Contains(line, " "+ev+" The repairs will cost") {
			t.Errorf("the marked row %q is not event %s", line, ev)
		}
		tx.keys("Enter")
		s = tx.waitFor("event "+ev, func(s screen) bool { return eventStatus(s.text) == "event "+ev })
		lines := strings.Split(s.text, "\n")
		rule := -1
		for i, ln := range lines {
			if strings.Contains(ln, "▸") {
				rule = i
				break
			}
		}
		if rule < 1 || !strings.HasPrefix(strings.TrimSpace(lines[rule]), ev+" ▸") || !strings.HasPrefix(lines[rule-1], " outlets (shared") {
			t.Fatalf("event %s is not marked at the top of the body:\n%s", ev, s.text)
		}
		// Side by side, with an outlet that tells it on the right.
		if !s.inColumn("The repairs will cost", 0, 80) || !s.inColumn("The repairs will cost", 80, 160) || !strings.Contains(s.text, "┌ Elwin Wire") {
			t.Errorf("the event is not shown side by side with Elwin Wire:\n%s", s.text)
		}
		if !strings.Contains(s.text, "showing Harbour Herald and Elwin Wire") {
			t.Errorf("the status bar does not say the pair changed: %q", lastLine(s.text))
		}
		tx.keys("q")
		s = tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		if !strings.Contains(s.text, "EXIT=0") {
			t.Errorf("q: exit status line %q", lastLine(s.text))
		}
	})

	t.Run("a big story opens through the loading screen to its first events", func(t *testing.T) {
		dir := t.TempDir()
		paths, err := benchdata.Generate(benchdata.Config{Bytes: 3 << 20, Articles: 2, Seed: benchdata.Seed}).WriteFiles(dir)
		if err != nil {
			t.Fatal(err)
		}
		tx := newTmux(t, 160, 45, "env TERM=xterm-256color "+bin+" "+strings.Join(paths, " "))
		s := tx.waitFor("the first events", func(s screen) bool { return statusRE.MatchString(s.text) })
		if !strings.Contains(s.text, " events (") || !strings.Contains(s.text, "shared") {
			t.Errorf("the reader's header does not count the events:\n%s", s.text)
		}
		if !s.inColumn("┌ ", 0, 80) || !s.inColumn("┌ ", 80, 160) {
			t.Errorf("the two articles are not side by side:\n%s", s.text)
		}
		tx.keys("q")
		s = tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		if !strings.Contains(s.text, "EXIT=0") {
			t.Errorf("q: exit status line %q", lastLine(s.text))
		}
	})
}

// matrixRE is the coverage matrix's status bar: the row and its event.
var matrixRE = regexp.MustCompile(`coverage matrix · row (\d+)/\d+ · event (\d+) · [^\n]*`)

// lineOf is the first line of text that holds s.
func lineOf(text, s string) string {
	for _, ln := range strings.Split(text, "\n") {
		if strings.Contains(ln, s) {
			return ln
		}
	}
	return ""
}

// tmux drives one session on a private server.
type tmux struct {
	t      *testing.T
	socket string
	name   string
}

func newTmux(t *testing.T, w, h int, cmd string) *tmux {
	t.Helper()
	tx := &tmux{t: t, socket: fmt.Sprintf("synoptic-e2e-%d-%d", os.Getpid(), time.Now().UnixNano()), name: "reader"}
	// The shell prints the exit status when the reader ends and keeps the
	// pane open so that the restored screen can be read.
	tx.run("-f", "/dev/null", "new-session", "-d", "-s", tx.name, "-x", strconv.Itoa(w), "-y", strconv.Itoa(h),
		cmd+"; echo EXIT=$?; sleep 60")
	t.Cleanup(func() { exec.Command("tmux", "-L", tx.socket, "kill-server").Run() })
	return tx
}

func (tx *tmux) run(args ...string) string {
	tx.t.Helper()
	out, err := exec.Command("tmux", append([]string{"-L", tx.socket}, args...)...).CombinedOutput()
	if err != nil {
		tx.t.Fatalf("tmux %s: %v\n%s", strings.Join(args, " "), err, out)
	}
	return string(out)
}

func (tx *tmux) keys(k string) { tx.run("send-keys", "-t", tx.name, k) }

func (tx *tmux) flag(name string) string {
	return strings.TrimSpace(tx.run("display-message", "-p", "-t", tx.name, "#{"+name+"}"))
}

// waitFor captures the screen until ok accepts it (after a short settle).
func (tx *tmux) waitFor(what string, ok func(screen) bool) screen {
	tx.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		time.Sleep(60 * time.Millisecond)
		s := screen{raw: tx.run("capture-pane", "-p", "-e", "-t", tx.name)}
		s.parse()
		if ok(s) {
			return s
		}
		if time.Now().After(deadline) {
			tx.t.Fatalf("waiting for %s: screen is\n%s", what, s.text)
		}
	}
}

// nextUntil presses n until the current event's part of the screen
// satisfies ok, and returns that part.
func (tx *tmux) nextUntil(ok func(cur screen) bool) screen {
	tx.t.Helper()
	s := tx.waitFor("a screen", func(s screen) bool { return true })
	for i := 0; i < 40; i++ {
		if cur := s.body(); ok(cur) {
			return cur
		}
		before := eventStatus(s.text)
		tx.keys("n")
		s = tx.waitFor("n", func(s screen) bool { return eventStatus(s.text) != before })
	}
	tx.t.Fatalf("n never reached the event; last screen:\n%s", s.text)
	return s
}

func lastLine(s string) string {
	lines := strings.Split(strings.TrimRight(s, "\n "), "\n")
	return lines[len(lines)-1]
}

// screen is a captured pane: raw with escape sequences, text without, and
// for every character of text the graphic rendition it was drawn with.
type screen struct {
	raw   string
	text  string
	lines [][]cell
}

type cell struct {
	r     rune
	style string
}

// parse tracks SGR state through the capture.
func (s *screen) parse() {
	var text strings.Builder
	var line []cell
	attrs := map[string]string{}
	key := func() string {
		var parts []string
		for _, k := range []string{"bold", "faint", "italic", "underline", "reverse", "strike", "fg", "bg"} {
			if v := attrs[k]; v != "" {
				parts = append(parts, k+"="+v)
			}
		}
		return strings.Join(parts, ",")
	}
	raw := s.raw
	for i := 0; i < len(raw); {
		if raw[i] == 0x1b && i+1 < len(raw) && raw[i+1] == '[' {
			j := i + 2
			for j < len(raw) && (raw[j] >= '0' && raw[j] <= '9' || raw[j] == ';' || raw[j] == ':') {
				j++
			}
			if j < len(raw) && raw[j] == 'm' {
				applySGR(attrs, raw[i+2:j])
			}
			i = j + 1
			continue
		}
		r, size := utf8.DecodeRuneInString(raw[i:])
		i += size
		text.WriteRune(r)
		if r == '\n' {
			s.lines = append(s.lines, line)
			line = nil
			continue
		}
		line = append(line, cell{r, key()})
	}
	if line != nil {
		s.lines = append(s.lines, line)
	}
	s.text = text.String()
}

func applySGR(attrs map[string]string, params string) {
	ps := strings.Split(params, ";")
	for i := 0; i < len(ps); i++ {
		p := ps[i]
		switch {
		case p == "" || p == "0":
			for k := range attrs {
				delete(attrs, k)
			}
		case p == "1":
			attrs["bold"] = "1"
		case p == "2":
			attrs["faint"] = "1"
		case p == "22":
			attrs["bold"], attrs["faint"] = "", ""
		case p == "3":
			attrs["italic"] = "1"
		case p == "23":
			attrs["italic"] = ""
		case p == "4" || strings.HasPrefix(p, "4:"):
			attrs["underline"] = "1"
		case p == "24":
			attrs["underline"] = ""
		case p == "7":
			attrs["reverse"] = "1"
		case p == "27":
			attrs["reverse"] = ""
		case p == "9":
			attrs["strike"] = "1"
		case p == "29":
			attrs["strike"] = ""
		case p == "39":
			attrs["fg"] = ""
		case p == "49":
			attrs["bg"] = ""
		case p == "38" || p == "48":
			name := map[string]string{"38": "fg", "48": "bg"}[p]
			if i+2 < len(ps) && ps[i+1] == "5" {
				attrs[name] = ps[i+2]
				i += 2
			} else if i+4 < len(ps) && ps[i+1] == "2" {
				attrs[name] = strings.Join(ps[i+2:i+5], ",")
				i += 4
			}
		default:
			if n, err := strconv.Atoi(p); err == nil {
				switch {
				case n >= 30 && n <= 37, n >= 90 && n <= 97:
					attrs["fg"] = p
				case n >= 40 && n <= 47, n >= 100 && n <= 107:
					attrs["bg"] = p
				}
			}
		}
	}
}

// eventStatus is the "event N" of the status bar ("event N · i/n shown").
func eventStatus(text string) string {
	if m := statusRE.FindStringSubmatch(text); m != nil {
		return "event " + m[1]
	}
	return ""
}

var statusRE = regexp.MustCompile(`event (\d+) · \d+/\d+ shown ·`)

// body is the current event on the screen: from its rule (the one with the
// cursor) to the next rule, without the header whose headlines may hold the
// same words.
func (s screen) body() screen {
	isRule := func(line []cell) bool {
		return strings.Contains(string(runesOf(line)), "────")
	}
	for i, line := range s.lines {
		for _, c := range line {
			if c.r == '▸' {
				end := i + 1
				for end < len(s.lines) && !isRule(s.lines[end]) && !statusRE.MatchString(string(runesOf(s.lines[end]))) {
					end++
				}
				b := screen{raw: s.raw, lines: s.lines[i:end]}
				var text strings.Builder
				for _, l := range b.lines {
					for _, c := range l {
						text.WriteRune(c.r)
					}
					text.WriteByte('\n')
				}
				b.text = text.String()
				return b
			}
		}
	}
	return s
}

func runesOf(line []cell) []rune {
	out := make([]rune, len(line))
	for i, c := range line {
		out[i] = c.r
	}
	return out
}

// find returns the line and starting column of each occurrence of word.
func (s *screen) find(word string) [][2]int {
	var out [][2]int
	w := []rune(word)
	for li, line := range s.lines {
		for c := 0; c+len(w) <= len(line); c++ {
			match := true
			for k, r := range w {
				if line[c+k].r != r {
					match = false
					break
				}
			}
			if match {
				out = append(out, [2]int{li, c})
			}
		}
	}
	return out
}

// lineWith says whether a line starts with prefix and holds word.
func (s *screen) lineWith(prefix, word string) bool {
	for _, line := range strings.Split(s.text, "\n") {
		if strings.HasPrefix(line, prefix) && strings.Contains(line, word) {
			return true
		}
	}
	return false
}

// inColumn says whether word shows starting between columns from and to.
func (s *screen) inColumn(word string, from, to int) bool {
	for _, at := range s.find(word) {
		if at[1] >= from && at[1] < to {
			return true
		}
	}
	return false
}

// styles returns the rendition of each occurrence of word, which must be
// the same across the word.
func (s *screen) styles(word string) []string {
	var out []string
	for _, at := range s.find(word) {
		line := s.lines[at[0]]
		st := line[at[1]].style
		for k := range []rune(word) {
			if line[at[1]+k].style != st {
				st = "mixed"
			}
		}
		out = append(out, st)
	}
	return out
}

// style is the rendition of the first occurrence of word.
func (s *screen) style(word string) string {
	if st := s.styles(word); len(st) > 0 {
		return st[0]
	}
	return ""
}

// needTmux skips an end-to-end reader test under -short or without tmux.
func needTmux(t *testing.T) {
	t.Helper()
	if testing.Short() {
		t.Skip("end-to-end test: skipped with -short")
	}
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux); the end-to-end reader test needs it")
	}
}
