#!/bin/sh
# Builds every libFuzzer target in tests/fuzz/ into build/fuzz/ and runs each
# for FUZZ_TIME seconds (default 20) from a small seed corpus.  Prints
# "fuzz NAME: ok" per target; exits non-zero if any target fails.
cd "$(dirname "$0")/../.." || exit 2
T=${FUZZ_TIME:-20}
out=build/fuzz
mkdir -p "$out"
CC=${FUZZ_CC:-clang}
FLAGS="-g -O1 -std=c11 -D_GNU_SOURCE -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Ilibir"
# libir without forward.c, which needs the check and lower passes
lib=$(ls libir/*.c | grep -v '/forward\.c$')
seeds=$out/seeds
rm -rf "$seeds" && mkdir -p "$seeds/stream" "$seeds/source"
# valid streams of every stage, from the schema-driven sample generator
cc -std=c11 -D_GNU_SOURCE -Ilibir -Itests/unit tests/unit/mkstreams.c libir/arena.c libir/intern.c \
	libir/module.c libir/stream.c libir/names.c -lmsgpackc -o "$out/mkstreams" || exit 1
"$out/mkstreams" "$seeds/stream" || exit 1
for f in tests/programs/*.con; do
	[ -f "$f" ] || continue
	cp "$f" "$seeds/source/"
	[ -x build/bin/con-parse ] && build/bin/con-parse "$f" > "$seeds/stream/$(basename "$f").ast" 2>/dev/null
done
ls "$seeds/source" | grep -q . || printf 'fn main() -> Int {\n    return 0;\n}\n' > "$seeds/source/min.con"

fail=0 pass=0
for src in tests/fuzz/fuzz_*.c; do
	[ -f "$src" ] || continue
	name=$(basename "$src" .c)
	extra=""
	seed=$seeds/stream
	case $name in
	fuzz_parse) extra=$(ls tools/con-parse/*.c | grep -v '/main\.c$'); seed=$seeds/source ;;
	esac
	if ! $CC $FLAGS "$src" $lib $extra -lmsgpackc -o "$out/$name" 2>"$out/$name.build.log"; then
		echo "fuzz $name: build failed"; sed 's/^/  /' "$out/$name.build.log" | head -20
		fail=1
		continue
	fi
	corpus=$out/corpus-$name
	mkdir -p "$corpus"
	if ASAN_OPTIONS=detect_leaks=0 "$out/$name" -max_total_time="$T" -timeout=10 -rss_limit_mb=2048 \
		-artifact_prefix="$out/$name-" "$corpus" "$seed" >"$out/$name.log" 2>&1; then
		echo "fuzz $name: ok"
		pass=$((pass + 1))
	else
		echo "fuzz $name: FAILED (see $out/$name.log)"
		grep -E "ERROR|SUMMARY|Test unit written" "$out/$name.log" | head -5
		fail=1
	fi
done
echo "fuzz: $pass passed, $(( $(ls tests/fuzz/fuzz_*.c | wc -l) - pass )) failed"
exit $fail
