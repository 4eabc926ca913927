package export

import "github.com/synoptic-news/synoptic/internal/textsafe"

func safe(s string) string { return textsafe.VisibleLine(s) }
