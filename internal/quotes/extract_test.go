package quotes

import (
	"fmt"
	"slices"
	"strings"
	"testing"
)

// show renders the quotations of a text as `style:text<-speaker`.
func show(spans []Span) string {
	var parts []string
	for _, s := range spans {
		p := fmt.Sprintf("%s:%s", s.Style, s.Text)
		if s.Speaker != "" {
			p += "<-" + s.Speaker
		}
		if s.Unclosed {
			p += "(unclosed)"
		}
		parts = append(parts, p)
	}
	return strings.Join(parts, " | ")
}

func TestExtract(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"curly, inverted verb and description", "“We will win,” said the North Korean foreign minister at a meeting.",
			"curly:We will win<-the North Korean foreign minister"},
		{"straight, name then verb", `"We will win," Choe said, according to the translation.`, "straight:We will win<-Choe"},
		{"inverted verb and titled name", `"Once again, we promise," said North Korea's Foreign Minister Choe Son Hui at a meeting.`,
			"straight:Once again, we promise<-North Korea's Foreign Minister Choe Son Hui"},
		{"honorific", "“They are followers of a false prophet,” Mr. Fox said.", "curly:They are followers of a false prophet<-Mr. Fox"},
		{"pronoun", "“It has been zero,” he said.", "curly:It has been zero<-he"},
		{"verb before the quotation", `Choe said that the situation could become "explosive" at any time.`, "straight:explosive<-Choe"},
		{"speaker with colon", `Lavrov told reporters: "The relations are very close."`, "straight:The relations are very close.<-Lavrov"},
		{"according to", `"It is over," according to Mr. Fox.`, "straight:It is over<-Mr. Fox"},
		{"according to a document is no speaker", `"It is over," according to a translation.`, "straight:It is over"},
		{"guillemets", "« Nous ne paierons pas », a dit le président.", "guillemets:Nous ne paierons pas"},
		{"German quotes", "„Wir werden nicht zahlen“, sagte Fox.", "german:Wir werden nicht zahlen"},
		{"reversed guillemets", "»Wir zahlen nicht«, sagte er.", "guillemets:Wir zahlen nicht"},
		{"single curly in a headline", "North Korea vows to support Russia in its ‘sacred struggle’ invading Ukraine",
			"single:sacred struggle<-North Korea"},
		{"straight single", "He called it a 'historic day' for the city.", "single:historic day<-He"},
		{"apostrophes are not quotes", "Kim Jong Un’s regime and the players’ union don’t agree; it's the '90s rock ’n’ roll.", ""},
		{"nested single in double", "“He told me ‘never again’ twice,” she said.", "curly:He told me ‘never again’ twice<-she"},
		{"second quotation of a paragraph keeps the speaker", "“We cannot wait,” the mayor said. “Every winter it is worse.”",
			"curly:We cannot wait<-the mayor | curly:Every winter it is worse.<-the mayor"},
		{"an opening mark left at the end is not quoted", "“We won,” he said. “They see that. “",
			"curly:We won<-he | curly:They see that.<-he(unclosed)"},
		{"a role before the name in a closing clause", `"Troops on the ground" would be right, Democratic candidate Ann Kerr said on Monday.`,
			"straight:Troops on the ground<-Ann Kerr"},
		{"as X said after the quotation", "The race “is a dead heat right now,” as Kerr said on the radio on Monday.",
			"curly:is a dead heat right now<-Kerr"},
		{"as X said he would is another statement", "The bill “will pass this week” as Kerr said it would.", "curly:will pass this week"},
		{"a name before an aside after an opening phrase", "Looking back, Ann Kerr, who ran the campaign, said of the race: “We were never ahead.”",
			"curly:We were never ahead.<-Ann Kerr"},
		{"a title before an aside is no name", "On Sunday, Kerr posted a lecture called “Perception” on his page, writing “Read it before you judge.”",
			"curly:Perception<-Kerr | curly:Read it before you judge.<-Kerr"},
		{"a cue in the quotation's own sentence wins over the next sentence's", "Kerrigan added that the plan was “costly but necessary.” Critics questioned the move on Monday.",
			"curly:costly but necessary.<-Kerrigan"},
		{"questioned is a speech verb", "“What changed his mind in a single week?” Kerrigan questioned.",
			"curly:What changed his mind in a single week?<-Kerrigan"},
		{"reacted is a speech verb", "“That is simply not what the law says,” reacted Bo Diaz.",
			"curly:That is simply not what the law says<-Bo Diaz"},
		{"a role, the name between commas, the verb", "In a statement, her senior adviser, Jon Ferrante, said: “We will not comment on the poll.”",
			"curly:We will not comment on the poll.<-Jon Ferrante"},
		{"an inverted cue before a long role", `"The ads have set the table for the voters," unlike in past years, says Ann Kerrigan, a political scientist at the state university in the capital.`,
			"straight:The ads have set the table for the voters<-Ann Kerrigan"},
		{"went on introduces the quotation", "Kerrigan went on: “The plant will stay open through the winter.”",
			"curly:The plant will stay open through the winter.<-Kerrigan"},
		{"a question is not its answerer's", "“Would you have told her it was a bad idea?” He answered, “I had no idea at all.”",
			"curly:Would you have told her it was a bad idea? | curly:I had no idea at all.<-He"},
		{"a question repeated by the one who answers it", "“Have I written the speech for tomorrow yet?” Kerrigan replied. “The answer is no.”",
			"curly:Have I written the speech for tomorrow yet?<-Kerrigan | curly:The answer is no.<-Kerrigan"},
		{"what a named person called something", "The town is bracing for what Kerrigan called “the loudest and most contentious campaign in years.”",
			"curly:the loudest and most contentious campaign in years.<-Kerrigan"},
		{"what he called names no one", "The town is bracing for what he called “the loudest and most contentious campaign in years.”",
			"curly:the loudest and most contentious campaign in years."},
		{"an adverb between an aside and the verb", `Kerrigan, exasperated, famously responded: "What difference does it make now?"`,
			"straight:What difference does it make now?<-Kerrigan"},
		{"a name, where the person is from, the verb", `"The test was not what they claim," Ann Kerrigan of the Institute for Science and Security wrote in December.`,
			"straight:The test was not what they claim<-Ann Kerrigan"},
		{"the verb opens the sentence, the name follows", "Said Kerrigan, “The thought that we made an error is painful to all of us.”",
			"curly:The thought that we made an error is painful to all of us.<-Kerrigan"},
		{"unclosed runs to the end", "She vowed the people will “always stand firmly by our […]", "curly:always stand firmly by our<-She(unclosed)"},
		{"reported speech after a colon", "Trump said: the wall will be built this year.", "colon:the wall will be built this year<-Trump"},
		{"headline colon", "Pyongyang: USA and South Korea are planning a nuclear strike", "colon:USA and South Korea are planning a nuclear strike<-Pyongyang"},
		{"a colon that is no speech", "The reason is simple: nobody wants to pay for it.", ""},
		{"a colon before a list of names is no speech", "Ohio Republicans: Ann Kerr, Bo Diaz, Cy Young and Di Park.", ""},
		{"a colon before two apostrophes is no reported speech", "The mayor said: ''We will rebuild the bridge by spring.''", ""},
		{"scare quotes without letters are dropped", `The score was "3-2" at half time.`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := Extract(tt.in)
			if s := show(got); s != tt.want {
				t.Errorf("Extract(%q)\n got %s\nwant %s", tt.in, s, tt.want)
			}
			for _, sp := range got {
				if tt.in[sp.Start:sp.End] != sp.Text {
					t.Errorf("offsets [%d,%d) give %q, not %q", sp.Start, sp.End, tt.in[sp.Start:sp.End], sp.Text)
				}
				if sp.SpeakerStart >= 0 && !strings.HasPrefix(tt.in[sp.SpeakerStart:], sp.Speaker) && sp.Style != Colon {
					// an inherited speaker points at the first quotation's
					if !strings.Contains(tt.in, sp.Speaker) {
						t.Errorf("speaker %q not at %d", sp.Speaker, sp.SpeakerStart)
					}
				}
			}
		})
	}
}

func TestLinked(t *testing.T) {
	q := func(s string) Quote {
		x := Quote{Text: s}
		x.seq, x.words = wordsOf(s)
		return x
	}
	tests := []struct {
		a, b string
		want bool
	}{
		{"always stand firmly by the side of our Russian comrades until the day of victory",
			"always stand firmly by our Russian comrades until victory day", true},
		{"always stand firmly by the side of our Russian comrades until the day of victory",
			"always stand firmly by our", true},
		{"We cannot keep patching a bridge that was built for horse carts",
			"We can't keep patching a bridge built for horse carts", true},
		{"We cannot keep patching a bridge that was built for horse carts",
			"The steel has lost a third of its original strength", false},
		{"the number of North Korean troops on our border will be increased",
			"North Korea must strengthen its nuclear arsenal", false},
	}
	for _, tt := range tests {
		a, b := q(tt.a), q(tt.b)
		if got := linked(&a, &b); got != tt.want {
			t.Errorf("linked(%q, %q) = %v (words %v / %v)", tt.a, tt.b, got, a.words, b.words)
		}
	}
}

// TestOpenersASCII checks what Extract assumes when it skips ASCII bytes:
// the straight double and single marks are the only ASCII openers.
func TestOpenersASCII(t *testing.T) {
	for r := range openers {
		if r < 0x80 && r != '"' && r != '\'' {
			t.Errorf("opener %q is ASCII: Extract skips it", r)
		}
	}
}

// TestWordsOfDistinct checks that a quotation's content words are each
// kept once, in the order of their first use, below and past the number
// where wordsOf turns to a set.
func TestWordsOfDistinct(t *testing.T) {
	var words []string
	for i := range 80 {
		words = append(words, fmt.Sprintf("word%c%c", 'a'+i%26, 'a'+i/26), "the", fmt.Sprintf("word%c%c", 'a'+(i/2)%26, 'a'+i/52))
	}
	seq, content := wordsOf(strings.Join(words, " "))
	if len(seq) != len(words) {
		t.Fatalf("wordsOf gives %d words in order, want %d", len(seq), len(words))
	}
	var want []string
	seen := map[string]bool{}
	for _, w := range seq {
		if s := stem(w); !stop[w] && !seen[s] {
			seen[s] = true
			want = append(want, s)
		}
	}
	if len(want) <= 32 || !slices.Equal(content, want) {
		t.Errorf("content words = %q\nwant %q", content, want)
	}
}
