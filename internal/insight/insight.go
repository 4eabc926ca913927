// Package insight runs the whole-story checks in one call: the coverage
// matrix, the quote check, the facts check and the summary that heads the
// reader and every export. It only reads the aligned story.
package insight

import (
	"fmt"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/matrix"
	"github.com/synoptic-news/synoptic/internal/names"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
	"github.com/synoptic-news/synoptic/internal/textsafe"
	"github.com/synoptic-news/synoptic/internal/view"
	"github.com/synoptic-news/synoptic/internal/wording"
)

// Report is every whole-story check of one story.
type Report struct {
	Summary Summary        `json:"summary"`
	Matrix  *matrix.Matrix `json:"matrix"`
	Quotes  *quotes.Report `json:"quotes"`
	Facts   *facts.Report  `json:"facts"`
}

// Summary is the story at a glance.
type Summary struct {
	// Events counts the events that report something (shared and
	// single); Boilerplate the page furniture left out.
	Events      int `json:"events"`
	Shared      int `json:"shared"`
	Single      int `json:"single"`
	Boilerplate int `json:"boilerplate"`
	// Outlets has one entry per article.
	Outlets []Outlet `json:"outlets"`
	// LongestRun is the longest run of words two articles share verbatim
	// inside an aligned event (a sign of wire copy); nil when none.
	LongestRun *Run `json:"longest_run"`
	// QuotesDiffering counts quotations two or more outlets give in other
	// words or with other speakers; QuotesMisattributed those with other
	// speakers; QuotesOneOutlet quotations only one outlet gives.
	QuotesDiffering     int `json:"quotes_differing"`
	QuotesMisattributed int `json:"quotes_misattributed"`
	QuotesOneOutlet     int `json:"quotes_one_outlet"`
	// FactsDiffering counts shared events whose outlets give conflicting
	// figures, dates or names; FactEvents lists them (event indices).
	FactsDiffering int   `json:"facts_differing"`
	FactEvents     []int `json:"fact_events"`
}

// Outlet sums up one article.
type Outlet struct {
	Article int    `json:"article"`
	Outlet  string `json:"outlet"`
	// Shared counts the shared events the article is in, OneSided the
	// events only it reports.
	Shared   int `json:"shared"`
	OneSided int `json:"one_sided"`
	// Words counts the words of its body blocks (paragraphs, standfirsts,
	// headings); AlignedWords those in shared events; AlignedShare their
	// ratio.
	Words        int     `json:"words"`
	AlignedWords int     `json:"aligned_words"`
	AlignedShare float64 `json:"aligned_share"`
}

// Run is a run of words two articles give verbatim.
type Run struct {
	Words int    `json:"words"`
	Text  string `json:"text"`
	// A and B are the articles, Event the event it is in.
	A     int `json:"a"`
	B     int `json:"b"`
	Event int `json:"event"`
}

// Analyze runs every check on st.
// The checks only read the story, so they run side by side.
func Analyze(st *story.Story) *Report {
	r := &Report{}
	ix := names.NewIndex(st)
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); r.Quotes = quotes.CheckIndexed(st, ix) }()
	go func() { defer wg.Done(); r.Facts = facts.CheckIndexed(st, ix) }()
	r.Matrix = matrix.BuildWith(st, ix.Lower)
	wg.Wait()
	r.Summary = Summarize(st, r.Quotes, r.Facts)
	return r
}

// Summarize computes the summary of st from its quote and facts checks.
func Summarize(st *story.Story, q *quotes.Report, f *facts.Report) Summary {
	s := SummarizeStory(st)
	s.AddChecks(q, f)
	return s
}

// SummarizeStory computes the part of the summary of st that reads the
// story alone (the events, the outlets' words, the longest verbatim run),
// which AddChecks completes: an export computes it while the checks run.
func SummarizeStory(st *story.Story) Summary {
	s := Summary{Outlets: make([]Outlet, len(st.Articles)), FactEvents: []int{}}
	// each body block's words are counted once: an article's total and
	// its aligned words both read them
	words := make([][]int, len(st.Articles))
	for a, art := range st.Articles {
		s.Outlets[a] = Outlet{Article: a, Outlet: art.Outlet}
		words[a] = make([]int, len(art.Blocks))
		for b, blk := range art.Blocks {
			if blk.Kind.IsBody() {
				words[a][b] = wording.Words(blk.Text)
				s.Outlets[a].Words += words[a][b]
			}
		}
	}
	for k := range st.Events {
		e := &st.Events[k] // not a copy: the reader's background diffs write Diffs
		switch e.Kind {
		case story.Shared:
			s.Shared++
		case story.Single:
			s.Single++
		default:
			if !st.AllMetadata(k) { // metadata is no furniture: the headers give it
				s.Boilerplate++
			}
			continue
		}
		for a, bs := range e.Blocks {
			if len(bs) == 0 {
				continue
			}
			if e.Kind == story.Single {
				s.Outlets[a].OneSided++
				continue
			}
			s.Outlets[a].Shared++
			for _, b := range bs {
				s.Outlets[a].AlignedWords += words[a][b] // 0 for a block not of the body
			}
		}
	}
	s.LongestRun = longestRun(st)
	s.Events = s.Shared + s.Single
	for a := range s.Outlets {
		if o := &s.Outlets[a]; o.Words > 0 {
			o.AlignedShare = float64(int(float64(o.AlignedWords)/float64(o.Words)*1000+0.5)) / 1000
		}
	}
	return s
}

// AddChecks adds to s, the summary SummarizeStory gives, the counts of
// the quote and facts checks q and f.
func (s *Summary) AddChecks(q *quotes.Report, f *facts.Report) {
	if q != nil {
		s.QuotesDiffering, s.QuotesMisattributed, s.QuotesOneOutlet = q.Differing, q.Misattributed, q.OneOutlet
	}
	if f != nil {
		s.FactsDiffering = f.Conflicting
		for _, ef := range f.Events {
			if ef.Conflict {
				s.FactEvents = append(s.FactEvents, ef.Event)
			}
		}
	}
}

// runText is a verbatim run as it is shown: from its first word to its
// last, with what the diff left at its edges (the period and quotation
// marks of the sentences around it, "“.  “There is…") cut off; a closing
// mark or period right after the last word stays, as do the marks inside.
func runText(s string) string {
	isWord := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
	s = strings.TrimLeftFunc(s, func(r rune) bool { return !isWord(r) })
	end := strings.LastIndexFunc(s, isWord)
	if end < 0 {
		return ""
	}
	_, size := utf8.DecodeRuneInString(s[end:])
	end += size
	// keep the punctuation that closes the last word's sentence or quote
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !strings.ContainsRune(`.,;:!?”’»)"'`, r) {
			break
		}
		end += size
	}
	t := s[:end]
	// a closing mark whose opening the run cut off is left out too
	for _, pair := range []string{`“”`, `‘’`, `«»`, `""`} {
		open, close := []rune(pair)[0], []rune(pair)[1]
		unopened := strings.Count(t, string(close)) > strings.Count(t, string(open))
		if open == close { // straight marks: one left over closes a cut-off opening
			unopened = strings.Count(t, string(close))%2 == 1
		}
		if unopened && strings.HasSuffix(strings.TrimRight(t, ".,;:!?)"), string(close)) {
			t = strings.TrimRight(strings.TrimSuffix(strings.TrimRight(t, ".,;:!?)"), string(close)), " ")
		}
	}
	return t
}

// Lines renders the summary as plain lines of at most width columns, for
// the top of the reader and text exports:
//
//	whole story, 2 articles: 14 events · 5 shared · 9 one-sided
//	translated report: 5 shared, 2 only here, 61% of words aligned
//	longest verbatim run: 23 words (translated report / Washington Examiner), “…”
//	quotes: 2 differing, 0 misattributed, 7 in one outlet · facts: 1 event differs (6)
//
// Text from articles is made terminal-safe.
func (s Summary) Lines(width int) []string {
	var out []string
	first := fmt.Sprintf("whole story, %s: %s · %d shared · %d one-sided", wording.Count(len(s.Outlets), "article"),
		wording.Count(s.Events, "event"), s.Shared, s.Single)
	if s.Boilerplate > 0 {
		first += fmt.Sprintf(" (and %d of page furniture)", s.Boilerplate)
	}
	out = append(out, first)
	for _, o := range s.Outlets {
		out = append(out, fmt.Sprintf("%s: %d shared, %d only here, %d%% of words aligned",
			textsafe.VisibleLine(o.Outlet), o.Shared, o.OneSided, int(o.AlignedShare*100+0.5)))
	}
	var run []string
	if r := s.LongestRun; r != nil {
		// The counts wrap like the others; only the excerpt may lose
		// its end, on the counts' last line or, short of room, its own.
		head := fmt.Sprintf("longest verbatim run: %s (%s / %s, event %d):", wording.Count(r.Words, "word"),
			textsafe.VisibleLine(s.outlet(r.A)), textsafe.VisibleLine(s.outlet(r.B)), r.Event+1)
		excerpt := textsafe.VisibleLine(r.Text)
		if !quoted(excerpt) {
			excerpt = "“" + excerpt + "”"
		}
		run = wrap(head, width)
		last := run[len(run)-1]
		switch room := width - ansi.StringWidth(last) - 1; {
		case width < 1 || room >= 8:
			run[len(run)-1] = cut(last+" "+excerpt, width)
		default:
			run = append(run, cut("  "+excerpt, width))
		}
	}
	differ := "events differ"
	if s.FactsDiffering == 1 {
		differ = "event differs"
	}
	if len(s.FactEvents) > 0 {
		evs := make([]string, len(s.FactEvents))
		for i, k := range s.FactEvents {
			evs[i] = strconv.Itoa(k + 1)
		}
		differ += " (" + strings.Join(evs, ", ") + ")"
	}
	out = append(out, fmt.Sprintf("quotes: %d differing, %d misattributed, %d in one outlet · facts: %d %s",
		s.QuotesDiffering, s.QuotesMisattributed, s.QuotesOneOutlet, s.FactsDiffering, differ))
	var wrapped []string
	for i, l := range out {
		if i == len(out)-1 {
			wrapped = append(wrapped, run...)
		}
		// counts: they wrap rather than lose their end
		wrapped = append(wrapped, wrap(l, width)...)
	}
	return wrapped
}

// quoted reports whether s is a whole quotation: it opens with a
// quotation mark and ends with one.
func quoted(s string) bool {
	if utf8.RuneCountInString(s) < 2 {
		return false
	}
	first, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return strings.ContainsRune(`"“‘'«„`, first) && strings.ContainsRune(`"”’'»“`, last)
}

// outlet is the name article a is shown by (see view.Name).
func (s Summary) outlet(a int) string {
	if a >= 0 && a < len(s.Outlets) {
		return view.Name(s.Outlets[a].Outlet, a)
	}
	return view.Name("", a)
}
