package corpus

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
)

// record is one article in a JSON or JSON Lines file, with the common field
// names of news datasets and scrapers. Fields hold raw JSON so that a value of
// the wrong type gives a clear error instead of a silent zero. Keys are
// lower-cased.
type record map[string]json.RawMessage

// parseJSON reads a JSON file holding one article, an array of articles, or an
// object with an "articles" array; or a JSON Lines file, one article a line.
func parseJSON(s string) ([]Article, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, errors.New("empty JSON")
	}
	switch t[0] {
	case '[':
		recs, err := records([]byte(t))
		if err != nil {
			return nil, err
		}
		return recordsToArticles(recs, "record")
	case '{':
		dec := json.NewDecoder(strings.NewReader(t))
		var first json.RawMessage
		if err := dec.Decode(&first); err != nil {
			// JSON Lines is one object a line; a file of one line, or an
			// error that is no syntax error (nesting too deep), is JSON's.
			var se *json.SyntaxError
			if !errors.As(err, &se) {
				return nil, fmt.Errorf("invalid JSON: %v", err)
			}
			if !strings.Contains(t, "\n") {
				return nil, fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, err)
			}
			return parseJSONLines(t)
		}
		if dec.More() {
			return parseJSONLines(t)
		}
		r, err := toRecord(first)
		if err != nil {
			return nil, err
		}
		if raw, ok := r["articles"]; ok {
			recs, err := records(raw)
			if err != nil {
				return nil, fmt.Errorf(`"articles": %w`, err)
			}
			return recordsToArticles(recs, "article")
		}
		return recordsToArticles([]record{r}, "")
	}
	return nil, fmt.Errorf("JSON must start with { or [, not %q", firstRune(t))
}

// records reads a JSON array of article objects, one item at a time: an
// item of the wrong kind is reported when it is reached (not after the
// whole array is parsed), and so is an array of more than MaxArticles.
func records(raw []byte) ([]record, error) {
	dec := json.NewDecoder(bytes.NewReader(raw))
	syntax := func(err error) error {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, err)
		}
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			return errors.New("invalid JSON: the array does not end")
		}
		return fmt.Errorf("invalid JSON: %v", err)
	}
	if tok, err := dec.Token(); err != nil {
		return nil, syntax(err)
	} else if d, ok := tok.(json.Delim); !ok || d != '[' {
		return nil, fmt.Errorf("want an array of article objects, found %s", jsonType(raw))
	}
	var recs []record
	for i := 1; dec.More(); i++ {
		if i > MaxArticles {
			return nil, fmt.Errorf("more than %d items; %w", MaxArticles, ErrTooManyArticles)
		}
		var it json.RawMessage
		if err := dec.Decode(&it); err != nil {
			return nil, syntax(err)
		}
		r, err := toRecord(it)
		if err != nil {
			return nil, fmt.Errorf("item %d: %w", i, err)
		}
		recs = append(recs, r)
	}
	if _, err := dec.Token(); err != nil {
		return nil, syntax(err)
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errors.New("invalid JSON: more after the array")
	}
	return recs, nil
}

// toRecord reads one article object, lower-casing its keys.
func toRecord(raw json.RawMessage) (record, error) {
	var m map[string]json.RawMessage
	if err := json.Unmarshal(raw, &m); err != nil {
		var se *json.SyntaxError
		if errors.As(err, &se) {
			return nil, fmt.Errorf("invalid JSON at byte %d: %v", se.Offset, err)
		}
		return nil, fmt.Errorf("want an article object, found %s", jsonType(raw))
	}
	r := make(record, len(m))
	for k, v := range m {
		lk := strings.ToLower(k)
		if _, dup := r[lk]; !dup || k == lk {
			r[lk] = v
		}
	}
	return r, nil
}

func parseJSONLines(s string) ([]Article, error) {
	var recs []record
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 64<<10), MaxFileSize)
	line := 0
	var lines []int
	for sc.Scan() {
		line++
		l := bytes.TrimSpace(sc.Bytes())
		if len(l) == 0 {
			continue
		}
		if len(recs) == MaxArticles {
			return nil, fmt.Errorf("line %d: more than %d records; %w", line, MaxArticles, ErrTooManyArticles)
		}
		if !json.Valid(l) {
			return nil, fmt.Errorf("line %d: not valid JSON (JSON Lines wants one article object per line)", line)
		}
		r, err := toRecord(append(json.RawMessage(nil), l...))
		if err != nil {
			return nil, fmt.Errorf("line %d: %w", line, err)
		}
		recs = append(recs, r)
		lines = append(lines, line)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("reading JSON Lines: %w", err)
	}
	arts, err := recordsToArticles(recs, "line")
	var re *recordError
	if errors.As(err, &re) && re.index < len(lines) {
		// name the line of the file, not the count of records
		return nil, fmt.Errorf("line %d: %w", lines[re.index], re.err)
	}
	return arts, err
}

// recordError is a problem with the record at index (0-based).
type recordError struct {
	what  string
	index int
	err   error
}

func (e *recordError) Error() string {
	if e.what == "" {
		return e.err.Error()
	}
	return fmt.Sprintf("%s %d: %v", e.what, e.index+1, e.err)
}
func (e *recordError) Unwrap() error { return e.err }

func recordsToArticles(recs []record, what string) ([]Article, error) {
	var out []Article
	for i, r := range recs {
		a, err := recordToArticle(r)
		if err != nil {
			return nil, &recordError{what, i, err}
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, errors.New("no article records")
	}
	return out, nil
}

// jsonType names the JSON type of raw for error messages.
func jsonType(raw []byte) string {
	t := bytes.TrimSpace(raw)
	if len(t) == 0 {
		return "nothing"
	}
	switch t[0] {
	case '"':
		return "a string"
	case '{':
		return "an object"
	case '[':
		return "an array"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	}
	return "a number"
}

func firstRune(s string) string {
	for _, r := range s {
		return string(r)
	}
	return ""
}

// bodyKeys name a record's text, the first present one read.
var bodyKeys = []string{"text", "body", "content", "article", "maintext"}

// unreadBodies warns of the text fields among keys that the record also
// holds, which differ in wording from paras (read from the field used) and
// so are not shown: nothing the user gave may go unnoticed.
func unreadBodies(r record, used string, paras []Para, keys []string) []string {
	var read strings.Builder
	for _, p := range paras {
		read.WriteString(p.Text)
		read.WriteString(" ")
	}
	words := strings.Fields(read.String())
	var out []string
	for _, k := range keys {
		raw, ok := r[k]
		if !ok || k == used {
			continue
		}
		var s string
		if json.Unmarshal(raw, &s) != nil || strings.TrimSpace(s) == "" {
			continue
		}
		if !slices.Equal(strings.Fields(s), words) {
			out = append(out, fmt.Sprintf("field %q differs from %q, which is the one read; %q is not shown", k, used, k))
		}
	}
	return out
}

func recordToArticle(r record) (Article, error) {
	var a Article
	str := func(keys ...string) (string, error) {
		for _, k := range keys {
			raw, ok := r[k]
			if !ok || string(raw) == "null" {
				continue
			}
			var s string
			if err := json.Unmarshal(raw, &s); err != nil {
				if v, ok := nameOrList(raw); ok && namedKeys[k] {
					s = v
				} else {
					return "", fmt.Errorf("field %q must be a string, not %s", k, jsonType(raw))
				}
			}
			if strings.TrimSpace(s) != "" {
				return s, nil
			}
		}
		return "", nil
	}
	var err error
	fields := []struct {
		dst  *string
		keys []string
	}{
		{&a.Title, []string{"title", "headline"}},
		{&a.Outlet, []string{"outlet", "source", "site_name", "sitename", "publisher"}},
		{&a.Date, []string{"date", "published", "published_at", "publish_date", "date_published", "pubdate"}},
		{&a.URL, []string{"url", "link"}},
		{&a.Byline, []string{"byline", "author", "authors"}},
		{&a.Section, []string{"section", "category"}},
	}
	for _, f := range fields {
		if *f.dst, err = str(f.keys...); err != nil {
			return a, err
		}
		*f.dst = strings.TrimSpace(*f.dst)
	}
	a.Date = isoDay(a.Date)
	if raw, ok := r["paragraphs"]; ok && string(raw) != "null" {
		var items []json.RawMessage
		if err := json.Unmarshal(raw, &items); err != nil {
			return a, fmt.Errorf(`field "paragraphs" must be an array of strings, not %s`, jsonType(raw))
		}
		for i, it := range items {
			var p string
			if err := json.Unmarshal(it, &p); err != nil {
				var o struct {
					Text *string `json:"text"`
				}
				if json.Unmarshal(it, &o) != nil || o.Text == nil {
					return a, fmt.Errorf(`"paragraphs" item %d must be a string, not %s`, i+1, jsonType(it))
				}
				p = *o.Text
			}
			// a paragraph with line breaks inside is read like a text file
			a.Paras = append(a.Paras, parseBody(p)...)
		}
		a.Warnings = append(a.Warnings, unreadBodies(r, "paragraphs", a.Paras, bodyKeys)...)
	} else {
		body, err := str(bodyKeys...)
		if err != nil {
			return a, err
		}
		a.Paras = parseBody(body)
		for i, k := range bodyKeys {
			if raw, ok := r[k]; ok && string(raw) != "null" && string(raw) != `""` {
				a.Warnings = append(a.Warnings, unreadBodies(r, k, a.Paras, bodyKeys[i+1:])...)
				break
			}
		}
	}
	if !hasText(&a) {
		return a, errors.New("no text (expected a text, body, content or paragraphs field)")
	}
	if a.Title != "" {
		a.Paras = append([]Para{{Text: a.Title, Hint: HintTitle}}, a.Paras...)
	}
	return a, nil
}

// parseBody splits the text of a JSON field into paragraphs like a text file,
// without reading metadata lines: a record's metadata is in its fields.
func parseBody(s string) []Para {
	s = strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n")
	return splitParas(s)
}

// namedKeys are fields that tools also write as a list or a {"name": …}.
var namedKeys = map[string]bool{"author": true, "authors": true, "byline": true, "publisher": true, "source": true, "outlet": true, "site_name": true}

// nameOrList reads an author or publisher written as a list of strings, an
// object with a "name", or a list of such objects.
func nameOrList(raw []byte) (string, bool) {
	var ss []string
	if json.Unmarshal(raw, &ss) == nil {
		return strings.Join(ss, ", "), true
	}
	type named struct {
		Name string `json:"name"`
	}
	var one named
	if json.Unmarshal(raw, &one) == nil && one.Name != "" {
		return one.Name, true
	}
	var many []named
	if json.Unmarshal(raw, &many) == nil && len(many) > 0 {
		var names []string
		for _, n := range many {
			if n.Name != "" {
				names = append(names, n.Name)
			}
		}
		if len(names) > 0 {
			return strings.Join(names, ", "), true
		}
	}
	return "", false
}
