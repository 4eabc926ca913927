package align

import (
	"encoding/binary"
)

// vocabulary gives each term an id. A chunk's vocabulary holds only the
// terms its story vocabulary, shared and read-only meanwhile, lacks: their
// ids count on from off.
type vocabulary struct {
	ids   map[string]int32
	names []string    // per id from off: the term
	raw   wordTable   // a word or figure as written (lowercased) to its term, -1 for stop words
	story *vocabulary // nil for the story's own
	off   int32       // ids below off are the story vocabulary's
}

func newVocabulary() *vocabulary {
	return &vocabulary{ids: map[string]int32{}}
}

// reuse makes v an empty chunk vocabulary of story whose ids count on from
// off, keeping the room its tables had.
func (v *vocabulary) reuse(story *vocabulary, off int32) {
	if v.ids == nil {
		v.ids = map[string]int32{}
	}
	clear(v.ids)
	v.names = v.names[:0]
	v.raw.reset()
	v.story, v.off = story, off
}

func (v *vocabulary) termID(s string) int32 {
	if v.story != nil {
		if id, ok := v.story.ids[s]; ok {
			return id
		}
	}
	if id, ok := v.ids[s]; ok {
		return id
	}
	id := v.off + int32(len(v.names))
	v.ids[s] = id
	v.names = append(v.names, s)
	return id
}

// name is the text of term id.
func (v *vocabulary) name(id int32) string {
	if id < v.off {
		return v.story.names[id]
	}
	return v.names[id-v.off]
}

// word is the term of a word as written, whose hashBytes is h, if the
// vocabulary has met it.
func (v *vocabulary) word(w []byte, h uint64) (int32, bool) {
	if v.story != nil {
		if id, ok := v.story.raw.get(w, h); ok {
			return id, true
		}
	}
	return v.raw.get(w, h)
}

// wordTable maps words to terms by the words' hashBytes, which scan has
// already computed: a lookup is a probe or two and one comparison, where a
// Go map keyed by strings hashes the word again. A word of up to eight
// bytes (most words) is kept in its slot, so that comparing it reads no
// other memory.
type wordTable struct {
	slots []wordSlot
	text  []byte // the longer words, one after another
	n     int
}

type wordSlot struct {
	hash uint64
	key  uint64 // a word of up to eight bytes, packed; a longer one's start in text
	len  int32  // 0 for an empty slot
	term int32
}

// packWord packs a word of up to eight bytes into a uint64, its first byte
// lowest; the bytes past the word are zero.
func packWord(w []byte) uint64 {
	if cap(w) >= 8 {
		// one load of the word's buffer, then the bytes past it masked off
		v := binary.LittleEndian.Uint64(w[:8])
		if len(w) < 8 {
			v &= 1<<(8*uint(len(w))) - 1
		}
		return v
	}
	var v uint64
	for k, c := range w {
		v |= uint64(c) << (8 * uint(k))
	}
	return v
}

// slot is where w, whose hash is h, is in the table, or the empty slot
// where it would go.
func (t *wordTable) slot(w []byte, h uint64) int {
	mask := len(t.slots) - 1
	i := t.home(h)
	if len(w) <= 8 {
		key := packWord(w)
		for {
			s := &t.slots[i]
			if s.len == 0 || s.hash == h && s.key == key && int(s.len) == len(w) {
				return i
			}
			i = (i + 1) & mask
		}
	}
	for {
		s := &t.slots[i]
		if s.len == 0 || s.hash == h && int(s.len) == len(w) && string(t.text[s.key:s.key+uint64(s.len)]) == string(w) {
			return i
		}
		i = (i + 1) & mask
	}
}

// home is the slot a word whose hash is h is looked for first.
func (t *wordTable) home(h uint64) int {
	return int(h*0x9E3779B97F4A7C15>>32) & (len(t.slots) - 1)
}

// reset empties t, keeping its room.
func (t *wordTable) reset() {
	clear(t.slots)
	t.text = t.text[:0]
	t.n = 0
}

// get returns the term of w, whose hash is h.
func (t *wordTable) get(w []byte, h uint64) (int32, bool) {
	if t.n == 0 {
		return 0, false
	}
	s := &t.slots[t.slot(w, h)]
	return s.term, s.len != 0
}

// add records the term of w (not empty), whose hash is h, unless w is
// there already.
func (t *wordTable) add(w []byte, h uint64, term int32) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		t.slots = make([]wordSlot, max(256, 2*len(old)))
		mask := len(t.slots) - 1
		for _, s := range old {
			if s.len != 0 {
				// every word is there once: the first empty slot is its place
				i := t.home(s.hash)
				for t.slots[i].len != 0 {
					i = (i + 1) & mask
				}
				t.slots[i] = s
			}
		}
	}
	i := t.slot(w, h)
	if t.slots[i].len != 0 {
		return
	}
	s := wordSlot{hash: h, len: int32(len(w)), term: term}
	if len(w) <= 8 {
		s.key = packWord(w)
	} else {
		s.key = uint64(len(t.text))
		t.text = append(t.text, w...)
	}
	t.slots[i] = s
	t.n++
}

// each calls f for every word of t.
func (t *wordTable) each(f func(w []byte, h uint64, term int32)) {
	var short [8]byte
	for _, s := range t.slots {
		switch {
		case s.len == 0:
		case s.len <= 8:
			binary.LittleEndian.PutUint64(short[:], s.key)
			f(short[:s.len], s.hash, s.term)
		default:
			f(t.text[s.key:s.key+uint64(s.len)], s.hash, s.term)
		}
	}
}
