package corpus

import (
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"sort"
	"strings"
	"sync"
	"sync/atomic"
	"unicode"
	"unicode/utf8"
)

//go:embed seed/*.txt
var seedFS embed.FS

// Default returns the embedded default story: two reports of North Korea's
// foreign minister in Moscow on 1 November 2024.
func Default() *Story {
	entries, _ := fs.ReadDir(seedFS, "seed")
	st := &Story{Name: "north-korea-russia"}
	for _, e := range entries {
		b, _ := seedFS.ReadFile("seed/" + e.Name())
		arts, err := parse(e.Name(), string(b))
		if err != nil {
			panic("embedded seed story: " + err.Error())
		}
		if o := seedOutlets[e.Name()]; o != "" && arts[0].Outlet == "" {
			arts[0].Outlet = o
		}
		st.Articles = append(st.Articles, arts...)
	}
	nameUnnamed(st.Articles)
	return st
}

// seedOutlets name the example story's articles whose text names no outlet
// and whose file name is only an identifier, which would leave them
// "Article N".
var seedOutlets = map[string]string{"000_e089790fb26166d6.txt": "translated report"}

// FileError is a problem with one input file.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return e.Path + ": " + e.Err.Error() }
func (e *FileError) Unwrap() error { return e.Err }

// MaxFileSize bounds what one article file may be, so a wrong argument (a
// disk image, a video) fails fast instead of filling memory.
const MaxFileSize = 256 << 20

// articleExts are the file name extensions a folder is searched for.
var articleExts = map[string]bool{".txt": true, ".text": true, ".md": true, ".markdown": true,
	".html": true, ".htm": true, ".json": true, ".jsonl": true, ".ndjson": true}

// Load reads the articles named by paths (files, or folders of article files
// read in name order). It needs at least two articles in all. A folder's bad
// files are skipped and reported in Skipped when its other files load.
// Web addresses and "-" (standard input) are read as LoadWith says.
func Load(paths []string) (*Story, error) { return LoadWith(paths, LoadOptions{}) }

// LoadWith is Load with where to find what is not a local file: a PATH
// that is an http:// or https:// address is fetched (or read from its
// copy, see Web), "-" reads standard input, and a folder's urls.txt lists
// addresses read with its other articles.
func LoadWith(paths []string, opt LoadOptions) (*Story, error) {
	src := newSources(opt)
	defer src.cleanup()
	src.progress(0, len(paths))
	local := make([]string, len(paths))
	for i, p := range paths {
		l, err := src.local(p)
		if err != nil {
			return nil, err
		}
		local[i] = l
	}
	st, err := load(local, src)
	if err != nil {
		return nil, src.rename(err)
	}
	st.Name = storyName(paths, st.Articles, opt.Name)
	return st, nil
}

// load reads the articles of paths, local files and folders in order.
func load(paths []string, src *sources) (*Story, error) {
	st := &Story{}
	// the files named are read at once; what went wrong is still
	// reported for the first path it went wrong with
	infos := make([]fs.FileInfo, len(paths))
	statErrs := make([]error, len(paths))
	var files []string
	at := make([]int, len(paths)) // per file path: its place in files
	for i, p := range paths {
		infos[i], statErrs[i] = os.Stat(p)
		if statErrs[i] == nil && !infos[i].IsDir() {
			at[i] = len(files)
			files = append(files, p)
		}
	}
	read := loadFiles(files, src)
	for i, p := range paths {
		info, err := infos[i], statErrs[i]
		if err != nil {
			return nil, &FileError{p, describeOpenError(err)}
		}
		if !info.IsDir() {
			arts, err := read[at[i]].arts, read[at[i]].err
			if err != nil {
				return nil, err
			}
			st.Articles = append(st.Articles, arts...)
			continue
		}
		if err := loadFolder(st, p, src); err != nil {
			return nil, err
		}
	}
	if err := checkCount(st, paths); err != nil {
		return nil, err
	}
	src.restore(st.Articles)
	nameUnnamed(st.Articles)
	return st, nil
}

// folderFiles is what a folder holds: its article files (names, in name
// order), the files read from its urls.txt (urls) and the addresses that
// could not be fetched (fetchBad), and the entries that are no articles,
// each with why (others).
type folderFiles struct {
	names, others, urls, fetchBad []string
}

// unlisted is true of a folder's entries that are no articles and not
// worth a word: hidden files, the editor's review, gold alignments.
func unlisted(n string) bool {
	return strings.HasPrefix(n, ".") || strings.HasSuffix(n, ".synoptic.json") || strings.HasPrefix(n, "gold")
}

// listFolder sorts the entries of folder p.
func listFolder(p string, entries []os.DirEntry, src *sources) (folderFiles, error) {
	var ff folderFiles
	for _, e := range entries {
		n := e.Name()
		switch {
		case unlisted(n):
		case n == UrlsFile:
			files, bad, err := src.urls(filepath.Join(p, n))
			if err != nil {
				return ff, err
			}
			ff.urls = append(ff.urls, files...)
			ff.fetchBad = append(ff.fetchBad, bad...)
		case e.IsDir():
			ff.others = append(ff.others, filepath.Join(p, n)+": a folder inside the folder (not read; name it to read it)")
		case articleExts[strings.ToLower(filepath.Ext(n))]:
			// A pipe or a device among the files is not read: it
			// may never end, or wait forever for a writer.
			if why := notAFile(filepath.Join(p, n)); why != "" {
				ff.others = append(ff.others, filepath.Join(p, n)+": "+why+" (not read)")
				continue
			}
			ff.names = append(ff.names, n)
		default:
			ff.others = append(ff.others, filepath.Join(p, n)+": not an article file (.txt, .md, .html, .json, .jsonl)")
		}
	}
	sort.Strings(ff.names)
	sort.Strings(ff.others)
	return ff, nil
}

// loadFolder adds the articles of folder p to st, and the files it skips
// to st.Skipped. A folder none of whose files load is an error.
func loadFolder(st *Story, p string, src *sources) error {
	entries, err := os.ReadDir(p)
	if err != nil {
		return &FileError{p, describeOpenError(err)}
	}
	ff, err := listFolder(p, entries, src)
	if err != nil {
		return err
	}
	found := 0
	var bad, articles []string
	for _, n := range ff.names {
		if ownExport(filepath.Join(p, n)) {
			st.Skipped = append(st.Skipped, filepath.Join(p, n)+": an export of synoptic, not an article")
			continue
		}
		articles = append(articles, filepath.Join(p, n))
	}
	articles = append(articles, ff.urls...)
	bad = append(bad, ff.fetchBad...)
	src.progress(0, len(articles)-1) // the folder counted one
	read := loadFiles(articles, src)
	for k := range articles {
		arts, err := read[k].arts, read[k].err
		if err != nil {
			bad = append(bad, src.rename(err).Error())
			continue
		}
		found += len(arts)
		st.Articles = append(st.Articles, arts...)
	}
	if found == 0 {
		if len(bad) > 0 {
			return &FileError{p, fmt.Errorf("no readable articles in the folder (%s)", strings.Join(bad, "; "))}
		}
		return &FileError{p, errors.New("folder holds no article files (.txt, .md, .html, .json, .jsonl, or urls.txt listing web addresses)")}
	}
	st.Skipped = append(st.Skipped, bad...)
	st.Unreadable = append(st.Unreadable, bad...)
	st.Skipped = append(st.Skipped, ff.others...)
	return nil
}

// checkCount says what is wrong when st, read from paths, holds fewer than
// two articles or more than MaxArticles.
func checkCount(st *Story, paths []string) error {
	if n := len(st.Articles); n > MaxArticles {
		return &FileError{storyPath(paths), fmt.Errorf("%d articles; %w", n, ErrTooManyArticles)}
	}
	if len(st.Articles) < 2 {
		where := "the arguments"
		if len(paths) == 1 {
			where = paths[0]
		}
		msg := fmt.Sprintf("found %d article(s); a story needs at least two (give two or more files, a folder, or a JSON/JSON Lines file holding several)", len(st.Articles))
		if len(st.Skipped) > 0 {
			msg += "; skipped " + strings.Join(st.Skipped, "; ")
		}
		return &FileError{where, errors.New(msg)}
	}
	return nil
}

// fileResult is what LoadFile returned for one file.
type fileResult struct {
	arts []Article
	err  error
}

// parallelBytes is the least text whose files are read at once: below it
// reading takes a few milliseconds, and the goroutines' garbage would add
// to a short story's peak memory.
const parallelBytes = 4 << 20

// loadFiles runs LoadFile on each of paths; when they are long, on up to
// one goroutine per processor: reading and decoding is most of the time a
// long story takes to load, and files do not wait for each other. The
// results are in the order of paths; src hears of each file read.
func loadFiles(paths []string, src *sources) []fileResult {
	results := make([]fileResult, len(paths))
	var total int64
	for _, p := range paths {
		if info, err := os.Stat(p); err == nil {
			total += info.Size()
		}
	}
	workers := min(len(paths), runtime.GOMAXPROCS(0))
	if total < parallelBytes || workers <= 1 {
		for i, p := range paths {
			results[i].arts, results[i].err = LoadFile(p)
			src.progress(1, 0)
		}
		return results
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := int(next.Add(1)) - 1; i < len(paths); i = int(next.Add(1)) - 1 {
				results[i].arts, results[i].err = LoadFile(paths[i])
				src.progress(1, 0)
			}
		}()
	}
	wg.Wait()
	return results
}

func describeOpenError(err error) error {
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return errors.New("no such file or folder")
	case errors.Is(err, fs.ErrPermission):
		return errors.New("permission denied")
	}
	return err
}

// LoadFile reads one file, which holds one article, or several for JSON and
// JSON Lines.
func LoadFile(path string) ([]Article, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, &FileError{path, describeOpenError(err)}
	}
	if info.Size() > MaxFileSize {
		return nil, &FileError{path, fmt.Errorf("file is %d MB; the limit is %d MB", info.Size()>>20, MaxFileSize>>20)}
	}
	raw, err := readText(path, info)
	if err != nil {
		return nil, &FileError{path, describeOpenError(err)}
	}
	arts, err := parse(path, raw)
	if err != nil {
		return nil, &FileError{path, err}
	}
	return arts, nil
}

// parse decodes raw, a file's contents, and reads it in the format its
// name or content says.
func parse(path string, raw string) ([]Article, error) {
	s, warns, err := decodeText(raw)
	if err != nil {
		return nil, err
	}
	if len(raw) == 0 {
		return nil, errors.New("file is empty")
	}
	if blank(s) {
		return nil, errors.New("file holds only whitespace and invisible characters, no article text")
	}
	var arts []Article
	ext := strings.ToLower(filepath.Ext(path))
	trim := strings.TrimSpace(s)
	records := ext == ".json" || ext == ".jsonl" || ext == ".ndjson" || (ext == "" && (trim[0] == '{' || trim[0] == '['))
	switch {
	case records:
		arts, err = parseJSON(s)
	case ext == ".html" || ext == ".htm" || looksHTML(trim):
		var a Article
		a, err = parseHTML(s)
		arts = []Article{a}
	case ext == ".md" || ext == ".markdown" || strings.HasPrefix(s, "---\n"):
		var a Article
		a, err = parseMarkdown(s)
		arts = []Article{a}
	default:
		arts = []Article{parseText(s)}
	}
	if err != nil {
		return nil, err
	}
	if !records {
		// a JSON record's byline and date are in its fields
		readBylineAndDate(&arts[0])
		markFurniture(&arts[0])
	}
	for i := range arts {
		a := &arts[i]
		if by, day := cleanByline(a.Byline); by != a.Byline || day != "" {
			a.Byline = by
			if a.Date == "" {
				a.Date = day
			}
		}
		a.Path = path
		a.Warnings = append(a.Warnings, warns...)
		if !hasText(a) {
			return nil, errors.New("no article text found")
		}
		if a.Outlet == "" {
			a.Outlet = guessOutlet(a, path)
		}
		if len(arts) > 1 && a.Outlet != "" && a.Outlet == fileOutlet(path) {
			a.Outlet = fmt.Sprintf("%s #%d", a.Outlet, i+1)
		}
	}
	return arts, nil
}

func hasText(a *Article) bool {
	for _, p := range a.Paras {
		if !blank(p.Text) {
			return true
		}
	}
	return false
}

func looksHTML(s string) bool {
	head := strings.ToLower(s[:min(len(s), 512)])
	return strings.HasPrefix(head, "<!doctype html") || strings.HasPrefix(head, "<html") ||
		(strings.HasPrefix(head, "<") && strings.Contains(head, "<body"))
}

// guessOutlet names the outlet of an article with no outlet metadata: from a
// "Read more from The Washington Examiner" line, else from the file name.
func guessOutlet(a *Article, path string) string {
	for i := len(a.Paras) - 1; i >= 0; i-- {
		if name, ok := matchReadMore(strings.TrimSpace(a.Paras[i].Text)); ok {
			return titleCase(name)
		}
	}
	if h := urlHost(a.URL); h != "" {
		return h
	}
	return fileOutlet(path)
}

// urlHost is the host of an article's address without "www.", which names
// the outlet better than a file name does.
func urlHost(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Hostname() == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
}

// fileOutlet names an article after its file, unless the name is only an
// identifier (digits and hex such as "000_e089790fb26166d6"), which says
// nothing to a reader: then "" and the story numbers the article instead.
func fileOutlet(path string) string {
	base := strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))
	if idNameRE().MatchString(base) {
		return ""
	}
	return base
}

var idNameRE = sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(`^[0-9]*[_-]?[0-9a-fA-F]{8,}$`) })

// nameUnnamed gives articles without an outlet a numbered name.
func nameUnnamed(arts []Article) {
	for i := range arts {
		if strings.TrimSpace(arts[i].Outlet) == "" {
			arts[i].Outlet = fmt.Sprintf("Article %d", i+1)
		}
	}
}

// titleCase turns "THE WASHINGTON EXAMINER" into "Washington Examiner".
func titleCase(s string) string {
	words := strings.Fields(strings.ToLower(s))
	if len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for i, w := range words {
		if w == "of" || w == "and" {
			continue
		}
		r, size := utf8.DecodeRuneInString(w)
		words[i] = string(unicode.ToTitle(r)) + w[size:]
	}
	return strings.Join(words, " ")
}
