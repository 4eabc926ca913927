package corpus

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"unicode"
	"unsafe"
)

// MaxArticles bounds the articles of one story. Alignment and the story
// model grow with the square of the articles (each event lists its blocks
// in every article); past this a story would take minutes and gigabytes,
// and no editor compares more outlets side by side.
const MaxArticles = 1000

// ErrTooManyArticles reports a story of more than MaxArticles articles.
var ErrTooManyArticles = fmt.Errorf("synoptic compares at most %d articles in one story (split it, or pick the outlets to compare)", MaxArticles)

// storyPath names the story in a message: its one path, or "the arguments".
func storyPath(paths []string) string {
	if len(paths) == 1 {
		return paths[0]
	}
	return "the arguments"
}

// notAFile says why path, found in a folder, is not read as an article
// ("" when it is a regular file, or cannot be looked at: reading it then
// says why).
func notAFile(path string) string {
	info, err := os.Stat(path)
	if err != nil || info.Mode().IsRegular() {
		return ""
	}
	return kindOf(info.Mode())
}

// kindOf names a file mode that is not a regular file.
func kindOf(m fs.FileMode) string {
	switch {
	case m.IsDir():
		return "a folder"
	case m&fs.ModeNamedPipe != 0:
		return "a named pipe, not a file"
	case m&fs.ModeSocket != 0:
		return "a socket, not a file"
	case m&fs.ModeDevice != 0:
		return "a device, not a file"
	}
	return "not a regular file"
}

// readLimit is MaxFileSize, smaller in tests.
var readLimit = MaxFileSize

// readText reads the file at path, whose Stat is info, into a string,
// through MaxFileSize: what a file says its size is (0 for a pipe) bounds
// nothing. A device is refused: it may never end. A named pipe given by
// name is read (a shell's <(command) is one), but opening it does not wait
// for a writer: one with none reads as empty.
//
// The string is made over the bytes read, which nothing writes again,
// rather than copied from them: a long story's files are megabytes, and
// copying them was most of their reading.
func readText(path string, info fs.FileInfo) (string, error) {
	if m := info.Mode(); m&fs.ModeDevice != 0 || m&fs.ModeSocket != 0 {
		return "", errors.New(kindOf(m))
	}
	var f *os.File
	var err error
	if info.Mode().IsRegular() {
		f, err = os.Open(path)
	} else {
		f, err = openNoWait(path)
	}
	if err != nil {
		return "", err
	}
	defer f.Close()
	size := info.Size()
	if size <= 0 || size > MaxFileSize {
		size = 512
	}
	// One read for a regular file: a buffer of its size, and one byte more
	// to see that it did not grow.
	buf := make([]byte, 0, size+1)
	for {
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)]
		}
		n, err := f.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if len(buf) > readLimit {
			return "", fmt.Errorf("file is more than %d MB; the limit is %d MB", readLimit>>20, readLimit>>20)
		}
		if err == io.EOF {
			break
		}
		if err != nil {
			return "", err
		}
	}
	return unsafe.String(unsafe.SliceData(buf), len(buf)), nil
}

// blank says whether s shows nothing: spaces of any kind, format
// characters (zero width space, joiners, byte order marks, tags) and the
// fillers some scripts draw as nothing.
func blank(s string) bool {
	for _, r := range s {
		switch {
		case unicode.IsSpace(r), unicode.Is(unicode.Zs, r), unicode.Is(unicode.Cf, r):
		case r == 0x2800, r == 0x3164, r == 0x115f, r == 0x1160, r == 0xffa0, r == 0x180e:
		default:
			return false
		}
	}
	return true
}
