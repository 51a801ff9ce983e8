/* resolve.c: module symbols, local scopes, loop labels, builtin names and
 * syntactic types -> semantic types. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static uint32_t sym_find(Checker *c, const Sym *v, uint32_t n, Str name, int kind)
{
	for (uint32_t i = n; i-- > 0;)
		if (v[i].name == name && (!kind || NODE_AT(c->m, v[i].node)->kind == kind))
			return v[i].node;
	return 0;
}

uint32_t scope_item(Checker *c, uint32_t scope, Str name, int kind)
{
	if (scope >= c->scopes.n)
		return 0;
	Scope *s = &c->scopes.v[scope];
	return sym_find(c, s->syms.v, s->syms.n, name, kind);
}

/* A module's own definition wins over an imported one (LANGUAGE.md 4.12). */
uint32_t sym_lookup(Checker *c, Str name, int kind)
{
	if (c->scope >= c->scopes.n)
		return 0;
	Scope *s = &c->scopes.v[c->scope];
	uint32_t d = sym_find(c, s->syms.v, s->syms.n, name, kind);
	return d ? d : sym_find(c, s->imports.v, s->imports.n, name, kind);
}

bool sym_add(Checker *c, Str name, uint32_t node)
{
	if (c->scope >= c->scopes.n || scope_item(c, c->scope, name, 0))
		return false;
	Sym sy = { name, node };
	vec_push(c->scopes.v[c->scope].syms, sy);
	return true;
}

static Str scope_name(Checker *c, uint32_t i)
{
	return NODE_AT(c->m, c->scopes.v[i].node)->Module.name;
}

uint32_t qual_scope(Checker *c, Str q)
{
	for (uint32_t i = 0; i < c->scopes.n; i++)
		if (c->scopes.v[i].parent == c->scope && scope_name(c, i) == q)
			return i;
	for (uint32_t i = 0; i < c->scopes.n; i++)
		if (c->scopes.v[i].parent == NO_SCOPE && scope_name(c, i) == q)
			return i;
	return NO_SCOPE;
}

/* Does the module's path end with the import path?  For main > net > tcp
 * each of main.net.tcp, net.tcp and tcp names it. */
static bool path_suffix(Checker *c, uint32_t i, List path)
{
	for (uint32_t k = path.len; k-- > 0;) {
		if (i == NO_SCOPE || scope_name(c, i) != LIST_AT(c->m, path, k))
			return false;
		i = c->scopes.v[i].parent;
	}
	return true;
}

/* The closest match wins: a submodule of the importer, then a sibling, then
 * anything else in file order. */
uint32_t path_scope(Checker *c, List path)
{
	if (!path.len)
		return NO_SCOPE;
	uint32_t best = NO_SCOPE;
	for (uint32_t i = 0; i < c->scopes.n; i++) {
		if (!path_suffix(c, i, path))
			continue;
		uint32_t up = i;
		for (uint32_t k = 0; k < path.len; k++)
			up = c->scopes.v[up].parent;
		if (up == c->scope)
			return i;
		if (best == NO_SCOPE)
			best = i;
	}
	return best;
}

void scope_push(Checker *c, Str name, uint32_t node)
{
	Local l = { name, node };
	vec_push(c->locals, l);
}

/* Innermost declaration wins (shadowing, LANGUAGE.md 5.8). */
uint32_t scope_find(Checker *c, Str name)
{
	for (uint32_t i = c->locals.n; i-- > 0;)
		if (c->locals.v[i].name == name)
			return c->locals.v[i].node;
	return 0;
}

/* One report per unknown name and function keeps cascades low (CHECKS.md
 * 9.2 item 5); returns true the first time. */
bool reported_once(Checker *c, Str name)
{
	for (uint32_t i = 0; i < c->reported.n; i++)
		if (c->reported.v[i] == name)
			return false;
	vec_push(c->reported, name);
	return true;
}

Loop *loop_find(Checker *c, Str label)
{
	for (uint32_t i = c->loops.n; i-- > 0;)
		if (!label || c->loops.v[i].label == label)
			return &c->loops.v[i];
	return NULL;
}

static const char *const reserved_fns[] = {
	"destroy", "abort", "alloc", "free", "alloc_array", "free_array",
	"realloc_array",
};

bool is_reserved_fn(Str name)
{
	for (size_t i = 0; i < sizeof reserved_fns / sizeof *reserved_fns; i++)
		if (!strcmp(str_get(name), reserved_fns[i]))
			return true;
	return false;
}

/* The builtin table and builtin_kind live in builtins.c. */

/* Primitive spellings (LANGUAGE.md 3.1): bits 0 = not an integer. */
static const struct { const char *name; int kind, bits, sign; } prims[] = {
	{ "Int", TK_Int, 64, 1 }, { "i64", TK_Int, 64, 1 },
	{ "Uint", TK_Int, 64, 0 }, { "u64", TK_Int, 64, 0 },
	{ "i32", TK_Int, 32, 1 }, { "u32", TK_Int, 32, 0 },
	{ "i16", TK_Int, 16, 1 }, { "u16", TK_Int, 16, 0 },
	{ "i8", TK_Int, 8, 1 }, { "u8", TK_Int, 8, 0 },
	{ "bool", TK_Bool, 0, 0 }, { "Bool", TK_Bool, 0, 0 },
	{ "char", TK_Char, 0, 0 },
};

static uint32_t struct_type(Checker *c, uint32_t decl)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Struct;
	t.Struct.name = NODE_AT(c->m, decl)->StructDecl.name;
	t.Struct.decl = decl;
	return type_intern(c->m, &t);
}

static uint32_t resolve_tyname(Checker *c, Node *n)
{
	const char *s = str_get(n->TyName.name);
	for (size_t i = 0; i < sizeof prims / sizeof *prims; i++) {
		if (strcmp(s, prims[i].name))
			continue;
		if (n->TyName.args.len) {   /* primitives are not generic */
			cerr(c, CD_BI_TYPE_ARGS, n->span, s, 0u, "s");
			return c->t_err;
		}
		if (prims[i].kind == TK_Int)
			return ty_int(c->m, prims[i].bits, prims[i].sign);
		return ty_simple(c->m, prims[i].kind);
	}
	uint32_t xt = resolve_generic_name(c, (uint32_t)(n - c->m->nodes.v));   /* generics.c */
	if (xt)
		return xt;
	xt = tx_named_type(c, (uint32_t)(n - c->m->nodes.v));   /* typesx.c */
	if (xt)
		return xt;
	xt = bi_named_type(c, (uint32_t)(n - c->m->nodes.v));   /* builtins.c */
	if (xt)
		return xt;
	xt = enum_resolve_tyname(c, (uint32_t)(n - c->m->nodes.v));   /* enums.c */
	if (xt)
		return xt;
	uint32_t decl = FIND_STRUCT(c, n->TyName.name);
	if (!decl) {
		cerr(c, CD_UNKNOWN_TYPE, n->span, s);
		return c->t_err;
	}
	return struct_type(c, decl);
}

/* Capability sets compare as sets (LANGUAGE.md 3.8), so they are stored
 * expanded (Std) and in the canonical order of CHECKS.md 6.1. */
static const char *const cap_order[] = {
	"File", "Network", "Clock", "Env", "Random", "Process", "Console",
	"Alloc", "Unsafe",
};
#define NCAPS (sizeof cap_order / sizeof *cap_order)

static List cap_list(Checker *c, List caps)
{
	bool have[NCAPS] = { 0 };
	VEC(uint32_t) other = { 0 };
	for (uint32_t i = 0; i < caps.len; i++) {
		Str s = LIST_AT(c->m, caps, i);
		const char *n = str_get(s);
		size_t k;
		if (!strcmp(n, "Std")) {
			for (k = 0; k < NCAPS - 1; k++)
				have[k] = true;
			continue;
		}
		for (k = 0; k < NCAPS && strcmp(n, cap_order[k]); k++)
			;
		if (k < NCAPS) {
			have[k] = true;
			continue;
		}
		/* `cap IO = File + Console;` expands to its members (caps.c) */
		uint32_t al = c->scope != NO_SCOPE ? sym_lookup(c, s, NK_CapAlias) : 0;
		if (al) {
			List ac = NODE_AT(c->m, al)->CapAlias.caps;
			for (uint32_t j = 0; j < ac.len; j++)
				for (k = 0; k < NCAPS; k++)
					if (!strcmp(str_get(LIST_AT(c->m, ac, j)), "Std") ? k < NCAPS - 1
						: !strcmp(str_get(LIST_AT(c->m, ac, j)), cap_order[k]))
						have[k] = true;
			continue;
		}
		bool dup = false;
		for (uint32_t j = 0; j < other.n; j++)
			dup |= other.v[j] == s;
		if (!dup)
			vec_push(other, s);
	}
	uint32_t out[NCAPS + other.n + 1];
	uint32_t n = 0;
	for (size_t k = 0; k < NCAPS; k++)
		if (have[k])
			out[n++] = str_internz(cap_order[k]);
	for (uint32_t j = 0; j < other.n; j++)
		out[n++] = other.v[j];
	free(other.v);
	return list_make(c->m, out, n);
}

static uint32_t make_fn_type(Checker *c, const uint32_t *params, uint32_t n,
	List caps, uint32_t ret)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Fn;
	t.Fn.params = list_make(c->m, params, n);
	t.Fn.caps = cap_list(c, caps);
	t.Fn.ret = ret;
	return type_intern(c->m, &t);
}

uint32_t resolve_type(Checker *c, uint32_t tn)
{
	Module *m = c->m;
	if (!tn || tn >= m->nodes.n)
		return c->t_unit;
	if (++c->depth > MAX_DEPTH) {
		c->depth--;
		cerr(c, CD_TOO_DEEP, NODE_AT(m, tn)->span);
		return c->t_err;
	}
	Node *n = NODE_AT(m, tn);
	uint32_t t = c->t_err;
	Type ty;
	memset(&ty, 0, sizeof ty);
	switch (n->kind) {
	case NK_TyName:
		t = resolve_tyname(c, n);
		break;
	case NK_TyRef: {
		uint32_t e = resolve_type(c, n->TyRef.elem);
		n = NODE_AT(m, tn);
		if (ty_is_err(c, e))
			break;
		t = ty_ref_to(m, e, (n->TyRef.flags & FL_MUT) != 0);
		break;
	}
	case NK_TyArray: {
		uint32_t e = resolve_type(c, n->TyArray.elem);
		n = NODE_AT(m, tn);
		if (ty_is_err(c, e))
			break;
		if (n->TyArray.len < 0 || n->TyArray.len > UINT32_MAX) {
			cerr(c, CD_MALFORMED, n->span, "array length out of range");
			break;
		}
		ty.kind = TK_Array;
		ty.Array.elem = e;
		ty.Array.len = n->TyArray.len;
		t = type_intern(m, &ty);
		break;
	}
	case NK_TyFn: {
		List pl = n->TyFn.params;
		uint32_t ps[pl.len + 1];
		bool bad = false;
		for (uint32_t i = 0; i < pl.len; i++) {
			ps[i] = resolve_type(c, LIST_AT(m, pl, i));
			bad |= ty_is_err(c, ps[i]);
		}
		n = NODE_AT(m, tn);
		uint32_t r = n->TyFn.ret ? resolve_type(c, n->TyFn.ret) : c->t_unit;
		n = NODE_AT(m, tn);
		if (!bad && !ty_is_err(c, r))
			t = make_fn_type(c, ps, pl.len, n->TyFn.caps, r);
		break;
	}
	case NK_TyPtr:
		t = tx_ptr_type(c, tn);
		break;
	default:
		cerr(c, CD_MALFORMED, n->span,
			arena_printf("%s node where a type was expected",
				n->kind < NK_COUNT ? node_kind_names[n->kind] : "unknown"));
		break;
	}
	c->depth--;
	NODE_AT(m, tn)->ty = t;
	return t;
}

/* The TK_Fn type of a declared function; parameter types must already be
 * resolved (check.c does that before any body is checked). */
uint32_t fn_type(Checker *c, uint32_t fndecl)
{
	Module *m = c->m;
	Node *f = NODE_AT(m, fndecl);
	if (f->ty)
		return f->ty;
	List pl = f->FnDecl.params;
	uint32_t ps[pl.len + 1];
	for (uint32_t i = 0; i < pl.len; i++) {
		ps[i] = NODE_AT(m, LIST_AT(m, pl, i))->ty;
		if (!ps[i] || ty_is_err(c, ps[i]))
			return c->t_err;
	}
	uint32_t r = f->FnDecl.ret ? NODE_AT(m, f->FnDecl.ret)->ty : c->t_unit;
	if (!r || ty_is_err(c, r))
		return c->t_err;
	uint32_t t = make_fn_type(c, ps, pl.len, f->FnDecl.caps, r);
	NODE_AT(m, fndecl)->ty = t;
	return t;
}
