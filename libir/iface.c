/* iface.c: module interfaces (ARCHITECTURE.md 4).
 *
 * An interface is a stream of stage `iface` with the node and type tables of
 * any other stream: a File whose modules mirror the checked module tree and
 * hold only what importers may use: public functions (signatures; bodies
 * only for generic ones, which importers instantiate), public types with
 * their fields, impls with their public methods, and nested modules.  Every
 * node keeps its checked `ty`, so an importer needs no name resolution for
 * them.  Types pull in the declarations they name (a private struct inside a
 * public one), without listing them as items.
 *
 * The same copier moves declarations from an interface into the importing
 * module's tables (iface_import). */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

typedef struct Copier {
	Module *src, *dst;
	uint32_t *nmap;          /* src node -> dst node, 0 = not copied yet */
	uint32_t *tmap;          /* src type -> dst type */
	uint32_t *fmap;          /* src file -> dst file + 1 */
	unsigned depth;
} Copier;

#define MAX_COPY_DEPTH 4000

static uint32_t copy_node(Copier *k, uint32_t n);
static uint32_t copy_type(Copier *k, uint32_t t);

static uint32_t copy_file(Copier *k, uint32_t f)
{
	if (f >= k->src->files.n)
		return 0;
	if (!k->fmap[f]) {
		Str path = k->src->files.v[f];
		uint32_t i;
		for (i = 0; i < k->dst->files.n && k->dst->files.v[i] != path; i++)
			;
		if (i == k->dst->files.n)
			vec_push(k->dst->files, path);
		k->fmap[f] = i + 1;
	}
	return k->fmap[f] - 1;
}

static List copy_nlist(Copier *k, List l)
{
	uint32_t *v = xmalloc(((size_t)l.len + 1) * sizeof *v);
	for (uint32_t i = 0; i < l.len; i++)
		v[i] = copy_node(k, LIST_AT(k->src, l, i));
	List r = list_make(k->dst, v, l.len);
	free(v);
	return r;
}

static List copy_tlist(Copier *k, List l)
{
	uint32_t *v = xmalloc(((size_t)l.len + 1) * sizeof *v);
	for (uint32_t i = 0; i < l.len; i++)
		v[i] = copy_type(k, LIST_AT(k->src, l, i));
	List r = list_make(k->dst, v, l.len);
	free(v);
	return r;
}

static List copy_slist(Copier *k, List l)
{
	uint32_t *v = xmalloc(((size_t)l.len + 1) * sizeof *v);
	for (uint32_t i = 0; i < l.len; i++)
		v[i] = LIST_AT(k->src, l, i);
	List r = list_make(k->dst, v, l.len);
	free(v);
	return r;
}

/* Field copiers shared by types and nodes: p points at the kind's struct
 * inside a local copy, so recursion may grow the destination tables. */
#define F_NODE(f) p->f = copy_node(k, p->f);
#define F_NLIST(f) p->f = copy_nlist(k, p->f);
#define F_STR(f)
#define F_SLIST(f) p->f = copy_slist(k, p->f);
#define F_TYPE(f) p->f = copy_type(k, p->f);
#define F_TLIST(f) p->f = copy_tlist(k, p->f);
#define F_INT(f)

static uint32_t copy_type(Copier *k, uint32_t t)
{
	if (!t || t >= k->src->types.n)
		return 0;
	if (k->tmap[t])
		return k->tmap[t];
	Type x = *TYPE_AT(k->src, t);
	switch (x.kind) {
#define TYPE(K, doc, fields) case TK_##K: { struct T_##K *p = &x.K; (void)p; fields } break;
#include "schema.def"
#undef TYPE
	default:
		break;
	}
	uint32_t r = type_intern(k->dst, &x);
	k->tmap[t] = r;
	return r;
}

/* Kinds whose aux is a node (schema.def doc strings); the others hold an
 * index (field, variant) or nothing. */
static bool aux_is_node(int kind)
{
	switch (kind) {
	case NK_Ident: case NK_Call: case NK_Path: case NK_MethodCall:
	case NK_StructLit: case NK_Break: case NK_Continue:
		return true;
	default:
		return false;
	}
}

/* A non-generic function's body stays in its own object: importers only
 * declare it.  Generic bodies travel, to be instantiated by importers. */
static bool keep_body(const Node *n)
{
	return n->FnDecl.generics.len > 0;
}

static uint32_t copy_node(Copier *k, uint32_t n)
{
	if (!n || n >= k->src->nodes.n)
		return 0;
	if (k->nmap[n])
		return k->nmap[n];
	if (++k->depth > MAX_COPY_DEPTH) {
		k->depth--;
		return 0;
	}
	Node y = *NODE_AT(k->src, n);
	Span sp = y.span;
	sp.file = copy_file(k, sp.file);
	uint32_t d = node_new(k->dst, (NodeKind)y.kind, sp);
	k->nmap[n] = d;
	if (y.kind == NK_FnDecl && !keep_body(&y))
		y.FnDecl.body = 0;
	switch (y.kind) {
#define NODE(K, st, doc, fields) case NK_##K: { struct N_##K *p = &y.K; (void)p; fields } break;
#include "schema.def"
#undef NODE
	default:
		break;
	}
	y.span = sp;
	y.ty = copy_type(k, y.ty);
	y.aux = aux_is_node(y.kind) ? copy_node(k, y.aux) : y.aux;
	*NODE_AT(k->dst, d) = y;
	k->depth--;
	return d;
}

#undef F_NODE
#undef F_NLIST
#undef F_STR
#undef F_SLIST
#undef F_TYPE
#undef F_TLIST
#undef F_INT

static void copier_init(Copier *k, Module *src, Module *dst)
{
	k->src = src;
	k->dst = dst;
	k->nmap = xcalloc(src->nodes.n + 1, sizeof *k->nmap);
	k->tmap = xcalloc(src->types.n + 1, sizeof *k->tmap);
	k->fmap = xcalloc(src->files.n + 1, sizeof *k->fmap);
	k->depth = 0;
}

static void copier_free(Copier *k)
{
	free(k->nmap);
	free(k->tmap);
	free(k->fmap);
}

/* ---- building an interface ---- */

static bool is_pub(const Node *n)
{
	switch (n->kind) {
	case NK_FnDecl: return n->FnDecl.flags & FL_PUB;
	case NK_StructDecl: return n->StructDecl.flags & FL_PUB;
	case NK_EnumDecl: return n->EnumDecl.flags & FL_PUB;
	case NK_NewtypeDecl: return n->NewtypeDecl.flags & FL_PUB;
	case NK_TypeAlias: return n->TypeAlias.flags & FL_PUB;
	case NK_TraitDecl: return n->TraitDecl.flags & FL_PUB;
	default: return false;
	}
}

/* An impl block with only its public methods (0 if it has none). */
static uint32_t public_impl(Copier *k, uint32_t it)
{
	Module *s = k->src;
	List ms = NODE_AT(s, it)->ImplDecl.methods;
	uint32_t *v = xmalloc(((size_t)ms.len + 1) * sizeof *v);
	uint32_t n = 0;
	for (uint32_t i = 0; i < ms.len; i++) {
		uint32_t f = LIST_AT(s, ms, i);
		if (f < s->nodes.n && NODE_AT(s, f)->kind == NK_FnDecl
			&& (NODE_AT(s, f)->FnDecl.flags & FL_PUB))
			v[n++] = f;
	}
	uint32_t r = 0;
	if (NODE_AT(s, it)->ImplDecl.trait) {
		r = copy_node(k, it);           /* a trait impl is public with its type */
	} else if (n) {
		NODE_AT(s, it)->ImplDecl.methods = (List){ 0, 0 };
		r = copy_node(k, it);
		NODE_AT(s, it)->ImplDecl.methods = ms;
		for (uint32_t i = 0; i < n; i++)
			v[i] = copy_node(k, v[i]);
		List l = list_make(k->dst, v, n);
		NODE_AT(k->dst, r)->ImplDecl.methods = l;
	}
	free(v);
	return r;
}

static uint32_t iface_module(Copier *k, uint32_t mod)
{
	Module *s = k->src;
	List items = NODE_AT(s, mod)->Module.items;
	VEC(uint32_t) out = { 0 };
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(s, items, i);
		if (!it || it >= s->nodes.n)
			continue;
		Node *n = NODE_AT(s, it);
		uint32_t c = 0;
		if (n->kind == NK_Module)
			c = iface_module(k, it);
		else if (n->kind == NK_ImplDecl)
			c = public_impl(k, it);
		else if (is_pub(n))
			c = copy_node(k, it);
		if (c)
			vec_push(out, c);
	}
	uint32_t r = node_new(k->dst, NK_Module, NODE_AT(s, mod)->span);
	NODE_AT(k->dst, r)->span.file = copy_file(k, NODE_AT(s, mod)->span.file);
	List l = list_make(k->dst, out.v, out.n);
	NODE_AT(k->dst, r)->Module.name = NODE_AT(s, mod)->Module.name;
	NODE_AT(k->dst, r)->Module.flags = NODE_AT(s, mod)->Module.flags & ~(int64_t)FL_STUB;
	NODE_AT(k->dst, r)->Module.items = l;
	free(out.v);
	return r;
}

Module *iface_build(Module *m)
{
	Module *o = module_new(STAGE_IFACE);
	o->name = m->name;
	o->source = m->source;
	if (!m->root || m->root >= m->nodes.n || NODE_AT(m, m->root)->kind != NK_File)
		return o;
	Copier k;
	copier_init(&k, m, o);
	List mods = NODE_AT(m, m->root)->File.modules;
	uint32_t *v = xmalloc(((size_t)mods.len + 1) * sizeof *v);
	uint32_t n = 0;
	for (uint32_t i = 0; i < mods.len; i++) {
		uint32_t mod = LIST_AT(m, mods, i);
		if (mod && mod < m->nodes.n && NODE_AT(m, mod)->kind == NK_Module)
			v[n++] = iface_module(&k, mod);
	}
	uint32_t root = node_new(o, NK_File, (Span){ 0 });
	List l = list_make(o, v, n);
	NODE_AT(o, root)->File.modules = l;
	o->root = root;
	free(v);
	copier_free(&k);
	return o;
}

/* ---- reading an interface into an importer ---- */

/* The Module node of ifc at a dotted path (main.net.tcp), 0 if none. */
static uint32_t find_path(Module *ifc, const char *path)
{
	if (!ifc->root || ifc->root >= ifc->nodes.n || NODE_AT(ifc, ifc->root)->kind != NK_File)
		return 0;
	List l = NODE_AT(ifc, ifc->root)->File.modules;
	uint32_t found = 0;
	while (*path) {
		const char *dot = strchr(path, '.');
		size_t len = dot ? (size_t)(dot - path) : strlen(path);
		Str seg = str_intern(path, len);
		found = 0;
		for (uint32_t i = 0; i < l.len && !found; i++) {
			uint32_t c = LIST_AT(ifc, l, i);
			if (c < ifc->nodes.n && NODE_AT(ifc, c)->kind == NK_Module
				&& NODE_AT(ifc, c)->Module.name == seg)
				found = c;
		}
		if (!found)
			return 0;
		l = NODE_AT(ifc, found)->Module.items;
		path += len + (dot ? 1 : 0);
	}
	return found;
}

bool iface_import(Module *m, Module *ifc, const char *path, List *items)
{
	uint32_t mod = find_path(ifc, path);
	if (!mod)
		return false;
	Copier k;
	copier_init(&k, ifc, m);
	*items = copy_nlist(&k, NODE_AT(ifc, mod)->Module.items);
	copier_free(&k);
	return true;
}
