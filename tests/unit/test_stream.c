/* test_stream.c: the stream format round-trips every field of every node
 * and type kind, and rejects malformed input with one clear message. */
#include "ir.h"
#include "unit.h"
#include "sample.h"
#include <msgpack.h>
#include <stdlib.h>

static bool list_same(Module *a, List la, Module *b, List lb)
{
	if (la.len != lb.len)
		return false;
	for (uint32_t i = 0; i < la.len; i++)
		if (LIST_AT(a, la, i) != LIST_AT(b, lb, i))
			return false;
	return true;
}

/* The interner is process-wide, so a decoded string id equals the original. */
#define F_NODE(f) if (x->f != y->f) { printf("  field %s\n", #f); return false; }
#define F_TYPE(f) F_NODE(f)
#define F_INT(f) F_NODE(f)
#define F_STR(f) F_NODE(f)
#define F_NLIST(f) if (!list_same(a, x->f, b, y->f)) { printf("  list %s\n", #f); return false; }
#define F_TLIST(f) F_NLIST(f)
#define F_SLIST(f) F_NLIST(f)
static bool node_same(Module *a, Node *p, Module *b, Node *q)
{
	if (p->kind != q->kind || p->ty != q->ty || p->aux != q->aux
	    || memcmp(&p->span, &q->span, sizeof p->span) != 0)
		return false;
	switch (p->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { struct N_##K *x = &p->K, *y = &q->K; (void)x; (void)y; fields } break;
#include "schema.def"
#undef NODE
	}
	return true;
}

static bool type_same(Module *a, Type *p, Module *b, Type *q)
{
	if (p->kind != q->kind)
		return false;
	switch (p->kind) {
#define TYPE(K, doc, fields) case TK_##K: { struct T_##K *x = &p->K, *y = &q->K; (void)x; (void)y; fields } break;
#include "schema.def"
#undef TYPE
	}
	return true;
}
#undef F_NODE
#undef F_TYPE
#undef F_INT
#undef F_STR
#undef F_NLIST
#undef F_TLIST
#undef F_SLIST

static Buf encode(Module *m)
{
	Buf b = {0};
	const char *err = NULL;
	CHECK(stream_encode(m, &b, &err) == 0);
	return b;
}

static void round_trip(Stage st)
{
	Module *m = sample_module(st);
	const char *err = NULL;
	CHECK(module_validate(m, &err) == 0);
	Buf b = encode(m);
	Module *r = stream_decode(b.s, b.n, &err);
	CHECK(r != NULL);
	if (!r) {
		printf("  decode error: %s\n", err);
		return;
	}
	CHECK(r->stage == st);
	CHECK(r->name == m->name && r->source == m->source && r->root == m->root);
	CHECK(r->files.n == m->files.n && r->nodes.n == m->nodes.n && r->types.n == m->types.n);
	int kinds = 0;
	for (uint32_t i = 1; i < m->nodes.n && i < r->nodes.n; i++) {
		bool same = node_same(m, &m->nodes.v[i], r, &r->nodes.v[i]);
		if (!same)
			printf("  node %u (%s) differs\n", i, node_kind_names[m->nodes.v[i].kind]);
		CHECK(same);
		kinds++;
	}
	CHECK(kinds > 0);
	for (uint32_t i = 1; i < m->types.n && i < r->types.n; i++)
		CHECK(type_same(m, &m->types.v[i], r, &r->types.v[i]));
	/* the decoded type table is hash-consed again: re-interning finds it */
	for (uint32_t i = 1; i < r->types.n; i++)
		CHECK(type_intern(r, &r->types.v[i]) == i);
	/* encoding the decoded module gives the same bytes */
	Buf b2 = encode(r);
	CHECK(b2.n == b.n && memcmp(b.s, b2.s, b.n) == 0);

	/* every truncation is an error, never a crash */
	int truncated_ok = 1;
	for (size_t cut = 0; cut < b.n; cut++) {
		const char *e2 = NULL;
		Module *t = stream_decode(b.s, cut, &e2);
		if (t || !e2 || strchr(e2, '\n'))
			truncated_ok = 0;
	}
	CHECK(truncated_ok);
	/* trailing garbage */
	Buf g = {0};
	buf_add(&g, b.s, b.n);
	buf_putc(&g, 0);
	CHECK(stream_decode(g.s, g.n, &err) == NULL);
	CHECK_CONTAINS(err, "trailing garbage");
	free(b.s);
	free(b2.s);
	free(g.s);
}

static const char *decode_err(Module *m)
{
	Buf b = encode(m);
	const char *err = NULL;
	Module *r = stream_decode(b.s, b.n, &err);
	free(b.s);
	return r ? "(decoded)" : err;
}

/* Replace the first occurrence of `from` by `to` (same length). */
static void patch(Buf *b, const char *from, const char *to, size_t n)
{
	for (size_t i = 0; i + n <= b->n; i++)
		if (memcmp(b->s + i, from, n) == 0) {
			memcpy(b->s + i, to, n);
			return;
		}
	CHECK(!"pattern not found");
}

static void bad_streams(void)
{
	const char *err = NULL;
	Module *m = sample_module(STAGE_AST);
	uint32_t have = m->nodes.n;
	uint32_t blk = 0;
	for (uint32_t i = 1; i < m->nodes.n && !blk; i++)
		if (m->nodes.v[i].kind == NK_Return)
			blk = i;
	m->nodes.v[blk].Return.value = 99999;
	CHECK_STR(decode_err(m), arena_printf("malformed stream: node %u field 'value' refers to node 99999 (have %u)", blk, have));
	m->nodes.v[blk].Return.value = 0;
	CHECK_STR(decode_err(m), "(decoded)");

	m->nodes.v[blk].ty = 5000;
	CHECK_CONTAINS(decode_err(m), "field 'ty' refers to type 5000");
	m->nodes.v[blk].ty = 0;

	/* an IR node in an AST stream */
	uint32_t ir = node_new(m, NK_IRet, (Span){0});
	CHECK_CONTAINS(decode_err(m), arena_printf("node %u is a IRet, which does not belong in an ast stream", ir));
	m->nodes.n--;

	/* a list running off the lists table */
	uint32_t file = m->root;
	m->nodes.v[file].File.modules.start = m->lists.n;
	m->nodes.v[file].File.modules.len = 3;
	CHECK_CONTAINS(decode_err(m), "field 'modules' list");
	m->nodes.v[file].File.modules.len = 0;

	/* a type referring to itself would make type_name loop forever */
	Module *c = sample_module(STAGE_IR);
	for (uint32_t i = 1; i < c->types.n; i++)
		if (c->types.v[i].kind == TK_Ref)
			c->types.v[i].Ref.elem = i;
	CHECK_CONTAINS(decode_err(c), "field 'elem' refers to type");

	Buf b = encode(m);
	Buf x = {0};
	buf_add(&x, b.s, b.n);
	patch(&x, "concrete-ir", "concrete-xx", 11);
	CHECK(stream_decode(x.s, x.n, &err) == NULL);
	CHECK_STR(err, "not a Concrete stream (magic 'concrete-xx', expected 'concrete-ir')");

	x.n = 0;
	buf_add(&x, b.s, b.n);
	char from[8] = "\xa6schema", to[8] = "\xa6schema";
	from[7] = IR_SCHEMA_VERSION;   /* a positive fixint while the version is < 128 */
	to[7] = IR_SCHEMA_VERSION + 5;
	patch(&x, from, to, 8);
	CHECK(stream_decode(x.s, x.n, &err) == NULL);
	CHECK_CONTAINS(err, arena_printf("schema version %d, expected %d", IR_SCHEMA_VERSION + 5, IR_SCHEMA_VERSION));

	x.n = 0;
	buf_add(&x, b.s, b.n);
	patch(&x, "\xa3" "ast", "\xa3" "sst", 4);
	CHECK(stream_decode(x.s, x.n, &err) == NULL);
	CHECK_STR(err, "unknown stage 'sst' (expected ast, checked, ir or iface)");

	/* an array header claiming four billion elements */
	const char huge[] = "\x81\xa5magic\xab" "concrete-ir\xdd\xff\xff\xff\xff";
	CHECK(stream_decode(huge, sizeof huge - 1, &err) == NULL);
	CHECK_CONTAINS(err, "malformed stream");

	CHECK(stream_decode("", 0, &err) == NULL);
	CHECK_STR(err, "empty input");
	CHECK(stream_decode("\xc1", 1, &err) == NULL);
	CHECK_CONTAINS(err, "invalid MessagePack");
	free(b.s);
	free(x.s);
}

/* Random single-byte corruptions must never crash. */
static void corruptions(void)
{
	Module *m = sample_module(STAGE_IR);
	Buf b = encode(m);
	unsigned seed = 12345;
	int decoded = 0, rejected = 0;
	for (int round = 0; round < 3000; round++) {
		Buf x = {0};
		buf_add(&x, b.s, b.n);
		for (int k = 0; k < 3; k++) {
			seed = seed * 1103515245u + 12345u;
			x.s[(seed >> 8) % x.n] = (char)(seed >> 20);
		}
		const char *err = NULL;
		Module *r = stream_decode(x.s, x.n, &err);
		if (r) {
			decoded++;
			FILE *null = fopen("/dev/null", "w");
			dump_text(r, null);
			dump_json(r, null);
			fclose(null);
		} else {
			rejected++;
		}
		free(x.s);
	}
	CHECK(rejected > 0);
	free(b.s);
}

int main(void)
{
	round_trip(STAGE_AST);
	round_trip(STAGE_CHECKED);
	round_trip(STAGE_IR);
	bad_streams();
	corruptions();
	UNIT_DONE();
}
