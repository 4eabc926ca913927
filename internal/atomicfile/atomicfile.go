// Package atomicfile holds what writing a file whole or not at all needs
// wherever it is done (exports, an editor's review): the temporary files'
// names and their clean-up, and errors that name the file written rather
// than its temporary file.
package atomicfile

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"
)

// StaleAfter is how old the temporary file of an earlier write must be
// for a later write of the same file to remove it: a younger one may be
// another run's write in progress.
const StaleAfter = 10 * time.Minute

// TempPattern is the os.CreateTemp pattern of base's temporary files: in
// the same folder, so that a rename puts the file in place in one step.
func TempPattern(base string) string { return "." + base + ".*.tmp" }

// RemoveStale removes temporary files that killed writes of base in dir
// left behind (a killed export of a long story leaves hundreds of MB).
func RemoveStale(dir, base string) {
	old, _ := filepath.Glob(filepath.Join(dir, TempPattern(globEscape(base))))
	for _, p := range old {
		if info, err := os.Lstat(p); err == nil && info.Mode().IsRegular() && time.Since(info.ModTime()) > StaleAfter {
			os.Remove(p)
		}
	}
}

func globEscape(s string) string {
	var sb strings.Builder
	for _, c := range s {
		if strings.ContainsRune(`*?[\`, c) {
			sb.WriteByte('\\')
		}
		sb.WriteRune(c)
	}
	return sb.String()
}

// Reason strips the operation and file name from a file system error,
// which would otherwise name the temporary file: "permission denied",
// "no space left on device".
func Reason(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	var se *os.SyscallError
	if errors.As(err, &se) {
		return se.Err
	}
	return err
}
