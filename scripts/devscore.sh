#!/usr/bin/env bash
# Scores the aligner on the paragraph-alignment dev set (gold files and
# score.py) when it is present, and prints one line per gold file and the
# means. With -v it also prints the wrong pairs score.py reports and every
# missed gold pair (scripts/devmissed.py).
# Usage: scripts/devscore.sh [-v] [DEVSET_DIR]   (default: ../shared/devset)
set -euo pipefail
verbose=0
if [ "${1:-}" = "-v" ]; then
  verbose=1
  shift
fi
root=$(cd "$(dirname "$0")/.." && pwd)
devset=${1:-$root/../shared/devset}
if [ ! -f "$devset/score.py" ]; then
  echo "devscore: no dev set at $devset (skipped)"
  exit 0
fi
devset=$(cd "$devset" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/synoptic" ./cmd/synoptic)
cd "$devset"
for g in */gold_*.json; do
  d=$(dirname "$g")
  a=$d/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["a"])' "$g")
  b=$d/$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["b"])' "$g")
  "$tmp/synoptic" export --format json "$a" "$b" > "$tmp/e.json"
  python3 score.py "$g" "$tmp/e.json" "$a" "$b" --skip-first --max-leaks 999 --min-f1 0 --min-precision 0 > "$tmp/out" || true
  printf '%-56s %s\n' "$g" "$(tail -1 "$tmp/out")"
  if [ "$verbose" = 1 ]; then
    sed -n '$!s/^/    /p' "$tmp/out"
    python3 "$root/scripts/devmissed.py" "$devset" "$g" "$tmp/e.json" "$a" "$b" | sed 's/^/    /' || true
  fi
done | tee "$tmp/table"
awk '/^[^ ]+gold_[^ ]+ +precision/ {for (i=1;i<=NF;i++) {if ($i=="precision") p+=$(i+1); if ($i=="recall") r+=$(i+1); if ($i=="F1") f+=$(i+1)}; n++}
     END {if (n) printf "mean precision %.3f  recall %.3f  F1 %.3f  over %d gold files\n", p/n, r/n, f/n, n}' "$tmp/table"
