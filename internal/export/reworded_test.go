package export

import (
	"strconv"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/testkit"
	"github.com/synoptic-news/synoptic/internal/view"
)

// A shared event whose two sides have little wording in common is shown
// plain in HTML, and said to be reworded, instead of one block of struck
// words beside one of inserted words; an event whose sides share most of
// their words keeps its marks.
func TestHTMLShowsARewordedEventPlain(t *testing.T) {
	st := seedStory(t)
	page := renderHTML(t, st, DefaultOptions())
	section := func(k int) string {
		_, rest, ok := strings.Cut(page, `id="event-`+strconv.Itoa(k+1)+`"`)
		if !ok {
			t.Fatalf("no event %d", k+1)
		}
		sec, _, _ := strings.Cut(rest, "</section>")
		return sec
	}
	plain, marked := 0, 0
	for k, e := range st.Events {
		if len(e.Blocks[0]) == 0 || len(e.Blocks[1]) == 0 || !Keep(st, k, 0, 1, view.FilterChanged) {
			continue
		}
		sec := section(k)
		hasMarks := strings.Contains(sec, "<del>") || strings.Contains(sec, "<ins>")
		if FewInCommon(st, k, 0, 1) {
			plain++
			if hasMarks || !strings.Contains(sec, "few words in common") {
				t.Errorf("event %d shares few words: marks %v, note %v", k+1, hasMarks, strings.Contains(sec, "few words in common"))
			}
		} else {
			marked++
			if !hasMarks || strings.Contains(sec, "few words in common") {
				t.Errorf("event %d shares its wording: marks %v", k+1, hasMarks)
			}
		}
	}
	if plain == 0 || marked == 0 {
		t.Errorf("%d plain and %d marked events: the seed story should have both", plain, marked)
	}
}

func TestFewInCommonCountsLongWords(t *testing.T) {
	for s, want := range map[string]int{"the cat of a dog": 0, "North Korea vows": 3, "8,000 troops": 1, "": 0, "Kraków's": 1} {
		if got := longWords(s); got != want {
			t.Errorf("longWords(%q) = %d, want %d", s, got, want)
		}
	}
}

// A view whose event numbers skip says why; one that numbers 1, 2, 3… or
// whose filter already says it shows a part does not.
func TestNumberNoteExplainsSkippedNumbers(t *testing.T) {
	st := seedStory(t)
	if n := NumberNote(st, view.FilterAll, []int{0, 1, 2}); n != "" {
		t.Errorf("numbers from 1: %q", n)
	}
	if n := NumberNote(st, view.FilterAll, []int{2, 3, 5}); !strings.Contains(n, "numbers are skipped") || !strings.Contains(n, strconv.Itoa(len(st.Events))+" events in all") {
		t.Errorf("numbers from 3: %q", n)
	}
	// the seed story has two articles: no events of other articles
	if n := NumberNote(st, view.FilterAll, []int{2, 3, 5}); strings.Contains(n, "other articles") {
		t.Errorf("two articles: %q", n)
	}
	if n := NumberNote(testkit.Kestrel(t), view.FilterAll, []int{2, 3, 5}); !strings.Contains(n, "with metadata and the events of other articles") {
		t.Errorf("four articles: %q", n)
	}
	if n := NumberNote(st, view.FilterChanged, []int{2, 5}); n != "" {
		t.Errorf("a filtered view: %q", n)
	}
	if page := renderHTML(t, st, DefaultOptions()); !strings.Contains(page, "so some numbers are skipped here") {
		t.Error("the seed page, which starts at event 3, does not say why")
	}
}
