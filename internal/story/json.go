package story

import (
	"context"
	"io"

	"github.com/synoptic-news/synoptic/internal/jsonout"
	"github.com/synoptic-news/synoptic/internal/segment"
	"github.com/synoptic-news/synoptic/internal/worddiff"
)

// WriteJSON writes the story as the version 1 JSON contract, indented by one
// space per level, HTML characters unescaped, ending in a newline: byte for
// byte what an encoding/json Encoder with SetIndent("", " ") and
// SetEscapeHTML(false) writes, except that characters a terminal showing the
// JSON would obey (DEL, C1 controls, bidirectional controls and marks) are
// \u escapes, which decode to the same text. It is several times faster
// than encoding/json and does not build the document in memory. Diffs a
// deferred build left out are computed first.
func (st *Story) WriteJSON(w io.Writer) error {
	if err := st.FillDiffs(context.Background(), nil); err != nil {
		return err
	}
	j := jsonout.New(w)
	j.Open('{')
	st.JSONFields(j)
	j.Close('}')
	return j.End()
}

// JSONFields writes the story's fields of the JSON contract as members of
// the object j has open, so that a caller can add fields after them. The
// story's diffs must be filled (FillDiffs) first: a diff left out is written
// as null.
func (st *Story) JSONFields(j *jsonout.Writer) {
	j.Key("version")
	j.Int(st.Version)
	if st.Name != "" {
		j.Key("name")
		j.Str(st.Name)
	}
	if st.Translation {
		j.Key("translation")
		j.Raw("true")
	}
	j.Key("articles")
	jsonout.List(j, st.Articles, func(x *Article) {
		jsonArticle(j, x)
	})
	j.Key("events")
	jsonout.List(j, st.Events, func(x *Event) {
		jsonEvent(j, x)
	})
	j.Key("links")
	jsonout.List(j, st.Links, func(l *Link) {
		j.Open('{')
		j.Key("score")
		j.Float(l.Score)
		j.Key("blocks")
		j.Open('[')
		for a := range st.Articles {
			j.Item()
			switch a {
			case l.A:
				j.Ints([]int{l.I})
			case l.B:
				j.Ints([]int{l.J})
			default:
				j.Ints([]int{})
			}
		}
		j.Close(']')
		j.Close('}')
	})
}

// jsonBlockLists writes one list of block indices per article.
func jsonBlockLists(j *jsonout.Writer, lists [][]int) {
	if lists == nil {
		j.Raw("null")
		return
	}
	j.Open('[')
	for _, bs := range lists {
		j.Item()
		j.Ints(bs)
	}
	j.Close(']')
}

func jsonArticle(j *jsonout.Writer, a *Article) {
	j.Open('{')
	j.Key("path")
	j.Str(a.Path)
	j.Key("outlet")
	j.Str(a.Outlet)
	j.Key("title")
	j.Str(a.Title)
	j.Key("date")
	j.Str(a.Date)
	j.Key("byline")
	j.Str(a.Byline)
	j.Key("lang")
	j.Str(string(a.Lang))
	if a.URL != "" {
		j.Key("url")
		j.Str(a.URL)
	}
	if a.Section != "" {
		j.Key("section")
		j.Str(a.Section)
	}
	j.Key("blocks")
	jsonout.List(j, a.Blocks, func(b *segment.Block) {
		j.Open('{')
		j.Key("kind")
		j.Str(string(b.Kind))
		j.Key("text")
		j.Str(b.Text)
		j.Close('}')
	})
	if len(a.Warnings) > 0 {
		j.Key("warnings")
		j.Strs(a.Warnings)
	}
	j.Close('}')
}

func jsonEvent(j *jsonout.Writer, e *Event) {
	j.Open('{')
	j.Key("kind")
	j.Str(string(e.Kind))
	j.Key("score")
	j.Float(e.Score)
	j.Key("blocks")
	jsonBlockLists(j, e.Blocks)
	j.Key("diffs")
	jsonout.List(j, e.Diffs, func(d *Diff) {
		jsonDiff(j, d)
	})
	j.Key("moved")
	if e.Moved == nil {
		j.Raw("null")
	} else {
		j.Open('[')
		for _, m := range e.Moved {
			j.Item()
			if m {
				j.Raw("true")
			} else {
				j.Raw("false")
			}
		}
		j.Close(']')
	}
	if e.Note != "" {
		j.Key("note")
		j.Str(e.Note)
	}
	if e.Pinned {
		j.Key("pinned")
		j.Raw("true")
	}
	if e.Split {
		j.Key("split")
		j.Raw("true")
	}
	j.Close('}')
}

func jsonDiff(j *jsonout.Writer, d *Diff) {
	j.Open('{')
	j.Key("from")
	j.Int(d.From)
	j.Key("to")
	j.Int(d.To)
	j.Key("ops")
	JSONOps(j, d.Ops)
	j.Close('}')
}

// JSONOps writes a word diff as the JSON export does: an array of ops, or
// null for a nil diff.
func JSONOps(j *jsonout.Writer, ops []worddiff.Op) {
	jsonout.List(j, ops, func(o *worddiff.Op) { jsonOp(j, o) })
}

// jsonOp writes one word diff op: {"op", "text"[, "other"]}.
func jsonOp(j *jsonout.Writer, o *worddiff.Op) {
	j.Open('{')
	j.Key("op")
	j.Str(string(o.Kind))
	j.Key("text")
	j.Str(o.Text)
	if o.Other != "" {
		j.Key("other")
		j.Str(o.Other)
	}
	j.Close('}')
}
