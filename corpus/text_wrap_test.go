package corpus

import "testing"

func TestShortLineAboveLongLineIsTwoParagraphs(t *testing.T) {
	text := "First paragraph of the piece, long enough to stand as a line.\n\n" +
		"See also  A related story about something else entirely here\n" +
		"In this photo provided by the city, workers repair the bridge deck on the north side of the river, as traffic waits at the toll gate. (City Press Office via AP)\n"
	a := parseText(text)
	if len(a.Paras) != 3 {
		t.Fatalf("got %d paragraphs, want 3: %q", len(a.Paras), a.Paras)
	}
	wrapped := parseText("Para one.\n\nThis paragraph was wrapped by an editor at about\nsixty columns, as mail and old files often are, so\nits lines join.\n")
	if len(wrapped.Paras) != 2 {
		t.Fatalf("wrapped paragraph split: %q", wrapped.Paras)
	}
}
