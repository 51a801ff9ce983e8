#!/bin/sh
# Installs what the build and the tests need, when it is missing.
need=""
[ -f /usr/include/msgpack.h ] || need="$need libmsgpack-dev"
command -v bats >/dev/null 2>&1 || need="$need bats"
command -v llc >/dev/null 2>&1 || need="$need llvm"
command -v clang >/dev/null 2>&1 || need="$need clang"
command -v valgrind >/dev/null 2>&1 || need="$need valgrind"
[ -n "$(ls /usr/lib/llvm-14/lib/clang/14*/lib/linux/libclang_rt.fuzzer-x86_64.a 2>/dev/null)" ] || need="$need libclang-rt-14-dev"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
	echo "setup: installing$need" >&2
	apt-get update -qq >/dev/null 2>&1
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $need >/dev/null || {
		echo "setup: apt-get install$need failed" >&2; exit 1; }
else
	echo "setup: missing packages:$need (install them, e.g. apt-get install$need)" >&2
	exit 1
fi
