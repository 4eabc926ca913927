package quotes

import (
	"slices"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/story"
)

// speakersOf returns the speaker of each quotation of one titled article
// made of paragraphs, by the quotation's text.
func speakersOf(t *testing.T, paras ...string) map[string]string {
	t.Helper()
	return speakersIn(t, "A test story", paras...)
}

// speakersIn is speakersOf for an article of the given title ("" for
// none, as a plain-text article has).
func speakersIn(t *testing.T, title string, paras ...string) map[string]string {
	t.Helper()
	var bs []segment.Block
	for _, p := range paras {
		bs = append(bs, segment.Block{Kind: segment.Paragraph, Text: p})
	}
	st := &story.Story{Articles: []story.Article{{Outlet: "Test", Title: title, Blocks: bs}}}
	out := map[string]string{}
	for _, q := range Check(st).Quotes {
		out[q.Text] = q.Speaker
	}
	return out
}

func TestSpeakers(t *testing.T) {
	tests := []speakerCase{
		{"she is the nearest woman named before",
			[]string{"Governor Paul Orrin said he would sign the bill. Orrin has pushed it for a year, and he expects a vote soon.",
				"Senator Marta Lindqvist met Mr. Orrin on Monday. “We will not close the plant without a plan,” she said."},
			"We will not close the plant without a plan", "Marta Lindqvist"},
		{"she is no one the text names only by a man's given name",
			[]string{"Donald Varga has run the port authority since 2010.",
				"Asked about the harbor, she said, “The vetting of the other bids has not even begun.”"},
			"The vetting of the other bids has not even begun.", ""},
		{"one pronoun after a name is too little to go against the given name",
			[]string{"Donald Varga, the man she hired in 2010, has run the port authority since.",
				"Asked about the harbor, she said, “The vetting of the other bids has not even begun.”"},
			"The vetting of the other bids has not even begun.", ""},
		{"a subject the cast cannot tell apart is no reason to take the object",
			[]string{"“We laugh at our troubles,” said German Ortiz, one of the stars of the play.",
				"“It is a critique of the elite,” said Freddy Ortiz, his brother.",
				"German Ortiz says that the reaction to Bo Diaz has been cold.",
				"“More than anything else, it brought people together,” he said."},
			"More than anything else, it brought people together", ""},
		{"some of a group is no one who speaks",
			[]string{"The war has lasted fifteen years. Some Americans say: “It is time for us to get out of there.”"},
			"It is time for us to get out of there.", ""},
		{"others in a crowd are no one who speaks",
			[]string{"Some protesters sat down in the road. Others, pointing to the delay in the video's release, shouted, “Stop the cover-up now!”"},
			"Stop the cover-up now!", ""},
		{"a second verb after and shares the clause's subject",
			[]string{"Eight years ago, Al Sharpe backed Obama over Clinton and said, “Clinton has never done anything for us.”"},
			"Clinton has never done anything for us.", "Al Sharpe"},
		{"a pronoun subject and a second verb after and",
			[]string{"Wes Maher went on at length.", "Later he brought up the bombing in Oklahoma City and then said, “It is not just one group shooting people.”"},
			"It is not just one group shooting people.", "Wes Maher"},
		{"a participle after a clause whose subject is he",
			[]string{"Mayor Tom Reyes left the room for a minute.", "When he returned he began by saying, “The group must be taken apart for good.”"},
			"The group must be taken apart for good.", "Tom Reyes"},
		{"indicated is a verb of speech",
			[]string{"In his testimony, James Colby indicated that the secretary “should have known that the system was no place for it.”"},
			"should have known that the system was no place for it.", "James Colby"},
		{"the text's own word on a person goes before the given name",
			[]string{"Mrs. Dennis Varga has run the port authority since 2010.",
				"Asked about the harbor, she said, “The vetting of the other bids has not even begun.”"},
			"The vetting of the other bids has not even begun.", "Dennis Varga"},
		{"he is the subject of the sentence before, not its object",
			[]string{"Harold Vance, a union organiser, warned that the vote against Dana Pruitt would split the party.",
				"“The members will remember this in November,” he said."},
			"The members will remember this in November", "Harold Vance"},
		{"a spokesman named after the description",
			[]string{"The inquiry led by Robert Ashdown found no wrongdoing.",
				"“Specific statements describing the documents are not accurate,” said the spokesman, Peter Carrow."},
			"Specific statements describing the documents are not accurate", "Peter Carrow"},
		{"a headline kicker is no speaker",
			[]string{"Rough Night In Boston: “Mayor Kelleher Was Headed To The Hospital”"},
			"Mayor Kelleher Was Headed To The Hospital", ""},
		{"a name and a colon before the quotation",
			[]string{"Pollsters disagree - Ann Kerrigan: “The early polls missed the late deciders.”"},
			"The early polls missed the late deciders.", "Ann Kerrigan"},
		{"two names with colons, one quotation each",
			[]string{"Ann Kerrigan and Bo Diaz both reject the plan.",
				`Kerrigan: "We will not raise the tax this year." Diaz: "The tax is not on the table at all."`},
			"The tax is not on the table at all.", "Bo Diaz"},
		{"the object of a verb before a colon is no speaker",
			[]string{"Ann Kerrigan met Bo Diaz on Monday.", "The mayor then attacked Diaz: “He has never run a city budget.”"},
			"He has never run a city budget.", ""},
		{"a place before a colon is no speaker",
			[]string{"The march went on for hours.", "Ohio Valley: “The crossing will stay closed all week.”"},
			"The crossing will stay closed all week.", ""},
		{"a participle calling someone something",
			[]string{"At a rally in Salem, Ann Kerrigan went after Bo Diaz, calling him “a man who never finishes anything.”"},
			"a man who never finishes anything.", "Ann Kerrigan"},
		{"a verb that describes something as the quotation",
			[]string{"Bo Diaz described the budget as “a plan without a single number in it.”"},
			"a plan without a single number in it.", "Bo Diaz"},
		{"described without as is no attribution",
			[]string{"Bo Diaz described the budget. “It has no numbers in it at all,” the report said."},
			"It has no numbers in it at all", "the report"},
		{"a participle of speech after a clause",
			[]string{"Bo Diaz interrupted the meeting twice, shouting “this budget will close the library.”"},
			"this budget will close the library.", "Bo Diaz"},
		{"a participle after a quotation names no speaker",
			[]string{"Ann Kerrigan spoke first. “We will win this district,” announcing the Harbor Club will stay open."},
			"We will win this district", ""},
		{"however between the name and the verb",
			[]string{"Bo Diaz however said the plan was “a tax by another name and nothing more.”"},
			"a tax by another name and nothing more.", "Bo Diaz"},
		{"a given name after a word of kinship is a person",
			[]string{"Governor Paul Orrin will speak on Monday. His wife, Clara, is scheduled to speak after him.",
				"At a rally this spring, she said, “He never gives up on anyone in this state.”"},
			"He never gives up on anyone in this state.", "Clara"},
		{"a person's office speaks for the person, and is not the person",
			[]string{"Speaker Paul Orrin met the governor on Thursday.", "“Both agreed that the party must come together,” Orrin’s office said in a statement."},
			"Both agreed that the party must come together", "Orrin’s office"},
		{"a colon after the subject's clause",
			[]string{"Ann Kerrigan met the union on Monday.", "Kerrigan delivered a blunt retort: “We will never go back to that contract.”"},
			"We will never go back to that contract.", "Ann Kerrigan"},
		{"a colon after a passive names no one",
			[]string{"Ann Kerrigan met the union on Monday.", "Kerrigan was then asked: “Will the plant stay open all winter?”"},
			"Will the plant stay open all winter?", ""},
		{"a description in the closing clause is the quotation's own cue",
			[]string{"“The next two states will decide it,” campaign manager Jon Ferrante wrote. “We feel very good about our prospects” there and beyond, the memo stated."},
			"We feel very good about our prospects", "the memo"},
		{"a description resolved to the name it stands for",
			[]string{"The party's senior adviser, Ann Kerrigan, met the union on Monday.", "“The plant will stay open all winter,” the senior adviser wrote on Tuesday."},
			"The plant will stay open all winter", "Ann Kerrigan"},
		{"a description that ends in a name is the name",
			[]string{"“The plant will stay open all winter,” the Post's senior politics editor Ann Kerrigan wrote on Tuesday."},
			"The plant will stay open all winter", "Ann Kerrigan"},
		{"the one blamed for saying something is not the one who blames",
			[]string{"In 2008, Ann Kerrigan slammed Bo Diaz as out of touch for suggesting that rural voters “cling to old habits and never change.”"},
			"cling to old habits and never change.", ""},
		{"a quotation left open goes on in the next paragraph",
			[]string{"“We will keep the plant open,” Governor Paul Orrin said. “We have the money for it, and the workers know it.",
				"“Nobody will lose a job this winter.”"},
			"Nobody will lose a job this winter.", "Paul Orrin"},
		{"he calls something at the start of a sentence",
			[]string{"Governor Paul Orrin spoke to reporters on Monday.", "He calls the deal “the worst agreement this state has ever signed.”"},
			"the worst agreement this state has ever signed.", "Paul Orrin"},
		{"a place is no speaker of a colon label",
			[]string{"The march went on for hours.", "Texas: the border crossing will stay closed all week."},
			"the border crossing will stay closed all week", ""},
		{"a phrase of time or place after the attribution",
			[]string{"Joseph Marek runs the county party. “The politics are just so blatant” in the council, Marek said in an interview."},
			"The politics are just so blatant", "Joseph Marek"},
		{"a long titled name before the clause's verb",
			[]string{"Before the fair, Harwick Police Chief Calvin Ormond lobbied to close the square, saying, “We would all be safer without the crowds.”"},
			"We would all be safer without the crowds.", "Calvin Ormond"},
		{"a scare quote inside the sentence does not end it",
			[]string{"Senator Lia Marquez said that by refusing to say the words “open borders,” her rivals are “hiding from the voters of this state.”"},
			"hiding from the voters of this state.", "Lia Marquez"},
		{"an inverted attribution followed by a role",
			[]string{"“He can assert it, but it seems extremely unlikely” that Lund can win, said Steve Elmore, deputy campaign manager for Ann Kerrigan."},
			"He can assert it, but it seems extremely unlikely", "Steve Elmore"},
		{"a quoted title has no speaker",
			[]string{"Jon Ferrante told “Meet the Press” on Sunday that he would run."},
			"Meet the Press", ""},
		{"a scare quote has no speaker",
			[]string{"Ana Ruiz said the plan was a “description” of intent."},
			"description", ""},
		{"a role before the name",
			[]string{"“We raised more than we spent,” campaign manager Jeff Wolters said."},
			"We raised more than we spent", "Jeff Wolters"},
		{"a name and an aside between commas",
			[]string{"“The numbers put us on pace for the quarter,” Jeff Wolters, the campaign manager, said in a statement."},
			"The numbers put us on pace for the quarter", "Jeff Wolters"},
		{"a paragraph that announces the quotation",
			[]string{"Dr. Kelly Warden stated:", "“The department has gone far beyond what the law allows.”"},
			"The department has gone far beyond what the law allows.", "Kelly Warden"},
		{"a transcript's label before a colon is no attribution",
			[]string{"Governor Mary Fallon spoke to Jake Tapling on Sunday.", "TAPLING: Do you think the governor will run again next year?"},
			"Do you think the governor will run again next year", ""},
		{"words quoted inside a quotation marked with two apostrophes",
			[]string{"Walter Tolland met the mayor in May.", "''We met on Friday,'' Mr. Tolland recalled. ''He said, 'Eight years of work, and nothing to show for it.' ''"},
			"Eight years of work, and nothing to show for it.", ""},
		{"a new sentence about someone else between two quotations",
			[]string{"“Happy new year to all of you!” Mayor Ada Brink wrote. “The best parade is ours.” Former mayor Lars Holm took it apart on the radio: “What Brink did was careless and cheap.”"},
			"What Brink did was careless and cheap.", ""},
		{"a short sentence between two quotations keeps the speaker",
			[]string{"Ada Brink closed with a warning, “Nobody here has found a single case like this one.” Indeed, “we have looked for ten years and found none.”"},
			"we have looked for ten years and found none.", "Ada Brink"},
		{"he after a sentence naming two men is unclear",
			[]string{"Governor Paul Orrin phoned Omar Reyes on Friday, and Reyes told him the budget was short.", "“We cannot pay for all of it this year,” he said."},
			"We cannot pay for all of it this year", ""},
		{"a possessive before the speaker is no rival",
			[]string{"Governor Paul Orrin will decide this spring. Orrin's pollster, Dora Schell, told reporters the race was close.", "“We are ahead in every county that matters,” she said."},
			"We are ahead in every county that matters", "Dora Schell"},
		{"a participle after with has its own subject",
			[]string{"Governor Paul Orrin and Mayor Lars Holm have called for deep cuts, with Orrin recently promising to “close every office that wastes a single dollar.”"},
			"close every office that wastes a single dollar.", "Paul Orrin"},
		{"he after a description that speaks is unclear",
			[]string{"Senator Omar Reyes spoke first on Monday. Later the former governor said the plan was dead.", "“We have no money left for it,” he said."},
			"We have no money left for it", ""},
		{"a report that speaks is no one he refers to",
			[]string{"Senator Omar Reyes spoke first on Monday. Later the audit report said the plan was dead.", "“We have no money left for it,” he said."},
			"We have no money left for it", "Omar Reyes"},
		{"he after a subject the article has not introduced is unclear",
			[]string{"Senator Omar Reyes answered first.", "Tolland dodged the question. “I will not predict anything tonight,” he said."},
			"I will not predict anything tonight", ""},
		{"even and now between the name and the verb",
			[]string{"Mayor Ada Brink met the council on Monday. The budget office said that 1,200 jobs were at risk. “We will not sign this budget as it stands,” Brink even warned."},
			"We will not sign this budget as it stands", "Ada Brink"},
		{"I is the writer, not someone named before",
			[]string{"I met Carl Dunmore in March. “Your Honor, I regret it,” I said."},
			"Your Honor, I regret it", ""},
	}
	checkSpeakers(t, tests)
}

// speakerCase is a quotation of an article made of paragraphs, and the
// speaker it should have.
type speakerCase struct {
	name  string
	paras []string
	quote string
	want  string
}

func checkSpeakers(t *testing.T, tests []speakerCase) {
	t.Helper()
	for _, tt := range tests {
		got, ok := speakersOf(t, tt.paras...)[tt.quote]
		if !ok {
			t.Errorf("%s: quotation %q not found in %v", tt.name, tt.quote, speakersOf(t, tt.paras...))
			continue
		}
		if got != tt.want {
			t.Errorf("%s: speaker %q, want %q", tt.name, got, tt.want)
		}
	}
}

// TestSpeakerCues covers the cues an editor reads a speaker from that
// are easy to miss: asides, signatures, a clause that ends the sentence,
// and the words that make a name no speaker.
func TestSpeakerCues(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a quotation that ends a sentence keeps the sentences around it apart",
			[]string{"Mayor Ilse Brandt called the decision “arbitrary.” Tomas Weller, a council member, warned that Brandt would lose the vote.",
				"“The city cannot afford another year like this one,” he said."},
			"The city cannot afford another year like this one", "Tomas Weller"},
		{"a no-break space before the attribution",
			[]string{"“Like Harwick. Or Dunmore,” Lena Ostrova said.\u00a0“The numbers are worse.”"},
			"The numbers are worse.", "Lena Ostrova"},
		{"short sentences in capitals are speech, not a title",
			[]string{"“Like Harwick. Or Dunmore,” Lena Ostrova said."},
			"Like Harwick. Or Dunmore", "Lena Ostrova"},
		{"a name with an aside between commas speaks",
			[]string{"Jonas Feld, a county commissioner, warned that Sheriff Dale Harmon said the levy would fail.",
				"“Nobody here wants to pay twice for the same road,” he said."},
			"Nobody here wants to pay twice for the same road", "Jonas Feld"},
		{"a name after a preposition is not the subject of the verb",
			[]string{"A letter from the Veterans League obtained by The Daily Courier warns that “any further use of the emblem will go to our lawyers.”"},
			"any further use of the emblem will go to our lawyers.", ""},
		{"the clause that ends the quotation's sentence names the speaker",
			[]string{"Ravi Okafor runs the county party. “You have one candidate who wants to win and another who wants to be right” about the levy, Okafor said."},
			"You have one candidate who wants to win and another who wants to be right", "Ravi Okafor"},
		{"told names the listener at the end of the sentence, not the speaker",
			[]string{"“The job has no description at all,” Marta Ellery, who ran the mayor's office for a decade and more before she retired, told Channel Nine News."},
			"The job has no description at all", "Marta Ellery"},
		{"a speaker in the progressive form",
			[]string{"Senator Alma Ruiz is telling diners at a breakfast spot that “I need you tomorrow.”"},
			"I need you tomorrow.", "Alma Ruiz"},
		{"as a named writer observed",
			[]string{"As Teodor Blum of Harbor Radio observed, the winner of the night was the moderator: “The clear winner was the network, which ran two lively sessions.”"},
			"The clear winner was the network, which ran two lively sessions.", "Teodor Blum of Harbor Radio"},
		{"as a named columnist puts it",
			[]string{"As The Ledger's Ruth Marek puts it, the governor is trying to make his rivals “own the shutdown before the vote.”"},
			"own the shutdown before the vote.", "Ruth Marek"},
		{"a named person calls something a quotation",
			[]string{"Party Chairman Reince Prior called the mayor's remarks on the fire a “new low for the city hall.”"},
			"new low for the city hall.", "Reince Prior"},
		{"a group called something is no speaker",
			[]string{"Organisers of a group called “Citizens for the New Bridge” met on Monday."},
			"Citizens for the New Bridge", ""},
		{"as someone spoke is the time, not the speaker",
			[]string{"As Senator Ida Marsh spoke, the lobby was pressing lawmakers to vote against “any and all new limits on the trade.”"},
			"any and all new limits on the trade.", ""},
		{"a paragraph that announces the next one's quotation without a speech verb at its end",
			[]string{"As Teodor Blum of Harbor Radio observed after the debate, the winner was not on the stage at all:",
				"“The clear winner was the network, which ran two lively sessions.”"},
			"The clear winner was the network, which ran two lively sessions.", "Teodor Blum of Harbor Radio"},
		{"a party and state between commas",
			[]string{"“That is not the view of the members I know,” Senate Majority Leader Amos Greer, R-Ky., said."},
			"That is not the view of the members I know", "Amos Greer"},
		{"a role, then the name between commas",
			[]string{"“We found something promising, too,” the senator's campaign manager, Joel Wender, said in an interview."},
			"We found something promising, too", "Joel Wender"},
		{"a long aside between the name and the verb",
			[]string{"“The threat is real and it is growing,” Fred Kagel, director of the Critical Threats Project at the hawkish Harbor Institute in the capital, said in an interview."},
			"The threat is real and it is growing", "Fred Kagel"},
		{"wrote this week: a time, not a reported clause",
			[]string{"“The party can still hold the Senate by a comfortable margin,” veteran analyst Carl Coombe wrote this week."},
			"The party can still hold the Senate by a comfortable margin", "Carl Coombe"},
		{"an outlet that reports is no one a later he refers to",
			[]string{"Ravi Okafor of Oakland carried one of the photos, KTVX-TV reported.",
				"“I pretty much cried the whole parade,” he said."},
			"I pretty much cried the whole parade", "Ravi Okafor of Oakland"},
		{"a quotation set apart and signed with a dash",
			[]string{"The senator repeats the claim often.", "“The idea that I would cut the program is just not accurate.”", "- Senator Ada Lund."},
			"The idea that I would cut the program is just not accurate.", "Ada Lund"},
		{"a passive speech verb names no speaker",
			[]string{"And the bureau was warned about the gunman, but it had found that he was “not a threat to anyone at all.”"},
			"not a threat to anyone at all.", ""},
		{"a speaker does not start with of",
			[]string{"Asked whether the mayor “has the integrity to serve another term,” 75 percent of Democrats said yes."},
			"has the integrity to serve another term", ""},
		{"said Wednesday she …: another statement, not the quotation's cue",
			[]string{"Attorney General Lisa Marten asserted that “trust in the city police is broken.” Senator Hal Pryce said Wednesday she, too, wants an inquiry."},
			"trust in the city police is broken.", "Lisa Marten"},
		{"he that speaks carries the person on",
			[]string{"Dale Wonder, who worked for the governor's campaign, said tensions were high. He said that he was focused on the platform and noted that Senator Ray Sandoval himself has acknowledged he will lose.",
				"“What most supporters are asking for here is not unreasonable,” he said."},
			"What most supporters are asking for here is not unreasonable", "Dale Wonder"},
		{"a name that modifies another is no one he refers to",
			[]string{"Governor Tom Perez spoke in March. Perez consultant Cornell Bechtel picked up the thread.",
				"“Voters are beginning to see that they have a lot in common,” he said."},
			"Voters are beginning to see that they have a lot in common", "Cornell Bechtel"},
	})
}

// TestNotWhoSpeaks covers names a later "he" must not go to, and words
// that name no speaker.
func TestNotWhoSpeaks(t *testing.T) {
	checkSpeakers(t, []speakerCase{
		{"a state after its city is no one who speaks",
			[]string{"Senator Rick Sandoval spoke twice on Saturday.",
				"It was during a campaign stop in Ohio on Saturday that Mr. Sandoval described what he called the plan.",
				"“It is about some phony ideal, some phony theology,” he said.",
				"Mr. Sandoval, at another stop, in Columbus, Ohio, called the schools old."},
			"It is about some phony ideal, some phony theology", "Sandoval"},
		{"a name after in is a place, no one he refers to",
			[]string{"Attorney General Jon Sutter opposed the law. Like many officials in Arvada, Mr. Sutter had opposed the amendment. But on Thursday, he said “we will defend the law in every court.”"},
			"we will defend the law in every court.", "Jon Sutter"},
		{"a name in an aside between dashes is no one he refers to",
			[]string{"Mayor Ola Lund may run again. Lund's pollster, Doug Schell, says his man has the money and the time.",
				"“I don't think the conventional wisdom” -- that Lund is a nanny-state liberal -- “is going to last,” he says."},
			"is going to last", "Doug Schell"},
		{"one word that names no person is no speaker",
			[]string{"“The strike hit its target,” Pentagon said."},
			"The strike hit its target", ""},
	})
}

// twoOutlets builds a story of two one-paragraph articles whose paragraphs
// form one shared event.
func twoOutlets(a, b string) *story.Story {
	art := func(outlet, p string) story.Article {
		return story.Article{Outlet: outlet, Blocks: []segment.Block{{Kind: segment.Paragraph, Text: p}}}
	}
	return &story.Story{Articles: []story.Article{art("Left Post", a), art("Right Times", b)},
		Events: []story.Event{{Kind: story.Shared, Blocks: [][]int{{0}, {0}}}}}
}

func TestMisattributedNeedsTwoConfidentSpeakers(t *testing.T) {
	quote := "“Specific statements describing the documents are not accurate,”"
	tests := []struct {
		name          string
		a, b          string
		misattributed bool
		unclear       []int
	}{
		{"two names that differ", quote + " said Peter Carrow.", quote + " said Robert Ashdown.", true, nil},
		{"a nickname is the same person", quote + " said Rick Carrow.", quote + " said Richard Carrow.", false, nil},
		{"a description resolved elsewhere is unclear, not misattributed",
			"Robert Ashdown led the inquiry. Peter Carrow spoke for it. " + quote + " said Peter Carrow.",
			"Robert Ashdown led the inquiry. " + quote + " he said.", false, []int{1}},
		{"no speaker in one outlet", quote + " said Peter Carrow.", "The office said " + quote[:len(quote)-4] + "”", false, []int{1}},
	}
	for _, tt := range tests {
		r := Check(twoOutlets(tt.a, tt.b))
		g := groupWith(t, r, "describing the documents")
		if g.SpeakersDiffer != tt.misattributed || (r.Misattributed == 1) != tt.misattributed {
			t.Errorf("%s: speakers differ %v (%v), want %v", tt.name, g.SpeakersDiffer, g.Speakers, tt.misattributed)
		}
		if len(g.UnclearIn) != len(tt.unclear) || (len(tt.unclear) > 0 && g.UnclearIn[0] != tt.unclear[0]) {
			t.Errorf("%s: unclear in %v, want %v", tt.name, g.UnclearIn, tt.unclear)
		}
	}
	// two quotations that share a stock phrase are two quotations, each
	// with its own speaker
	r := Check(twoOutlets("“I think it shows they are on the wrong side of history,” Vic Ramos said.",
		"“They are wasting money on this suit, and you would think the county would know better. These guys are on the wrong side of history,” Mason Tull said."))
	if g := groupWith(t, r, "wrong side of history"); g.SpeakersDiffer || r.Misattributed != 0 {
		t.Errorf("a shared phrase: speakers differ %v (%v), misattributed %d; want false, 0", g.SpeakersDiffer, g.Speakers, r.Misattributed)
	}
	// a phrase one speaker takes up from another, given to both by the
	// outlet that tells it, is no misattribution by the outlet that
	// quotes only the second
	r = Check(twoOutlets("Mayor Ada Brink said in May she was “not ready to back the plan.” On Monday, Governor Lars Holm said: “We need a real budget. I am not ready to back the plan.”",
		"Governor Lars Holm said on Monday: “We need a real budget. I am not ready to back the plan.”"))
	if g := groupWith(t, r, "not ready to back"); g.SpeakersDiffer || r.Misattributed != 0 {
		t.Errorf("an echoed phrase: speakers differ %v (%v), misattributed %d; want false, 0", g.SpeakersDiffer, g.Speakers, r.Misattributed)
	}
	g := groupWith(t, Check(twoOutlets(quote+" said Peter Carrow.", "The office said "+quote[:len(quote)-4]+"”")), "describing")
	if f := g.FlagsIn(twoOutlets("", "")); len(f) != 1 || f[0] != "speaker unclear in Right Times" {
		t.Errorf("flags %v, want speaker unclear in Right Times", f)
	}
}

func TestCarriedSpeaker(t *testing.T) {
	tests := []struct {
		para, quote, want string
	}{
		{"“We will appeal,” Nora Quist said on “Evening Desk.” “The ruling is wrong.”", "The ruling is wrong.", "Nora Quist"},
		{"“We will appeal,” Nora Quist said. “The ruling is wrong.”", "The ruling is wrong.", "Nora Quist"},
		{"“It's fine,” Nora Quist said. “We knew it would come.”", "We knew it would come.", "Nora Quist"},
		// a new sentence with its own subject parts them
		{"“We will appeal,” said Nora Quist, the council's lawyer. Her rival Abel Tarn disagreed: “The ruling is fair and final.”",
			"The ruling is fair and final.", ""},
		// a scare quote passes no speaker on
		{"Abel Tarn called the ruling “fair” in a note that said “the council will comply in full.”", "the council will comply in full.", ""},
	}
	for _, tt := range tests {
		if got := speakersOf(t, tt.para)[tt.quote]; got != tt.want {
			t.Errorf("%q: speaker %q, want %q", tt.para, got, tt.want)
		}
	}
}

func TestUntitledHeadlineKicker(t *testing.T) {
	// a plain-text article: its first line is the headline
	got := speakersIn(t, "", "Lindqvist: Plant will stay open through the winter",
		"Senator Marta Lindqvist said on Monday that the plant would stay open.")
	if sp, ok := got["Plant will stay open through the winter"]; !ok || sp != "" {
		t.Errorf("headline kicker gave speaker %q", sp)
	}
}

func TestRelayedWordsHaveNoSpeaker(t *testing.T) {
	got := speakersOf(t, "“I ask you not to protest on the floor,” Nora Quist said, according to the Coastal Times.",
		"“We lost this round fair and square.” According to the count, the vote was close, Abel Tarn said.")
	if sp := got["I ask you not to protest on the floor"]; sp != "" {
		t.Errorf("words relayed by another source: speaker %q, want none", sp)
	}
	if _, ok := got["We lost this round fair and square."]; !ok {
		t.Fatalf("quotation missing: %v", got)
	}
}

func TestQuotationParagraphGoesOn(t *testing.T) {
	got := speakersOf(t, "“We will not give up the fight for the bridge,” Nora Quist told reporters.",
		"“The council has the money and it knows it.”",
		"Abel Tarn spoke next. He said the money was gone.",
		"“Nobody has asked the people who use it every day.”")
	if sp := got["The council has the money and it knows it."]; sp != "Nora Quist" {
		t.Errorf("a paragraph of quotation after the speaker's: %q, want Nora Quist", sp)
	}
	if sp := got["Nobody has asked the people who use it every day."]; sp != "" {
		t.Errorf("a paragraph of quotation after reported speech: %q, want none", sp)
	}
}

func TestTopicWordsAreNoMisattribution(t *testing.T) {
	r := Check(twoOutlets(
		"“Modest tax increases on the wealthiest would keep Social Security benefits safe for decades,” said Nora Quist.",
		"“Even the modest benefits of Social Security are not safe,” said Abel Tarn."))
	// two people, two statements: neither a quotation worded two ways
	// nor one misattributed
	if g := groupWith(t, r, "Modest tax increases"); len(g.Members) != 1 {
		t.Errorf("two statements of two people in one group: %v", g.Speakers)
	}
	if r.Misattributed != 0 {
		t.Errorf("two quotations sharing topic words flagged misattributed")
	}
	// one person's statement worded two ways stays one quotation
	r = Check(twoOutlets(
		"“Modest tax increases on the wealthiest would keep Social Security benefits safe for decades,” said Nora Quist.",
		"“Modest tax increases on the wealthy would keep Social Security safe for decades to come,” Nora Quist said."))
	if g := groupWith(t, r, "Modest tax increases"); len(g.Members) != 2 || !g.WordingDiffers {
		t.Errorf("one statement worded two ways: %d members, wording differs %v", len(g.Members), g.WordingDiffers)
	}
	// and two people with like words, one of whom does not say them
	// as the other, are two statements too
	r = Check(twoOutlets(
		"“In our shared mission to keep the bridge open, I support and endorse our mayor, Ada Brink,” Governor Lars Holm told a crowd.",
		"Holm's deputy added, “I strongly support Ada Brink, strongly endorse her plan … we need to keep the bridge open,” Vera Lind said."))
	if g := groupWith(t, r, "shared mission"); len(g.Members) != 1 {
		t.Errorf("an endorsement by each of two people read as one quotation: %v", g.Speakers)
	}
}

// TestHeShe checks the pronouns found without splitting words: whole words
// in any case, in text order, none inside another word.
func TestHeShe(t *testing.T) {
	for _, c := range []struct {
		text string
		want []int
	}{
		{"He said she would", []int{0, 8}},
		{"she", []int{0}},
		{"SHE, he; She.", []int{0, 5, 9}},
		{"the shed, Ashe, she's, he'd, hence", nil},
		{"she-he", []int{0, 4}},
		{"«he» é he", []int{10}}, // a byte past ASCII counts as a letter
		{"h", nil},
		{"sh", nil},
	} {
		if got := heShe(c.text); !slices.Equal(got, c.want) {
			t.Errorf("heShe(%q) = %v, want %v", c.text, got, c.want)
		}
	}
}

// TestIndexLower checks indexLower against what it stands for, on ASCII
// text and on text whose lowering changes its length.
func TestIndexLower(t *testing.T) {
	for _, s := range []string{"", "according to", "According to CNN", "he said, ACCORDING TO the report", "accordingto x",
		"İİ according to X", "ACCORDİNG TO X", "an accord, according  to, according to"} {
		if got, want := indexLower(s, "according to "), strings.Index(strings.ToLower(s), "according to "); got != want {
			t.Errorf("indexLower(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestAccordingTo checks that looking for "according to" only as far as
// a cue may start finds what looking through the whole text does.
func TestAccordingTo(t *testing.T) {
	for _, after := range []string{
		`, according to Mr. Fox.`, `  According To the minister`, `, said a source according to CNN`,
		`, according to`, ``, `according to ÉTAT`, `, selon İstanbul, according to someone`, `x according to y`,
	} {
		want := strings.Index(strings.ToLower(after), "according to ")
		for limit := 0; limit < 6; limit++ {
			got := accordingTo(after, limit)
			if (got >= 0 && got <= limit) != (want >= 0 && want <= limit) || got >= 0 && got <= limit && got != want {
				t.Errorf("accordingTo(%q, %d) = %d, want %d", after, limit, got, want)
			}
		}
	}
}
