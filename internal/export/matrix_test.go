package export

import (
	"bytes"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// TestMatrixGolden compares the matrix's Markdown and HTML with the files
// in testdata/.
func TestMatrixGolden(t *testing.T) {
	st := testkit.Matrix()
	m := matrix.Build(st)
	var b bytes.Buffer
	if err := matrixMarkdown(&b, st, m); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, *update, "matrix.md.golden", b.String())
	b.Reset()
	if err := matrixSection(&b, st, m, true); err != nil {
		t.Fatal(err)
	}
	testkit.Golden(t, *update, "matrix.html.golden", b.String())
}

func TestMarkdownAndHTMLEscape(t *testing.T) {
	st := testkit.Matrix()
	m := matrix.Build(st)
	var md bytes.Buffer
	if err := matrixMarkdown(&md, st, m); err != nil {
		t.Fatal(err)
	}
	out := md.String()
	rows := 0
	for _, l := range strings.Split(out, "\n") {
		if !strings.HasPrefix(l, "|") {
			continue
		}
		rows++
		// every table line has the same number of unescaped pipes
		if n := strings.Count(l, "|") - strings.Count(l, `\|`); n != 3+len(m.Columns) {
			t.Errorf("table line %q has %d cell separators", l, n)
		}
	}
	if rows != 2+len(m.Rows)+2 {
		t.Errorf("%d table lines, want %d:\n%s", rows, 2+len(m.Rows)+2, out)
	}
	if strings.Contains(out, "<b>") || strings.Contains(out, "<i>") || strings.ContainsRune(out, '\x1b') {
		t.Errorf("markup or escape left in Markdown:\n%s", out)
	}
	var h bytes.Buffer
	if err := matrixSection(&h, st, m, true); err != nil {
		t.Fatal(err)
	}
	out = h.String()
	if strings.Contains(out, "<b>") || strings.Contains(out, "<i>") || !strings.Contains(out, "&lt;b&gt;Wire") || strings.ContainsRune(out, '\x1b') {
		t.Errorf("HTML not escaped:\n%s", out)
	}
	if !strings.Contains(out, `<tr id="matrix-1"><td class="n">1</td><td><a href="#matrix-1">`) || !strings.Contains(out, "<style>") || strings.Count(out, "<tr") != 1+len(m.Rows)+2 {
		t.Errorf("HTML lacks anchors, style or rows:\n%s", out)
	}
}

// TestExportsSayWhatTheyLeaveOut: the summary atop the report counts a
// headlines' event, the matrix lists events with body text only; the
// Markdown and HTML matrices say how many of the story's events they list,
// so "3 rows" under "4 events" is not a puzzle. With nothing left out they
// say nothing.
func TestExportsSayWhatTheyLeaveOut(t *testing.T) {
	st := testkit.Matrix()
	for a := range st.Articles {
		st.Articles[a].Blocks = append(st.Articles[a].Blocks, segment.Block{Kind: segment.Headline, Text: "Bridge to close"})
	}
	hl := func(a int) []int { return []int{len(st.Articles[a].Blocks) - 1} }
	st.Events = append([]story.Event{{Kind: story.Shared, Score: 1, Blocks: [][]int{hl(0), hl(1), hl(2)}, Diffs: []story.Diff{}}}, st.Events...)
	m := matrix.Build(st)
	if len(m.Rows) != 3 {
		t.Fatalf("%d rows, want 3 (headlines and boilerplate left out)", len(m.Rows))
	}
	const want = "3 of the story's 4 events: headlines and captions are left out"
	var md, h bytes.Buffer
	if err := matrixMarkdown(&md, st, m); err != nil {
		t.Fatal(err)
	}
	if err := matrixSection(&h, st, m, true); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(md.String(), want) {
		t.Errorf("Markdown does not say %q:\n%s", want, md.String())
	}
	if !strings.Contains(html.UnescapeString(h.String()), want) {
		t.Errorf("HTML does not say %q:\n%s", want, h.String())
	}
	md.Reset()
	h.Reset()
	full := testkit.Matrix()
	matrixMarkdown(&md, full, matrix.Build(full))
	matrixSection(&h, full, matrix.Build(full), true)
	if strings.Contains(md.String(), "left out") || strings.Contains(h.String(), "left out") {
		t.Errorf("nothing left out, yet the matrix says so:\n%s\n%s", md.String(), h.String())
	}
}

// TestHTMLTableInheritsColour: matrix-html and report-html are fragments
// without a doctype, so a browser lays the page out in quirks mode, where a
// table does not inherit the colour or font of its section; in dark mode
// its headers and labels were black on the section's near-black. The
// table takes both from the section.
func TestHTMLTableInheritsColour(t *testing.T) {
	var h bytes.Buffer
	if err := matrixSection(&h, testkit.Matrix(), matrix.Build(testkit.Matrix()), true); err != nil {
		t.Fatal(err)
	}
	for _, rule := range strings.Split(h.String(), "\n") {
		if strings.HasPrefix(rule, ".synoptic-matrix table{") {
			if !strings.Contains(rule, "color:inherit") || !strings.Contains(rule, "font:inherit") {
				t.Errorf("the table's rule %q does not inherit colour and font", rule)
			}
			return
		}
	}
	t.Errorf("no rule for the table in:\n%s", h.String())
}

// TestMatrixHTMLCellTitlesSayWhatTheMarksMean: a cell's tooltip reads as
// the legend does ("reports it (close wording)"), not as the matrix's
// JSON value ("close", which an editor may read as "closed").
func TestMatrixHTMLCellTitlesSayWhatTheMarksMean(t *testing.T) {
	st := testkit.Matrix()
	m := matrix.Build(st)
	var h bytes.Buffer
	if err := matrixSection(&h, st, m, false); err != nil {
		t.Fatal(err)
	}
	seen := map[matrix.Cell]bool{}
	for _, r := range m.Rows {
		for a, c := range r.Cells {
			want := fmt.Sprintf(`title="%s: %s">%s<`, html.EscapeString(textsafe.VisibleLine(m.Columns[a].Outlet)), html.EscapeString(c.Meaning()), c.Symbol())
			if !strings.Contains(h.String(), want) {
				t.Errorf("no cell %s", want)
			}
			if !strings.Contains(matrix.Legend, c.Symbol()+" "+c.Meaning()) {
				t.Errorf("the legend does not say %q", c.Symbol()+" "+c.Meaning())
			}
			seen[c] = true
		}
	}
	if len(seen) < 3 {
		t.Errorf("the fixture shows %d kinds of cell, want at least 3", len(seen))
	}
}
