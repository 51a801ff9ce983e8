#!/usr/bin/env bats
# con-dump: prints any stream as text or JSON, and the schema as markdown.

bats_require_minimum_version 1.5.0

setup_file() {
	ROOT=$BATS_TEST_DIRNAME/../..
	S=$BATS_FILE_TMPDIR/streams
	mkdir -p "$S"
	cc -std=c11 -D_GNU_SOURCE -I"$ROOT/libir" -I"$ROOT/tests/unit" "$ROOT/tests/unit/mkstreams.c" \
		"$ROOT/libir/arena.c" "$ROOT/libir/intern.c" "$ROOT/libir/module.c" \
		"$ROOT/libir/stream.c" "$ROOT/libir/names.c" -lmsgpackc -o "$BATS_FILE_TMPDIR/mkstreams"
	"$BATS_FILE_TMPDIR/mkstreams" "$S"
}

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	ROOT=$BATS_TEST_DIRNAME/../..
	S=$BATS_FILE_TMPDIR/streams
	T=$BATS_TEST_TMPDIR
}

@test "text dump of every stage names the stage and the root" {
	run "$BIN/con-dump" "$S/ast.bin"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == 'module "main" stage ast source "tests/sample.con"'* ]]
	[[ "${lines[1]}" == "#"*" File "* ]]
	run "$BIN/con-dump" "$S/checked.bin"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *"stage checked"* ]]
	run "$BIN/con-dump" "$S/ir.bin"
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *"stage ir"* ]]
	[[ "${lines[1]}" == "#"*" IrProgram "* ]]
}

@test "stdin and - read the same stream as a file" {
	"$BIN/con-dump" "$S/ir.bin" > "$T/a"
	"$BIN/con-dump" - < "$S/ir.bin" > "$T/b"
	"$BIN/con-dump" < "$S/ir.bin" > "$T/c"
	cmp "$T/a" "$T/b"
	cmp "$T/a" "$T/c"
}

@test "-o writes the dump to a file" {
	run "$BIN/con-dump" -o "$T/out.txt" "$S/ast.bin"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	"$BIN/con-dump" "$S/ast.bin" | cmp - "$T/out.txt"
}

@test "--json is valid JSON with every node and type" {
	command -v python3 >/dev/null || skip "python3 missing"
	"$BIN/con-dump" --json "$S/ir.bin" > "$T/j"
	run python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert d["magic"] == "concrete-ir" and d["stage"] == "ir", d["stage"]
assert d["nodes"][0] is None and d["types"][0] is None
assert all(n["id"] == i for i, n in enumerate(d["nodes"]) if i)
kinds = {n["kind"] for n in d["nodes"][1:]}
assert "IrFunc" in kinds and "IRet" in kinds, kinds
assert all(t["id"] == i and t["syntax"] for i, t in enumerate(d["types"]) if i)
print(len(d["nodes"]) - 1)' "$T/j"
	[ "$status" -eq 0 ]
	[ "$output" -gt 10 ]
}

@test "a parsed program dumps with its names and spans" {
	[ -x "$BIN/con-parse" ] || skip "con-parse not built"
	printf 'fn main() -> Int {\n    return 40 + 2;\n}\n' > "$T/p.con"
	"$BIN/con-parse" "$T/p.con" > "$T/p.ast"
	run "$BIN/con-dump" "$T/p.ast"
	[ "$status" -eq 0 ]
	[[ "$output" == *'FnDecl 1:1'* ]]
	[[ "$output" == *'name: "main"'* ]]
	[[ "$output" == *'Return 2:5'* ]]
	[[ "$output" == *'op: '*' (+)'* ]]
}

@test "--schema-doc matches the committed docs/IR.md" {
	run "$BIN/con-dump" --schema-doc
	[ "$status" -eq 0 ]
	[[ "$output" == *'`IrProgram`'* ]]
	[[ "$output" == *'`Heap`'* ]]
	"$BIN/con-dump" --schema-doc | diff - "$ROOT/docs/IR.md"
}

@test "usage errors exit 2" {
	run --separate-stderr "$BIN/con-dump" --bogus "$S/ast.bin"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"unknown option '--bogus'"* ]]
	run --separate-stderr "$BIN/con-dump" "$S/ast.bin" "$S/ir.bin"
	[ "$status" -eq 2 ]
	[[ "$stderr" == *"more than one input"* ]]
	run "$BIN/con-dump" --help
	[ "$status" -eq 0 ]
	[[ "$output" == "usage: con-dump"* ]]
}
