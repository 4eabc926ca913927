package corpus

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"golang.org/x/net/html/charset"
)

// Web fetches the articles a story names by address (http:// or https://)
// and keeps a copy of each page on disk. A page is fetched once: later loads
// read the copy, so a story reopens offline, reads the same text the
// editor's review was made on, and does not change under it when the site
// edits the page. Refresh fetches the pages again.
type Web struct {
	// CacheDir holds the copies; "" fetches without keeping them.
	CacheDir string
	// Refresh fetches pages that already have a copy.
	Refresh bool
	// Timeout bounds one page's fetch, redirects included.
	Timeout time.Duration
	// MaxBytes bounds one page's size.
	MaxBytes int64
	// UserAgent names the program to the sites it asks.
	UserAgent string
	// Client is the HTTP client used; nil is a client with Timeout.
	Client *http.Client
}

// DefaultWeb is how Load fetches addresses: a 30 s timeout, pages of up to
// 32 MB, and copies under the user's cache folder (see DefaultCacheDir).
func DefaultWeb() *Web {
	return &Web{CacheDir: DefaultCacheDir(), Timeout: 30 * time.Second, MaxBytes: 32 << 20,
		UserAgent: "synoptic (news article comparison; +https://github.com/synoptic-news/synoptic)"}
}

// DefaultCacheDir is where fetched pages are kept: $SYNOPTIC_CACHE when
// set, else synoptic/pages in the user's cache folder ($XDG_CACHE_HOME or
// ~/.cache on Linux, ~/Library/Caches on macOS, %LocalAppData% on
// Windows), "" when there is none.
func DefaultCacheDir() string {
	if d := os.Getenv("SYNOPTIC_CACHE"); d != "" {
		return d
	}
	d, err := os.UserCacheDir()
	if err != nil {
		return ""
	}
	return filepath.Join(d, "synoptic", "pages")
}

// IsURL says whether a PATH argument is a web address rather than a file.
func IsURL(p string) bool {
	l := strings.ToLower(p)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// maxRedirects is how many redirects a fetch follows, as browsers roughly do.
const maxRedirects = 10

// contentExts maps the media types synoptic reads to the file extension
// that makes the loader read them in that format.
var contentExts = map[string]string{
	"text/html": ".html", "application/xhtml+xml": ".html",
	"text/plain": ".txt", "text/markdown": ".md", "text/x-markdown": ".md",
	"application/json": ".json", "application/x-ndjson": ".jsonl", "application/jsonl": ".jsonl",
}

// cacheName is the file name of an address's copy, without its extension.
func cacheName(u string) string {
	sum := sha256.Sum256([]byte(u))
	return hex.EncodeToString(sum[:12])
}

// cached is the path of the copy of u, "" when there is none.
func (w *Web) cached(u string) string {
	if w.CacheDir == "" {
		return ""
	}
	for _, ext := range []string{".html", ".txt", ".md", ".json", ".jsonl"} {
		p := filepath.Join(w.CacheDir, cacheName(u)+ext)
		if info, err := os.Stat(p); err == nil && info.Mode().IsRegular() {
			return p
		}
	}
	return ""
}

// Open returns a file holding the page at u, in UTF-8, named with the
// extension of its format: the copy on disk when there is one (unless
// Refresh), else the page fetched now. temp says the file is not a copy to
// keep (no cache folder) and should be removed after reading.
func (w *Web) Open(u string) (path string, temp bool, err error) {
	if p := w.cached(u); p != "" && !w.Refresh {
		return p, false, nil
	}
	body, ext, err := w.fetch(u)
	if err != nil {
		return "", false, &FileError{u, err}
	}
	dir, temp := w.CacheDir, false
	if dir == "" {
		dir, temp = os.TempDir(), true
	} else if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", false, &FileError{u, fmt.Errorf("cannot keep a copy of the page: %w", err)}
	}
	f, err := os.CreateTemp(dir, ".fetch-*"+ext)
	if err != nil {
		return "", false, &FileError{u, fmt.Errorf("cannot keep a copy of the page: %w", err)}
	}
	_, werr := f.Write(body)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		os.Remove(f.Name())
		return "", false, &FileError{u, fmt.Errorf("cannot keep a copy of the page: %w", werr)}
	}
	if temp {
		return f.Name(), true, nil
	}
	// an older copy in another format goes, so cached finds this one
	if old := w.cached(u); old != "" {
		os.Remove(old)
	}
	path = filepath.Join(dir, cacheName(u)+ext)
	if err := os.Rename(f.Name(), path); err != nil {
		os.Remove(f.Name())
		return "", false, &FileError{u, fmt.Errorf("cannot keep a copy of the page: %w", err)}
	}
	return path, false, nil
}

// fetch gets the page at u and returns it as UTF-8 with the extension of
// its format.
func (w *Web) fetch(u string) ([]byte, string, error) {
	client := w.Client
	if client == nil {
		client = &http.Client{}
	}
	c := *client
	if c.Timeout == 0 {
		c.Timeout = w.Timeout
	}
	c.CheckRedirect = func(req *http.Request, via []*http.Request) error {
		if len(via) >= maxRedirects {
			return fmt.Errorf("more than %d redirects", maxRedirects)
		}
		return nil
	}
	req, err := http.NewRequestWithContext(context.Background(), http.MethodGet, u, nil)
	if err != nil {
		return nil, "", fmt.Errorf("not a web address: %w", err)
	}
	if w.UserAgent != "" {
		req.Header.Set("User-Agent", w.UserAgent)
	}
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,text/markdown;q=0.9,application/json;q=0.8")
	resp, err := c.Do(req)
	if err != nil {
		return nil, "", describeFetchError(err, c.Timeout)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return nil, "", fmt.Errorf("the server answered %s", resp.Status)
	}
	media, params, _ := mime.ParseMediaType(resp.Header.Get("Content-Type"))
	ext, ok := contentExts[strings.ToLower(media)]
	if !ok {
		if media == "" {
			media = "no Content-Type"
		}
		return nil, "", fmt.Errorf("not a web page or text (%s)", media)
	}
	limit := w.MaxBytes
	if limit <= 0 {
		limit = MaxFileSize
	}
	if resp.ContentLength > limit {
		return nil, "", fmt.Errorf("the page is larger than %s, the limit (%s)", sizeText(limit), sizeText(resp.ContentLength))
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", describeFetchError(err, c.Timeout)
	}
	if int64(len(body)) > limit {
		return nil, "", fmt.Errorf("the page is larger than %s, the limit", sizeText(limit))
	}
	body, err = toUTF8(body, params["charset"], ext == ".html")
	if err != nil {
		return nil, "", err
	}
	return body, ext, nil
}

// toUTF8 decodes a page in the character set its Content-Type names, else
// (for HTML) the one its <meta> names; UTF-8 and UTF-16 with a byte order
// mark are left to the loader, which also repairs invalid UTF-8.
func toUTF8(body []byte, label string, isHTML bool) ([]byte, error) {
	if bytes.HasPrefix(body, []byte("\xEF\xBB\xBF")) || bytes.HasPrefix(body, []byte("\xFF\xFE")) || bytes.HasPrefix(body, []byte("\xFE\xFF")) {
		return body, nil
	}
	if label == "" && isHTML {
		_, label, _ = charset.DetermineEncoding(body[:min(len(body), 1024)], "text/html")
		if label == "windows-1252" && !bytes.Contains(bytes.ToLower(body[:min(len(body), 1024)]), []byte("charset")) {
			// DetermineEncoding's guess when the page names none: such
			// pages are most often UTF-8 today, and invalid bytes are
			// reported by the loader rather than silently turned into
			// other letters
			label = "utf-8"
		}
	}
	enc, name := charset.Lookup(label)
	if enc == nil || name == "utf-8" {
		return body, nil
	}
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("cannot decode the page from %s: %w", name, err)
	}
	return out, nil
}

// describeFetchError says in a few words why a page could not be fetched.
func describeFetchError(err error, timeout time.Duration) error {
	var ne net.Error
	var dns *net.DNSError
	switch {
	case errors.As(err, &ne) && ne.Timeout(), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("no complete answer within %s", timeout)
	case errors.As(err, &dns):
		return fmt.Errorf("unknown host %s", dns.Name)
	case errors.Is(err, syscall.ECONNREFUSED):
		return errors.New("connection refused (no server answers at that address and port)")
	}
	var ue interface{ Unwrap() error }
	if errors.As(err, &ue) {
		if inner := ue.Unwrap(); inner != nil {
			// url.Error repeats the method and address the caller names
			return inner
		}
	}
	return err
}

// sizeText writes a byte count for a message: "32 MB", "4 KB", "100 bytes".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d bytes", n)
}
