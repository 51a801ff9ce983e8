#!/usr/bin/env bats
# Diagnostics (CHECKS.md 9, ARCHITECTURE.md 7): every independent error of a
# module in one run, in source order, in text and as JSON lines.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	T=$(mktemp -d)
	# One error per line 2, 7..12, from resolve, check and core-check.
	cat > "$T/mix.con" <<'SRC'
struct Tok { id: Int }
struct Copy Bag { t: Tok }
fn two(a: Int, b: Int) -> Int {
    return a + b;
}
fn main() -> Int {
    let b: Bool = 5;
    let v: Int = two(1);
    let w: Int = nothing(1);
    if 1.5 { }
    break;
    return q;
}
SRC
}

teardown() {
	rm -rf "$T"
}

# The expected error lines, in order: LINE PASS CODE PHRASE.
expected() {
	cat <<'EXP'
2	core-check	E0571	contains non-copy field
7	check	E0220	type mismatch in let binding 'b'
8	check	E0262	expects 2 arguments
9	resolve	E0101	unknown function 'nothing'
10	core-check	E0540	if condition must be Bool
11	check	E0280	break outside of loop
12	resolve	E0100	undeclared variable 'q'
EXP
}

@test "every independent error is reported once, in source order" {
	run "$BIN/con-check" "$T/mix.con" -o /dev/null
	[ "$status" -eq 1 ]
	errs=$(echo "$output" | grep -F ': error[')
	[ "$(echo "$errs" | wc -l)" -eq 7 ]
	i=1
	while IFS=$'\t' read -r line pass code phrase; do
		got=$(echo "$errs" | sed -n "${i}p")
		echo "want $line $pass $code $phrase; got $got"
		[[ $got == *"mix.con:$line:"*": error[$pass]: ($code) "*"$phrase"* ]]
		i=$((i + 1))
	done < <(expected)
}

@test "the driver reports the same errors" {
	run "$BIN/concrete" "$T/mix.con" -o "$T/mix"
	[ "$status" -ne 0 ]
	[ "$(echo "$output" | grep -cF ': error[')" -eq 7 ]
	[ ! -e "$T/mix" ]
}

@test "--diagnostics json: one object per error, same order, fields of the text" {
	run bash -c "'$BIN/con-check' --diagnostics json '$T/mix.con' 2>&1 >/dev/null"
	[ "$status" -eq 1 ]
	echo "$output" > "$T/json"
	expected > "$T/exp"
	python3 - "$T/json" "$T/exp" <<'PY'
import json, sys
objs = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
exp = [l.rstrip('\n').split('\t') for l in open(sys.argv[2])]
assert len(objs) == len(exp), (len(objs), len(exp))
for o, (line, pas, code, phrase) in zip(objs, exp):
    assert o["severity"] == "error", o
    assert o["line"] == int(line) and o["pass"] == pas and o["code"] == code, o
    assert phrase in o["message"], o
    assert o["file"].endswith("mix.con"), o
    assert "while checking module 'main'" in o["context"], o
assert objs[0]["hints"], objs[0]
PY
}

@test "post-mono Copy check (CHECKS.md 8.2) has no span, pass post-mono and a hint" {
	cat > "$T/pm.con" <<'SRC'
struct Tok { id: Int }
struct Copy Cell<T> { v: T }
fn main() -> Int {
    let c = Cell::<Tok> { v: Tok { id: 1 } };
    return 0;
}
SRC
	run bash -c "'$BIN/con-parse' '$T/pm.con' | '$BIN/con-check' | '$BIN/con-lower' -o /dev/null"
	[ "$status" -eq 1 ]
	[[ $output == *"pm.con: error[post-mono]: Copy struct 'Cell' has non-Copy field 'v' after monomorphization"* ]]
	[[ $output == *"hint: the generic type parameter was instantiated with a non-Copy type"* ]]
	run bash -c "'$BIN/con-parse' '$T/pm.con' | '$BIN/con-check' | '$BIN/con-lower' --diagnostics json -o /dev/null 2>&1"
	[[ $output == *'"pass":"post-mono"'* ]]
}
