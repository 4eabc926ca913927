#!/usr/bin/env bash
# compare.sh times whole-process `synoptic export --format json` against the
# tools an editor would otherwise use, on the same pairs, in alternation
# (synoptic, git, dwdiff, icdiff, synoptic, git, …), each writing to a file,
# and prints medians, ratios and peak memory as a Markdown table.
#
#   bench/compare.sh                 # seed pair, 100KB, 1MB, 10MB per side
#   bench/compare.sh seed 10KB 1MB   # chosen sizes
#   bench/compare.sh 1MB-blank       # paragraphs separated by blank lines, as articles are
#   bench/compare.sh 20KBx2 20KBx5 20KBx10 20KBx20 20KBx50
#                                    # stories of N articles of 20 KB (synoptic alone:
#                                    # the peers compare two files)
#   ROUNDS=7 bench/compare.sh        # rounds per size (default 5; 3 at 10MB)
#   SYNOPTIC_FLAGS= bench/compare.sh # with the whole-story checks (default: --checks=false)
#   CGO=1 bench/compare.sh           # the dynamically linked build (default: static)
#
# Pairs are made by bench/gen (internal/benchdata): side B moves ~20% of
# side A's paragraphs, rewrites ~10% of the words, drops and adds ~5%.
# A peer that takes over LIMIT seconds (default 60) at a size is stopped,
# shown as "> 60 s", and skipped at larger sizes. Peak memory is the max RSS
# of one more synoptic run under /usr/bin/time -v, against the bytes of the
# input files, and that of the default export (with the whole-story checks).
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$PWD
WORK=${BENCH_DIR:-/tmp/synoptic-bench}
ROUNDS=${ROUNDS:-5}
# The export's own work (align + diff + JSON), as the targets measure it;
# SYNOPTIC_FLAGS= times the whole-story checks too.
SYNOPTIC_FLAGS=${SYNOPTIC_FLAGS---checks=false}
LIMIT=${LIMIT:-60}
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(seed 100KB 1MB 10MB)
mkdir -p "$WORK"

need=()
command -v git >/dev/null || need+=(git)
command -v dwdiff >/dev/null || need+=(dwdiff)
command -v icdiff >/dev/null || need+=(icdiff)
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing ${need[*]} …" >&2
	SUDO=; [ "$(id -u)" -eq 0 ] || SUDO=sudo
	$SUDO apt-get update -qq >&2 && $SUDO apt-get install -y -qq "${need[@]}" >&2
fi

# synoptic needs no C: built without cgo it is one static file, which
# starts without the dynamic loader and libc (about 1 ms and 1.5 MB less per
# process). CGO=1 bench/compare.sh times the default, dynamically linked build.
CGO=${CGO:-0}
echo "building synoptic (CGO_ENABLED=$CGO) …" >&2
CGO_ENABLED=$CGO go build -o "$WORK/synoptic" ./cmd/synoptic
go build -o "$WORK/gen" ./bench/gen

TOOLS=(synoptic git dwdiff icdiff)
declare -A skip=()

# run TOOL OUT A B [C...]: one whole-process run, output to OUT; the peers
# compare A and B.
run() {
	local tool=$1 out=$2 a=$3 b=$4
	case $tool in
	synoptic) "$WORK/synoptic" export --format json $SYNOPTIC_FLAGS "${@:3}" >"$out" ;;
	git) git diff --no-index --word-diff=color "$a" "$b" >"$out" || [ $? -eq 1 ] ;;
	dwdiff) dwdiff "$a" "$b" >"$out" || [ $? -eq 1 ] ;;
	icdiff) icdiff --cols 200 "$a" "$b" >"$out" || [ $? -eq 1 ] ;;
	esac
}
export -f run
export WORK SYNOPTIC_FLAGS

# timed TOOL FILES...: wall seconds of one run (empty when a peer is over
# LIMIT; synoptic itself always runs to the end).
timed() {
	local t0 t1 rc=0 limit=$LIMIT
	[ "$1" != synoptic ] || limit=3600
	t0=$EPOCHREALTIME
	timeout "$limit" /usr/bin/time -f "%U %S" -o "$WORK/cpu.$1" bash -c 'run "$@"' _ "$1" "$WORK/out.$1" "${@:2}" || rc=$?
	t1=$EPOCHREALTIME
	if [ $rc -eq 124 ]; then echo ""; return; fi
	[ $rc -eq 0 ] || { echo "$1 failed on $2 $3 (exit $rc)" >&2; exit 1; }
	echo "$t0 $t1 $(tail -1 "$WORK/cpu.$1")" | awk '{printf "%.4f %.2f", $2-$1, $3+$4}'
}

median() { sort -g | awk '{v[NR]=$1} END {if (NR==0) print ""; else if (NR%2) print v[(NR+1)/2]; else printf "%.4f\n", (v[NR/2]+v[NR/2+1])/2}'; }

fmt_t() { # seconds → "7 ms" / "1.23 s"
	[ -n "$1" ] || { echo "–"; return; }
	awk -v s="$1" 'BEGIN { if (s < 1) printf "%.0f ms", s*1000; else printf "%.2f s", s }'
}
ratio() { [ -n "$1" ] && [ -n "$2" ] && awk -v a="$1" -v b="$2" 'BEGIN{if (b > 0) printf "%.2f×", a/b; else print "–"}' || echo "–"; }

rows=()
for size in "${SIZES[@]}"; do
	spec=$size n=2 layout=()
	case $spec in *-blank) spec=${spec%-blank} layout=(-blank) ;; esac
	case $spec in *x*) n=${spec#*x} spec=${spec%x*} ;; esac
	if [ "$spec" = seed ]; then
		FILES=("$ROOT/corpus/seed/000_e089790fb26166d6.txt" "$ROOT/corpus/seed/002_fd43dd9d8c0cf55e.txt")
	else
		rm -rf "$WORK/story-$size"
		mapfile -t FILES < <("$WORK/gen" -size "$spec" -articles "$n" "${layout[@]}" -o "$WORK/story-$size")
	fi
	bytes=$(cat "${FILES[@]}" | wc -c)
	rounds=$ROUNDS
	case $spec in *MB) [ "${spec%MB}" -ge 10 ] && rounds=$((ROUNDS < 3 ? ROUNDS : 3)) ;; esac
	declare -A times=() cpus=()
	for t in "${TOOLS[@]}"; do times[$t]="" cpus[$t]=""; done
	echo "== $size: $bytes bytes in ${#FILES[@]} articles, $rounds rounds" >&2
	for ((r = 1; r <= rounds; r++)); do
		for t in "${TOOLS[@]}"; do
			[ -z "${skip[$t]:-}" ] || continue
			[ "$t" = synoptic ] || [ ${#FILES[@]} -eq 2 ] || continue # the peers compare two files
			read -r s c <<<"$(timed "$t" "${FILES[@]}")" || true
			if [ -z "$s" ]; then
				echo "   $t: over ${LIMIT} s, skipped from here on" >&2
				skip[$t]=$size
				continue
			fi
			times[$t]+="$s "
			cpus[$t]+="$c "
			echo "   round $r $t $(fmt_t "$s") (cpu $c s)" >&2
		done
	done
	declare -A med=() cmed=()
	for t in "${TOOLS[@]}"; do
		med[$t]=$(tr ' ' '\n' <<<"${times[$t]}" | grep . | median || true)
		cmed[$t]=$(tr ' ' '\n' <<<"${cpus[$t]}" | grep . | median || true)
	done
	# Peak memory of one more synoptic run, and of the default export
	# (whole-story checks on), whose peak is the checks' when they run.
	maxrss() {
		/usr/bin/time -v -o "$WORK/rss" "$WORK/synoptic" export --format json "$@" >"$WORK/out.synoptic"
		awk -F: '/Maximum resident set size/ {gsub(/ /, "", $2); print $2}' "$WORK/rss"
	}
	rss=$(maxrss $SYNOPTIC_FLAGS "${FILES[@]}")
	rssx=$(awk -v k="$rss" -v b="$bytes" 'BEGIN{printf "%.1f×", k*1024/b}')
	rssc=$rss
	[ -z "$SYNOPTIC_FLAGS" ] || rssc=$(maxrss "${FILES[@]}")
	rsscx=$(awk -v k="$rssc" -v b="$bytes" 'BEGIN{printf "%.1f×", k*1024/b}')
	cell() { if [ -n "${med[$1]}" ]; then fmt_t "${med[$1]}"; elif [ -n "${skip[$1]:-}" ]; then echo "> ${LIMIT} s (skipped)"; else echo "–"; fi; }
	rows+=("| $size | $(cell synoptic) | $(cell git) | $(cell dwdiff) | $(cell icdiff) | $(ratio "${med[synoptic]}" "${med[git]}") | $(ratio "${med[synoptic]}" "${med[dwdiff]}") | $(ratio "${med[synoptic]}" "${med[icdiff]}") | $((rss / 1024)) MB | $rssx | $((rssc / 1024)) MB ($rsscx) | $(fmt_t "${cmed[synoptic]}") / $(fmt_t "${cmed[git]}") = $(ratio "${cmed[synoptic]}" "${cmed[git]}") |")
	unset times cpus med cmed
done

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ //'), $(uname -sr); $(go version | cut -d' ' -f3); $(git --version); dwdiff $(dwdiff --version 2>&1 | head -1 | awk '{print $NF}'); icdiff $(icdiff --version 2>&1 | awk '{print $NF}')"
echo
echo "synoptic runs as: synoptic export --format json ${SYNOPTIC_FLAGS:-(no flags)} A B (built with CGO_ENABLED=$CGO)"
echo
echo "Wall time: median of the rounds. CPU: median user+sys seconds, synoptic / git (less sensitive to a busy machine)."
echo
echo "| size per article (xN: N articles) | synoptic export json | git diff --word-diff | dwdiff | icdiff --cols 200 | synoptic ÷ git | ÷ dwdiff | ÷ icdiff | synoptic max RSS | RSS ÷ input (all articles) | max RSS of the default export (checks on; ÷ input) | CPU synoptic / git |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
