package insight

import (
	"testing"

	"github.com/synoptic-news/synoptic/internal/facts"
)

func TestAgreedVerb(t *testing.T) {
	if v := agreedVerb(facts.Agreement{Type: facts.Name, Spelled: true, Variant: true}); v != "spelled differently" {
		t.Errorf("a name a letter apart is %q, want spelled differently", v)
	}
	if v := agreedVerb(facts.Agreement{Type: facts.Name, Variant: true}); v != "given alike" {
		t.Errorf("a nickname is %q, want given alike", v)
	}
}
