#!/usr/bin/env bats
# Monomorphization and method symbols (ABI.md 11): generic instances
# `<name>_for_<A>..`, struct instances `<Name>_<A>..`, methods `<Type>_<m>`.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	export TMPDIR=$T
	cat > "$T/g.con" <<'SRC'
struct Copy Pair<A> { a: A, b: A }
struct Copy Point { x: Int, y: Int }
trait Len { fn len(&self) -> Int; }
impl Len for Point {
    fn len(&self) -> Int { return self.x + self.y; }
}
fn identity<T>(x: T) -> T { return x; }
fn swap<A: Copy, B>(a: A, b: B) -> B { return b; }
fn total<L: Len>(l: &L) -> Int { return l.len(); }
fn first<T: Copy>(p: Pair<T>) -> T { return p.a; }
fn main() -> Int {
    let p: Pair<Int> = Pair::<Int> { a: 1, b: 2 };
    let q: Point = Point { x: 3, y: 4 };
    let k: i32 = identity::<i32>(5);
    let b: bool = swap::<i32, bool>(k, true);
    return identity(first(p)) + total(&q) + first::<Pair<Int>>(Pair::<Pair<Int>> { a: p, b: p }).b;
}
SRC
}

teardown() {
	rm -rf "$T"
}

@test "generic function instances are named <name>_for_<args>" {
	run "$BIN/concrete" "$T/g.con" --emit-llvm
	[ "$status" -eq 0 ]
	[[ "$output" == *"define i64 @identity_for_Int("* ]]
	[[ "$output" == *"define i32 @identity_for_i32("* ]]
	[[ "$output" == *"@swap_for_i32_Bool("* ]]
	[[ "$output" == *"@first_for_Pair_Int("* ]]
}

@test "struct instances and methods keep the reference spelling" {
	run "$BIN/concrete" "$T/g.con" --emit-llvm
	[ "$status" -eq 0 ]
	[[ "$output" == *"%struct.Pair_Int = type"* ]]
	[[ "$output" == *"%struct.Pair_Pair_Int = type"* ]]
	[[ "$output" == *"define i64 @Point_len("* ]]
	[[ "$output" == *"define i64 @total_for_Point("* ]]
}

@test "a generic program runs" {
	run "$BIN/concrete" "$T/g.con" -o "$T/g"
	[ "$status" -eq 0 ]
	run "$T/g"
	[ "$output" = "10" ]
}
