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

@test "--emit-checked and --emit-ir print con-dump text of those stages" {
	run "$BIN/concrete" "$T/forty.con" --emit-checked
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *'stage checked'* ]]
	[[ "$output" == *'FnDecl'*'name: "add"'* ]]
	[[ "$output" == *'ty=i64'* ]]
	run "$BIN/concrete" "$T/forty.con" --emit-ir
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *'stage ir'* ]]
	[[ "$output" == *'IrFunc'* ]]
	# --emit-ssa is accepted as the reference's name for the IR dump
	run "$BIN/concrete" "$T/forty.con" --emit-ssa
	[ "$status" -eq 0 ]
	[[ "${lines[0]}" == *'stage ir'* ]]
}

@test "--emit-core prints the checked program as source, one block per module" {
	cat > "$T/core.con" <<'SRC'
struct Point { x: Int, y: Int }
fn sum_point(p: Point) -> Int { return p.x + p.y; }
fn main() -> Int { return sum_point(Point { x: 2, y: 3 }); }
SRC
	run "$BIN/concrete" "$T/core.con" --emit-core
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "// module main" ]
	[[ "$output" == *"fn sum_point(p: Point) -> Int {"* ]]
}

@test "the dump modes stop at the first failing stage with its diagnostic" {
	run "$BIN/concrete" "$T/bad.con" --emit-checked
	[ "$status" -eq 1 ]
	[[ "$output" == *"type mismatch in let binding 'b'"* ]]
	[[ "$output" != *"stage checked"* ]]
	run "$BIN/concrete" "$T/bad.con" --emit-ir
	[ "$status" -eq 1 ]
}

@test "--fmt prints the formatted source; --fmt FILE is the same" {
	printf 'fn  add(a:Int,b:Int)->Int{return a+b;}\nfn main()->Int{return add(40,2);}\n' > "$T/ugly.con"
	run "$BIN/concrete" "$T/ugly.con" --fmt
	[ "$status" -eq 0 ]
	[ "${lines[0]}" = "fn add(a: Int, b: Int) -> Int {" ]
	[ "${lines[1]}" = "    return a + b;" ]
	[ "${lines[2]}" = "}" ]
	first=$output
	run "$BIN/concrete" --fmt "$T/ugly.con"
	[ "$status" -eq 0 ]
	[ "$output" = "$first" ]
}

@test "--fmt of a source with a syntax error exits 1 with the diagnostic" {
	printf 'fn main() -> Int {\n    return 1 +;\n}\n' > "$T/syn.con"
	run "$BIN/concrete" "$T/syn.con" --fmt
	[ "$status" -eq 1 ]
	[[ "$output" == *"syn.con:2:"*"error[parse]"* ]]
	[[ "$output" != *"fn main"* ]]
}

@test "--test runs the #[test] functions: PASS/FAIL lines, exit 1 on a failure" {
	cat > "$T/t.con" <<'SRC'
#[test]
fn test_ok() -> i32 {
    return 0;
}

#[test]
fn test_bad() -> i32 {
    return 3;
}

mod inner {
    #[test]
    fn test_nested() -> i32 {
        return 0;
    }
}
SRC
	run "$BIN/concrete" "$T/t.con" --test
	[ "$status" -eq 1 ]
	[ "${lines[0]}" = "PASS: test_ok" ]
	[ "${lines[1]}" = "FAIL: test_bad" ]
	[ "${lines[2]}" = "PASS: inner_test_nested" ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "--test --module M runs only the tests of M and its submodules" {
	cat > "$T/m.con" <<'SRC'
mod alpha {
    #[test]
    fn test_a() -> i32 {
        return 0;
    }

    mod beta {
        #[test]
        fn test_b() -> i32 {
            return 0;
        }
    }
}

mod gamma {
    #[test]
    fn test_g() -> i32 {
        return 1;
    }
}
SRC
	run "$BIN/concrete" "$T/m.con" --test --module alpha
	[ "$status" -eq 0 ]
	[ "$output" = "$(printf 'PASS: test_a\nPASS: beta_test_b')" ]
	run "$BIN/concrete" "$T/m.con" --test --module alpha.beta
	[ "$status" -eq 0 ]
	[ "$output" = "PASS: beta_test_b" ]
	run "$BIN/concrete" "$T/m.con" --test --module gamma
	[ "$status" -eq 1 ]
	[ "$output" = "FAIL: test_g" ]
	# a prefix of a module name is not that module
	run "$BIN/concrete" "$T/m.con" --test --module alp
	[ "$status" -eq 0 ]
	[ "$output" = "No tests found" ]
	# and the whole program again after the filtered runs
	run "$BIN/concrete" "$T/m.con" --test
	[ "$status" -eq 1 ]
	[ "${#lines[@]}" -eq 3 ]
}

@test "--test of a program that does not compile exits 1 without running" {
	run "$BIN/concrete" "$T/bad.con" --test
	[ "$status" -eq 1 ]
	[[ "$output" == *"type mismatch"* ]]
	[[ "$output" != *"PASS"* ]]
}

@test "one source built by relative and then absolute path shares the cache correctly" {
	mkdir -p "$T/d/sub"
	cp "$T/forty.con" "$T/d/sub/p.con"
	cd "$T/d"
	TMPDIR=$T run "$BIN/concrete" sub/p.con -o "$T/p1"
	[ "$status" -eq 0 ]
	cd "$T/d/sub"
	TMPDIR=$T run "$BIN/concrete" "$T/d/sub/p.con" -o "$T/p2"
	[ "$status" -eq 0 ]
	run "$T/p2"
	[ "$output" = "42" ]
}
