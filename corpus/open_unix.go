//go:build unix

package corpus

import (
	"os"
	"syscall"
)

// openNoWait opens a named pipe for reading without waiting for a writer.
func openNoWait(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
