package export

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/internal/facts"
	"github.com/synoptic-news/synoptic/internal/insight"
	"github.com/synoptic-news/synoptic/internal/quotes"
	"github.com/synoptic-news/synoptic/internal/story"
)

// Checks returns the whole-story checks opt carries, or runs what the
// exports show: the quote and facts checks and the summary, not the
// coverage matrix (Matrix is nil). The two checks only read the story, so
// they run side by side. With opt.NoChecks it returns nil.
func Checks(st *story.Story, opt Options) *insight.Report {
	if opt.NoChecks {
		return nil
	}
	if opt.Checks != nil {
		return opt.Checks
	}
	r := &insight.Report{}
	done := make(chan struct{})
	go func() { r.Facts = facts.Check(st); close(done) }()
	r.Quotes = quotes.Check(st)
	<-done
	r.Summary = insight.Summarize(st, r.Quotes, r.Facts)
	return r
}

// jsonChecks are the top-level fields the JSON export adds to the story's
// own (contract v1 extended: a reader of the story fields is unaffected).
type jsonChecks struct {
	Summary insight.Summary    `json:"summary"`
	Quotes  []jsonQuoteGroup   `json:"quotes"`
	Facts   []facts.EventFacts `json:"facts"`
}

// jsonQuoteGroup is one quotation as one or more articles give it.
type jsonQuoteGroup struct {
	// Members are the quotations; Diffs turn Members[0]'s text into each
	// other member's.
	Members []jsonQuote   `json:"members"`
	Diffs   []quotes.Diff `json:"diffs"`
	// Speakers are the distinct speakers the members name.
	Speakers []string `json:"speakers"`
	// Flags say what is wrong in words: "speakers differ", "wording
	// differs", "one outlet"; empty when all give it alike.
	Flags          []string `json:"flags"`
	SpeakersDiffer bool     `json:"speakers_differ"`
	WordingDiffers bool     `json:"wording_differs"`
	OneOutlet      bool     `json:"one_outlet"`
}

// jsonQuote is one quotation in one article.
type jsonQuote struct {
	Article int    `json:"article"`
	Speaker string `json:"speaker"`
	Text    string `json:"text"`
	// Event is the event whose blocks hold the quotation (-1 if none);
	// Block, Start and End locate it in the article.
	Event int `json:"event"`
	Block int `json:"block"`
	Start int `json:"start"`
	End   int `json:"end"`
}

func checksJSON(st *story.Story, r *insight.Report) jsonChecks {
	c := jsonChecks{Summary: r.Summary, Quotes: []jsonQuoteGroup{}, Facts: []facts.EventFacts{}}
	if r.Quotes != nil {
		for _, g := range r.Quotes.Groups {
			jg := jsonQuoteGroup{
				Members: make([]jsonQuote, len(g.Members)), Diffs: g.Diffs, Speakers: g.Speakers,
				Flags: g.Flags(), SpeakersDiffer: g.SpeakersDiffer, WordingDiffers: g.WordingDiffers, OneOutlet: g.OneOutlet,
			}
			for i, m := range g.Members {
				jg.Members[i] = jsonQuote{Article: m.Article, Speaker: m.Speaker, Text: m.Text,
					Event: quotes.EventOf(st, m.Article, m.Block), Block: m.Block, Start: m.Start, End: m.End}
			}
			if jg.Diffs == nil {
				jg.Diffs = []quotes.Diff{}
			}
			if jg.Speakers == nil {
				jg.Speakers = []string{}
			}
			if jg.Flags == nil {
				jg.Flags = []string{}
			}
			c.Quotes = append(c.Quotes, jg)
		}
	}
	if r.Facts != nil {
		c.Facts = r.Facts.Events
	}
	return c
}

// writeJSON writes the story as story.WriteJSON does, then the whole-story
// checks r as the fields summary, quotes and facts, in the same layout and
// with the same escapes; with r nil, the story alone.
func writeJSON(w io.Writer, st *story.Story, r *insight.Report) error {
	if r == nil {
		return st.WriteJSON(w)
	}
	tw := &holdTail{w: w}
	if err := st.WriteJSON(tw); err != nil {
		return err
	}
	if tw.err != nil {
		return tw.err
	}
	if string(tw.tail) != "\n}\n" {
		return fmt.Errorf("JSON export: the story's JSON ends in %q, not an object", tw.tail)
	}
	c := checksJSON(st, r)
	var b bytes.Buffer
	for _, f := range []struct {
		name string
		v    any
	}{{"summary", c.Summary}, {"quotes", c.Quotes}, {"facts", c.Facts}} {
		var v bytes.Buffer
		enc := json.NewEncoder(&v)
		enc.SetEscapeHTML(false)
		enc.SetIndent(" ", " ")
		if err := enc.Encode(f.v); err != nil {
			return fmt.Errorf("JSON export: %s: %w", f.name, err)
		}
		fmt.Fprintf(&b, ",\n %q: ", f.name)
		b.Write(bytes.TrimRight(v.Bytes(), "\n"))
	}
	b.WriteString("\n}\n")
	_, err := w.Write(escapeTerminal(b.Bytes()))
	return err
}

// holdTail passes writes on but keeps back the last three bytes, the
// "\n}\n" that closes the story's object, so that more fields can follow.
type holdTail struct {
	w    io.Writer
	tail []byte
	err  error
}

const tailLen = 3

func (h *holdTail) Write(p []byte) (int, error) {
	if h.err != nil {
		return 0, h.err
	}
	if len(p) < tailLen {
		all := append(h.tail, p...)
		if n := len(all) - tailLen; n > 0 {
			if _, h.err = h.w.Write(all[:n]); h.err != nil {
				return 0, h.err
			}
			all = all[n:]
		}
		h.tail = append([]byte(nil), all...)
		return len(p), nil
	}
	if len(h.tail) > 0 {
		if _, h.err = h.w.Write(h.tail); h.err != nil {
			return 0, h.err
		}
	}
	if _, h.err = h.w.Write(p[:len(p)-tailLen]); h.err != nil {
		return 0, h.err
	}
	h.tail = append(h.tail[:0], p[len(p)-tailLen:]...)
	return len(p), nil
}

// escapeTerminal writes the characters a terminal may act on (DEL, C1
// controls, bidirectional controls and marks) as \u escapes, as
// story.WriteJSON does. In encoder output they only occur inside strings.
func escapeTerminal(b []byte) []byte {
	var out []byte
	start := 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == 0x7f || (r >= 0x80 && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) ||
			r == 0x200e || r == 0x200f || r == 0x061c {
			out = append(out, b[start:i]...)
			out = fmt.Appendf(out, "\\u%04x", r)
			start = i + n
		}
		i += n
	}
	if out == nil {
		return b
	}
	return append(out, b[start:]...)
}
