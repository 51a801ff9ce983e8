#!/usr/bin/env bats
# Borrow rules (CHECKS.md 4.1-4.3, tools/con-check/borrowck.c): several
# independent borrow errors of one file are all reported, one per statement,
# each with its code, line, hint and note.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/mix.con" <<'SRC'
fn frozen() -> Int {
    let mut n: Int = 1;
    borrow n as r in R {
        let m: Int = n + n;
        n = 3;
        let r2: &Int = r;
    }
    return n;
}
fn named() -> Int {
    let mut n: Int = 1;
    let s: &Int = &n;
    let w: &mut Int = &mut n;
    let k: Int = 2;
    let x: &mut Int = &mut k;
    return *s;
}
fn main() -> Int {
    return frozen() + named();
}
SRC
}

teardown() {
	rm -rf "$T"
}

@test "every borrow error of a file is reported once, in source order" {
	run "$BIN/con-check" "$T/mix.con"
	[ "$status" -ne 0 ]
	got=$(printf '%s\n' "$output" | grep -o '^[^ ]*:[0-9]*:[0-9]*: error\[[a-z-]*\]: ([A-Z0-9]*)' |
		sed 's/.*:\([0-9]*\):[0-9]*: error\[\([a-z-]*\)\]: (\([A-Z0-9]*\))/\1 \2 \3/')
	want='4 check E0203
5 check E0218
6 check E0234
13 check E0232
15 check E0233'
	[ "$got" = "$want" ]
}

@test "borrow errors name the variable and carry hint and note lines" {
	run "$BIN/con-check" "$T/mix.con"
	[[ "$output" == *"variable 'n' is frozen by borrow block"* ]]
	[[ "$output" == *"cannot assign to 'n': variable is frozen by borrow block"* ]]
	[[ "$output" == *"reference 'r' cannot escape its borrow block"* ]]
	[[ "$output" == *"hint: copy the data before the borrow block ends"* ]]
	[[ "$output" == *"cannot mutably borrow 'n': already borrowed"* ]]
	[[ "$output" == *"note: "*"'s' borrows 'n' here and is still live"* ]]
	[[ "$output" == *"hint: declare with 'let mut' to allow mutable borrowing"* ]]
	[[ "$output" == *"note: "*"'n' is borrowed as 'r' in this block"* ]]
}

@test "the named reference of a finished then-branch is gone" {
	cat > "$T/ok.con" <<'SRC'
fn bump(n: &mut Int) {
    *n = *n + 1;
}
fn main() -> Int {
    let mut n: Int = 1;
    if n > 0 {
        let s: &Int = &n;
        n = *s;
    }
    bump(&mut n);
    return n;
}
SRC
	run "$BIN/con-check" "$T/ok.con"
	[ "$status" -eq 0 ]
}
