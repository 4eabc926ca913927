package ui

import (
	"testing"

	tea "github.com/charmbracelet/bubbletea"
)

// FuzzView drives the reader with random sizes and keys: it must never
// panic, and every screen must fit the terminal.
func FuzzView(f *testing.F) {
	f.Add(uint16(160), uint16(45), "nNjjG?gfs/abs\r>")
	f.Add(uint16(1), uint16(1), "nNpP?fBs")
	f.Add(uint16(20), uint16(6), "n/x\rGe\t\x1b")
	f.Add(uint16(400), uint16(3), "GggNNN")
	f.Add(uint16(99), uint16(100), "?f f f B n p")
	f.Add(uint16(80), uint16(24), "mjj\rQjj\rm~jG\x1bQ~k\rfmG\r")
	f.Add(uint16(3), uint16(2), "mQ~jj~\r~Q\x1bm\r")
	f.Add(uint16(24), uint16(10), "m\x06\x06~\x02j\x06\r")
	f.Fuzz(func(t *testing.T, w, h uint16, keys string) {
		width, height := int(w%500), int(h%150)
		m := newModel(t, seed(t), width, height)
		checkFits(t, m.View(), width, height)
		for i, r := range keys {
			if i > 40 {
				break
			}
			var msg tea.Msg
			switch r {
			case '\r':
				msg = tea.KeyMsg{Type: tea.KeyEnter}
			case '\x1b':
				msg = tea.KeyMsg{Type: tea.KeyEsc}
			case '\t':
				msg = tea.KeyMsg{Type: tea.KeyTab}
			case '\x02', '\x06': // the arrows that scroll the matrix across outlets
				msg = tea.KeyMsg{Type: tea.KeyLeft}
				if r == '\x06' {
					msg = tea.KeyMsg{Type: tea.KeyRight}
				}
			case '~':
				width, height = (width*7+3)%300, (height*5+1)%90
				msg = tea.WindowSizeMsg{Width: width, Height: height}
			default:
				// Commands (quit, the export's write) are returned, not run.
				msg = tea.KeyMsg{Type: tea.KeyRunes, Runes: []rune{r}}
			}
			m.Update(msg)
			checkFits(t, m.View(), width, height)
		}
	})
}
