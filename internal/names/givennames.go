package names

import (
	_ "embed"
	"sort"
	"strings"
	"sync"
)

// givenNamesTxt is the sex English given names are most often given to,
// one name a line in byte order, a space and "f" or "m". It is made by
// internal/gengiven from the table names/en.js of
// github.com/DavideViolante/gender-detection-from-name (MIT License;
// see NOTICE).
//
//go:generate go run ./internal/gengiven -in package/names/en.js -out givennames.txt
//go:embed givennames.txt
var givenNamesTxt string

// Sex is the sex a given name is most often given to.
type Sex int8

// The values of Sex.
const (
	SexUnknown Sex = iota
	SexMale
	SexFemale
)

// givenNames is the table's lines, in order, read once a process when a
// name is first looked up: a slice of the embedded text, without copies.
var givenNames = sync.OnceValue(func() []string {
	return strings.Split(strings.TrimSuffix(givenNamesTxt, "\n"), "\n")
})

// GivenNameSex returns the sex the folded given name ("hillary",
// "donald") is most often given to in English, or SexUnknown for a word
// the table does not list. It is what the name tells when nothing else
// does: the table gives one sex even to names given to both ("Jan",
// "Lindsey"), so a caller lets the text's own evidence go first.
func GivenNameSex(folded string) Sex {
	rows := givenNames()
	i := sort.Search(len(rows), func(i int) bool { return rows[i] >= folded+" " })
	if i == len(rows) || len(rows[i]) != len(folded)+2 || !strings.HasPrefix(rows[i], folded) {
		return SexUnknown
	}
	if rows[i][len(folded)+1] == 'f' {
		return SexFemale
	}
	return SexMale
}
