package export

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"testing"

	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/testkit"
)

// wideMatrix is a matrix with enough rows and outlets to scroll both ways
// in a small window, its last event numbered 1234 and its story's name
// long enough to need a second line on a phone.
func wideMatrix() (*story.Story, *matrix.Matrix) {
	st := testkit.Matrix()
	st.Name = "a story whose name is long enough to need a second line on a phone"
	m := matrix.Build(st)
	for len(m.Rows) < 60 {
		m.Rows = append(m.Rows, m.Rows[len(m.Rows)%3])
	}
	m.Rows[len(m.Rows)-1].Event = 1233
	for len(m.Columns) < 30 {
		m.Columns = append(m.Columns, m.Columns[1])
		for i := range m.Rows {
			m.Rows[i].Cells = append(m.Rows[i].Cells, m.Rows[i].Cells[1])
		}
	}
	return st, m
}

// TestMatrixHTMLScrollBoxInChromium: the matrix scrolls inside its own
// box, its header row and its number and event columns in view.
//   - The event column sticks at a fixed distance from the left; events
//     numbered past 99 had their last digit under it (120 read as 12).
//     The number column is as wide as the longest number.
//   - Scrolled down and across, the rows pass under the header row and the
//     outlets' cells under the number column up to the box's very edge:
//     the box's padding showed a strip of them going by.
//   - The title wraps to the box, not to the table: a <caption> is as wide
//     as its table and ran off a phone's screen with it.
//   - The legend is in view before any scrolling: under the last row it
//     left the marks unexplained where they are read.
func TestMatrixHTMLScrollBoxInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the matrix's scrolling box was not checked in a browser")
	}
	st, m := wideMatrix()
	var b bytes.Buffer
	if err := matrixPage(&b, st, m); err != nil {
		t.Fatal(err)
	}
	probe := `<script>
const box = document.querySelector(".synoptic-matrix"), br = box.getBoundingClientRect();
const textOf = s => { const r = document.createRange();
  r.selectNodeContents(document.evaluate("//section//*[contains(text(), '" + s + "')]", document).iterateNext());
  return r.getBoundingClientRect(); };
let overlap = -1e9;
for (const td of document.querySelectorAll("td.n")) {
  const r = document.createRange(); r.selectNodeContents(td);
  overlap = Math.max(overlap, r.getBoundingClientRect().right - td.nextElementSibling.getBoundingClientRect().left);
}
const title = textOf("events × outlets").right, legend = textOf("` + matrix.Close.Meaning() + `").bottom;
box.scrollTop = 400; box.scrollLeft = 400;
const head = document.querySelector("thead th:nth-child(2)").getBoundingClientRect();
const where = e => e ? (e.closest("thead") ? "header" : e.closest("td") ? "cell" + e.closest("td").cellIndex : e.tagName) : "none";
document.body.setAttribute("data-m", [Math.round(overlap), Math.round(title), Math.round(legend), Math.round(br.right), Math.round(br.bottom),
  where(document.elementFromPoint(head.left + 5, br.top + 1)), where(document.elementFromPoint(br.left + 1, br.top + 200))].join(" "));
</script>`
	path := filepath.Join(t.TempDir(), "matrix.html")
	if err := os.WriteFile(path, append(b.Bytes(), probe...), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=500,400", "file://"+path)
	got := regexp.MustCompile(`data-m="(-?\d+) (\d+) (\d+) (\d+) (\d+) (\S+) (\S+)"`).FindSubmatch(dom)
	if got == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	n := func(i int) int { v, _ := strconv.Atoi(string(got[i])); return v }
	if n(1) > 0 {
		t.Errorf("an event's number runs %d px under the event column beside it", n(1))
	}
	if n(2) > n(4) {
		t.Errorf("the title runs to %d px, past the box's right edge at %d px", n(2), n(4))
	}
	if n(3) > n(5) {
		t.Errorf("the legend ends %d px down, below the box's bottom at %d px: out of view", n(3), n(5))
	}
	if string(got[6]) != "header" {
		t.Errorf("scrolled down, the box's top edge shows %s, not the header row", got[6])
	}
	if string(got[7]) != "cell0" {
		t.Errorf("scrolled across, the box's left edge shows %s, not the number column", got[7])
	}
}
