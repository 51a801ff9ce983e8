/* iface.c: module interfaces (ARCHITECTURE.md 4).
 *
 * An interface is a stream of stage `iface` with the node and type tables of
 * any other stream: a File whose modules mirror the checked module tree and
 * hold only what importers may use: public functions (signatures with
 * capabilities; bodies only for generic ones and the methods of generic
 * impls, which importers instantiate), public types with their fields,
 * attributes and Copy flag, trait impls (Destroy) and public methods of
 * inherent impls, and nested modules.  Every node keeps its checked `ty`, so
 * an importer needs no name resolution for them.  What those reach is
 * copied too and listed in its module (a private struct inside a public
 * one, the private callee or constant of a generic body), so importers
 * give it its symbol; `import` still admits public items only.
 * Constants are not importable (LANGUAGE.md 4.9): they travel only inside
 * the generic bodies that use them.
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
	uint8_t *keep;           /* src FnDecl -> its body travels (iface_build) */
	uint8_t *skip;           /* src Module -> imported, not ours (iface_build) */
	bool strip_spans;        /* building: keep only the file of each span */
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

static uint32_t same_str(Copier *k, uint32_t s) { return s; }   /* interned: global */

/* A list of the source copied into the destination, each entry mapped. */
static List copy_list(Copier *k, List l, uint32_t (*map)(Copier *, uint32_t))
{
	uint32_t *v = xmalloc(((size_t)l.len + 1) * sizeof *v);
	for (uint32_t i = 0; i < l.len; i++)
		v[i] = map(k, LIST_AT(k->src, l, i));
	List r = list_make(k->dst, v, l.len);
	free(v);
	return r;
}

static List copy_nlist(Copier *k, List l) { return copy_list(k, l, copy_node); }

/* Field copiers shared by types and nodes: p points at the kind's struct
 * inside a local copy, so recursion may grow the destination tables. */
#define F_NODE(f) p->f = copy_node(k, p->f);
#define F_NLIST(f) p->f = copy_nlist(k, p->f);
#define F_STR(f)
#define F_SLIST(f) p->f = copy_list(k, p->f, same_str);
#define F_TYPE(f) p->f = copy_type(k, p->f);
#define F_TLIST(f) p->f = copy_list(k, p->f, copy_type);
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

/* Type parameters of a generic list (`cap C` parameters do not make a
 * function generic: it is compiled once, in its own module). */
static uint32_t type_params(Module *m, List g)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < g.len; i++) {
		uint32_t p = LIST_AT(m, g, i);
		n += p && p < m->nodes.n && NODE_AT(m, p)->kind == NK_GenericParam
			&& !(NODE_AT(m, p)->GenericParam.flags & FL_CAP);
	}
	return n;
}

/* A non-generic function's body stays in its own object: importers only
 * declare it.  Generic bodies travel, to be instantiated by importers:
 * generic functions and the methods of generic impls (k->keep).  An
 * importer (no k->keep) takes every body the interface holds. */
static bool keep_body(Copier *k, uint32_t n, const Node *y)
{
	return !k->keep || k->keep[n] || type_params(k->src, y->FnDecl.generics) > 0;
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
	/* Positions move when a private body above is edited; an interface
	 * that kept them would change, and re-check its importers, on every
	 * edit (ARCHITECTURE.md 4). */
	if (k->strip_spans)
		sp = (Span){ .file = sp.file };
	uint32_t d = node_new(k->dst, (NodeKind)y.kind, sp);
	k->nmap[n] = d;
	if (y.kind == NK_FnDecl && !keep_body(k, n, &y))
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
	k->keep = NULL;
	k->skip = NULL;
	k->strip_spans = false;
	k->depth = 0;
}

static void copier_free(Copier *k)
{
	free(k->nmap);
	free(k->tmap);
	free(k->fmap);
	free(k->keep);
	free(k->skip);
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

/* Phase 1: copy what importers may name: public items, the public methods
 * of inherent impls, and trait impls whole (a trait impl is public with its
 * type).  Copying pulls in whatever those reach: the declarations their
 * types name, and the callees, constants and types of travelling generic
 * bodies, private or not. */
static void publish(Copier *k, uint32_t mod)
{
	Module *s = k->src;
	List items = NODE_AT(s, mod)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(s, items, i);
		if (!it || it >= s->nodes.n)
			continue;
		Node *n = NODE_AT(s, it);
		if (n->kind == NK_Module && k->skip[it])
			continue;
		if (n->kind == NK_Module) {
			publish(k, it);
		} else if (n->kind == NK_ImplDecl && n->ImplDecl.trait) {
			copy_node(k, it);
		} else if (n->kind == NK_ImplDecl) {
			List ms = n->ImplDecl.methods;
			for (uint32_t j = 0; j < ms.len; j++) {
				uint32_t f = LIST_AT(s, ms, j);
				if (f < s->nodes.n && NODE_AT(s, f)->kind == NK_FnDecl
					&& (NODE_AT(s, f)->FnDecl.flags & FL_PUB))
					copy_node(k, f);
			}
		} else if (is_pub(n)) {
			copy_node(k, it);
		}
	}
}

/* Phase 2: the header (no methods yet) of every inherent impl one of whose
 * methods was copied; true if it copied one. */
static bool impl_headers(Copier *k, uint32_t mod)
{
	Module *s = k->src;
	List items = NODE_AT(s, mod)->Module.items;
	bool more = false;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(s, items, i);
		if (!it || it >= s->nodes.n)
			continue;
		Node *n = NODE_AT(s, it);
		if (n->kind == NK_Module && k->skip[it])
			continue;
		if (n->kind == NK_Module) {
			more |= impl_headers(k, it);
			continue;
		}
		if (n->kind != NK_ImplDecl || k->nmap[it])
			continue;
		List ms = n->ImplDecl.methods;
		bool used = false;
		for (uint32_t j = 0; j < ms.len && !used; j++)
			used = LIST_AT(s, ms, j) < s->nodes.n && k->nmap[LIST_AT(s, ms, j)];
		if (!used)
			continue;
		n->ImplDecl.methods = (List){ 0, 0 };
		copy_node(k, it);
		NODE_AT(s, it)->ImplDecl.methods = ms;
		more = true;
	}
	return more;
}

/* Phase 3: the module tree with every copied item in source order, so that
 * importers name (and give symbols to) the private helpers of generic
 * bodies too; `import` still admits only public ones. */
static uint32_t list_module(Copier *k, uint32_t mod)
{
	Module *s = k->src;
	List items = NODE_AT(s, mod)->Module.items;
	VEC(uint32_t) out = { 0 };
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(s, items, i);
		if (!it || it >= s->nodes.n)
			continue;
		Node *n = NODE_AT(s, it);
		if (n->kind == NK_Module && k->skip[it])
			continue;
		if (n->kind == NK_Module) {
			uint32_t c = list_module(k, it);
			vec_push(out, c);
			continue;
		}
		if (!k->nmap[it])
			continue;
		if (n->kind == NK_ImplDecl && !n->ImplDecl.trait) {
			List ms = n->ImplDecl.methods;
			uint32_t *v = xmalloc(((size_t)ms.len + 1) * sizeof *v);
			uint32_t nm = 0;
			for (uint32_t j = 0; j < ms.len; j++) {
				uint32_t f = LIST_AT(s, ms, j);
				if (f < s->nodes.n && k->nmap[f])
					v[nm++] = k->nmap[f];
			}
			List l = list_make(k->dst, v, nm);
			NODE_AT(k->dst, k->nmap[it])->ImplDecl.methods = l;
			free(v);
		}
		vec_push(out, k->nmap[it]);
	}
	Span sp = { .file = copy_file(k, NODE_AT(s, mod)->span.file) };
	uint32_t r = node_new(k->dst, NK_Module, sp);
	List l = list_make(k->dst, out.v, out.n);
	NODE_AT(k->dst, r)->Module.name = NODE_AT(s, mod)->Module.name;
	NODE_AT(k->dst, r)->Module.flags = NODE_AT(s, mod)->Module.flags & ~(int64_t)FL_STUB;
	NODE_AT(k->dst, r)->Module.items = l;
	free(out.v);
	return r;
}

/* Methods of generic impls are instantiated by importers: their bodies
 * travel like those of generic functions. */
static void mark_generic_methods(Copier *k)
{
	Module *s = k->src;
	k->keep = xcalloc(s->nodes.n + 1, 1);
	for (uint32_t i = 1; i < s->nodes.n; i++) {
		Node *n = NODE_AT(s, i);
		if (n->kind != NK_ImplDecl || !type_params(s, n->ImplDecl.generics))
			continue;
		for (uint32_t j = 0; j < n->ImplDecl.methods.len; j++) {
			uint32_t f = LIST_AT(s, n->ImplDecl.methods, j);
			if (f < s->nodes.n)
				k->keep[f] = 1;
		}
	}
}

/* A `con-check --module` run (its top shell has FL_FILE_MODULE) loads other
 * interfaces for the check: sibling module files (FL_STUB | FL_FILE_MODULE)
 * and libraries (top-level stubs, `--lib std`).  An interface holds its own
 * module only, so those are skipped. */
static void mark_foreign_modules(Copier *k, List mods)
{
	Module *s = k->src;
	k->skip = xcalloc(s->nodes.n + 1, 1);
	uint32_t f = FL_STUB | FL_FILE_MODULE;
	for (uint32_t i = 1; i < s->nodes.n; i++)
		if (NODE_AT(s, i)->kind == NK_Module && (NODE_AT(s, i)->Module.flags & f) == f)
			k->skip[i] = 1;
	uint32_t top = mods.len ? LIST_AT(s, mods, 0) : 0;
	if (!top || top >= s->nodes.n || !(NODE_AT(s, top)->Module.flags & FL_FILE_MODULE))
		return;
	for (uint32_t i = 1; i < mods.len; i++) {
		uint32_t mod = LIST_AT(s, mods, i);
		if (mod && mod < s->nodes.n && NODE_AT(s, mod)->kind == NK_Module
			&& (NODE_AT(s, mod)->Module.flags & FL_STUB))
			k->skip[mod] = 1;
	}
}

/* The interface holds what ARCHITECTURE.md 4 lists and nothing that a
 * private edit could change: no positions, no non-generic bodies, private
 * items only where public content reaches them.  Its bytes depend only on
 * that content (strings and types are numbered in order of use). */
Module *iface_build(Module *m)
{
	Module *o = module_new(STAGE_IFACE);
	o->name = m->name;
	o->source = m->source;
	if (!m->root || m->root >= m->nodes.n || NODE_AT(m, m->root)->kind != NK_File)
		return o;
	Copier k;
	copier_init(&k, m, o);
	k.strip_spans = true;
	mark_generic_methods(&k);
	List mods = NODE_AT(m, m->root)->File.modules;
	mark_foreign_modules(&k, mods);
	for (uint32_t i = 0; i < mods.len; i++) {
		uint32_t mod = LIST_AT(m, mods, i);
		if (mod && mod < m->nodes.n && NODE_AT(m, mod)->kind == NK_Module && !k.skip[mod])
			publish(&k, mod);
	}
	bool more = true;
	while (more) {
		more = false;
		for (uint32_t i = 0; i < mods.len; i++) {
			uint32_t mod = LIST_AT(m, mods, i);
			if (mod && mod < m->nodes.n && NODE_AT(m, mod)->kind == NK_Module && !k.skip[mod])
				more |= impl_headers(&k, mod);
		}
	}
	uint32_t *v = xmalloc(((size_t)mods.len + 1) * sizeof *v);
	uint32_t n = 0;
	for (uint32_t i = 0; i < mods.len; i++) {
		uint32_t mod = LIST_AT(m, mods, i);
		if (mod && mod < m->nodes.n && NODE_AT(m, mod)->kind == NK_Module && !k.skip[mod])
			v[n++] = list_module(&k, mod);
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

bool iface_import(Module *m, Module *ifc, const char *path, List *items,
	const uint32_t *builtins, uint32_t nbuiltins)
{
	uint32_t mod = find_path(ifc, path);
	if (!mod)
		return false;
	Copier k;
	copier_init(&k, ifc, m);
	for (uint32_t n = 1; n < ifc->nodes.n; n++) {
		Node *x = NODE_AT(ifc, n);
		if (x->kind != NK_EnumDecl || !(x->EnumDecl.flags & FL_BUILTIN))
			continue;
		for (uint32_t i = 0; i < nbuiltins; i++)
			if (NODE_AT(m, builtins[i])->EnumDecl.name == x->EnumDecl.name)
				k.nmap[n] = builtins[i];
	}
	*items = copy_nlist(&k, NODE_AT(ifc, mod)->Module.items);
	copier_free(&k);
	return true;
}
