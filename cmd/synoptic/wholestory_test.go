package main

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"testing"
)

// The whole-story formats run through the same CLI as every export.
func TestWholeStoryFormats(t *testing.T) {
	dir := "../../testdata/stories/kestrel-bridge"
	for format, want := range map[string][]string{
		"matrix-md":   {"| **events covered** |", "Harbour Herald", "●"},
		"matrix-html": {"<table", "Harbour Herald"},
		"report-md":   {"# kestrel-bridge — whole-story report\n\n## Summary", "32,000", "23,000"},
		"report-html": {"<h1>kestrel-bridge — whole-story report</h1>", "<h2", "32,000"},
	} {
		var out, errb bytes.Buffer
		if code := run([]string{"export", "--format", format, dir}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		for _, w := range want {
			if !strings.Contains(out.String(), w) {
				t.Errorf("%s output lacks %q", format, w)
			}
		}
	}
}

// The JSON export adds summary, quotes and facts after the story's fields;
// --checks=false leaves them, and the summary of the text formats, out.
func TestExportChecksFlag(t *testing.T) {
	dir := "../../testdata/stories/kestrel-bridge"
	export := func(args ...string) string {
		t.Helper()
		var out, errb bytes.Buffer
		if code := run(append([]string{"export"}, append(args, dir)...), &out, &errb); code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errb.String())
		}
		return out.String()
	}
	var with, without map[string]json.RawMessage
	if err := json.Unmarshal([]byte(export("--format", "json")), &with); err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal([]byte(export("--format", "json", "--checks=false")), &without); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"summary", "quotes", "facts"} {
		if len(with[k]) < 3 {
			t.Errorf("json lacks %q", k)
		}
		if _, ok := without[k]; ok {
			t.Errorf("json --checks=false has %q", k)
		}
	}
	for k, v := range without {
		if !bytes.Equal(with[k], v) {
			t.Errorf("json field %q differs with and without the checks", k)
		}
	}
	if len(with) != len(without)+3 {
		t.Errorf("json has %d fields, without the checks %d", len(with), len(without))
	}
	const summary = "whole story, 4 articles: 9 events · 8 shared · 1 one-sided"
	if txt := export("--format", "txt"); !strings.Contains(txt, summary) || !strings.Contains(txt, "facts: 1 event differs (8)") {
		t.Errorf("txt lacks the summary:\n%s", txt[:min(len(txt), 600)])
	}
	if txt := export("--format", "txt", "--checks=false"); strings.Contains(txt, summary) {
		t.Error("txt --checks=false has the summary")
	}
}

// Every link of the matrix and report pages leads somewhere on the page:
// they hold no event sections, so an event links to its matrix row.
func TestWholeStoryHTMLLinksResolve(t *testing.T) {
	dir := "../../testdata/stories/kestrel-bridge"
	href := regexp.MustCompile(`href="#([^"]+)"`)
	for _, format := range []string{"matrix-html", "report-html", "html"} {
		var out, errb bytes.Buffer
		if code := run([]string{"export", "--format", format, dir}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		page := out.String()
		links := href.FindAllStringSubmatch(page, -1)
		for _, l := range links {
			if !strings.Contains(page, `id="`+l[1]+`"`) {
				t.Errorf("%s: link to #%s, which the page does not have", format, l[1])
				break
			}
		}
	}
}

// The matrix and the report are whole pages, as html is: a doctype first
// (else a browser lays them out in quirks mode), the character set, a
// title, and the styles in the head.
func TestWholeStoryHTMLIsAWholePage(t *testing.T) {
	dir := "../../testdata/stories/kestrel-bridge"
	for format, title := range map[string]string{"matrix-html": "<title>kestrel-bridge · events × outlets · synoptic</title>",
		"report-html": "<title>kestrel-bridge — whole-story report · synoptic</title>"} {
		var out, errb bytes.Buffer
		if code := run([]string{"export", "--format", format, dir}, &out, &errb); code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errb.String())
		}
		page := out.String()
		if !strings.HasPrefix(page, "<!DOCTYPE html>\n") || !strings.Contains(page, `<meta charset="utf-8">`) || !strings.Contains(page, title) || !strings.HasSuffix(page, "</html>\n") {
			t.Errorf("%s is not a whole page with %s:\n%.400s", format, title, page)
		}
		_, body, _ := strings.Cut(page, "<body>")
		if strings.Contains(body, "<style") {
			t.Errorf("%s: a <style> in the body, where HTML does not allow it", format)
		}
	}
}
