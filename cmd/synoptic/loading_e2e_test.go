package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
)

// slowPages serves two reports of one story; /late answers only once
// release is closed, with the page or, when fail is set, a 404.
func slowPages(t *testing.T, release chan struct{}, fail bool) (*httptest.Server, *atomic.Int64) {
	var asked atomic.Int64
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path != "/late" {
			http.NotFound(w, r)
			return
		}
		asked.Add(1)
		select {
		case <-release:
		case <-r.Context().Done():
			return
		}
		if fail {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(`<!doctype html><html><head><meta charset="utf-8"><title>Bridge shuts for cable work</title>
<meta property="og:site_name" content="The Harbour Herald"></head><body><article>
<h1>Harbour bridge shuts for cable work</h1>
<p>The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced.</p>
<p>Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.</p>
</article></body></html>`))
	}))
	t.Cleanup(ts.Close)
	t.Cleanup(func() {
		select {
		case <-release:
		default:
			close(release)
		}
	})
	return ts, &asked
}

// TestReaderOpensBeforeReading runs the reader in tmux on a local file and
// a web address that answers only when the test says: the loading screen
// is up while the address is still being read, and then the story opens,
// or the address's failure is reported as the export reports it, with the
// same exit status.
func TestReaderOpensBeforeReading(t *testing.T) {
	needTmux(t)
	bin := synopticBin(t)
	dir := t.TempDir()
	local := filepath.Join(dir, "courier.txt")
	if err := os.WriteFile(local, []byte("Harbour bridge to close for repairs\n\n"+
		"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.\n\n"+
		"Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	reader := func(url string) *tmux {
		return newTmux(t, 160, 45, "env TERM=xterm-256color SYNOPTIC_CACHE="+t.TempDir()+" "+bin+" "+local+" "+url)
	}

	t.Run("the loading screen while a page is read, then the story", func(t *testing.T) {
		release := make(chan struct{})
		ts, asked := slowPages(t, release, false)
		tx := reader(ts.URL + "/late")
		s := tx.waitFor("the loading screen", func(s screen) bool { return strings.Contains(s.text, "reading files: 0 of 2") })
		if asked.Load() == 0 {
			t.Errorf("the loading screen came before the page was asked for:\n%s", s.text)
		}
		if statusRE.MatchString(s.text) || !strings.Contains(s.text, "q quits") {
			t.Errorf("not the loading screen while the page is read:\n%s", s.text)
		}
		close(release)
		s = tx.waitFor("the first events", func(s screen) bool { return statusRE.MatchString(s.text) })
		if !strings.Contains(s.text, "The Harbour Herald") || !strings.Contains(s.text, "coastal road") {
			t.Errorf("the reader does not show the page it waited for:\n%s", s.text)
		}
		tx.keys("q")
		if s := tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") }); !strings.Contains(s.text, "EXIT=0") {
			t.Errorf("q: exit status line %q", lastLine(s.text))
		}
	})

	t.Run("a page that fails is reported as the export reports it", func(t *testing.T) {
		release := make(chan struct{})
		ts, _ := slowPages(t, release, true)
		url := ts.URL + "/late"
		tx := reader(url)
		tx.waitFor("the loading screen", func(s screen) bool { return strings.Contains(s.text, "reading files: 0 of 2") })
		close(release)
		s := tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		want := runIn(t, dir, t.TempDir(), "", "export", "--format", "txt", local, url)
		msg := strings.TrimSpace(want.stderr)
		if want.code != exitInput || !strings.Contains(msg, url) {
			t.Fatalf("the export of a missing page: exit %d, %q", want.code, msg)
		}
		if !strings.Contains(s.text, "EXIT=1") || !strings.Contains(strings.Join(strings.Fields(s.text), " "), msg) {
			t.Errorf("the reader's failure: want %q and EXIT=1, screen:\n%s", msg, s.text)
		}
		if tx.flag("alternate_on") != "0" {
			t.Errorf("the terminal is left on the alternate screen")
		}
	})

	t.Run("what was skipped is said when the reader ends", func(t *testing.T) {
		folder := t.TempDir()
		for name, text := range map[string]string{
			"a.txt":     "Bridge to close\n\nThe harbour bridge will close for six weeks from Monday.\n",
			"b.txt":     "Bridge shuts\n\nThe harbour bridge will shut for eight weeks from Monday.\n",
			"notes.pdf": "not an article",
		} {
			if err := os.WriteFile(filepath.Join(folder, name), []byte(text), 0o644); err != nil {
				t.Fatal(err)
			}
		}
		tx := newTmux(t, 160, 45, "env TERM=xterm-256color "+bin+" "+folder)
		tx.waitFor("the first events", func(s screen) bool { return statusRE.MatchString(s.text) })
		tx.keys("q")
		s := tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		if !strings.Contains(s.text, "EXIT=0") || !strings.Contains(s.text, "synoptic: skipped "+filepath.Join(folder, "notes.pdf")) {
			t.Errorf("after q: want the skipped file named and EXIT=0, screen:\n%s", s.text)
		}
	})

	t.Run("an article index the story lacks is a usage error", func(t *testing.T) {
		tx := newTmux(t, 160, 45, "env TERM=xterm-256color "+bin+" --articles 0,5 "+local+" "+local)
		s := tx.waitFor("exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
		if !strings.Contains(s.text, "EXIT=2") || !strings.Contains(s.text, `--articles "0,5"`) {
			t.Errorf("--articles 0,5 of two articles: screen:\n%s", s.text)
		}
	})
}
