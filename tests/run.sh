#!/usr/bin/env bash
# Runs every test suite and ends with one "N passed, N failed" line.
# Usage: tests/run.sh [SUITE...]   suites: unit parse bats programs catalogue verify valgrind fuzz asan
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/.." && pwd)
export CONCRETE_BIN=${CONCRETE_BIN:-$top/build/bin}
# Run as from a shell even under `make test`: tests that drive make read its
# messages, which a parent make's MAKELEVEL/MAKEFLAGS would change.
unset MAKEFLAGS MFLAGS MAKELEVEL MAKEOVERRIDES
suites=${*:-unit parse bats programs catalogue verify valgrind fuzz asan}
total_pass=0 total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# Adds a suite's counts from its closing "N passed, M failed" line; a suite
# that prints no such line counts as one failure.
count() {
	local name=$1 status=$2 line p f
	line=$(grep -E '[0-9]+ passed, [0-9]+ failed' "$log" | tail -1)
	if [ -z "$line" ]; then
		echo "$name: no result line (exit $status)"
		total_fail=$((total_fail + 1)); return
	fi
	p=$(echo "$line" | grep -oE '[0-9]+ passed' | grep -oE '[0-9]+')
	f=$(echo "$line" | grep -oE '[0-9]+ failed' | grep -oE '[0-9]+')
	if [ "$status" != 0 ] && [ "$f" = 0 ]; then f=1; fi
	total_pass=$((total_pass + p)); total_fail=$((total_fail + f))
}

run_suite() {
	local name=$1; shift
	echo "== $name"
	"$@" 2>&1 | tee "$log" | grep -vE '^ok ' ; local st=${PIPESTATUS[0]}
	count "$name" "$st"
}

bats_suite() {
	local files=("$here"/bats/*.bats) st
	bats --tap "${files[@]}" > "$log.tap" 2>&1; st=$?
	grep -E '^not ok|^#' "$log.tap" | head -200
	echo "bats: $(grep -c '^ok ' "$log.tap") passed, $(grep -c '^not ok ' "$log.tap") failed"
	rm -f "$log.tap"
	return $st
}

asan_suite() {
	make -s -C "$top" asan-build >/dev/null || { echo "asan: build failed"; echo "asan: 0 passed, 1 failed"; return 1; }
	# Tools allocate from an arena freed at exit by design: leaks are not bugs.
	ASAN_OPTIONS=detect_leaks=0:abort_on_error=0 CONCRETE_BIN=$top/build-asan/bin bats_suite
}

for s in $suites; do
	case $s in
	unit) run_suite unit bash "$here/unit/run.sh" ;;
	parse) run_suite parse bash "$here/parse/run.sh" ;;
	bats) run_suite bats bats_suite ;;
	programs) run_suite programs bash "$here/programs/run.sh" ;;
	catalogue) run_suite catalogue bash "$here/programs/catalogue.sh" ;;
	verify) run_suite verify bash "$here/programs/verify.sh" ;;
	valgrind) run_suite valgrind bash "$here/programs/valgrind.sh" ;;
	fuzz) run_suite fuzz bash "$here/fuzz/smoke.sh" ;;
	asan) run_suite asan asan_suite ;;
	*) echo "unknown suite $s"; total_fail=$((total_fail + 1)) ;;
	esac
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
