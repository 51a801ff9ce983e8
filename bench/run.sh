#!/bin/sh
# make bench: con-parse on a generated ~100k-line program against
# `clang -fsyntax-only` on a C program of the same shape, best of 3 each.
top=$(cd "$(dirname "$0")/.." && pwd)
bin=${CONCRETE_BIN:-$top/build/bin}
out=$top/build/bench
lines=${BENCH_LINES:-100000}
mkdir -p "$out" || exit 2
python3 "$top/bench/gen_source.py" "$lines" "$out/big.con" "$out/big.c" || exit 2

now() { date +%s%N; }
# best wall time in ns of three runs of "$@"
best() {
	b=0
	for i in 1 2 3; do
		t0=$(now)
		"$@" || { echo "bench: command failed: $*" >&2; exit 1; }
		t=$(( $(now) - t0 ))
		if [ $b = 0 ] || [ $t -lt $b ]; then b=$t; fi
	done
	echo $b
}

srclines=$(wc -l < "$out/big.con")
srcbytes=$(wc -c < "$out/big.con")
cp_ns=$(best "$bin/con-parse" -o "$out/big.ast" "$out/big.con")
astbytes=$(wc -c < "$out/big.ast")
clang_ns=$(best clang -fsyntax-only "$out/big.c")
clines=$(wc -l < "$out/big.c")
awk -v l="$srclines" -v sb="$srcbytes" -v ab="$astbytes" -v t="$cp_ns" -v ct="$clang_ns" -v cl="$clines" 'BEGIN {
	s = t / 1e9; cs = ct / 1e9
	printf "con-parse: %d lines (%.1f MB) in %.3f s: %.0f lines/s, %.1f MB/s of msgpack written (%.1f MB)\n", l, sb / 1e6, s, l / s, ab / 1e6 / s, ab / 1e6
	printf "clang -fsyntax-only: %d lines in %.3f s: %.0f lines/s\n", cl, cs, cl / cs
	ratio = (l / s) / (cl / cs)
	printf "con-parse is %.1fx faster than clang -fsyntax-only per line (goal: 10x)\n", ratio
}'
