package review

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/synoptic-news/synoptic/internal/atomicfile"
)

// MaxFileSize bounds what a review file may be: a review is a few
// kilobytes, and a device or a wrong name must not fill the memory.
const MaxFileSize = 16 << 20

// PathFor is where the review of a story named by its paths is kept:
// "<story>.synoptic.json" next to the first path.
func PathFor(paths []string) string {
	if len(paths) == 0 {
		return ""
	}
	p := filepath.Clean(paths[0])
	if info, err := os.Stat(p); err == nil && info.IsDir() {
		// "." and ".." are named by the folder they stand for.
		name := filepath.Base(p)
		if abs, err := filepath.Abs(p); err == nil {
			name = filepath.Base(abs)
		}
		if name == "." || name == ".." || name == string(filepath.Separator) {
			name = "story"
		}
		return filepath.Join(p, name+".synoptic.json")
	}
	return strings.TrimSuffix(p, filepath.Ext(p)) + ".synoptic.json"
}

// IsReviewPath says whether path is named as a review file is, so that an
// export written there would be read as the story's review.
func IsReviewPath(path string) bool {
	return strings.HasSuffix(strings.ToLower(filepath.Base(path)), ".synoptic.json")
}

// onDisk is a review file's content as last read or written, raw and
// parsed (the base of a three-way merge).
type onDisk struct {
	raw []byte
	rev *Review
}

// Load reads a review file. A missing file is an empty review and no error.
// A corrupt file gives an empty review and an error that says why, so the
// caller can warn and still open the story.
func Load(path string) (*Review, error) {
	r := &Review{Version: Version}
	b, err := readFile(path)
	if errors.Is(err, fs.ErrNotExist) {
		return r, nil
	}
	if err != nil {
		return r, fmt.Errorf("review %s: %w", path, err)
	}
	got, err := parse(b)
	if err != nil {
		return r, fmt.Errorf("review %s %v (ignored)", path, err)
	}
	got.disk = &onDisk{raw: b, rev: got.Clone()}
	return got, nil
}

// readFile reads path through MaxFileSize. It refuses what is not a
// regular file before opening it: opening a FIFO waits for a writer, and a
// device may never end.
func readFile(path string) ([]byte, error) {
	info, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !info.Mode().IsRegular() {
		return nil, fmt.Errorf("not a regular file (%s)", kindOf(info.Mode()))
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	b, err := io.ReadAll(io.LimitReader(f, MaxFileSize+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxFileSize {
		return nil, fmt.Errorf("larger than %d MB; not a review", MaxFileSize>>20)
	}
	return b, nil
}

// kindOf names a file mode that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe"
	case m&fs.ModeSocket != 0:
		return "a socket"
	case m&fs.ModeDevice != 0:
		return "a device"
	}
	return "a special file"
}

// parse reads a review file's bytes. A UTF-8 byte order mark and a version
// written as 1.0 are accepted; fields this version does not know are kept
// in Extra.
func parse(b []byte) (*Review, error) {
	b = bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(b, &fields); err != nil {
		return nil, fmt.Errorf("is not valid: %v", err)
	}
	if fields == nil {
		return nil, errors.New("is not valid: want a JSON object")
	}
	var v float64
	if raw, ok := field(fields, "version"); !ok {
		return nil, errors.New("has no version")
	} else if err := json.Unmarshal(raw, &v); err != nil {
		return nil, fmt.Errorf("has version %s, not a number", oneLine(string(raw)))
	}
	if v != Version {
		return nil, fmt.Errorf("has version %v; this synoptic reads version %d", v, Version)
	}
	r := &Review{Version: Version}
	for k, raw := range fields {
		var err error
		switch strings.ToLower(k) { // as encoding/json matches field names
		case "version":
		case "threshold":
			err = json.Unmarshal(raw, &r.Threshold)
		case "pins":
			err = json.Unmarshal(raw, &r.Pins)
		case "splits":
			err = json.Unmarshal(raw, &r.Splits)
		case "notes":
			err = json.Unmarshal(raw, &r.Notes)
		default:
			if r.Extra == nil {
				r.Extra = map[string]json.RawMessage{}
			}
			r.Extra[k] = raw
		}
		if err != nil {
			return nil, fmt.Errorf("is not valid: %q: %v", k, err)
		}
	}
	// an empty list reads as none, as the file writes none as []
	if len(r.Pins) == 0 {
		r.Pins = nil
	}
	if len(r.Splits) == 0 {
		r.Splits = nil
	}
	if len(r.Notes) == 0 {
		r.Notes = nil
	}
	return r, nil
}

// field is the value of the field named name, in any case.
func field(fields map[string]json.RawMessage, name string) (json.RawMessage, bool) {
	if v, ok := fields[name]; ok {
		return v, true
	}
	for k, v := range fields {
		if strings.EqualFold(k, name) {
			return v, true
		}
	}
	return nil, false
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}

// MarshalJSON writes the known fields, then Extra's in name order.
// Empty lists are written as [], never null: the file is for people to
// read and edit too.
func (r *Review) MarshalJSON() ([]byte, error) {
	type known Review // without the method
	k := known(*r)
	if k.Pins == nil {
		k.Pins = []Pin{}
	}
	if k.Splits == nil {
		k.Splits = []Ref{}
	}
	if k.Notes == nil {
		k.Notes = []Note{}
	}
	b, err := json.Marshal(&k)
	if err != nil || len(r.Extra) == 0 {
		return b, err
	}
	keys := make([]string, 0, len(r.Extra))
	for k := range r.Extra {
		switch k {
		case "version", "threshold", "pins", "splits", "notes":
			continue
		}
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var buf bytes.Buffer
	buf.Write(b[:len(b)-1])
	for _, k := range keys {
		kb, _ := json.Marshal(k)
		buf.WriteByte(',')
		buf.Write(kb)
		buf.WriteByte(':')
		v := r.Extra[k]
		if !json.Valid(v) {
			v = []byte("null")
		}
		buf.Write(v)
	}
	buf.WriteByte('}')
	return buf.Bytes(), nil
}

// ErrChanged reports that the review file changed on disk since it was
// read, in a way that cannot be merged with the edits made here.
var ErrChanged = errors.New("changed on disk since it was read")

// Save writes the review whole (a temporary file, synced, then renamed
// into place). When the file changed on disk since r read or wrote it
// (another reader saved meanwhile), the two are merged entry by entry and
// merged is true: r then holds the merged review. Edits that cannot be
// merged (both changed the note of one block) are not saved, with an error
// that wraps ErrChanged. A symbolic link is written through, and a file
// without write permission is not replaced.
func (r *Review) Save(path string) (merged bool, err error) {
	target, err := linkTarget(path)
	if err != nil {
		return false, fmt.Errorf("review %s: %w", path, err)
	}
	cur, err := readFile(target)
	exists := err == nil
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return false, fmt.Errorf("review %s: %w", path, err)
	}
	mode := fs.FileMode(0o644)
	if exists {
		info, err := os.Stat(target)
		if err != nil {
			return false, fmt.Errorf("review %s: %w", path, err)
		}
		// A review is shared like the story next to it; an existing file
		// keeps its permissions, and one made read-only stays as it is.
		mode = info.Mode().Perm()
		if mode&0o222 == 0 {
			return false, fmt.Errorf("review %s is read-only; not replaced", path)
		}
	}
	var seen []byte
	if r.disk != nil {
		seen = r.disk.raw
	}
	if exists && (r.disk == nil || !bytes.Equal(cur, seen)) {
		theirs, err := parse(cur)
		if err != nil && r.disk == nil {
			return false, fmt.Errorf("%s is there already and is not a review (it %v); not overwritten", path, err)
		}
		if err != nil {
			return false, fmt.Errorf("review %s %w and now %v; not overwritten", path, ErrChanged, err)
		}
		base := &Review{Version: Version}
		if r.disk != nil {
			base = r.disk.rev
		}
		m, err := Merge(base, r, theirs)
		if err != nil {
			return false, fmt.Errorf("review %s %w: %v", path, ErrChanged, err)
		}
		r.Threshold, r.Pins, r.Splits, r.Notes, r.Extra = m.Threshold, m.Pins, m.Splits, m.Notes, m.Extra
		merged = true
	}
	r.Version = Version
	b, err := json.MarshalIndent(r, "", " ")
	if err != nil {
		return merged, err
	}
	b = append(b, '\n')
	if err := writeFile(target, b, mode); err != nil {
		return merged, fmt.Errorf("review %s: %w", path, atomicfile.Reason(err))
	}
	r.disk = &onDisk{raw: b, rev: r.Clone()}
	return merged, nil
}

// linkTarget is the file a save to path writes: path itself, or what the
// symbolic link path points to (which need not exist yet).
func linkTarget(path string) (string, error) {
	for range 40 {
		info, err := os.Lstat(path)
		if err != nil || info.Mode()&fs.ModeSymlink == 0 {
			return path, nil
		}
		to, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(to) {
			to = filepath.Join(filepath.Dir(path), to)
		}
		path = to
	}
	return "", errors.New("too many levels of symbolic links")
}

// writeFile writes b to path through a synced temporary file renamed into
// place, so that a crash leaves the old file or the new one, never half of
// one. Temporary files a killed save left behind are removed.
func writeFile(path string, b []byte, mode fs.FileMode) error {
	dir, base := filepath.Dir(path), filepath.Base(path)
	tmp, err := os.CreateTemp(dir, atomicfile.TempPattern(base))
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if err := tmp.Chmod(mode); err != nil {
		tmp.Close()
		return err
	}
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if err := os.Rename(tmp.Name(), path); err != nil {
		return err
	}
	if d, err := os.Open(dir); err == nil {
		d.Sync() // the rename itself; not every system can sync a folder
		d.Close()
	}
	atomicfile.RemoveStale(dir, base)
	return nil
}
