package export

import (
	"bytes"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/layout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/extension"
	gmhtml "github.com/yuin/goldmark/renderer/html"
	"golang.org/x/net/html"
)

// gfm renders Markdown as a GitHub-flavoured renderer does (tables,
// strikethrough, autolinks), passing raw HTML through so that any tag the
// export lets slip shows up in the result.
var gfm = goldmark.New(goldmark.WithExtensions(extension.GFM), goldmark.WithRendererOptions(gmhtml.WithUnsafe()))

func renderMD(t testing.TB, st *story.Story, opt Options) string {
	t.Helper()
	var b bytes.Buffer
	if err := Markdown(&b, st, opt); err != nil {
		t.Fatalf("Markdown: %v", err)
	}
	return b.String()
}

func mdToHTML(t testing.TB, md string) *html.Node {
	t.Helper()
	var b bytes.Buffer
	if err := gfm.Convert([]byte(md), &b); err != nil {
		t.Fatalf("goldmark: %v", err)
	}
	doc, err := html.Parse(&b)
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return doc
}

// mdAllowed are the elements a Markdown export may render to.
var mdAllowed = map[string]bool{}

func init() {
	for _, e := range strings.Fields("html head body h1 h2 h3 p strong b em del ins a ul li blockquote table thead tbody tr th td") {
		mdAllowed[e] = true
	}
}

// checkMDElements fails on any element or link the export did not write
// itself.
func checkMDElements(t *testing.T, doc *html.Node) {
	t.Helper()
	for _, n := range findAll(doc, func(*html.Node) bool { return true }) {
		if !mdAllowed[n.Data] {
			t.Errorf("Markdown renders a <%s> element", n.Data)
		}
		for _, a := range n.Attr {
			switch {
			case n.Data == "a" && a.Key == "href":
				if !regexp.MustCompile(`^(#event-\d+|https://rivertimes\.example/bridge\?a=1&b=2)$`).MatchString(a.Val) {
					t.Errorf("Markdown renders a link to %q", a.Val)
				}
			case n.Data == "a" && a.Key == "id":
				if !regexp.MustCompile(`^event-\d+$`).MatchString(a.Val) {
					t.Errorf("Markdown renders an anchor %q", a.Val)
				}
			case n.Data == "th" || n.Data == "td":
			default:
				t.Errorf("<%s> has attribute %s=%q", n.Data, a.Key, a.Val)
			}
		}
	}
}

func TestMarkdownHostileArticlesRenderAsText(t *testing.T) {
	st := hostileStory()
	md := renderMD(t, st, DefaultOptions())
	checkNoControls(t, md)
	doc := mdToHTML(t, md)
	checkMDElements(t, doc)
	text := collapse(textOf(doc, nil))
	for _, want := range []string{
		xssScript, xssImg, xssLink, xssAuto, "javascript:alert(5)",
		"# Not a heading * not a list | not | a table ~~not struck~~ **not bold** `not code`",
		"https://example.com/x www.example.org @someone #12 $5 and $6 &amp; &#60;",
		"- 1. A line that looks like a list",
		`Daily <b onmouseover=alert(3)>Bugle</b>`, `Ann "><svg onload=alert(4)>`,
		"Terminal trouble: ␛]0;pwned␇␛[2J␛]52;c;ZXZpbA==␇⟨U+202E⟩gnp.exe⟨U+0085⟩ end.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("rendered Markdown lacks %q as text", want)
		}
	}
}

// TestMarkdownKeepsEveryWord renders each event's Markdown and checks that
// each side shows the text of its blocks, in order, and that what is marked
// is exactly what the diff says only that side has.
func TestMarkdownKeepsEveryWord(t *testing.T) {
	for name, st := range map[string]*story.Story{"seed": seedStory(t), "hostile": hostileStory()} {
		t.Run(name, func(t *testing.T) { checkMDKeepsText(t, st, 60) })
	}
}

// checkMDKeepsText renders each side of each event of articles 0 and 1 as
// the export does, through a GFM renderer, and compares its text and its
// marked words with the story's.
func checkMDKeepsText(t *testing.T, st *story.Story, width int) {
	t.Helper()
	for k := range st.Events {
		for _, side := range []struct {
			a, other int
			left     bool
			mark     string
		}{{0, 1, true, "del"}, {1, 0, false, "strong"}} {
			ps := sideParas(st, k, side.a, side.other, side.left)
			var md strings.Builder
			var wantText, wantMarked []string
			for _, p := range ps {
				for _, ln := range mdWrap(p, width) {
					md.WriteString("> " + ln + "\n")
				}
				md.WriteString("\n")
				if tag := kindTag(p.Kind); tag != "" {
					wantText = append(wantText, "("+strings.ToLower(tag)+") ")
				}
				for _, r := range p.Runs {
					wantText = append(wantText, textsafe.Visible(r.Text))
					if r.Role != layout.Plain {
						wantMarked = append(wantMarked, textsafe.Visible(r.Text))
					}
				}
				wantText = append(wantText, "\n")
			}
			doc := mdToHTML(t, md.String())
			if got, want := collapse(textOf(doc, nil)), collapse(strings.Join(wantText, "")); got != want {
				t.Errorf("event %d article %d:\n got %q\nwant %q\nmarkdown:\n%s", k+1, side.a, got, want, md.String())
			}
			var marked []string
			for _, n := range findAll(doc, func(n *html.Node) bool { return n.Data == side.mark || n.Data == "ins" }) {
				marked = append(marked, textOf(n, nil))
			}
			if got, want := collapse(strings.Join(marked, " ")), collapse(strings.Join(wantMarked, " ")); got != want {
				t.Errorf("event %d article %d marks:\n got %q\nwant %q\nmarkdown:\n%s", k+1, side.a, got, want, md.String())
			}
		}
	}
}

// TestMarkdownMarksAtAnyNeighbour puts a changed word next to every kind
// of neighbour and checks that it renders marked and whole: ~~ or ** where
// CommonMark lets them open and close there, <del> or <ins> where not.
func TestMarkdownMarksAtAnyNeighbour(t *testing.T) {
	words := []string{"word", "“quoted”", "'s", "(aside)", "*star*", "_under_", `back\slash`, "€5", "1.", "-dash", "#tag", "<b>", "~", "`tick`", "é", "日本", "x.", "&amp;"}
	seps := []string{" ", "", "“", "'", ".", "-"}
	for _, w := range words {
		for _, before := range seps {
			for _, after := range seps {
				for _, m := range []layout.Role{layout.Deleted, layout.Inserted} {
					p := para{Kind: segment.Paragraph, Runs: []layout.Run{{Text: "Start" + before, Role: layout.Plain}, {Text: w, Role: m}, {Text: after + "end", Role: layout.Plain}}}
					lines := mdWrap(p, 200)
					doc := mdToHTML(t, strings.Join(lines, "\n"))
					want := "Start" + before + w + after + "end"
					if got := textOf(doc, nil); collapse(got) != collapse(want) {
						t.Errorf("%q marked between %q and %q: text %q, want %q (markdown %q)", w, before, after, got, want, lines)
						continue
					}
					tag := "del"
					if m == layout.Inserted {
						tag = "strong"
					}
					found := findAll(doc, func(n *html.Node) bool { return n.Data == tag || n.Data == "del" || n.Data == "ins" })
					if len(found) != 1 || textOf(found[0], nil) != w {
						t.Errorf("%q between %q and %q: not marked as a whole (markdown %q)", w, before, after, lines)
					}
				}
			}
		}
	}
}

func TestMarkdownSeed(t *testing.T) {
	st := seedStory(t)
	md := renderMD(t, st, DefaultOptions())
	checkNoControls(t, md)
	doc := mdToHTML(t, md)
	checkMDElements(t, doc)
	// Per event a heading with its anchor, listed in the contents; an
	// event of metadata alone has none (its header gives it).
	for k := range st.Events {
		if st.MetadataOnly(k, 0, 1) {
			if strings.Contains(md, `<a id="event-`+strconv.Itoa(k+1)+`"></a>`) {
				t.Errorf("event %d, metadata alone, is shown", k+1)
			}
			continue
		}
		anchor := `<a id="event-` + strconv.Itoa(k+1) + `"></a>`
		if !strings.Contains(md, anchor) {
			t.Errorf("no anchor for event %d", k+1)
		}
		if !strings.Contains(md, "](#event-"+strconv.Itoa(k+1)+")") {
			t.Errorf("contents lack event %d", k+1)
		}
		if !strings.Contains(md, "\n### "+strconv.Itoa(k+1)+" · ") {
			t.Errorf("no heading for event %d", k+1)
		}
	}
	// absolute (left only) and sacred (right only) marked in one event.
	found := false
	for _, part := range strings.Split(md, `<a id="event-`)[1:] {
		if strings.Contains(part, "~~absolute~~") && strings.Contains(part, "**sacred") {
			found = true
		}
	}
	if !found {
		t.Error(`no event marks ~~absolute~~ on the left and **sacred** on the right`)
	}
	for _, want := range []string{"| Coverage |", "Legend: ~~struck~~ words only in", "**Washington Examiner**", "*Not in Washington Examiner.*", "*(caption)*"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q", want)
		}
	}
}

// TestMarkdownOutletNames checks that any outlet name shows bold and whole
// in the header line and above its side of each event.
func TestMarkdownOutletNames(t *testing.T) {
	for _, name := range []string{"*Star*", "Times.", `"Quoted" Post`, "a*", "_x_", "***", `back\`, "~~Tilde~~", "<b>Bold</b>", "1. Numbered", "- Dash"} {
		st := buildStory("names",
			art{outlet: name, paras: []string{"The council voted on Monday to close the old Baxter mill by the first of April, its chair said."}},
			art{outlet: "Other", paras: []string{"The council voted on Monday to shut the old Baxter mill by the first of April, its chair said."}},
		)
		doc := mdToHTML(t, renderMD(t, st, DefaultOptions()))
		checkMDElements(t, doc)
		bold := findAll(doc, func(n *html.Node) bool { return n.Data == "strong" || n.Data == "b" })
		n := 0
		for _, b := range bold {
			if textOf(b, nil) == name {
				n++
			}
		}
		if n < 2 {
			var got []string
			for _, b := range bold {
				got = append(got, textOf(b, nil))
			}
			t.Errorf("outlet %q is bold and whole %d times, want the header and its side: bold texts %q", name, n, got)
		}
	}
}
