package export

import (
	"bytes"
	"html"
	"regexp"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// reports renders report-md and the HTML report's section of st and r.
func reports(t *testing.T, st *story.Story, r *insight.Report) (md, h string) {
	t.Helper()
	var mb, hb bytes.Buffer
	if err := reportMarkdown(&mb, st, r); err != nil {
		t.Fatal(err)
	}
	if err := reportSection(&hb, st, r, true); err != nil {
		t.Fatal(err)
	}
	return mb.String(), hb.String()
}

// TestReportSeed: the seed's report holds every section and marks the
// words Choe's quotation changes.
func TestReportSeed(t *testing.T) {
	st := seedStory(t)
	md, h := reports(t, st, insight.Analyze(st))
	for _, want := range []string{"## Summary", "## Coverage", "## Quotes", "## Facts", "~~esteemed~~", "**honorable**", "~~absolute~~", "**sacred**"} {
		if !strings.Contains(md, want) {
			t.Errorf("Markdown lacks %q:\n%s", want, md)
		}
	}
	for _, want := range []string{"<del>esteemed</del>", "<ins>honorable</ins>", `class="synoptic-matrix"`} {
		if !strings.Contains(h, want) {
			t.Errorf("HTML lacks %q", want)
		}
	}
}

// TestHostileText checks that article text reaches neither the Markdown
// nor the HTML report as markup, nor the plain lines as escape codes.
func TestHostileText(t *testing.T) {
	p := func(s string) segment.Block { return segment.Block{Kind: segment.Paragraph, Text: s} }
	st := &story.Story{Version: 1, Articles: []story.Article{
		{Outlet: "<script>alert(1)</script>", Blocks: []segment.Block{p("“We will <b>never</b> pay \x1b[2J for it,” said Ann <i>Lee</i>.")}},
		{Outlet: "Two | [x](javascript:y)", Blocks: []segment.Block{p("“We will never pay for it at all,” said Ann Lee.")}},
	}, Events: []story.Event{{Kind: story.Shared, Score: 1, Blocks: [][]int{{0}, {0}}, Diffs: []story.Diff{}}}}
	r := insight.Analyze(st)
	md, h := reports(t, st, r)
	for name, out := range map[string]string{"Markdown": md, "HTML": h} {
		for _, bad := range []string{"<script>", "<b>", "<i>", "\x1b"} {
			if strings.Contains(out, bad) {
				t.Errorf("%s holds %q:\n%s", name, bad, out)
			}
		}
	}
	if strings.Contains(md, "[x](") {
		t.Errorf("Markdown makes a link of article text:\n%s", md)
	}
	for _, l := range append(r.Summary.Lines(80), r.Matrix.Lines(80)...) {
		if strings.ContainsRune(l, '\x1b') {
			t.Errorf("escape in %q", l)
		}
	}
}

// report-html gives the facts report-md gives: after the conflicts, the
// values given alike, among them a name spelled two ways (Katerina and
// Katarina Voss), which the HTML report left out.
func TestReportHTMLGivesFactsAlike(t *testing.T) {
	st := testkit.Kestrel(t)
	r := insight.Analyze(st)
	md, h := reports(t, st, r)
	page := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(h, ""))
	n := 0
	for _, ln := range strings.Split(md, "\n") {
		if !strings.Contains(ln, ", given alike (") {
			continue
		}
		n++
		want := strings.ReplaceAll(strings.TrimPrefix(ln, "- "), `\`, "")
		if !strings.Contains(page, want) {
			t.Errorf("report-html lacks %q", want)
		}
	}
	if n == 0 || !strings.Contains(page, "Katarina Voss") {
		t.Fatalf("the test needs kestrel-bridge's values given alike (found %d) and its two spellings of Voss", n)
	}
}

// A conflict names what the numbers count without bending the word:
// "number (vehicle)", not "number of vehicle".
func TestReportFactKind(t *testing.T) {
	st := testkit.Kestrel(t)
	md, _ := reports(t, st, insight.Analyze(st))
	if !strings.Contains(md, "event 8, number (vehicle): ") {
		t.Errorf("no \"event 8, number (vehicle): \" in the facts:\n%s", md[strings.Index(md, "## Facts"):])
	}
}

// A quotation one outlet gives is headed "1 outlet", not "1 outlet · one
// outlet".
func TestReportQuoteTitleSaysOnce(t *testing.T) {
	st := testkit.Kestrel(t)
	md, _ := reports(t, st, insight.Analyze(st))
	if !strings.Contains(md, "Priya Anand · 1 outlet\n") || strings.Contains(md, "1 outlet · one outlet") {
		t.Errorf("quote titles:\n%s", md[strings.Index(md, "## Quotes"):strings.Index(md, "## Facts")])
	}
}

func TestAgreedVerb(t *testing.T) {
	if v := agreedVerb(facts.Agreement{Type: facts.Name, Spelled: true, Variant: true}); v != "spelled differently" {
		t.Errorf("a name a letter apart is %q, want spelled differently", v)
	}
	if v := agreedVerb(facts.Agreement{Type: facts.Name, Variant: true}); v != "given alike" {
		t.Errorf("a nickname is %q, want given alike", v)
	}
}

// Outlets that give one figure are named together, once: four outlets of
// which one counts other vehicles make one line, not three conflicts.
func TestReportFactsOneLinePerThing(t *testing.T) {
	var arts []art
	for i, name := range []string{"Harbour Herald", "Coastal Times", "Valley Post", "Bay Courier"} {
		n := "32,000"
		if i == 2 {
			n = "23,000"
		}
		arts = append(arts, art{outlet: name, paras: []string{
			"The council closed the Kestrel bridge on Monday after inspectors found cracks in two of its piers.",
			"Engineers said " + n + " vehicles crossed the bridge every day before it was closed for repairs.",
		}})
	}
	st := buildStory("kestrel", arts...)
	md, h := reports(t, st, insight.Analyze(st))
	want := "Harbour Herald, Coastal Times and Bay Courier give “32,000”; Valley Post gives “23,000”"
	facts := md[strings.Index(md, "## Facts"):]
	if strings.Count(facts, want) != 1 || strings.Count(facts, "23,000") != 1 {
		t.Errorf("report-md facts, want one line with %q:\n%s", want, facts)
	}
	page := html.UnescapeString(regexp.MustCompile(`<[^>]+>`).ReplaceAllString(h, ""))
	if !strings.Contains(page, want) {
		t.Errorf("report-html lacks %q", want)
	}
}
