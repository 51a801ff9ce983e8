#!/bin/sh
# Re-derive expected outputs: compile every cref/run_*.c, cref/spec_*.c and cref/big_*.c, run
# it, and compare with ../NAME.out.  `sh regen.sh --write` rewrites the .out files instead.
cd "$(dirname "$0")" || exit 1
tmp=$(mktemp -d); pass=0; fail=0
for c in run_*.c spec_*.c big_*.c; do
  n=${c%.c}
  cc -O0 -fwrapv -w -o "$tmp/$n" "$c" || { echo "COMPILE FAIL $n"; fail=$((fail+1)); continue; }
  "$tmp/$n" > "$tmp/$n.out"
  if [ "$1" = "--write" ]; then cp "$tmp/$n.out" "../$n.out"; fi
  if [ ! -f "../$n.con" ]; then echo "MISSING ../$n.con"; fail=$((fail+1));
  elif cmp -s "$tmp/$n.out" "../$n.out"; then pass=$((pass+1));
  else echo "MISMATCH $n"; fail=$((fail+1)); fi
done
for con in ../run_*.con ../big_*.con; do b=$(basename "$con" .con); [ -f "$b.c" ] || { echo "NO CREF $b"; fail=$((fail+1)); }; done
rm -rf "$tmp"
echo "$pass matched, $fail failed"
[ $fail -eq 0 ]
