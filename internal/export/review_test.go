package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// edited is the seed story with a note on one event, two one-sided blocks
// pinned together and a shared event split; it returns the story and the
// events (in the edited story) of the note, the pin and a split block.
func edited(t *testing.T, note string) (st *story.Story, noted, pinned, split int) {
	t.Helper()
	base := seedStory(t)
	arts := make([][]segment.Block, len(base.Articles))
	for a := range arts {
		arts[a] = base.Articles[a].Blocks
	}
	var shared, onlyL, onlyR []int
	for _, e := range base.Events {
		switch {
		case e.Kind == story.Shared:
			shared = append(shared, e.Blocks[0][0], e.Blocks[1][0])
		case e.Kind == story.Single && len(e.Blocks[0]) > 0:
			onlyL = append(onlyL, e.Blocks[0][0])
		case e.Kind == story.Single && len(e.Blocks[1]) > 0:
			onlyR = append(onlyR, e.Blocks[1][0])
		}
	}
	if len(shared) < 4 || len(onlyL) == 0 || len(onlyR) == 0 {
		t.Fatal("seed story lacks shared or one-sided events")
	}
	rev := &review.Review{}
	rev.SetNote(review.MakeRef(arts, 0, shared[0]), note)
	rev.Pin(review.MakeRef(arts, 0, onlyL[0]), review.MakeRef(arts, 1, onlyR[0]))
	rev.Split(review.MakeRef(arts, 0, shared[2]), review.MakeRef(arts, 1, shared[3]))
	st = base.Realign(base.Threshold(), rev)
	find := func(a, i int) int {
		for k, e := range st.Events {
			for _, x := range e.Blocks[a] {
				if x == i {
					return k
				}
			}
		}
		t.Fatalf("block %d of article %d in no event", i, a)
		return -1
	}
	return st, find(0, shared[0]), find(0, onlyL[0]), find(0, shared[2])
}

// Every export shows the editor's note under its event, as text, and marks
// the edited events; the JSON carries them as fields.
func TestExportsShowNotesAndEdits(t *testing.T) {
	note := "Check the quote " + xssScript + " \x1b]0;owned\x07 **with** the wire"
	st, noted, pinned, split := edited(t, note)
	if e := st.Events[pinned]; e.Kind != story.Shared || !e.Pinned {
		t.Fatalf("pinned event %+v", e)
	}
	if e := st.Events[split]; !e.Split {
		t.Fatalf("split event %+v", e)
	}
	render := func(format string) string {
		var b bytes.Buffer
		opt := DefaultOptions()
		opt.Width = 100
		if err := Render(&b, format, st, opt); err != nil {
			t.Fatal(err)
		}
		return b.String()
	}
	// The note comes after its event's heading and before the next one.
	under := func(format, doc, head, nextHead, want string) {
		t.Helper()
		i := strings.Index(doc, head)
		if i < 0 {
			t.Fatalf("%s: no heading %q", format, head)
		}
		rest := doc[i:]
		if j := strings.Index(rest[1:], nextHead); j >= 0 {
			rest = rest[:j+1]
		}
		if !strings.Contains(rest, want) {
			t.Errorf("%s: event %d does not show the note %q:\n%s", format, noted+1, want, rest)
		}
	}

	txt := render("txt")
	checkNoControls(t, txt)
	under("txt", txt, "#"+itoa(noted+1)+" ", "\n#", "Note: Check the quote "+xssScript)
	// a pinned event shows the aligner's score, the pin as a mark
	score := fmt.Sprintf("%.2f", st.Events[pinned].PairScore(0, 1))
	if !strings.Contains(txt, "#"+itoa(pinned+1)+" shared "+score) || !strings.Contains(txt, " pinned ") || !strings.Contains(txt, " split ") {
		t.Errorf("txt: pinned or split events not marked")
	}

	md := render("md")
	checkNoControls(t, md)
	under("md", md, "### "+itoa(noted+1)+" ", "\n### ", "**Note:** Check the quote \\<script\\>")
	if strings.Contains(md, xssScript) {
		t.Error("md: the note's markup is not escaped")
	}
	if !strings.Contains(md, "· pinned") || !strings.Contains(md, "· split") {
		t.Error("md: pinned or split events not marked")
	}

	h := render("html")
	under("html", h, `id="event-`+itoa(noted+1)+`"`, `<section class="event`, `<p class="note"><b>Note:</b> Check the quote `+html.EscapeString(xssScript))
	if strings.Contains(h, xssScript) || strings.Contains(h, "\x1b") {
		t.Error("html: the note's markup or escape reached the page")
	}
	if !strings.Contains(h, `<span class="edit">pinned</span>`) || !strings.Contains(h, `<span class="edit">split</span>`) {
		t.Error("html: pinned or split events not marked")
	}

	var doc struct {
		Events []struct {
			Note   string `json:"note"`
			Pinned bool   `json:"pinned"`
			Split  bool   `json:"split"`
		} `json:"events"`
	}
	if err := json.Unmarshal([]byte(render("json")), &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Events[noted].Note != note || !doc.Events[pinned].Pinned || !doc.Events[split].Split {
		t.Errorf("json: note %q pinned %v split %v", doc.Events[noted].Note, doc.Events[pinned].Pinned, doc.Events[split].Split)
	}
}

func itoa(n int) string {
	var b []byte
	for {
		b = append([]byte{byte('0' + n%10)}, b...)
		n /= 10
		if n == 0 {
			return string(b)
		}
	}
}
