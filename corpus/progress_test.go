package corpus

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
)

// TestLoadReportsFilesRead checks what LoadWith tells its Progress: a
// folder counts as one file until its files are listed, every file read
// is counted once, and the last report is every file read of every file.
func TestLoadReportsFilesRead(t *testing.T) {
	dir := t.TempDir()
	folder := filepath.Join(dir, "more")
	writeFiles(t, dir, map[string]string{"a.txt": "First headline\n\nFirst body."})
	if err := os.Mkdir(folder, 0o755); err != nil {
		t.Fatal(err)
	}
	writeFiles(t, folder, map[string]string{
		"b.txt": "Second headline\n\nSecond body.",
		"c.md":  "# Third headline\n\nThird body.",
		"d.txt": "Fourth headline\n\nFourth body.",
	})
	var mu sync.Mutex
	var calls [][2]int
	_, err := LoadWith([]string{filepath.Join(dir, "a.txt"), folder}, LoadOptions{Progress: func(read, files int) {
		mu.Lock()
		calls = append(calls, [2]int{read, files})
		mu.Unlock()
	}})
	if err != nil {
		t.Fatal(err)
	}
	if len(calls) == 0 || calls[0] != [2]int{0, 2} {
		t.Fatalf("first report %v, want 0 of the 2 paths", calls)
	}
	if last := calls[len(calls)-1]; last != [2]int{4, 4} {
		t.Errorf("last report %v, want 4 of 4 files; all: %v", last, calls)
	}
	for i, c := range calls {
		if c[0] > c[1] {
			t.Errorf("report %d: %d files read of %d known", i, c[0], c[1])
		}
		if i > 0 && c[0] < calls[i-1][0] {
			t.Errorf("report %d: read went back from %d to %d", i, calls[i-1][0], c[0])
		}
	}
}
