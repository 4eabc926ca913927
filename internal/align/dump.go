package align

import (
	"encoding/json"
	"os"
)

func dump(ix *corpusIndex, pairs []pair) {
	path := os.Getenv("SYNOPTIC_ALIGN_DUMP")
	if path == "" {
		return
	}
	f, err := os.Create(path)
	if err != nil {
		return
	}
	defer f.Close()
	enc := json.NewEncoder(f)
	for _, p := range pairs {
		x, y := ix.all[p.x], ix.all[p.y]
		enc.Encode([]any{x.art, x.idx, y.art, y.idx, p.f.cos, p.f.sent, p.f.sent1, p.f.cover, p.f.verb, p.f.quote, p.f.numbers, p.f.sentc, p.f.qterms, p.f.base, p.f.relx, p.f.rely, p.f.neigh, p.f.pos, p.p})
	}
}

func init() {
	if v := os.Getenv("SYNOPTIC_ALIGN_IDF"); v != "" {
		json.Unmarshal([]byte(v), &idfPow)
	}
	s := os.Getenv("SYNOPTIC_ALIGN_W")
	if s == "" {
		return
	}
	var v []float64
	if json.Unmarshal([]byte("["+s+"]"), &v) != nil || len(v) < 16 {
		panic("bad SYNOPTIC_ALIGN_W")
	}
	wBias, wCos, wSent, wSent1, wCover, wVerb, wQuote, wNum = v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]
	vBias, vBase, vBest, vRel, vNeigh = v[8], v[9], v[10], v[11], v[12]
	defaultThreshold, linkMean, confident = v[13], v[14], v[15]
	if len(v) == 18 {
		wSentC, wQTerm = v[16], v[17]
	}
	if len(v) >= 19 {
		vPos = v[18]
	}
}
