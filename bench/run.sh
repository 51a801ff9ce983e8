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

# Incremental builds (issue 5): a generated program of 50 module files of
# about 100k lines in all, built by the driver through pipeline.mk.
mlines=${BENCH_MODULE_LINES:-100000}
mdir=$out/mods
rm -rf "$mdir" "$out/tmp"
python3 "$top/bench/gen_source.py" --modules 50 "$mlines" "$mdir" || exit 2
mkdir -p "$out/tmp"
# wall time in ns of one driver build of the module program
drive() {
	t0=$(now)
	(cd "$mdir" && TMPDIR=$out/tmp "$bin/concrete" main.con -o prog > /dev/null) ||
		{ echo "bench: build failed" >&2; exit 1; }
	echo $(( $(now) - t0 ))
}
clean_build() {
	rm -rf "$out/tmp"/concrete-*
	CONCRETE_JOBS=$1 drive
}
full1=$(clean_build 1)
full2=$(clean_build 2)
noop=$(best drive)
# one function body in one leaf module (its interface does not change)
sed -i '0,/return a + b;/s//return a + b + 1;/' "$mdir/g3_1.con"
edit=$(CONCRETE_JOBS=2 drive)
mfiles=$(ls "$mdir"/*.con | wc -l)
mtotal=$(cat "$mdir"/*.con | wc -l)
awk -v f1="$full1" -v f2="$full2" -v no="$noop" -v ed="$edit" -v n="$mfiles" -v l="$mtotal" 'BEGIN {
	printf "incremental: %d files (main + 50 modules), %d lines\n", n, l
	printf "  full build -j1: %.2f s\n", f1 / 1e9
	printf "  full build -j2: %.2f s (%.2fx faster than -j1; goal 1.7x)\n", f2 / 1e9, f1 / f2
	printf "  no-op rebuild:  %.1f ms (%.3f%% of the -j2 full build)\n", no / 1e6, 100 * no / f2
	printf "  one-body edit:  %.3f s (%.2f%% of the -j2 full build; goal under 5%%)\n", ed / 1e9, 100 * ed / f2
}'
