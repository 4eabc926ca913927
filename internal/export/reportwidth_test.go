package export

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/story"
)

// TestReportHTMLNarrowInChromium: on a phone the report's coverage matrix
// of many outlets is wider than the screen. The matrix scrolls sideways
// on its own; the page (its summary, quotes and facts) does not.
func TestReportHTMLNarrowInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the report's width was not checked in a browser")
	}
	var arts []art
	for i, name := range []string{"The Northern Chronicle", "Harbourside Evening Post", "Valley Broadcasting Service", "The Independent Courier", "Metropolitan Daily Record", "Coastal Community Radio"} {
		arts = append(arts, art{outlet: name, paras: []string{
			"The council voted on Monday to close the old Kestrel bridge for repairs next spring, officials said.",
			fmt.Sprintf("Outlet %d alone reports that the ferry timetable will change in the second week of April.", i),
		}})
	}
	st := buildStory("many-outlets", arts...)
	got := measureReport(t, bin, st, "--window-size=390,844", `document.documentElement.scrollWidth, window.innerWidth,
  document.querySelector(".synoptic-matrix table").getBoundingClientRect().width`)
	page, view, table := got[0], got[1], got[2]
	if table <= view {
		t.Fatalf("the matrix is %d px wide in a %d px window: the test needs it wider", table, view)
	}
	if page > view {
		t.Errorf("at %d px the report is %d px wide: the page scrolls sideways", view, page)
	}
}

// TestReportMatrixScrollsWithPage: a coverage matrix taller than the window
// scrolls with the report's page, not in a box of its own that catches the
// wheel before the page has shown it whole.
func TestReportMatrixScrollsWithPage(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the report's matrix was not checked in a browser")
	}
	var arts []art
	for i, name := range []string{"The Northern Chronicle", "Harbourside Evening Post"} {
		var paras []string
		for k := range 40 {
			paras = append(paras, fmt.Sprintf("Outlet %d reports item %d of the council's list: the %s repair of lane %d.", i, k, []string{"first", "second"}[i], k))
		}
		arts = append(arts, art{outlet: name, paras: paras})
	}
	st := buildStory("tall-matrix", arts...)
	got := measureReport(t, bin, st, "--window-size=1200,600", `document.querySelector(".synoptic-matrix").scrollHeight,
  document.querySelector(".synoptic-matrix").clientHeight, window.innerHeight`)
	content, box, view := got[0], got[1], got[2]
	if content <= view {
		t.Fatalf("the matrix is %d px tall in a %d px window: the test needs it taller", content, view)
	}
	if content > box+1 {
		t.Errorf("the matrix's box is %d px tall and holds %d px: it scrolls on its own inside the page", box, content)
	}
}

// measureReport writes st's report page with a script that evaluates
// exprs (numbers, separated by commas) once the page is laid out, opens it
// in Chromium with the window flag given, and returns the numbers, rounded
// down.
func measureReport(t *testing.T, bin string, st *story.Story, window, exprs string) []int {
	t.Helper()
	var b bytes.Buffer
	if err := reportSection(&b, st, insight.Analyze(st), true); err != nil {
		t.Fatal(err)
	}
	probe := `<script>document.body.setAttribute("data-m", [` + exprs + `].map(Math.floor).join(" "))</script>`
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(b.String()+probe), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", window, "file://"+path)
	m := regexp.MustCompile(`data-m="([\d ]+)"`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	var out []int
	for _, f := range strings.Fields(string(m[1])) {
		var v int
		fmt.Sscan(f, &v)
		out = append(out, v)
	}
	return out
}
