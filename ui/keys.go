package ui

import "github.com/charmbracelet/bubbles/key"

// KeyMap is the reader's keys; the one-line hint and the full help are
// both drawn from it.
type KeyMap struct {
	Next, Prev               key.Binding
	NextChanged, PrevChanged key.Binding
	Down, Up                 key.Binding
	PageDown, PageUp         key.Binding
	Top, Bottom              key.Binding
	Search                   key.Binding
	NextMatch, PrevMatch     key.Binding
	ClearSearch              key.Binding
	Possible                 key.Binding
	Filter                   key.Binding
	Boilerplate              key.Binding
	Swap                     key.Binding
	Pick                     key.Binding
	Raise, Lower             key.Binding
	SplitEvent, Join         key.Binding
	Note, Undo               key.Binding
	Export                   key.Binding
	Help                     key.Binding
	Quit                     key.Binding

	// Matrix and Quotes open the whole-story views; in them Move, Select
	// and Close act on the list.
	Matrix, Quotes      key.Binding
	Move, Select, Close key.Binding
	// Left and Right scroll the matrix across outlets when their columns
	// do not all fit.
	Left, Right key.Binding
}

// DefaultKeyMap returns the reader's default keys.
func DefaultKeyMap() KeyMap {
	b := func(keys []string, k, desc string) key.Binding {
		return key.NewBinding(key.WithKeys(keys...), key.WithHelp(k, desc))
	}
	return KeyMap{
		Next:        b([]string{"n", "]"}, "n/]", "next event"),
		Prev:        b([]string{"p", "["}, "p/[", "prev event"),
		NextChanged: b([]string{"N"}, "N", "next changed"),
		PrevChanged: b([]string{"P"}, "P", "prev changed"),
		// The mouse wheel scrolls too; it is no key, so it is named here.
		Down:        b([]string{"j", "down"}, "j/↓/wheel", "scroll down"),
		Up:          b([]string{"k", "up"}, "k/↑/wheel", "scroll up"),
		PageDown:    b([]string{" ", "pgdown", "ctrl+f"}, "space/pgdn", "page down"),
		PageUp:      b([]string{"b", "pgup", "ctrl+b"}, "b/pgup", "page up"),
		Top:         b([]string{"g", "home"}, "g/home", "top"),
		Bottom:      b([]string{"G", "end"}, "G/end", "bottom"),
		Search:      b([]string{"/"}, "/", "search"),
		NextMatch:   b([]string{">", "tab"}, ">/tab", "next match"),
		PrevMatch:   b([]string{"<", "shift+tab"}, "</shift+tab", "prev match"),
		ClearSearch: b([]string{"esc"}, "esc", "clear search"),
		Possible:    b([]string{"l"}, "l", "possible match / back"),
		Filter:      b([]string{"f"}, "f", "filter"),
		Boilerplate: b([]string{"B"}, "B", "page furniture"),
		Swap:        b([]string{"s"}, "s", "swap"),
		Pick:        b([]string{"A"}, "A", "pick articles"),
		Raise:       b([]string{"+", "="}, "+", "raise threshold"),
		Lower:       b([]string{"-"}, "-", "lower threshold"),
		SplitEvent:  b([]string{"x"}, "x", "split event"),
		Join:        b([]string{"a"}, "a … a", "join left+right"),
		Note:        b([]string{"o"}, "o", "note"),
		Undo:        b([]string{"u"}, "u", "undo edit"),
		Export:      b([]string{"e"}, "e", "export"),
		Help:        b([]string{"?"}, "?", "help"),
		Quit:        b([]string{"q", "ctrl+c"}, "q/ctrl+c", "quit"),
		Matrix:      b([]string{"m"}, "m", "coverage matrix"),
		Quotes:      b([]string{"Q"}, "Q", "quote check"),
		Move:        b([]string{"j", "k", "down", "up"}, "j/k/↑/↓", "move"),
		Select:      b([]string{"enter"}, "enter", "go to event"),
		Close:       b([]string{"esc"}, "esc", "close"),
		Left:        b([]string{"left"}, "←/→", "other outlets"),
		Right:       b([]string{"right"}, "→", "next outlets"),
	}
}

// ShortHelp is the one-line hint, most needed first: a narrow terminal
// cuts it from the right.
func (k KeyMap) ShortHelp() []key.Binding {
	quit := k.Quit // q is enough for the hint; the full help names ctrl+c
	quit.SetHelp("q", "quit")
	return []key.Binding{k.Next, k.NextChanged, k.Search, k.Filter, k.Help, quit, k.Matrix, k.Quotes, k.Export, k.Swap, k.Pick}
}

// FullHelp is the full help, in columns.
func (k KeyMap) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Next, k.Prev, k.NextChanged, k.PrevChanged, k.Possible},
		{k.Down, k.Up, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.Search, k.NextMatch, k.PrevMatch, k.ClearSearch},
		{k.Filter, k.Boilerplate, k.Swap, k.Pick},
		{k.Raise, k.Lower, k.SplitEvent, k.Join, k.Note, k.Undo},
		{k.Matrix, k.Quotes, k.Export, k.Help, k.Quit},
	}
}
