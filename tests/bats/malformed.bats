#!/usr/bin/env bats
# Every tool that reads a stream rejects malformed input with exit status 2
# and exactly one line on stderr naming the problem; none of them crashes.
# (con-link reads objects and .ll files, not streams, so it is not here.)

bats_require_minimum_version 1.5.0

setup_file() {
	ROOT=$BATS_TEST_DIRNAME/../..
	S=$BATS_FILE_TMPDIR/streams
	mkdir -p "$S"
	# the samples come from the schema itself, so they need no parser
	cc -std=c11 -D_GNU_SOURCE -I"$ROOT/libir" -I"$ROOT/tests/unit" "$ROOT/tests/unit/mkstreams.c" \
		"$ROOT/libir/arena.c" "$ROOT/libir/intern.c" "$ROOT/libir/module.c" \
		"$ROOT/libir/stream.c" "$ROOT/libir/names.c" -lmsgpackc -o "$BATS_FILE_TMPDIR/mkstreams"
	"$BATS_FILE_TMPDIR/mkstreams" "$S"
}

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	S=$BATS_FILE_TMPDIR/streams
}

# reject TOOL SAMPLE PHRASE: exit 2, one stderr line "TOOL: ...PHRASE..."
reject() {
	run --separate-stderr "$BIN/$1" "$S/$2"
	[ "$status" -eq 2 ] || { echo "status $status: $stderr"; return 1; }
	[ "${#stderr_lines[@]}" -eq 1 ] || { echo "stderr: $stderr"; return 1; }
	[[ "$stderr" == "$1: "*"$3"* ]] || { echo "stderr: $stderr"; return 1; }
	# and the same from stdin
	run --separate-stderr sh -c '"$1" < "$2"' sh "$BIN/$1" "$S/$2"
	[ "$status" -eq 2 ] && [ "${#stderr_lines[@]}" -eq 1 ] && [[ "$stderr" == *"$3"* ]] \
		|| { echo "stdin: status $status: $stderr"; return 1; }
}

every_tool() {
	for t in con-check con-lower con-emit con-dump; do
		reject "$t" "$1" "$2" || { echo "tool $t"; return 1; }
	done
}

@test "empty input" { every_tool empty.bin "empty input"; }
@test "garbage bytes" { every_tool garbage.bin "malformed stream"; }
@test "truncated stream" { every_tool truncated.bin "truncated"; }
@test "trailing bytes after a stream" { every_tool trailing.bin "trailing garbage"; }
@test "wrong magic" { every_tool bad-magic.bin "not a Concrete stream"; }
@test "unknown stage" { every_tool bad-stage.bin "unknown stage 'zzz'"; }
@test "wrong schema version" { every_tool bad-schema.bin "schema version"; }
@test "node index out of range" { every_tool bad-node.bin "refers to node 99999"; }

@test "an IR stream where an earlier stage is wanted" {
	for t in con-check con-lower; do
		reject "$t" ir.bin "ir" || { echo "tool $t"; return 1; }
	done
}

@test "source text given to a stream tool" {
	for t in con-lower con-emit con-dump; do
		reject "$t" text.bin "did you mean con-parse?" || { echo "tool $t"; return 1; }
	done
}

@test "a missing file" {
	for t in con-check con-lower con-emit con-dump; do
		run --separate-stderr "$BIN/$t" "$S/no-such-file"
		[ "$status" -eq 2 ] && [ "${#stderr_lines[@]}" -eq 1 ] \
			&& [[ "$stderr" == "$t: cannot read '$S/no-such-file': No such file or directory" ]] \
			|| { echo "$t: $status $stderr"; return 1; }
	done
}

@test "a real stream truncated at many offsets" {
	[ -x "$BIN/con-parse" ] || skip "con-parse not built"
	printf 'fn add(a: Int, b: Int) -> Int { return a + b; }\nfn main() -> Int { return add(1, 2); }\n' > "$BATS_TEST_TMPDIR/p.con"
	"$BIN/con-parse" "$BATS_TEST_TMPDIR/p.con" > "$BATS_TEST_TMPDIR/p.ast"
	n=$(wc -c < "$BATS_TEST_TMPDIR/p.ast")
	for cut in 1 2 7 20 $((n / 3)) $((n / 2)) $((n - 1)); do
		head -c "$cut" "$BATS_TEST_TMPDIR/p.ast" > "$BATS_TEST_TMPDIR/cut"
		for t in con-check con-lower con-emit con-dump; do
			run --separate-stderr "$BIN/$t" "$BATS_TEST_TMPDIR/cut"
			[ "$status" -eq 2 ] && [ "${#stderr_lines[@]}" -eq 1 ] \
				|| { echo "$t cut $cut: $status $stderr"; return 1; }
		done
	done
}
