package segment

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"unicode/utf8"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/benchdata"
)

// captionRE and boilerRE are the whole regexps that captionMatch and
// boilerMatch try branch by branch.
var (
	captionRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?i)^(?:in this (?:photo|image|picture|file photo|handout)|this (?:photo|image) |photo(?:graph)?:|image:|pictured:|caption:|file photo:|\(?AP Photo|watch:|video:)` +
			`|\((?:[^()]{0,80}(?:AP Photo|via AP|Getty Images|Reuters|AFP|EPA|Shutterstock|Photo by|/AP|Press Service)[^()]{0,80})\)\s*$` +
			`|(?:Getty Images|AFP via Getty Images|AP Photo/[^)]+)\s*$`)
	})
	boilerRE = sync.OnceValue(func() *regexp.Regexp {
		return regexp.MustCompile(`(?is)^(?:share this(?: article| story)?:?|share on \w+|share|tweet(?: about this on twitter)?|facebook|twitter|x|linkedin|whatsapp|email|print|reddit|pinterest|copy link|comments?|advertisement|ad|sponsored|related(?: articles?| stories)?(?::.*)?|read more(?::.*)?|\[read:.*|\[related:.*|read also:.*|read next:.*|continue reading\b.*|see also\b.*|more from \S.*|click here\b.*|sign up\b.*|subscribe\b.*|follow us\b.*|copyright\b.*|©.*|all rights reserved.*|.{0,80}\b(?:sign up|sign-up|subscribe|get|receive|join)\b.{0,60}\bnewsletters?\b.{0,80}|.{0,60}\bnewsletters?\b.{0,60}\b(?:sign up|sign-up|subscribe|inbox)\b.{0,60}|newsletters?\b:?.{0,80}|get the latest\b.*|download (?:the|our) app.*|this (?:article|story) (?:was|has been) (?:updated|corrected)\b.{0,120}|.{0,60}\bcontributed to this report\.?|follow (?:\S+ ){1,4}on (?:twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin|youtube)(?:(?:,| and| or) (?:twitter|x|facebook|instagram|threads|bluesky|tiktok|linkedin|youtube))*(?::? ?@[\w.]+)?\.?)$`)
	})
)

// TestRegexpBranches checks that the branches captionMatch and boilerMatch
// try spell the whole regexps, in order. That matching them one by one
// agrees with the whole regexps is what TestIsCaptionMatchesRegexp,
// TestIsBoilerplateMatchesRegexp and the fuzz tests check, since IsCaption
// and IsBoilerplate go through them.
func TestRegexpBranches(t *testing.T) {
	if got, want := captionFlags+captionOpen+"|"+captionParen+"|"+captionTail, captionRE().String(); got != want {
		t.Errorf("caption branches spell\n%s\nnot\n%s", got, want)
	}
	if got, want := boilerFlags+"^(?:"+strings.Join([]string{boilerPlain, boilerNews, boilerApp, boilerUpdate, boilerCredit, boilerFollow}, "|")+")$", boilerRE().String(); got != want {
		t.Errorf("boilerplate branches spell\n%s\nnot\n%s", got, want)
	}
}

// regexpCaption is IsCaption without its prefilter: the regexp alone.
func regexpCaption(text string) bool {
	return captionRE().MatchString(unemphasised(strings.TrimSpace(text)))
}

// captionSamples are the paragraphs of the seed story, of every story and
// hostile input under testdata, and of a synthetic story.
func captionSamples(t *testing.T) []string {
	var out []string
	add := func(cs *corpus.Story) {
		for _, a := range cs.Articles {
			for _, p := range a.Paras {
				out = append(out, p.Text)
			}
		}
	}
	add(corpus.Default())
	add(benchdata.Generate(benchdata.Config{Bytes: benchdata.KB100, Articles: 3, Seed: benchdata.Seed}).Corpus)
	for _, dir := range []string{"../../testdata/stories", "../../testdata/hostile", "../../testdata/gold"} {
		entries, err := os.ReadDir(dir)
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range entries {
			if cs, err := corpus.Load([]string{filepath.Join(dir, e.Name())}); err == nil {
				add(cs)
			}
		}
	}
	return out
}

// captionPieces make up random texts near every branch of captionRE: its
// openings, credits and keywords in mixed case, the runes whose case folds
// reach ASCII letters, parentheses, slashes and spaces.
var captionPieces = []string{
	"In this photo", "in this image", "IN THIS PICTURE", "in this file photo", "In this handout", "In This ",
	"This photo ", "this image ", "THIS ", "thiſ photo ", "Photo:", "photograph:", "PHOTO", "Image:", "Pictured:",
	"Caption:", "File photo:", "(AP Photo", "AP Photo", "ap photo/", "AP Photo/Jane Doe", "Watch:", "video:",
	"via AP", "VIA ap", "Getty Images", "getty images", "GETTY IMAGEſ", "AFP via Getty Images", "Reuters",
	"REUTERS", "AFP", "afp", "EPA", "epa", "Shutterstock", "ſhutterſtock", "Photo by", "photo by", "/AP", "/ap",
	"Press Service", "presſ service", "*", "_", "**", "\u212a", "k", "s", "\u017f", "(", ")", "((", "))", "/", " ", "  ", "\t",
	"\n", "\u00a0", "\u2003", "The mayor said", " the bridge ", "é", "“", "”", "\xff", ".", ",", ":", "x",
	strings.Repeat("long words here ", 6),
}

// TestIsCaptionMatchesRegexp checks that the prefilter never changes what
// IsCaption says: on every real paragraph at hand and on random texts made
// of captionRE's own words, IsCaption and the regexp alone agree.
func TestIsCaptionMatchesRegexp(t *testing.T) {
	samples := captionSamples(t)
	if len(samples) < 500 {
		t.Fatalf("only %d sample paragraphs", len(samples))
	}
	rng := rand.New(rand.NewPCG(1, 2))
	for len(samples) < 400000 {
		var b strings.Builder
		for n := 1 + rng.IntN(8); n > 0; n-- {
			b.WriteString(captionPieces[rng.IntN(len(captionPieces))])
		}
		samples = append(samples, b.String())
	}
	captions := 0
	for _, s := range samples {
		got, want := IsCaption(s), regexpCaption(s)
		if got != want {
			t.Fatalf("IsCaption(%q) = %v, the regexp says %v", s, got, want)
		}
		if want {
			captions++
		}
	}
	// both answers must occur often, or the comparison proves little
	if captions < len(samples)/20 || captions > len(samples)*19/20 {
		t.Errorf("%d captions among %d samples", captions, len(samples))
	}
}

// FuzzIsCaption checks the prefilter against the regexp on any text.
func FuzzIsCaption(f *testing.F) {
	for _, s := range captionPieces {
		f.Add(s)
	}
	f.Add("People wait in line. (AP Photo/Jane Doe)")
	f.Add("Smoke rises over the city. AFP via Getty Images")
	f.Add("In this file photo, a ship docks. Photo by Someone/Reuters")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsCaption(s), regexpCaption(s); got != want {
			t.Fatalf("IsCaption(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}

// regexpBoilerplate is IsBoilerplate without its prefilter.
func regexpBoilerplate(text string) bool {
	t := strings.TrimSpace(text)
	if utf8.RuneCountInString(t) > 200 {
		return false
	}
	return boilerRE().MatchString(strings.Map(func(r rune) rune {
		if r == '\u00a0' {
			return ' '
		}
		return r
	}, t))
}

// boilerPieces make up random texts near every branch of boilerRE.
var boilerPieces = []string{
	"Share", "share this", "SHARE THIS ARTICLE", "ſhare on", " Facebook", "Tweet", "tweet about this on twitter",
	"twitter", "X", "x", "LinkedIn", "lin\u212aedin", "WhatsApp", "Email", "Print", "Reddit", "Pinterest", "Copy link",
	"Comments", "comment", "Advertisement", "Ad", "AD", "Sponsored", "Related", "related articles", "Related stories:",
	"Read more", "read more:", "Read more: ", "RELATED: ", "See also", "More from", "Click here", "Sign up", "sign-up", "Subscribe", "Follow us",
	"Copyright", "©", "All rights reserved", "newsletter", "Newsletters", "NEWSLETTER", "newſletter", "get", "receive",
	"join", "inbox", "Get the latest", "Download the app", "download our app", "This article was updated",
	"This story has been corrected", "contributed to this report", "Contributed To This Report.", ":", " ", "  ",
	"\u00a0", "\t", "\n", ".", "the mayor said", " the bridge ", "é", "“", "\xff", "Reporters ", "in the city's",
	strings.Repeat("a long line of words ", 3), "_", "9", "\u212a", "\u017f", "more from ", "\r", "share on x", "SHARE ON ",
	"see also", "subscribe", "get the latest", "Copyright", "article", " story", "ies", "s", "Read more: ", "RELATED:", ": x",
	"[Read:", "[read: ", "[Related:", "Read also:", "READ NEXT:", "Continue reading", "continue reading the main story", "[", "]",
	"Follow ", "follow Jeff Poor ", "on Twitter", " on instagram", "ON X", "@jeff_poor", "on the", " the money ",
}

// TestIsBoilerplateMatchesRegexp checks that the prefilter never changes
// what IsBoilerplate says, as TestIsCaptionMatchesRegexp does for captions.
func TestIsBoilerplateMatchesRegexp(t *testing.T) {
	samples := captionSamples(t)
	rng := rand.New(rand.NewPCG(3, 4))
	for len(samples) < 400000 {
		var b strings.Builder
		for n := 1 + rng.IntN(6); n > 0; n-- {
			b.WriteString(boilerPieces[rng.IntN(len(boilerPieces))])
		}
		samples = append(samples, b.String())
	}
	found := 0
	for _, s := range samples {
		got, want := IsBoilerplate(s), regexpBoilerplate(s)
		if got != want {
			t.Fatalf("IsBoilerplate(%q) = %v, the regexp says %v", s, got, want)
		}
		if want {
			found++
		}
	}
	if found < len(samples)/50 || found > len(samples)*19/20 {
		t.Errorf("%d boilerplate texts among %d samples", found, len(samples))
	}
}

// FuzzIsBoilerplate checks the prefilter against the regexp on any text.
func FuzzIsBoilerplate(f *testing.F) {
	for _, s := range boilerPieces {
		f.Add(s)
	}
	f.Add("Sign up for our daily newsletter")
	f.Add("Jane Doe in Paris contributed to this report.")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := IsBoilerplate(s), regexpBoilerplate(s); got != want {
			t.Fatalf("IsBoilerplate(%q) = %v, the regexp says %v", s, got, want)
		}
	})
}
