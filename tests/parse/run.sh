#!/bin/sh
# Grammar goldens: X.con beside X.dump (con-dump text of the AST) or, for
# sources that must fail, X.errs (the primary diagnostic lines).
# Usage: run.sh [--update]   (--update rewrites the goldens; read them!)
dir=$(cd "$(dirname "$0")" && pwd)
bin=${CONCRETE_BIN:-$dir/../../build/bin}
update=0
[ "$1" = "--update" ] && update=1
cd "$dir" || exit 2
pass=0 fail=0
tmp=$(mktemp) || exit 2
for src in *.con; do
	t=${src%.con}
	if [ -f "$t.errs" ] || { [ $update = 1 ] && ! "$bin/con-parse" "$src" >/dev/null 2>&1; }; then
		golden=$t.errs
		"$bin/con-parse" "$src" 2>&1 >/dev/null | grep 'error\[' > "$tmp"
	else
		golden=$t.dump
		"$bin/con-parse" "$src" | "$bin/con-dump" > "$tmp" 2>&1
	fi
	if [ $update = 1 ]; then
		cp "$tmp" "$golden"
	fi
	if cmp -s "$tmp" "$golden"; then
		pass=$((pass + 1))
	else
		fail=$((fail + 1))
		echo "FAIL parse/$src"
		diff "$golden" "$tmp" | head -20
	fi
done
rm -f "$tmp"
echo "parse: $pass passed, $fail failed"
[ $fail = 0 ]
