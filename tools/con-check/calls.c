/* calls.c: calls of user functions and of function-pointer locals; builtin
 * calls go on to builtins.c. */
#include <string.h>

#include "check.h"

/* Types every argument (so that names inside still resolve) when the call
 * itself could not be resolved; no mismatch is reported. */
static void check_args_loose(Checker *c, List args, const uint32_t *params, uint32_t np)
{
	for (uint32_t i = 0; i < args.len; i++)
		check_expr(c, LIST_AT(c->m, args, i), i < np ? params[i] : 0);
}

/* Argument count first (E0262), then each argument against its parameter. */
static void check_args(Checker *c, uint32_t e, const char *what, Str fname,
	const uint32_t *params, const Str *pnames, uint32_t np)
{
	Module *m = c->m;
	List args = NODE_AT(m, e)->Call.args;
	if (args.len != np) {
		cerr(c, CD_ARG_COUNT, NODE_AT(m, e)->span, what, str_get(fname), np, args.len);
		check_args_loose(c, args, params, np);
		return;
	}
	for (uint32_t i = 0; i < np; i++) {
		uint32_t a = LIST_AT(m, args, i);
		const char *ctx = pnames
			? arena_printf("argument '%s' of '%s'", str_get(pnames[i]), str_get(fname))
			: arena_printf("argument of function pointer call '%s'", str_get(fname));
		expect_type(c, a, params[i], NODE_AT(m, a)->span, ctx);
	}
}

static uint32_t call_user(Checker *c, uint32_t e, uint32_t fd)
{
	Module *m = c->m;
	if (NODE_AT(m, fd)->FnDecl.generics.len || impl_nparams(c, fd) || NODE_AT(m, e)->Call.targs.len)
		return check_generic_call(c, e, fd);        /* generics.c */
	Node *f = NODE_AT(m, fd);
	List pl = f->FnDecl.params;
	uint32_t ps[pl.len + 1];
	Str pn[pl.len + 1];
	for (uint32_t i = 0; i < pl.len; i++) {
		Node *p = NODE_AT(m, LIST_AT(m, pl, i));
		ps[i] = p->ty;
		pn[i] = p->Param.name;
	}
	uint32_t ret = f->FnDecl.ret ? NODE_AT(m, f->FnDecl.ret)->ty : c->t_unit;
	NODE_AT(m, e)->aux = fd;
	check_args(c, e, "function", f->FnDecl.name, ps, pn, pl.len);
	return ret ? ret : c->t_err;
}

static uint32_t call_pointer(Checker *c, uint32_t e, uint32_t local)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	uint32_t ft = NODE_AT(m, local)->ty;
	if (ty_is_err(c, ft)) {
		check_args_loose(c, n->Call.args, NULL, 0);
		return c->t_err;
	}
	Type *t = ty_at(c, ft);
	if (t->kind != TK_Fn) {
		cerr(c, CD_NOT_CALLABLE, n->span, str_get(n->Call.name), tname(c, ft));
		check_args_loose(c, n->Call.args, NULL, 0);
		return c->t_err;
	}
	List pl = t->Fn.params;
	uint32_t ret = t->Fn.ret;
	uint32_t ps[pl.len + 1];
	for (uint32_t i = 0; i < pl.len; i++)
		ps[i] = LIST_AT(m, pl, i);
	n->aux = local;
	check_args(c, e, "function pointer", n->Call.name, ps, NULL, pl.len);
	return ret;
}

uint32_t check_call(Checker *c, uint32_t e, uint32_t expect, bool stmt)
{
	(void)expect;
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str name = n->Call.name;
	/* Call-site `with(Alloc = e)`: e is checked, then ignored
	 * (LANGUAGE.md 2.13 [REF]); the call itself is an ordinary call. */
	if (n->Call.alloc)
		check_expr(c, n->Call.alloc, 0);
	n = NODE_AT(m, e);
	if (n->Call.qual) {             /* m::f(args): imports.c */
		bool is_mod;
		uint32_t qfd = qual_fn(c, n->Call.qual, name, n->span, &is_mod);
		if (qfd)
			return call_user(c, e, qfd);
		if (is_mod) {
			check_args_loose(c, n->Call.args, NULL, 0);
			return c->t_err;
		}
	}
	uint32_t st;
	if (n->Call.qual && check_static_call(c, e, &st))    /* traits.c: T::f() */
		return st;
	if (!n->Call.qual && !strcmp(str_get(name), "destroy") && !scope_find(c, name))
		return check_destroy(c, e);                  /* traits.c */
	const char *why = n->Call.qual ? "qualified calls ('a::f()')"
		: n->Call.targs.len && !builtin_kind(name) && !FIND_FN(c, name)
			&& !sym_lookup(c, name, NK_NewtypeDecl) ? "generic calls (turbofish)" : NULL;
	if (why) {
		cerr(c, CD_UNSUPPORTED, n->span, why);
		check_args_loose(c, n->Call.args, NULL, 0);
		return c->t_err;
	}
	if (c->const_init)
		c->const_bad = true;
	/* A local function pointer hides a function of the same name; a local
	 * of another type does not (a call names a function then). */
	uint32_t d = scope_find(c, name);
	uint32_t fd = FIND_FN(c, name);
	if (d) {
		uint32_t lt = NODE_AT(m, d)->ty;
		if (!fd || ty_is_err(c, lt) || ty_at(c, lt)->kind == TK_Fn)
			return call_pointer(c, e, d);
	}
	if (fd)
		return call_user(c, e, fd);
	uint32_t nt;
	if (!d && tx_newtype_call(c, e, expect, &nt))    /* N(e): typesx.c */
		return nt;
	if (builtin_kind(name) != BI_NONE)
		return check_builtin(c, e, expect, stmt);   /* builtins.c */
	if (reported_once(c, name))
		cerr(c, CD_UNKNOWN_FN, n->span, str_get(name));
	check_args_loose(c, n->Call.args, NULL, 0);
	return c->t_err;
}
