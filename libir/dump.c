/* dump.c: a module as indented text (the tree from the root) or as JSON (every
 * table), both generated from schema.def. */
#include "ir.h"
#include <stdlib.h>
#include <string.h>

/* Strings are length-based and may hold any byte: escape what is not
 * printable ASCII or valid UTF-8. */
static void put_bytes(FILE *out, const char *bytes, size_t n, bool json)
{
	const unsigned char *p = (const unsigned char *)bytes;
	fputc('"', out);
	for (size_t i = 0; i < n; i++) {
		unsigned c = p[i];
		switch (c) {
		case '"': fputs("\\\"", out); continue;
		case '\\': fputs("\\\\", out); continue;
		case '\n': fputs("\\n", out); continue;
		case '\t': fputs("\\t", out); continue;
		case '\r': fputs("\\r", out); continue;
		}
		if (c >= 0x20 && c < 0x7f) {
			fputc((int)c, out);
			continue;
		}
		if (c >= 0xc2 && c <= 0xf4) {
			size_t k = c < 0xe0 ? 1 : c < 0xf0 ? 2 : 3, j = 1;
			while (j <= k && i + j < n && (p[i + j] & 0xc0) == 0x80)
				j++;
			if (j == k + 1) {
				fwrite(p + i, 1, k + 1, out);
				i += k;
				continue;
			}
		}
		fprintf(out, json ? "\\u%04x" : "\\x%02x", c);
	}
	fputc('"', out);
}

static void put_escaped(FILE *out, Str s, bool json)
{
	put_bytes(out, str_get(s), str_len(s), json);
}

/* ------------------------------------------------------------------ text */

enum { MAX_DEPTH = 5000 };

typedef struct Dump {
	Module *m;
	FILE *out;
	uint8_t *seen;
	uint32_t shown;
} Dump;

static void indent(Dump *d, int depth)
{
	for (int i = 0; i < depth; i++)
		fputs("  ", d->out);
}

static bool list_ok(Module *m, List l)
{
	return (uint64_t)l.start + l.len <= m->lists.n;
}

static void text_node(Dump *d, uint32_t i, int depth);

static void text_op(Dump *d, const Node *n, const char *field, int64_t v)
{
	fprintf(d->out, "%lld", (long long)v);
	if (strcmp(field, "op") != 0 || v < 0)
		return;
	if (n->kind == NK_Unary || n->kind == NK_IUn) {
		if (v < UOP_COUNT)
			fprintf(d->out, " (%s)", unop_spelling[v]);
	} else if (v < OP_COUNT) {
		fprintf(d->out, " (%s)", binop_spelling[v]);
	}
}

static void text_child(Dump *d, uint32_t c, int depth)
{
	if (!c) {
		fputs("-\n", d->out);
		return;
	}
	text_node(d, c, depth);
}

static void text_nlist(Dump *d, List l, int depth)
{
	if (!list_ok(d->m, l)) {
		fputs(" <bad list>\n", d->out);
		return;
	}
	if (!l.len) {
		fputs(" []\n", d->out);
		return;
	}
	fputc('\n', d->out);
	for (uint32_t k = 0; k < l.len; k++) {
		indent(d, depth);
		fputs("- ", d->out);
		text_child(d, LIST_AT(d->m, l, k), depth + 1);
	}
}

static void text_slist(Dump *d, List l, bool types)
{
	if (!list_ok(d->m, l)) {
		fputs("<bad list>", d->out);
		return;
	}
	fputc('[', d->out);
	for (uint32_t k = 0; k < l.len; k++) {
		if (k)
			fputs(", ", d->out);
		uint32_t v = LIST_AT(d->m, l, k);
		if (types)
			fputs(type_name(d->m, v), d->out);
		else
			put_escaped(d->out, v, false);
	}
	fputc(']', d->out);
}

#define FIELD(f) indent(d, depth + 1); fputs(#f ": ", d->out);
#define F_NODE(f) FIELD(f) text_child(d, x->f, depth + 2);
#define F_NLIST(f) indent(d, depth + 1); fputs(#f ":", d->out); text_nlist(d, x->f, depth + 2);
#define F_STR(f) FIELD(f) put_escaped(d->out, x->f, false); fputc('\n', d->out);
#define F_SLIST(f) FIELD(f) text_slist(d, x->f, false); fputc('\n', d->out);
#define F_TYPE(f) FIELD(f) fprintf(d->out, "%s\n", type_name(d->m, x->f));
#define F_TLIST(f) FIELD(f) text_slist(d, x->f, true); fputc('\n', d->out);
#define F_INT(f) FIELD(f) text_op(d, n, #f, x->f); fputc('\n', d->out);
/* Each node is printed once: a stream may share or even cycle its nodes. */
static void text_node(Dump *d, uint32_t i, int depth)
{
	Module *m = d->m;
	if (i >= m->nodes.n) {
		fprintf(d->out, "#%u <out of range>\n", i);
		return;
	}
	const Node *n = &m->nodes.v[i];
	const char *kn = n->kind < NK_COUNT ? node_kind_names[n->kind] : "?";
	if (d->seen[i]) {
		fprintf(d->out, "#%u %s (shown above)\n", i, kn);
		return;
	}
	if (depth > MAX_DEPTH) {
		fprintf(d->out, "#%u %s (nested too deeply to show)\n", i, kn);
		return;
	}
	d->seen[i] = 1;
	d->shown++;
	fprintf(d->out, "#%u %s", i, kn);
	if (n->span.line)
		fprintf(d->out, " %u:%u", n->span.line, n->span.col);
	if (m->files.n > 1 && n->span.file < m->files.n)
		fprintf(d->out, " in %s", str_get(m->files.v[n->span.file]));
	if (n->ty)
		fprintf(d->out, " ty=%s", type_name(m, n->ty));
	if (n->aux)
		fprintf(d->out, " aux=%u", n->aux);
	fputc('\n', d->out);
	switch (n->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { const struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
	}
}
#undef FIELD
#undef F_NODE
#undef F_NLIST
#undef F_STR
#undef F_SLIST
#undef F_TYPE
#undef F_TLIST
#undef F_INT

void dump_text(Module *m, FILE *out)
{
	Dump d = { m, out, xcalloc(m->nodes.n + 1, 1), 0 };
	fprintf(out, "module ");
	put_escaped(out, m->name, false);
	fprintf(out, " stage %s source ", stage_names[m->stage <= STAGE_IFACE ? m->stage : 0]);
	put_escaped(out, m->source, false);
	fprintf(out, " (%u nodes, %u types)\n", m->nodes.n ? m->nodes.n - 1 : 0,
		m->types.n ? m->types.n - 1 : 0);
	if (m->root)
		text_node(&d, m->root, 0);
	else
		fputs("(no root)\n", out);
	uint32_t total = m->nodes.n ? m->nodes.n - 1 : 0;
	if (d.shown < total)
		fprintf(out, "(%u nodes not reachable from the root)\n", total - d.shown);
	free(d.seen);
}

/* ------------------------------------------------------------------ JSON */

static void json_list(Module *m, FILE *out, List l, bool strs)
{
	fputc('[', out);
	if (list_ok(m, l))
		for (uint32_t k = 0; k < l.len; k++) {
			if (k)
				fputc(',', out);
			if (strs)
				put_escaped(out, LIST_AT(m, l, k), true);
			else
				fprintf(out, "%u", LIST_AT(m, l, k));
		}
	fputc(']', out);
}

#define KEY(f) fputs(",\"" #f "\":", out);
#define F_NODE(f) KEY(f) fprintf(out, "%u", x->f);
#define F_TYPE(f) KEY(f) fprintf(out, "%u", x->f);
#define F_INT(f) KEY(f) fprintf(out, "%lld", (long long)x->f);
#define F_STR(f) KEY(f) put_escaped(out, x->f, true);
#define F_NLIST(f) KEY(f) json_list(m, out, x->f, false);
#define F_TLIST(f) KEY(f) json_list(m, out, x->f, false);
#define F_SLIST(f) KEY(f) json_list(m, out, x->f, true);
static void json_type(Module *m, FILE *out, uint32_t i)
{
	const Type *t = &m->types.v[i];
	fprintf(out, "{\"id\":%u,\"kind\":\"%s\",\"syntax\":", i,
		t->kind < TK_COUNT ? type_kind_names[t->kind] : "?");
	const char *tn = type_name(m, i);
	put_bytes(out, tn, strlen(tn), true);
	switch (t->kind) {
#define TYPE(K, doc, fields) case TK_##K: { const struct T_##K *x = &t->K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
	}
	fputc('}', out);
}

static void json_node(Module *m, FILE *out, uint32_t i)
{
	const Node *n = &m->nodes.v[i];
	fprintf(out, "{\"id\":%u,\"kind\":\"%s\",\"file\":%u,\"line\":%u,\"col\":%u,\"off\":%u,\"ty\":%u,\"aux\":%u",
		i, n->kind < NK_COUNT ? node_kind_names[n->kind] : "?", n->span.file, n->span.line,
		n->span.col, n->span.off, n->ty, n->aux);
	switch (n->kind) {
#define NODE(K, st, doc, fields) case NK_##K: { const struct N_##K *x = &n->K; (void)x; fields } break;
#include "schema.def"
#undef NODE
	}
	fputc('}', out);
}
#undef KEY
#undef F_NODE
#undef F_NLIST
#undef F_STR
#undef F_SLIST
#undef F_TYPE
#undef F_TLIST
#undef F_INT

void dump_json(Module *m, FILE *out)
{
	fprintf(out, "{\"magic\":\"%s\",\"stage\":\"%s\",\"schema\":%d,\"module\":", IR_MAGIC,
		stage_names[m->stage <= STAGE_IFACE ? m->stage : 0], IR_SCHEMA_VERSION);
	put_escaped(out, m->name, true);
	fputs(",\"source\":", out);
	put_escaped(out, m->source, true);
	fputs(",\n\"files\":[", out);
	for (uint32_t i = 0; i < m->files.n; i++) {
		if (i)
			fputc(',', out);
		put_escaped(out, m->files.v[i], true);
	}
	fprintf(out, "],\n\"root\":%u,\n\"types\":[null", m->root);
	for (uint32_t i = 1; i < m->types.n; i++) {
		fputs(",\n", out);
		json_type(m, out, i);
	}
	fputs("],\n\"nodes\":[null", out);
	for (uint32_t i = 1; i < m->nodes.n; i++) {
		fputs(",\n", out);
		json_node(m, out, i);
	}
	fputs("]}\n", out);
}
