#!/usr/bin/env bash
# compare-exports.sh: do two builds of synoptic write the same bytes?
#
#   bash scripts/compare-exports.sh OLD_BINARY NEW_BINARY [STORY...]
#
# Runs every export format (with each --only filter and a second pair of
# articles where the format takes them) and the piped text rendering with
# both binaries on the built-in example story, each folder of
# ../shared/devset when present, a synthetic story from bench/gen, and any
# STORY given, then compares standard output, standard error and the exit
# status. Prints one line per difference and exits 1 when there is any.
# Review files next to the stories are read, never written: the export
# does not write them.
set -u
old=$1 new=$2
shift 2
here=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

stories=("")
for d in "$here"/../shared/devset/*/; do
	[ -d "$d" ] && stories+=("$d")
done
(cd "$here" && go run ./bench/gen -size 30KB -articles 3 -blank -o "$tmp/gen" >/dev/null) && stories+=("$tmp/gen")
stories+=("$@")

formats=$("$new" export --help 2>/dev/null | sed -n 's/.*output `\{0,1\}format`\{0,1\}: \(.*\) (default.*/\1/p; s/.*output format: \(.*\)/\1/p' | head -1 | tr -d ',')
if [ -z "$formats" ]; then
	formats="json txt md html ansi matrix-md matrix-html report-md report-html"
fi

runs=0 diffs=0
compare() { # compare ARGS...: one run of both binaries
	runs=$((runs + 1))
	"$old" "$@" >"$tmp/o.out" 2>"$tmp/o.err"
	echo $? >>"$tmp/o.out"
	"$new" "$@" >"$tmp/n.out" 2>"$tmp/n.err"
	echo $? >>"$tmp/n.out"
	if ! cmp -s "$tmp/o.out" "$tmp/n.out" || ! cmp -s "$tmp/o.err" "$tmp/n.err"; then
		diffs=$((diffs + 1))
		echo "differ: synoptic $*"
	fi
}

for s in "${stories[@]}"; do
	set -- # the story's paths: none for the built-in one
	[ -n "$s" ] && set -- "$s"
	compare "$@" # the text rendering of a pipe
	compare --width 70 "$@"
	for f in $formats; do
		for only in all changed single; do
			compare export --format "$f" --only "$only" "$@"
		done
		compare export --format "$f" --articles 1,0 --width 80 "$@"
		compare export --format "$f" --checks=false "$@"
	done
	compare export --articles 0,2 --format txt "$@"
	compare export --articles 0,2 --format html "$@"
done
echo "$runs runs, $diffs differ (formats: $formats)"
[ "$diffs" -eq 0 ]
