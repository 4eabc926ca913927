package lang

import (
	"strings"
	"unicode/utf8"

	snowball "github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/english"
	"github.com/blevesearch/snowballstem/french"
	"github.com/blevesearch/snowballstem/german"
	"github.com/blevesearch/snowballstem/italian"
	"github.com/blevesearch/snowballstem/spanish"
)

// Stem returns the Snowball stem of w, a lowercased word with its accents
// folded, in language l; Unknown stems as English. Folded words lose a few
// of the suffixes Snowball knows with their accents (French "-ée"), the
// same way in every article of one language, which is what matching needs.
func Stem(l Lang, w string) string {
	env := snowball.NewEnv(w)
	switch l {
	case German:
		german.Stem(env)
		return nounStem(env.Current())
	case French:
		french.Stem(env)
	case Spanish:
		spanish.Stem(env)
	case Italian:
		italian.Stem(env)
	default:
		english.Stem(env)
	}
	return env.Current()
}

// nounStem takes "ung" off a German stem that Snowball leaves it on, where
// the stem is short (Prüfung, Trennung): the noun of an action is then
// the stem of its verb (prüfen, trennen), as Snowball makes it for longer
// ones (Beratung and beraten, Entscheidung and entscheiden).
func nounStem(s string) string {
	if t, ok := strings.CutSuffix(s, "ung"); ok && utf8.RuneCountInString(t) >= 4 {
		return t
	}
	return s
}

// stopWords are each language's words that carry no evidence of what a
// paragraph reports: articles, pronouns, auxiliaries, prepositions,
// conjunctions, discourse connectives and the verbs of saying. They are
// written here as a reader spells them and folded once (Fold).
var stopWords = map[Lang]string{
	German: `der die das des dem den ein eine einer eines einem einen und oder aber doch sondern denn wenn als wie
ob dass daß weil da damit so auch noch nur schon sehr mehr viel viele vielen wenig nicht kein keine keinen keiner
ich du er sie es wir ihr mich mir dich dir sich uns euch ihn ihm ihnen ihre ihren ihrem ihrer ihres sein seine seinen
seinem seiner seines mein meine unser unsere euer dies diese dieser dieses diesem diesen jener jene jenes welche
welcher welches welchen man jemand alle allen aller alles jeder jede jedes jeden beide beiden andere anderen anderer
ist sind war waren bin bist seid wird werden wurde wurden worden geworden hat haben hatte hatten habe gehabt
kann können konnte konnten muss müssen musste soll sollen sollte sollten will wollen wollte darf dürfen mag möchte
wäre wären würde würden sei seien gewesen in im ins an am auf aus bei mit nach von vom zu zum zur für über unter vor
hinter neben zwischen durch gegen ohne um bis seit während wegen trotz laut pro je ab hier dort dann nun jetzt heute
immer wieder bereits etwa rund fast ganz gar eben ja nein wo wer was wann warum wie weshalb sowie sowohl weder
noch zudem außerdem jedoch allerdings dennoch also daher deshalb somit zwar bisher dabei dazu darauf darüber davon
dafür dagegen damit daran darin demnach hingegen sagte sagt sagten sagen erklärte erklärt betonte meinte hieß heißt
einem eines einer selbst etwas nichts sowas mal gut neue neuen neuer ersten erste zwei drei vier fünf sechs sieben acht
neun zehn`,
	French: `le la les l un une des du de d et ou mais donc or ni car que qu qui quoi dont où ce cet cette ces ça cela
ceci celui celle ceux celles il ils elle elles on je j tu nous vous me m te t se s lui leur leurs y en son sa ses mon
ma mes ton ta tes notre nos votre vos est sont était étaient été être sera seront serait seraient soit sont a ont
avait avaient aura auront aurait avoir eu fait faire peut peuvent pouvait doit doivent devait dans sur sous par pour
avec sans chez entre vers contre depuis pendant avant après selon dès au aux à ne pas plus moins très aussi encore
déjà toujours jamais non oui si comme quand lorsque puis alors ainsi tout tous toute toutes autre autres même mêmes
tel telle quel quelle quels quelles chaque plusieurs certains certaines cependant toutefois pourtant néanmoins
enfin ici là aujourd hui dit dire déclaré affirmé indiqué estime estimé selon c n deux trois quatre cinq six sept
huit neuf dix premier première`,
	Spanish: `el la los las lo un una unos unas y e o u pero sino que quien quienes cual cuales cuyo donde cuando como
porque pues si no ni ya más menos muy también tampoco aún todavía siempre nunca yo tú él ella ellos ellas nosotros
vosotros usted ustedes me te se nos os le les mi mis tu tus su sus nuestro nuestra nuestros nuestras este esta estos
estas ese esa esos esas aquel aquella eso esto es son era eran fue fueron ser sido está están estaba estaban estar
ha han había habían haber hay sea sean será serán sería puede pueden debe deben de del a al en con por para sin sobre
entre hasta desde hacia contra según durante tras ante bajo todo toda todos todas otro otra otros otras mismo misma
cada algún alguna algunos algunas dijo dice afirmó señaló aseguró explicó sin embargo dos tres cuatro cinco seis
siete ocho nueve diez primer primera primero`,
	Italian: `il lo la i gli le un uno una e ed o ma però che chi cui dove quando come perché se non né già più meno
molto anche ancora sempre mai io tu lui lei noi voi loro mi ti si ci vi gli ne mio mia miei mie tuo tua suo sua suoi
sue nostro nostra nostri nostre questo questa questi queste quello quella quelli quelle è sono era erano fu furono
essere stato stata stati state ha hanno aveva avevano avere avuto sia siano sarà saranno sarebbe può possono deve
devono di del dello della dei degli delle a al allo alla ai agli alle da dal dallo dalla dai dagli dalle in nel nello
nella nei negli nelle con col su sul sullo sulla sui sugli sulle per tra fra senza contro verso durante dopo prima
secondo tutto tutta tutti tutte altro altra altri altre stesso stessa ogni alcuni alcune detto dice ha detto
affermato spiegato sottolineato tuttavia inoltre quindi infatti due tre quattro cinque sei sette otto nove dieci primo
prima`,
}

var stopSets = func() map[Lang]map[string]bool {
	m := map[Lang]map[string]bool{}
	for l, ws := range stopWords {
		m[l] = map[string]bool{}
		for _, w := range strings.Fields(ws) {
			m[l][Fold(w)] = true
		}
	}
	return m
}()

// IsStop says whether w, lowercased and folded, is a stop word of l. It
// knows German, French, Spanish and Italian; English stop words are the
// aligner's own.
func IsStop(l Lang, w string) bool { return stopSets[l][w] }

// HasStops says whether IsStop knows l's stop words.
func HasStops(l Lang) bool { return stopSets[l] != nil }
