/* imports.c: `import path.{a, b as c};` and `mod x;` interfaces
 * (LANGUAGE.md 2.10, 4.12; CHECKS.md E0110/E0111). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char *const *iface_dirs;

void check_set_iface_dirs(const char *const *dirs)
{
	iface_dirs = dirs;
}

static const char *dotted(Checker *c, List path)
{
	Buf b = { 0 };
	for (uint32_t i = 0; i < path.len; i++) {
		if (i)
			buf_putc(&b, '.');
		buf_puts(&b, str_get(LIST_AT(c->m, path, i)));
	}
	char *s = arena_printf("%s", b.s ? b.s : "");
	free(b.s);
	return s;
}

/* What `import` may bring in: public functions, extern functions and types.
 * Traits and constants cannot be imported. */
static bool importable(Checker *c, uint32_t d)
{
	Node *n = NODE_AT(c->m, d);
	switch (n->kind) {
	case NK_FnDecl: return n->FnDecl.flags & FL_PUB;
	case NK_StructDecl: return n->StructDecl.flags & FL_PUB;
	case NK_EnumDecl: return n->EnumDecl.flags & FL_PUB;
	case NK_NewtypeDecl: return n->NewtypeDecl.flags & FL_PUB;
	case NK_TypeAlias: return n->TypeAlias.flags & FL_PUB;
	default: return false;
	}
}

static void add_import(Checker *c, uint32_t scope, Str name, uint32_t decl)
{
	Sym s = { name, decl };
	vec_push(c->scopes.v[scope].imports, s);
}

/* Importing a struct or newtype brings its public methods, which are
 * registered as functions `Type_method` in the type's module. */
static void import_methods(Checker *c, uint32_t scope, uint32_t from, Str tname)
{
	const char *pre = str_get(tname);
	size_t n = strlen(pre);
	Scope *s = &c->scopes.v[from];
	for (uint32_t i = 0; i < s->syms.n; i++) {
		const char *nm = str_get(s->syms.v[i].name);
		Node *d = NODE_AT(c->m, s->syms.v[i].node);
		if (!strncmp(nm, pre, n) && nm[n] == '_' && d->kind == NK_FnDecl
			&& (d->FnDecl.flags & FL_PUB))
			add_import(c, scope, s->syms.v[i].name, s->syms.v[i].node);
	}
}

static void import_one(Checker *c, uint32_t it)
{
	Module *m = c->m;
	uint32_t scope = c->scope;
	List path = NODE_AT(m, it)->Import.path;
	uint32_t from = path_scope(c, path);
	if (from == NO_SCOPE) {
		cerr(c, CD_UNKNOWN_MODULE, NODE_AT(m, it)->span, dotted(c, path));
		return;
	}
	List items = NODE_AT(m, it)->Import.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t ii = LIST_AT(m, items, i);
		if (!ii || ii >= m->nodes.n || NODE_AT(m, ii)->kind != NK_ImportItem)
			continue;
		Str name = NODE_AT(m, ii)->ImportItem.name;
		Str alias = NODE_AT(m, ii)->ImportItem.alias;
		uint32_t d = scope_item(c, from, name, 0);
		if (!d || !importable(c, d)) {
			cerr(c, CD_NOT_PUBLIC, NODE_AT(m, ii)->span, str_get(name), dotted(c, path));
			continue;
		}
		add_import(c, scope, alias ? alias : name, d);
		int k = NODE_AT(m, d)->kind;
		if (k == NK_StructDecl || k == NK_NewtypeDecl)
			import_methods(c, scope, from, name);
	}
}

void check_imports(Checker *c, uint32_t scope)
{
	Module *m = c->m;
	if (scope >= c->scopes.n || c->scopes.v[scope].imported)
		return;
	c->scope = scope;
	c->modname = NODE_AT(m, c->scopes.v[scope].node)->Module.name;
	List items = NODE_AT(m, c->scopes.v[scope].node)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (it && it < m->nodes.n && NODE_AT(m, it)->kind == NK_Import)
			import_one(c, it);
	}
	c->modname = 0;
}

static Module *read_iface(Checker *c, const char *file, Span sp)
{
	FILE *f = fopen(file, "rb");
	if (!f)
		return NULL;
	Buf b = { 0 };
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	const char *err = NULL;
	Module *ifc = b.n ? stream_decode(b.s, b.n, &err) : NULL;
	free(b.s);
	if (!ifc || ifc->stage != STAGE_IFACE) {
		cerr(c, CD_BAD_IFACE, sp, file, ifc ? "not an iface stream" : err ? err : "empty");
		return NULL;
	}
	return ifc;
}

/* `mod x;` at path main.x: its items come from DIR/main.x.iface, written by
 * `con-check --module main.x --iface-out` on x.con (pipeline.mk). */
void load_stub(Checker *c, uint32_t mod, Str path)
{
	Module *m = c->m;
	Span sp = NODE_AT(m, mod)->span;
	Str name = NODE_AT(m, mod)->Module.name;
	for (const char *const *d = iface_dirs; d && *d; d++) {
		const char *file = arena_printf("%s/%s.iface", *d, str_get(path));
		FILE *f = fopen(file, "rb");
		if (!f)
			continue;
		fclose(f);
		Module *ifc = read_iface(c, file, sp);
		if (!ifc)
			return;
		List items;
		uint32_t bi[2] = { c->enum_option, c->enum_result };
		if (!iface_import(m, ifc, str_get(path), &items, bi, 2)) {
			cerr(c, CD_BAD_IFACE, sp, file,
				arena_printf("no module '%s' in it", str_get(path)));
			return;
		}
		NODE_AT(m, mod)->Module.items = items;
		return;
	}
	cerr(c, CD_NO_IFACE, sp, str_get(path), str_get(name));
}

/* `m::f` in a call or as a value, where m is a direct submodule of the
 * current module or a top-level module (LANGUAGE.md 4.12).  *is_mod tells
 * whether m named a module at all (else it may be a type: T::f).  Returns
 * the FnDecl, or 0 after reporting why not.  A sibling's function must be
 * public; [REF] a child's is not checked. */
uint32_t qual_fn(Checker *c, Str q, Str name, Span sp, bool *is_mod)
{
	uint32_t s = qual_scope(c, q);
	const char *qs = str_get(q);
	/* A lower-case qualifier cannot be a type (LANGUAGE.md 2.15). */
	*is_mod = s != NO_SCOPE || !(qs[0] >= 'A' && qs[0] <= 'Z');
	if (!*is_mod)
		return 0;
	uint32_t fd = s == NO_SCOPE ? 0 : scope_item(c, s, name, NK_FnDecl);
	if (!fd) {
		if (reported_once(c, name))
			cerr(c, CD_UNKNOWN_FN, sp, arena_printf("%s::%s", str_get(q), str_get(name)));
		return 0;
	}
	bool child = c->scopes.v[s].parent == c->scope;
	if (!child && !(NODE_AT(c->m, fd)->FnDecl.flags & FL_PUB)) {
		cerr(c, CD_NOT_PUBLIC, sp, str_get(name), str_get(q));
		return 0;
	}
	return fd;
}

/* `con-check --module main.util util.ast`: the file's items become the body
 * of module util inside main, so that names, symbols (util_f) and the
 * interface come out as in the file that declares `mod util;`.  A file
 * whose only item is `mod util { }` uses that block's body. */
int check_wrap_module(Module *m, const char *path, Diags *d)
{
	Node *root = m->root && m->root < m->nodes.n ? NODE_AT(m, m->root) : NULL;
	if (!root || root->kind != NK_File)
		return 0;
	List mods = root->File.modules;
	if (mods.len != 1 || NODE_AT(m, LIST_AT(m, mods, 0))->kind != NK_Module) {
		diag_add(d, SEV_ERROR, "resolve", NULL, str_get(m->source), (Span){ 0 },
			"module file '%s' must contain exactly one module", str_get(m->source));
		return 1;
	}
	uint32_t inner = LIST_AT(m, mods, 0);
	const char *end = path + strlen(path);
	while (end > path) {
		const char *dot = end;
		while (dot > path && dot[-1] != '.')
			dot--;
		Str seg = str_intern(dot, (size_t)(end - dot));
		if (end == path + strlen(path)) {
			NODE_AT(m, inner)->Module.name = seg;
		} else {
			uint32_t w = node_new(m, NK_Module, NODE_AT(m, inner)->span);
			List l = list_make(m, &inner, 1);
			NODE_AT(m, w)->Module.name = seg;
			NODE_AT(m, w)->Module.items = l;
			inner = w;
		}
		end = dot > path ? dot - 1 : path;
	}
	List l = list_make(m, &inner, 1);
	NODE_AT(m, m->root)->File.modules = l;
	NODE_AT(m, inner)->Module.flags |= FL_FILE_MODULE;
	return 0;
}

/* Has inner (a file module) an item module, or an enclosing wrapper, of
 * this name?  Then `import name...` means that one, not a sibling. */
static bool names_own_module(Module *m, uint32_t inner, Str name, const uint32_t *wr, uint32_t nw)
{
	for (uint32_t i = 0; i < nw; i++)
		if (NODE_AT(m, wr[i])->Module.name == name)
			return true;
	List items = NODE_AT(m, inner)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (it && it < m->nodes.n && NODE_AT(m, it)->kind == NK_Module
			&& NODE_AT(m, it)->Module.name == name)
			return true;
	}
	return false;
}

static bool iface_exists(const char *path)
{
	for (const char *const *d = iface_dirs; d && *d; d++) {
		FILE *f = fopen(arena_printf("%s/%s.iface", *d, path), "rb");
		if (f) {
			fclose(f);
			return true;
		}
	}
	return false;
}

/* `con-check --module main.a`: a file module may import a sibling module
 * file (`import gen.{f}` in a.con next to gen.con, both declared by the
 * root), LANGUAGE.md 4.12.  Each sibling whose interface exists in the -I
 * directories becomes a `mod gen;` stub beside the file's module, loaded
 * like any stub; con-parse --deps orders the sibling's check first. */
void check_add_siblings(Module *m, const char *path)
{
	Node *root = m->root && m->root < m->nodes.n ? NODE_AT(m, m->root) : NULL;
	if (!root || root->kind != NK_File || root->File.modules.len != 1)
		return;
	/* check_wrap_module made one wrapper per leading segment of path */
	uint32_t wr[64], nw = 0;
	uint32_t cur = LIST_AT(m, root->File.modules, 0);
	for (const char *p = strchr(path, '.'); p && cur && nw < 64; p = strchr(p + 1, '.')) {
		if (NODE_AT(m, cur)->kind != NK_Module || NODE_AT(m, cur)->Module.items.len != 1)
			return;
		wr[nw++] = cur;
		cur = LIST_AT(m, NODE_AT(m, cur)->Module.items, 0);
	}
	if (!nw || !cur || NODE_AT(m, cur)->kind != NK_Module)
		return;
	Buf pre = { 0 };
	for (uint32_t i = 0; i < nw; i++)
		buf_printf(&pre, "%s%s", i ? "." : "", str_get(NODE_AT(m, wr[i])->Module.name));
	VEC(uint32_t) sib = { 0 };
	List items = NODE_AT(m, cur)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (!it || it >= m->nodes.n || NODE_AT(m, it)->kind != NK_Import
			|| !NODE_AT(m, it)->Import.path.len)
			continue;
		Str g = LIST_AT(m, NODE_AT(m, it)->Import.path, 0);
		bool dup = false;
		for (uint32_t k = 0; k < sib.n; k++)
			dup |= NODE_AT(m, sib.v[k])->Module.name == g;
		if (dup || names_own_module(m, cur, g, wr, nw)
			|| !iface_exists(arena_printf("%s.%s", pre.s, str_get(g))))
			continue;
		uint32_t s = node_new(m, NK_Module, (Span){ 0 });
		NODE_AT(m, s)->Module.name = g;
		NODE_AT(m, s)->Module.flags |= FL_STUB | FL_FILE_MODULE;
		vec_push(sib, s);
	}
	if (sib.n) {
		vec_push(sib, cur);
		NODE_AT(m, wr[nw - 1])->Module.items = list_make(m, sib.v, sib.n);
	}
	free(sib.v);
	free(pre.s);
}
