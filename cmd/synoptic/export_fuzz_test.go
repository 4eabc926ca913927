package main

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/synoptic-news/synoptic/corpus"
	"github.com/synoptic-news/synoptic/internal/export"
	"github.com/synoptic-news/synoptic/internal/story"
)

// sgr matches the colour and attribute sequences the ANSI export may
// write itself.
var sgr = regexp.MustCompile("\x1b\\[[0-9;:]*m")

// FuzzExportFormats renders fuzzed articles in every format,
// the reader's ANSI view included, at a fuzzed width: no format may fail,
// panic, or let a control character of the articles through (the ANSI
// view may hold its own colour sequences, nothing else).
//
//	go test ./cmd/synoptic -run '^$' -fuzz FuzzExportFormats -fuzztime 1m
func FuzzExportFormats(f *testing.F) {
	f.Add("Daily Bugle\nThe mayor opened the bridge \x1b]0;owned\x07 on Tuesday, calling it a triumph.\n\x1b[2J wipe \u202e flip \u009b csi", "River Times\nThe mayor opened the bridge on Tuesday, calling it a victory.", uint8(80))
	f.Add("A\n<script>alert(1)</script> [x](javascript:y)", "B\n<img src=x onerror=z>", uint8(20))
	f.Add("", "", uint8(0))
	f.Add("日本\n東京で会議が開かれた。", "日本\n大阪で会議が開かれた。", uint8(3))
	f.Fuzz(func(t *testing.T, a, b string, w uint8) {
		cs := &corpus.Story{Name: "fuzz"}
		for i, s := range []string{a, b} {
			if len(s) > 4<<10 {
				s = s[:4<<10]
			}
			s = strings.ToValidUTF8(s, "\uFFFD")
			head, body, _ := strings.Cut(s, "\n")
			art := corpus.Article{Path: []string{"a.txt", "b.txt"}[i], Outlet: head, Title: head}
			for _, p := range strings.Split(body, "\n") {
				if strings.TrimSpace(p) != "" {
					art.Paras = append(art.Paras, corpus.Para{Text: p})
				}
			}
			cs.Articles = append(cs.Articles, art)
		}
		st := story.Build(cs, story.DefaultOptions())
		opt := exportOptions()
		opt.Width = 20 + int(w)
		// The whole-story checks, computed once as the reader does, not
		// once a format: the same report, in a sixth of the time, so that
		// one execution (and the minimizing of an input) stays quick.
		opt.Checks = export.Checks(st, opt)
		for _, format := range export.Formats() {
			var buf bytes.Buffer
			if err := export.Render(&buf, format, st, opt); err != nil {
				t.Fatalf("%s: %v", format, err)
			}
			out := buf.String()
			if format == "ansi" {
				out = sgr.ReplaceAllString(out, "")
			}
			for i, r := range out {
				if (r < 0x20 && r != '\n') || (r >= 0x7f && r <= 0x9f) || (r >= 0x202a && r <= 0x202e) || (r >= 0x2066 && r <= 0x2069) {
					if format == "json" && r < 0x20 {
						continue // JSON escapes these itself (\u001b), they are never raw
					}
					t.Fatalf("%s: control character U+%04X at byte %d: %q", format, r, i, out[max(0, i-30):min(len(out), i+30)])
				}
			}
		}
	})
}
