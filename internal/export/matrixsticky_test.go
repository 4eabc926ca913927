package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"testing"

	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// TestMatrixHTMLNumbersFitInChromium: the event column sticks beside the
// number column at a fixed distance; a story of fifty outlets has events
// numbered past 100, whose numbers the event column covered ("12" for
// 120). The number column is as wide as the story's longest number.
func TestMatrixHTMLNumbersFitInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the matrix's numbers were not checked in a browser")
	}
	st := testkit.Matrix()
	m := matrix.Build(st)
	m.Rows[len(m.Rows)-1].Event = 1233 // shown as 1234
	var b bytes.Buffer
	if err := matrixPage(&b, st, m); err != nil {
		t.Fatal(err)
	}
	// The widest overlap of a number's text over the event cell beside it.
	probe := `<script>let worst = -1e9;
for (const td of document.querySelectorAll("td.n")) {
  const r = document.createRange(); r.selectNodeContents(td);
  worst = Math.max(worst, r.getBoundingClientRect().right - td.nextElementSibling.getBoundingClientRect().left);
}
document.body.setAttribute("data-overlap", Math.round(worst));</script>`
	path := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(path, append(b.Bytes(), probe...), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=800,600", "file://"+path)
	got := regexp.MustCompile(`data-overlap="(-?\d+)"`).FindSubmatch(dom)
	if got == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	if string(got[1]) != "0" && string(got[1])[0] != '-' {
		t.Errorf("an event's number runs %s px under the event column beside it", got[1])
	}
}

// TestMatrixHTMLStickyEdgesInChromium: scrolled down and across, the rows
// pass under the header row and the outlets' cells under the event
// column, up to the box's very edge: no strip of the box's padding above
// the header or left of the numbers shows rows scrolling by.
func TestMatrixHTMLStickyEdgesInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the matrix's sticky edges were not checked in a browser")
	}
	st, m := wideMatrix()
	var b bytes.Buffer
	if err := matrixPage(&b, st, m); err != nil {
		t.Fatal(err)
	}
	// What lies at the box's top and left edges once it is scrolled.
	probe := `<script>const box = document.querySelector(".synoptic-matrix");
box.scrollTop = 400; box.scrollLeft = 400;
const r = box.getBoundingClientRect(), head = document.querySelector("thead th:nth-child(2)").getBoundingClientRect();
const atTop = document.elementFromPoint(head.left + 5, r.top + 1), atLeft = document.elementFromPoint(r.left + 1, r.top + 200);
const where = e => e ? (e.closest("thead") ? "header" : e.closest("td") ? "cell" + e.closest("td").cellIndex : e.tagName) : "none";
document.body.setAttribute("data-edges", where(atTop) + " " + where(atLeft));</script>`
	path := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(path, append(b.Bytes(), probe...), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=600,400", "file://"+path)
	got := regexp.MustCompile(`data-edges="(\S+) (\S+)"`).FindSubmatch(dom)
	if got == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	if string(got[1]) != "header" {
		t.Errorf("scrolled down, the box's top edge shows %s, not the header row", got[1])
	}
	if string(got[2]) != "cell0" {
		t.Errorf("scrolled across, the box's left edge shows %s, not the number column", got[2])
	}
}

// wideMatrix is a matrix with enough rows and outlets to scroll both ways
// in a small window.
func wideMatrix() (*story.Story, *matrix.Matrix) {
	st := testkit.Matrix()
	m := matrix.Build(st)
	for len(m.Rows) < 60 {
		m.Rows = append(m.Rows, m.Rows[len(m.Rows)%3])
	}
	for len(m.Columns) < 30 {
		m.Columns = append(m.Columns, m.Columns[1])
		for i := range m.Rows {
			m.Rows[i].Cells = append(m.Rows[i].Cells, m.Rows[i].Cells[1])
		}
	}
	return st, m
}

// TestMatrixHTMLTitleFitsInChromium: on a phone the matrix is wider than
// the screen; its title (the story, what the rows leave out) wraps to the
// screen's width instead of running off it with the table.
func TestMatrixHTMLTitleFitsInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the matrix's title was not checked in a browser")
	}
	st, m := wideMatrix()
	st.Name = "a story whose name is long enough to need a second line on a phone"
	var b bytes.Buffer
	if err := matrixPage(&b, st, m); err != nil {
		t.Fatal(err)
	}
	probe := `<script>const r = document.createRange();
r.selectNodeContents(document.evaluate("//section//*[contains(text(), 'events × outlets')]", document).iterateNext());
document.body.setAttribute("data-title", Math.round(r.getBoundingClientRect().right) + " " + document.querySelector(".synoptic-matrix").clientWidth +
  " " + Math.round(document.querySelector(".synoptic-matrix table").getBoundingClientRect().width));</script>`
	path := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(path, append(b.Bytes(), probe...), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=420,600", "file://"+path)
	got := regexp.MustCompile(`data-title="(\d+) (\d+) (\d+)"`).FindSubmatch(dom)
	if got == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	var right, box, table int
	fmt.Sscan(string(got[1])+" "+string(got[2])+" "+string(got[3]), &right, &box, &table)
	if table <= box {
		t.Fatalf("the table is %d px wide in a %d px box: the test needs it wider", table, box)
	}
	if right > box {
		t.Errorf("the title runs to %d px, past the %d px box", right, box)
	}
}

// TestMatrixHTMLLegendInViewInChromium: the matrix scrolls inside its own
// box; a legend under the last row was out of view until an editor had
// scrolled through every event, so the marks went unexplained. It comes
// with the title, above the rows.
func TestMatrixHTMLLegendInViewInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the matrix's legend was not checked in a browser")
	}
	st, m := wideMatrix()
	var b bytes.Buffer
	if err := matrixPage(&b, st, m); err != nil {
		t.Fatal(err)
	}
	probe := `<script>const r = document.createRange();
r.selectNodeContents(document.evaluate("//section//*[contains(text(), '` + matrix.Close.Meaning() + `')]", document).iterateNext());
document.body.setAttribute("data-legend", Math.round(r.getBoundingClientRect().bottom) + " " + Math.round(document.querySelector(".synoptic-matrix").getBoundingClientRect().bottom));</script>`
	path := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(path, append(b.Bytes(), probe...), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=600,400", "file://"+path)
	got := regexp.MustCompile(`data-legend="(-?\d+) (\d+)"`).FindSubmatch(dom)
	if got == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	var legend, box int
	fmt.Sscan(string(got[1])+" "+string(got[2]), &legend, &box)
	if legend > box {
		t.Errorf("the legend ends %d px down, below the box's %d px: out of view", legend, box)
	}
}
