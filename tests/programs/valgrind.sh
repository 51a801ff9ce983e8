#!/usr/bin/env bash
# A sample of the corpus runs under valgrind with no invalid reads or writes
# (issue 3, Tests).  The sample is chosen by name so that new programs join
# it by themselves: those about strings, Vec, the heap, structs, enums,
# arrays and the big mixed programs (SAMPLE, an extended regex), spread
# evenly down to at most MAX programs.  Each is built without optimisation
# (CONCRETE_O=0: every load and store stays) and run under memcheck; leaks
# are not errors (programs may end without freeing).  A program that does
# not compile is listed as SKIP (the programs suite counts it as a failure).
# Usage: tests/programs/valgrind.sh [PATTERN]   (PATTERN filters the sample)
here=$(cd "$(dirname "$0")" && pwd)
bin=${CONCRETE_BIN:-$here/../../build/bin}
SAMPLE=${SAMPLE:-'str|vec|heap|struct|big_|alloc|enum|array'}
MAX=${MAX:-25}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export bin work

if ! command -v valgrind >/dev/null 2>&1; then
	echo "valgrind: not installed (tests/setup.sh installs it)"
	echo "valgrind: 0 passed, 1 failed"; exit 1
fi

one() {
	src=$1
	base=${src%.con}
	name=$(basename "$base")
	exe=$work/$name
	if ! CONCRETE_O=0 "$bin/concrete" "$src" -o "$exe" >/dev/null 2>"$work/$name.cerr"; then
		echo "SKIP $name: does not compile: $(grep -m1 . "$work/$name.cerr")"; return 0
	fi
	timeout 120 valgrind -q --error-exitcode=99 --leak-check=no --log-file="$work/$name.vg" \
		"$exe" >"$work/$name.stdout" 2>/dev/null
	st=$?
	if [ $st = 99 ] || grep -q 'Invalid \(read\|write\)' "$work/$name.vg"; then
		echo "FAIL $name: valgrind reports errors:"; grep -m5 -E 'Invalid|uninitialised|at 0x' "$work/$name.vg"; return 1
	fi
	if [ $st = 124 ]; then
		echo "FAIL $name: timed out under valgrind"; return 1
	fi
	echo "ok $name"
}
export -f one

ls "$here"/*.con | while read -r f; do [ -f "${f%.con}.out" ] && echo "$f"; done |
	grep -E -- "/[^/]*($SAMPLE)[^/]*\.con$" | grep -- "${1:-.}" > "$work/all"
# Spread the sample evenly over the matches (deterministic for a corpus).
total=$(wc -l < "$work/all")
awk -v t="$total" -v m="$MAX" 't <= m || int(NR * m / t) != int((NR - 1) * m / t)' "$work/all" > "$work/list"
xargs -P 2 -I{} bash -c 'one "$1"' _ {} < "$work/list" > "$work/results" 2>&1
grep -v '^ok ' "$work/results"
pass=$(grep -c '^ok ' "$work/results")
fail=$(grep -c '^FAIL ' "$work/results")
skip=$(grep -c '^SKIP ' "$work/results")
echo "valgrind: $pass passed, $fail failed, $skip skipped (sample of $(wc -l < "$work/list") from $total)"
[ "$fail" = 0 ]
