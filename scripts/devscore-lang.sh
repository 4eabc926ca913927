#!/usr/bin/env bash
# Scores the aligner on the language dev set (German outlets and
# translations, gold files in the format of ../shared/devset, scored with
# its score.py) when both are present, and prints one line per gold file
# and the means of each folder (recall: the events' own, not the one with
# possible matches that score.py adds).
# Usage: scripts/devscore-lang.sh [DEVSET_LANG_DIR]   (default: ../shared/devset-lang)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
devset=${1:-$root/../shared/devset-lang}
score=$devset/../devset/score.py
if [ ! -d "$devset" ] || [ ! -f "$score" ]; then
  echo "devscore-lang: no language dev set at $devset, or no $score (skipped)"
  exit 0
fi
devset=$(cd "$devset" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/synoptic" ./cmd/synoptic)
cd "$devset"
for g in */*/gold_*.json; do
  d=$(dirname "$g")
  a=$d/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["a"])' "$g")
  b=$d/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["b"])' "$g")
  "$tmp/synoptic" export --format json "$a" "$b" > "$tmp/e.json"
  python3 "$score" "$g" "$tmp/e.json" "$a" "$b" --skip-first --max-leaks 999 --min-f1 0 --min-precision 0 > "$tmp/out" || true
  printf '%-64s %s\n' "$g" "$(tail -1 "$tmp/out")"
done | tee "$tmp/table"
for dir in $(cut -d/ -f1 "$tmp/table" | sort -u); do
  awk -v d="$dir" 'index($1, d"/") == 1 {seen=0; for (i=1;i<=NF;i++) {if ($i=="precision") p+=$(i+1); if ($i=="recall" && !seen++) r+=$(i+1); if ($i=="F1") f+=$(i+1)}; n++}
       END {if (n) printf "%s: mean precision %.3f  recall %.3f  F1 %.3f  over %d gold files\n", d, p/n, r/n, f/n, n}' "$tmp/table"
done
