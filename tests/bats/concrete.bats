#!/usr/bin/env bats
# The driver's command line (CLI_AND_REPORTS.md 1.1).

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	cat > "$T/forty.con" <<'SRC'
fn add(a: Int, b: Int) -> Int {
    return a + b;
}

fn main() -> Int {
    return add(40, 2);
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

@test "concrete FILE builds FILE minus .con and says so" {
	cd "$T"
	run "$BIN/concrete" forty.con
	[ "$status" -eq 0 ]
	[ "$output" = "Compiled forty.con -> forty" ]
	run ./forty
	[ "$output" = "42" ]
}

@test "concrete FILE -o OUT" {
	run "$BIN/concrete" "$T/forty.con" -o "$T/prog"
	[ "$status" -eq 0 ]
	[ "$output" = "Compiled $T/forty.con -> $T/prog" ]
	run "$T/prog"
	[ "$status" -eq 0 ]
	[ "$output" = "42" ]
}

@test "a file not ending in .con gets .out appended" {
	cp "$T/forty.con" "$T/forty.src"
	cd "$T"
	run "$BIN/concrete" forty.src
	[ "$status" -eq 0 ]
	[ -x forty.src.out ]
}

@test "--emit-llvm prints LLVM IR with user_main and the C main" {
	run "$BIN/concrete" "$T/forty.con" --emit-llvm
	[ "$status" -eq 0 ]
	[[ "$output" == *"define i64 @add("* ]]
	[[ "$output" == *"@user_main("* ]]
	[[ "$output" == *"define i32 @main("* ]]
	[[ "$output" == *"target triple"* ]]
}

@test "a type error exits 1 with the diagnostic and no make noise" {
	run "$BIN/concrete" "$T/bad.con" -o "$T/bad"
	[ "$status" -eq 1 ]
	[[ "$output" == *"bad.con:2:"*"error[check]: (E0220) type mismatch in let binding 'b'"* ]]
	[[ "$output" != *"***"* ]]
	[ ! -e "$T/bad" ]
}

@test "--version names the version, commit and LLVM" {
	run "$BIN/concrete" --version
	[ "$status" -eq 0 ]
	[[ "$output" =~ ^concrete\ 0\.1\.0\ \(.+\)\ \[.+\]$ ]]
}

@test "usage errors exit 1 with the usage on stderr" {
	run "$BIN/concrete"
	[ "$status" -eq 1 ]
	[[ "$output" == *"usage:"* ]]
	run "$BIN/concrete" "$T/forty.con" --emit-llvm extra
	[ "$status" -eq 1 ]
	run "$BIN/concrete" "$T/forty.con" -o
	[ "$status" -eq 1 ]
	run "$BIN/concrete" --bogus
	[ "$status" -eq 1 ]
	[[ "$output" == *"usage:"* ]]
}

@test "a missing source file is one line and exit 1" {
	run "$BIN/concrete" "$T/nope.con"
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == *"nope.con"* ]]
}

@test "rebuilding an unchanged program reuses the cache" {
	"$BIN/concrete" "$T/forty.con" -o "$T/a" >/dev/null
	run "$BIN/concrete" "$T/forty.con" -o "$T/b"
	[ "$status" -eq 0 ]
	run "$T/b"
	[ "$output" = "42" ]
}

@test "two sources with the same name in different directories do not collide" {
	mkdir -p "$T/x" "$T/y"
	printf 'fn main() -> Int {\n    return 1;\n}\n' > "$T/x/m.con"
	printf 'fn main() -> Int {\n    return 2;\n}\n' > "$T/y/m.con"
	"$BIN/concrete" "$T/x/m.con" -o "$T/x/m" >/dev/null
	"$BIN/concrete" "$T/y/m.con" -o "$T/y/m" >/dev/null
	[ "$("$T/x/m")" = 1 ]
	[ "$("$T/y/m")" = 2 ]
}

@test "a read-only source directory still builds" {
	mkdir "$T/ro"
	cp "$T/forty.con" "$T/ro/"
	chmod a-w "$T/ro"
	run "$BIN/concrete" "$T/ro/forty.con" -o "$T/ro-out"
	chmod u+w "$T/ro"
	[ "$status" -eq 0 ]
	[ "$("$T/ro-out")" = 42 ]
}

@test "make install puts a working driver under PREFIX" {
	top=$BATS_TEST_DIRNAME/../..
	make -s -C "$top" install PREFIX="$T/inst" >/dev/null
	run "$T/inst/bin/concrete" "$T/forty.con" -o "$T/inst-out"
	[ "$status" -eq 0 ]
	[ "$("$T/inst-out")" = 42 ]
}
