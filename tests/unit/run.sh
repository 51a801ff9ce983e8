#!/bin/sh
# Builds each tests/unit/test_*.c against libir and runs it; prints one line
# per failure, one summary line per file and a final "N passed, M failed".
# CC and CFLAGS may be overridden (e.g. CFLAGS=-fsanitize=address,undefined).
cd "$(dirname "$0")/../.." || exit 2
CC=${CC:-cc}
CFLAGS=${CFLAGS:--O1 -g}
out=${UNIT_OUT:-build/unit}
mkdir -p "$out"
# libir sources only (forward.c references the passes, which unit tests omit)
srcs=$(ls libir/*.c | grep -v '/forward\.c$')
pass=0 fail=0
for t in tests/unit/test_*.c; do
	name=$(basename "$t" .c)
	if ! $CC -std=c11 -Wall -Wextra -Wno-unused-parameter -D_GNU_SOURCE $CFLAGS -Ilibir -Itests/unit \
		"$t" $srcs -lmsgpackc -o "$out/$name" 2>"$out/$name.log"; then
		echo "unit $t: build failed:"; sed 's/^/  /' "$out/$name.log" | head -20
		fail=$((fail + 1))
		continue
	fi
	res=$(ASAN_OPTIONS=detect_leaks=0 "$out/$name" 2>&1)
	status=$?
	printf '%s\n' "$res"
	p=$(printf '%s\n' "$res" | sed -n 's/^unit .*: \([0-9]*\) passed, \([0-9]*\) failed$/\1/p' | tail -1)
	f=$(printf '%s\n' "$res" | sed -n 's/^unit .*: \([0-9]*\) passed, \([0-9]*\) failed$/\2/p' | tail -1)
	if [ -z "$p" ]; then
		echo "unit $t: crashed (status $status)"
		fail=$((fail + 1))
		continue
	fi
	pass=$((pass + p))
	fail=$((fail + f))
	[ "$status" = 0 ] || [ "$f" != 0 ] || { echo "unit $t: exit status $status"; fail=$((fail + 1)); }
done
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
