package review

import (
	"encoding/json"
	"fmt"
)

// Merge makes one review of two that were both changed from base: ours
// (the edits made here) and theirs (what another reader saved meanwhile).
// Pins and splits added on one side are added, those removed on one side
// are removed; a note changed on one side takes that side's text. A note
// that both changed to different texts is a conflict and an error: which
// one the editors meant is theirs to say. A threshold both changed takes
// ours, the edit just made. The result keeps theirs' record of the file.
func Merge(base, ours, theirs *Review) (*Review, error) {
	m := &Review{Version: Version, disk: theirs.disk}
	switch {
	case sameThreshold(ours.Threshold, base.Threshold):
		m.Threshold = clonePtr(theirs.Threshold)
	default:
		m.Threshold = clonePtr(ours.Threshold)
	}
	m.Pins = mergeSet(base.Pins, ours.Pins, theirs.Pins, pinKey)
	m.Splits = mergeSet(base.Splits, ours.Splits, theirs.Splits, refKey)
	notes, err := mergeNotes(base.Notes, ours.Notes, theirs.Notes)
	if err != nil {
		return nil, err
	}
	m.Notes = notes
	for _, x := range []*Review{theirs, ours} {
		for k, v := range x.Extra {
			if _, ok := m.Extra[k]; !ok {
				if m.Extra == nil {
					m.Extra = map[string]json.RawMessage{}
				}
				m.Extra[k] = v
			}
		}
	}
	return m, nil
}

func sameThreshold(x, y *float64) bool {
	return x == nil && y == nil || x != nil && y != nil && *x == *y
}

func clonePtr(x *float64) *float64 {
	if x == nil {
		return nil
	}
	v := *x
	return &v
}

func refKey(r Ref) string { return fmt.Sprintf("%d/%d/%q", r.Article, r.Block, r.Snippet) }

func pinKey(p Pin) string { return refKey(p.A) + "+" + refKey(p.B) }

// mergeSet is theirs, less what ours removed from base, plus what ours
// added to it, in theirs' order then ours'.
func mergeSet[T any](base, ours, theirs []T, key func(T) string) []T {
	inBase, inOurs := keys(base, key), keys(ours, key)
	var out []T
	seen := map[string]bool{}
	for _, x := range theirs {
		k := key(x)
		if (inBase[k] && !inOurs[k]) || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	for _, x := range ours {
		k := key(x)
		if inBase[k] || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, x)
	}
	return out
}

func keys[T any](xs []T, key func(T) string) map[string]bool {
	m := make(map[string]bool, len(xs))
	for _, x := range xs {
		m[key(x)] = true
	}
	return m
}

// mergeNotes merges notes by the block they are on.
func mergeNotes(base, ours, theirs []Note) ([]Note, error) {
	text := func(ns []Note) map[string]string {
		m := make(map[string]string, len(ns))
		for _, n := range ns {
			m[refKey(n.Ref)] = n.Text
		}
		return m
	}
	b, o, t := text(base), text(ours), text(theirs)
	var out []Note
	seen := map[string]bool{}
	pick := func(n Note) error {
		k := refKey(n.Ref)
		if seen[k] {
			return nil
		}
		seen[k] = true
		bt, inB := b[k]
		ot, inO := o[k]
		tt, inT := t[k]
		oursChanged := inO != inB || ot != bt
		theirsChanged := inT != inB || tt != bt
		switch {
		case !oursChanged:
			if inT {
				out = append(out, Note{n.Ref, tt})
			}
		case !theirsChanged || (inO == inT && ot == tt):
			if inO {
				out = append(out, Note{n.Ref, ot})
			}
		default:
			return fmt.Errorf("the note on article %d block %d was changed both here and there", n.Ref.Article, n.Ref.Block)
		}
		return nil
	}
	for _, ns := range [][]Note{theirs, ours, base} {
		for _, n := range ns {
			if err := pick(n); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}
