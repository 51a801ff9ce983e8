/* rt.c: OOM and bounds failures, printing builtins. */
#include "rt.h"

#include <stdio.h>
#include <stdlib.h>

void *__concrete_check_oom(void *p)
{
	if (!p) {
		fflush(stdout);
		fputs("out of memory\n", stderr);
		abort();
	}
	return p;
}

void con_rt_bounds_fail(const char *file, int64_t line, int64_t col, int64_t index, int64_t len)
{
	/* Flush first so the program's own output precedes the message. */
	fflush(stdout);
	fprintf(stderr, "%s:%lld:%lld: index %lld out of bounds for array of length %lld\n",
		file ? file : "?", (long long)line, (long long)col, (long long)index, (long long)len);
	abort();
}

void con_rt_print_int(int64_t v)
{
	printf("%lld", (long long)v);
}

void con_rt_print_char(int64_t c)
{
	putchar((unsigned char)c);
}

void con_rt_print_bool(int64_t b)
{
	fputs(b ? "true" : "false", stdout);
}

void con_rt_print_bytes(const char *p, int64_t n)
{
	if (n > 0)
		fwrite(p, 1, (size_t)n, stdout);
}
