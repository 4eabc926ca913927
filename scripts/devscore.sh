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
python3 - "$tmp/table" <<'PY'
import re, sys
n = F = tp = shown = gold = H = links = right = 0
for line in open(sys.argv[1]):
    m = re.search(r"precision ([0-9.]+) recall ([0-9.]+) F1 ([0-9.]+)", line)
    c = re.search(r"\[tp (\d+) shown (\d+) gold (\d+)\]", line)
    if not (m and c):
        continue
    n += 1
    F += float(m.group(3))
    tp, shown, gold = tp + int(c.group(1)), shown + int(c.group(2)), gold + int(c.group(3))
    h = re.search(r"with possible matches: recall ([0-9.]+) \(links (\d+), right (\d+)\)", line)
    if h:
        H, links, right = H + float(h.group(1)), links + int(h.group(2)), right + int(h.group(3))
if n:
    print(f"micro precision {tp / max(shown, 1):.3f}  recall {tp / max(gold, 1):.3f}  mean F1 {F / n:.3f}  over {n} gold files"
          f"  [tp {tp} shown {shown} gold {gold}]")
    print(f"with possible matches: mean recall {H / n:.3f}; {right} of {links} possible matches right")
PY
