package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"strings"
)

// record is one article in a JSON or JSON Lines file, with the common field
// names of news datasets and scrapers. Fields hold raw JSON so that a value of
// the wrong type gives a clear error instead of a silent zero.
type record map[string]json.RawMessage

// parseJSON reads a JSON file holding one article, an array of articles, or an
// object with an "articles" array; or a JSON Lines file, one article a line.
func parseJSON(s string) ([]Article, error) {
	t := strings.TrimSpace(s)
	if t == "" {
		return nil, fmt.Errorf("empty JSON")
	}
	var recs []record
	switch t[0] {
	case '[':
		if err := json.Unmarshal([]byte(t), &recs); err != nil {
			return nil, fmt.Errorf("not a JSON array of article objects: %v", err)
		}
	case '{':
		dec := json.NewDecoder(strings.NewReader(t))
		var first record
		if err := dec.Decode(&first); err != nil {
			return parseJSONLines(t)
		}
		if dec.More() {
			return parseJSONLines(t)
		}
		if raw, ok := first["articles"]; ok {
			if err := json.Unmarshal(raw, &recs); err != nil {
				return nil, fmt.Errorf(`"articles" is not an array of objects: %v`, err)
			}
		} else {
			recs = []record{first}
		}
	default:
		return nil, fmt.Errorf("JSON must start with { or [")
	}
	return recordsToArticles(recs)
}

func parseJSONLines(s string) ([]Article, error) {
	var recs []record
	sc := bufio.NewScanner(strings.NewReader(s))
	sc.Buffer(make([]byte, 1<<20), 1<<30)
	line := 0
	for sc.Scan() {
		line++
		l := strings.TrimSpace(sc.Text())
		if l == "" {
			continue
		}
		var r record
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			return nil, fmt.Errorf("line %d: not a JSON object: %v", line, err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return recordsToArticles(recs)
}

func recordsToArticles(recs []record) ([]Article, error) {
	var out []Article
	for i, r := range recs {
		a, err := recordToArticle(r)
		if err != nil {
			return nil, fmt.Errorf("record %d: %w", i+1, err)
		}
		out = append(out, a)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no article records")
	}
	return out, nil
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
				var ss []string
				if k == "author" || k == "byline" {
					if json.Unmarshal(raw, &ss) == nil {
						return strings.Join(ss, ", "), nil
					}
				}
				return "", fmt.Errorf("field %q must be a string", k)
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
		{&a.Outlet, []string{"outlet", "source", "site_name", "publisher"}},
		{&a.Date, []string{"date", "published", "published_at", "publish_date"}},
		{&a.URL, []string{"url", "link"}},
		{&a.Byline, []string{"byline", "author", "authors"}},
		{&a.Section, []string{"section", "category"}},
	}
	for _, f := range fields {
		if *f.dst, err = str(f.keys...); err != nil {
			return a, err
		}
	}
	if len(a.Date) >= 10 && a.Date[4] == '-' {
		a.Date = a.Date[:10]
	}
	if raw, ok := r["paragraphs"]; ok {
		var ps []string
		if err := json.Unmarshal(raw, &ps); err != nil {
			return a, fmt.Errorf(`field "paragraphs" must be an array of strings`)
		}
		for _, p := range ps {
			if strings.TrimSpace(p) != "" {
				a.Paras = append(a.Paras, Para{Text: strings.TrimSpace(p)})
			}
		}
	} else {
		body, err := str("text", "body", "content", "article", "maintext")
		if err != nil {
			return a, err
		}
		a.Paras = parseText(body).Paras
	}
	if a.Title != "" {
		a.Paras = append([]Para{{Text: a.Title, Hint: HintTitle}}, a.Paras...)
	}
	if len(a.Paras) == 0 {
		return a, fmt.Errorf("no text (expected text, body, content or paragraphs)")
	}
	return a, nil
}
