package corpus

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync/atomic"
)

// LoadOptions are where Load finds what is not a local file.
type LoadOptions struct {
	// Web fetches the PATHs that are web addresses; nil is DefaultWeb.
	Web *Web
	// Stdin is read for the PATH "-"; nil is os.Stdin.
	Stdin io.Reader
	// Name names the story; "" lets Load name it (see storyName).
	Name string
	// Progress, when not nil, is told how many article files are read so
	// far and how many are known: every PATH counts one until a folder's
	// files are listed. It is called from several goroutines at once.
	Progress func(read, files int)
}

// StdinPath is the PATH that stands for standard input.
const StdinPath = "-"

// UrlsFile is the file of a folder that lists web addresses to read with
// its other articles, one a line ("#" starts a comment).
const UrlsFile = "urls.txt"

// sources turns the PATHs that are not local files (web addresses, "-")
// into files the loaders read, and remembers what each stood for.
type sources struct {
	opt    LoadOptions
	origin map[string]string // local file -> the PATH it stands for
	temps  []string
	stdin  bool // "-" was read
	// read and files are what Progress is told.
	read, files atomic.Int64
}

func newSources(opt LoadOptions) *sources {
	return &sources{opt: opt, origin: map[string]string{}}
}

// progress tells Progress that read more files are read and files more
// are known.
func (s *sources) progress(read, files int) {
	if s.opt.Progress == nil {
		return
	}
	n, f := s.read.Add(int64(read)), s.files.Add(int64(files))
	s.opt.Progress(int(n), int(f))
}

// local is the file to read for p: p itself, or the copy of a page or of
// standard input.
func (s *sources) local(p string) (string, error) {
	switch {
	case p == StdinPath:
		return s.readStdin()
	case IsURL(p):
		w := s.opt.Web
		if w == nil {
			w = DefaultWeb()
		}
		f, temp, err := w.Open(p)
		if err != nil {
			return "", err
		}
		if temp {
			s.temps = append(s.temps, f)
		}
		s.origin[f] = p
		return f, nil
	}
	return p, nil
}

// readStdin copies standard input to a file, so that it is read as any
// other: its format is told by its content.
func (s *sources) readStdin() (string, error) {
	if s.stdin {
		return "", &FileError{StdinPath, errors.New("standard input can be read only once; give \"-\" once")}
	}
	s.stdin = true
	in := s.opt.Stdin
	if in == nil {
		in = os.Stdin
	}
	b, err := io.ReadAll(io.LimitReader(in, MaxFileSize+1))
	if err != nil {
		return "", &FileError{"standard input", err}
	}
	if len(b) > MaxFileSize {
		return "", &FileError{"standard input", fmt.Errorf("more than %d MB; the limit is %d MB", MaxFileSize>>20, MaxFileSize>>20)}
	}
	f, err := os.CreateTemp("", "synoptic-stdin-*")
	if err != nil {
		return "", &FileError{"standard input", err}
	}
	s.temps = append(s.temps, f.Name())
	_, werr := f.Write(b)
	if cerr := f.Close(); werr == nil {
		werr = cerr
	}
	if werr != nil {
		return "", &FileError{"standard input", werr}
	}
	s.origin[f.Name()] = StdinPath
	return f.Name(), nil
}

// urls reads a folder's list of addresses and returns the files to read
// for them; addresses that could not be fetched are returned as bad, each
// naming the address and why.
func (s *sources) urls(list string) (files, bad []string, err error) {
	f, err := os.Open(list)
	if err != nil {
		return nil, nil, &FileError{list, describeOpenError(err)}
	}
	defer f.Close()
	sc := bufio.NewScanner(io.LimitReader(f, 1<<20))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		if !IsURL(line) {
			bad = append(bad, fmt.Sprintf("%s line %d: %q is not an http:// or https:// address", list, n, line))
			continue
		}
		p, err := s.local(line)
		if err != nil {
			bad = append(bad, err.Error())
			continue
		}
		files = append(files, p)
	}
	return files, bad, sc.Err()
}

// restore names the articles read from copies after what they stand for:
// the address (also their URL when the page gave none, and their outlet's
// fallback) or standard input (their outlet's fallback too, as a file's
// name is a file's).
func (s *sources) restore(arts []Article) {
	for i := range arts {
		a := &arts[i]
		orig, ok := s.origin[a.Path]
		if !ok {
			continue
		}
		if a.Outlet == fileOutlet(a.Path) || strings.HasPrefix(a.Outlet, fileOutlet(a.Path)+" #") {
			a.Outlet = ""
		}
		a.Path = orig
		if orig != StdinPath && a.URL == "" {
			a.URL = orig
		}
		if a.Outlet == "" {
			a.Outlet = urlHost(a.URL)
		}
		if a.Outlet == "" && orig == StdinPath {
			a.Outlet = "standard input"
		}
	}
}

// rename names an error's file after what it stands for.
func (s *sources) rename(err error) error {
	var fe *FileError
	if errors.As(err, &fe) {
		if orig, ok := s.origin[fe.Path]; ok {
			fe.Path = orig
			if orig == StdinPath {
				fe.Path = "standard input"
			}
		}
	}
	return err
}

// cleanup removes the copies that are not kept.
func (s *sources) cleanup() {
	for _, f := range s.temps {
		os.Remove(f)
	}
}
