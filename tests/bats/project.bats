#!/usr/bin/env bats
# Project mode (CLI_AND_REPORTS.md 1.4): Concrete.toml, concrete build/run/
# test, the standard library as module `std` (prebuilt interfaces and
# archive, CONCRETE_STD, after make install), the [policy] deny list.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	TOP=$(cd "$BATS_TEST_DIRNAME/../.." && pwd)
	T=$(mktemp -d)
	P=$T/proj
	mkdir -p "$P/src"
	cat > "$P/Concrete.toml" <<'EOF'
[package]
name = "demo"   # the default output name
version = "0.1.0"

[dependencies]

[profile.release]
opt_level = 3
EOF
	cat > "$P/src/main.con" <<'SRC'
import std.ascii.{is_digit, to_upper};

fn main() with(Console) -> Int {
    if is_digit('7') {
        print_char(to_upper('q') as Int);
        print_char(10);
    }
    return 5;
}

#[test]
fn test_digit() -> i32 {
    if is_digit('x') { return 1; }
    return 0;
}
SRC
}

teardown() {
	rm -rf "$T"
}

@test "build: compiles src/main.con to the package name, cache in build/" {
	cd "$P"
	run "$BIN/concrete" build
	[ "$status" -eq 0 ]
	[ "$output" = "Built demo" ]
	[ -f build/main.ll ]
	run ./demo
	[ "$output" = "$(printf 'Q\n5')" ]
}

@test "build -o OUT, and from a subdirectory of the project" {
	mkdir "$P/sub"
	cd "$P/sub"
	run "$BIN/concrete" build -o "$T/app"
	[ "$status" -eq 0 ]
	[ "$output" = "Built $T/app" ]
	run "$T/app"
	[ "$output" = "$(printf 'Q\n5')" ]
}

@test "build --emit-llvm prints the IR" {
	cd "$P"
	run "$BIN/concrete" build --emit-llvm
	[ "$status" -eq 0 ]
	[[ "$output" == *"define"* ]]
}

@test "run: builds quietly, passes arguments, exit status is the program's" {
	cat > "$P/src/main.con" <<'SRC'
trusted extern fn __concrete_get_argc() -> i32;

fn main() with(Console) -> Int {
    print_int(__concrete_get_argc() as Int);
    print_char(10);
    return 0;
}
SRC
	cd "$P"
	run "$BIN/concrete" run -- one two
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf '3\n0')" ]
	[ ! -e demo ]
	printf 'fn main() -> Int {\n    abort();\n    return 0;\n}\n' > src/main.con
	run "$BIN/concrete" run
	[ "$status" -ne 0 ]
}

@test "test: runs the #[test] functions, --module filters" {
	cd "$P"
	run "$BIN/concrete" test
	[ "$status" -eq 0 ]
	[ "$output" = "PASS: test_digit" ]
	run "$BIN/concrete" test --module nothing
	[ "$output" = "No tests found" ]
}

@test "no Concrete.toml: error and hint, exit 1" {
	cd "$T"
	run "$BIN/concrete" build
	[ "$status" -eq 1 ]
	[[ "${lines[0]}" == "error: no Concrete.toml found in current directory or parent" ]]
	[[ "${lines[1]}" == *hint* ]]
}

@test "bad project usage prints the usage, exit 1" {
	cd "$P"
	run "$BIN/concrete" build --bogus
	[ "$status" -eq 1 ]
	[[ "$output" == *usage* ]]
	run "$BIN/concrete" run extra
	[ "$status" -eq 1 ]
}

@test "malformed Concrete.toml: one line naming file and line, exit 1" {
	cd "$P"
	printf '[package]\nname = "x\n' > Concrete.toml
	run "$BIN/concrete" build
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 1 ]
	[[ "$output" == *"Concrete.toml:2:"* ]]
	printf '[package\n' > Concrete.toml
	run "$BIN/concrete" build
	[ "$status" -eq 1 ]
	[[ "$output" == *"Concrete.toml:1: malformed section header"* ]]
	printf 'name = "x"\n' > Concrete.toml
	run "$BIN/concrete" build
	[[ "$output" == *"key outside of any [section]"* ]]
	printf '[policy]\ndeny = "Console"\n' > Concrete.toml
	run "$BIN/concrete" build
	[ "$status" -eq 1 ]
	[[ "$output" == *"deny must be a list of strings"* ]]
}

@test "unknown section and policy key warn; no name builds a.out" {
	cd "$P"
	printf '[weird]\nx = 1\n[policy]\nfrobnicate = true\n' > Concrete.toml
	run "$BIN/concrete" build
	[ "$status" -eq 0 ]
	[[ "$output" == *"warning: Concrete.toml has unrecognized section '[weird]'"* ]]
	[[ "$output" == *"frobnicate"* ]]
	[[ "$output" == *"Built a.out"* ]]
	[ -x a.out ]
}

@test "policy deny: E0611 for a function declaring the capability" {
	cd "$P"
	printf '[package]\nname = "demo"\n[policy]\ndeny = ["Network", "Console"]\n' > Concrete.toml
	run "$BIN/concrete" build
	[ "$status" -eq 1 ]
	[[ "$output" == *"error[policy]: (E0611) policy violation: capability 'Console' is denied"* ]]
	[[ "$output" == *"remove with(Console) or change [policy] deny list"* ]]
	[ ! -e demo ]
	# changing the policy alone re-checks (the cache depends on Concrete.toml)
	printf '[package]\nname = "demo"\n[policy]\ndeny = ["Network"]\n' > Concrete.toml
	run "$BIN/concrete" build
	[ "$status" -eq 0 ]
}

@test "std is not available to single files" {
	run "$BIN/concrete" "$P/src/main.con" -o "$T/x"
	[ "$status" -eq 1 ]
	[[ "$output" == *"unknown module 'std.ascii'"* ]]
}

@test "the program links only the std members it uses" {
	cd "$P"
	"$BIN/concrete" build
	nm demo | grep -q ' T ascii_is_digit'
	! nm demo | grep -q 'math_abs'
}

@test "std's own tests pass (concrete std/src/lib.con --test)" {
	run "$BIN/concrete" "$TOP/std/src/lib.con" --test
	[ "$status" -eq 0 ]
	[[ "$output" != *FAIL* ]]
	[[ "$output" == *"PASS: option_test_option_some"* ]]
	[[ "$output" == *"PASS: result_test_result_match"* ]]
	run "$BIN/concrete" "$TOP/std/src/lib.con" --test --module std.ascii
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "PASS: ascii_test_digits" ]
	[ "${#lines[@]}" -eq 4 ]
}

@test "CONCRETE_STD: a std source tree is built into the project's build/std" {
	cp -R "$TOP/std" "$T/mystd"
	rm -rf "$T/mystd/build"
	sed -i 's/pub fn is_digit(ch: char) -> bool {/pub fn is_digit(ch: char) -> bool {\n        if ch == 113 { return true; }/' "$T/mystd/src/ascii.con"
	cd "$P"
	CONCRETE_STD=$T/mystd run "$BIN/concrete" test
	[ "$status" -eq 0 ]
	[ -f build/std/libconcrete_std.a ]
	printf 'import std.ascii.{is_digit};\nfn main() -> bool { return is_digit(113 as char); }\n' > src/main.con
	CONCRETE_STD=$T/mystd run "$BIN/concrete" run
	[ "$output" = "true" ]
}

@test "the example project builds, runs and tests" {
	cp -R "$TOP/examples/project" "$T/ex"
	rm -rf "$T/ex/build" "$T/ex/wordstat"
	cd "$T/ex"
	run "$BIN/concrete" build
	[ "$output" = "Built wordstat" ]
	run ./wordstat
	[ "$output" = "$(printf '3 10 3\n3')" ]
	run "$BIN/concrete" test
	[ "$status" -eq 0 ]
	[[ "$output" == *"PASS: count_test_empty"* ]]
}

@test "make install: the installed driver finds std under PREFIX/share/concrete" {
	[ "$(cd "$BIN" && pwd)" = "$TOP/build/bin" ] || skip "installs the plain build only"
	make -s -C "$TOP" install PREFIX="$T/inst" >/dev/null
	[ -f "$T/inst/share/concrete/std/build/libconcrete_std.a" ]
	cd "$P"
	run "$T/inst/bin/concrete" build
	[ "$status" -eq 0 ]
	run ./demo
	[ "$output" = "$(printf 'Q\n5')" ]
	# without any std: a warning, and the std import fails
	rm -rf "$T/inst/share/concrete/std"
	rm -rf build
	run "$T/inst/bin/concrete" build
	[ "$status" -eq 1 ]
	[[ "$output" == *"warning: builtin std not found"* ]]
}

@test "methods of the builtin Option/Result come from std (STDLIB.md 2.1)" {
	cat > "$P/src/main.con" <<'SRC'
fn find(k: Int) -> Option<Int> {
    if k > 2 {
        return Option::<Int>::Some { value: k * 10 };
    }
    return Option::<Int>::None;
}

fn main() with(Console) -> Int {
    let a: Option<Int> = find(5);
    let b: Option<Int> = find(1);
    println(a.is_some(), " ", b.is_none(), " ", b.is_some());
    let r: Result<Int, Int> = a.ok_or(7);
    println(r.is_ok(), " ", r.unwrap_or(0), " ", b.unwrap_or(3));
    return 0;
}
SRC
	cd "$P"
	run "$BIN/concrete" run
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "true true false" ]
	[ "${lines[1]}" = "true 50 3" ]
}
