#!/usr/bin/env bats
# con-link: .ll/.o files + runtime archive -> a running executable; and the
# back half of the pipeline end to end.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/forty.con" <<'SRC'
fn main() -> Int {
    return 40 + 2;
}
SRC
}

teardown() {
	rm -rf "$T"
}

# build NAME: $T/NAME.con -> $T/NAME.ll -> $T/NAME
build() {
	"$BIN/con-parse" "$T/$1.con" | "$BIN/con-check" | "$BIN/con-lower" | "$BIN/con-emit" > "$T/$1.ll" &&
		"$BIN/con-link" -o "$T/$1" "$T/$1.ll"
}

@test "links a .ll into a running program; the wrapper prints main's result" {
	build forty
	run "$T/forty"
	[ "$status" -eq 0 ]
	[ "$output" = "42" ]
}

@test "-O0 skips opt and still links" {
	"$BIN/con-parse" "$T/forty.con" | "$BIN/con-emit" > "$T/f.ll"
	run "$BIN/con-link" -O0 -o "$T/f0" "$T/f.ll"
	[ "$status" -eq 0 ]
	run "$T/f0"
	[ "$output" = "42" ]
}

@test "links object files made by llc" {
	"$BIN/con-parse" "$T/forty.con" | "$BIN/con-emit" > "$T/f.ll"
	llc -opaque-pointers -relocation-model=pic -filetype=obj "$T/f.ll" -o "$T/f.o"
	run "$BIN/con-link" -o "$T/fo" "$T/f.o"
	[ "$status" -eq 0 ]
	run "$T/fo"
	[ "$output" = "42" ]
}

@test "the subset end to end: structs, loops, labels, match, fn pointers, casts, printing" {
	cat > "$T/all.con" <<'SRC'
struct Copy Inner { a: i32, b: u8 }
struct Copy Outer { inner: Inner, n: Int }

fn fact(n: Int) -> Int {
    if n <= 1 {
        return 1;
    }
    return n * fact(n - 1);
}

fn twice(x: Int) -> Int {
    return x * 2;
}

fn apply(f: fn(Int) -> Int, v: Int) -> Int {
    return f(v);
}

fn pick(x: Int) -> Int {
    let r: Int = match x {
        _ => 99,
        0 => 0,
        1 => 10,
    };
    return r;
}

fn bump(o: Outer) -> Outer {
    let mut c: Outer = o;
    c.n = c.n + 100;
    return c;
}

fn main() with(Console) -> Int {
    let mut o: Outer = Outer { n: 5, inner: Inner { b: 200, a: -3 } };
    o.inner.a = o.inner.a * 2;
    println("a=", o.inner.a, " b=", o.inner.b, " n=", o.n);
    let o2: Outer = bump(o);
    println("n=", o.n, " n2=", o2.n, " b2=", o2.inner.b);
    println("fact=", fact(10));
    let g: fn(Int) -> Int = twice;
    println("apply=", apply(twice, 21), " g=", g(4));
    let mut total: Int = 0;
    'outer: for (let mut i: Int = 0; i < 10; i = i + 1) {
        if i % 2 == 0 {
            continue;
        }
        let mut j: Int = 0;
        while true {
            j = j + 1;
            if j > i {
                break;
            }
            if i == 7 {
                break 'outer;
            }
            total = total + j;
        }
    }
    println("total=", total);
    let mut k: Int = 3;
    let found: Int = while k < 10 {
        if k * k > 20 {
            break k;
        }
        k = k + 1;
    } else {
        -1;
    };
    println("found=", found, " pick=", pick(0), pick(1), pick(5));
    let sq: [Int; 4] = [7; 4];
    let mut arr: [Int; 4] = [1, 2, 3, 4];
    arr[2] = arr[0] + sq[3];
    println(arr[2], ' ', arr[3]);
    let big: u8 = 250;
    let wrapped: u8 = big + 10;
    let neg: i32 = -5;
    println(wrapped, " ", neg >> 1, " ", neg as Int, " ", big as i8);
    let flag: bool = k > 100 || fact(3) == 6;
    println(flag, " ", !flag, " ", ~0, " ", 1 << 4, " ", 7 ^ 2);
    let sign: Int = if neg < 0 { -1 } else { 1 };
    print_int(sign);
    print_char(10);
    print_bool(k == 5);
    print("\n");
    return 42;
}
SRC
	build all
	run "$T/all"
	[ "$status" -eq 0 ]
	[ "$output" = "a=-6 b=200 n=5
n=5 n2=105 b2=200
fact=3628800
apply=42 g=8
total=22
found=5 pick=01099
8 4
4 -3 -5 -6
true false -1 16 5
-1
true
42" ]
}

@test "main's result is printed by its type" {
	printf 'fn main() -> bool {\n    return 1 < 2;\n}\n' > "$T/b.con"
	printf 'fn main() -> i32 {\n    return -7;\n}\n' > "$T/i.con"
	printf 'fn main() -> u8 {\n    return 255;\n}\n' > "$T/u.con"
	printf 'fn main() with(Console) {\n    print_int(5);\n}\n' > "$T/n.con"
	build b && build i && build u && build n
	run "$T/b"; [ "$output" = "true" ]
	run "$T/i"; [ "$output" = "-7" ]
	run "$T/u"; [ "$output" = "255" ]
	run "$T/n"; [ "$output" = "5" ]
	[ "$status" -eq 0 ]
}

@test "an out-of-bounds index aborts with the location" {
	cat > "$T/oob.con" <<'SRC'
fn main() with(Console) -> Int {
    let a: [Int; 3] = [1, 2, 3];
    let mut i: Int = 0;
    while i < 10 {
        print_int(a[i]);
        i = i + 1;
    }
    return 0;
}
SRC
	build oob
	run "$T/oob"
	[ "$status" -ne 0 ]
	[[ "$output" == "123"*"oob.con:5:"*": index 3 out of bounds for array of length 3"* ]]
}

@test "test mode runs #[test] functions and fails when one fails" {
	cat > "$T/t.con" <<'SRC'
#[test]
fn test_ok() -> i32 {
    return 0;
}

#[test]
fn test_bad() -> i32 {
    return 1;
}
SRC
	"$BIN/con-parse" "$T/t.con" | "$BIN/con-emit" --test > "$T/t.ll"
	"$BIN/con-link" -o "$T/t" "$T/t.ll"
	run "$T/t"
	[ "$status" -eq 1 ]
	[ "$output" = "PASS: test_ok
FAIL: test_bad" ]
	"$BIN/con-parse" "$T/forty.con" | "$BIN/con-emit" --test > "$T/none.ll"
	"$BIN/con-link" -o "$T/none" "$T/none.ll"
	run "$T/none"
	[ "$status" -eq 0 ]
	[ "$output" = "No tests found" ]
}

@test "missing inputs and runtime exit 2; --runtime and CONCRETE_RUNTIME override" {
	run "$BIN/con-link" -o "$T/x" "$T/nothere.ll"
	[ "$status" -eq 2 ]
	[[ "$output" == *"cannot read"* ]]
	run "$BIN/con-link"
	[ "$status" -eq 2 ]
	"$BIN/con-parse" "$T/forty.con" | "$BIN/con-emit" > "$T/f.ll"
	run "$BIN/con-link" --runtime "$T/none.a" -o "$T/x" "$T/f.ll"
	[ "$status" -eq 2 ]
	[[ "$output" == *"runtime library not found"* ]]
	CONCRETE_RUNTIME="$T/none.a" run "$BIN/con-link" -o "$T/x" "$T/f.ll"
	[ "$status" -eq 2 ]
	run "$BIN/con-link" --runtime "$BIN/../lib/libconcrete_rt.a" -o "$T/x" "$T/f.ll"
	[ "$status" -eq 0 ]
	run "$T/x"
	[ "$output" = "42" ]
}

@test "a failing tool is reported in one line with exit 1" {
	printf 'this is not llvm\n' > "$T/bad.ll"
	run "$BIN/con-link" -o "$T/x" "$T/bad.ll"
	[ "$status" -eq 1 ]
	[[ "$output" == *"con-link: opt failed (exit 1)"* ]]
	run "$BIN/con-link" -O0 -o "$T/x" "$T/bad.ll"
	[ "$status" -eq 1 ]
	[[ "$output" == *"con-link: llc failed (exit 1)"* ]]
	[ ! -e "$T/x" ]
}
