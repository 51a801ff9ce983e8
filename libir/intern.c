/* intern.c: the string interner.  Length-based so strings may hold NUL;
 * each string is stored NUL-terminated in the arena for C callers. */
#include "ir.h"
#include <stdlib.h>
#include <string.h>

typedef struct Entry { const char *s; size_t n; uint32_t hash; } Entry;

static VEC(Entry) strs;
static uint32_t *table;         /* open addressing: string id + 1, 0 = empty */
static uint32_t tcap;           /* power of two */

static uint32_t fnv1a(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

static void init(void)
{
	Entry e = { "", 0, fnv1a("", 0) };
	vec_push(strs, e);
	tcap = 1024;
	table = xcalloc(tcap, sizeof *table);
	table[e.hash & (tcap - 1)] = 1;
}

static void rehash(void)
{
	uint32_t ncap = tcap * 2;
	uint32_t *nt = xcalloc(ncap, sizeof *nt);
	for (uint32_t i = 0; i < strs.n; i++) {
		uint32_t j = strs.v[i].hash & (ncap - 1);
		while (nt[j])
			j = (j + 1) & (ncap - 1);
		nt[j] = i + 1;
	}
	free(table);
	table = nt;
	tcap = ncap;
}

Str str_intern(const char *s, size_t n)
{
	if (!table)
		init();
	if (n == 0)
		return 0;
	uint32_t h = fnv1a(s, n);
	uint32_t j = h & (tcap - 1);
	while (table[j]) {
		Entry *e = &strs.v[table[j] - 1];
		if (e->hash == h && e->n == n && memcmp(e->s, s, n) == 0)
			return table[j] - 1;
		j = (j + 1) & (tcap - 1);
	}
	char *copy = arena_alloc(n + 1);
	memcpy(copy, s, n);
	copy[n] = 0;
	Entry e = { copy, n, h };
	vec_push(strs, e);
	table[j] = strs.n;
	if (strs.n * 2 > tcap)
		rehash();
	return strs.n - 1;
}

Str str_internz(const char *s)
{
	return str_intern(s, strlen(s));
}

const char *str_get(Str s)
{
	if (!table)
		init();
	return s < strs.n ? strs.v[s].s : "";
}

size_t str_len(Str s)
{
	if (!table)
		init();
	return s < strs.n ? strs.v[s].n : 0;
}

uint32_t str_count(void)
{
	if (!table)
		init();
	return strs.n;
}
