#!/usr/bin/env bats
# con-emit: any stream -> LLVM IR text that LLVM 14 accepts.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/p.con" <<'SRC'
struct Copy P { x: Int, y: Int }

fn add(a: Int, b: Int) -> Int {
    return a + b;
}

fn main() with(Console) -> Int {
    let mut arr: [Int; 3] = [1, 2, 3];
    let p: P = P { y: 2, x: 1 };
    arr[1] = add(p.x, p.y);
    println("sum ", arr[1], true);
    return arr[1];
}
SRC
	cat > "$T/t.con" <<'SRC'
#[test]
fn test_ok() -> i32 {
    return 0;
}

#[test]
fn test_bad() -> i32 {
    return 3;
}

fn main() -> Int {
    return 7;
}
SRC
}

teardown() {
	rm -rf "$T"
}

verify() {
	opt -opaque-pointers -verify "$1" -o /dev/null
}

@test "full pipe: parse | check | lower | emit gives verified IR with the main wrapper" {
	"$BIN/con-parse" "$T/p.con" | "$BIN/con-check" | "$BIN/con-lower" | "$BIN/con-emit" > "$T/p.ll"
	verify "$T/p.ll"
	run cat "$T/p.ll"
	[[ "$output" == *'define i32 @main(i32 %argc, ptr %argv)'* ]]
	[[ "$output" == *'define i64 @user_main()'* ]]
	[[ "$output" == *'define i64 @add(i64'* ]]
	[[ "$output" == *'%struct.P = type { i64, i64 }'* ]]
	[[ "$output" == *'target triple'* ]]
	[[ "$output" == *'@__concrete_get_argc'* ]]
	[[ "$output" != *noinline* ]]
	[[ "$output" != *nsw* ]]
}

@test "shorter pipes bring checked and ast streams forward" {
	"$BIN/con-parse" "$T/p.con" | "$BIN/con-check" | "$BIN/con-emit" > "$T/c.ll"
	verify "$T/c.ll"
	"$BIN/con-parse" "$T/p.con" | "$BIN/con-emit" > "$T/a.ll"
	verify "$T/a.ll"
	grep -q 'define i64 @user_main' "$T/a.ll"
}

@test "-o FILE writes the IR there" {
	"$BIN/con-parse" "$T/p.con" > "$T/p.ast"
	run "$BIN/con-emit" -o "$T/o.ll" "$T/p.ast"
	[ "$status" -eq 0 ]
	[ -z "$output" ]
	verify "$T/o.ll"
}

@test "indexing with a variable gets a bounds check calling the runtime" {
	cat > "$T/i.con" <<'SRC'
fn get(a: [Int; 4], i: Int) -> Int {
    return a[i];
}

fn main() -> Int {
    return get([1, 2, 3, 4], 2);
}
SRC
	"$BIN/con-parse" "$T/i.con" | "$BIN/con-emit" > "$T/i.ll"
	verify "$T/i.ll"
	grep -q 'call void @con_rt_bounds_fail' "$T/i.ll"
	grep -q 'icmp ult i64' "$T/i.ll"
}

@test "--test emits the runner and no wrapper; --module filters by module path" {
	"$BIN/con-parse" "$T/t.con" > "$T/t.ast"
	"$BIN/con-emit" --test "$T/t.ast" > "$T/t.ll"
	verify "$T/t.ll"
	grep -q 'PASS: test_ok' "$T/t.ll"
	grep -q 'FAIL: test_bad' "$T/t.ll"
	! grep -q 'define i32 @main(i32 %argc' "$T/t.ll"
	grep -q 'define i32 @main()' "$T/t.ll"
	"$BIN/con-emit" --test --module main "$T/t.ast" > "$T/f.ll"
	verify "$T/f.ll"
	grep -q 'PASS: test_ok' "$T/f.ll"
	! grep -q 'No tests found' "$T/f.ll"
	"$BIN/con-emit" --test --module mai "$T/t.ast" > "$T/n.ll"
	verify "$T/n.ll"
	grep -q 'No tests found' "$T/n.ll"
	! grep -q 'PASS: test_ok' "$T/n.ll"
}

@test "errors: malformed stream and unknown flags exit 2, type errors exit 1" {
	printf '\x93\x01\x02' > "$T/junk"
	run "$BIN/con-emit" "$T/junk"
	[ "$status" -eq 2 ]
	run "$BIN/con-emit" --frobnicate "$T/junk"
	[ "$status" -eq 2 ]
	run "$BIN/con-emit" --module
	[ "$status" -eq 2 ]
	printf 'fn main() -> Int {\n    let b: bool = 5;\n    return 0;\n}\n' > "$T/bad.con"
	"$BIN/con-parse" "$T/bad.con" > "$T/bad.ast"
	run "$BIN/con-emit" "$T/bad.ast"
	[ "$status" -eq 1 ]
	[[ "$output" == *"type mismatch"* ]]
}
