package export

import (
	"fmt"
	"strings"
	"testing"
)

// The one-line account at the top of txt and ansi names every event it
// counts: its parts add up to its total, as in the Markdown contents line.
func TestSummaryPartsAddUp(t *testing.T) {
	st := seedStory(t)
	c := Count(st, 0, 1)
	if c.Boilerplate == 0 {
		t.Fatal("the seed story has no page furniture to count")
	}
	got := Summary(st, 0, 1)
	if c.Shared+c.OnlyLeft+c.OnlyRight+c.Boilerplate != c.Events {
		t.Fatalf("counts do not add up: %+v", c)
	}
	want := fmt.Sprintf("%d page furniture", c.Boilerplate)
	if !strings.Contains(got, want) {
		t.Errorf("summary %q counts %d events but leaves out the %d of page furniture", got, c.Events, c.Boilerplate)
	}
}
