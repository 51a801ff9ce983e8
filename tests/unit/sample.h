/* sample.h: a module that uses every node kind of a stage and every type
 * kind, with every field set to a distinct value (built from schema.def, so
 * new rows are covered without editing the tests). */
#ifndef SAMPLE_H
#define SAMPLE_H
#include "ir.h"
#include <string.h>

static int64_t sample_int(uint32_t i, int k)
{
	return (int64_t)((uint64_t)(i * 31 + k) * 0x9E3779B97F4A7C15ull);
}

static List sample_list(Module *m, uint32_t have, uint32_t seed, int strs)
{
	uint32_t items[4];
	uint32_t n = seed % 4;
	for (uint32_t k = 0; k < n; k++)
		items[k] = strs ? str_internz(arena_printf("s%u_%u", seed, k)) : (have ? (seed + k) % have : 0);
	return list_make(m, items, n);
}

#define F_NODE(f) x->f = nn ? (i * 7 + k++) % nn : 0;
#define F_TYPE(f) x->f = tn ? (i + k++) % tn : 0;
#define F_INT(f) x->f = sample_int(i, k++);
#define F_STR(f) x->f = str_internz(arena_printf("%s.%s.%u", #f, "v", i));
#define F_NLIST(f) x->f = sample_list(m, nn, i + k++, 0);
#define F_TLIST(f) x->f = sample_list(m, tn, i + k++, 0);
#define F_SLIST(f) x->f = sample_list(m, 0, i + k++, 1);
static Module *sample_module(Stage st)
{
	Module *m = module_new(st);
	int want = st == STAGE_IR ? S_IR : S_AST;
	m->name = str_internz("main");
	m->source = str_internz("tests/sample.con");
	vec_push(m->files, str_internz("tests/sample.con"));
	vec_push(m->files, str_internz("tests/other.con"));
	/* types refer only to earlier types, as hash-consing guarantees */
	uint32_t i = 0, tn = 0, nn = 0;
	int k;
	for (int kind = 1; kind < TK_COUNT; kind++) {
		Type t;
		memset(&t, 0, sizeof t);
		t.kind = (uint16_t)kind;
		tn = m->types.n;
		i = m->types.n;
		k = 0;
		switch (kind) {
#define TYPE(K, doc, fields) case TK_##K: { struct T_##K *x = &t.K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
		}
		type_intern(m, &t);
	}
	tn = m->types.n;
	static const uint8_t stage_of[NK_COUNT] = { 0,
#define NODE(K, st, doc, fields) st,
#include "schema.def"
#undef NODE
	};
	/* two rounds so every kind appears more than once */
	for (int round = 0; round < 2; round++)
		for (int kind = 1; kind < NK_COUNT; kind++)
			if (stage_of[kind] == want) {
				Span sp = { m->nodes.n % 2, m->nodes.n, m->nodes.n % 80 + 1, m->nodes.n * 10 };
				node_new(m, (NodeKind)kind, sp);
			}
	nn = m->nodes.n;
	for (i = 1; i < nn; i++) {
		Node *n = &m->nodes.v[i];
		n->ty = i % tn;
		n->aux = i * 3;
		k = 0;
		switch (n->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
		}
	}
	NodeKind rootk = st == STAGE_IR ? NK_IrProgram : NK_File;
	for (i = 1; i < nn && !m->root; i++)
		if (m->nodes.v[i].kind == rootk)
			m->root = i;
	return m;
}
#undef F_NODE
#undef F_TYPE
#undef F_INT
#undef F_STR
#undef F_NLIST
#undef F_TLIST
#undef F_SLIST
#endif
