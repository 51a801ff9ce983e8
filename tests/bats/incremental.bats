#!/usr/bin/env bats
# Incremental builds through pipeline.mk (issue 5, docs/pipeline.md): a
# generated 20-module program (bench/gen_source.py --modules), no-op and
# one-edit rebuilds, interrupted builds, deleted cache files, reproducible
# .ll, error paths, variants, and the example Makefile project.

setup() {
	TOP=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	BIN=${CONCRETE_BIN:-$TOP/build/bin}
	PMK=$BIN/../share/concrete/pipeline.mk
	T=$(mktemp -d)
	# the driver's per-source cache goes under TMPDIR: keep it in $T
	export TMPDIR=$T/tmp
	mkdir -p "$TMPDIR"
	unset CONCRETE_O CONCRETE_JOBS
	export LC_ALL=C
}

teardown() {
	rm -rf "$T"
}

# 20 module files (4 groups gK declared by main, each declaring 4 leaves
# gK_J), one unit of code each.
gen() {
	python3 "$TOP/bench/gen_source.py" --modules 20 500 "$T/p"
}

build() {
	(cd "$T/p" && "$BIN/concrete" main.con -o prog)
}

cache() {
	echo "$TMPDIR"/concrete-*/*-main.con
}

# make as the driver runs it, with extra arguments (--trace, -n, -q)
pmake() {
	(cd "$T/p" && make -r --no-print-directory -f "$PMK" SRC=main.con C="$(cache)" BIN="$BIN" OUT=prog "$@" prog)
}

# name and mtime of every cache file
stamps() {
	(cd "$(cache)" && find . -type f -printf '%P %T@\n' | sort)
}

# stage files whose mtime changed (or that appeared) since stamps file $1
changed() {
	stamps > "$T/after"
	comm -13 "$1" "$T/after" | cut -d' ' -f1 | grep -E '\.(ast|chk|iface|ir|ll|o)$' | sort
}

@test "a no-op rebuild of a 20-module program runs no tool, in under 50 ms" {
	gen
	run build
	[ "$status" -eq 0 ]
	[ "$(ls "$T/p"/*.con | wc -l)" -eq 21 ]
	stamps > "$T/before"
	# make's own view: nothing to remake, nothing it would run
	run pmake --trace
	[ "$status" -eq 0 ]
	[ "$output" = "make: 'prog' is up to date." ]
	run pmake -n
	[ "$output" = "make: 'prog' is up to date." ]
	run pmake -q
	[ "$status" -eq 0 ]
	run pmake -d
	[[ "$output" != *"Must remake target"*".con"* ]]
	[[ "$output" != *"Must remake target"*"prog"* ]]
	# the driver, timed: best of up to 5 runs (the machine may be loaded)
	best=999999
	for i in 1 2 3 4 5; do
		t0=$(date +%s%N)
		(cd "$T/p" && "$BIN/concrete" main.con -o prog) > /dev/null
		t=$(( ($(date +%s%N) - t0) / 1000000 ))
		[ "$t" -lt "$best" ] && best=$t
		[ "$best" -lt 50 ] && break
	done
	echo "no-op rebuild: $best ms"
	[ "$best" -lt 50 ]
	stamps > "$T/after"
	cmp "$T/before" "$T/after"
}

@test "a function-body edit re-runs that module's stages and the link only" {
	gen
	build
	stamps > "$T/before"
	sleep 0.01
	sed -i '0,/return a + b;/s//return a + b + 1;/' "$T/p/g1_2.con"
	run build
	[ "$status" -eq 0 ]
	run changed "$T/before"
	[ "$output" = "$(printf '%s\n' main.g1.g1_2.O2.o main.g1.g1_2.ast main.g1.g1_2.chk main.g1.g1_2.ir main.g1.g1_2.ll)" ]
	# the interface did not change, so no importer was re-checked
	[[ "$output" != *iface* ]]
	# and the program is the one a clean build makes
	(cd "$T/p" && ./prog) > "$T/incr.out"
	rm -rf "$(cache)"
	build
	(cd "$T/p" && ./prog) > "$T/clean.out"
	cmp "$T/incr.out" "$T/clean.out"
}

@test "a public-signature edit re-checks exactly the modules that import it" {
	gen
	build
	stamps > "$T/before"
	sleep 0.01
	printf 'pub fn extra(n: i64) -> i64 {\n    return n;\n}\n' >> "$T/p/g1_2.con"
	run build
	[ "$status" -eq 0 ]
	run changed "$T/before"
	checked=$(echo "$output" | grep '\.chk$' | tr '\n' ' ')
	# g1 declares g1_2; main declares g1, whose interface carries g1_2's
	# public items; no sibling or other group is re-checked
	[ "$checked" = "main.chk main.g1.chk main.g1.g1_2.chk " ]
	[[ "$output" == *main.g1.g1_2.iface* ]]
	# a signature edit in a group re-checks the group and main only
	stamps > "$T/before"
	sleep 0.01
	printf 'pub fn extra(n: i64) -> i64 {\n    return n;\n}\n' >> "$T/p/g2.con"
	run build
	[ "$status" -eq 0 ]
	run changed "$T/before"
	checked=$(echo "$output" | grep '\.chk$' | tr '\n' ' ')
	[ "$checked" = "main.chk main.g2.chk " ]
}

@test "a build killed during llc leaves nothing stale: the next build is correct" {
	gen
	build
	(cd "$T/p" && ./prog) > "$T/clean.out"
	c=$(cache)
	sed -i '0,/return a + b;/s//return a + b + 5;/' "$T/p/g0_1.con"
	sed -i '0,/return a + b;/s//return a + b + 7;/' "$T/p/g3.con"
	(cd "$T/p" && CONCRETE_JOBS=1 "$BIN/concrete" main.con -o prog > "$T/killed.log" 2>&1) &
	pid=$!
	killed=0
	for i in $(seq 1 2000); do
		llc=$(pgrep -f "llc .*$c/" | head -1)
		if [ -n "$llc" ]; then
			kill -9 "$llc" && killed=1
			break
		fi
		sleep 0.005
	done
	wait "$pid" || true
	[ "$killed" -eq 1 ]
	run build
	[ "$status" -eq 0 ]
	run pmake --trace
	[ "$output" = "make: 'prog' is up to date." ]
	(cd "$T/p" && ./prog) > "$T/incr.out"
	rm -rf "$c"
	build
	(cd "$T/p" && ./prog) > "$T/fresh.out"
	cmp "$T/incr.out" "$T/fresh.out"
	! cmp -s "$T/clean.out" "$T/fresh.out"
}

@test "deleting any cache file, then rebuilding, gives the right program" {
	gen
	build
	(cd "$T/p" && ./prog) > "$T/clean.out"
	c=$(cache)
	for f in main.g1.g1_2.iface main.g1.chk main.g2.iface main.g0.g0_0.O2.o main.ll \
		main.g3.ir main.g2.g2_1.ast main.mods.mk main.link.mk main.chk main.O2.o; do
		rm "$c/$f"
		run build
		echo "after deleting $f: $output"
		[ "$status" -eq 0 ]
		[ -e "$c/$f" ]
		(cd "$T/p" && ./prog) > "$T/out"
		cmp "$T/clean.out" "$T/out"
	done
	# edits after the deletions, one of them to a module whose interface
	# is gone, still give what a clean build gives
	sed -i '0,/return a + b;/s//return a + b + 2;/' "$T/p/g1_2.con"
	sed -i '0,/return a + b;/s//return a + b + 3;/' "$T/p/g0_0.con"
	rm "$c/main.g1.g1_2.iface" "$c/main.g3.g3_1.ll"
	run build
	[ "$status" -eq 0 ]
	[ -e "$c/main.g1.g1_2.iface" ]
	run pmake --trace
	[ "$output" = "make: 'prog' is up to date." ]
	(cd "$T/p" && ./prog) > "$T/incr.out"
	rm -rf "$c"
	build
	(cd "$T/p" && ./prog) > "$T/fresh.out"
	cmp "$T/incr.out" "$T/fresh.out"
}

@test "two clean builds produce byte-identical .ll files" {
	gen
	build
	mkdir "$T/ll1"
	cp "$(cache)"/*.ll "$T/ll1/"
	rm -rf "$TMPDIR"/concrete-*
	CONCRETE_JOBS=2 build
	n=0
	for f in "$T/ll1"/*.ll; do
		cmp "$f" "$(cache)/$(basename "$f")"
		n=$((n + 1))
	done
	[ "$n" -eq 21 ]
}

@test "an error in one module file is reported with that file's path" {
	mkdir -p "$T/e/sub"
	printf 'mod util;\nfn main() -> Int {\n    return util::f();\n}\n' > "$T/e/main.con"
	printf 'mod sub;\npub fn f() -> Int {\n    return sub::g();\n}\n' > "$T/e/util.con"
	printf 'pub fn g() -> Int {\n    return 1;\n}\n' > "$T/e/sub.con"
	run "$BIN/concrete" "$T/e/main.con" -o "$T/e/prog"
	[ "$status" -eq 0 ]
	printf 'pub fn g() -> Int {\n    let x: Int = true;\n    return x;\n}\n' > "$T/e/sub.con"
	run "$BIN/concrete" "$T/e/main.con" -o "$T/e/prog"
	[ "$status" -ne 0 ]
	[[ "${lines[0]}" == *"/e/sub.con:2:"*"type mismatch"* ]]
	[[ "$output" != *"util.con:"* ]]
	[[ "$output" != *"make"* ]]
}

@test "switching the optimisation level or the test variant relinks; switching back too" {
	gen
	build
	run pmake --trace
	[ "$output" = "make: 'prog' is up to date." ]
	(cd "$T/p" && CONCRETE_O=0 "$BIN/concrete" main.con -o prog)
	grep -q 'prog := .O0$' "$(cache)/main.link.mk"
	t0=$(stat -c %y "$T/p/prog")
	build
	grep -q 'prog := .O2$' "$(cache)/main.link.mk"
	[ "$(stat -c %y "$T/p/prog")" != "$t0" ]
	run pmake --trace
	[ "$output" = "make: 'prog' is up to date." ]
	# the test runner is its own OUT: building it leaves prog up to date
	(cd "$T/p" && "$BIN/concrete" main.con --test)
	run pmake --trace
	[ "$output" = "make: 'prog' is up to date." ]
}

@test "the example project builds from its own Makefile, in parallel, and rebuilds nothing" {
	cp -r "$TOP/examples/incremental" "$T/ex"
	rm -rf "$T/ex/build" "$T/ex/app"
	run make -C "$T/ex" -s -j2 PIPELINE="$PMK" BIN="$BIN"
	[ "$status" -eq 0 ]
	run "$T/ex/app"
	[ "$output" = "$(printf '42\n6\n10\n0')" ]
	run make -C "$T/ex" --no-print-directory --trace PIPELINE="$PMK" BIN="$BIN"
	[ "$output" = "make: Nothing to be done for 'all'." ]
	[ -e "$T/ex/build/main.shapes.unit.iface" ]
}
