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
	var b bytes.Buffer
	if err := reportSection(&b, st, insight.Analyze(st), true); err != nil {
		t.Fatal(err)
	}
	probe := `<script>document.body.setAttribute("data-w", document.documentElement.scrollWidth + " " + window.innerWidth + " " +
  document.querySelector(".synoptic-matrix table").getBoundingClientRect().width)</script>`
	path := filepath.Join(t.TempDir(), "report.html")
	if err := os.WriteFile(path, []byte(b.String()+probe), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=390,844", "file://"+path)
	m := regexp.MustCompile(`data-w="(\d+) (\d+) ([\d.]+)"`).FindSubmatch(dom)
	if m == nil {
		t.Fatalf("the page was not measured:\n%.400s", dom)
	}
	var page, view int
	var table float64
	fmt.Sscan(string(m[1])+" "+string(m[2])+" "+string(m[3]), &page, &view, &table)
	if int(table) <= view {
		t.Fatalf("the matrix is %.0f px wide in a %d px window: the test needs it wider", table, view)
	}
	if page > view {
		t.Errorf("at %d px the report is %d px wide: the page scrolls sideways (%s)", view, page, strings.TrimSpace(string(m[0])))
	}
}
