/* strings.c: the String builtins of BUILTINS.md 3.1-3.5 and 4.
 *
 * Symbols keep the spec's names (BUILTINS.md 4) and are weak, so a program
 * that defines a function of the same name wins at link time (BUILTINS.md
 * 1.2) — including the calls the compiler generates when it desugars
 * print/println/append.  Helpers that produce a String write it through an
 * out pointer: a 24-byte aggregate returned by value in LLVM IR does not
 * follow the C ABI (LLVM returns it in three registers, C through memory).
 * Bool arguments arrive as LLVM i1 without zeroext, so only bit 0 counts. */
#include "rt.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#define WEAK __attribute__((weak))

static char *xmalloc(int64_t n)
{
	return __concrete_check_oom(malloc((size_t)(n > 0 ? n : 1)));
}

/* Ensure room for `need` bytes: new cap = max(2*cap, need), or exactly
 * need when exact (string_reserve). */
static void grow(ConString *s, uint64_t need, bool exact)
{
	if (need <= (uint64_t)s->cap)
		return;
	uint64_t cap = exact ? need : 2 * (uint64_t)s->cap;
	if (cap < need)
		cap = need;
	/* cap 0: a borrowed header pointing at static data, or an owned empty
	 * result without buffer; either way copy, never realloc. */
	char *p = s->cap ? realloc(s->ptr, cap) : malloc(cap);
	__concrete_check_oom(p);
	if (!s->cap && s->len)
		memcpy(p, s->ptr, (size_t)s->len);
	s->ptr = p;
	s->cap = (int64_t)cap;
}

/* A result with cap 0 (an empty slice or concat) owns no buffer: ptr is
 * NULL, so that growing it later cannot be mistaken for a borrowed header
 * whose static bytes must be copied, and nothing leaks. */
static void make(ConString *out, const char *p, int64_t n, int64_t cap)
{
	out->ptr = cap > 0 ? xmalloc(cap) : NULL;
	if (n > 0)
		memcpy(out->ptr, p, (size_t)n);
	out->len = n;
	out->cap = cap;
}

void con_rt_string_lit(ConString *out, const char *p, int64_t n)
{
	make(out, p, n, n + 1);
	out->ptr[n] = 0;
}

WEAK int64_t string_length(const ConString *s)
{
	return s->len;
}

/* Only owned Strings reach here (a borrowed literal is a &String). */
WEAK void drop_string(ConString *s)
{
	free(s->ptr);
}

WEAK void string_concat(ConString *out, ConString *a, ConString *b)
{
	int64_t n = a->len + b->len;
	ConString r;
	make(&r, a->ptr, a->len, n);
	if (b->len)
		memcpy(r.ptr + a->len, b->ptr, (size_t)b->len);
	r.len = n;
	drop_string(a);
	drop_string(b);
	*out = r;
}

static int64_t clamp(int64_t v, int64_t hi)
{
	return v < 0 ? 0 : v > hi ? hi : v;
}

WEAK void string_slice(ConString *out, const ConString *s, int64_t start, int64_t end)
{
	int64_t s0 = clamp(start, s->len), e0 = clamp(end, s->len);
	if (e0 < s0)
		e0 = s0;
	make(out, s->ptr + s0, e0 - s0, e0 - s0);
}

WEAK void string_substr(ConString *out, const ConString *s, int64_t start, int64_t n)
{
	/* The addition wraps (BUILTINS.md 3.3). */
	string_slice(out, s, start, (int64_t)((uint64_t)start + (uint64_t)n));
}

WEAK int64_t string_char_at(const ConString *s, int64_t i)
{
	if (i < 0 || i >= s->len)
		return -1;
	return (unsigned char)s->ptr[i];
}

WEAK bool string_eq(const ConString *a, const ConString *b)
{
	if (a->len != b->len)
		return false;
	return !a->len || !memcmp(a->ptr, b->ptr, (size_t)a->len);
}

WEAK bool string_contains(const ConString *h, const ConString *n)
{
	if (!n->len)
		return true;
	if (n->len > h->len)
		return false;
	for (int64_t i = 0; i <= h->len - n->len; i++)
		if (!memcmp(h->ptr + i, n->ptr, (size_t)n->len))
			return true;
	return false;
}

static bool blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

WEAK void string_trim(ConString *out, const ConString *s)
{
	int64_t a = 0, b = s->len;
	while (a < b && blank(s->ptr[a]))
		a++;
	while (b > a && blank(s->ptr[b - 1]))
		b--;
	make(out, s->ptr + a, b - a, b > a ? b - a : 1);
}

WEAK void int_to_string(ConString *out, int64_t n)
{
	out->ptr = xmalloc(32);
	out->len = snprintf(out->ptr, 32, "%lld", (long long)n);
	out->cap = 32;
}

WEAK void bool_to_string(ConString *out, int b)
{
	const char *t = (b & 1) ? "true" : "false";
	int64_t n = (int64_t)strlen(t);
	make(out, t, n, n);
}

WEAK void float_to_string(ConString *out, double f)
{
	out->ptr = xmalloc(64);
	out->len = snprintf(out->ptr, 64, "%g", f);
	out->cap = 64;
}

/* Writes Result<Int, Int> (ABI.md 4: tag i32 at 0, payload at 8): Ok(n)
 * when the whole non-empty string is a strtol number, else Err(1). */
WEAK void string_to_int(void *out, const ConString *s)
{
	char *buf = xmalloc(s->len + 1), *end;
	if (s->len)
		memcpy(buf, s->ptr, (size_t)s->len);
	buf[s->len] = 0;
	long v = strtol(buf, &end, 10);
	bool ok = s->len > 0 && *end == 0;
	free(buf);
	int32_t tag = ok ? 0 : 1;
	int64_t value = ok ? (int64_t)v : 1;
	memcpy(out, &tag, sizeof tag);
	memcpy((char *)out + 8, &value, sizeof value);
}

WEAK void print_string(const ConString *s)
{
	if (s->len > 0)
		fwrite(s->ptr, 1, (size_t)s->len, stdout);
}

WEAK void print_int(int64_t n)
{
	printf("%lld", (long long)n);
}

WEAK void print_char(int64_t c)
{
	putchar((unsigned char)c);
}

WEAK void print_bool(int b)
{
	fputs((b & 1) ? "true" : "false", stdout);
}

WEAK void string_push_char(ConString *s, int64_t c)
{
	if (s->len >= s->cap)
		grow(s, s->cap * 2 > 8 ? (uint64_t)s->cap * 2 : 8, true);
	s->ptr[s->len++] = (char)c;
}

static void append_bytes(ConString *s, const char *p, int64_t n)
{
	grow(s, (uint64_t)s->len + (uint64_t)n, false);
	if (n > 0)
		memcpy(s->ptr + s->len, p, (size_t)n);
	s->len += n;
}

WEAK void string_append(ConString *s, const ConString *o)
{
	append_bytes(s, o->ptr, o->len);
}

WEAK void string_append_int(ConString *s, int64_t n)
{
	char buf[32];
	int k = snprintf(buf, sizeof buf, "%lld", (long long)n);
	append_bytes(s, buf, k);
}

WEAK void string_append_bool(ConString *s, int b)
{
	if (b & 1)
		append_bytes(s, "true", 4);
	else
		append_bytes(s, "false", 5);
}

WEAK void string_reserve(ConString *s, int64_t extra)
{
	grow(s, (uint64_t)s->len + (uint64_t)extra, true);
}

WEAK int64_t clock_monotonic_ns(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000000 + ts.tv_nsec;
}
