#!/usr/bin/env bats
# con-lower: checked (or AST) stream -> IR stream.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/p.con" <<'SRC'
struct Copy P { x: Int, y: Int }

fn add(a: Int, b: Int) -> Int {
    return a + b;
}

fn main() -> Int {
    let mut arr: [Int; 3] = [1, 2, 3];
    let p: P = P { y: 2, x: 1 };
    arr[1] = add(p.x, p.y);
    return arr[1];
}
SRC
	cat > "$T/bad.con" <<'SRC'
fn main() -> Int {
    let b: bool = 5;
    return 0;
}
SRC
}

teardown() {
	rm -rf "$T"
}

@test "parse | check | lower writes an ir stream with the functions and structs" {
	"$BIN/con-parse" "$T/p.con" | "$BIN/con-check" | "$BIN/con-lower" > "$T/p.ir"
	run "$BIN/con-dump" "$T/p.ir"
	[ "$status" -eq 0 ]
	[[ "$output" == *IrProgram* ]]
	[[ "$output" == *IrStruct* ]]
	[[ "$output" == *user_main* ]]
	[[ "$output" == *IIndexPtr* ]]
	[[ "$output" == *IFieldPtr* ]]
}

@test "an ast stream is checked in-process" {
	"$BIN/con-parse" "$T/p.con" | "$BIN/con-lower" > "$T/a.ir"
	run "$BIN/con-dump" "$T/a.ir"
	[ "$status" -eq 0 ]
	[[ "$output" == *IrFunc* ]]
	[[ "$output" == *add* ]]
}

@test "-o FILE and a file argument" {
	"$BIN/con-parse" "$T/p.con" > "$T/p.ast"
	run "$BIN/con-lower" -o "$T/out.ir" "$T/p.ast"
	[ "$status" -eq 0 ]
	[ -s "$T/out.ir" ]
	run "$BIN/con-dump" "$T/out.ir"
	[[ "$output" == *IrProgram* ]]
}

@test "an ir stream is refused with exit 2" {
	"$BIN/con-parse" "$T/p.con" | "$BIN/con-lower" > "$T/p.ir"
	run "$BIN/con-lower" "$T/p.ir"
	[ "$status" -eq 2 ]
	[[ "$output" == *"con-lower: expected an ast or checked stream, got ir"* ]]
}

@test "type errors in an ast input exit 1 with the diagnostic" {
	"$BIN/con-parse" "$T/bad.con" > "$T/bad.ast"
	run "$BIN/con-lower" "$T/bad.ast"
	[ "$status" -eq 1 ]
	[[ "$output" == *"type mismatch"* ]]
}

@test "malformed input and missing files exit 2" {
	printf 'not msgpack at all' > "$T/junk"
	run "$BIN/con-lower" "$T/junk"
	[ "$status" -eq 2 ]
	run "$BIN/con-lower" "$T/missing"
	[ "$status" -eq 2 ]
	run "$BIN/con-lower" < /dev/null
	[ "$status" -eq 2 ]
}

@test "unknown options exit 2" {
	run "$BIN/con-lower" --bogus "$T/p.con"
	[ "$status" -eq 2 ]
}
