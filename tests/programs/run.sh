#!/usr/bin/env bash
# The program corpus: x.con with x.out (expected stdout, exact), x.testout
# (expected stdout of `concrete x.con --test`, exact; the exit status must be
# 1 when it has a FAIL: line, else 0) or x.err (a key phrase that stderr must
# contain, grep -F).  Each positive program is
# built optimised and with CONCRETE_O=0 and must print the same in both.
# Usage: tests/programs/run.sh [PATTERN]   (PATTERN filters file names)
here=$(cd "$(dirname "$0")" && pwd)
bin=${CONCRETE_BIN:-$here/../../build/bin}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export bin work

# A project (projects/NAME/Concrete.toml + main.out or main.err), built
# with `concrete build` in a copy, so that its build/ stays out of the tree.
project() {
	name=$(basename "$(dirname "$1")") dir=$work/$(basename "$(dirname "$1")").proj
	cp -R "$(dirname "$1")" "$dir"
	if [ -f "$dir/main.out" ]; then
		for o in 2 0; do
			if ! (cd "$dir" && CONCRETE_O=$o "$bin/concrete" build -o "$work/$name.$o") >/dev/null 2>"$work/$name.cerr"; then
				echo "FAIL $name (O$o): does not build:"; head -5 "$work/$name.cerr"; return 1
			fi
			{ timeout 10 "$work/$name.$o" >"$work/$name.stdout" 2>/dev/null; } 2>/dev/null
			cmp -s "$work/$name.stdout" "$dir/main.out" || { echo "FAIL $name (O$o): output differs"; return 1; }
		done
	elif (cd "$dir" && "$bin/concrete" build -o "$work/$name") >/dev/null 2>"$work/$name.cerr"; then
		echo "FAIL $name: built, expected an error containing: $(head -1 "$dir/main.err")"; return 1
	elif ! grep -qF -- "$(head -1 "$dir/main.err")" "$work/$name.cerr"; then
		echo "FAIL $name: stderr lacks '$(head -1 "$dir/main.err")':"; head -5 "$work/$name.cerr"; return 1
	fi
	echo "ok $name"
}
export -f project

one() {
	src=$1
	case $src in */Concrete.toml) project "$src"; return ;; esac
	base=${src%.con}
	name=$(basename "$base")
	# a program with `mod x;` files: mod_files/NAME/main.con (+ main.out/.err)
	[ "$name" = main ] && name=$(basename "$(dirname "$base")")
	exe=$work/$name
	if [ -f "$base.out" ]; then
		for o in 2 0; do
			if ! CONCRETE_O=$o "$bin/concrete" "$src" -o "$exe.$o" >/dev/null 2>"$work/$name.cerr"; then
				echo "FAIL $name (O$o): does not compile:"; head -5 "$work/$name.cerr"; return 1
			fi
			# programs that abort on purpose must not make bash report it
			{ timeout 10 "$exe.$o" >"$work/$name.stdout" 2>/dev/null; } 2>/dev/null
			if ! cmp -s "$work/$name.stdout" "$base.out"; then
				echo "FAIL $name (O$o): output differs:"
				diff "$base.out" "$work/$name.stdout" | head -10; return 1
			fi
		done
	elif [ -f "$base.testout" ]; then
		# test mode: the runner's exact stdout; it exits 1 iff a test failed
		want=0
		grep -q '^FAIL: ' "$base.testout" && want=1
		for o in 2 0; do
			CONCRETE_O=$o timeout 20 "$bin/concrete" "$src" --test >"$work/$name.stdout" 2>"$work/$name.cerr"
			st=$?
			if ! cmp -s "$work/$name.stdout" "$base.testout"; then
				echo "FAIL $name (--test, O$o): output differs:"
				head -3 "$work/$name.cerr"; diff "$base.testout" "$work/$name.stdout" | head -10; return 1
			fi
			if [ "$st" != "$want" ]; then
				echo "FAIL $name (--test, O$o): exit status $st, expected $want"; return 1
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
		echo "FAIL $name: none of $name.out, $name.testout, $name.err"; return 1
	fi
	echo "ok $name"
}
export -f one

ls "$here"/*.con "$here"/mod_files/*/main.con "$here"/projects/*/Concrete.toml 2>/dev/null | grep -- "${1:-.}" > "$work/list"
# Two at a time: the machines have two cores.
xargs -P 2 -I{} bash -c 'one "$1"' _ {} < "$work/list" > "$work/results" 2>&1
grep -v '^ok ' "$work/results"
pass=$(grep -c '^ok ' "$work/results")
fail=$(grep -c '^FAIL ' "$work/results")
echo "programs: $pass passed, $fail failed"
[ "$fail" = 0 ]
