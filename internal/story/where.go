package story

// where indexes a story's blocks: the event that holds each, and the
// possible matches each takes part in. It is built on first use, from
// Events and Links as they are then; a story is not changed once built
// (Realign returns a new one).
type where struct {
	event [][]int32         // event[a][i] is the event holding block i of article a, -1 when none
	links map[int64][]int32 // article<<32 | block → indices into Links
}

func (st *Story) whereIndex() *where {
	st.whereOnce.Do(func() {
		w := &where{event: make([][]int32, len(st.Articles))}
		for a := range st.Articles {
			row := make([]int32, len(st.Articles[a].Blocks))
			for i := range row {
				row[i] = -1
			}
			w.event[a] = row
		}
		for k := range st.Events {
			for a, bs := range st.Events[k].Blocks {
				if a >= len(w.event) {
					break
				}
				for _, i := range bs {
					if i >= 0 && i < len(w.event[a]) {
						w.event[a][i] = int32(k)
					}
				}
			}
		}
		if len(st.Links) > 0 {
			w.links = make(map[int64][]int32, 2*len(st.Links))
			for x, l := range st.Links {
				for _, at := range [2][2]int{{l.A, l.I}, {l.B, l.J}} {
					key := int64(at[0])<<32 | int64(uint32(at[1]))
					w.links[key] = append(w.links[key], int32(x))
				}
			}
		}
		st.where = w
	})
	return st.where
}

// EventOf returns the index in Events of the event that holds block i of
// article a, or -1 when there is no such block or no event holds it.
func (st *Story) EventOf(a, i int) int {
	w := st.whereIndex()
	if a < 0 || a >= len(w.event) || i < 0 || i >= len(w.event[a]) {
		return -1
	}
	return int(w.event[a][i])
}

// LinksAt returns the indices into Links of the possible matches block i
// of article a takes part in, in the order of Links. The slice is shared:
// do not change it.
func (st *Story) LinksAt(a, i int) []int32 {
	w := st.whereIndex()
	if w.links == nil || a < 0 || i < 0 {
		return nil
	}
	return w.links[int64(a)<<32|int64(uint32(i))]
}
