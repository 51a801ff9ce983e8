#!/usr/bin/env bats
# con-check: AST stream -> checked AST stream, diagnostics on stderr.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/ok.con" <<'SRC'
struct Copy Pt { x: Int, y: u8 }
fn main() -> Int {
    let q: u8 = 2;
    let p = Pt { x: 1, y: 1 + q };
    return p.x + later(3);
}
fn later(n: Int) -> Int {
    return n * 2;
}
SRC
	cat > "$T/multi.con" <<'SRC'
fn f(a: Int) -> Int {
    let b: bool = a;
    return nope;
}
fn main() -> Int {
    let n: Int = 1;
    n = 2;
    let c: Int = f(1, 2);
    return missing(n);
}
SRC
}

teardown() {
	rm -rf "$T"
}

@test "pipe: con-parse | con-check | con-dump shows a checked stream" {
	run bash -c "'$BIN/con-parse' '$T/ok.con' | '$BIN/con-check' | '$BIN/con-dump'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"stage checked"* ]]
	[[ "$output" == *"Call"*"ty=i64 aux="* ]]
	# the left-literal rule made `1` a u8
	[[ "$output" == *"IntLit 4:27 ty=u8"* ]]
}

@test "-o writes the checked stream to a file" {
	"$BIN/con-parse" "$T/ok.con" -o "$T/ok.ast"
	run "$BIN/con-check" -o "$T/ok.chk" "$T/ok.ast"
	[ "$status" -eq 0 ]
	[ -s "$T/ok.chk" ]
	run "$BIN/con-dump" "$T/ok.chk"
	[[ "$output" == *"stage checked"* ]]
}

@test "a source file is parsed first" {
	run bash -c "'$BIN/con-check' '$T/ok.con' | '$BIN/con-dump'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"stage checked"* ]]
}

@test "every independent error is reported, in source order, exit 1" {
	run bash -c "'$BIN/con-parse' '$T/multi.con' | '$BIN/con-check' 2>&1 >/dev/null"
	[ "$status" -eq 1 ]
	[ "$(echo "$output" | grep -c 'error\[')" -eq 5 ]
	lines=$(echo "$output" | grep -o '^[^ ]*:[0-9]*:[0-9]*: error' | cut -d: -f2 | tr '\n' ' ')
	[ "$lines" = "2 3 7 8 9 " ]
	[[ "$output" == *"type mismatch in let binding 'b': expected bool, got i64"* ]]
	[[ "$output" == *"(E0100) undeclared variable 'nope'"* ]]
	[[ "$output" == *"cannot assign to immutable variable 'n'"* ]]
	[[ "$output" == *"function 'f' expects 1 arguments, got 2"* ]]
	[[ "$output" == *"(E0101) unknown function 'missing'"* ]]
	[[ "$output" == *"while checking function 'f'"* ]]
	[[ "$output" == *"while checking function 'main'"* ]]
}

@test "nothing is written on error" {
	"$BIN/con-parse" "$T/multi.con" -o "$T/m.ast"
	run "$BIN/con-check" -o "$T/m.chk" "$T/m.ast"
	[ "$status" -eq 1 ]
	[ ! -e "$T/m.chk" ]
}

@test "an unknown name used many times is reported once" {
	cat > "$T/u.con" <<'SRC'
fn main() -> Int {
    let a: Int = q;
    let b: Int = q + 1;
    let c: Int = q * 2;
    return q;
}
SRC
	run bash -c "'$BIN/con-check' '$T/u.con' 2>&1 >/dev/null"
	[ "$status" -eq 1 ]
	[ "$(echo "$output" | grep -c 'error\[')" -eq 1 ]
}

@test "--diagnostics json prints one object per error" {
	run bash -c "'$BIN/con-parse' '$T/multi.con' | '$BIN/con-check' --diagnostics json 2>&1 >/dev/null"
	[ "$status" -eq 1 ]
	[ "$(echo "$output" | wc -l)" -eq 5 ]
	first=$(echo "$output" | head -1)
	[[ "$first" == "{"*"}" ]]
	[[ "$first" == *'"pass":"check"'* ]]
	[[ "$first" == *'"code":"E0220"'* ]]
	[[ "$first" == *'"line":2'* ]]
	[[ "$first" == *"type mismatch in let binding"* ]]
	echo "$output" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'
}

@test "a later stage is refused with exit 2" {
	"$BIN/con-parse" "$T/ok.con" | "$BIN/con-check" -o "$T/ok.chk"
	run "$BIN/con-check" "$T/ok.chk"
	[ "$status" -eq 2 ]
	[[ "$output" == "con-check: expected an ast stream, got checked" ]]
	"$BIN/con-lower" "$T/ok.chk" -o "$T/ok.ir"
	run "$BIN/con-check" "$T/ok.ir"
	[ "$status" -eq 2 ]
	[[ "$output" == "con-check: expected an ast stream, got ir" ]]
}

@test "malformed input exits 2 without crashing" {
	printf '\x81\xa5magic\xa3bad' > "$T/bad.bin"
	run "$BIN/con-check" "$T/bad.bin"
	[ "$status" -eq 2 ]
	run "$BIN/con-check" /nonexistent/file.ast
	[ "$status" -eq 2 ]
	run "$BIN/con-check" --bogus-flag
	[ "$status" -eq 2 ]
}

@test "independent errors of a module are all reported in one run" {
	cat > "$T/e.con" <<'SRC'
enum Color { Red, Blue }
fn f() -> Int {
    let b: bool = 1;
    return true;
}
fn main() -> Int {
    let c: Color = Color::Green;
    return 0;
}
SRC
	run bash -c "'$BIN/con-check' '$T/e.con' 2>&1 >/dev/null"
	[ "$status" -eq 1 ]
	[ "$(grep -c 'error\[' <<<"$output")" -ge 3 ]
}
