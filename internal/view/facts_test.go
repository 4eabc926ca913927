package view

import (
	"fmt"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/story"
)

// fiftyOutlets is an event of n articles that all give "December 18" and
// "387 families", but for article 2, which gives "December 27", and
// articles 5 and 7, which give 118 families; its conflicts are every pair
// of articles that differ, as the facts check makes them.
func fiftyOutlets(n int) (*story.Story, *facts.EventFacts) {
	st := &story.Story{}
	ef := &facts.EventFacts{}
	for a := range n {
		st.Articles = append(st.Articles, story.Article{Outlet: fmt.Sprintf("Outlet %02d", a)})
		date, fam := "December 18", "387"
		if a == 2 {
			date = "December 27"
		}
		if a == 5 || a == 7 {
			fam = "118"
		}
		ef.Articles = append(ef.Articles, a)
		ef.Values = append(ef.Values,
			facts.Value{Type: facts.Date, Text: date, Key: strings.ToLower(date), Article: a},
			facts.Value{Type: facts.Number, Text: fam, Key: fam, Unit: "family", Article: a})
	}
	for i := range ef.Values {
		for j := i + 1; j < len(ef.Values); j++ {
			x, y := &ef.Values[i], &ef.Values[j]
			if x.Type == y.Type && x.Article != y.Article && x.Key != y.Key {
				ef.Conflicts = append(ef.Conflicts, facts.Conflict{Type: x.Type, Unit: x.Unit, A: x, B: y})
			}
		}
	}
	ef.Conflict = len(ef.Conflicts) > 0
	return st, ef
}

func TestFactGroupsOneLinePerThing(t *testing.T) {
	st, ef := fiftyOutlets(50)
	if len(ef.Conflicts) != 49+2*48 {
		t.Fatalf("the event has %d conflicts, want %d", len(ef.Conflicts), 49+2*48)
	}
	gs := FactGroups(ef)
	if len(gs) != 2 {
		t.Fatalf("%d groups, want one for the date and one for the families: %+v", len(gs), gs)
	}
	if gs[0].Kind != "date" || gs[1].Kind != "number (family)" {
		t.Errorf("kinds %q, %q", gs[0].Kind, gs[1].Kind)
	}
	d := gs[0].Values
	if len(d) != 2 || d[0].Text != "December 18" || len(d[0].Articles) != 49 || d[1].Text != "December 27" || fmt.Sprint(d[1].Articles) != "[2]" {
		t.Errorf("date values %+v", d)
	}
	got := FactGroupText(st, gs[1], 3, func(s string) string { return "<" + s + ">" })
	want := "<Outlet 00>, <Outlet 01>, <Outlet 02> and 45 others give “<387>”; <Outlet 05> and <Outlet 07> give “<118>”"
	if got != want {
		t.Errorf("text\n%s\nwant\n%s", got, want)
	}
	if all := FactGroupText(st, gs[0], 0, func(s string) string { return s }); strings.Count(all, "Outlet") != 50 {
		t.Errorf("without a bound every outlet is named: %s", all)
	}
}

// Two articles read as their one conflict did: each gives its value.
func TestFactGroupsOfTwoArticles(t *testing.T) {
	st, ef := fiftyOutlets(3)
	ef.Conflicts = ef.Conflicts[:1] // article 0's date against article 2's
	gs := FactGroups(ef)
	if len(gs) != 1 {
		t.Fatalf("%d groups", len(gs))
	}
	if got, want := FactGroupText(st, gs[0], 0, func(s string) string { return s }), "Outlet 00 gives “December 18”, Outlet 02 gives “December 27”"; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if FactGroups(&facts.EventFacts{}) != nil || FactGroups(nil) != nil {
		t.Error("an event without conflicts has groups")
	}
}
