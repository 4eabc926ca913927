// Package corpus holds the article model and the loaders that turn files
// (plain text, Markdown, saved HTML, JSON and JSON Lines) into articles.
//
// Loaders keep every character the user gave: metadata lines that are read as
// metadata are also kept as Paras with the Meta hint, so a later stage can show
// or export them.
package corpus

// Hint is what the source format says about a paragraph, before segmentation
// guesses its kind from the text.
type Hint string

// Hints a loader may attach to a paragraph.
const (
	HintNone       Hint = ""
	HintTitle      Hint = "title"   // the article's headline as marked by the source
	HintHeading    Hint = "heading" // a heading inside the body (Markdown #, HTML h2…)
	HintCaption    Hint = "caption" // a figure caption marked by the source
	HintMeta       Hint = "meta"    // metadata kept as text (front matter, a date line)
	HintStandfirst Hint = "standfirst"
)

// Para is one paragraph of an article as loaded, in reading order.
type Para struct {
	Text string
	Hint Hint
}

// Article is one loaded article: its metadata and its paragraphs.
type Article struct {
	Path    string // the file it came from ("" for the embedded story)
	Outlet  string
	Title   string
	Date    string // as written, ISO 8601 when the source gives it that way
	Byline  string
	URL     string
	Section string
	Paras   []Para
	// Warnings are problems the loader repaired (invalid UTF-8, …).
	Warnings []string
}

// Story is a set of articles about one story.
type Story struct {
	Name     string
	Articles []Article
	// Skipped lists the files of a folder that could not be read, with why.
	Skipped []string
	// Unreadable are the entries of Skipped that are article files which
	// failed to load (a broken JSON file), rather than other files.
	Unreadable []string
}
