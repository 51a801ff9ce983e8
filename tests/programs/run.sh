#!/usr/bin/env bash
# The program corpus: x.con with x.out (expected stdout, exact) or x.err (a
# key phrase that stderr must contain, grep -F).  Each positive program is
# built optimised and with CONCRETE_O=0 and must print the same in both.
# Usage: tests/programs/run.sh [PATTERN]   (PATTERN filters file names)
here=$(cd "$(dirname "$0")" && pwd)
bin=${CONCRETE_BIN:-$here/../../build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export bin work

one() {
	src=$1
	base=${src%.con}
	name=$(basename "$base")
	exe=$work/$name
	if [ -f "$base.out" ]; then
		for o in 2 0; do
			if ! CONCRETE_O=$o "$bin/concrete" "$src" -o "$exe.$o" >/dev/null 2>"$work/$name.cerr"; then
				echo "FAIL $name (O$o): does not compile:"; head -5 "$work/$name.cerr"; return 1
			fi
			timeout 10 "$exe.$o" >"$work/$name.stdout" 2>/dev/null
			if ! cmp -s "$work/$name.stdout" "$base.out"; then
				echo "FAIL $name (O$o): output differs:"
				diff "$base.out" "$work/$name.stdout" | head -10; return 1
			fi
		done
	elif [ -f "$base.err" ]; then
		if "$bin/concrete" "$src" -o "$exe" >/dev/null 2>"$work/$name.cerr"; then
			echo "FAIL $name: compiled, expected an error containing: $(cat "$base.err")"; return 1
		fi
		if ! grep -qF -- "$(head -1 "$base.err")" "$work/$name.cerr"; then
			echo "FAIL $name: stderr lacks '$(head -1 "$base.err")':"; head -5 "$work/$name.cerr"; return 1
		fi
		if grep -q 'Sanitizer\|Segmentation\|core dumped' "$work/$name.cerr"; then
			echo "FAIL $name: the compiler crashed"; return 1
		fi
	else
		echo "FAIL $name: neither $name.out nor $name.err"; return 1
	fi
	echo "ok $name"
}
export -f one

ls "$here"/*.con | grep -- "${1:-.}" > "$work/list"
# Two at a time: the machines have two cores.
xargs -P 2 -I{} bash -c 'one "$1"' _ {} < "$work/list" > "$work/results" 2>&1
grep -v '^ok ' "$work/results"
pass=$(grep -c '^ok ' "$work/results")
fail=$(grep -c '^FAIL ' "$work/results")
echo "programs: $pass passed, $fail failed"
[ "$fail" = 0 ]
