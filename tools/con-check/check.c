/* check.c: check_module, the entry of con-check.
 *
 * Each top-level module is checked in phases so that functions may be called
 * before their declaration: collect item names, resolve struct fields and
 * function signatures, check constants, then check bodies.  Constructs the
 * subset does not handle yet are rejected with "not supported yet: ...". */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static bool valid(Checker *c, uint32_t i)
{
	return i && i < c->m->nodes.n;
}

/* Item kinds outside this subset, with the name used in the diagnostic. */
static const char *unsupported_item(int kind)
{
	switch (kind) {
	case NK_EnumDecl: return "enums";
	case NK_NewtypeDecl: return "newtypes";
	case NK_TypeAlias: return "type aliases";
	case NK_TraitDecl: return "traits";
	case NK_ImplDecl: return "impl blocks";
	case NK_Import: return "imports";
	case NK_Module: return "submodules";
	default: return NULL;
	}
}

static bool has_layout_attr(Checker *c, List attrs)
{
	for (uint32_t i = 0; i < attrs.len; i++) {
		Node *a = NODE_AT(c->m, LIST_AT(c->m, attrs, i));
		if (a->kind != NK_Attr || strcmp(str_get(a->Attr.key), "repr"))
			continue;
		for (uint32_t j = 0; j < a->Attr.args.len; j++) {
			Node *o = NODE_AT(c->m, LIST_AT(c->m, a->Attr.args, j));
			if (o->kind == NK_Attr && strcmp(str_get(o->Attr.key), "C"))
				return true;
		}
	}
	return false;
}

static void add_sym(Checker *c, uint32_t item, Str name, const char *what)
{
	bool dup = FIND_FN(c, name) || FIND_STRUCT(c, name) || FIND_CONST(c, name);
	if (dup) {
		cerr(c, CD_DUP_ITEM, NODE_AT(c->m, item)->span, what, str_get(name));
		return;
	}
	Sym s = { name, item };
	int k = NODE_AT(c->m, item)->kind;
	if (k == NK_FnDecl)
		vec_push(c->fns, s);
	else if (k == NK_StructDecl)
		vec_push(c->structs, s);
	else
		vec_push(c->consts, s);
}

static void collect_item(Checker *c, uint32_t it)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, it);
	const char *why = unsupported_item(n->kind);
	if (why) {
		cerr(c, CD_UNSUPPORTED, n->span, why);
		return;
	}
	switch (n->kind) {
	case NK_FnDecl:
		if (!(n->FnDecl.flags & FL_EXTERN) && is_reserved_fn(n->FnDecl.name))
			cerr(c, CD_RESERVED, n->span, str_get(n->FnDecl.name));
		if (n->FnDecl.generics.len) {
			cerr(c, CD_UNSUPPORTED, n->span, "generic functions");
			return;
		}
		add_sym(c, it, n->FnDecl.name, "function");
		break;
	case NK_StructDecl: {
		why = (n->StructDecl.flags & FL_UNION) ? "unions"
			: n->StructDecl.generics.len ? "generic structs"
			: (n->StructDecl.flags & (FL_REPR_PACKED)) || has_layout_attr(c, n->StructDecl.attrs)
			? "struct layout attributes other than #[repr(C)]" : NULL;
		if (why) {
			cerr(c, CD_UNSUPPORTED, n->span, why);
			return;
		}
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
	case NK_CapAlias:
	case NK_Attr:
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
}

/* A struct that contains itself by value (directly, through arrays or other
 * structs) has no finite layout.  state: 0 new, 1 on the path, 2 done. */
static bool struct_cycle(Checker *c, uint32_t sd, uint8_t *state)
{
	Module *m = c->m;
	uint32_t k;
	for (k = 0; k < c->structs.n && c->structs.v[k].node != sd; k++)
		;
	if (k == c->structs.n || state[k] == 2)
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
	for (uint32_t i = 0; i < pl.len; i++) {
		uint32_t p = LIST_AT(m, pl, i);
		Node *pn = NODE_AT(m, p);
		if (pn->kind != NK_Param) {
			cerr(c, CD_MALFORMED, pn->span, "parameter is not a Param");
			continue;
		}
		if (pn->Param.flags & (FL_SELF_VALUE | FL_SELF_REF | FL_SELF_MUT)) {
			cerr(c, CD_UNSUPPORTED, pn->span, "methods (self parameters)");
			pn->ty = c->t_err;
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
	check_block(c, NODE_AT(m, fd)->FnDecl.body, 0, false);
	c->fn = 0;
}

static void check_top(Checker *c, uint32_t mod)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, mod);
	if (n->kind != NK_Module) {
		cerr(c, CD_MALFORMED, n->span, "top-level entry is not a Module");
		return;
	}
	c->modname = n->Module.name;
	c->fns.n = c->structs.n = c->consts.n = 0;
	if (n->Module.flags & FL_STUB) {
		cerr(c, CD_UNSUPPORTED, n->span, "module files ('mod X;')");
		return;
	}
	List items = n->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (valid(c, it))
			collect_item(c, it);
	}
	for (uint32_t i = 0; i < c->structs.n; i++)
		resolve_struct(c, c->structs.v[i].node);
	uint8_t *state = xcalloc(c->structs.n + 1, 1);
	for (uint32_t i = 0; i < c->structs.n; i++) {
		memset(state, 0, c->structs.n);
		uint32_t sd = c->structs.v[i].node;
		if (struct_cycle(c, sd, state))
			cerr(c, CD_STRUCT_CYCLE, NODE_AT(m, sd)->span,
				str_get(NODE_AT(m, sd)->StructDecl.name));
	}
	free(state);
	for (uint32_t i = 0; i < c->fns.n; i++)
		resolve_signature(c, c->fns.v[i].node);
	for (uint32_t i = 0; i < c->consts.n; i++)
		const_type(c, c->consts.v[i].node);
	for (uint32_t i = 0; i < c->fns.n; i++)
		check_body(c, c->fns.v[i].node);
	c->modname = 0;
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
	uint32_t from = d->v.n;
	Node *root = valid(&c, m->root) ? NODE_AT(m, m->root) : NULL;
	if (!root || root->kind != NK_File) {
		cerr(&c, CD_MALFORMED, (Span){ 0 }, "the root is not a File node");
	} else {
		List mods = root->File.modules;
		for (uint32_t i = 0; i < mods.len; i++) {
			uint32_t mod = LIST_AT(m, mods, i);
			if (valid(&c, mod))
				check_top(&c, mod);
		}
	}
	report_sort(d, from);
	free(c.fns.v);
	free(c.structs.v);
	free(c.consts.v);
	free(c.locals.v);
	free(c.loops.v);
	free(c.reported.v);
	if (!c.errors)
		m->stage = STAGE_CHECKED;
	return c.errors;
}
