package export

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
)

// TestJSONEscapesTerminalControls checks that the JSON export is safe to
// print on a terminal yet decodes to the exact article text.
func TestJSONEscapesTerminalControls(t *testing.T) {
	st := hostileStory()
	var b bytes.Buffer
	if err := JSON(&b, st); err != nil {
		t.Fatal(err)
	}
	checkNoControls(t, b.String())
	for _, want := range []string{`\u001b]0;pwned\u0007`, `\u202e`, `\u0085`} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("JSON lacks the escape %s", want)
		}
	}
	var v struct {
		Version  int `json:"version"`
		Articles []struct {
			Blocks []struct {
				Text string `json:"text"`
			} `json:"blocks"`
		} `json:"articles"`
	}
	if err := json.Unmarshal(b.Bytes(), &v); err != nil {
		t.Fatal(err)
	}
	if v.Version != 1 {
		t.Errorf("version %d", v.Version)
	}
	found := false
	for i, a := range v.Articles {
		for j, blk := range a.Blocks {
			if blk.Text != st.Articles[i].Blocks[j].Text {
				t.Errorf("article %d block %d decodes to %q, want %q", i, j, blk.Text, st.Articles[i].Blocks[j].Text)
			}
			found = found || strings.Contains(blk.Text, xssEscape)
		}
	}
	if !found {
		t.Error("no block holds the escape payload as written")
	}
}
