package facts

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
)

func show(vs []Value) string {
	var parts []string
	for _, v := range vs {
		s := fmt.Sprintf("%s:%s=%s", v.Type, v.Text, v.Key)
		if v.Unit != "" {
			s += "/" + v.Unit
		}
		if v.Approx {
			s += "~"
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, " | ")
}

func TestExtract(t *testing.T) {
	tests := []struct{ in, want string }{
		{"up to 8,000 soldiers from North Korea", "number:8,000=8000/troop~"},
		{"approximately 8,000 Korean People’s Army personnel are set", "number:8,000=8000/troop~"},
		{"a $2 million grant", "money:$2 million=2000000/USD"},
		{"The wall would cost $3.6 billion.", "money:$3.6 billion=3600000000/USD"},
		{"It moves 3.6B from the fund", "number:3.6B=3600000000"},
		{"Costs rose 12 percent and then 4.5%.", "percent:12 percent=12 | percent:4.5%=4.5"},
		{"€40 and 15 euros", "money:€40=40/EUR | money:15 euros=15/EUR"},
		{"on Nov. 1, 2024, in Moscow", "date:Nov. 1, 2024=2024-11-01"},
		{"released on 21 October", "date:21 October=--10-21"},
		{"on Friday the minister", "date:Friday=friday"},
		{"a 1949 visit to the USSR", "year:1949=1949"},
		{"president from 2000 to 2006", "year:2000=2000 | year:2006=2006"},
		{"twelve migrants were found", "number:twelve=12/migrant"},
		{"two of the country's former presidents", ""},
		{"F-35 jets and COVID-19 cases", ""},
		{"a 5 m wall", "number:5=5/m"},
	}
	for _, tt := range tests {
		if got := show(Extract(tt.in)); got != tt.want {
			t.Errorf("Extract(%q)\n got %s\nwant %s", tt.in, got, tt.want)
		}
	}
}

func TestNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"said North Korea's Foreign Minister Choe Son Hui at a meeting with her counterpart Sergei Lavrov in Moscow on Friday.",
			"North Korea | Choe Son Hui | Sergei Lavrov | Moscow"},
		{"However, Mr. Fox said it.", "Fox"},
		{"Russian Minister of Foreign Affairs Sergey Lavrov spoke.", "Sergey Lavrov"},
		{"Supreme Leader Kim Jong Un’s regime will stand", "Kim Jong Un"},
		{"The White House said.", "White House"},
		{"Internationally isolated North Korea has", "North Korea"},
		{"WASHINGTON — The Trump administration said", "Trump"},
		{"NATO and the KCNA said", "NATO | KCNA"},
	}
	for _, tt := range tests {
		var got []string
		for _, v := range ExtractNames(tt.in, nil) {
			got = append(got, v.Text)
		}
		if g := strings.Join(got, " | "); g != tt.want {
			t.Errorf("ExtractNames(%q)\n got %s\nwant %s", tt.in, g, tt.want)
		}
	}
}

func TestSameValue(t *testing.T) {
	one := func(s string) Value { return Extract(s)[0] }
	name := func(s string) Value { return ExtractNames(s, nil)[0] }
	tests := []struct {
		a, b Value
		want bool
	}{
		{one("$3.6 billion"), one("3.6B"), true},
		{one("$3.6 billion"), one("$3.5 billion"), false},
		{one("$1.375 billion"), one("$1.4 billion"), true}, // rounded
		{one("8,000"), one("10,000"), false},
		{one("8,000"), one("8000"), true},
		{one("12%"), one("12 percent"), true},
		{one("12%"), one("12"), false},
		{one("Nov. 1"), one("1 November 2024"), true},
		{name("Sergei Lavrov"), name("Sergey Lavrov"), true},
		{name("Mr. Fox spoke"), name("Vicente Fox"), true},
		{name("Choe said"), name("Choe Son Hui"), true},
		{name("Sergei Lavrov"), name("Sergei Shoigu"), false},
	}
	for i, tt := range tests {
		if got := SameValue(tt.a, tt.b); got != tt.want {
			t.Errorf("%d: SameValue(%q, %q) = %v", i, tt.a.Text, tt.b.Text, got)
		}
	}
}

// TestParseFigureAsParseFloat compares parseFigure, which reads whole
// numbers itself, with strconv.ParseFloat.
func TestParseFigureAsParseFloat(t *testing.T) {
	r := rand.New(rand.NewPCG(9, 10))
	for range 20000 {
		digits := func(n int) string {
			b := make([]byte, n)
			for i := range b {
				b[i] = byte('0' + r.IntN(10))
			}
			return string(b)
		}
		in, frac := digits(1+r.IntN(20)), ""
		if r.IntN(3) == 0 {
			frac = digits(1 + r.IntN(4))
		}
		want, werr := strconv.ParseFloat(in+"."+frac+"0", 64)
		got, err := parseFigure(in, frac)
		if got != want || (err == nil) != (werr == nil) {
			t.Fatalf("parseFigure(%q, %q) = %v, %v; ParseFloat %v, %v", in, frac, got, err, want, werr)
		}
	}
}
