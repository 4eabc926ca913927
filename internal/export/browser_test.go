package export

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/story"
	"golang.org/x/net/html"
)

// browser finds a Chromium to run headless, or "".
func browser() string {
	if p := os.Getenv("SYNOPTIC_CHROMIUM"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// headless runs the browser on a page with no network, sync or first-run
// work, and returns its standard output.
func headless(t *testing.T, bin string, args ...string) []byte {
	t.Helper()
	var lastErr error
	var lastLog string
	// A browser that crashes on start (it happens in small containers under
	// load) is started again; a page it cannot render fails at once.
	for attempt := 0; attempt < 3; attempt++ {
		ctx, cancel := context.WithTimeout(context.Background(), 90*time.Second)
		base := []string{"--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
			"--disable-background-networking", "--disable-component-update", "--disable-sync",
			"--disable-dev-shm-usage", "--hide-scrollbars", "--user-data-dir=" + t.TempDir()}
		cmd := exec.CommandContext(ctx, bin, append(base, args...)...)
		var out, errb bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errb
		err := cmd.Run()
		cancel()
		if err == nil {
			return out.Bytes()
		}
		lastErr, lastLog = err, errb.String()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ProcessState.Exited() {
			break // not killed by a signal: a real failure
		}
	}
	t.Fatalf("%s %v: %v\n%s", bin, args, lastErr, lastLog)
	return nil
}

// TestHTMLInChromium opens the seed story's page in headless Chromium, as
// a reader would: it takes a screenshot, and reads the DOM the browser
// built to check that "absolute" sits in a deletion and "sacred" in an
// insertion of the same event row.
func TestHTMLInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the HTML export was not checked in a browser")
	}
	dir := t.TempDir()
	page := filepath.Join(dir, "seed.html")
	if err := os.WriteFile(page, []byte(renderHTML(t, seedStory(t), DefaultOptions())), 0o644); err != nil {
		t.Fatal(err)
	}
	url := "file://" + page

	for _, size := range []struct {
		name string
		w, h int
	}{{"desktop", 1400, 1000}, {"phone", 390, 844}} {
		shot := filepath.Join(dir, size.name+".png")
		headless(t, bin, "--screenshot="+shot, fmt.Sprintf("--window-size=%d,%d", size.w, size.h), url)
		f, err := os.Open(shot)
		if err != nil {
			t.Fatalf("no screenshot: %v", err)
		}
		img, err := png.Decode(f)
		f.Close()
		if err != nil {
			t.Fatalf("screenshot is not a PNG: %v", err)
		}
		if b := img.Bounds(); b.Dx() != size.w || b.Dy() != size.h {
			t.Errorf("%s screenshot is %dx%d, want %dx%d", size.name, b.Dx(), b.Dy(), size.w, size.h)
		}
		if n := colours(img); n < 8 {
			t.Errorf("%s screenshot has %d colours: the page looks blank", size.name, n)
		}
		if dst := os.Getenv("SYNOPTIC_SCREENSHOTS"); dst != "" {
			b, _ := os.ReadFile(shot)
			os.WriteFile(filepath.Join(dst, "html-"+size.name+".png"), b, 0o644)
		}
	}

	dom := headless(t, bin, "--dump-dom", url)
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatalf("parse the browser's DOM: %v", err)
	}
	id := eventWith(doc, "absolute", "sacred")
	if id == "" {
		t.Fatalf(`in the browser's DOM no event row has "absolute" in a <del> and "sacred" in an <ins>:\n%.2000s`, dom)
	}
	if !strings.HasPrefix(id, "event-") {
		t.Errorf("the row with absolute/sacred has id %q, want an event anchor", id)
	}
	// The browser kept the page whole: every row it parsed, with both sides.
	rows := findAll(doc, func(n *html.Node) bool { return n.Data == "section" && hasClass(n, "event") })
	st, shown := seedStory(t), 0
	for k := range st.Events {
		if !st.MetadataOnly(k, 0, 1) { // events of metadata alone are left out
			shown++
		}
	}
	if len(rows) != shown {
		t.Errorf("browser DOM has %d event rows, want %d", len(rows), shown)
	}
	if len(findAll(doc, func(n *html.Node) bool { return n.Data == "script" })) > 0 {
		t.Error("browser DOM holds a script")
	}
}

// TestHTMLLayoutInChromium measures, in the browser, the row where
// "absolute" and "sacred" differ: on a wide screen its two sides stand side
// by side; on a narrow one (under 700 px) they stack, left above right, and
// the page is no wider than the screen. The page is measured by a script
// added to a copy of it for the test; the export itself has none.
func TestHTMLLayoutInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the HTML layout was not checked in a browser")
	}
	page := renderHTML(t, seedStory(t), DefaultOptions())
	id := eventWith(parseHTML(t, page), "absolute", "sacred")
	if id == "" {
		t.Fatal(`no event row has "absolute" in a <del> and "sacred" in an <ins>`)
	}
	probe := `<script>(function () {
  var row = document.getElementById("` + id + `");
  var l = row.querySelector(".side.left").getBoundingClientRect();
  var r = row.querySelector(".side.right").getBoundingClientRect();
  document.body.setAttribute("data-layout", [l.left, l.top, l.right, l.bottom, r.left, r.top, r.right, r.bottom,
    document.documentElement.scrollWidth, window.innerWidth,
    document.querySelector(".toc ol").getBoundingClientRect().height].map(Math.round).join(" "));
})();</script>
</body>`
	if !strings.Contains(page, "</body>") {
		t.Fatal("page has no </body>")
	}
	path := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(path, []byte(strings.Replace(page, "</body>", probe, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	var tocH int // the height of the contents list
	measure := func(w, h int) (l, r [4]int, scrollW, viewW int) {
		dom := headless(t, bin, "--dump-dom", fmt.Sprintf("--window-size=%d,%d", w, h), "file://"+path)
		doc, err := html.Parse(bytes.NewReader(dom))
		if err != nil {
			t.Fatalf("parse the browser's DOM: %v", err)
		}
		body := findAll(doc, func(n *html.Node) bool { return n.Data == "body" })
		if len(body) != 1 || attr(body[0], "data-layout") == "" {
			t.Fatalf("at %dx%d the page was not measured", w, h)
		}
		_, err = fmt.Sscan(attr(body[0], "data-layout"), &l[0], &l[1], &l[2], &l[3], &r[0], &r[1], &r[2], &r[3], &scrollW, &viewW, &tocH)
		if err != nil {
			t.Fatalf("at %dx%d: measurements %q: %v", w, h, attr(body[0], "data-layout"), err)
		}
		return
	}

	// Wide: one row, two columns (left edge, top, right edge, bottom).
	l, r, sw, vw := measure(1400, 1000)
	if l[1] != r[1] || r[0] < l[2] {
		t.Errorf("at 1400 px the sides are not side by side: left %v, right %v", l, r)
	}
	if sw > vw {
		t.Errorf("at 1400 px the page is %d px wide in a %d px window", sw, vw)
	}
	// Narrow (headless Chromium lays out no narrower than 500 px): stacked.
	l, r, sw, vw = measure(390, 844)
	if vw > 700 {
		t.Fatalf("the narrow window is %d px wide", vw)
	}
	if l[0] != r[0] || r[1] < l[3] {
		t.Errorf("at %d px the sides do not stack: left %v, right %v", vw, l, r)
	}
	if l[2]-l[0] < vw*3/4 {
		t.Errorf("at %d px the left side is only %d px wide", vw, l[2]-l[0])
	}
	if sw > vw {
		t.Errorf("at %d px the page is %d px wide: it scrolls sideways", vw, sw)
	}
	// The seed's 26 events as numbers: a few lines, not a screenful.
	if tocH <= 0 || tocH > 200 {
		t.Errorf("at %d px the contents list is %d px tall, want a few lines of event numbers", vw, tocH)
	}
}

// colours counts the distinct colours of img, up to 1000.
func colours(img image.Image) int {
	seen := map[[4]uint32]bool{}
	b := img.Bounds()
	for y := b.Min.Y; y < b.Max.Y; y += 3 {
		for x := b.Min.X; x < b.Max.X; x += 3 {
			r, g, bl, a := img.At(x, y).RGBA()
			seen[[4]uint32{r, g, bl, a}] = true
			if len(seen) >= 1000 {
				return len(seen)
			}
		}
	}
	return len(seen)
}

// TestHTMLValidatesWithNu runs the Nu HTML Checker (the W3C validator)
// over the seed and hostile pages (html, and the matrix and report pages) when SYNOPTIC_VNU names its vnu.jar
// (npm's vnu-jar ships one; it needs Java). Without it the page is still
// checked by the parser and nesting tests above.
func TestHTMLValidatesWithNu(t *testing.T) {
	jar := os.Getenv("SYNOPTIC_VNU")
	if jar == "" {
		t.Skip("SYNOPTIC_VNU is not set to a vnu.jar: the Nu HTML Checker did not run")
	}
	dir := t.TempDir()
	var pages []string
	for name, st := range map[string]*story.Story{"seed": seedStory(t), "hostile": hostileStory()} {
		p := filepath.Join(dir, name+".html")
		if err := os.WriteFile(p, []byte(renderHTML(t, st, DefaultOptions())), 0o644); err != nil {
			t.Fatal(err)
		}
		pages = append(pages, p)
		// the whole-story pages, which are whole pages too
		var m, r bytes.Buffer
		if err := matrixPage(&m, st, matrix.Build(st)); err != nil {
			t.Fatal(err)
		}
		if err := reportPage(&r, st, insight.Analyze(st)); err != nil {
			t.Fatal(err)
		}
		for kind, b := range map[string][]byte{"matrix": m.Bytes(), "report": r.Bytes()} {
			p := filepath.Join(dir, name+"-"+kind+".html")
			if err := os.WriteFile(p, b, 0o644); err != nil {
				t.Fatal(err)
			}
			pages = append(pages, p)
		}
	}
	out, err := exec.Command("java", append([]string{"-jar", jar, "--also-check-css", "--errors-only"}, pages...)...).CombinedOutput()
	if err != nil || len(bytes.TrimSpace(out)) > 0 {
		t.Errorf("Nu HTML Checker: %v\n%s", err, out)
	}
}

// TestHTMLLongOutletNamesInChromium: outlets named after their files
// ("huff_post_2016_05_12_…", no space or hyphen to break at) sit in the
// legend, the counts, the event chips and the coverage lines; on a narrow
// screen they wrap rather than push the page wider than the window.
func TestHTMLLongOutletNamesInChromium(t *testing.T) {
	if testing.Short() {
		t.Skip("browser test: skipped with -short")
	}
	bin := browser()
	if bin == "" {
		t.Skip("no Chromium found (install Debian's chromium, or set SYNOPTIC_CHROMIUM): the HTML layout was not checked in a browser")
	}
	st := buildStory("",
		art{outlet: "harbour_herald_2025_03_01_bridge_closure_for_cable_repairs", paras: []string{
			"The harbour bridge will close for six weeks from Monday while engineers replace the worn cables, the city council said.",
			"Local shop owners warned that the closure would cost them customers in the busiest month of the year."}},
		art{outlet: "coastal_times_2025_03_02_bridge_shuts_for_eight_weeks_of_work", paras: []string{
			"Cyclists will be allowed to use a temporary lane on the old rail viaduct.",
			"The harbour bridge will shut for eight weeks from Monday while engineers replace its corroded cables, the council announced."}},
	)
	page := renderHTML(t, st, DefaultOptions())
	probe := `<script>(function () {
  var w = document.documentElement.clientWidth, wide = [];
  document.querySelectorAll("body *").forEach(function (e) {
    var r = e.getBoundingClientRect();
    if (r.width > 0 && r.right > w + 1) { wide.push(e.tagName.toLowerCase() + "." + String(e.className || "").replace(/ /g, ".")); }
  });
  document.body.setAttribute("data-layout", document.documentElement.scrollWidth + " " + w + " " + wide.slice(0, 8).join(","));
})();</script>
</body>`
	path := filepath.Join(t.TempDir(), "probe.html")
	if err := os.WriteFile(path, []byte(strings.Replace(page, "</body>", probe, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	dom := headless(t, bin, "--dump-dom", "--window-size=390,844", "file://"+path)
	doc, err := html.Parse(bytes.NewReader(dom))
	if err != nil {
		t.Fatalf("parse the browser's DOM: %v", err)
	}
	body := findAll(doc, func(n *html.Node) bool { return n.Data == "body" })
	if len(body) != 1 || attr(body[0], "data-layout") == "" {
		t.Fatal("the page was not measured")
	}
	var scrollW, viewW int
	var wide string
	fmt.Sscan(attr(body[0], "data-layout"), &scrollW, &viewW, &wide)
	if viewW == 0 || viewW > 700 {
		t.Fatalf("measurements %q: not a narrow window", attr(body[0], "data-layout"))
	}
	if scrollW > viewW {
		t.Errorf("at %d px the page is %d px wide: it scrolls sideways (too wide: %s)", viewW, scrollW, wide)
	}
}
