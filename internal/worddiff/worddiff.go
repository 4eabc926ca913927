// Package worddiff compares two texts word by word: each token (a word, a
// run of spaces, a punctuation mark) becomes one rune of a dictionary shared
// by a whole document, so a change never splits a word. Typography that does
// not change wording (curly and straight quotes, dashes and a dash typed as
// "--", NBSP, "…" and "...", a capital that only starts a word, a soft
// hyphen or another character that takes no room) compares equal.
//
// A diff first pairs the tokens that occur exactly once in each text, in
// order (the anchors of a patience diff), then compares the gaps between
// anchors: a gap where one side is empty, or where the sides share no token,
// is a plain change; any other gap goes to go-diff's Myers diff. The result
// is cleaned up as go-diff's DiffCleanupSemantic does (a short equality
// between two changes joins them). Ops are substrings of the inputs, so a
// diff of a warm Differ allocates little more than its result.
//
// go-diff runs without a deadline (DiffTimeout 0): a deadline would make the
// result depend on the machine's speed and silently turn a gap into "delete
// all, insert all". After anchoring its gaps are short (BenchmarkBuild
// reports the longest); a gap longer than BigGap tokens, which prose does not
// produce, is cut into proportional chunks that are diffed in turn, which
// bounds the work deterministically. Stats counts the gaps go-diff got and
// any coarse result (a gap whose sides share tokens diffed with no equal
// part), which must stay 0.
package worddiff

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	dmp "github.com/sergi/go-diff/diffmatchpatch"

	"github.com/synoptic-news/synoptic/internal/textsafe"
)

// OpKind is what an op does.
type OpKind string

// The op kinds.
const (
	Equal  OpKind = "equal"
	Delete OpKind = "delete"
	Insert OpKind = "insert"
)

// Op is one piece of a diff. Delete text is only in the first text, Insert
// only in the second, Equal in both. When an Equal piece is written
// differently in the second text (other quotes, spaces), Other holds the
// second text's spelling, so the ops rebuild each side exactly.
type Op struct {
	Kind  OpKind `json:"op"`
	Text  string `json:"text"`
	Other string `json:"other,omitempty"`
}

// A returns the first text rebuilt from ops.
func A(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		if o.Kind != Insert {
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// B returns the second text rebuilt from ops.
func B(ops []Op) string {
	var b strings.Builder
	for _, o := range ops {
		switch {
		case o.Kind == Insert:
			b.WriteString(o.Text)
		case o.Kind == Equal && o.Other != "":
			b.WriteString(o.Other)
		case o.Kind == Equal:
			b.WriteString(o.Text)
		}
	}
	return b.String()
}

// BigGap is the length in tokens (both sides) above which a gap without
// anchors is cut into chunks before go-diff sees it.
const BigGap = 20000

// Stats count what a Differ did.
type Stats struct {
	Pairs      int // calls of Diff
	GoDiffGaps int // gaps handed to go-diff
	LongestGap int // longest such gap, in tokens of both sides
	Chunked    int // gaps over BigGap tokens, cut into chunks
	// Coarse counts gaps whose sides share a token that came back with no
	// equal part: a "delete all, insert all" result. It must be 0.
	Coarse int
}

// Differ diffs many pairs of one document with one token dictionary.
// A Differ is not safe for concurrent use.
type Differ struct {
	raw   map[string]rune     // token of 8 bytes or more as written → id
	short shortTable          // other token of up to 7 bytes as written, packed → id
	ascii [utf8.RuneSelf]rune // one-byte token → id (0: not yet seen); half the tokens are " "
	norm  map[string]rune     // normalised token → id
	next  rune
	dm    *dmp.DiffMatchPatch
	a, b  side
	ops   []tokOp
	cntA  []int32 // per id: occurrences in the current range of a
	cntB  []int32
	posB  []int32 // per id: its position in the current range of b
	cands []int32 // anchor candidates, as positions in a
	lis   []int32
	prev  []int32
	stats Stats
}

type side struct {
	ids []rune
	off []int // off[i] is the byte offset of token i; off[len(ids)] = len(text)
}

type tokOp struct {
	kind OpKind
	n    int // tokens: of both sides (Equal), of a (Delete), of b (Insert)
}

// Ids are runes from the supplementary planes: valid, never surrogates, so
// go-diff's rune-string round trips keep them apart.
const (
	firstID = 0x10000
	lastID  = 0x10FFFF
)

// New returns a Differ.
func New() *Differ {
	d := &Differ{raw: make(map[string]rune), norm: make(map[string]rune), next: firstID, dm: dmp.New()}
	d.dm.DiffTimeout = 0 // no deadline: see the package comment
	return d
}

// Diff compares a (first) with b (second).
func Diff(a, b string) []Op { return New().Diff(a, b) }

// Stats returns the Differ's counts so far.
func (d *Differ) Stats() Stats { return d.stats }

// Diff compares a (first) with b (second).
func (d *Differ) Diff(a, b string) []Op {
	d.stats.Pairs++
	d.a.off = offsets(a, d.a.off[:0])
	d.b.off = offsets(b, d.b.off[:0])
	na, nb := len(d.a.off)-1, len(d.b.off)-1
	if len(d.norm)+na+nb > lastID-firstID {
		d.raw = make(map[string]rune)
		d.short = shortTable{}
		d.norm = make(map[string]rune)
		d.ascii = [utf8.RuneSelf]rune{}
		d.next = firstID
	}
	d.a.ids = d.intern(a, d.a.off, d.a.ids[:0])
	d.b.ids = d.intern(b, d.b.off, d.b.ids[:0])
	if n := int(d.next - firstID); n > len(d.cntA) {
		n += n/2 + 64
		d.cntA = make([]int32, n)
		d.cntB = make([]int32, n)
		d.posB = make([]int32, n)
	}
	d.ops = d.ops[:0]
	d.diffRange(0, na, 0, nb)
	d.ops = cleanupSemantic(d.ops)
	return d.build(a, b)
}

// offsets appends the byte offset of each token of s, and len(s).
func offsets(s string, off []int) []int {
	for i := 0; i < len(s); {
		off = append(off, i)
		// most tokens of prose are a space before an ASCII letter or
		// digit and an ASCII word before a space: tokenEnd's answer for
		// them, without the call
		switch c := s[i]; {
		case c == ' ' && (i+1 == len(s) || s[i+1] < utf8.RuneSelf && !asciiSpace[s[i+1]]):
			i++
			continue
		case c < utf8.RuneSelf && asciiWord[c]:
			j := i + 1
			for j < len(s) && s[j] < utf8.RuneSelf && asciiWord[s[j]] {
				j++
			}
			if j == len(s) || s[j] == ' ' {
				i = j
				continue
			}
		}
		i = tokenEnd(s, i)
	}
	return append(off, len(s))
}

// asciiSpace marks the one-byte characters isSpace reports.
var asciiSpace = [utf8.RuneSelf]bool{'\t': true, '\n': true, '\v': true, '\f': true, '\r': true, ' ': true}

// intern appends the id of each token of s.
func (d *Differ) intern(s string, off []int, ids []rune) []rune {
	for i := 0; i+1 < len(off); i++ {
		tok := s[off[i]:off[i+1]]
		if len(tok) == 1 && tok[0] < utf8.RuneSelf {
			id := d.ascii[tok[0]]
			if id == 0 {
				id = d.newID(tok)
				d.ascii[tok[0]] = id
			}
			ids = append(ids, id)
			continue
		}
		if len(tok) <= 7 {
			// most words: looked up by a number, not by a string
			key := packAt(s, off[i], len(tok))
			id := d.short.get(key)
			if id == 0 {
				id = d.newID(tok)
				d.short.put(key, id)
			}
			ids = append(ids, id)
			continue
		}
		id, ok := d.raw[tok]
		if !ok {
			id = d.newID(tok)
			// A clone, so the dictionary does not keep the whole text alive.
			d.raw[strings.Clone(tok)] = id
		}
		ids = append(ids, id)
	}
	return ids
}

// newID returns the id of a token not seen as written: that of its
// normalised form, new if that is new too.
func (d *Differ) newID(tok string) rune {
	k := Normalize(tok)
	id, ok := d.norm[k]
	if !ok {
		id = d.next
		d.next++
		d.norm[strings.Clone(k)] = id
	}
	return id
}

// packAt is the token s[i:i+n], of at most 7 bytes, as a number: its
// bytes, and its length in the top byte, so that no two tokens share one.
func packAt(s string, i, n int) uint64 {
	if i+8 <= len(s) {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		return x&(1<<(8*n)-1) | uint64(n)<<56
	}
	k := uint64(n) << 56
	for j := 0; j < n; j++ {
		k |= uint64(s[i+j]) << (8 * j)
	}
	return k
}

// shortTable maps packed tokens to ids: open addressing on the key times
// a large odd number, cheaper for a document's few thousand distinct short
// tokens, read hundreds of thousands of times, than a map.
type shortTable struct {
	slots []shortSlot // a power of two, at most half full
	n     int
	shift uint
}

type shortSlot struct {
	key uint64 // 0: empty (no packed token is 0)
	id  rune
}

func (t *shortTable) home(key uint64) uint64 { return key * 0x9e3779b97f4a7c15 >> t.shift }

// get returns key's id, 0 if it has none.
func (t *shortTable) get(key uint64) rune {
	if len(t.slots) == 0 {
		return 0
	}
	m := uint64(len(t.slots) - 1)
	for i := t.home(key); ; i = (i + 1) & m {
		s := t.slots[i]
		if s.key == key || s.key == 0 {
			return s.id
		}
	}
}

// put adds key, which get did not find.
func (t *shortTable) put(key uint64, id rune) {
	if 2*(t.n+1) > len(t.slots) {
		old := t.slots
		n := max(1024, 2*len(old))
		t.slots, t.n, t.shift = make([]shortSlot, n), 0, uint(64-bits.TrailingZeros(uint(n)))
		for _, s := range old {
			if s.key != 0 {
				t.put(s.key, s.id)
			}
		}
	}
	m := uint64(len(t.slots) - 1)
	i := t.home(key)
	for t.slots[i].key != 0 {
		i = (i + 1) & m
	}
	t.slots[i] = shortSlot{key, id}
	t.n++
}

func (d *Differ) emit(k OpKind, n int) {
	if n == 0 {
		return
	}
	if m := len(d.ops); m > 0 && d.ops[m-1].kind == k {
		d.ops[m-1].n += n
		return
	}
	d.ops = append(d.ops, tokOp{k, n})
}

// diffRange diffs tokens a[alo:ahi] with b[blo:bhi], appending to d.ops.
func (d *Differ) diffRange(alo, ahi, blo, bhi int) {
	A, B := d.a.ids, d.b.ids
	p := 0
	for alo+p < ahi && blo+p < bhi && A[alo+p] == B[blo+p] {
		p++
	}
	d.emit(Equal, p)
	alo, blo = alo+p, blo+p
	s := 0
	for ahi-s > alo && bhi-s > blo && A[ahi-s-1] == B[bhi-s-1] {
		s++
	}
	ahi, bhi = ahi-s, bhi-s
	defer d.emit(Equal, s)
	if alo == ahi || blo == bhi {
		d.emit(Delete, ahi-alo)
		d.emit(Insert, bhi-blo)
		return
	}
	// Count the tokens of both ranges; anchors occur once in each.
	for i := alo; i < ahi; i++ {
		d.cntA[A[i]-firstID]++
	}
	shared := false
	for j := blo; j < bhi; j++ {
		id := B[j] - firstID
		d.cntB[id]++
		d.posB[id] = int32(j)
		if d.cntA[id] > 0 {
			shared = true
		}
	}
	cands := d.cands[:0]
	for i := alo; i < ahi; i++ {
		id := A[i] - firstID
		if d.cntA[id] == 1 && d.cntB[id] == 1 {
			cands = append(cands, int32(i))
		}
	}
	for i := alo; i < ahi; i++ {
		d.cntA[A[i]-firstID] = 0
	}
	for j := blo; j < bhi; j++ {
		d.cntB[B[j]-firstID] = 0
	}
	d.cands = cands
	switch {
	case !shared:
		d.emit(Delete, ahi-alo)
		d.emit(Insert, bhi-blo)
		return
	case len(cands) == 0:
		d.goDiff(alo, ahi, blo, bhi)
		return
	}
	anchors := d.anchors(cands)
	// anchors aliases d.lis, which the recursion reuses: copy it out.
	pairs := make([][2]int32, len(anchors))
	for k, i := range anchors {
		pairs[k] = [2]int32{i, d.posB[A[i]-firstID]}
	}
	for _, pr := range pairs {
		i, j := int(pr[0]), int(pr[1])
		d.diffRange(alo, i, blo, j)
		d.emit(Equal, 1)
		alo, blo = i+1, j+1
	}
	d.diffRange(alo, ahi, blo, bhi)
}

// anchors returns the candidates (positions in a) whose positions in b form
// a longest increasing run.
func (d *Differ) anchors(cands []int32) []int32 {
	A := d.a.ids
	tails := d.lis[:0]
	if cap(d.prev) < len(cands) {
		d.prev = make([]int32, len(cands))
	}
	prev := d.prev[:len(cands)]
	pb := func(k int32) int32 { return d.posB[A[cands[k]]-firstID] }
	for k := range cands {
		x := pb(int32(k))
		lo, hi := 0, len(tails)
		for lo < hi {
			m := (lo + hi) / 2
			if pb(tails[m]) < x {
				lo = m + 1
			} else {
				hi = m
			}
		}
		prev[k] = -1
		if lo > 0 {
			prev[k] = tails[lo-1]
		}
		if lo == len(tails) {
			tails = append(tails, int32(k))
		} else {
			tails[lo] = int32(k)
		}
	}
	n := len(tails)
	out := tails[:n]
	for k, x := n-1, tails[n-1]; k >= 0; k, x = k-1, prev[x] {
		out[k] = cands[x]
	}
	d.lis = tails
	return out
}

// goDiff runs go-diff's Myers diff on a gap without anchors whose sides
// share a token; a gap over BigGap tokens is cut into chunks first.
func (d *Differ) goDiff(alo, ahi, blo, bhi int) {
	la, lb := ahi-alo, bhi-blo
	if n := la + lb; n > BigGap {
		d.stats.Chunked++
		k := (n + BigGap - 1) / BigGap
		for i := 0; i < k; i++ {
			// Chunks may hold anchors of their own: diff them as ranges.
			d.diffRange(alo+la*i/k, alo+la*(i+1)/k, blo+lb*i/k, blo+lb*(i+1)/k)
		}
		return
	}
	d.stats.GoDiffGaps++
	d.stats.LongestGap = max(d.stats.LongestGap, la+lb)
	diffs := d.dm.DiffMainRunes(d.a.ids[alo:ahi], d.b.ids[blo:bhi], false)
	equal := false
	for _, df := range diffs {
		k := utf8.RuneCountInString(df.Text)
		switch df.Type {
		case dmp.DiffEqual:
			equal = true
			d.emit(Equal, k)
		case dmp.DiffDelete:
			d.emit(Delete, k)
		case dmp.DiffInsert:
			d.emit(Insert, k)
		}
	}
	if !equal {
		d.stats.Coarse++
	}
}

// cleanupSemantic is go-diff's DiffCleanupSemantic elimination pass, on
// token counts: an equality no longer than the changes on both its sides
// becomes part of the change. Then each run of changes is one deletion
// followed by one insertion.
func cleanupSemantic(ops []tokOp) []tokOp {
	var eqs []int
	if len(ops) > 8 {
		eqs = make([]int, 0, len(ops)/2)
	}
	lastEq := 0
	ins1, del1, ins2, del2 := 0, 0, 0, 0
	changed := false
	for p := 0; p < len(ops); p++ {
		if ops[p].kind == Equal {
			eqs = append(eqs, p)
			ins1, del1, ins2, del2 = ins2, del2, 0, 0
			lastEq = ops[p].n
			continue
		}
		if ops[p].kind == Insert {
			ins2 += ops[p].n
		} else {
			del2 += ops[p].n
		}
		if lastEq > 0 && lastEq <= max(ins1, del1) && lastEq <= max(ins2, del2) {
			q := eqs[len(eqs)-1]
			ops = append(ops, tokOp{})
			copy(ops[q+1:], ops[q:])
			ops[q] = tokOp{Delete, lastEq}
			ops[q+1] = tokOp{Insert, lastEq}
			eqs = eqs[:len(eqs)-1]
			if len(eqs) > 0 {
				eqs = eqs[:len(eqs)-1]
			}
			p = -1
			if len(eqs) > 0 {
				p = eqs[len(eqs)-1]
			}
			ins1, del1, ins2, del2 = 0, 0, 0, 0
			lastEq = 0
			changed = true
		}
	}
	if !changed {
		return ops
	}
	out := ops[:0]
	for i := 0; i < len(ops); {
		if ops[i].kind == Equal {
			if m := len(out); m > 0 && out[m-1].kind == Equal {
				out[m-1].n += ops[i].n
			} else {
				out = append(out, ops[i])
			}
			i++
			continue
		}
		del, ins := 0, 0
		for ; i < len(ops) && ops[i].kind != Equal; i++ {
			if ops[i].kind == Delete {
				del += ops[i].n
			} else {
				ins += ops[i].n
			}
		}
		if del > 0 {
			out = append(out, tokOp{Delete, del})
		}
		if ins > 0 {
			out = append(out, tokOp{Insert, ins})
		}
	}
	return out
}

// build turns token ops into ops holding substrings of a and b.
func (d *Differ) build(a, b string) []Op {
	if len(d.ops) == 0 {
		return nil
	}
	out := make([]Op, 0, len(d.ops))
	ia, ib := 0, 0
	for _, t := range d.ops {
		switch t.kind {
		case Equal:
			ta := a[d.a.off[ia]:d.a.off[ia+t.n]]
			tb := b[d.b.off[ib]:d.b.off[ib+t.n]]
			o := Op{Kind: Equal, Text: ta}
			if ta != tb {
				o.Other = tb
			}
			out = append(out, o)
			ia += t.n
			ib += t.n
		case Delete:
			out = append(out, Op{Kind: Delete, Text: a[d.a.off[ia]:d.a.off[ia+t.n]]})
			ia += t.n
		case Insert:
			out = append(out, Op{Kind: Insert, Text: b[d.b.off[ib]:d.b.off[ib+t.n]]})
			ib += t.n
		}
	}
	return out
}

// Tokens splits s into words (letters and digits, with inner apostrophes,
// hyphens, periods and commas as in "don't", "U.S." and "8,000"), runs of
// whitespace, runs of periods or of hyphens ("...", "--"), and single
// other characters. A character that takes no room (textsafe.Ignorable)
// is part of the token before it, and a word goes on past it: "may\u00ador"
// is one word, which Normalize makes "mayor". Joined, the tokens give s
// back.
func Tokens(s string, out []string) []string {
	for i := 0; i < len(s); {
		j := tokenEnd(s, i)
		out = append(out, s[i:j])
		i = j
	}
	return out
}

// tokenEnd returns the end of the token that starts at s[i].
func tokenEnd(s string, i int) int {
	r, size := utf8.DecodeRuneInString(s[i:])
	if textsafe.Ignorable(r) {
		// only the first token can start with one (later ones join the
		// token before them): it joins the token after it
		if j := skipIgnorable(s, i+size); j < len(s) {
			return tokenEnd(s, j)
		}
		return len(s)
	}
	j := i + size
	switch {
	case r < utf8.RuneSelf && asciiWord[r]:
		for j < len(s) {
			c := s[j]
			if c < utf8.RuneSelf && asciiWord[c] {
				j++
				continue
			}
			if c >= utf8.RuneSelf {
				return wordEnd(s, i, j)
			}
			if (c == '\'' || c == '-' || c == '.' || c == ',') && j+1 < len(s) {
				return wordEnd(s, i, j)
			}
			break
		}
		return j
	case isSpace(r):
		for j < len(s) {
			if s[j] == ' ' {
				j++
				continue
			}
			r2, s2 := utf8.DecodeRuneInString(s[j:])
			if !isSpace(r2) && !textsafe.Ignorable(r2) {
				break
			}
			j += s2
		}
		return j
	case r == '.':
		for j < len(s) && s[j] == '.' {
			j++ // an ellipsis written as periods is one token, like "…"
		}
	case r == '-':
		for j < len(s) && s[j] == '-' {
			j++ // a dash typed as hyphens is one token, like "—"
		}
	case isWord(r):
		return wordEnd(s, i, j)
	}
	return skipIgnorable(s, j)
}

// skipIgnorable returns the end of the run of characters that take no room
// at s[j], j if there is none.
func skipIgnorable(s string, j int) int {
	for j < len(s) && s[j] >= utf8.RuneSelf {
		r, size := utf8.DecodeRuneInString(s[j:])
		if !textsafe.Ignorable(r) {
			break
		}
		j += size
	}
	return j
}

// wordEnd continues the word s[i:j] to its end.
func wordEnd(s string, i, j int) int {
	for j < len(s) {
		r2, s2 := utf8.DecodeRuneInString(s[j:])
		if isWord(r2) || textsafe.Ignorable(r2) {
			j += s2
			continue
		}
		if strings.ContainsRune("'’-.,", r2) && j+s2 < len(s) {
			r3, _ := utf8.DecodeRuneInString(s[j+s2:])
			if isWord(r3) && (r2 != ',' || (unicode.IsDigit(r3) && unicode.IsDigit(lastRune(s[i:j])))) {
				j += s2
				continue
			}
		}
		break
	}
	return j
}

var asciiWord = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		t[c] = 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9'
	}
	return t
}()

func lastRune(s string) rune { r, _ := utf8.DecodeLastRuneInString(s); return r }

func isSpace(r rune) bool { return unicode.IsSpace(r) || r == '\u00a0' }

func isWord(r rune) bool {
	if r < utf8.RuneSelf {
		return asciiWord[r] // no ASCII character is a mark
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

var typo = strings.NewReplacer("“", `"`, "”", `"`, "„", `"`, "«", `"`, "»", `"`, "‘", "'", "’", "'", "‚", "'",
	"—", "-", "–", "-", "‐", "-", "‑", "-", "…", "...")

// Normalize returns the form of a token used for comparison: characters that
// take no room (textsafe.Ignorable) are dropped, typography that does not
// change wording is folded, any whitespace is one space, and a word
// capitalised only at its first letter is lowercased there, so that a
// headline in title case ("Mayor Vetoes Budget") or a word that starts a
// sentence in one text only ("The mayor" and "the mayor") compares equal;
// words with other capitals ("US" and "us", "McCain") keep them.
func Normalize(tok string) string {
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			tok = strings.Map(dropIgnorable, tok) // tok itself when it holds none
			break
		}
	}
	if tok == "" {
		return tok
	}
	r, size := utf8.DecodeRuneInString(tok)
	if isSpace(r) {
		return " "
	}
	if unicode.IsUpper(r) && !hasUpper(tok[size:]) {
		tok = string(unicode.ToLower(r)) + tok[size:]
	}
	for i := 0; i < len(tok); i++ {
		if tok[i] >= utf8.RuneSelf {
			return typo.Replace(tok)
		}
	}
	if len(tok) > 1 && strings.Trim(tok, "-") == "" {
		return "-" // "--" and "---" are typed dashes
	}
	return tok // other typography to fold is never ASCII
}

func dropIgnorable(r rune) rune {
	if textsafe.Ignorable(r) {
		return -1
	}
	return r
}

// hasUpper says whether s holds an upper-case letter.
func hasUpper(s string) bool {
	for _, r := range s {
		if unicode.IsUpper(r) {
			return true
		}
	}
	return false
}
