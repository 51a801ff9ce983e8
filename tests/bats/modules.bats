#!/usr/bin/env bats
# Modules: con-check --module/--iface-out/-I, interfaces, symbol names,
# and file modules built through pipeline.mk.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	mkdir -p "$T/src"
	cat > "$T/src/util.con" <<'SRC'
pub struct Pair {
    a: Int,
    b: Int,
}

pub fn make(a: Int, b: Int) -> Pair {
    return Pair { a: a, b: b };
}

pub fn sum(p: Pair) -> Int {
    return p.a + p.b + hidden();
}

fn hidden() -> Int {
    return 0;
}
SRC
	cat > "$T/src/main.con" <<'SRC'
mod util;

import util.{Pair, make};

fn main() -> Int {
    let p: Pair = make(40, 2);
    return util::sum(p);
}
SRC
}

teardown() {
	rm -rf "$T"
}

@test "an interface is byte-identical across two runs" {
	run "$BIN/con-check" --module main.util --iface-out "$T/a.iface" -o /dev/null "$T/src/util.con"
	[ "$status" -eq 0 ]
	run "$BIN/con-check" --module main.util --iface-out "$T/b.iface" -o /dev/null "$T/src/util.con"
	[ "$status" -eq 0 ]
	cmp "$T/a.iface" "$T/b.iface"
}

@test "an interface is a stream of stage iface with only public items" {
	"$BIN/con-check" --module main.util --iface-out "$T/u.iface" -o /dev/null "$T/src/util.con"
	run "$BIN/con-dump" "$T/u.iface"
	[ "$status" -eq 0 ]
	[[ "$output" == *"stage iface"* ]]
	[[ "$output" == *make* ]]
	[[ "$output" != *hidden* ]]
}

@test "con-check -I reads the interface of a mod x; file" {
	"$BIN/con-check" --module main.util --iface-out "$T/main.util.iface" -o /dev/null "$T/src/util.con"
	run "$BIN/con-check" -I "$T" -o "$T/main.chk" "$T/src/main.con"
	[ "$status" -eq 0 ]
	run "$BIN/con-check" -o /dev/null "$T/src/main.con"
	[ "$status" -eq 1 ]
	[[ "$output" == *"module file not found"* ]]
}

@test "a module file is lowered as its submodule and declared by its importer" {
	"$BIN/con-check" --module main.util --iface-out "$T/main.util.iface" -o "$T/u.chk" "$T/src/util.con"
	run sh -c "'$BIN/con-emit' '$T/u.chk'"
	[[ "$output" == *" @util_make("* ]]
	[[ "$output" == *"define i64 @util_hidden("* ]]
	[[ "$output" != *"@main("* ]]
	"$BIN/con-check" -I "$T" -o "$T/main.chk" "$T/src/main.con"
	run "$BIN/con-emit" "$T/main.chk"
	[[ "$output" == *"declare i64 @util_sum("* ]]
	[[ "$output" == *"define i64 @user_main("* ]]
}

@test "the driver builds and links file modules" {
	run "$BIN/concrete" "$T/src/main.con" -o "$T/prog"
	[ "$status" -eq 0 ]
	run "$T/prog"
	[ "$output" = 42 ]
}

@test "symbols: submodule prefixes, top-level clashes, user_main" {
	cat > "$T/s.con" <<'SRC'
mod A {
    pub fn compute() -> Int { return 1; }
    pub mod inner { pub fn f() -> Int { return 2; } }
}
mod B {
    import A.{compute as c};
    pub fn compute() -> Int { return c() + 0; }
}
mod app {
    fn main() -> Int { return B::compute(); }
}
SRC
	run "$BIN/concrete" "$T/s.con" --emit-llvm
	[ "$status" -eq 0 ]
	[[ "$output" == *"define i64 @A_compute("* ]]
	[[ "$output" == *"define i64 @B_compute("* ]]
	[[ "$output" == *"define i64 @inner_f("* ]]
	[[ "$output" == *"call i64 @A_compute("* ]]
	[[ "$output" == *"define i64 @user_main("* ]]
}

@test "con-parse --deps --pipeline lists module paths and interfaces" {
	run "$BIN/con-parse" --deps "$T/src/main.con" --pipeline CACHE
	[ "$status" -eq 0 ]
	[[ "$output" == *"CON_MODS := main.util"* ]]
	[[ "$output" == *"CON_SRC_main.util := $T/src/util.con"* ]]
	[[ "$output" == *"CON_IFACES_ROOT := CACHE/main.util.iface"* ]]
}

@test "--test runs #[test] functions of mod x; files too, root first" {
	mkdir -p "$T/t"
	cat > "$T/t/calc.con" <<'SRC'
pub fn triple(x: i32) -> i32 {
    return x * 3;
}

#[test]
fn triples() -> i32 {
    return triple(4) - 12;
}

#[test]
fn fails_on_purpose() -> i32 {
    return 1;
}
SRC
	cat > "$T/t/main.con" <<'SRC'
mod calc;

#[test]
fn root_ok() -> i32 {
    return calc::triple(1) - 3;
}

fn main() -> Int {
    return 0;
}
SRC
	run "$BIN/concrete" "$T/t/main.con" --test
	[ "$status" -eq 1 ]
	[ "$output" = "PASS: root_ok
PASS: calc_triples
FAIL: calc_fails_on_purpose" ]
	# a module filter selects the file module's tests alone
	run "$BIN/concrete" "$T/t/main.con" --test --module main.calc
	[ "$status" -eq 1 ]
	[ "$output" = "PASS: calc_triples
FAIL: calc_fails_on_purpose" ]
}

@test "--test orders file-module tests depth-first: a module before its nested ones" {
	mkdir -p "$T/n"
	printf 'mod b;\n#[test]\nfn ta() -> i32 { return 0; }\n' > "$T/n/a.con"
	printf '#[test]\nfn tb() -> i32 { return 0; }\n' > "$T/n/b.con"
	printf '#[test]\nfn tc() -> i32 { return 0; }\n' > "$T/n/c.con"
	printf 'mod a;\nmod c;\nfn main() -> Int { return 0; }\n#[test]\nfn tr() -> i32 { return 0; }\n' > "$T/n/main.con"
	run "$BIN/concrete" "$T/n/main.con" --test
	[ "$status" -eq 0 ]
	[ "$output" = "PASS: tr
PASS: a_ta
PASS: a_b_tb
PASS: c_tc" ]
}
