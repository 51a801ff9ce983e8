#!/usr/bin/env bats
# docs: the generated IR.md is current and every tool has a page.

setup() {
	BIN=${CONCRETE_BIN:-$BATS_TEST_DIRNAME/../../build/bin}
	DOCS=$BATS_TEST_DIRNAME/../../docs
}

@test "docs/IR.md equals con-dump --schema-doc (run 'make docs' if not)" {
	"$BIN/con-dump" --schema-doc > "$BATS_TEST_TMPDIR/IR.md"
	diff -u "$DOCS/IR.md" "$BATS_TEST_TMPDIR/IR.md"
}

@test "every tool in the bin directory has a docs/<tool>.md page" {
	local missing=() n=0 tool
	for tool in "$BIN"/*; do
		[ -f "$tool" ] && [ -x "$tool" ] || continue
		n=$((n + 1))
		[ -f "$DOCS/$(basename "$tool").md" ] || missing+=("$(basename "$tool")")
	done
	[ "$n" -gt 0 ]
	if [ "${#missing[@]}" -gt 0 ]; then
		echo "no docs page for: ${missing[*]}"
		return 1
	fi
}

@test "docs/README.md links every tool page" {
	local tool
	for tool in "$BIN"/*; do
		[ -f "$tool" ] && [ -x "$tool" ] || continue
		grep -q "($(basename "$tool").md)" "$DOCS/README.md"
	done
}
