/* arena.c: allocation that never returns NULL, the bump arena, Buf. */
#include "ir.h"

#include <sys/mman.h>
#include <stdlib.h>
#include <string.h>

static _Noreturn void oom(size_t n)
{
	fprintf(stderr, "out of memory (allocating %zu bytes)\n", n);
	abort();
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		oom(n);
	return p;
}

void *xcalloc(size_t n, size_t sz)
{
	void *p = calloc(n ? n : 1, sz ? sz : 1);
	if (!p)
		oom(n * sz);
	return p;
}

/* The node, list and output arrays of a large module reach tens of MB and
 * are written once: page faults on 4 KiB pages were half of con-parse's
 * time, so ask for transparent huge pages on big arrays. */
static void hint_huge(void *p, size_t n)
{
	const uintptr_t huge = 2u << 20;
	if (n < 2 * huge)
		return;
	uintptr_t lo = ((uintptr_t)p + huge - 1) & ~(huge - 1);
	uintptr_t hi = ((uintptr_t)p + n) & ~(huge - 1);
	if (hi > lo)
		madvise((void *)lo, hi - lo, MADV_HUGEPAGE);
}

void *xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		oom(n);
	hint_huge(p, n);
	return p;
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* One chunk list for the whole process: tools run once and exit, so nothing
 * is ever given back. Big requests get their own chunk so they waste nothing. */
enum { CHUNK = 1 << 20, ALIGN = 16 };
static char *cur, *end;

void *arena_alloc(size_t n)
{
	n = (n + ALIGN - 1) & ~(size_t)(ALIGN - 1);
	if (n == 0)
		n = ALIGN;
	if (n > CHUNK / 4)
		return xcalloc(1, n);
	if ((size_t)(end - cur) < n) {
		cur = xcalloc(1, CHUNK);
		end = cur + CHUNK;
	}
	void *p = cur;
	cur += n;
	return p;
}

char *arena_vprintf(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int len = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (len < 0)
		len = 0;
	char *s = arena_alloc((size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

char *arena_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(fmt, ap);
	va_end(ap);
	return s;
}

void buf_reserve(Buf *b, size_t extra)
{
	if (b->n + extra + 1 <= b->cap)
		return;
	size_t c = b->cap ? b->cap : 64;
	while (c < b->n + extra + 1)
		c *= 2;
	b->s = xrealloc(b->s, c);
	b->cap = c;
}

/* The buffer is kept NUL-terminated so b->s can be printed directly. */
void buf_add(Buf *b, const char *s, size_t n)
{
	buf_reserve(b, n);
	if (n)
		memcpy(b->s + b->n, s, n);
	b->n += n;
	b->s[b->n] = 0;
}

void buf_puts(Buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(Buf *b, char c)
{
	buf_reserve(b, 1);
	b->s[b->n++] = c;
	b->s[b->n] = 0;
}

void buf_printf(Buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len <= 0) {
		buf_reserve(b, 0);
		b->s[b->n] = 0;
		return;
	}
	buf_reserve(b, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(b->s + b->n, (size_t)len + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)len;
}
