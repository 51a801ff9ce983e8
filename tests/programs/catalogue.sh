#!/usr/bin/env bash
# Coverage of the diagnostics catalogue (CHECKS.md section 10, copied into
# catalogue.txt): every row ID has tests chk_<ID>_neg1, chk_<ID>_neg2 (with
# a .err whose first line contains one of the row's key phrases) and
# chk_<ID>_ok (with a .out), as x.con files here, as mod_files/x/main.con or
# as projects/x/ (Concrete.toml, src/main.con, main.err or main.out).
# A row with no programs fails, unless catalogue.txt marks it `deferred`
# with the reason (printed on every run); a row whose programs exist but are
# incomplete or malformed fails.
# Usage: tests/programs/catalogue.sh
here=$(cd "$(dirname "$0")" && pwd)

# The source of program NAME (plain or mod_files), or nothing.
prog() {
	if [ -f "$here/$1.con" ]; then echo "$here/$1"
	elif [ -f "$here/mod_files/$1/main.con" ]; then echo "$here/mod_files/$1/main"
	elif [ -f "$here/projects/$1/Concrete.toml" ]; then echo "$here/projects/$1/main"
	fi
}

# Whether text $1 contains phrase $2, '*' in the phrase matching anything.
has_phrase() {
	local text=$1 rest=$2 piece
	while :; do
		piece=${rest%%\**}
		case $text in
		*"$piece"*) text=${text#*"$piece"} ;;
		*) return 1 ;;
		esac
		[ "$piece" = "$rest" ] && return 0
		rest=${rest#*\*}
	done
}

pass=0 fail=0 missing=()
while IFS=$'\t' read -r id phrases; do
	case $id in ''|'#'*) continue ;; esac
	if [ "${phrases%%$'\t'*}" = deferred ]; then
		echo "deferred $id: ${phrases#*$'\t'}"; continue
	fi
	IFS=$'\t' read -r -a ps <<< "$phrases"
	n1=$(prog "chk_${id}_neg1") n2=$(prog "chk_${id}_neg2") ok=$(prog "chk_${id}_ok")
	if [ -z "$n1$n2$ok" ]; then
		missing+=("$id"); continue
	fi
	bad=
	for kind in neg1 neg2 ok; do
		base=$(prog "chk_${id}_$kind")
		if [ -z "$base" ]; then bad="$bad chk_${id}_$kind missing;"; continue; fi
		if [ $kind = ok ]; then
			[ -f "$base.out" ] || bad="$bad chk_${id}_ok has no .out;"
			continue
		fi
		if [ ! -f "$base.err" ]; then bad="$bad chk_${id}_$kind has no .err;"; continue; fi
		line=$(head -1 "$base.err") found=
		for p in "${ps[@]}"; do
			has_phrase "$line" "$p" && { found=1; break; }
		done
		[ -n "$found" ] || bad="$bad chk_${id}_$kind: '$line' is none of the key phrases;"
	done
	if [ -n "$bad" ]; then
		echo "FAIL $id:$bad"; fail=$((fail + 1))
	else
		echo "ok $id"; pass=$((pass + 1))
	fi
done < "$here/catalogue.txt"
if [ ${#missing[@]} -gt 0 ]; then
	echo "FAIL rows without programs (${#missing[@]}): ${missing[*]}"
	fail=$((fail + ${#missing[@]}))
fi
echo "catalogue: $pass passed, $fail failed"
[ "$fail" = 0 ]
