#!/usr/bin/env bats
# con-parse: flags, pipes, exit codes, --deps, malformed input.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	printf 'fn main() -> Int {\n    return 0;\n}\n' > "$T/ok.con"
}

teardown() {
	rm -rf "$T"
}

@test "parses a file to a stream that con-dump reads" {
	run "$BIN/con-parse" -o "$T/ok.ast" "$T/ok.con"
	[ "$status" -eq 0 ]
	[ -s "$T/ok.ast" ]
	run "$BIN/con-dump" "$T/ok.ast"
	[ "$status" -eq 0 ]
	[[ "$output" == *"FnDecl"* ]]
	[[ "$output" == *'"main"'* ]]
}

@test "reads stdin with - and without a file argument" {
	run sh -c "'$BIN/con-parse' - < '$T/ok.con' | '$BIN/con-dump'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Return"* ]]
	run sh -c "'$BIN/con-parse' < '$T/ok.con' | '$BIN/con-dump'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"Return"* ]]
}

@test "-o - writes to stdout" {
	run sh -c "'$BIN/con-parse' -o - '$T/ok.con' | '$BIN/con-dump'"
	[ "$status" -eq 0 ]
	[[ "$output" == *"FnDecl"* ]]
}

@test "syntax error: exit 1, reference format, no stream written" {
	printf 'fn main() -> Int {\n    let x = ;\n}\n' > "$T/bad.con"
	run "$BIN/con-parse" -o "$T/bad.ast" "$T/bad.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"bad.con:2:13: error[parse]: (E0001) expected expression, got ;"* ]]
	[ ! -s "$T/bad.ast" ]
}

@test "three independent syntax errors are all reported with line:col" {
	cat > "$T/three.con" <<'SRC'
fn a() -> Int {
    let x = ;
    return x;
}
fn b() {
    foo(1, 2;
}
struct S { a: Int, b }
fn c() { }
SRC
	run "$BIN/con-parse" "$T/three.con"
	[ "$status" -eq 1 ]
	[ "$(printf '%s\n' "$output" | grep -c 'error\[parse\]')" -eq 3 ]
	[[ "$output" == *"three.con:2:13: error[parse]: (E0001) expected expression, got ;"* ]]
	[[ "$output" == *"three.con:6:13: error[parse]: (E0001) expected ), got ;"* ]]
	[[ "$output" == *"three.con:8:22: error[parse]: (E0001) expected :, got }"* ]]
}

@test "--diagnostics json prints one JSON object per error" {
	printf 'fn f() { x += 1; }\n' > "$T/bad.con"
	run "$BIN/con-parse" --diagnostics json "$T/bad.con"
	[ "$status" -eq 1 ]
	[[ "$output" == "{"* ]]
	[[ "$output" == *'"parse"'* ]]
	[[ "$output" == *"expected expression, got ="* ]]
}

@test "missing input file: exit 2 and one line" {
	run "$BIN/con-parse" "$T/nope.con"
	[ "$status" -eq 2 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == *"nope.con"* ]]
}

@test "unknown option: exit 2" {
	run "$BIN/con-parse" --frobnicate "$T/ok.con"
	[ "$status" -eq 2 ]
}

@test "binary garbage is an error, not a crash" {
	head -c 4096 /dev/urandom > "$T/garbage.con"
	printf '\001\377@$`\\' >> "$T/garbage.con"
	run "$BIN/con-parse" "$T/garbage.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"error[parse]"* ]]
	[ "$(printf '%s\n' "$output" | grep -c 'error\[parse\]')" -le 50 ]
}

@test "empty file parses to a module main" {
	: > "$T/empty.con"
	run sh -c "'$BIN/con-parse' '$T/empty.con' | '$BIN/con-dump'"
	[ "$status" -eq 0 ]
	[[ "$output" == *'"main"'* ]]
}

@test "a huge line and deep nesting do not crash" {
	{ printf 'fn f() -> Int { return 0'; for i in $(seq 1 20000); do printf ' + %d' $i; done; printf '; }\n'; } > "$T/long.con"
	run "$BIN/con-parse" -o "$T/long.ast" "$T/long.con"
	[ "$status" -eq 0 ]
	{ printf 'fn f() -> Int { return '; for i in $(seq 1 5000); do printf '('; done; printf '1'; for i in $(seq 1 5000); do printf ')'; done; printf '; }\n'; } > "$T/deep.con"
	run "$BIN/con-parse" -o "$T/deep.ast" "$T/deep.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"nesting too deep"* ]]
}

@test "--deps lists mod files, nested mod dirs and phony targets" {
	mkdir -p "$T/src/net/proto"
	printf 'mod util;\nmod net;\nfn main() -> Int { return 0; }\n' > "$T/src/main.con"
	printf 'pub fn u() { }\n' > "$T/src/util.con"
	printf 'mod tcp;\nmod proto;\n' > "$T/src/net/mod.con"
	printf 'pub fn t() { }\n' > "$T/src/net/tcp.con"
	printf 'mod inner { mod v1; }\n' > "$T/src/net/proto/mod.con"
	printf 'pub fn v() { }\n' > "$T/src/net/proto/v1.con"
	cd "$T"
	run "$BIN/con-parse" --deps src/main.con --target build/main.ast
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "build/main.ast: src/main.con src/util.con src/net/mod.con src/net/tcp.con src/net/proto/mod.con src/net/proto/v1.con" ]
	[[ "$output" == *"src/net/tcp.con:"* ]]
	run "$BIN/con-parse" --deps src/main.con -o "$T/main.d"
	[ "$status" -eq 0 ]
	grep -q '^src/main.ast: src/main.con' "$T/main.d"
	grep -q '^src/util.con:$' "$T/main.d"
}

@test "--deps: missing module file" {
	printf 'mod gone;\n' > "$T/m.con"
	run "$BIN/con-parse" --deps "$T/m.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"module file not found: $T/gone.con or $T/gone/mod.con"* ]]
}

@test "--deps: circular module import" {
	mkdir -p "$T/c/a"
	printf 'mod a;\n' > "$T/c/root.con"
	printf 'mod b;\n' > "$T/c/a/mod.con"
	printf 'mod a;\n' > "$T/c/a/b.con"
	mkdir -p "$T/c/a/a"
	ln -s ../mod.con "$T/c/a/a/mod.con"
	run "$BIN/con-parse" --deps "$T/c/root.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"circular module import: $T/c/a/a/mod.con"* ]]
}

@test "--deps: a syntax error in a module file is reported with its path" {
	printf 'mod sub;\n' > "$T/r.con"
	printf 'fn f( {\n' > "$T/sub.con"
	run "$BIN/con-parse" --deps "$T/r.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"sub.con:1:7: error[parse]"* ]]
}
