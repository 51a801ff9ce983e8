/* stream.c: MessagePack I/O and validation, generated from schema.def.
 *
 * A stream is a header map followed by one body array:
 *   [files, strings, lists, types, nodes, root]
 * Strings are written compactly (only the ids this module uses, renumbered)
 * and re-interned on read; every string reference is remapped through the
 * fresh ids.  Nodes and types are flat arrays [kind, ...header, fields...]
 * where a list field takes two slots (start, len). */
#include "ir.h"
#include <msgpack.h>
#include <stdlib.h>
#include <string.h>

/* Slots per node/type after the fixed header, by kind. */
#define F_NODE(f) + 1
#define F_STR(f) + 1
#define F_TYPE(f) + 1
#define F_INT(f) + 1
#define F_NLIST(f) + 2
#define F_SLIST(f) + 2
#define F_TLIST(f) + 2
static const uint8_t node_nslots[NK_COUNT] = {
	0,
#define NODE(K, st, doc, fields) 0 fields,
#include "schema.def"
#undef NODE
};
static const uint8_t type_nslots[TK_COUNT] = {
	0,
#define TYPE(K, doc, fields) 0 fields,
#include "schema.def"
#undef TYPE
};
#undef F_NODE
#undef F_STR
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_SLIST
#undef F_TLIST

static const uint8_t node_stage[NK_COUNT] = {
	0,
#define NODE(K, st, doc, fields) st,
#include "schema.def"
#undef NODE
};

enum { NODE_HDR = 7 };   /* kind, file, line, col, off, ty, aux */

/* ---------------------------------------------------------------- writer */

typedef struct Enc {
	Module *m;
	uint32_t *remap;     /* interner id -> stream id (0 = unused) */
	uint32_t nremap;
	VEC(Str) out;        /* stream id -> interner id */
	uint32_t *lists;     /* m->lists with string lists renumbered */
} Enc;

static uint32_t enc_str(Enc *e, Str s)
{
	if (s == 0 || s >= e->nremap)
		return 0;
	if (!e->remap[s]) {
		e->remap[s] = e->out.n;
		vec_push(e->out, s);
	}
	return e->remap[s];
}

static void enc_slist(Enc *e, List l)
{
	if ((uint64_t)l.start + l.len > e->m->lists.n)
		return;
	for (uint32_t i = 0; i < l.len; i++)
		e->lists[l.start + i] = enc_str(e, e->m->lists.v[l.start + i]);
}

/* First pass: number the strings in order of use and renumber string lists. */
#define F_NODE(f)
#define F_TYPE(f)
#define F_INT(f)
#define F_NLIST(f)
#define F_TLIST(f)
#define F_STR(f) enc_str(e, x->f);
#define F_SLIST(f) enc_slist(e, x->f);
static void enc_collect(Enc *e)
{
	Module *m = e->m;
	for (uint32_t i = 1; i < m->types.n; i++) {
		Type *t = &m->types.v[i];
		switch (t->kind) {
#define TYPE(K, doc, fields) case TK_##K: { struct T_##K *x = &t->K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
		}
	}
	for (uint32_t i = 1; i < m->nodes.n; i++) {
		Node *n = &m->nodes.v[i];
		switch (n->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
		}
	}
}
#undef F_STR
#undef F_SLIST
#undef F_NODE
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_TLIST

static void pack_cstr(msgpack_packer *pk, const char *s, size_t n)
{
	msgpack_pack_str(pk, n);
	msgpack_pack_str_body(pk, s, n);
}

/* Nodes, types and lists are written straight into the output buffer: the
 * bytes msgpack_pack_* would produce, without a sink call per integer, which
 * made the writer cost more than lexing and parsing together. */
static inline uint8_t *mp_be(uint8_t *p, uint64_t v, int bytes)
{
	for (int i = bytes - 1; i >= 0; i--)
		*p++ = (uint8_t)(v >> (8 * i));
	return p;
}

static inline uint8_t *mp_uint(uint8_t *p, uint64_t v)
{
	if (v < 128) {
		*p++ = (uint8_t)v;
		return p;
	}
	if (v < 256) {
		*p++ = 0xcc;
		return mp_be(p, v, 1);
	}
	if (v < 65536) {
		*p++ = 0xcd;
		return mp_be(p, v, 2);
	}
	if (v <= 0xffffffffu) {
		*p++ = 0xce;
		return mp_be(p, v, 4);
	}
	*p++ = 0xcf;
	return mp_be(p, v, 8);
}

static inline uint8_t *mp_int(uint8_t *p, int64_t v)
{
	if (v >= 0)
		return mp_uint(p, (uint64_t)v);
	if (v >= -32) {
		*p++ = (uint8_t)v;
		return p;
	}
	if (v >= INT8_MIN) {
		*p++ = 0xd0;
		return mp_be(p, (uint64_t)v, 1);
	}
	if (v >= INT16_MIN) {
		*p++ = 0xd1;
		return mp_be(p, (uint64_t)v, 2);
	}
	if (v >= INT32_MIN) {
		*p++ = 0xd2;
		return mp_be(p, (uint64_t)v, 4);
	}
	*p++ = 0xd3;
	return mp_be(p, (uint64_t)v, 8);
}

static inline uint8_t *mp_array(uint8_t *p, uint32_t n)
{
	if (n < 16) {
		*p++ = (uint8_t)(0x90 | n);
		return p;
	}
	if (n < 65536) {
		*p++ = 0xdc;
		return mp_be(p, n, 2);
	}
	*p++ = 0xdd;
	return mp_be(p, n, 4);
}

/* Reserve the most a record of nslots integers can take; returns the cursor. */
static uint8_t *mp_begin(Buf *b, uint32_t nslots)
{
	buf_reserve(b, 5 + 9 * (size_t)nslots);
	return (uint8_t *)b->s + b->n;
}

static void mp_end(Buf *b, uint8_t *p)
{
	b->n = (size_t)(p - (uint8_t *)b->s);
	b->s[b->n] = 0;
}

#define F_NODE(f) p = mp_uint(p, x->f);
#define F_TYPE(f) p = mp_uint(p, x->f);
#define F_INT(f) p = mp_int(p, x->f);
#define F_STR(f) p = mp_uint(p, enc_str(e, x->f));
#define F_NLIST(f) p = mp_uint(p, x->f.start); p = mp_uint(p, x->f.len);
#define F_SLIST(f) F_NLIST(f)
#define F_TLIST(f) F_NLIST(f)
static int pack_type(Enc *e, Buf *out, const Type *t)
{
	if (t->kind == 0 || t->kind >= TK_COUNT)
		return -1;
	uint8_t *p = mp_begin(out, 1 + type_nslots[t->kind]);
	p = mp_array(p, 1 + type_nslots[t->kind]);
	p = mp_uint(p, t->kind);
	switch (t->kind) {
#define TYPE(K, doc, fields) case TK_##K: { const struct T_##K *x = &t->K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
	}
	mp_end(out, p);
	return 0;
}

static int pack_node(Enc *e, Buf *out, const Node *n)
{
	if (n->kind == 0 || n->kind >= NK_COUNT)
		return -1;
	uint8_t *p = mp_begin(out, NODE_HDR + node_nslots[n->kind]);
	p = mp_array(p, NODE_HDR + node_nslots[n->kind]);
	p = mp_uint(p, n->kind);
	p = mp_uint(p, n->span.file);
	p = mp_uint(p, n->span.line);
	p = mp_uint(p, n->span.col);
	p = mp_uint(p, n->span.off);
	p = mp_uint(p, n->ty);
	p = mp_uint(p, n->aux);
	switch (n->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { const struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
	}
	mp_end(out, p);
	return 0;
}
#undef F_STR
#undef F_SLIST
#undef F_NODE
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_TLIST

static int buf_sink(void *data, const char *s, size_t n)
{
	buf_add(data, s, n);
	return 0;
}

int stream_encode(Module *m, Buf *out, const char **err)
{
	if (m->stage <= STAGE_NONE || m->stage > STAGE_IFACE) {
		*err = "cannot write a module without a stage";
		return -1;
	}
	Enc e = { .m = m };
	e.nremap = str_count();
	e.remap = xcalloc(e.nremap, sizeof *e.remap);
	vec_push(e.out, 0);
	e.lists = xmalloc((m->lists.n + 1) * sizeof *e.lists);
	if (m->lists.n)
		memcpy(e.lists, m->lists.v, m->lists.n * sizeof *e.lists);
	enc_collect(&e);

	/* About 22 bytes per node: one allocation instead of a dozen doublings. */
	buf_reserve(out, 64 + (size_t)m->nodes.n * 24 + (size_t)m->lists.n * 3);
	msgpack_packer pk;
	msgpack_packer_init(&pk, out, buf_sink);
	msgpack_pack_map(&pk, 5);
	pack_cstr(&pk, "magic", 5);
	pack_cstr(&pk, IR_MAGIC, strlen(IR_MAGIC));
	pack_cstr(&pk, "stage", 5);
	pack_cstr(&pk, stage_names[m->stage], strlen(stage_names[m->stage]));
	pack_cstr(&pk, "schema", 6);
	msgpack_pack_uint32(&pk, IR_SCHEMA_VERSION);
	pack_cstr(&pk, "module", 6);
	pack_cstr(&pk, str_get(m->name), str_len(m->name));
	pack_cstr(&pk, "source", 6);
	pack_cstr(&pk, str_get(m->source), str_len(m->source));

	msgpack_pack_array(&pk, 6);
	msgpack_pack_array(&pk, m->files.n);
	for (uint32_t i = 0; i < m->files.n; i++)
		pack_cstr(&pk, str_get(m->files.v[i]), str_len(m->files.v[i]));
	msgpack_pack_array(&pk, e.out.n);
	for (uint32_t i = 0; i < e.out.n; i++)
		pack_cstr(&pk, str_get(e.out.v[i]), str_len(e.out.v[i]));
	msgpack_pack_array(&pk, m->lists.n);
	for (uint32_t i = 0; i < m->lists.n; i++) {
		uint8_t *p = mp_begin(out, 1);
		mp_end(out, mp_uint(p, e.lists[i]));
	}
	int rc = 0;
	msgpack_pack_array(&pk, m->types.n ? m->types.n : 1);
	msgpack_pack_nil(&pk);
	for (uint32_t i = 1; i < m->types.n && rc == 0; i++)
		if (pack_type(&e, out, &m->types.v[i]) < 0) {
			*err = arena_printf("cannot write type %u: bad kind %u", i, m->types.v[i].kind);
			rc = -1;
		}
	msgpack_pack_array(&pk, m->nodes.n ? m->nodes.n : 1);
	msgpack_pack_nil(&pk);
	for (uint32_t i = 1; i < m->nodes.n && rc == 0; i++)
		if (pack_node(&e, out, &m->nodes.v[i]) < 0) {
			*err = arena_printf("cannot write node %u: bad kind %u", i, m->nodes.v[i].kind);
			rc = -1;
		}
	msgpack_pack_uint32(&pk, m->root);
	free(e.remap);
	free(e.out.v);
	free(e.lists);
	return rc;
}

int stream_write(Module *m, FILE *out, const char **err)
{
	Buf b = {0};
	int rc = stream_encode(m, &b, err);
	if (rc == 0 && b.n && fwrite(b.s, 1, b.n, out) != b.n) {
		*err = "write error";
		rc = -1;
	}
	if (rc == 0 && fflush(out) != 0) {
		*err = "write error";
		rc = -1;
	}
	free(b.s);
	return rc;
}

/* ---------------------------------------------------------------- reader */

/* msgpack-c allocates an array's elements as soon as it reads the header, so
 * a 5-byte "array of 4 billion" would ask for 100 GB.  Walk the tokens first
 * and refuse any count that the remaining bytes cannot possibly hold. */
static const char *prescan(const unsigned char *p, size_t n)
{
	size_t i = 0;
	while (i < n) {
		unsigned b = p[i++];
		uint64_t len = 0, count = 0;
		int lb = 0;           /* bytes of length/count that follow */
		uint64_t skip = 0;    /* fixed payload bytes */
		if (b <= 0x7f || b >= 0xe0 || b == 0xc0 || b == 0xc2 || b == 0xc3)
			continue;
		if (b >= 0x80 && b <= 0x8f) {
			count = 2 * (uint64_t)(b & 0xf);
		} else if (b >= 0x90 && b <= 0x9f) {
			count = b & 0xf;
		} else if (b >= 0xa0 && b <= 0xbf) {
			len = b & 0x1f;
		} else {
			switch (b) {
			case 0xc4: case 0xd9: lb = 1; break;
			case 0xc5: case 0xda: lb = 2; break;
			case 0xc6: case 0xdb: lb = 4; break;
			case 0xc7: lb = 1; skip = 1; break;
			case 0xc8: lb = 2; skip = 1; break;
			case 0xc9: lb = 4; skip = 1; break;
			case 0xca: skip = 4; break;
			case 0xcb: skip = 8; break;
			case 0xcc: case 0xd0: skip = 1; break;
			case 0xcd: case 0xd1: skip = 2; break;
			case 0xce: case 0xd2: skip = 4; break;
			case 0xcf: case 0xd3: skip = 8; break;
			case 0xd4: skip = 2; break;
			case 0xd5: skip = 3; break;
			case 0xd6: skip = 5; break;
			case 0xd7: skip = 9; break;
			case 0xd8: skip = 17; break;
			case 0xdc: case 0xde: lb = -2; break;
			case 0xdd: case 0xdf: lb = -4; break;
			default: return "invalid MessagePack byte";
			}
			int w = lb < 0 ? -lb : lb;
			if (n - i < (size_t)w)
				return "truncated input";
			uint64_t v = 0;
			for (int k = 0; k < w; k++)
				v = v << 8 | p[i++];
			if (lb > 0)
				len = v;
			else
				count = (b == 0xde || b == 0xdf) ? 2 * v : v;
		}
		if (len + skip > n - i)
			return "truncated input";
		i += len + skip;
		if (count > n - i)
			return count > (1u << 30) ? "absurd array size" : "truncated input";
	}
	return NULL;
}

typedef struct Dec {
	Module *m;
	const char *err;
	uint32_t *smap;        /* stream string id -> interner id */
	uint32_t nstr;
	uint32_t *rawlists;    /* lists as read, before string renumbering */
} Dec;

/* Keep the first problem found: it names the cause, later ones follow it. */
static void malformed(const char **err, const char *fmt, va_list ap)
{
	if (!*err)
		*err = arena_printf("malformed stream: %s", arena_vprintf(fmt, ap));
}

static int bad(Dec *d, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int bad(Dec *d, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	malformed(&d->err, fmt, ap);
	va_end(ap);
	return 0;
}

static int get_u32(Dec *d, const msgpack_object *o, uint32_t *v, const char *what, uint32_t idx, const char *field)
{
	if (o->type != MSGPACK_OBJECT_POSITIVE_INTEGER || o->via.u64 > UINT32_MAX)
		return bad(d, "%s %u field '%s' is not a 32-bit unsigned integer", what, idx, field);
	*v = (uint32_t)o->via.u64;
	return 1;
}

static int get_i64(Dec *d, const msgpack_object *o, int64_t *v, const char *what, uint32_t idx, const char *field)
{
	if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER)
		*v = (int64_t)o->via.u64;   /* unsigned bits, e.g. large literals */
	else if (o->type == MSGPACK_OBJECT_NEGATIVE_INTEGER)
		*v = o->via.i64;
	else
		return bad(d, "%s %u field '%s' is not an integer", what, idx, field);
	return 1;
}

static int get_str(Dec *d, const msgpack_object *o, Str *v, const char *what, uint32_t idx, const char *field)
{
	uint32_t raw = 0;
	if (!get_u32(d, o, &raw, what, idx, field))
		return 0;
	if (raw >= d->nstr)
		return bad(d, "%s %u field '%s' refers to string %u (have %u)", what, idx, field, raw, d->nstr);
	*v = d->smap[raw];
	return 1;
}

static int get_list(Dec *d, const msgpack_object *o, List *l, const char *what, uint32_t idx, const char *field)
{
	if (!get_u32(d, o, &l->start, what, idx, field) || !get_u32(d, o + 1, &l->len, what, idx, field))
		return 0;
	if ((uint64_t)l->start + l->len > d->m->lists.n)
		return bad(d, "%s %u field '%s' list %u+%u is outside the lists table (have %u)",
			what, idx, field, l->start, l->len, d->m->lists.n);
	return 1;
}

/* String lists hold stream ids; renumber them from the raw copy so that a
 * slot shared by two lists is never renumbered twice. */
static int get_slist(Dec *d, const msgpack_object *o, List *l, const char *what, uint32_t idx, const char *field)
{
	if (!get_list(d, o, l, what, idx, field))
		return 0;
	for (uint32_t i = 0; i < l->len; i++) {
		uint32_t raw = d->rawlists[l->start + i];
		if (raw >= d->nstr)
			return bad(d, "%s %u field '%s' element %u refers to string %u (have %u)",
				what, idx, field, i, raw, d->nstr);
		d->m->lists.v[l->start + i] = d->smap[raw];
	}
	return 1;
}

#define F_NODE(f) if (!get_u32(d, &o[fi++], &x->f, what, idx, #f)) return 0;
#define F_TYPE(f) if (!get_u32(d, &o[fi++], &x->f, what, idx, #f)) return 0;
#define F_INT(f) if (!get_i64(d, &o[fi++], &x->f, what, idx, #f)) return 0;
#define F_STR(f) if (!get_str(d, &o[fi++], &x->f, what, idx, #f)) return 0;
#define F_NLIST(f) if (!get_list(d, &o[fi], &x->f, what, idx, #f)) return 0; fi += 2;
#define F_TLIST(f) if (!get_list(d, &o[fi], &x->f, what, idx, #f)) return 0; fi += 2;
#define F_SLIST(f) if (!get_slist(d, &o[fi], &x->f, what, idx, #f)) return 0; fi += 2;
static int read_type(Dec *d, const msgpack_object *obj, uint32_t idx, Type *t)
{
	const char *what = "type";
	if (obj->type != MSGPACK_OBJECT_ARRAY || obj->via.array.size == 0)
		return bad(d, "type %u is not a non-empty array", idx);
	const msgpack_object *o = obj->via.array.ptr;
	uint32_t kind = 0;
	if (!get_u32(d, &o[0], &kind, what, idx, "kind"))
		return 0;
	if (kind == 0 || kind >= TK_COUNT)
		return bad(d, "type %u has unknown kind %u", idx, kind);
	if (obj->via.array.size != 1u + type_nslots[kind])
		return bad(d, "type %u (%s) has %u slots, expected %u", idx, type_kind_names[kind],
			obj->via.array.size, 1u + type_nslots[kind]);
	t->kind = (uint16_t)kind;
	uint32_t fi = 1;
	switch (kind) {
#define TYPE(K, doc, fields) case TK_##K: { struct T_##K *x = &t->K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
	}
	(void)fi;
	return 1;
}

static int read_node(Dec *d, const msgpack_object *obj, uint32_t idx, Node *n)
{
	const char *what = "node";
	if (obj->type != MSGPACK_OBJECT_ARRAY || obj->via.array.size < NODE_HDR)
		return bad(d, "node %u is not an array of at least %d elements", idx, NODE_HDR);
	const msgpack_object *o = obj->via.array.ptr;
	uint32_t kind = 0;
	if (!get_u32(d, &o[0], &kind, what, idx, "kind"))
		return 0;
	if (kind == 0 || kind >= NK_COUNT)
		return bad(d, "node %u has unknown kind %u", idx, kind);
	if (obj->via.array.size != (uint32_t)NODE_HDR + node_nslots[kind])
		return bad(d, "node %u (%s) has %u slots, expected %u", idx, node_kind_names[kind],
			obj->via.array.size, (uint32_t)NODE_HDR + node_nslots[kind]);
	n->kind = (uint16_t)kind;
	if (!get_u32(d, &o[1], &n->span.file, what, idx, "file")
	    || !get_u32(d, &o[2], &n->span.line, what, idx, "line")
	    || !get_u32(d, &o[3], &n->span.col, what, idx, "col")
	    || !get_u32(d, &o[4], &n->span.off, what, idx, "off")
	    || !get_u32(d, &o[5], &n->ty, what, idx, "ty")
	    || !get_u32(d, &o[6], &n->aux, what, idx, "aux"))
		return 0;
	uint32_t fi = NODE_HDR;
	switch (kind) {
#define NODE(K, st, doc, fields) case NK_##K: { struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
	}
	(void)fi;
	return 1;
}
#undef F_STR
#undef F_SLIST
#undef F_NODE
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_TLIST

static bool key_is(const msgpack_object *k, const char *s)
{
	size_t n = strlen(s);
	return k->type == MSGPACK_OBJECT_STR && k->via.str.size == n
		&& memcmp(k->via.str.ptr, s, n) == 0;
}

static const char *show(const msgpack_object *o)
{
	if (o->type == MSGPACK_OBJECT_STR) {
		uint32_t n = o->via.str.size;
		Buf b = {0};
		for (uint32_t i = 0; i < n && i < 40; i++) {
			unsigned char c = (unsigned char)o->via.str.ptr[i];
			if (c >= 32 && c < 127 && c != '\'')
				buf_putc(&b, (char)c);
			else
				buf_printf(&b, "\\x%02x", c);
		}
		const char *s = arena_printf("'%s%s'", b.s ? b.s : "", n > 40 ? "..." : "");
		free(b.s);
		return s;
	}
	if (o->type == MSGPACK_OBJECT_POSITIVE_INTEGER)
		return arena_printf("%llu", (unsigned long long)o->via.u64);
	return "a non-string";
}

static int read_header(Dec *d, const msgpack_object *h)
{
	if (h->type != MSGPACK_OBJECT_MAP)
		return bad(d, "header is not a map");
	const msgpack_object *magic = NULL, *stage = NULL, *schema = NULL, *mod = NULL, *src = NULL;
	for (uint32_t i = 0; i < h->via.map.size; i++) {
		const msgpack_object_kv *kv = &h->via.map.ptr[i];
		if (key_is(&kv->key, "magic")) magic = &kv->val;
		else if (key_is(&kv->key, "stage")) stage = &kv->val;
		else if (key_is(&kv->key, "schema")) schema = &kv->val;
		else if (key_is(&kv->key, "module")) mod = &kv->val;
		else if (key_is(&kv->key, "source")) src = &kv->val;
	}
	if (!magic || !key_is(magic, IR_MAGIC)) {
		d->err = arena_printf("not a Concrete stream (magic %s, expected '%s')",
			magic ? show(magic) : "missing", IR_MAGIC);
		return 0;
	}
	if (!schema || schema->type != MSGPACK_OBJECT_POSITIVE_INTEGER)
		return bad(d, "header has no schema version");
	if (schema->via.u64 != IR_SCHEMA_VERSION) {
		d->err = arena_printf("stream has schema version %llu, expected %d (rebuild it with the same toolchain)",
			(unsigned long long)schema->via.u64, IR_SCHEMA_VERSION);
		return 0;
	}
	Stage st = STAGE_NONE;
	for (int s = STAGE_AST; s <= STAGE_IFACE && stage; s++)
		if (key_is(stage, stage_names[s]))
			st = (Stage)s;
	if (st == STAGE_NONE) {
		d->err = arena_printf("unknown stage %s (expected ast, checked, ir or iface)",
			stage ? show(stage) : "missing");
		return 0;
	}
	d->m->stage = st;
	if (!mod || mod->type != MSGPACK_OBJECT_STR || !src || src->type != MSGPACK_OBJECT_STR)
		return bad(d, "header field 'module' or 'source' is missing or not a string");
	d->m->name = str_intern(mod->via.str.ptr, mod->via.str.size);
	d->m->source = str_intern(src->via.str.ptr, src->via.str.size);
	return 1;
}

static const msgpack_object *body_array(Dec *d, const msgpack_object *body, int i, const char *name)
{
	const msgpack_object *o = &body->via.array.ptr[i];
	if (o->type != MSGPACK_OBJECT_ARRAY) {
		bad(d, "body element %d (%s) is not an array", i, name);
		return NULL;
	}
	return o;
}

static int read_body(Dec *d, const msgpack_object *body)
{
	Module *m = d->m;
	if (body->type != MSGPACK_OBJECT_ARRAY || body->via.array.size != 6)
		return bad(d, "body is not an array of 6 tables");
	const msgpack_object *files = body_array(d, body, 0, "files");
	const msgpack_object *strs = body_array(d, body, 1, "strings");
	const msgpack_object *lists = body_array(d, body, 2, "lists");
	const msgpack_object *types = body_array(d, body, 3, "types");
	const msgpack_object *nodes = body_array(d, body, 4, "nodes");
	if (!files || !strs || !lists || !types || !nodes)
		return 0;

	for (uint32_t i = 0; i < files->via.array.size; i++) {
		const msgpack_object *o = &files->via.array.ptr[i];
		if (o->type != MSGPACK_OBJECT_STR)
			return bad(d, "file %u is not a string", i);
		vec_push(m->files, str_intern(o->via.str.ptr, o->via.str.size));
	}

	d->nstr = strs->via.array.size;
	if (d->nstr == 0)
		return bad(d, "string table is empty (index 0 must be present)");
	d->smap = xmalloc(d->nstr * sizeof *d->smap);
	d->smap[0] = 0;
	for (uint32_t i = 1; i < d->nstr; i++) {
		const msgpack_object *o = &strs->via.array.ptr[i];
		if (o->type == MSGPACK_OBJECT_STR)
			d->smap[i] = str_intern(o->via.str.ptr, o->via.str.size);
		else if (o->type == MSGPACK_OBJECT_BIN)
			d->smap[i] = str_intern(o->via.bin.ptr, o->via.bin.size);
		else
			return bad(d, "string %u is not a string", i);
	}

	uint32_t nl = lists->via.array.size;
	d->rawlists = xmalloc((nl + 1) * sizeof *d->rawlists);
	vec_grow(m->lists, nl + 1);
	for (uint32_t i = 0; i < nl; i++) {
		const msgpack_object *o = &lists->via.array.ptr[i];
		if (o->type != MSGPACK_OBJECT_POSITIVE_INTEGER || o->via.u64 > UINT32_MAX)
			return bad(d, "list slot %u is not a 32-bit unsigned integer", i);
		d->rawlists[i] = m->lists.v[i] = (uint32_t)o->via.u64;
	}
	m->lists.n = nl;

	if (types->via.array.size == 0)
		return bad(d, "type table is empty (index 0 must be present)");
	vec_grow(m->types, types->via.array.size);
	for (uint32_t i = 1; i < types->via.array.size; i++) {
		Type t;
		memset(&t, 0, sizeof t);
		if (!read_type(d, &types->via.array.ptr[i], i, &t))
			return 0;
		m->types.v[m->types.n++] = t;
	}

	if (nodes->via.array.size == 0)
		return bad(d, "node table is empty (index 0 must be present)");
	vec_grow(m->nodes, nodes->via.array.size);
	for (uint32_t i = 1; i < nodes->via.array.size; i++) {
		Node n;
		memset(&n, 0, sizeof n);
		if (!read_node(d, &nodes->via.array.ptr[i], i, &n))
			return 0;
		m->nodes.v[m->nodes.n++] = n;
	}

	const msgpack_object *root = &body->via.array.ptr[5];
	if (root->type != MSGPACK_OBJECT_POSITIVE_INTEGER || root->via.u64 > UINT32_MAX)
		return bad(d, "root is not a node index");
	m->root = (uint32_t)root->via.u64;
	return 1;
}

static const char *unpack_error(int rc)
{
	switch (rc) {
	case MSGPACK_UNPACK_CONTINUE: return "malformed stream: truncated input";
	case MSGPACK_UNPACK_NOMEM_ERROR: return "malformed stream: nested too deeply or too large";
	default: return "malformed stream: invalid MessagePack";
	}
}

Module *stream_decode(const char *data, size_t n, const char **err)
{
	if (n == 0) {
		*err = "empty input";
		return NULL;
	}
	const char *pe = prescan((const unsigned char *)data, n);
	if (pe) {
		*err = arena_printf("malformed stream: %s", pe);
		return NULL;
	}
	Dec d = { .m = module_new(STAGE_NONE) };
	msgpack_unpacked hdr, body;
	msgpack_unpacked_init(&hdr);
	msgpack_unpacked_init(&body);
	size_t off = 0;
	int rc = msgpack_unpack_next(&hdr, data, n, &off);
	if (rc != MSGPACK_UNPACK_SUCCESS && rc != MSGPACK_UNPACK_EXTRA_BYTES) {
		d.err = unpack_error(rc);
	} else if (read_header(&d, &hdr.data)) {
		if (off >= n) {
			d.err = "malformed stream: truncated input (no body after the header)";
		} else {
			rc = msgpack_unpack_next(&body, data, n, &off);
			if (rc != MSGPACK_UNPACK_SUCCESS && rc != MSGPACK_UNPACK_EXTRA_BYTES)
				d.err = unpack_error(rc);
			else if (off != n)
				d.err = arena_printf("malformed stream: %zu bytes of trailing garbage", n - off);
			else if (read_body(&d, &body.data)) {
				const char *verr;
				if (module_validate(d.m, &verr) < 0)
					d.err = verr;
			}
		}
	}
	msgpack_unpacked_destroy(&hdr);
	msgpack_unpacked_destroy(&body);
	free(d.smap);
	free(d.rawlists);
	if (d.err) {
		/* a rejected module is freed so that fuzzing finds real leaks */
		free(d.m->files.v);
		free(d.m->lists.v);
		free(d.m->types.v);
		free(d.m->nodes.v);
		free(d.m);
		*err = d.err;
		return NULL;
	}
	/* thash stays NULL: the first type_intern rebuilds it from the table. */
	return d.m;
}

/* ------------------------------------------------------------ validation */

typedef struct Val {
	Module *m;
	const char *err;
	const char *what;     /* "node" or "type" */
	uint32_t idx;
	uint32_t nstr;
	uint32_t tlimit;      /* types may only refer to earlier types (acyclic) */
} Val;

static int vbad(Val *v, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static int vbad(Val *v, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	malformed(&v->err, fmt, ap);
	va_end(ap);
	return 0;
}

static int vref(Val *v, uint32_t x, uint32_t have, const char *field, const char *tab)
{
	if (x >= have)
		return vbad(v, "%s %u field '%s' refers to %s %u (have %u)", v->what, v->idx, field, tab, x, have);
	return 1;
}

static int vlist(Val *v, List l, uint32_t have, const char *field, const char *tab)
{
	if ((uint64_t)l.start + l.len > v->m->lists.n)
		return vbad(v, "%s %u field '%s' list %u+%u is outside the lists table (have %u)",
			v->what, v->idx, field, l.start, l.len, v->m->lists.n);
	for (uint32_t i = 0; i < l.len; i++) {
		uint32_t x = v->m->lists.v[l.start + i];
		if (x >= have)
			return vbad(v, "%s %u field '%s' element %u refers to %s %u (have %u)",
				v->what, v->idx, field, i, tab, x, have);
	}
	return 1;
}

#define F_NODE(f) if (!vref(v, x->f, m->nodes.n, #f, "node")) return -1;
#define F_TYPE(f) if (!vref(v, x->f, v->tlimit, #f, "type")) return -1;
#define F_STR(f) if (!vref(v, x->f, v->nstr, #f, "string")) return -1;
#define F_INT(f)
#define F_NLIST(f) if (!vlist(v, x->f, m->nodes.n, #f, "node")) return -1;
#define F_TLIST(f) if (!vlist(v, x->f, v->tlimit, #f, "type")) return -1;
#define F_SLIST(f) if (!vlist(v, x->f, v->nstr, #f, "string")) return -1;
static int validate_types(Val *v)
{
	Module *m = v->m;
	v->what = "type";
	for (uint32_t i = 1; i < m->types.n; i++) {
		const Type *t = &m->types.v[i];
		v->idx = i;
		v->tlimit = i;
		switch (t->kind) {
#define TYPE(K, doc, fields) case TK_##K: { const struct T_##K *x = &t->K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
		default:
			vbad(v, "type %u has unknown kind %u", i, t->kind);
			return -1;
		}
	}
	return 0;
}

static int validate_nodes(Val *v)
{
	Module *m = v->m;
	int want = m->stage == STAGE_IR ? S_IR : S_AST;
	v->what = "node";
	v->tlimit = m->types.n;
	for (uint32_t i = 1; i < m->nodes.n; i++) {
		const Node *n = &m->nodes.v[i];
		v->idx = i;
		if (n->kind == 0 || n->kind >= NK_COUNT) {
			vbad(v, "node %u has unknown kind %u", i, n->kind);
			return -1;
		}
		if (node_stage[n->kind] != want) {
			vbad(v, "node %u is a %s, which does not belong in a%s %s stream", i,
				node_kind_names[n->kind], m->stage == STAGE_AST ? "n" : "", stage_names[m->stage]);
			return -1;
		}
		if (!vref(v, n->ty, m->types.n, "ty", "type"))
			return -1;
		if (m->files.n ? n->span.file >= m->files.n : n->span.file != 0) {
			vbad(v, "node %u span refers to file %u (have %u)", i, n->span.file, m->files.n);
			return -1;
		}
		switch (n->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { const struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
		}
	}
	return 0;
}
#undef F_STR
#undef F_SLIST
#undef F_NODE
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_TLIST

int module_validate(Module *m, const char **err)
{
	Val v = { .m = m, .nstr = str_count() };
	if (m->stage <= STAGE_NONE || m->stage > STAGE_IFACE) {
		*err = "malformed stream: module has no stage";
		return -1;
	}
	if (m->nodes.n == 0 || m->types.n == 0) {
		*err = "malformed stream: node or type table lacks its index 0";
		return -1;
	}
	if (validate_types(&v) < 0 || validate_nodes(&v) < 0) {
		*err = v.err;
		return -1;
	}
	if (m->root >= m->nodes.n) {
		*err = arena_printf("malformed stream: root refers to node %u (have %u)", m->root, m->nodes.n);
		return -1;
	}
	NodeKind want = m->stage == STAGE_IR ? NK_IrProgram : NK_File;
	if (m->root && m->nodes.v[m->root].kind != want) {
		*err = arena_printf("malformed stream: root node %u is a %s, expected %s", m->root,
			node_kind_names[m->nodes.v[m->root].kind], node_kind_names[want]);
		return -1;
	}
	return 0;
}
