package main

import (
	"os"
	"strings"
	"testing"
)

// The repository has a licence, and NOTICE names the licence of every
// module go.mod requires, so that a new dependency is not shipped
// unlisted.
func TestNoticeListsEveryModule(t *testing.T) {
	if _, err := os.Stat("../../LICENSE"); err != nil {
		t.Fatalf("no LICENSE: %v", err)
	}
	notice, err := os.ReadFile("../../NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	mod, err := os.ReadFile("../../go.mod")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, ln := range strings.Split(string(mod), "\n") {
		f := strings.Fields(strings.TrimPrefix(strings.TrimSpace(ln), "require "))
		if len(f) < 2 || !strings.Contains(f[0], ".") || !strings.HasPrefix(f[1], "v") {
			continue
		}
		n++
		if !strings.Contains(string(notice), f[0]) {
			t.Errorf("NOTICE does not list %s", f[0])
		}
	}
	if n < 10 {
		t.Errorf("read %d modules from go.mod", n)
	}
}
