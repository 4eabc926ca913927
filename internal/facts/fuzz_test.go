package facts

import "testing"

// FuzzExtract checks that any text gives values whose offsets point at
// their text, without a panic.
func FuzzExtract(f *testing.F) {
	for _, s := range []string{"$3.6 billion and 3.6B", "Nov. 1, 2024; 1 November; Friday", "8,000 soldiers",
		"two dozen children", "12%", "€40", "Mr. Fox and Sergei Lavrov", "1949", "F-35", "$", "3.", ",000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, text string) {
		vs := append(Extract(text), ExtractNames(text, nil)...)
		for _, v := range vs {
			if v.Start < 0 || v.End > len(text) || v.Start > v.End || text[v.Start:v.End] != v.Text {
				t.Fatalf("value %+v does not point at its text in %q", v, text)
			}
			if v.Key == "" {
				t.Fatalf("value %+v without a key", v)
			}
			if !SameValue(v, v) {
				t.Fatalf("value %+v differs from itself", v)
			}
		}
	})
}
