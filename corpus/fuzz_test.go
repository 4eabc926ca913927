package corpus

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// checkArticles holds for any successful load: every article has text, and
// every paragraph is non-blank valid UTF-8.
func checkArticles(t *testing.T, arts []Article) {
	t.Helper()
	if len(arts) == 0 {
		t.Fatal("no error and no article")
	}
	for i, a := range arts {
		if !hasText(&a) {
			t.Fatalf("article %d has no text", i)
		}
		for j, p := range a.Paras {
			if strings.TrimSpace(p.Text) == "" {
				t.Fatalf("article %d paragraph %d is blank", i, j)
			}
			if !utf8.ValidString(p.Text) {
				t.Fatalf("article %d paragraph %d is not valid UTF-8: %q", i, j, p.Text)
			}
		}
		for _, s := range []string{a.Title, a.Outlet, a.Date, a.Byline, a.URL, a.Section} {
			if !utf8.ValidString(s) {
				t.Fatalf("article %d metadata is not valid UTF-8: %q", i, s)
			}
		}
	}
}

// checkError holds for any failed load: a one-line message.
func checkError(t *testing.T, err error) {
	t.Helper()
	if msg := err.Error(); msg == "" || strings.ContainsAny(msg, "\n\r") {
		t.Fatalf("error is not one line: %q", msg)
	}
}

// visibleRunes is the text without whitespace and without the runes in
// markup, which a loader may consume.
func visibleRunes(s, markup string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || strings.ContainsRune(markup, r) {
			return -1
		}
		return r
	}, s)
}

// checkConserved holds when a loader keeps all text: the paragraphs hold
// every non-space character of the decoded input, in order.
func checkConserved(t *testing.T, data []byte, arts []Article, markup string) {
	t.Helper()
	s, _, err := Decode(data)
	if err != nil {
		t.Fatalf("parse succeeded but Decode fails: %v", err)
	}
	var all, body strings.Builder
	for _, p := range arts[0].Paras {
		all.WriteString(p.Text)
		if p.Hint != HintTitle || p.Text != arts[0].Title {
			body.WriteString(p.Text)
		}
	}
	// The title from metadata may have been added as the headline.
	want := visibleRunes(s, markup)
	if got := visibleRunes(all.String(), markup); got != want && visibleRunes(body.String(), markup) != want {
		t.Fatalf("text not conserved:\n got %q\nwant %q", got, want)
	}
}

func fuzzLoader(f *testing.F, name string, seeds []string, check func(*testing.T, []byte, []Article)) {
	for _, s := range seeds {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		arts, err := parse(name, string(data))
		if err != nil {
			checkError(t, err)
			return
		}
		checkArticles(t, arts)
		if check != nil {
			check(t, data, arts)
		}
	})
}

var hostileSeeds = []string{
	"Title \x1b]0;owned\x07\nBody \x1b[2J text \x1b]52;c;SGVsbG8=\x07 end.\n\u0085\u009b31m \u202egnp.exe",
	"\xff\xfe\x00\x00",
	"\xef\xbb\xbfBOM\r\nCRLF\r\rCR only",
	"\xfe\xff\x00T\x00i\x00t\x00l\x00e",
	"caf\xe9\n\n\xc3\x28 broken\n",
	"",
	" \n\t\n",
}

func FuzzText(f *testing.F) {
	fuzzLoader(f, "a.txt", append([]string{
		" date 2024-11-01 Ukraine war\nHeadline\nBody paragraph one.\nCLICK HERE TO READ MORE FROM THE WASHINGTON EXAMINER",
		"News\n\nHeadline\n\nThe temporary ferry that carried about three thousand\npassengers a day will stop on Sunday, the council said.\n\nShort\nlines\n",
		"date: 2025-01-02T10:00:00Z\nSection\nText",
		"Headline\nBody.\nRead more at Él País.\nREAD MORE FROM ü",
	}, hostileSeeds...), func(t *testing.T, data []byte, arts []Article) {
		if len(arts) != 1 {
			t.Fatalf("%d articles from a text file", len(arts))
		}
		s, _, _ := Decode(data)
		if looksHTML(strings.TrimSpace(s)) || strings.HasPrefix(s, "---\n") {
			return // read as HTML or Markdown, which consume markup
		}
		checkConserved(t, data, arts, "")
	})
}

func FuzzMarkdown(f *testing.F) {
	fuzzLoader(f, "a.md", append([]string{
		"---\ntitle: Bridge reopens\noutlet: Ledger\ndate: 2025-03-14\nbyline: [A, B]\n---\n# Bridge reopens\n\nBody with [a link](javascript:alert(1)) and <img src=x onerror=alert(1)>.\n\n## Part two\n\nMore.",
		"---\ntitle: T\n---more\nx",
		"---\n\nrule first\n",
		"---\n: : :\n---\n",
		"---\na: &x [*x]\n---\nbody",
		"#\n##\n####### seven\n# \n",
	}, hostileSeeds...), func(t *testing.T, data []byte, arts []Article) {
		s, _, _ := Decode(data)
		if looksHTML(strings.TrimSpace(s)) {
			return
		}
		// # marks of headings and the --- fences are markup; a title
		// from the front matter may be added as the headline.
		checkConserved(t, data, arts, "#-.")
	})
}

func FuzzHTML(f *testing.F) {
	fuzzLoader(f, "a.html", append([]string{
		`<!DOCTYPE html><html><head><title>T | Site</title><meta property="og:site_name" content="Site"><link rel="canonical" href="https://x.example/a"></head><body><nav><a href="/">Home</a></nav><article><h1>T</h1><p>Para <b>one</b>.</p><figure><img src=a.jpg><figcaption>Photo: someone</figcaption></figure><h2>Sub</h2><p>Two.</p><script>alert(1)</script></article></body></html>`,
		"<html><body>" + strings.Repeat("<div>", 300) + "<p>deep</p>",
		"<html><body><p><b><i>broken <div>text<p><b><i>broken <div>text",
		"<html><body><table><tr><td>cell<td>cell</table><ul><li>a<li>b</ul></body></html>",
		"<html><body><p>\x1b]0;title\x07 &#27;[2J &#x202e; <img src=x onerror=alert(1)> <a href=\"javascript:alert(1)\">click</a></p></body></html>",
	}, hostileSeeds...), nil)
}

func FuzzJSON(f *testing.F) {
	fuzzLoader(f, "a.json", append([]string{
		`{"title":"T","source":"S","published":"2025-03-14T09:30:00Z","url":"https://x.example/a","author":["A","B"],"text":"One.\n\nTwo."}`,
		`[{"headline":"A","text":"a"},{"site_name":"S","paragraphs":["p",{"text":"q"}]}]`,
		`{"articles":[{"body":"a"},{"content":"b","publisher":{"name":"P"}}]}`,
		"{\"text\":\"a\"}\n{\"text\":\"b\"}\n\n{\"text\":3}",
		`{"text":42}`,
		`{"paragraphs":"x"}`,
		`[1,"a",null]`,
		`{"Title":"Case","TEXT":"upper"}`,
		`{"text":"\u001b]0;x\u0007 \u202e"}`,
	}, hostileSeeds...), nil)
}
