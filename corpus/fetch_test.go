package corpus

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// page is a small saved-page-like article for the test server.
func page(site, title string, paras ...string) string {
	var b strings.Builder
	b.WriteString("<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title>")
	if site != "" {
		b.WriteString(`<meta property="og:site_name" content="` + site + `">`)
	}
	b.WriteString("</head><body><article><h1>" + title + "</h1>")
	for _, p := range paras {
		b.WriteString("<p>" + p + "</p>")
	}
	b.WriteString("</article></body></html>")
	return b.String()
}

var bridgeParas = []string{
	"The harbour bridge in Kestrel reopened on Friday after three weeks of repairs to its cables.",
	"Engineers from the county found corrosion in two of the main stays during a routine inspection in May.",
	"The mayor said the town would not pay for the work, which the contractor's insurer is to cover.",
}

// testServer serves the pages of a story and the faults a fetch meets.
type testServer struct {
	*httptest.Server
	mu     sync.Mutex
	agents []string
	body   map[string]string // path -> HTML page
}

func newTestServer(t *testing.T) *testServer {
	ts := &testServer{body: map[string]string{
		"/a": page("The Kestrel Courier", "Kestrel bridge reopens after repairs", bridgeParas...),
		"/b": page("", "Bridge in Kestrel reopens", bridgeParas[1], bridgeParas[0]),
	}}
	mux := http.NewServeMux()
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		ts.mu.Lock()
		ts.agents = append(ts.agents, r.UserAgent())
		body, ok := ts.body[r.URL.Path]
		ts.mu.Unlock()
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(body))
	})
	mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/a", http.StatusMovedPermanently) })
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) { <-r.Context().Done() })
	mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("<html><body><p>" + strings.Repeat("word ", 2000) + "</p></body></html>"))
	})
	mux.HandleFunc("/photo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/latin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write([]byte(page("", "Caf\xe9 owners in Kestrel welcome the bridge", "The caf\xe9 on the quay expects its customers back this week.", bridgeParas[2])))
	})
	mux.HandleFunc("/metalatin1", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte(strings.Replace(page("", "Caf\xe9 owners", "The caf\xe9 on the quay expects its customers back this week."), `charset="utf-8"`, `charset="iso-8859-1"`, 1)))
	})
	mux.HandleFunc("/broken", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(page("", "Broken bytes", "The caf\xe9 on the quay expects its customers back this week.")))
	})
	mux.HandleFunc("/plain", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write([]byte("Kestrel bridge reopens\n\n" + strings.Join(bridgeParas, "\n\n") + "\n"))
	})
	ts.Server = httptest.NewServer(mux)
	t.Cleanup(ts.Close)
	return ts
}

func (ts *testServer) set(path, body string) {
	ts.mu.Lock()
	defer ts.mu.Unlock()
	ts.body[path] = body
}

func testWeb(t *testing.T) *Web {
	w := DefaultWeb()
	w.CacheDir = t.TempDir()
	w.UserAgent = "synoptic/test (+https://github.com/synoptic-news/synoptic)"
	return w
}

func TestLoadURLs(t *testing.T) {
	ts := newTestServer(t)
	web := testWeb(t)
	st, err := LoadWith([]string{ts.URL + "/a", ts.URL + "/b"}, LoadOptions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	a, b := st.Articles[0], st.Articles[1]
	if a.Path != ts.URL+"/a" || a.URL != ts.URL+"/a" || b.Path != ts.URL+"/b" {
		t.Errorf("paths %q %q, URL %q: want the addresses given", a.Path, b.Path, a.URL)
	}
	if a.Outlet != "The Kestrel Courier" || b.Outlet != "127.0.0.1" {
		t.Errorf("outlets %q, %q: want the site's name, else its host", a.Outlet, b.Outlet)
	}
	if a.Title != "Kestrel bridge reopens after repairs" || !strings.Contains(paraText(a), "routine inspection") {
		t.Errorf("article a: title %q, text %q", a.Title, paraText(a))
	}
	if st.Name != "kestrel-bridge-reopens" {
		t.Errorf("story name %q, want the shared headline's words", st.Name)
	}
	for _, ua := range ts.agents {
		if !strings.HasPrefix(ua, "synoptic/") {
			t.Errorf("User-Agent %q, want synoptic's", ua)
		}
	}

	// The copy is read the next time, even when the page changed or the
	// server is gone: the story reads as it did when it was reviewed.
	ts.set("/a", page("The Kestrel Courier", "Kestrel bridge stays shut", "An edited text."))
	again, err := LoadWith([]string{ts.URL + "/a", ts.URL + "/b"}, LoadOptions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if again.Articles[0].Title != a.Title || paraText(again.Articles[0]) != paraText(a) {
		t.Errorf("second load read %q, want the copy %q", again.Articles[0].Title, a.Title)
	}
	fetches := len(ts.agents)
	ts.Close()
	if _, err := LoadWith([]string{ts.URL + "/a", ts.URL + "/b"}, LoadOptions{Web: web}); err != nil {
		t.Errorf("offline load: %v", err)
	}
	if fetches != 2 {
		t.Errorf("%d requests for two pages loaded twice, want 2", fetches)
	}
}

func TestLoadURLRefresh(t *testing.T) {
	ts := newTestServer(t)
	web := testWeb(t)
	paths := []string{ts.URL + "/a", ts.URL + "/b"}
	if _, err := LoadWith(paths, LoadOptions{Web: web}); err != nil {
		t.Fatal(err)
	}
	ts.set("/a", page("The Kestrel Courier", "Kestrel bridge stays shut", bridgeParas...))
	web.Refresh = true
	st, err := LoadWith(paths, LoadOptions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if st.Articles[0].Title != "Kestrel bridge stays shut" {
		t.Errorf("refreshed title %q, want the page's new one", st.Articles[0].Title)
	}
}

func TestLoadURLFaults(t *testing.T) {
	ts := newTestServer(t)
	web := testWeb(t)
	web.Timeout = 200 * time.Millisecond
	web.MaxBytes = 4 << 10
	good := ts.URL + "/a"
	for _, c := range []struct {
		path string
		want string
	}{
		{"/missing", "404 Not Found"},
		{"/loop", "more than 10 redirects"},
		{"/slow", "no complete answer within 200ms"},
		{"/huge", "larger than 4 KB"},
		{"/photo.png", "not a web page or text (image/png)"},
	} {
		u := ts.URL + c.path
		_, err := LoadWith([]string{good, u}, LoadOptions{Web: web})
		if err == nil || !strings.Contains(err.Error(), u+": ") || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: error %v, want the address and %q", c.path, err, c.want)
		}
		if web.cached(u) != "" {
			t.Errorf("%s: a failed fetch left a copy", c.path)
		}
	}
	if _, err := LoadWith([]string{good, "http://127.0.0.1:1/x"}, LoadOptions{Web: web}); err == nil || !strings.Contains(err.Error(), "http://127.0.0.1:1/x: connection refused") {
		t.Errorf("closed port: error %v, want the address named", err)
	}
}

func TestLoadURLRedirectAndEncodings(t *testing.T) {
	ts := newTestServer(t)
	web := testWeb(t)
	st, err := LoadWith([]string{ts.URL + "/moved", ts.URL + "/latin1", ts.URL + "/metalatin1", ts.URL + "/broken", ts.URL + "/plain"}, LoadOptions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if a := st.Articles[0]; a.Title != "Kestrel bridge reopens after repairs" || a.Path != ts.URL+"/moved" {
		t.Errorf("redirected page: title %q path %q", a.Title, a.Path)
	}
	for _, i := range []int{1, 2} {
		if txt := paraText(st.Articles[i]); !strings.Contains(txt, "The café on the quay") {
			t.Errorf("article %d: %q, want the Latin-1 page decoded", i, txt)
		}
	}
	broken := st.Articles[3]
	if !strings.Contains(paraText(broken), "caf\uFFFD") || len(broken.Warnings) == 0 || !strings.Contains(broken.Warnings[0], "invalid UTF-8") {
		t.Errorf("invalid UTF-8: text %q warnings %q, want U+FFFD and a warning", paraText(broken), broken.Warnings)
	}
	if plain := st.Articles[4]; plain.Paras[0].Text != "Kestrel bridge reopens" || len(plain.Paras) != 4 {
		t.Errorf("plain text page: %+v", plain.Paras)
	}
}

func TestLoadURLsMixedAndListed(t *testing.T) {
	ts := newTestServer(t)
	web := testWeb(t)
	dir := t.TempDir()
	story := filepath.Join(dir, "kestrel")
	if err := os.Mkdir(story, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, story, map[string]string{
		"a-local.txt": "Kestrel bridge reopens\n\n" + bridgeParas[0] + "\n",
		UrlsFile:      "# the pages\n" + ts.URL + "/a\n\n" + ts.URL + "/missing\nnot-an-address\n",
	})
	st, err := LoadWith([]string{story}, LoadOptions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != 2 || st.Articles[1].Path != ts.URL+"/a" {
		t.Fatalf("folder with urls.txt: %d articles, want the file and one page", len(st.Articles))
	}
	skipped := strings.Join(st.Skipped, "\n")
	if !strings.Contains(skipped, ts.URL+"/missing: the server answered 404") || !strings.Contains(skipped, `line 5: "not-an-address" is not an http:// or https:// address`) {
		t.Errorf("skipped %q, want the missing page and the bad line", skipped)
	}
	if st.Name != "kestrel" {
		t.Errorf("name %q, want the folder's", st.Name)
	}

	mixed, err := LoadWith([]string{filepath.Join(story, "a-local.txt"), ts.URL + "/b"}, LoadOptions{Web: web})
	if err != nil {
		t.Fatal(err)
	}
	if mixed.Articles[1].Outlet != "127.0.0.1" || mixed.Articles[0].Path != filepath.Join(story, "a-local.txt") {
		t.Errorf("mixed: %q %q", mixed.Articles[0].Path, mixed.Articles[1].Outlet)
	}
}

func TestLoadStdin(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{"b.md": "# Kestrel bridge reopens\n\n" + bridgeParas[1] + "\n"})
	in := strings.NewReader("<html><head><title>Bridge in Kestrel reopens</title></head><body><article><h1>Bridge in Kestrel reopens</h1><p>" +
		bridgeParas[0] + "</p><p>" + bridgeParas[2] + "</p></article></body></html>")
	st, err := LoadWith([]string{"-", filepath.Join(dir, "b.md")}, LoadOptions{Stdin: in})
	if err != nil {
		t.Fatal(err)
	}
	a := st.Articles[0]
	if a.Path != "-" || a.Title != "Bridge in Kestrel reopens" || a.Outlet != "standard input" {
		t.Errorf("stdin article: path %q title %q outlet %q", a.Path, a.Title, a.Outlet)
	}
	if _, err := LoadWith([]string{"-", "-"}, LoadOptions{Stdin: strings.NewReader("x")}); err == nil || !strings.Contains(err.Error(), "only once") {
		t.Errorf("two -: %v", err)
	}
	if _, err := LoadWith([]string{"-", filepath.Join(dir, "b.md")}, LoadOptions{Stdin: strings.NewReader("")}); err == nil || !strings.HasPrefix(err.Error(), "standard input: ") {
		t.Errorf("empty stdin: %v, want standard input named", err)
	}
}

func paraText(a Article) string {
	var parts []string
	for _, p := range a.Paras {
		parts = append(parts, p.Text)
	}
	return strings.Join(parts, "\n")
}
