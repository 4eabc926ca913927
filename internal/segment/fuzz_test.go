package segment

import (
	"strings"
	"testing"
	"unicode"

	"github.com/synoptic-news/synoptic/corpus"
)

var fuzzHints = []corpus.Hint{corpus.HintNone, corpus.HintNone, corpus.HintNone, corpus.HintTitle,
	corpus.HintHeading, corpus.HintCaption, corpus.HintMeta, corpus.HintStandfirst}

// FuzzArticle checks that every paragraph becomes exactly one block with its
// text unchanged and a known kind, whatever the text and hints.
func FuzzArticle(f *testing.F) {
	f.Add("North Korea vows support\nChoe spoke in Moscow on Friday. \"We will win,\" she said.\nShare this article", []byte{0, 0, 0})
	f.Add(" date 2024-11-01 Ukraine war\nNews\nA headline\nA teaser that is cut off […]\nA teaser that is cut off and then goes on.", []byte{6, 0, 0, 0, 0})
	f.Add("In this photo, people walk. (AP Photo/Someone)\nPhoto: Getty Images\n© 2024", []byte{5, 1, 2})
	f.Add("", []byte{})
	f.Add("\x1b]0;x\x07\n\u202e\n\xff", []byte{3, 4, 7})
	f.Fuzz(func(t *testing.T, text string, hints []byte) {
		var a corpus.Article
		for i, line := range strings.Split(text, "\n") {
			h := corpus.HintNone
			if i < len(hints) {
				h = fuzzHints[int(hints[i])%len(fuzzHints)]
			}
			a.Paras = append(a.Paras, corpus.Para{Text: line, Hint: h})
		}
		if len(hints) > 0 && hints[0]&0x80 != 0 {
			a.Title = a.Paras[0].Text
		}
		blocks := Article(a)
		if len(blocks) != len(a.Paras) {
			t.Fatalf("%d paragraphs gave %d blocks", len(a.Paras), len(blocks))
		}
		for i, b := range blocks {
			if b.Text != a.Paras[i].Text {
				t.Fatalf("block %d text %q, paragraph was %q", i, b.Text, a.Paras[i].Text)
			}
			switch b.Kind {
			case Headline, Standfirst, Teaser, Heading, Paragraph, Caption, Boilerplate, Meta:
			default:
				t.Fatalf("block %d has unknown kind %q", i, b.Kind)
			}
		}
	})
}

// FuzzSentences checks that sentences are never empty, have no outer spaces,
// and together hold every non-space character of the text, in order.
func FuzzSentences(f *testing.F) {
	f.Add(`The U.S. said on Nov. 1 that Gen. Smith left. "Really?" she asked. Yes.`)
	f.Add(`He said: "We will win. Always." Then he left… And came back!`)
	f.Add("")
	f.Add(". . . ! ?")
	f.Add("A. B. C. Donald J. Trump met e.g. someone at 9 a.m. Today.")
	f.Add("\xff. \xfe? \u00a0Next")
	f.Fuzz(func(t *testing.T, text string) {
		ss := Sentences(text)
		for i, s := range ss {
			if s == "" {
				t.Fatalf("sentence %d is empty", i)
			}
			if strings.TrimSpace(s) != s {
				t.Fatalf("sentence %d has outer space: %q", i, s)
			}
		}
		if got, want := noSpace(strings.Join(ss, "")), noSpace(string([]rune(text))); got != want {
			t.Fatalf("sentences hold %q, text holds %q", got, want)
		}
	})
}

func noSpace(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
