/* check.c: check_module, the entry of con-check.
 *
 * Each top-level module is checked in phases so that functions may be called
 * before their declaration: collect item names, resolve struct fields and
 * function signatures, check constants, then check bodies. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static bool valid(Checker *c, uint32_t i)
{
	return i && i < c->m->nodes.n;
}

static void add_sym(Checker *c, uint32_t item, Str name, const char *what)
{
	if (!sym_add(c, name, item))
		cerr(c, CD_DUP_ITEM, NODE_AT(c->m, item)->span, what, str_get(name));
}

static void collect_item(Checker *c, uint32_t it)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, it);
	switch (n->kind) {
	case NK_FnDecl:
		if (!(n->FnDecl.flags & FL_EXTERN) && is_reserved_fn(n->FnDecl.name))
			cerr(c, CD_RESERVED, n->span, str_get(n->FnDecl.name));
		add_sym(c, it, n->FnDecl.name, "function");
		break;
	case NK_ImplDecl:        /* traits.c */
		collect_impl(c, it);
		break;
	case NK_TraitDecl:       /* traits.c */
		collect_trait(c, it);
		break;
	case NK_StructDecl: {
		Type t;
		memset(&t, 0, sizeof t);
		t.kind = TK_Struct;
		t.Struct.name = n->StructDecl.name;
		t.Struct.decl = it;
		uint32_t ty = type_intern(m, &t);
		NODE_AT(m, it)->ty = ty;
		add_sym(c, it, NODE_AT(m, it)->StructDecl.name, "struct");
		break;
	}
	case NK_ConstDecl:
		add_sym(c, it, n->ConstDecl.name, "constant");
		break;
	case NK_EnumDecl:       /* enums.c */
		add_sym(c, it, n->EnumDecl.name, "enum");
		break;
	case NK_NewtypeDecl:     /* typesx.c */
		add_sym(c, it, n->NewtypeDecl.name, "newtype");
		break;
	case NK_TypeAlias:       /* typesx.c */
		add_sym(c, it, n->TypeAlias.name, "type alias");
		break;
	case NK_CapAlias:        /* caps.c; expanded by resolve.c's cap_list */
		add_sym(c, it, n->CapAlias.name, "capability alias");
		break;
	case NK_Attr:
	case NK_Import:         /* imports.c */
	case NK_Module:         /* a scope of its own */
		/* Capabilities are parsed but not checked in this subset. */
		break;
	default:
		cerr(c, CD_MALFORMED, n->span, arena_printf("%s node where an item was expected",
			n->kind < NK_COUNT ? node_kind_names[n->kind] : "unknown"));
		break;
	}
}

static void resolve_struct(Checker *c, uint32_t sd)
{
	Module *m = c->m;
	List fl = NODE_AT(m, sd)->StructDecl.fields;
	Str sname = NODE_AT(m, sd)->StructDecl.name;
	c->tparams.n = 0;
	push_tparams(c, NODE_AT(m, sd)->StructDecl.generics);    /* generics.c */
	for (uint32_t i = 0; i < fl.len; i++) {
		uint32_t f = LIST_AT(m, fl, i);
		Node *fn = NODE_AT(m, f);
		if (fn->kind != NK_FieldDecl) {
			cerr(c, CD_MALFORMED, fn->span, "struct member is not a FieldDecl");
			continue;
		}
		for (uint32_t j = 0; j < i; j++)
			if (NODE_AT(m, LIST_AT(m, fl, j))->FieldDecl.name == fn->FieldDecl.name) {
				cerr(c, CD_DUP_FIELD, fn->span, str_get(fn->FieldDecl.name), str_get(sname));
				break;
			}
		uint32_t t = resolve_type(c, NODE_AT(m, f)->FieldDecl.type);
		NODE_AT(m, f)->ty = t;
	}
	gen_leave(c);
}

/* A struct that contains itself by value (directly, through arrays or other
 * structs) has no finite layout.  state: 0 new, 1 on the path, 2 done. */
static bool struct_cycle(Checker *c, uint32_t sd, uint8_t *state)
{
	Module *m = c->m;
	uint32_t k = sd;
	if (!valid(c, sd) || NODE_AT(m, sd)->kind != NK_StructDecl || state[k] == 2)
		return false;
	if (state[k] == 1)
		return true;
	state[k] = 1;
	List fl = NODE_AT(m, sd)->StructDecl.fields;
	bool cyc = false;
	for (uint32_t i = 0; i < fl.len && !cyc; i++) {
		uint32_t t = NODE_AT(m, LIST_AT(m, fl, i))->ty;
		while (!ty_is_err(c, t) && ty_at(c, t)->kind == TK_Array)
			t = ty_at(c, t)->Array.elem;
		if (!ty_is_err(c, t) && ty_at(c, t)->kind == TK_Struct)
			cyc = struct_cycle(c, ty_at(c, t)->Struct.decl, state);
	}
	state[k] = 2;
	return cyc;
}

static void resolve_signature(Checker *c, uint32_t fd)
{
	Module *m = c->m;
	List pl = NODE_AT(m, fd)->FnDecl.params;
	c->fn = fd;
	gen_enter(c, fd);       /* generics.c: type parameters and Self */
	for (uint32_t i = 0; i < pl.len; i++) {
		uint32_t p = LIST_AT(m, pl, i);
		Node *pn = NODE_AT(m, p);
		if (pn->kind != NK_Param) {
			cerr(c, CD_MALFORMED, pn->span, "parameter is not a Param");
			continue;
		}
		if (pn->Param.flags & (FL_SELF_VALUE | FL_SELF_REF | FL_SELF_MUT)) {
			uint32_t st = self_param_type(c, p);     /* traits.c */
			NODE_AT(m, p)->ty = st;
			continue;
		}
		for (uint32_t j = 0; j < i; j++)
			if (NODE_AT(m, LIST_AT(m, pl, j))->Param.name == pn->Param.name) {
				cerr(c, CD_DUP_PARAM, pn->span, str_get(pn->Param.name),
					str_get(NODE_AT(m, fd)->FnDecl.name));
				break;
			}
		uint32_t t = resolve_type(c, NODE_AT(m, p)->Param.type);
		NODE_AT(m, p)->ty = t;
	}
	uint32_t r = NODE_AT(m, fd)->FnDecl.ret;
	if (r)
		resolve_type(c, r);
	NODE_AT(m, fd)->ty = 0;
	fn_type(c, fd);
	gen_leave(c);
	c->fn = 0;
}

/* The type of a constant, checking its initializer on first use; a cycle
 * between constants would make their inlining in lower endless. */
uint32_t const_type(Checker *c, uint32_t decl)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, decl);
	if (n->ty)
		return n->ty;
	if (n->aux == 1) {
		cerr(c, CD_CONST_CYCLE, n->span, str_get(n->ConstDecl.name));
		n->ty = c->t_err;
		return n->ty;
	}
	n->aux = 1;     /* in progress; reset below (ConstDecl has no resolution) */
	Checker saved = *c;
	memset(&c->locals, 0, sizeof c->locals);
	memset(&c->loops, 0, sizeof c->loops);
	memset(&c->reported, 0, sizeof c->reported);
	c->fn = 0;
	c->const_init = true;
	c->const_bad = false;
	uint32_t t = resolve_type(c, NODE_AT(m, decl)->ConstDecl.type);
	n = NODE_AT(m, decl);
	Str name = n->ConstDecl.name;
	if (!n->ConstDecl.value)
		cerr(c, CD_MALFORMED, n->span, "constant without a value");
	else
		expect_type(c, n->ConstDecl.value, t, n->span,
			arena_printf("constant '%s'", str_get(name)));
	if (c->const_bad)
		cerr(c, CD_CONST_NONCONST, NODE_AT(m, decl)->span, str_get(name));
	free(c->locals.v);
	free(c->loops.v);
	free(c->reported.v);
	c->locals = saved.locals;
	c->loops = saved.loops;
	c->reported = saved.reported;
	c->fn = saved.fn;
	c->const_init = saved.const_init;
	c->const_bad = saved.const_bad;
	n = NODE_AT(m, decl);
	n->aux = 0;
	if (!n->ty)           /* a cycle may already have marked it */
		n->ty = t;
	return n->ty;
}

static void check_body(Checker *c, uint32_t fd)
{
	Module *m = c->m;
	Node *f = NODE_AT(m, fd);
	if (!f->FnDecl.body)
		return;
	c->fn = fd;
	c->ret = f->FnDecl.ret ? NODE_AT(m, f->FnDecl.ret)->ty : c->t_unit;
	c->locals.n = c->loops.n = c->reported.n = 0;
	List pl = f->FnDecl.params;
	for (uint32_t i = 0; i < pl.len; i++) {
		uint32_t p = LIST_AT(m, pl, i);
		if (NODE_AT(m, p)->kind == NK_Param)
			scope_push(c, NODE_AT(m, p)->Param.name, p);
	}
	gen_enter(c, fd);
	int e0 = c->errors;
	check_block(c, NODE_AT(m, fd)->FnDecl.body, 0, false);
	int e1 = c->errors;
	borrowck_fn(c, fd);     /* borrowck.c: borrow rules of CHECKS.md 4 */
	/* linear.c: ownership needs every type; the leak check runs only on
	 * an otherwise clean body (CHECKS.md 1) */
	if (e1 == e0)
		check_linear(c, fd, c->errors == e0);
	gen_leave(c);
	c->fn = 0;
}

/* Run one phase over the own items of kind `kind` of every module checked
 * here (imported modules bring their types and signatures resolved). */
static void each_item(Checker *c, int kind, void (*f)(Checker *, uint32_t))
{
	for (uint32_t i = 0; i < c->scopes.n; i++) {
		if (c->scopes.v[i].imported)
			continue;
		c->scope = i;
		c->modname = NODE_AT(c->m, c->scopes.v[i].node)->Module.name;
		for (uint32_t k = 0; k < c->scopes.v[i].syms.n; k++) {
			uint32_t it = c->scopes.v[i].syms.v[k].node;
			if (NODE_AT(c->m, it)->kind == kind)
				f(c, it);
		}
	}
	c->modname = 0;
}

static void check_cycle(Checker *c, uint32_t sd)
{
	uint8_t *state = xcalloc(c->m->nodes.n + 1, 1);
	if (struct_cycle(c, sd, state))
		cerr(c, CD_STRUCT_CYCLE, NODE_AT(c->m, sd)->span,
			str_get(NODE_AT(c->m, sd)->StructDecl.name));
	free(state);
}

static void const_phase(Checker *c, uint32_t cd)
{
	const_type(c, cd);
}

/* Scopes for a module and its submodules, parents first; a `mod x;` gets
 * its items from the interface of x (imports.c). */
static void add_scopes(Checker *c, uint32_t mod, uint32_t parent, Str path, bool imported)
{
	Module *m = c->m;
	if (NODE_AT(m, mod)->kind != NK_Module) {
		cerr(c, CD_MALFORMED, NODE_AT(m, mod)->span, "top-level entry is not a Module");
		return;
	}
	if (c->scopes.n > MAX_DEPTH * 8)
		return;
	Scope s;
	memset(&s, 0, sizeof s);
	s.node = mod;
	s.parent = parent;
	s.path = path;
	uint32_t me = c->scopes.n;
	vec_push(c->scopes, s);
	if ((NODE_AT(m, mod)->Module.flags & FL_STUB) && !imported) {
		c->scope = parent;
		load_stub(c, mod, path);
		imported = true;
	}
	c->scopes.v[me].imported = imported;
	List items = NODE_AT(m, mod)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (valid(c, it) && NODE_AT(m, it)->kind == NK_Module)
			add_scopes(c, it, me, str_internz(arena_printf("%s.%s", str_get(path),
				str_get(NODE_AT(m, it)->Module.name))), imported);
	}
}

static void collect_scope(Checker *c, uint32_t i)
{
	Module *m = c->m;
	c->scope = i;
	c->modname = NODE_AT(m, c->scopes.v[i].node)->Module.name;
	List items = NODE_AT(m, c->scopes.v[i].node)->Module.items;
	for (uint32_t k = 0; k < items.len; k++) {
		uint32_t it = LIST_AT(m, items, k);
		if (valid(c, it))
			collect_item(c, it);
	}
	c->modname = 0;
}

/* Every module in phases, so that names may be used before their
 * declaration and across modules: collect, imports, struct fields, struct
 * cycles, signatures, constants, bodies. */
static void check_scopes(Checker *c)
{
	for (uint32_t i = 0; i < c->scopes.n; i++)
		collect_scope(c, i);
	for (uint32_t i = 0; i < c->scopes.n; i++)
		check_imports(c, i);
	each_item(c, NK_StructDecl, resolve_struct);
	each_item(c, NK_EnumDecl, enum_resolve);          /* enums.c */
	each_item(c, NK_StructDecl, check_cycle);
	each_item(c, NK_StructDecl, tx_check_struct);     /* typesx.c: repr rules */
	each_item(c, NK_StructDecl, check_copy_struct);   /* decls.c: Copy fields */
	each_item(c, NK_TypeAlias, tx_resolve_decl);
	each_item(c, NK_NewtypeDecl, tx_resolve_decl);
	each_item(c, NK_FnDecl, resolve_signature);
	each_item(c, NK_FnDecl, check_test_fn);           /* testfn.c */
	check_traits(c);                                  /* traits.c */
	each_item(c, NK_FnDecl, tx_check_extern);         /* typesx.c: FFI safety */
	each_item(c, NK_ConstDecl, const_phase);
	each_item(c, NK_FnDecl, check_body);
	check_caps(c);                                    /* caps.c */
	c->scope = NO_SCOPE;
}

int check_module(Module *m, Diags *d)
{
	Checker c;
	memset(&c, 0, sizeof c);
	c.m = m;
	c.d = d;
	c.t_err = ty_simple(m, TK_Error);
	c.t_unit = ty_simple(m, TK_Unit);
	c.t_never = ty_simple(m, TK_Never);
	c.t_bool = ty_simple(m, TK_Bool);
	c.t_char = ty_simple(m, TK_Char);
	c.t_int = ty_int(m, 64, true);
	/* Annotations are ours: anything a stream brought in is stale. */
	for (uint32_t i = 1; i < m->nodes.n; i++)
		m->nodes.v[i].ty = m->nodes.v[i].aux = 0;
	enum_builtins(&c);      /* Option and Result (enums.c) */
	uint32_t from = d->v.n;
	Node *root = valid(&c, m->root) ? NODE_AT(m, m->root) : NULL;
	if (!root || root->kind != NK_File) {
		cerr(&c, CD_MALFORMED, (Span){ 0 }, "the root is not a File node");
	} else {
		List mods = root->File.modules;
		for (uint32_t i = 0; i < mods.len; i++) {
			uint32_t mod = LIST_AT(m, mods, i);
			if (valid(&c, mod))
				add_scopes(&c, mod, NO_SCOPE, NODE_AT(m, mod)->Module.name, false);
		}
		check_scopes(&c);
	}
	report_sort(d, from);
	for (uint32_t i = 0; i < c.scopes.n; i++) {
		free(c.scopes.v[i].syms.v);
		free(c.scopes.v[i].imports.v);
	}
	free(c.scopes.v);
	free(c.locals.v);
	free(c.loops.v);
	free(c.reported.v);
	free(c.tparams.v);
	free(c.owners.v);
	free(c.timpls.v);
	if (!c.errors)
		m->stage = STAGE_CHECKED;
	return c.errors;
}
