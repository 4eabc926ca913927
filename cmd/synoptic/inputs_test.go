package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// servePages serves two HTML reports of one story on 127.0.0.1.
func servePages(t *testing.T) *httptest.Server {
	pages := map[string]string{
		"/courier": `<!doctype html><html><head><meta charset="utf-8"><title>Harbour bridge to close</title>
<meta property="og:site_name" content="The Harbour Courier"></head><body><article><h1>Harbour bridge to close for repairs</h1>
<p>The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.</p>
<p>Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.</p>
</article></body></html>`,
		"/herald": `<!doctype html><html><head><meta charset="utf-8"><title>Bridge shuts for cable work</title></head><body><article>
<h1>Harbour bridge shuts for cable work</h1>
<p>The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced.</p>
<p>Ferries will run every ten minutes during the closure, and the council promised extra buses on the coastal road.</p>
</article></body></html>`,
	}
	ts := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(p))
	}))
	t.Cleanup(ts.Close)
	return ts
}

// runIn runs the binary in dir with a cache folder of its own and the
// given standard input.
func runIn(t *testing.T, dir, cache, stdin string, args ...string) result {
	t.Helper()
	return runWith(t, dir, []string{"SYNOPTIC_CACHE=" + cache}, strings.NewReader(stdin), args...)
}

func TestOpenURLs(t *testing.T) {
	ts := servePages(t)
	dir, cache := t.TempDir(), t.TempDir()
	r := runIn(t, dir, cache, "", "export", "--format", "json", ts.URL+"/courier", ts.URL+"/herald")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	for _, want := range []string{`"name": "harbour-bridge-close"`, `"outlet": "The Harbour Courier"`, `"path": "` + ts.URL + `/herald"`, "coastal road"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("export lacks %s", want)
		}
	}
	if entries, _ := os.ReadDir(cache); len(entries) != 2 {
		t.Errorf("cache holds %d files, want a copy of each page", len(entries))
	}
	// offline, from the copies
	ts.Close()
	again := runIn(t, dir, cache, "", "export", "--format", "json", ts.URL+"/courier", ts.URL+"/herald")
	if again.code != 0 || again.stdout != r.stdout {
		t.Errorf("offline run: exit %d, same output %v (%s)", again.code, again.stdout == r.stdout, again.stderr)
	}
	// the review of a story read from addresses is kept in the current folder
	if got := reviewPathFor([]string{ts.URL + "/courier"}, "harbour-bridge-close"); got != "harbour-bridge-close.synoptic.json" {
		t.Errorf("review path %q", got)
	}
}

func TestOpenURLErrorsNameTheAddress(t *testing.T) {
	ts := servePages(t)
	dir, cache := t.TempDir(), t.TempDir()
	r := runIn(t, dir, cache, "", "export", ts.URL+"/courier", ts.URL+"/gone")
	oneLineError(t, r, ts.URL+"/gone: ", "404 Not Found")
}

func TestStdinArticle(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	paths := bridgeArticles(t, dir)
	herald, err := os.ReadFile(filepath.Join(dir, paths[1]))
	if err != nil {
		t.Fatal(err)
	}
	r := runIn(t, dir, cache, string(herald), "export", "--format", "json", paths[0], "-")
	if r.code != 0 {
		t.Fatalf("exit %d: %s", r.code, r.stderr)
	}
	if !strings.Contains(r.stdout, `"path": "-"`) || !strings.Contains(r.stdout, "temporary lane") {
		t.Errorf("the article on standard input is missing:\n%s", r.stdout[:min(len(r.stdout), 600)])
	}
	empty := runIn(t, dir, cache, "", "export", paths[0], "-")
	oneLineError(t, empty, "standard input: ", "empty")
}

func TestStoryNameFlag(t *testing.T) {
	dir, cache := t.TempDir(), t.TempDir()
	md := filepath.Join(dir, "md")
	if err := os.Mkdir(md, 0o755); err != nil {
		t.Fatal(err)
	}
	bridgeArticles(t, md)
	r := runIn(t, dir, cache, "", "export", "--format", "json", "md")
	if !strings.Contains(r.stdout, `"name": "harbour-bridge-close-repairs"`) {
		t.Errorf("a folder named md: %s", r.stdout[:min(len(r.stdout), 200)])
	}
	r = runIn(t, dir, cache, "", "export", "--format", "json", "--name", "Bridge closure", "md")
	if !strings.Contains(r.stdout, `"name": "Bridge closure"`) {
		t.Errorf("--name: %s", r.stdout[:min(len(r.stdout), 200)])
	}
}

func TestExportExtensionNamingNoFormat(t *testing.T) {
	dir := t.TempDir()
	r := runBin(t, dir, "export", "-o", "out.pdf")
	if r.code != 2 || !strings.Contains(r.stderr, ".pdf names no export format") || !strings.Contains(r.stderr, "report-html") {
		t.Errorf("exit %d, stderr %q: want a usage error listing the formats", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "out.pdf")); err == nil {
		t.Error("out.pdf was written")
	}
	if r := runBin(t, dir, "export", "--format", "txt", "-o", "out.pdf"); r.code != 0 {
		t.Errorf("an explicit --format: exit %d %s", r.code, r.stderr)
	}
}

// "-" with the terminal as standard input is a usage error at once, not
// a wait for typing; piped, the reader reads the article and still takes
// its keys from the terminal.
func TestStdinOnATerminal(t *testing.T) {
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed (apt-get install tmux); this end-to-end test needs it")
	}
	bin := synopticBin(t)
	dir := t.TempDir()
	paths := bridgeArticles(t, dir)
	a, b := filepath.Join(dir, paths[0]), filepath.Join(dir, paths[1])
	tx := newTmux(t, 120, 30, "cd "+dir+" && "+bin+" export - "+b)
	s := tx.waitFor("the usage error", func(s screen) bool { return strings.Contains(s.text, "EXIT=") })
	if !strings.Contains(s.text, "standard input, which is the terminal") || !strings.Contains(s.text, "EXIT=2") {
		t.Errorf("- on a terminal:\n%s", s.text)
	}
	rd := newTmux(t, 120, 30, "cd "+dir+" && env TERM=xterm-256color cat "+a+" | "+bin+" - "+b)
	rd.waitFor("the reader", func(s screen) bool {
		return statusRE.MatchString(s.text) && strings.Contains(s.text, "Bridge shuts for cable work")
	})
	rd.keys("q")
	if s := rd.waitFor("the exit", func(s screen) bool { return strings.Contains(s.text, "EXIT=") }); !strings.Contains(s.text, "EXIT=0") {
		t.Errorf("q after reading from a pipe:\n%s", s.text)
	}
}
