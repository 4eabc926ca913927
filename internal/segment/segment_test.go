package segment

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/corpus"
)

func TestArticleKinds(t *testing.T) {
	type para struct {
		text string
		hint corpus.Hint
	}
	tests := []struct {
		name  string
		title string
		paras []para
		want  []Kind
	}{
		{
			name: "headline, truncated teaser, body, heading, caption, furniture",
			paras: []para{
				{"date 2025-03-02 Europe", corpus.HintMeta},
				{"Harbour strike halts ferries across the bay", ""},
				{"Dock workers walked out on Monday, stranding thousands of commuters, and the union says the strike […]", ""},
				{"Dock workers walked out on Monday, stranding thousands of commuters, and the union says the strike will last a week.", ""},
				{"Talks broke down late on Sunday", ""},
				{"The port authority said it would ask a court to order the workers back.", ""},
				{"In this photo taken on Monday, commuters queue at the closed ferry terminal.", ""},
				{"Share this article", ""},
				{"Share on Facebook", ""},
				{"CLICK HERE TO READ MORE FROM THE BAY GAZETTE", ""},
			},
			want: []Kind{Meta, Headline, Teaser, Paragraph, Heading, Paragraph, Caption, Boilerplate, Boilerplate, Boilerplate},
		},
		{
			name: "a whole teaser the body repeats",
			paras: []para{
				{"Rail fares to rise by five percent", ""},
				{"The operator announced the increase on Friday, citing higher energy costs and a shortfall in the pension fund.", ""},
				{"The operator announced the increase on Friday, citing higher energy costs and a shortfall in the pension fund. Unions called it a tax on workers.", ""},
			},
			want: []Kind{Headline, Teaser, Paragraph},
		},
		{
			name: "a cut-off teaser that runs over two paragraphs, under a date line and a photo",
			paras: []para{
				{"date 2025-11-03 Transport", corpus.HintMeta},
				{"Ferry operator cuts winter crossings", ""},
				{"In this photo taken on Monday, commuters queue at the closed ferry terminal.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December. Its chief executive, Ana Ruiz, said that fuel costs had “left us no other cho[…]", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December.", ""},
				{"Its chief executive, Ana Ruiz, said that fuel costs had “left us no other choice” and that the timetable would be reviewed in spring.", ""},
			},
			want: []Kind{Meta, Headline, Caption, Teaser, Paragraph, Paragraph},
		},
		{
			name: "a teaser with a word changed in ten",
			paras: []para{
				{"Ferry operator cuts winter crossings", ""},
				{"The Bay Ferry Company will run two crossings each day instead of six from December …", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, it said on Monday.", ""},
			},
			want: []Kind{Headline, Teaser, Paragraph},
		},
		{
			name: "a cut-off paragraph the body does not repeat is a standfirst",
			paras: []para{
				{"Ferry operator cuts winter crossings", ""},
				{"Islanders say the decision will leave them stranded for the darkest months of the year …", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December.", ""},
			},
			want: []Kind{Headline, Standfirst, Paragraph},
		},
		{
			name: "a lede the next paragraph only starts like is body",
			paras: []para{
				{"Ferry operator cuts winter crossings", ""},
				{"The Bay Ferry Company will run fewer boats this winter, leaving islanders angry.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December.", ""},
			},
			want: []Kind{Headline, Paragraph, Paragraph},
		},
		{
			name: "a short first paragraph is body",
			paras: []para{
				{"Ferry operator cuts winter crossings", ""},
				{"Crossings are cut.", ""},
				{"Crossings are cut to two a day from December, the company said.", ""},
			},
			want: []Kind{Headline, Paragraph, Paragraph},
		},
		{
			name: "a headline that ends in a full stop, above a lede",
			paras: []para{
				{"Ferry operator cuts winter crossings.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
				{"Islanders said they would protest.", ""},
			},
			want: []Kind{Headline, Paragraph, Paragraph},
		},
		{
			name: "a headline that ends in a full stop, above a dek of two lines and a lede",
			paras: []para{
				{"Ferry operator cuts winter crossings.", ""},
				{"Islanders fear isolation.", ""},
				{"'A lifeline cut' on the outer isles.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Paragraph, Paragraph, Paragraph},
		},
		{
			name: "a headline that runs on into its deck after a semicolon",
			paras: []para{
				{"Ferry operator cuts winter crossings; ", ""},
				{"Islanders fear isolation.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Paragraph, Paragraph},
		},
		{
			name: "such a headline and its run-on clause given as one line",
			paras: []para{
				{"Ferry sale blocked for a second time this winter; second buyer walks away from the troubled island service.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Paragraph},
		},
		{
			name: "a first sentence with a semicolon over a short paragraph stays body",
			paras: []para{
				{"The ferry sale was blocked for a second time this winter; the second buyer walked away from the service.", ""},
				{"Islanders said they would protest.", ""},
			},
			want: []Kind{Paragraph, Paragraph},
		},
		{
			name: "a dek that ends in a full stop under such a headline",
			paras: []para{
				{"Ferry operator cuts winter crossings; ", ""},
				{"Islanders fear they will be cut off all winter.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Standfirst, Paragraph},
		},
		{
			name: "subheads written as a label and a phrase",
			paras: []para{
				{"Ferry operator cuts winter crossings", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
				{"Islanders: Hold the line.", ""},
				{"Islanders plan a protest at the harbour on Saturday and say they will block the ramp until the company restores the crossings it cut this winter.", ""},
				{"Mayor Ortiz: Nothing to add.", ""},
				{"The mayor said nothing.", ""},
				{"Mayor Ortiz said: we will not pay.", ""},
				{"The mayor said the city would not subsidise the crossings, whatever the company argued, because the budget had no room for it this year.", ""},
			},
			want: []Kind{Headline, Paragraph, Heading, Paragraph, Paragraph, Paragraph, Paragraph, Paragraph},
		},
		{
			name: "headlines that end in a full stop and hold an abbreviation",
			paras: []para{
				{"All eggs in N.H. and Iowa baskets.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Paragraph},
		},
		{
			name: "a headline with an abbreviation that runs on into its deck",
			paras: []para{
				{"Ferry fares move to fore of U.S. campaign; ", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Paragraph},
		},
		{
			name: "a headline in title case that ends in a full stop, over a short lede",
			paras: []para{
				{"Ferry Boss Just Gave Islanders A Reason To Worry.", ""},
				{"The Bay Ferry Company will cut its winter crossings from six a day to two.", ""},
			},
			want: []Kind{Headline, Paragraph},
		},
		{
			name: "a first sentence with names over a sentence a little longer is body",
			paras: []para{
				{"Mayor Ortiz and Councillor Hale met in Port Bay on Tuesday.", ""},
				{"They agreed that the Bay Ferry Company should keep its winter crossings at six a day.", ""},
			},
			want: []Kind{Paragraph, Paragraph},
		},
		{
			name: "an archive's labels between the parts of an article",
			paras: []para{
				{"Ferry operator cuts winter crossings", ""},
				{"ABSTRACT.", ""},
				{"The Bay Ferry Company will cut its winter crossings.", ""},
				{"FULL TEXT.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December.", ""},
				{"NO.", ""},
				{"PREVIOUSLY: the company ran six.", ""},
			},
			want: []Kind{Headline, Boilerplate, Paragraph, Boilerplate, Paragraph, Paragraph, Paragraph},
		},
		{
			name: "a headline whose full stop closes a quotation",
			paras: []para{
				{"Ferry boss: ‘We Cannot Run Empty Boats.’", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Headline, Paragraph},
		},
		{
			name: "short lines above short lines are body",
			paras: []para{
				{"Crossings are cut.", ""},
				{"Islanders fear isolation.", ""},
				{"Fares rise too.", ""},
				{"Talks go on.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Paragraph, Paragraph, Paragraph, Paragraph, Paragraph},
		},
		{
			name: "a short first sentence above prose no longer than twice it is body",
			paras: []para{
				{"Crossings are cut to two a day from December.", ""},
				{"The Bay Ferry Company blamed fuel costs and a shortage of crews for the cut.", ""},
			},
			want: []Kind{Paragraph, Paragraph},
		},
		{
			name: "two sentences, or more than a headline's words, are body",
			paras: []para{
				{"Crossings are cut. Islanders are angry.", ""},
				{"The Bay Ferry Company will run two crossings a day instead of six from December, leaving islanders who work on the mainland without a way home.", ""},
			},
			want: []Kind{Paragraph, Paragraph},
		},
		{
			name: "a dek under the headline is a standfirst, a subhead in the body a heading",
			paras: []para{
				{"Rail fares to rise by five percent", ""},
				{"Commuters face the steepest increase in a decade as energy costs bite", ""},
				{"The operator announced the increase on Friday, citing higher energy costs.", ""},
				{"What the unions say", ""},
				{"Unions called it a tax on workers and promised a campaign against it.", ""},
			},
			want: []Kind{Headline, Standfirst, Paragraph, Heading, Paragraph},
		},
		{
			name: "a short line under the headline is a heading",
			paras: []para{
				{"Rail fares to rise by five percent", ""},
				{"The details", ""},
				{"The operator announced the increase on Friday, citing higher energy costs.", ""},
			},
			want: []Kind{Headline, Heading, Paragraph},
		},
		{
			name: "first paragraph that does not repeat is body",
			paras: []para{
				{"Rail fares to rise by five percent", ""},
				{"The operator announced the increase on Friday.", ""},
				{"Unions called it a tax on workers.", ""},
			},
			want: []Kind{Headline, Paragraph, Paragraph},
		},
		{
			name:  "the source's title and hints win",
			title: "Floods close the northern highway",
			paras: []para{
				{"Floods close the northern highway", corpus.HintTitle},
				{"Rain fell for a third day", corpus.HintStandfirst},
				{"What we know", corpus.HintHeading},
				{"Water rose above the barriers overnight.", ""},
				{"Cars stranded on the highway", corpus.HintCaption},
			},
			want: []Kind{Headline, Standfirst, Heading, Paragraph, Caption},
		},
		{
			name: "captions in their common shapes",
			paras: []para{
				{"Minister Olga Petrenko speaks in parliament. (AP Photo/Jane Roe)", ""},
				{"Photo: a flooded street in the old town", ""},
				{"Rescue boats on the river on Tuesday. (Getty Images)", ""},
				{"Rescuers reached the village on Tuesday.", ""},
				{"*Photo: a flooded street in the old town*", ""},
				{"_Rescue boats on the river on Tuesday. (Getty Images)_", ""},
				{"*In this photo*, she said, the river looks calm.", ""},
			},
			want: []Kind{Caption, Caption, Caption, Paragraph, Caption, Caption, Paragraph},
		},
		{
			name: "page furniture in its common shapes",
			paras: []para{
				{"The council met on Tuesday.", ""},
				{"See also: Markets rally after the vote", ""},
				{"Sign up for our morning newsletter", ""},
				{"Get the Daily Brief newsletter in your inbox", ""},
				{"© 2025 The Bay Gazette. All rights reserved.", ""},
				{"Copyright 2025 Example Media", ""},
				{"Tweet", ""},
				{"The mayor announced the plan in the city's weekly newsletter.", ""},
				{"Click here to read more", ""},
				{"Read more: Bridge costs soar as repairs drag on", ""},
				{"RELATED: Five things to know about the bridge", ""},
				{"Read more about the plan, the mayor told residents, in the council's report.", ""},
				{"Continue reading the main story", ""},
				{"[Read: Why the bridge failed]", ""},
				{"Read also: The engineer who saw it coming", ""},
				{"Follow Dana Ortiz on Twitter @dana_ortiz.", ""},
				{"Follow the money on Twitter, the auditor told the council, and you will find the contractor.", ""},
			},
			want: []Kind{Paragraph, Boilerplate, Boilerplate, Boilerplate, Boilerplate, Boilerplate, Boilerplate, Paragraph, Boilerplate,
				Boilerplate, Boilerplate, Paragraph, Boilerplate, Boilerplate, Boilerplate, Boilerplate, Paragraph},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := corpus.Article{Title: tt.title}
			for _, p := range tt.paras {
				a.Paras = append(a.Paras, corpus.Para{Text: p.text, Hint: p.hint})
			}
			blocks := Article(a)
			var got []Kind
			for i, b := range blocks {
				got = append(got, b.Kind)
				if b.Text != a.Paras[i].Text {
					t.Errorf("block %d text changed: %q, was %q", i, b.Text, a.Paras[i].Text)
				}
			}
			if !reflect.DeepEqual(got, tt.want) {
				for i := range tt.paras {
					if i < len(got) && i < len(tt.want) && got[i] != tt.want[i] {
						t.Errorf("paragraph %d %q: kind %s, want %s", i, tt.paras[i].text, got[i], tt.want[i])
					}
				}
				t.Fatalf("kinds %v, want %v", got, tt.want)
			}
		})
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"The U.S. said on Nov. 1 that Gen. Smith had left. Mr. Lee stayed.",
			[]string{"The U.S. said on Nov. 1 that Gen. Smith had left.", "Mr. Lee stayed."}},
		{"Talks resumed in the U.S. The delegates met for an hour.",
			[]string{"Talks resumed in the U.S.", "The delegates met for an hour."}},
		{"U.S. officials said Donald J. Trump would attend.",
			[]string{"U.S. officials said Donald J. Trump would attend."}},
		{`"We will win. We always do," she said. Then she left.`,
			[]string{`"We will win. We always do," she said.`, "Then she left."}},
		{"“We will not pay. Not one cent,” he told reporters. The crowd cheered.",
			[]string{"“We will not pay. Not one cent,” he told reporters.", "The crowd cheered."}},
		{`She asked: "Why now?" Nobody answered.`,
			[]string{`She asked: "Why now?"`, "Nobody answered."}},
		{"The plan costs $3.6 billion. It was approved 8,000 to 2.",
			[]string{"The plan costs $3.6 billion.", "It was approved 8,000 to 2."}},
		{"He waited… Then the doors opened! Was it over?",
			[]string{"He waited…", "Then the doors opened!", "Was it over?"}},
		// a quotation that is never closed does not hold the rest together
		{`"We will fight on. The army is ready. The people are ready.`,
			[]string{`"We will fight on.`, "The army is ready.", "The people are ready."}},
		{"“We will fight on. The army is ready. The people are ready.",
			[]string{"“We will fight on.", "The army is ready.", "The people are ready."}},
		// the closing mark that holds a quotation together may come late
		{"“We fight on. The army is ready,” he said. Crowds cheered. «Never. Ever.» It ended.",
			[]string{"“We fight on. The army is ready,” he said.", "Crowds cheered.", "«Never. Ever.»", "It ended."}},
		// German ordinal dates and abbreviations
		{"Die Wahl ist am 3. Oktober. Danach wird gezählt.",
			[]string{"Die Wahl ist am 3. Oktober.", "Danach wird gezählt."}},
		{"Der Schaden liegt bei 3 Mrd. Euro bzw. mehr. Das sagte Dr. Vogt.",
			[]string{"Der Schaden liegt bei 3 Mrd. Euro bzw. mehr.", "Das sagte Dr. Vogt."}},
		// French, Spanish and Italian abbreviations
		{"Selon Mme. Durand, le coût atteint env. 3 millions. La mairie dément.",
			[]string{"Selon Mme. Durand, le coût atteint env. 3 millions.", "La mairie dément."}},
		{"La Sra. Gómez viajó a EE.UU. con el Dott. Rossi. Volvió el lunes.",
			[]string{"La Sra. Gómez viajó a EE.UU. con el Dott. Rossi.", "Volvió el lunes."}},
		// an English sentence may end in a figure before a month's name
		{"He finished 3. August was a bad month.",
			[]string{"He finished 3.", "August was a bad month."}},
		{"", nil},
		{"   ", nil},
	}
	for _, tt := range tests {
		got := Sentences(tt.text)
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q)\n got %q\nwant %q", tt.text, got, tt.want)
		}
	}
}

func TestSentenceSpansPointIntoText(t *testing.T) {
	text := "  First one.  Second “quoted. still” one!\tThird  "
	for _, sp := range SentenceSpans(text) {
		s := text[sp[0]:sp[1]]
		if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
			t.Errorf("span %v gives %q", sp, s)
		}
	}
	if n := len(SentenceSpans(text)); n != 3 {
		t.Errorf("%d sentences, want 3", n)
	}
}

// TestMoreRunesCounts checks moreRunes against counting, around its
// shortcuts, with multi-byte runes and invalid bytes.
func TestMoreRunesCounts(t *testing.T) {
	for _, s := range []string{"", "abc", "éèà", "日本語テキスト", "\xff\xfe\xfd", strings.Repeat("é", 40), strings.Repeat("日", 30) + "abc", strings.Repeat("a\xff", 50), strings.Repeat("abcdefg é", 14), strings.Repeat("x", 100) + "é’" + strings.Repeat("y", 30)} {
		for n := 0; n <= 130; n++ {
			if got, want := moreRunes(s, n), utf8.RuneCountInString(s) > n; got != want {
				t.Fatalf("moreRunes(%q, %d) = %v, want %v", s, n, got, want)
			}
		}
	}
}

// TestWordCountIsFields checks wordCount against strings.Fields.
func TestWordCountIsFields(t *testing.T) {
	for _, s := range []string{"", " ", "one", " two  words ", "tab\tand\nnewline", "nbsp\u00a0splits", "em\u2003space", "\xff \xfe", "no-break\u202fthin", "a\u0085b\vc\fd e\r\nf"} {
		if got, want := wordCount(s), len(strings.Fields(s)); got != want {
			t.Errorf("wordCount(%q) = %d, want %d", s, got, want)
		}
		for limit := 0; limit <= 3; limit++ {
			if got, want := wordsUpTo(s, limit), min(len(strings.Fields(s)), limit+1); got != want {
				t.Errorf("wordsUpTo(%q, %d) = %d, want %d", s, limit, got, want)
			}
		}
	}
}

// TestRuneCountMatchesUTF8 checks the eight-bytes-at-a-time count against
// the standard one, with the first non-ASCII byte at every place.
func TestRuneCountMatchesUTF8(t *testing.T) {
	for _, tail := range []string{"", "é", "日本", "\xff", "a\xc3", "’quoted’"} {
		for n := 0; n < 20; n++ {
			s := strings.Repeat("a", n) + tail + strings.Repeat("b", n%5)
			if got, want := RuneCount(s), utf8.RuneCountInString(s); got != want {
				t.Fatalf("RuneCount(%q) = %d, want %d", s, got, want)
			}
		}
	}
}

// TestNextSentenceByte checks the eight-bytes-at-a-time search against a
// byte-by-byte one, with every byte value at every place of a word.
func TestNextSentenceByte(t *testing.T) {
	for c := 0; c < 256; c++ {
		for at := 0; at < 20; at++ {
			b := []byte(strings.Repeat("ab cd", 5))
			if at < len(b) {
				b[at] = byte(c)
			}
			text := string(b)
			for i := 0; i <= len(text); i++ {
				want := i
				for want < len(text) && !sentenceByte[text[want]] {
					want++
				}
				if got := nextSentenceByte(text, i); got != want {
					t.Fatalf("nextSentenceByte(%q, %d) = %d, want %d", text, i, got, want)
				}
			}
		}
	}
}

// TestTeaserOverLongParagraphs: a teaser is found above a paragraph of a
// megabyte, and a first paragraph of a megabyte the next repeats is no
// teaser (a duplicate the aligner had better see).
func TestTeaserOverLongParagraphs(t *testing.T) {
	teaser := "The Bay Ferry Company will run two crossings a day instead of six from December …"
	long := strings.Repeat("Crossings resume in spring, the company said. ", 1<<20/46)
	body := "The Bay Ferry Company will run two crossings a day instead of six from December. " + long
	a := corpus.Article{Paras: []corpus.Para{{Text: "Ferry operator cuts winter crossings", Hint: corpus.HintTitle}, {Text: teaser}, {Text: body}}}
	if k := Article(a)[1].Kind; k != Teaser {
		t.Errorf("the teaser above a long paragraph is a %s", k)
	}
	a.Paras[1].Text = body
	if k := Article(a)[1].Kind; k != Paragraph {
		t.Errorf("a long paragraph the next repeats is a %s", k)
	}
}
