#!/usr/bin/env bats
# concrete --fmt (CLI_AND_REPORTS.md 1.1): the source pretty-printed from its
# AST.  Over the whole corpus: fmt(x) parses to x's AST (con-dump text
# without spans) and fmt(fmt(x)) == fmt(x).

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	TOP=$BATS_TEST_DIRNAME/../..
	T=$(mktemp -d)
}

teardown() {
	rm -rf "$T"
}

# The AST of a source as con-dump text, spans and the source name removed.
ast() {
	"$BIN/con-parse" "$1" 2>/dev/null | "$BIN/con-dump" | sed -e '1d' -e 's/ [0-9]*:[0-9]*$//'
}

# Checks one source; prints why on failure.
fmt_ok() {
	local src=$1 name
	name=$(basename "$src")
	mkdir -p "$T/1" "$T/2"
	"$BIN/con-parse" "$src" -o "$T/ast" 2>/dev/null || return 0   # negative syntax tests
	if ! "$BIN/concrete" "$src" --fmt > "$T/1/$name" 2> "$T/err"; then
		echo "$src: --fmt failed: $(head -1 "$T/err")"; return 1
	fi
	if ! diff <("$BIN/con-dump" "$T/ast" | sed -e '1d' -e 's/ [0-9]*:[0-9]*$//') <(ast "$T/1/$name") > "$T/diff"; then
		echo "$src: the formatted source has another AST:"; head -8 "$T/diff"; return 1
	fi
	"$BIN/concrete" "$T/1/$name" --fmt > "$T/2/$name"
	if ! diff "$T/1/$name" "$T/2/$name" > "$T/diff"; then
		echo "$src: fmt is not idempotent:"; head -8 "$T/diff"; return 1
	fi
}

@test "fmt over the corpus: same AST, idempotent" {
	local bad=0 n=0
	for src in "$TOP"/tests/programs/*.con "$TOP"/tests/parse/*.con; do
		n=$((n + 1))
		fmt_ok "$src" || bad=$((bad + 1))
	done
	echo "$bad of $n sources failed"
	[ "$bad" -eq 0 ]
}

@test "the corpus that fmt is checked on has every AST node kind of schema.def" {
	for src in "$TOP"/tests/parse/*.con "$TOP"/tests/programs/*.con; do
		"$BIN/con-parse" "$src" 2>/dev/null | "$BIN/con-dump" 2>/dev/null || true
	done > "$T/all.dump"
	missing=""
	for k in $(sed -n 's/^NODE(\([A-Za-z]*\), *S_AST.*/\1/p' "$TOP/libir/schema.def"); do
		grep -q "#[0-9]* $k\b" "$T/all.dump" || missing="$missing $k"
	done
	echo "node kinds no source uses:$missing"
	[ -z "$missing" ]
}

@test "comments stay where they were; blank lines are kept, runs become one" {
	cat > "$T/c.con" <<'SRC'
// header


struct Copy P { x: Int, // the x
  y: Int }
fn main() -> Int {   // on the fn line
    let a = 1; // one
    // before b

    let b = if a > 0 { 1 } else { 2 };
    match a { 1 => { return 2; }, _ => return b }
    // end of main
}
// end of file
SRC
	cat > "$T/want" <<'SRC'
// header

struct Copy P {
    x: Int,  // the x
    y: Int,
}
fn main() -> Int {
    // on the fn line
    let a = 1;  // one
    // before b

    let b = if a > 0 { 1 } else { 2 };
    match a {
        1 => {
            return 2;
        }
        _ => return b,
    }
    // end of main
}
// end of file
SRC
	"$BIN/concrete" "$T/c.con" --fmt > "$T/got"
	diff "$T/want" "$T/got"
}

@test "literals print back to the same values" {
	cat > "$T/lit.con" <<'SRC'
fn main() -> Int {
    let s = "tab\there \"q\" back\\slash nl\n nul\0 é";
    let c = '\'';
    let d = '\\';
    let e = 'é';
    let n = '\0';
    let h = 0xFF + 0b101 + 0o17;
    let f = 1.50;
    let t = x.0.1;
    let neg = - -1;
    let r = & &mut v;
    return 0;
}
SRC
	"$BIN/concrete" "$T/lit.con" --fmt > "$T/lit2.con"
	diff <(ast "$T/lit.con") <(ast "$T/lit2.con")
	grep -qF 'let h = 255 + 5 + 15;' "$T/lit2.con"
	grep -qF 'let f = 1.50;' "$T/lit2.con"
	grep -qF 'let neg = - -1;' "$T/lit2.con"
}
