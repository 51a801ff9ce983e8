#!/usr/bin/env bats
# extern fn and the x86-64 System V C ABI (ABI.md 10): #[repr(C)] structs
# passed to and returned from C functions compiled by cc, in registers
# (INTEGER / SSE eightbytes, partial eightbytes), in memory (byval / sret,
# and when the argument registers run out), and narrow scalars.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/lib.c" <<'C'
#include <stdint.h>
#include <stdbool.h>
struct Point { int64_t x, y; };
struct Small { int32_t a, b; };
struct Big { int64_t a, b, c; };
struct Mix { double d; int32_t i; };
struct F2 { float a, b; };
struct F3 { float a, b, c; };
struct Tiny { uint8_t a, b, c; };
struct Ptrs { const int64_t *p; int64_t n; };
int64_t sum_point(struct Point p) { return p.x + p.y; }
int32_t sum_small(struct Small s) { return s.a * 10 + s.b; }
int64_t sum_big(struct Big b) { return b.a * 100 + b.b * 10 + b.c; }
double mix_val(struct Mix m) { return m.d * m.i; }
float f2_sum(struct F2 f) { return f.a - f.b; }
float f3_sum(struct F3 f) { return f.a + f.b * f.c; }
int32_t tiny_sum(struct Tiny t) { return t.a * 10000 + t.b * 100 + t.c; }
int64_t ptrs_sum(struct Ptrs s) { int64_t t = 0; for (int64_t i = 0; i < s.n; i++) t += s.p[i]; return t; }
int64_t many(struct Point a, struct Point b, struct Point c, struct Point d, int64_t e) {
	return a.x + b.y * 10 + c.x * 100 + d.y * 1000 + e * 10000;
}
double fmany(struct F2 a, struct Mix b, double c, struct F3 d) { return a.a + b.d + c + d.c + b.i; }
struct Point make_point(int64_t x, int64_t y) { struct Point p = { x, y }; return p; }
struct Small make_small(int32_t a) { struct Small s = { a, -a }; return s; }
struct Big make_big(int64_t v) { struct Big b = { v, v * 2, v * 3 }; return b; }
struct Mix make_mix(double d, int32_t i) { struct Mix m = { d, i }; return m; }
struct F3 make_f3(float v) { struct F3 f = { v, v + 1, v + 2 }; return f; }
struct Tiny make_tiny(uint8_t v) { struct Tiny t = { v, (uint8_t)(v + 1), (uint8_t)(v + 2) }; return t; }
bool is_pos(int64_t v) { return v > 0; }
unsigned char next_char(unsigned char c) { return (unsigned char)(c + 1); }
int16_t neg16(int16_t v) { return (int16_t)-v; }
int32_t widen8(int8_t v, uint8_t u) { return v * 1000 + u; }
C
	cat > "$T/main.con" <<'SRC'
#[repr(C)]
struct Copy Point { x: Int, y: Int }
#[repr(C)]
struct Copy Small { a: i32, b: i32 }
#[repr(C)]
struct Copy Big { a: Int, b: Int, c: Int }
#[repr(C)]
struct Copy Mix { d: f64, i: i32 }
#[repr(C)]
struct Copy F2 { a: f32, b: f32 }
#[repr(C)]
struct Copy F3 { a: f32, b: f32, c: f32 }
#[repr(C)]
struct Copy Tiny { a: u8, b: u8, c: u8 }
#[repr(C)]
struct Copy Ptrs { p: *const Int, n: Int }
trusted extern fn sum_point(p: Point) -> Int;
trusted extern fn sum_small(s: Small) -> i32;
trusted extern fn sum_big(b: Big) -> Int;
trusted extern fn mix_val(m: Mix) -> f64;
trusted extern fn f2_sum(f: F2) -> f32;
trusted extern fn f3_sum(f: F3) -> f32;
trusted extern fn tiny_sum(t: Tiny) -> i32;
trusted extern fn ptrs_sum(s: Ptrs) -> Int;
trusted extern fn many(a: Point, b: Point, c: Point, d: Point, e: Int) -> Int;
trusted extern fn fmany(a: F2, b: Mix, c: f64, d: F3) -> f64;
trusted extern fn make_point(x: Int, y: Int) -> Point;
trusted extern fn make_small(a: i32) -> Small;
trusted extern fn make_big(v: Int) -> Big;
trusted extern fn make_mix(d: f64, i: i32) -> Mix;
trusted extern fn make_f3(v: f32) -> F3;
trusted extern fn make_tiny(v: u8) -> Tiny;
trusted extern fn is_pos(v: Int) -> bool;
trusted extern fn next_char(c: char) -> char;
trusted extern fn neg16(v: i16) -> i16;
trusted extern fn widen8(v: i8, u: u8) -> i32;
fn main() with(Console, Unsafe) -> Int {
    println(sum_point(Point { x: 40, y: 2 }), " ", sum_small(Small { a: 4, b: 2 }), " ", sum_big(Big { a: 1, b: 2, c: 3 }));
    println(mix_val(Mix { d: 1.5, i: 4 }) as Int, " ", f2_sum(F2 { a: 5.5, b: 0.5 }) as Int, " ", f3_sum(F3 { a: 1.0, b: 2.0, c: 3.0 }) as Int);
    let arr: [Int; 3] = [5, 6, 7];
    println(tiny_sum(Tiny { a: 1, b: 2, c: 3 }), " ", ptrs_sum(Ptrs { p: &arr as *const [Int; 3] as *const Int, n: 3 }));
    let p = Point { x: 1, y: 2 };
    println(many(p, p, p, Point { x: 0, y: 4 }, 5), " ", fmany(F2 { a: 1.0, b: 0.0 }, Mix { d: 2.0, i: 3 }, 4.0, F3 { a: 0.0, b: 0.0, c: 5.0 }) as Int);
    let q = make_point(7, 8);
    let s = make_small(9);
    let b = make_big(11);
    let m = make_mix(2.5, 6);
    let f = make_f3(1.5);
    let t = make_tiny(200);
    println(q.x, " ", q.y, " ", s.a, " ", s.b, " ", b.a, " ", b.b, " ", b.c);
    println((m.d * 2.0) as Int, " ", m.i, " ", (f.c * 2.0) as Int, " ", t.a, " ", t.b, " ", t.c);
    println(is_pos(3), " ", is_pos(-3), " ", next_char('a'), " ", neg16(-32767), " ", widen8(-3, 250));
    return 0;
}
SRC
}

teardown() {
	rm -rf "$T"
}

expected() {
	cat <<'OUT'
42 42 123
6 5 7
10203 18
54121 15
7 8 9 -9 11 22 33
5 6 7 200 201 202
true false b 32767 -2750
0
OUT
}

# link OPT: main.con + lib.o -> $T/prog
link() {
	cc -c -O2 -o "$T/lib.o" "$T/lib.c" &&
	"$BIN/con-parse" "$T/main.con" | "$BIN/con-check" | "$BIN/con-lower" | "$BIN/con-emit" > "$T/main.ll" &&
		"$BIN/con-link" "$@" -o "$T/prog" "$T/main.ll" "$T/lib.o"
}

@test "repr(C) structs cross the C ABI both ways (optimised)" {
	link
	run "$T/prog"
	[ "$status" -eq 0 ]
	[ "$output" = "$(expected)" ]
}

@test "repr(C) structs cross the C ABI both ways (-O0)" {
	link -O0
	run "$T/prog"
	[ "$status" -eq 0 ]
	[ "$output" = "$(expected)" ]
}

@test "extern declarations follow clang's x86-64 lowering" {
	[ "$(uname -m)" = x86_64 ] || skip "x86-64 only"
	link
	grep -q '^declare i64 @sum_point(i64, i64)$' "$T/main.ll"
	grep -q '^declare i32 @sum_small(i64)$' "$T/main.ll"
	grep -q '^declare i64 @sum_big(ptr byval(%struct.Big) align 8)$' "$T/main.ll"
	grep -q '^declare float @f3_sum(<2 x float>, float)$' "$T/main.ll"
	grep -q '^declare void @make_big(ptr sret(%struct.Big) align 8, i64)$' "$T/main.ll"
	grep -q '^declare { i64, i64 } @make_point(i64, i64)$' "$T/main.ll"
	grep -q '^declare zeroext i1 @is_pos(i64)$' "$T/main.ll"
	grep -q '^declare signext i16 @neg16(i16 signext)$' "$T/main.ll"
}

@test "the IR passes opt -verify" {
	link
	opt -opaque-pointers -verify -disable-output "$T/main.ll" 2>/dev/null ||
		opt -verify -disable-output "$T/main.ll"
}
