package align

// counter counts 64-bit hashes in an open-addressing table, faster than a
// Go map on the quotations of megabytes of text.
type counter struct {
	keys []uint64
	vals []int32
	n    int
}

func (c *counter) slot(h uint64) int {
	if h == 0 {
		h = 1 // 0 marks an empty slot
	}
	mask := len(c.keys) - 1
	i := int(h*0x9E3779B97F4A7C15>>32) & mask
	for c.keys[i] != 0 && c.keys[i] != h {
		i = (i + 1) & mask
	}
	return i
}

func (c *counter) add(h uint64) {
	if 2*(c.n+1) > len(c.keys) {
		old, oldv := c.keys, c.vals
		size := 1024
		for size < 4*(c.n+1) {
			size *= 2
		}
		c.keys, c.vals = make([]uint64, size), make([]int32, size)
		for i, k := range old {
			if k != 0 {
				j := c.slot(k)
				c.keys[j], c.vals[j] = k, oldv[i]
			}
		}
	}
	if h == 0 {
		h = 1
	}
	i := c.slot(h)
	if c.keys[i] == 0 {
		c.keys[i] = h
		c.n++
	}
	c.vals[i]++
}

// shared returns a counter of the hashes c counted more than once: most
// quoted 4-grams are in one block only.
func (c *counter) shared() counter {
	m := 0
	for _, v := range c.vals {
		if v > 1 {
			m++
		}
	}
	var s counter
	if m == 0 {
		return s
	}
	// sized once, as add would grow it, rather than grown on the way
	size := 1024
	for size < 4*m {
		size *= 2
	}
	s.keys, s.vals, s.n = make([]uint64, size), make([]int32, size), m
	for i, k := range c.keys {
		if k != 0 && c.vals[i] > 1 {
			j := s.slot(k)
			s.keys[j], s.vals[j] = k, c.vals[i]
		}
	}
	return s
}

func (c *counter) get(h uint64) int32 {
	if len(c.keys) == 0 {
		return 0
	}
	if h == 0 {
		h = 1
	}
	return c.vals[c.slot(h)]
}

// quoteCounts counts the blocks that hold each quoted word 4-gram, keeping
// only the 4-grams two blocks or more hold (no other is ever looked up). The
// hashes are shared out among its counters by their top bits.
type quoteCounts struct {
	parts []counter
	shift uint // a hash h is counted in parts[h>>shift]
}

// countQuotes counts the quoted 4-grams of work: with parts > 1, in up to
// parts counters (a power of two, at most 8) filled at once, each reading
// every block but counting only its share of the hashes.
func countQuotes(work []*block, parts int) quoteCounts {
	bits := 0
	for bits < 3 && 2<<bits <= parts {
		bits++
	}
	q := quoteCounts{parts: make([]counter, 1<<bits), shift: 64 - uint(bits)}
	run := parallel
	if bits == 0 {
		run = serial
	}
	run(len(q.parts), func(p int) {
		var c counter
		for _, blk := range work {
			for _, h := range blk.quoted {
				if q.part(h) == p {
					c.add(h)
				}
			}
		}
		q.parts[p] = c.shared()
	})
	return q
}

// part is the counter of hash h (h >> 64 is 0: one counter).
func (q quoteCounts) part(h uint64) int { return int(h >> q.shift) }

// get is the number of blocks that hold the 4-gram of hash h, or 0 if
// fewer than two do.
func (q quoteCounts) get(h uint64) int32 {
	if len(q.parts) == 0 {
		return 0
	}
	return q.parts[q.part(h)].get(h)
}
