package export

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/synoptic-news/synoptic/internal/atomicfile"
	"github.com/synoptic-news/synoptic/internal/review"
	"github.com/synoptic-news/synoptic/internal/story"
)

// ErrExists reports an output file that is already there.
var ErrExists = errors.New("file exists (use --force to overwrite)")

// WriteFile writes a file atomically: render goes to a temporary file in the
// same folder, which becomes path only when complete and synced. An existing
// path is kept unless force is set, even when it appears while rendering.
// On any error path is as it was before (absent, or its old content) and
// no temporary file is left behind. Errors name path and say why.
//
// A path that is a device or a named pipe (/dev/null, /dev/stdout, a FIFO)
// is not a file to replace: the output is written to it as it is made. A
// symbolic link is followed, so the file it names is written, not the link
// replaced.
func WriteFile(path string, force bool, render func(io.Writer) error) error {
	mode := fs.FileMode(0o644)
	if real, err := filepath.EvalSymlinks(path); err == nil {
		path = real
	}
	switch info, err := os.Stat(path); {
	case err == nil && !info.IsDir() && !info.Mode().IsRegular():
		return writeDevice(path, render)
	case err == nil && info.IsDir():
		return fmt.Errorf("%s: is a folder; name a file to write", path)
	case err == nil && !force:
		return fmt.Errorf("%s: %w", path, ErrExists)
	case err == nil:
		mode = info.Mode().Perm() // an overwritten file keeps its permissions
	case !errors.Is(err, fs.ErrNotExist):
		return fmt.Errorf("%s: cannot write: %w", path, atomicfile.Reason(err))
	}
	dir := filepath.Dir(path)
	if info, err := os.Stat(dir); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("%s: cannot write: folder %s does not exist", path, dir)
		}
		return fmt.Errorf("%s: cannot write: %w", path, atomicfile.Reason(err))
	} else if !info.IsDir() {
		return fmt.Errorf("%s: cannot write: %s is not a folder", path, dir)
	}
	tmp, err := os.CreateTemp(dir, atomicfile.TempPattern(filepath.Base(path)))
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, atomicfile.Reason(err))
	}
	name := tmp.Name()
	defer os.Remove(name) // a no-op once the file has taken its place
	defer atomicfile.RemoveStale(dir, filepath.Base(path))
	fail := func(err error) error {
		tmp.Close()
		return fmt.Errorf("%s: %w", path, err)
	}
	if err := render(tmp); err != nil {
		return fail(atomicfile.Reason(err))
	}
	if err := tmp.Chmod(mode); err != nil {
		return fail(atomicfile.Reason(err))
	}
	if err := tmp.Sync(); err != nil {
		return fail(atomicfile.Reason(err))
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, atomicfile.Reason(err))
	}
	if force {
		if err := os.Rename(name, path); err != nil {
			return fmt.Errorf("%s: cannot write: %w", path, atomicfile.Reason(err))
		}
		return nil
	}
	// A hard link creates path only if nothing is there, in one step, so a
	// file that appeared while rendering is not overwritten.
	switch err := os.Link(name, path); {
	case err == nil:
		return nil
	case errors.Is(err, fs.ErrExist):
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	// Some file systems have no hard links: check, then rename.
	if _, err := os.Lstat(path); err == nil {
		return fmt.Errorf("%s: %w", path, ErrExists)
	}
	if err := os.Rename(name, path); err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, atomicfile.Reason(err))
	}
	return nil
}

// writeDevice writes render's output to the device or pipe at path.
func writeDevice(path string, render func(io.Writer) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("%s: cannot write: %w", path, atomicfile.Reason(err))
	}
	if err := render(f); err != nil {
		f.Close()
		return fmt.Errorf("%s: %w", path, atomicfile.Reason(err))
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("%s: %w", path, atomicfile.Reason(err))
	}
	return nil
}

// NotInput refuses out when it is a file the story was read from, one of
// its articles or its review: even --force does not put an export in
// their place, which would lose what the user gave.
func NotInput(out string, st *story.Story, reviewPath string) error {
	// A file named as a review, or at the story's review path, would be
	// read by the next run as the editor's review (and overwritten by it),
	// even when it does not exist yet.
	if reviewPath != "" {
		a, errA := filepath.Abs(out)
		b, errB := filepath.Abs(reviewPath)
		if errA == nil && errB == nil && a == b {
			return fmt.Errorf("%s: is this story's review file; name another file to write", out)
		}
	}
	if review.IsReviewPath(out) {
		return fmt.Errorf("%s: is named as an editor's review (*.synoptic.json); name another file to write", out)
	}
	oi, err := os.Stat(out)
	if err != nil {
		return nil // no such file: nothing to lose
	}
	for _, a := range st.Articles {
		if ai, err := os.Stat(a.Path); err == nil && os.SameFile(oi, ai) {
			return fmt.Errorf("%s: is an article of this story; name another file to write", out)
		}
	}
	if reviewPath != "" {
		if ri, err := os.Stat(reviewPath); err == nil && os.SameFile(oi, ri) {
			return fmt.Errorf("%s: is this story's review file; name another file to write", out)
		}
	}
	return nil
}
