package htmlpage

import (
	"strings"
	"testing"
)

func TestWriteIsAWholePage(t *testing.T) {
	var b strings.Builder
	if err := Write(&b, `Kestrel <bridge> & "ferry"`, ".x{color:red}", "<section><p>body</p></section>\n"); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"<!DOCTYPE html>\n", `<meta charset="utf-8">`, "<title>Kestrel &lt;bridge&gt; &amp; &#34;ferry&#34; · synoptic</title>",
		".x{color:red}\n</style>\n</head>\n<body>\n<section><p>body</p></section>\n</body>\n</html>\n"} {
		if !strings.Contains(page, want) {
			t.Errorf("page lacks %q:\n%s", want, page)
		}
	}
	if !strings.HasPrefix(page, "<!DOCTYPE html>") {
		t.Error("the doctype is not first")
	}
}
