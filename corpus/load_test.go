package corpus

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"unicode/utf16"
)

// parseOne parses data named name and wants exactly one article.
func parseOne(t *testing.T, name, data string) Article {
	t.Helper()
	arts, err := parse(name, data)
	if err != nil {
		t.Fatalf("parse(%s): %v", name, err)
	}
	if len(arts) != 1 {
		t.Fatalf("parse(%s): %d articles, want 1", name, len(arts))
	}
	return arts[0]
}

func paraTexts(a Article) []string {
	var out []string
	for _, p := range a.Paras {
		out = append(out, p.Text)
	}
	return out
}

func hintOf(a Article, text string) (Hint, bool) {
	for _, p := range a.Paras {
		if p.Text == text {
			return p.Hint, true
		}
	}
	return "", false
}

func TestTextOneParagraphPerLine(t *testing.T) {
	a := parseOne(t, "desk/coastal.txt", " date 2024-11-01 Ukraine war\nBridge reopens after storm\nThe bridge reopened on Friday.\n\"We kept our promise,\" the engineer said.\nREAD MORE FROM THE COASTAL LEDGER\n")
	if a.Date != "2024-11-01" || a.Section != "Ukraine war" {
		t.Errorf("date %q section %q, want 2024-11-01 and Ukraine war", a.Date, a.Section)
	}
	if len(a.Paras) != 5 {
		t.Fatalf("paras %q, want 5", paraTexts(a))
	}
	if a.Paras[0].Hint != HintMeta || a.Paras[0].Text != "date 2024-11-01 Ukraine war" {
		t.Errorf("first para %+v, want the date line kept as meta", a.Paras[0])
	}
	if a.Paras[1].Hint == HintMeta {
		t.Errorf("headline read as metadata: %+v", a.Paras[1])
	}
	if a.Outlet != "Coastal Ledger" {
		t.Errorf("outlet %q, want Coastal Ledger (from the read-more line)", a.Outlet)
	}
	if a.Path != "desk/coastal.txt" {
		t.Errorf("path %q", a.Path)
	}
}

func TestTextHardWrappedParagraphs(t *testing.T) {
	in := "News\n\nFerry service ends as bridge reopens\n\n" +
		"The temporary ferry that carried about three thousand passengers\n" +
		"a day during the closure will run until Sunday and then stop,\n" +
		"the council said on Friday.\n\n" +
		"Shop owners on the eastern side said trade had fallen by as much\n" +
		"as half while the bridge was shut.\n"
	a := parseOne(t, "ledger.txt", in)
	want := []string{"News", "Ferry service ends as bridge reopens",
		"The temporary ferry that carried about three thousand passengers a day during the closure will run until Sunday and then stop, the council said on Friday.",
		"Shop owners on the eastern side said trade had fallen by as much as half while the bridge was shut."}
	if got := paraTexts(a); strings.Join(got, "|") != strings.Join(want, "|") {
		t.Fatalf("paras\n%q\nwant\n%q", got, want)
	}
	if a.Section != "News" || a.Paras[0].Hint != HintMeta {
		t.Errorf("section %q hint %q, want the News label read as section", a.Section, a.Paras[0].Hint)
	}
	if a.Outlet != "ledger" {
		t.Errorf("outlet %q, want the file name", a.Outlet)
	}
}

// A list is one paragraph per item, an item's wrapped lines joined, in
// text and Markdown alike; a wrapped line that opens with a dash is not an
// item unless the block opens with one.
func TestListItemsAreParagraphs(t *testing.T) {
	for _, name := range []string{"x.txt", "x.md"} {
		a := parseOne(t, name, "Bridge closes\n\n"+
			"- Engineers will replace the main cables of the bridge.\n"+
			"- Traffic goes over the ring road, adding twenty minutes\n  at rush hour.\n"+
			"- Ferries run every half hour from the harbour steps.\n\n"+
			"1. The council voted on Monday to close the bridge.\n"+
			"2. Work starts on Nov. 4 and lasts six weeks, the council said.\n\n"+
			"The council said the bridge had carried traffic for forty years\n"+
			"- longer than it was built for - and could not wait any longer.\n")
		want := []string{"Bridge closes",
			"- Engineers will replace the main cables of the bridge.",
			"- Traffic goes over the ring road, adding twenty minutes at rush hour.",
			"- Ferries run every half hour from the harbour steps.",
			"1. The council voted on Monday to close the bridge.",
			"2. Work starts on Nov. 4 and lasts six weeks, the council said.",
			"The council said the bridge had carried traffic for forty years - longer than it was built for - and could not wait any longer."}
		if got := paraTexts(a); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("%s: paras\n%q\nwant\n%q", name, got, want)
		}
	}
}

func TestTextShortLinesInBlockStayApart(t *testing.T) {
	a := parseOne(t, "x.txt", "See also: the storm\nPhoto: a bridge\n\nBody text here.")
	if len(a.Paras) != 3 {
		t.Fatalf("paras %q, want 3: lines of unequal length are not a wrapped paragraph", paraTexts(a))
	}
}

func TestTextHygiene(t *testing.T) {
	body := "Headline here\r\nFirst\u00a0paragraph of text.\r\nSecond paragraph.\r\n"
	utf16le := func(s string, bigEndian bool) []byte {
		var b bytes.Buffer
		if bigEndian {
			b.Write([]byte{0xFE, 0xFF})
		} else {
			b.Write([]byte{0xFF, 0xFE})
		}
		for _, u := range utf16.Encode([]rune(s)) {
			if bigEndian {
				b.Write([]byte{byte(u >> 8), byte(u)})
			} else {
				b.Write([]byte{byte(u), byte(u >> 8)})
			}
		}
		return b.Bytes()
	}
	cases := map[string][]byte{
		"plain":    []byte(body),
		"bom":      append([]byte{0xEF, 0xBB, 0xBF}, body...),
		"utf16le":  utf16le(body, false),
		"utf16be":  utf16le(body, true),
		"cr-only":  []byte(strings.ReplaceAll(body, "\r\n", "\r")),
		"lf-plain": []byte(strings.ReplaceAll(body, "\r\n", "\n")),
	}
	want := "Headline here|First\u00a0paragraph of text.|Second paragraph."
	for name, b := range cases {
		arts, err := parse(name+".txt", string(b))
		if err != nil {
			t.Errorf("%s: %v", name, err)
			continue
		}
		if got := strings.Join(paraTexts(arts[0]), "|"); got != want {
			t.Errorf("%s: paras %q, want %q", name, got, want)
		}
		if len(arts[0].Warnings) != 0 {
			t.Errorf("%s: warnings %q", name, arts[0].Warnings)
		}
	}
}

func TestInvalidUTF8IsRepairedWithWarning(t *testing.T) {
	arts, err := parse("latin1.txt", "Caf\xe9 owners reopen\nThe caf\xe9 reopened on Friday.\n")
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Paras[1].Text != "The caf\uFFFD reopened on Friday." {
		t.Errorf("para %q, want the bad byte as U+FFFD", a.Paras[1].Text)
	}
	if len(a.Warnings) != 1 || !strings.Contains(a.Warnings[0], "2 invalid UTF-8") {
		t.Errorf("warnings %q, want one counting 2 invalid sequences", a.Warnings)
	}
}

func TestMarkdownFrontMatter(t *testing.T) {
	in := "---\ntitle: Bridge reopens after storm\noutlet: The Coastal Ledger\ndate: 2025-03-14\nurl: https://coastal.example/bridge\nbyline: [Mara Lindqvist, Jonas Berg]\n---\n\n# Bridge reopens after storm\n\nThe bridge reopened on *Friday*.\n\n## Ferry to stop\n\nThe ferry stops on Sunday, see [the council](https://council.example).\n"
	a := parseOne(t, "bridge.md", in)
	if a.Title != "Bridge reopens after storm" || a.Outlet != "The Coastal Ledger" || a.Date != "2025-03-14" ||
		a.URL != "https://coastal.example/bridge" || a.Byline != "Mara Lindqvist, Jonas Berg" {
		t.Errorf("metadata %+v", a)
	}
	if a.Paras[0].Hint != HintMeta || !strings.Contains(a.Paras[0].Text, "outlet: The Coastal Ledger") {
		t.Errorf("first para %+v, want the front matter kept as meta", a.Paras[0])
	}
	if h, _ := hintOf(a, "Bridge reopens after storm"); h != HintTitle {
		t.Errorf("title hint %q, want title", h)
	}
	if h, _ := hintOf(a, "Ferry to stop"); h != HintHeading {
		t.Errorf("## heading hint %q, want heading", h)
	}
	if _, ok := hintOf(a, "The ferry stops on Sunday, see [the council](https://council.example)."); !ok {
		t.Errorf("link syntax not kept as written: %q", paraTexts(a))
	}
}

func TestMarkdownTitleOnlyInFrontMatter(t *testing.T) {
	a := parseOne(t, "x.md", "---\ntitle: A headline\nauthor: {name: Jo Park}\ndate: 2025-01-02T10:00:00Z\n---\nBody text.\n")
	if len(a.Paras) != 3 || a.Paras[1].Hint != HintTitle || a.Paras[1].Text != "A headline" {
		t.Fatalf("paras %+v, want meta, title, body", a.Paras)
	}
	if a.Byline != "Jo Park" || a.Date != "2025-01-02" {
		t.Errorf("byline %q date %q", a.Byline, a.Date)
	}
}

func TestMarkdownFenceKeepsFollowingText(t *testing.T) {
	// A closing fence is a line of its own; "---more" is body text.
	a := parseOne(t, "x.md", "---\ntitle: T\n---\nBody one.\n---more text\n")
	joined := strings.Join(paraTexts(a), "|")
	if !strings.Contains(joined, "---more text") {
		t.Errorf("paras %q lost the text after the fence", joined)
	}
	a = parseOne(t, "y.md", "---\n\nA story that opens with a rule.\n")
	if !strings.Contains(strings.Join(paraTexts(a), "|"), "A story that opens with a rule.") {
		t.Errorf("text opening with a rule lost: %q", paraTexts(a))
	}
}

func TestMarkdownBadFrontMatter(t *testing.T) {
	cases := map[string]string{
		"unclosed":  "---\ntitle: T\n\nBody.\n",
		"bad yaml":  "---\ntitle: [unclosed\n---\nBody.\n",
		"not a map": "---\n- a\n- b\n---\nBody.\n",
		"nested":    "---\ntitle: {a: {b: c}}\n---\nBody.\n",
	}
	for name, in := range cases {
		_, err := parse("x.md", in)
		if err == nil {
			t.Errorf("%s: no error", name)
			continue
		}
		if strings.Contains(err.Error(), "\n") || !strings.Contains(err.Error(), "front matter") {
			t.Errorf("%s: error %q, want one line about the front matter", name, err)
		}
	}
}

func TestHTMLSavedPage(t *testing.T) {
	b, err := os.ReadFile("testdata/saved-page.html")
	if err != nil {
		t.Fatal(err)
	}
	arts, err := parse("testdata/saved-page.html", string(b))
	if err != nil {
		t.Fatal(err)
	}
	a := arts[0]
	if a.Title != "Harbour bridge reopens after storm repairs" || a.Outlet != "The Coastal Ledger" ||
		a.Date != "2025-03-14" || a.Byline != "Mara Lindqvist" ||
		a.URL != "https://www.coastal-ledger.example/news/2025/03/harbour-bridge-reopens" {
		t.Errorf("metadata title=%q outlet=%q date=%q byline=%q url=%q", a.Title, a.Outlet, a.Date, a.Byline, a.URL)
	}
	want := map[string]Hint{
		"Harbour bridge reopens after storm repairs":                                                        HintTitle,
		"Ferry service to wind down":                                                                        HintHeading,
		"Questions over inspections":                                                                        HintHeading,
		"Cars cross the repaired harbour bridge on Friday. (Photo: Jonas Berg)":                             HintCaption,
		"A report on the cause of the collapse is due in June.":                                             HintNone,
		"Drivers return to the crossing five weeks after February's storm tore away a section of the deck.": HintStandfirst,
	}
	for text, hint := range want {
		if h, ok := hintOf(a, text); !ok || h != hint {
			t.Errorf("%q: found=%v hint=%q, want %q", text, ok, h, hint)
		}
	}
	all := strings.Join(paraTexts(a), "\n")
	for _, junk := range []string{"dataLayer", "loadAd", "Most read", "Privacy", "Sport", "Subscribe", "tracker"} {
		if strings.Contains(all, junk) {
			t.Errorf("page furniture %q in the article:\n%s", junk, all)
		}
	}
	if !strings.Contains(all, `"Today feels like the town has been stitched back together."`) {
		t.Errorf("body paragraph missing:\n%s", all)
	}
}

func TestHTMLPathological(t *testing.T) {
	n := 100000
	cases := map[string]string{
		"deep":      "<html><body><article>" + strings.Repeat("<div>", n) + "<p>Deep text of the story.</p>" + strings.Repeat("</div>", n) + "</article></body></html>",
		"broken":    "<html><body>" + strings.Repeat("<p><b><i>broken <div>text ", n/10),
		"unclosed":  "<html><body><p>Only an opening <b>tag and <script>never closed",
		"fragments": "<html><body></p></div></i>stray end tags<p>text</body></html>",
	}
	for name, in := range cases {
		arts, err := parse(name+".html", in)
		if err != nil {
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("%s: error not one line: %q", name, err)
			}
			continue
		}
		if !hasText(&arts[0]) {
			t.Errorf("%s: loaded with no text", name)
		}
	}
	arts, err := parse("deep.html", cases["deep"])
	if err != nil || !strings.Contains(strings.Join(paraTexts(arts[0]), "|"), "Deep text of the story.") {
		t.Errorf("deep page: err %v, paras %q", err, paraTexts(arts[0]))
	}
	if err == nil && len(arts[0].Warnings) == 0 {
		t.Errorf("deep page read without readability but no warning says so")
	}
}

func TestJSONFormats(t *testing.T) {
	one := `{"title":"Bridge reopens","source":"Coastal Ledger","published":"2025-03-14T09:30:00Z","URL":"https://x.example/a","author":["Mara Lindqvist","Jonas Berg"],"text":"First paragraph.\n\nSecond paragraph."}`
	cases := []struct {
		name, data string
		n          int
	}{
		{"one.json", one, 1},
		{"array.json", "[" + one + "," + strings.Replace(one, "Coastal Ledger", "Other", 1) + "]", 2},
		{"wrapped.json", `{"articles":[` + one + `,{"headline":"Two","site_name":"S","paragraphs":["P one.",{"text":"P two."}]}]}`, 2},
		{"lines.jsonl", one + "\n\n" + strings.Replace(one, "Coastal Ledger", "Other", 1) + "\n", 2},
		{"noext", one + "\n" + one, 2},
	}
	for _, c := range cases {
		arts, err := parse(c.name, c.data)
		if err != nil {
			t.Errorf("%s: %v", c.name, err)
			continue
		}
		if len(arts) != c.n {
			t.Errorf("%s: %d articles, want %d", c.name, len(arts), c.n)
			continue
		}
		a := arts[0]
		if a.Title != "Bridge reopens" || a.Outlet != "Coastal Ledger" || a.Date != "2025-03-14" || a.URL != "https://x.example/a" || a.Byline != "Mara Lindqvist, Jonas Berg" {
			t.Errorf("%s: metadata %+v", c.name, a)
		}
		if got := strings.Join(paraTexts(a), "|"); got != "Bridge reopens|First paragraph.|Second paragraph." {
			t.Errorf("%s: paras %q", c.name, got)
		}
	}
}

func TestJSONWrongTypes(t *testing.T) {
	cases := map[string]string{
		`{"title":"T","text":42}`:                   `field "text" must be a string, not a number`,
		`{"title":["a",{"b":1}],"text":"x"}`:        `field "title" must be a string, not an array`,
		`{"title":"T","paragraphs":"one string"}`:   `field "paragraphs" must be an array of strings, not a string`,
		`{"title":"T","paragraphs":["ok", 3]}`:      `"paragraphs" item 2 must be a string, not a number`,
		`[{"text":"a"}, "b"]`:                       `item 2: want an article object, found a string`,
		`{"articles": {"text":"a"}}`:                `"articles": want an array of article objects, found an object`,
		`{"title":"T"}`:                             `no text`,
		`{"text":"a"}` + "\n" + `{"text": true}`:    `line 2: field "text" must be a string, not a boolean`,
		`{"text":"a"}` + "\n\n" + `{"text": "b"`:    `line 3: not valid JSON`,
		`"just a string"`:                           `JSON must start with { or [`,
		`[{"text":"a"}, {"text":"b"}`:               `invalid JSON`,
		`{"text":"a"}` + "\n" + `[1,2]`:             `line 2: want an article object, found an array`,
		`{"date": {"y":2024}, "text":"a"}`:          `field "date" must be a string, not an object`,
		`{"articles":[{"text":"a"},{"body":null}]}`: `article 2: no text`,
	}
	for in, want := range cases {
		_, err := parse("x.json", in)
		if err == nil {
			t.Errorf("%s: no error, want %q", in, want)
			continue
		}
		if !strings.Contains(err.Error(), want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s:\n error %q\n want %q on one line", in, err, want)
		}
	}
}

func TestOutletFromURL(t *testing.T) {
	arts, err := parse("a.json", `{"url":"https://www.Example-News.com/world/1","text":"Body."}`)
	if err != nil {
		t.Fatal(err)
	}
	if arts[0].Outlet != "example-news.com" {
		t.Errorf("outlet %q, want the URL's host", arts[0].Outlet)
	}
}

func TestBadFiles(t *testing.T) {
	png := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00\x1f\xf3\xffa")
	cases := []struct {
		name string
		data []byte
		want string
	}{
		{"empty.txt", nil, "file is empty"},
		{"blank.txt", []byte(" \n\t\r\n\u00a0\n"), "only whitespace"},
		{"image.png", png, "binary data"},
		{"image.txt", png, "binary data"},
		{"nul.json", []byte("{\"text\":\"a\x00b\"}"), "binary data"},
		{"bom-only.txt", []byte{0xEF, 0xBB, 0xBF}, "only whitespace"},
		{"utf16-empty.txt", []byte{0xFF, 0xFE}, "only whitespace"},
	}
	dir := t.TempDir()
	for _, c := range cases {
		p := filepath.Join(dir, c.name)
		if err := os.WriteFile(p, c.data, 0o644); err != nil {
			t.Fatal(err)
		}
		_, err := LoadFile(p)
		var fe *FileError
		if !errors.As(err, &fe) || fe.Path != p {
			t.Errorf("%s: error %v, want a FileError naming the file", c.name, err)
			continue
		}
		if !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("%s: error %q, want one line containing %q", c.name, err, c.want)
		}
	}
	_, err := LoadFile(filepath.Join(dir, "missing.txt"))
	if err == nil || !strings.Contains(err.Error(), "missing.txt: no such file") {
		t.Errorf("missing file: %v", err)
	}
}

func writeFiles(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func TestLoadFolder(t *testing.T) {
	dir := t.TempDir()
	writeFiles(t, dir, map[string]string{
		"b.txt":      "Second headline\nSecond body.",
		"a.md":       "# First headline\n\nFirst body.",
		"c.json":     `{"text": 3}`,
		"d.txt":      "",
		"notes.pdf":  "%PDF-1.4",
		"gold.jsonl": `{"pairs":[]}`,
		".DS_Store":  "x",
	})
	if err := os.Mkdir(filepath.Join(dir, "older"), 0o755); err != nil {
		t.Fatal(err)
	}
	st, err := Load([]string{dir})
	if err != nil {
		t.Fatal(err)
	}
	if len(st.Articles) != 2 || st.Articles[0].Title != "First headline" || filepath.Base(st.Articles[1].Path) != "b.txt" {
		t.Errorf("articles %+v, want a.md then b.txt", st.Articles)
	}
	// every file left out is named with its reason, but for hidden files
	// and gold alignments
	want := []string{"c.json", "d.txt: file is empty", "notes.pdf: not an article file", "older: a folder inside the folder"}
	if len(st.Skipped) != len(want) {
		t.Fatalf("skipped %q, want %q", st.Skipped, want)
	}
	for _, w := range want {
		if !slices.ContainsFunc(st.Skipped, func(s string) bool { return strings.Contains(s, w) }) {
			t.Errorf("skipped %q, want one with %q", st.Skipped, w)
		}
	}
	// the article files that failed to load, apart from the other files
	if len(st.Unreadable) != 2 || !strings.Contains(st.Unreadable[0], "c.json") || !strings.Contains(st.Unreadable[1], "d.txt: file is empty") {
		t.Errorf("unreadable %q, want c.json and d.txt", st.Unreadable)
	}
}

func TestLoadErrors(t *testing.T) {
	dir := t.TempDir()
	empty := filepath.Join(dir, "empty")
	one := filepath.Join(dir, "one")
	bad := filepath.Join(dir, "bad")
	for _, d := range []string{empty, one, bad} {
		if err := os.Mkdir(d, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	writeFiles(t, one, map[string]string{"a.txt": "Only article.", "z.txt": "  \n"})
	writeFiles(t, bad, map[string]string{"x.json": "[1]", "y.txt": "\x00\x01\x02"})
	writeFiles(t, dir, map[string]string{"single.txt": "One article."})
	cases := []struct {
		paths []string
		want  string
	}{
		{[]string{filepath.Join(dir, "nope")}, "nope: no such file or folder"},
		{[]string{empty}, "empty: folder holds no article files"},
		{[]string{one}, "found 1 article(s); a story needs at least two"},
		{[]string{one}, "z.txt: file holds only whitespace"},
		{[]string{bad}, "no readable articles in the folder"},
		{[]string{bad}, "y.txt: binary data"},
		{[]string{filepath.Join(dir, "single.txt")}, "single.txt: found 1 article(s)"},
		{[]string{filepath.Join(dir, "single.txt"), filepath.Join(dir, "nope.md")}, "nope.md: no such file"},
	}
	for _, c := range cases {
		_, err := Load(c.paths)
		if err == nil || !strings.Contains(err.Error(), c.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Load(%q) = %v, want one line containing %q", c.paths, err, c.want)
		}
	}
}

// TestLoadReadsFilesAtOnceInOrder: the files named, and a folder's, are
// read at the same time, yet the articles keep the order of the paths and
// of the folder's names, a file named twice is two articles, and of
// several bad files the error names the first.
func TestLoadReadsFilesAtOnceInOrder(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "folder")
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	var paths []string
	for i := 0; i < 9; i++ {
		name := fmt.Sprintf("%02d.txt", i)
		writeFiles(t, dir, map[string]string{name: fmt.Sprintf("Headline %d\n\nThe council met on day %d.", i, i)})
		writeFiles(t, folder, map[string]string{name: fmt.Sprintf("Folder headline %d\n\nThe board met on day %d.", i, i)})
		paths = append(paths, filepath.Join(dir, name))
	}
	// backwards, one file twice, the folder in the middle
	args := []string{paths[8], paths[3], folder, paths[3], paths[0]}
	st, err := Load(args)
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, p := range args {
		if p == folder {
			for i := 0; i < 9; i++ {
				want = append(want, filepath.Join(folder, fmt.Sprintf("%02d.txt", i)))
			}
			continue
		}
		want = append(want, p)
	}
	if len(st.Articles) != len(want) {
		t.Fatalf("%d articles, want %d", len(st.Articles), len(want))
	}
	for i, a := range st.Articles {
		if a.Path != want[i] {
			t.Errorf("article %d is %s, want %s", i, a.Path, want[i])
		}
	}
	if &st.Articles[1].Paras[0] == &st.Articles[11].Paras[0] {
		t.Error("a file named twice shares its paragraphs between its two articles")
	}
	writeFiles(t, dir, map[string]string{"bin.txt": "\x00\x01\x02", "blank.txt": "  \n"})
	_, err = Load([]string{paths[1], filepath.Join(dir, "blank.txt"), filepath.Join(dir, "bin.txt"), filepath.Join(dir, "nope.txt")})
	if err == nil || !strings.Contains(err.Error(), "blank.txt: file holds only whitespace") {
		t.Errorf("Load with three bad paths: %v, want the first (blank.txt)", err)
	}
}

// TestLoadFilesAtOnce: files long enough to be read at once give what
// reading them one by one gives, in the order named.
func TestLoadFilesAtOnce(t *testing.T) {
	dir := t.TempDir()
	var paths []string
	for i := 0; i < 5; i++ {
		var b strings.Builder
		fmt.Fprintf(&b, "Headline %d\n\n", i)
		for b.Len() < parallelBytes/4 {
			fmt.Fprintf(&b, "Paragraph %d of file %d: the council met again.\n\n", b.Len(), i)
		}
		name := fmt.Sprintf("%d.txt", i)
		writeFiles(t, dir, map[string]string{name: b.String()})
		paths = append(paths, filepath.Join(dir, name))
	}
	paths = append(paths, filepath.Join(dir, "missing.txt"), paths[2])
	got := loadFiles(paths, newSources(LoadOptions{}))
	for i, p := range paths {
		arts, err := LoadFile(p)
		if (err == nil) != (got[i].err == nil) || err != nil && err.Error() != got[i].err.Error() {
			t.Fatalf("%s: error %v, read alone %v", p, got[i].err, err)
		}
		if !reflect.DeepEqual(arts, got[i].arts) {
			t.Fatalf("%s: read at once differs from read alone", p)
		}
	}
}

func TestDefaultStory(t *testing.T) {
	st := Default()
	if len(st.Articles) != 2 {
		t.Fatalf("%d seed articles", len(st.Articles))
	}
	a, b := st.Articles[0], st.Articles[1]
	if a.Date != "2024-11-01" || a.Section != "Ukraine war" || a.Paras[0].Hint != HintMeta {
		t.Errorf("first seed: date %q section %q first hint %q", a.Date, a.Section, a.Paras[0].Hint)
	}
	if b.Outlet != "Washington Examiner" {
		t.Errorf("second seed outlet %q, want Washington Examiner from its read-more line", b.Outlet)
	}
}

func TestJSONListOnlyForNames(t *testing.T) {
	_, err := parse("x.jsonl", "{\"text\":\"a\"}\n{\"title\":\"T\",\"text\":[\"not\",\"a\",\"string\"]}\n")
	if err == nil || !strings.Contains(err.Error(), `line 2: field "text" must be a string, not an array`) {
		t.Errorf("error %v, want line 2's text field named", err)
	}
}

func TestUTF16WithoutBOMIsNamed(t *testing.T) {
	var b []byte
	for _, r := range "Bridge reopens\nThe bridge reopened on Friday.\n" {
		b = append(b, byte(r), 0)
	}
	_, err := parse("x.txt", string(b))
	if err == nil || !strings.Contains(err.Error(), "UTF-16 without a byte order mark") {
		t.Errorf("error %v, want UTF-16 without a BOM named", err)
	}
}

func TestStoryName(t *testing.T) {
	dir := t.TempDir()
	story := filepath.Join(dir, "bridge-v1.2")
	if err := os.Mkdir(story, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, story, map[string]string{"a.txt": "One.", "b.txt": "Two.", "c.jsonl": "{\"text\":\"a\"}\n{\"text\":\"b\"}"})
	t.Chdir(story)
	cases := []struct {
		paths []string
		want  string
	}{
		{[]string{"a.txt", "b.txt"}, "bridge-v1.2"},
		{[]string{story}, "bridge-v1.2"},
		{[]string{"."}, "bridge-v1.2"},
		{[]string{"c.jsonl"}, "c"},
	}
	for _, c := range cases {
		st, err := Load(c.paths)
		if err != nil {
			t.Fatalf("Load(%q): %v", c.paths, err)
		}
		if st.Name != c.want {
			t.Errorf("Load(%q).Name = %q, want %q", c.paths, st.Name, c.want)
		}
	}
}

func TestOutletFromReadMoreLine(t *testing.T) {
	cases := map[string]string{
		"CLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER": "Washington Examiner",
		"Read more at Él País.":                                "Él País",
		"READ MORE FROM ÜBER-ZEITUNG":                          "Über-zeitung",
	}
	for line, want := range cases {
		a := parseOne(t, "x.txt", "Headline\nBody text.\n"+line+"\n")
		if a.Outlet != want {
			t.Errorf("%q: outlet %q, want %q", line, a.Outlet, want)
		}
	}
}

// TestJSONUnreadBodyWarns checks that a record's second text field is
// named in a warning when its wording differs from the field read, and not
// when it says the same.
func TestJSONUnreadBodyWarns(t *testing.T) {
	for _, c := range []struct {
		rec  string
		warn string // "" for none
	}{
		{`{"title":"T","paragraphs":["The council met.","It voted."],"text":"The council met.\n\nIt voted."}`, ""},
		{`{"title":"T","paragraphs":["The council met."],"text":"The council met. The mayor resigned."}`, `field "text" differs from "paragraphs"`},
		{`{"title":"T","text":"The council met.","body":"The council  met."}`, ""},
		{`{"title":"T","text":"The council met.","content":"An older draft."}`, `field "content" differs from "text"`},
		{`{"title":"T","body":"The council met.","text":""}`, ""},
	} {
		a := parseOne(t, "r.json", c.rec)
		got := strings.Join(a.Warnings, "; ")
		if c.warn == "" && got != "" || c.warn != "" && !strings.Contains(got, c.warn) {
			t.Errorf("%s: warnings %q, want %q", c.rec, got, c.warn)
		}
	}
}
