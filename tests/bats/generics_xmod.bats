#!/usr/bin/env bats
# Cross-module generics and interface content (ARCHITECTURE.md 4, issue 5
# items 1-2): what an .iface holds, that its bytes follow public content
# only, and that generic instances made in several module files are
# linkonce_odr copies of one symbol, kept once by the linker.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	PIPE=$BATS_TEST_DIRNAME/../../pipeline.mk
	T=$(mktemp -d)
	cat > "$T/gen.con" <<'SRC'
pub struct Box<T> {
    v: T,
}

impl<T> Box<T> {
    pub fn get(self) -> T {
        return self.v;
    }
}

pub struct Copy Point {
    x: Int,
    y: Int,
}

pub fn wrap<T>(x: T) -> Box<T> {
    return Box::<T> { v: x };
}

pub fn twice<T>(x: T) -> T {
    let y: T = x;
    helper();
    return y;
}

pub fn area(p: Point) -> Int {
    return p.x * p.y;
}

fn helper() {
}

fn private_work(n: Int) -> Int {
    return n + 1;
}
SRC
	for m in a b c; do
		cat > "$T/$m.con" <<SRC
import gen.{Box, wrap, twice};

pub fn use_$m(n: Int) -> Int {
    let b: Box<Int> = wrap::<Int>(n);
    return twice::<Int>(b.get());
}
SRC
	done
	cat > "$T/main.con" <<'SRC'
mod gen;
mod a;
mod b;
mod c;

import a.{use_a};
import b.{use_b};
import c.{use_c};

fn main() -> Int {
    return use_a(10) + use_b(20) + use_c(12);
}
SRC
}

teardown() {
	rm -rf "$T"
}

iface() {
	"$BIN/con-check" --module main.gen --iface-out "$1" -o /dev/null "$T/gen.con"
}

@test "an interface holds public types, signatures and generic bodies, no private bodies" {
	iface "$T/g.iface"
	run "$BIN/con-dump" "$T/g.iface"
	[ "$status" -eq 0 ]
	[[ "$output" == *"stage iface"* ]]
	[[ "$output" == *'"Point"'* ]]
	[[ "$output" == *'"area"'* ]]
	[[ "$output" == *'"get"'* ]]
	# helper is reached by the generic body of twice: declared, bodiless
	[[ "$output" == *'"helper"'* ]]
	[[ "$output" != *private_work* ]]
}

@test "editing a private function body leaves the interface bytes unchanged" {
	iface "$T/before.iface"
	sed -i 's/return n + 1;/let k: Int = n * 3;\n    return k + 100;/' "$T/gen.con"
	sed -i 's/^fn helper() {/fn helper() {\n    let unused: Int = 5;/' "$T/gen.con"
	grep -q 'k + 100' "$T/gen.con"
	iface "$T/after.iface"
	cmp "$T/before.iface" "$T/after.iface"
}

@test "editing a public body above leaves it unchanged too; a public signature changes it" {
	iface "$T/before.iface"
	sed -i 's/return p.x \* p.y;/let s: Int = p.x;\n    return s * p.y;/' "$T/gen.con"
	iface "$T/body.iface"
	cmp "$T/before.iface" "$T/body.iface"
	sed -i 's/pub fn area(p: Point) -> Int/pub fn area(p: Point, k: Int) -> Int/' "$T/gen.con"
	iface "$T/sig.iface"
	! cmp -s "$T/before.iface" "$T/sig.iface"
}

@test "editing a generic body changes the interface (importers instantiate it)" {
	iface "$T/before.iface"
	sed -i 's/    helper();/    helper();\n    helper();/' "$T/gen.con"
	iface "$T/after.iface"
	! cmp -s "$T/before.iface" "$T/after.iface"
}

@test "three module files instantiate one generic: linkonce_odr in each, one symbol linked" {
	make -s -f "$PIPE" SRC="$T/main.con" C="$T/c" BIN="$BIN" OUT="$T/prog" CONCRETE_O=0 "$T/prog"
	run "$T/prog"
	[ "$status" -eq 0 ]
	[ "$output" = "42" ]
	for m in a b c; do
		grep -q '^define linkonce_odr i64 @gen_twice_for_Int(' "$T/c/main.$m.ll"
		grep -q '^define linkonce_odr i64 @gen_Box_get_for_Int(' "$T/c/main.$m.ll"
		grep -q '^\$gen_twice_for_Int = comdat any' "$T/c/main.$m.ll"
	done
	# the same body in every module
	a=$(awk '/^define linkonce_odr i64 @gen_twice_for_Int/,/^}/' "$T/c/main.a.ll")
	for m in b c; do
		[ "$a" = "$(awk '/^define linkonce_odr i64 @gen_twice_for_Int/,/^}/' "$T/c/main.$m.ll")" ]
	done
	[ "$(nm "$T/prog" | grep -c ' gen_twice_for_Int$')" -eq 1 ]
	[ "$(nm "$T/prog" | grep -c ' gen_Box_get_for_Int$')" -eq 1 ]
	# the private helper a generic body calls is defined once, in gen
	grep -q '^define void @gen_helper(' "$T/c/main.gen.ll"
	grep -q '^declare void @gen_helper(' "$T/c/main.a.ll"
}

@test "the root keeps plain definitions of its instances (ABI.md 11 greps)" {
	cat > "$T/one.con" <<'SRC'
fn identity<T>(x: T) -> T {
    return x;
}

fn main() -> Int {
    return identity::<Int>(7);
}
SRC
	run "$BIN/concrete" "$T/one.con" --emit-llvm
	[ "$status" -eq 0 ]
	[[ "$output" == *"define i64 @identity_for_Int("* ]]
	[[ "$output" != *linkonce_odr* ]]
}

@test "the cross-module program passes opt -verify at -O2" {
	make -s -f "$PIPE" SRC="$T/main.con" C="$T/c2" BIN="$BIN" OUT="$T/prog2" "$T/prog2"
	run "$T/prog2"
	[ "$output" = "42" ]
	if command -v opt-14 >/dev/null; then OPT=opt-14; else OPT=opt; fi
	command -v "$OPT" >/dev/null || skip "no opt"
	for m in gen a b c; do
		"$OPT" -opaque-pointers -verify -disable-output "$T/c2/main.$m.ll"
	done
}
