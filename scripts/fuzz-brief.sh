#!/usr/bin/env bash
# Runs every fuzz target in the repository briefly, one at a time, so that a
# regression shows in CI. Usage: scripts/fuzz-brief.sh [SECONDS] (default 5).
# A failing input is written to the package's testdata/fuzz/<Target>/ by Go;
# commit it with the fix, and it becomes a regression test of `go test`.
set -uo pipefail
cd "$(dirname "$0")/.."
secs=${1:-5}
case $secs in '' | *[!0-9]*) echo "usage: $0 [SECONDS]" >&2; exit 2 ;; esac

# Go minimizes every input that finds new code before it goes on, for up
# to a minute each by default, whatever -fuzztime says: on a target whose
# execution takes tens of milliseconds, minimizing holds a 5-second slot for
# minutes. A brief run looks for regressions; it minimizes for
# a second at most (a failing input is still written, perhaps unminimized).
minimize=1s

failed=()
ran=0
for pkg in $(go list ./...); do
  targets=$(go test -list '^Fuzz' "$pkg" 2>/dev/null | grep '^Fuzz' || true)
  for t in $targets; do
    ran=$((ran + 1))
    start=$(date +%s)
    out=$(go test -run '^$' -fuzz "^${t}\$" -fuzztime "${secs}s" -fuzzminimizetime "$minimize" -parallel 1 "$pkg" 2>&1)
    rc=$?
    # Go's fuzzer can end a short run with "context deadline exceeded" when
    # the time is up while it still gathers its baseline; that is no failing
    # input (a real one is written to testdata and named). Run it once more
    # for longer before calling it a failure.
    if [ $rc -ne 0 ] && grep -q 'context deadline exceeded' <<<"$out" && ! grep -q 'Failing input written' <<<"$out"; then
      out=$(go test -run '^$' -fuzz "^${t}\$" -fuzztime "$((secs * 3))s" -fuzzminimizetime "$minimize" -parallel 1 "$pkg" 2>&1)
      rc=$?
    fi
    if [ $rc -eq 0 ]; then
      execs=$(printf '%s\n' "$out" | grep -o 'execs: [0-9]*' | tail -1)
      echo "ok    $pkg $t $(($(date +%s) - start))s ${execs:-}"
    else
      echo "FAIL  $pkg $t"
      printf '%s\n' "$out" | grep -v '^fuzz: elapsed' | sed 's/^/      /'
      failed+=("$pkg $t")
    fi
  done
done
if [ "$ran" -eq 0 ]; then
  echo "fuzz-brief: no fuzz targets found" >&2
  exit 1
fi
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz-brief: ${#failed[@]} of $ran targets failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz-brief: $ran targets, ${secs}s each, no failure"
