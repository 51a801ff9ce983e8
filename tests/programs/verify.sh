#!/usr/bin/env bash
# Every corpus program's LLVM IR passes `opt -verify` (issue 3, Tests): the
# IR of each positive program (x.con with x.out or x.testout), and for
# x.testout also the IR of its --test runner.  A program that does not
# compile has no IR to verify: it is listed as SKIP (the programs suite
# counts it as a failure).
# Usage: tests/programs/verify.sh [PATTERN]   (PATTERN filters file names)
here=$(cd "$(dirname "$0")" && pwd)
bin=${CONCRETE_BIN:-$here/../../build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LLVM 14 reads opaque-pointer IR only when told to; later versions always do.
optflags=-verify
if opt --version 2>/dev/null | grep -q 'LLVM version 14\.'; then
	optflags="-opaque-pointers -verify"
fi
export bin work optflags

one() {
	src=$1
	base=${src%.con}
	name=$(basename "$base")
	if "$bin/concrete" "$src" --emit-llvm >"$work/$name.ll" 2>"$work/$name.cerr"; then
		if ! opt $optflags -disable-output "$work/$name.ll" 2>"$work/$name.verr"; then
			echo "FAIL $name: opt -verify:"; head -5 "$work/$name.verr"; return 1
		fi
	elif ! [ -f "$base.testout" ] || ! grep -q "no entry point" "$work/$name.cerr"; then
		# a test-only file has no main (LANGUAGE.md 6.3): only its runner is a program
		echo "SKIP $name: does not compile: $(grep -m1 . "$work/$name.cerr")"; return 0
	fi
	if [ -f "$base.testout" ]; then
		if ! "$bin/con-parse" "$src" 2>/dev/null | "$bin/con-emit" --test >"$work/$name.t.ll" 2>/dev/null; then
			echo "SKIP $name: the --test runner does not compile"; return 0
		fi
		if ! opt $optflags -disable-output "$work/$name.t.ll" 2>"$work/$name.verr"; then
			echo "FAIL $name (--test): opt -verify:"; head -5 "$work/$name.verr"; return 1
		fi
	fi
	echo "ok $name"
}
export -f one

for f in "$here"/*.con; do
	b=${f%.con}
	[ -f "$b.out" ] || [ -f "$b.testout" ] && echo "$f"
done | grep -- "${1:-.}" > "$work/list"
xargs -P 2 -I{} bash -c 'one "$1"' _ {} < "$work/list" > "$work/results" 2>&1
grep -v "^ok " "$work/results"
pass=$(grep -c '^ok ' "$work/results")
fail=$(grep -c '^FAIL ' "$work/results")
skip=$(grep -c '^SKIP ' "$work/results")
echo "verify: $pass passed, $fail failed, $skip skipped"
[ "$fail" = 0 ]
