package export

import (
	"context"
	"fmt"
	"io"
	"strings"
	"sync"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/jsonout"
	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/view"
)

// Checks returns the whole-story checks opt carries, or runs what the
// exports show: the quote and facts checks and the summary, not the
// coverage matrix (Matrix is nil). With opt.NoChecks it returns nil. The
// two checks run one after the other: each reads the articles side by
// side already, and run at once their working data would add up (at 10 MB
// per side a 15% higher peak, and no faster on two cores). The quote check
// goes first (or began while the story was aligned: opt.Early): its
// working data is the larger, the facts check's report the larger, so the
// one is gone before the other is made (the default JSON export of a 1 MB
// pair peaked at 55 MB instead of 59, of fifty articles of 20 KB at 38 MB
// instead of 43). The summary's reading of the story runs beside them, on
// what a processor has left while one article's quotations are still read
// or the quotations are grouped: its working data is small.
func Checks(st *story.Story, opt Options) *insight.Report {
	if opt.NoChecks {
		return nil
	}
	if opt.Checks != nil {
		return opt.Checks
	}
	early := opt.Early
	if early == nil || early.st != st {
		early = StartChecks(st)
	}
	return early.report()
}

// Early is the part of the whole-story checks that reads a story's
// articles alone, started before the story is aligned (StartChecks), and
// then the checks it completes.
type Early struct {
	st     *story.Story
	done   chan struct{} // closed when ix, quotes and values are set
	ix     *names.Index
	quotes *quotes.Report
	values *facts.Extracted

	once sync.Once
	r    *insight.Report
}

// report completes the checks e began, once: later calls return the same
// report.
func (e *Early) report() *insight.Report {
	e.once.Do(func() {
		summary := make(chan insight.Summary, 1)
		go func() { summary <- insight.SummarizeStory(e.st) }()
		<-e.done
		r := &insight.Report{Quotes: e.quotes}
		r.Facts = facts.CheckExtracted(e.st, e.ix, e.values)
		// the names and the values were read for the facts check, which
		// took the values: the export that follows needs neither
		e.ix, e.values = nil, nil
		r.Summary = <-summary
		r.Summary.AddChecks(r.Quotes, r.Facts)
		e.r = r
	})
	return e.r
}

// StartChecks starts, on a goroutine of its own, the part of the
// whole-story checks that reads st's articles alone: the story's names,
// the quote check (which groups quotations by their own words, not by
// events) and the values the facts check compares, one after the other.
// It takes most of the checks' time, and runs on what a processor has
// left while the articles are aligned: call it from
// story.Options.Segmented. Pass the result to Checks in Options.Early.
func StartChecks(st *story.Story) *Early {
	e := &Early{st: st, done: make(chan struct{})}
	go func() {
		defer close(e.done)
		e.ix = names.NewIndex(st)
		e.quotes = quotes.CheckIndexed(st, e.ix)
		e.values = facts.ExtractStory(st)
	}()
	return e
}

// writeJSON writes the story as story.WriteJSON does, then the whole-story
// checks r as the fields summary, quotes and facts, in the same layout and
// with the same escapes; with r nil, the story alone. The checks are
// written as encoding/json would write the structs the contract names
// (insight.Summary, one group per quotation, facts.EventFacts), by hand:
// they are many times the story's size.
func writeJSON(w io.Writer, st *story.Story, r *insight.Report) error {
	if r == nil {
		return st.WriteJSON(w)
	}
	if err := st.FillDiffs(context.Background(), nil); err != nil {
		return err
	}
	j := jsonout.New(w)
	j.Open('{')
	st.JSONFields(j)
	j.Key("summary")
	jsonSummary(j, &r.Summary)
	j.Key("quotes")
	j.Open('[')
	if r.Quotes != nil {
		for i := range r.Quotes.Groups {
			j.Item()
			jsonQuoteGroup(j, st, &r.Quotes.Groups[i])
		}
	}
	j.Close(']')
	j.Key("facts")
	switch {
	case r.Facts == nil:
		j.Open('[')
		j.Close(']')
	case r.Facts.Events == nil:
		j.Null()
	default:
		j.Open('[')
		for i := range r.Facts.Events {
			j.Item()
			jsonEventFacts(j, &r.Facts.Events[i])
		}
		j.Close(']')
	}
	j.Close('}')
	return j.End()
}

func jsonSummary(j *jsonout.Writer, s *insight.Summary) {
	j.Open('{')
	j.Key("events")
	j.Int(s.Events)
	j.Key("shared")
	j.Int(s.Shared)
	j.Key("single")
	j.Int(s.Single)
	j.Key("boilerplate")
	j.Int(s.Boilerplate)
	j.Key("outlets")
	jsonout.List(j, s.Outlets, func(o *insight.Outlet) {
		j.Open('{')
		j.Key("article")
		j.Int(o.Article)
		j.Key("outlet")
		j.Str(o.Outlet)
		j.Key("shared")
		j.Int(o.Shared)
		j.Key("one_sided")
		j.Int(o.OneSided)
		j.Key("words")
		j.Int(o.Words)
		j.Key("aligned_words")
		j.Int(o.AlignedWords)
		j.Key("aligned_share")
		j.Float(o.AlignedShare)
		j.Close('}')
	})
	j.Key("longest_run")
	if r := s.LongestRun; r == nil {
		j.Null()
	} else {
		j.Open('{')
		j.Key("words")
		j.Int(r.Words)
		j.Key("text")
		j.Str(r.Text)
		j.Key("a")
		j.Int(r.A)
		j.Key("b")
		j.Int(r.B)
		j.Key("event")
		j.Int(r.Event)
		j.Close('}')
	}
	j.Key("quotes_differing")
	j.Int(s.QuotesDiffering)
	j.Key("quotes_misattributed")
	j.Int(s.QuotesMisattributed)
	j.Key("quotes_one_outlet")
	j.Int(s.QuotesOneOutlet)
	j.Key("facts_differing")
	j.Int(s.FactsDiffering)
	j.Key("fact_events")
	j.Ints(s.FactEvents)
	j.Close('}')
}

// jsonQuoteGroup writes one quotation as one or more articles give it:
// the members (each with the event whose blocks hold it, -1 if none, and
// not its style or attribution as written), the diffs from the first
// member to each other, the distinct speakers, and what is wrong with it
// in words ("speakers differ", "wording differs", "one outlet"; empty
// when all give it alike) and as flags.
func jsonQuoteGroup(j *jsonout.Writer, st *story.Story, g *quotes.Group) {
	j.Open('{')
	j.Key("members")
	j.Open('[')
	for i := range g.Members {
		m := &g.Members[i]
		j.Item()
		j.Open('{')
		j.Key("article")
		j.Int(m.Article)
		j.Key("speaker")
		j.Str(m.Speaker)
		j.Key("text")
		j.Str(m.Text)
		j.Key("event")
		j.Int(quotes.EventOf(st, m.Article, m.Block))
		j.Key("block")
		j.Int(m.Block)
		j.Key("start")
		j.Int(m.Start)
		j.Key("end")
		j.Int(m.End)
		j.Close('}')
	}
	j.Close(']')
	j.Key("diffs")
	j.Open('[')
	for _, d := range g.Diffs {
		j.Item()
		j.Open('{')
		j.Key("from")
		j.Int(d.From)
		j.Key("to")
		j.Int(d.To)
		if d.Window != nil {
			j.Key("window")
			j.Open('[')
			j.Item()
			j.Int(d.Window[0])
			j.Item()
			j.Int(d.Window[1])
			j.Close(']')
		}
		j.Key("ops")
		story.JSONOps(j, d.Ops)
		j.Close('}')
	}
	j.Close(']')
	j.Key("speakers")
	if g.Speakers == nil {
		j.Open('[')
		j.Close(']')
	} else {
		j.Strs(g.Speakers)
	}
	j.Key("flags")
	j.Open('[')
	for _, f := range g.FlagsIn(st) {
		j.Item()
		j.Str(f)
	}
	j.Close(']')
	j.Key("speakers_differ")
	j.Bool(g.SpeakersDiffer)
	j.Key("wording_differs")
	j.Bool(g.WordingDiffers)
	j.Key("one_outlet")
	j.Bool(g.OneOutlet)
	j.Close('}')
}

func jsonEventFacts(j *jsonout.Writer, ef *facts.EventFacts) {
	j.Open('{')
	j.Key("event")
	j.Int(ef.Event)
	j.Key("articles")
	j.Ints(ef.Articles)
	j.Key("values")
	jsonout.List(j, ef.Values, func(x *facts.Value) {
		jsonValue(j, x)
	})
	j.Key("agreed")
	jsonout.List(j, ef.Agreed, func(a *facts.Agreement) {
		j.Open('{')
		j.Key("type")
		j.Str(string(a.Type))
		j.Key("key")
		j.Str(a.Key)
		j.Key("articles")
		j.Ints(a.Articles)
		j.Key("texts")
		j.Strs(a.Texts)
		if a.Variant {
			j.Key("variant")
			j.Bool(true)
		}
		if a.Spelled {
			j.Key("spelled_differently")
			j.Bool(true)
		}
		j.Close('}')
	})
	j.Key("conflicts")
	jsonout.List(j, ef.Conflicts, func(c *facts.Conflict) {
		j.Open('{')
		j.Key("type")
		j.Str(string(c.Type))
		if c.Unit != "" {
			j.Key("unit")
			j.Str(c.Unit)
		}
		j.Key("a")
		jsonValue(j, c.A)
		j.Key("b")
		jsonValue(j, c.B)
		j.Close('}')
	})
	j.Key("conflict")
	j.Bool(ef.Conflict)
	j.Close('}')
}

func jsonValue(j *jsonout.Writer, v *facts.Value) {
	j.Open('{')
	j.Key("type")
	j.Str(string(v.Type))
	j.Key("text")
	j.Str(v.Text)
	j.Key("key")
	j.Str(v.Key)
	if v.Unit != "" {
		j.Key("unit")
		j.Str(v.Unit)
	}
	if v.Approx {
		j.Key("approx")
		j.Bool(true)
	}
	if v.Person {
		j.Key("person")
		j.Bool(true)
	}
	j.Key("article")
	j.Int(v.Article)
	j.Key("block")
	j.Int(v.Block)
	j.Key("start")
	j.Int(v.Start)
	j.Key("end")
	j.Int(v.End)
	j.Close('}')
}

// factsDiffer says which values differ in event k, as the reader's status
// bar does: "32,000 (Harbour Herald) vs 23,000 (The Coastal Times)"; "" when
// none do or the checks were left out (c nil). Article text is returned
// as is: each format escapes it.
func factsDiffer(st *story.Story, c *insight.Report, k int) string {
	if c == nil || c.Facts == nil {
		return ""
	}
	ef := c.Facts.Event(k)
	if ef == nil || !ef.Conflict {
		return ""
	}
	var parts []string
	for _, x := range ef.Conflicts {
		parts = append(parts, fmt.Sprintf("%s (%s) vs %s (%s)", x.A.Text, view.Outlet(st, x.A.Article), x.B.Text, view.Outlet(st, x.B.Article)))
	}
	return strings.Join(parts, "; ")
}
