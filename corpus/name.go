package corpus

import (
	"os"
	"path/filepath"
	"strings"
	"unicode"
)

// storyName is a short name for the story, shown atop the reader and the
// exports and used for export file names: the name given, else the folder
// (or single file) the story was read from when its name says something,
// else a slug of the headline the articles share most.
func storyName(paths []string, arts []Article, given string) string {
	if given = strings.TrimSpace(given); given != "" {
		return given
	}
	if n := placeName(paths); n != "" && !genericName(n) {
		return n
	}
	if n := headlineSlug(arts); n != "" {
		return n
	}
	return "story"
}

// placeName is the name of the file or folder the story was read from:
// the one PATH (a file without its extension), else the folder holding
// them all when most of its articles are among them; "" for web addresses
// and standard input.
func placeName(paths []string) string {
	p := paths[0]
	if IsURL(p) || p == StdinPath {
		return ""
	}
	if abs, err := filepath.Abs(p); err == nil {
		p = abs
	}
	if len(paths) == 1 {
		base := filepath.Base(p)
		if info, err := os.Stat(p); err == nil && !info.IsDir() {
			base = strings.TrimSuffix(base, filepath.Ext(base))
		}
		return base
	}
	dir := filepath.Dir(p)
	given := map[string]bool{filepath.Base(p): true}
	for _, q := range paths[1:] {
		if abs, err := filepath.Abs(q); err != nil || filepath.Dir(abs) != dir {
			return "" // files from several places: no one folder names them
		}
		given[filepath.Base(q)] = true
	}
	if otherArticles(dir, given) >= len(given) {
		// a few files picked from a folder of many stories: the folder
		// names the collection, not this story
		return ""
	}
	return filepath.Base(dir)
}

// otherArticles counts the article files (those a folder's reading would
// take) in folder dir other than those given; 0 when it cannot be read.
func otherArticles(dir string, given map[string]bool) int {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if name := e.Name(); !e.IsDir() && !given[name] && !unlisted(name) && articleExts[strings.ToLower(filepath.Ext(name))] {
			n++
		}
	}
	return n
}

// genericNames say what a folder holds, not what the story is about.
var genericNames = map[string]bool{"md": true, "markdown": true, "html": true, "htm": true, "txt": true, "text": true,
	"texts": true, "json": true, "jsonl": true, "article": true, "articles": true, "page": true, "pages": true,
	"story": true, "stories": true, "data": true, "input": true, "inputs": true, "file": true, "files": true,
	"doc": true, "docs": true, "documents": true, "downloads": true, "desktop": true, "tmp": true, "temp": true,
	"saved": true, "web": true, "src": true, "test": true, "testdata": true, "source": true, "sources": true,
	"news": true, "home": true, "links": true, "urls": true, "new": true, "old": true, "misc": true}

// genericName is true of a name that says nothing about a story: a generic
// folder name, a root, or only digits and hex (a temporary folder).
func genericName(n string) bool {
	l := strings.ToLower(strings.TrimSpace(n))
	if l == "" || l == "." || l == ".." || l == string(filepath.Separator) || genericNames[l] {
		return true
	}
	return idNameRE().MatchString(l) || strings.Trim(l, "0123456789_-") == ""
}

// headlineStop are words a slug leaves out.
var headlineStop = map[string]bool{"a": true, "an": true, "the": true, "and": true, "or": true, "of": true, "to": true,
	"in": true, "on": true, "at": true, "for": true, "with": true, "by": true, "from": true, "as": true, "is": true,
	"are": true, "was": true, "were": true, "be": true, "its": true, "it": true, "this": true, "that": true,
	"after": true, "over": true, "into": true, "about": true, "says": true, "said": true, "will": true, "but": true,
	"his": true, "her": true, "their": true, "s": true, "vs": true, "than": true, "who": true, "what": true}

// maxSlugWords bounds a headline slug.
const maxSlugWords = 5

// headlineSlug is a short slug of the headline whose words the other
// headlines share most: its words that another headline has too, else its
// first words ("" when no article has a headline).
func headlineSlug(arts []Article) string {
	var heads [][]string
	for _, a := range arts {
		if w := slugWords(headlineOf(a)); len(w) > 0 {
			heads = append(heads, w)
		}
	}
	if len(heads) == 0 {
		return ""
	}
	in := make([]map[string]bool, len(heads))
	for i, h := range heads {
		in[i] = map[string]bool{}
		for _, w := range h {
			in[i][w] = true
		}
	}
	shared := func(i int) []string {
		var out []string
		seen := map[string]bool{}
		for _, w := range heads[i] {
			for j := range heads {
				if j != i && in[j][w] && !seen[w] {
					seen[w] = true
					out = append(out, w)
					break
				}
			}
		}
		return out
	}
	best, bestN := 0, -1
	for i := range heads {
		if n := len(shared(i)); n > bestN {
			best, bestN = i, n
		}
	}
	words := shared(best)
	if len(words) < 2 {
		words = heads[best]
	}
	return strings.Join(words[:min(len(words), maxSlugWords)], "-")
}

// headlineOf is an article's headline: its title, else its paragraph
// marked as the headline, else a short first line that is not a sentence
// (plain text marks no headline).
func headlineOf(a Article) string {
	if a.Title != "" {
		return a.Title
	}
	for _, p := range a.Paras {
		if p.Hint == HintTitle {
			return p.Text
		}
	}
	for _, p := range a.Paras {
		if t := strings.TrimSpace(p.Text); t != "" && p.Hint == HintNone {
			if len(strings.Fields(t)) <= 20 && !strings.HasSuffix(t, ".") {
				return t
			}
			return ""
		}
	}
	return ""
}

// slugWords are a headline's words in lower case, without stop words.
func slugWords(h string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(h), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if !headlineStop[w] {
			out = append(out, w)
		}
	}
	return out
}
