#!/usr/bin/env bash
# Compares the exports of two synoptic binaries byte for byte, for a change
# that must not change what synoptic writes (a refactoring, a speed-up). It
# exports, with each binary and in every format, the built-in example story,
# each story folder of the dev sets that are present, a generated benchmark
# story and any story given, and prints one line per export that differs.
# Exits 1 when one differs, 0 when all are identical.
# Usage: scripts/compare-exports.sh OLD_BINARY NEW_BINARY [STORY...]
#   STORY is a folder or a file that `synoptic export` reads; without any,
#   the stories are the seed, ../shared/devset/*/ and ../shared/devset-lang/*/*/
#   (when present) and a 2-article, 100 KB story from bench/gen.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OLD_BINARY NEW_BINARY [STORY...]" >&2
  exit 2
fi
old=$1 new=$2
shift 2
for b in "$old" "$new"; do
  if [ ! -x "$b" ]; then
    echo "compare-exports: $b is not an executable binary" >&2
    exit 2
  fi
done
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stories=("$@")
if [ ${#stories[@]} -eq 0 ]; then
  stories=("") # the built-in example story
  # a story is a folder of article files; devset-lang holds them one
  # level deeper (german/, translations/)
  for d in "$root"/../shared/devset/*/ "$root"/../shared/devset-lang/*/*/; do
    [ -d "$d" ] && stories+=("${d%/}")
  done
  (cd "$root" && go run ./bench/gen -size 100KB -articles 2 -o "$tmp/gen" >/dev/null)
  stories+=("$tmp/gen")
fi

formats=(json html md txt ansi matrix-md matrix-html report-md report-html)
# each format also under the filters, for the other pair of articles at
# another width, and without the checks
variants=("--width 120" "--only changed" "--only single" "--articles 1,0 --width 80" "--checks=false")
compared=0 differ=0
# compare ARGS...: one run of each binary
compare() {
  # a story the binaries cannot read must fail alike: compare the
  # status and the error too
  so=0 sn=0
  "$old" "$@" >"$tmp/old" 2>"$tmp/old.err" || so=$?
  "$new" "$@" >"$tmp/new" 2>"$tmp/new.err" || sn=$?
  compared=$((compared + 1))
  if [ "$so" != "$sn" ] || ! cmp -s "$tmp/old" "$tmp/new" || ! cmp -s "$tmp/old.err" "$tmp/new.err"; then
    differ=$((differ + 1))
    echo "differs: ${s:-seed} $* (exit $so, $sn)"
  fi
}
for s in "${stories[@]}"; do
  args=()
  [ -n "$s" ] && args=("$s")
  for f in "${formats[@]}"; do
    for v in "${variants[@]}"; do
      # shellcheck disable=SC2086 # a variant is several words
      compare export --format "$f" $v "${args[@]}"
    done
  done
  # the text the reader prints when its output is not a terminal
  compare --width 70 "${args[@]}"
done
echo "compare-exports: $compared exports, $differ differ"
[ "$differ" -eq 0 ]
