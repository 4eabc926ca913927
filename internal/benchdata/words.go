package benchdata

// The vocabulary is invented for the generator: names, places and bodies
// that read like wire copy without naming real people, so the generated
// stories never depend on a system dictionary or a network.

var firstNames = []string{
	"Anna", "Boris", "Carla", "Dmitri", "Elena", "Farid", "Greta", "Hassan", "Irina", "Jonas",
	"Karim", "Lena", "Marco", "Nadia", "Oskar", "Petra", "Quentin", "Rosa", "Samir", "Tanya",
	"Ulrich", "Vera", "Walid", "Ximena", "Yusuf", "Zora", "Aldo", "Bianca", "Cyril", "Dalia",
	"Emil", "Fatima", "Gustav", "Hilde", "Ivo", "Jana", "Kofi", "Lidia", "Mehmet", "Nora",
}

var lastNames = []string{
	"Albescu", "Brandt", "Castellano", "Dragunov", "Eriksen", "Ferreira", "Gallo", "Haddad", "Ivanova", "Jovanic",
	"Kowalski", "Lindqvist", "Moreau", "Novak", "Okafor", "Petrov", "Quaresma", "Rahimi", "Sokolova", "Takacs",
	"Urbano", "Varga", "Wojcik", "Yilmaz", "Zeller", "Amari", "Berisha", "Cerny", "Dumont", "Esposito",
	"Fischer", "Grigoryan", "Horvath", "Ilic", "Janssen", "Kaplan", "Lombardi", "Mendes", "Nagy", "Orlov",
}

var roles = []string{
	"foreign minister", "defence minister", "interior minister", "prime minister", "president",
	"spokesperson", "ambassador", "envoy", "mayor", "governor", "finance minister", "chief negotiator",
	"deputy speaker", "opposition leader", "army chief", "police commissioner", "central bank governor",
}

var places = []string{
	"Valmora", "Kessingen", "Port Aldine", "Ostrava Nova", "Belgrano", "Tarsk", "Meridia", "Hallvik",
	"Corvesa", "Dunmere", "Estrelo", "Fjordby", "Granholm", "Isolde Bay", "Jarrow", "Kalvat", "Lunesk",
	"Marrakand", "Nordhavn", "Orsova", "Pellucid", "Quarry Hill", "Rustavi Sur", "Sennet", "Tolvana",
	"Uskel", "Varnholt", "Westmark", "Yarrow Point", "Zelenka",
}

var bodies = []string{
	"the National Assembly", "the Security Council", "the regional parliament", "the Interior Ministry",
	"the electoral commission", "the central bank", "the state news agency", "the coast guard",
	"the constitutional court", "the health ministry", "the energy regulator", "the border agency",
	"the trade union federation", "the relief agency", "the port authority", "the foreign office",
}

var days = []string{"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August",
	"September", "October", "November", "December"}

var nouns = []string{
	"agreement", "ceasefire", "talks", "sanctions", "troops", "convoy", "budget", "election", "strike",
	"protest", "inquiry", "deal", "pipeline", "border", "harbour", "bridge", "refinery", "shipment",
	"aid", "vote", "reform", "tariff", "treaty", "summit", "delegation", "investigation", "report",
	"plan", "proposal", "offensive", "evacuation", "blockade", "curfew", "drought", "flood", "storm",
	"outbreak", "vaccine", "hospital", "school", "factory", "mine", "railway", "airport", "corridor",
	"market", "currency", "loan", "debt", "pension", "wage", "price", "contract", "licence", "permit",
}

var units = []string{
	"soldiers", "residents", "workers", "families", "tonnes of grain", "barrels of oil", "vehicles",
	"doctors", "students", "voters", "migrants", "homes", "jobs", "hectares of farmland", "patients",
}

var verbs = []string{
	"announced", "rejected", "approved", "delayed", "suspended", "defended", "criticised", "welcomed",
	"questioned", "confirmed", "denied", "proposed", "signed", "blocked", "extended", "expanded",
	"reviewed", "postponed", "accelerated", "condemned", "endorsed", "challenged", "revised", "cancelled",
}

var adjectives = []string{
	"new", "long-awaited", "controversial", "temporary", "sweeping", "modest", "unprecedented", "fragile",
	"costly", "urgent", "partial", "formal", "final", "broad", "narrow", "renewed", "disputed", "joint",
	"regional", "national", "emergency", "preliminary", "revised", "symbolic", "bitter", "decisive",
}

var adverbs = []string{
	"sharply", "quietly", "repeatedly", "openly", "firmly", "cautiously", "briefly", "publicly",
	"formally", "narrowly", "swiftly", "reluctantly",
}

var speechVerbs = []string{"said", "told reporters", "said in a statement", "wrote on social media",
	"told a news conference", "added", "insisted", "warned"}

// synonyms are the rewrites a second outlet makes: the same report in other
// words. The map is read both ways.
var synonymPairs = [][2]string{
	{"said", "stated"}, {"announced", "declared"}, {"rejected", "dismissed"}, {"approved", "backed"},
	{"delayed", "postponed"}, {"criticised", "condemned"}, {"welcomed", "hailed"}, {"talks", "negotiations"},
	{"troops", "soldiers"}, {"agreement", "accord"}, {"deal", "pact"}, {"protest", "demonstration"},
	{"inquiry", "investigation"}, {"plan", "scheme"}, {"proposal", "motion"}, {"sharply", "steeply"},
	{"quietly", "discreetly"}, {"repeatedly", "again and again"}, {"firmly", "resolutely"},
	{"unprecedented", "historic"}, {"controversial", "contested"}, {"urgent", "pressing"},
	{"fragile", "shaky"}, {"costly", "expensive"}, {"final", "definitive"}, {"broad", "wide"},
	{"bitter", "fierce"}, {"decisive", "crucial"}, {"modest", "small"}, {"sweeping", "far-reaching"},
	{"residents", "inhabitants"}, {"families", "households"}, {"harbour", "port"}, {"storm", "gale"},
	{"struggle", "fight"}, {"victory", "triumph"}, {"officials", "authorities"}, {"leaders", "chiefs"},
	{"about", "around"}, {"more than", "over"}, {"nearly", "almost"}, {"country", "nation"},
	{"government", "administration"}, {"meeting", "session"}, {"week", "few days"}, {"began", "started"},
	{"ended", "finished"}, {"support", "backing"}, {"help", "assistance"}, {"vowed", "promised"},
}

var synonyms = func() map[string]string {
	m := make(map[string]string, 2*len(synonymPairs))
	for _, p := range synonymPairs {
		m[p[0]] = p[1]
		m[p[1]] = p[0]
	}
	return m
}()

// fillers are words a rewrite may insert or drop without changing the facts.
var fillers = []string{"also", "now", "still", "again", "reportedly", "officially", "even", "already"}

var outlets = []string{
	"The Valmora Courier", "Northern Ledger", "Meridia Daily", "Kessingen Post", "Harbour Times",
	"Sennet Observer", "Tolvana Herald", "Westmark Dispatch", "Orsova Tribune", "Granholm Gazette",
}
