/* traits.c: impl blocks, methods, traits and bounds, destroy()
 * (LANGUAGE.md 4.2, 4.3; CHECKS.md 3.2, 7.4, 7.5).
 *
 * Every impl method is registered as the function `Type_method`, so
 * inherent and trait methods of one type share a namespace and a method
 * call is a lookup of that mangled name.  Trait method signatures are
 * resolved with `Self` as the type parameter named Self. */
#include <string.h>

#include "check.h"

uint32_t owner_of(Checker *c, uint32_t fd)
{
	for (uint32_t i = 0; i < c->owners.n; i++)
		if (c->owners.v[i].fn == fd)
			return c->owners.v[i].owner;
	return 0;
}

static bool is_destroy(Str s)
{
	return !strcmp(str_get(s), "Destroy");
}

static Str mangle(Str type, Str method)
{
	return str_internz(arena_printf("%s_%s", str_get(type), str_get(method)));
}

/* Primitive spellings with a canonical name (LANGUAGE.md 4.2): `impl bool`
 * defines Bool_m, which is what a call on a bool value looks up. */
static Str canon_target(Str name)
{
	static const char *const alias[][2] = {
		{ "i64", "Int" }, { "u64", "Uint" }, { "bool", "Bool" }, { "char", "Char" },
		{ "f64", "Float64" }, { "f32", "Float32" },
	};
	for (size_t i = 0; i < sizeof alias / sizeof *alias; i++)
		if (!strcmp(str_get(name), alias[i][0]))
			return str_internz(alias[i][1]);
	return name;
}

void collect_impl(Checker *c, uint32_t impl)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, impl);
	Str target = canon_target(n->ImplDecl.target);
	List ms = n->ImplDecl.methods;
	if (n->ImplDecl.trait) {
		TraitImpl ti = { target, n->ImplDecl.trait, impl, c->scope };
		vec_push(c->timpls, ti);
	}
	for (uint32_t i = 0; i < ms.len; i++) {
		uint32_t fd = LIST_AT(m, ms, i);
		Node *f = NODE_AT(m, fd);
		if (f->kind != NK_FnDecl) {
			cerr(c, CD_MALFORMED, f->span, "impl member is not a FnDecl");
			continue;
		}
		Owner o = { fd, impl };
		vec_push(c->owners, o);
		Str name = mangle(target, f->FnDecl.name);
		if (!sym_add(c, name, fd))
			cerr(c, CD_DUP_ITEM, NODE_AT(m, fd)->span, "method", str_get(name));
	}
}

void collect_trait(Checker *c, uint32_t tr)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, tr);
	if (is_destroy(n->TraitDecl.name)) {
		cerr(c, CD_DESTROY_DECL, n->span);
		return;
	}
	/* Traits are module items (not importable, LANGUAGE.md 4.3). */
	if (!sym_add(c, n->TraitDecl.name, tr)) {
		cerr(c, CD_DUP_ITEM, n->span, "trait", str_get(n->TraitDecl.name));
		return;
	}
	List ms = n->TraitDecl.methods;
	for (uint32_t i = 0; i < ms.len; i++) {
		Owner o = { LIST_AT(m, ms, i), tr };
		vec_push(c->owners, o);
	}
}

static uint32_t find_trait(Checker *c, Str name)
{
	return sym_lookup(c, name, NK_TraitDecl);
}

/* The implemented type: `Name<targs>`, or `Name<impl parameters>` for a
 * generic impl written without arguments (LANGUAGE.md 4.2, 4.3).  Resolved
 * once, with the impl's parameters in scope, and kept in ImplDecl.ty. */
uint32_t impl_target(Checker *c, uint32_t impl)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, impl);
	if (n->ty)
		return n->ty;
	Str target = n->ImplDecl.target;
	List targs = n->ImplDecl.targs, g = n->ImplDecl.generics;
	Span sp = n->span;
	uint32_t t;
	uint32_t decl = sym_lookup(c, target, 0);
	if (!targs.len && g.len && decl) {
		uint32_t av[g.len + 1], k = 0;
		for (uint32_t i = 0; i < g.len; i++) {
			Node *gp = NODE_AT(m, LIST_AT(m, g, i));
			if (gp->kind == NK_GenericParam && !(gp->GenericParam.flags & FL_CAP))
				av[k++] = ty_param(c, gp->GenericParam.name);
		}
		t = generic_inst(c, decl, av, k);
	} else {
		/* Resolve through a type name node so that every kind of named
		 * type (primitive, struct, enum, newtype) is found by its owner. */
		uint32_t tn = node_new(m, NK_TyName, sp);
		NODE_AT(m, tn)->TyName.name = target;
		NODE_AT(m, tn)->TyName.args = targs;
		t = resolve_type(c, tn);
	}
	NODE_AT(m, impl)->ty = t;
	return t;
}

/* Type of a receiver parameter: Self, &Self or &mut Self. */
uint32_t self_param_type(Checker *c, uint32_t p)
{
	Node *pn = NODE_AT(c->m, p);
	int64_t fl = pn->Param.flags;
	if (!c->self_ty) {
		cerr(c, CD_SELF_OUTSIDE, pn->span);
		return c->t_err;
	}
	if (ty_is_err(c, c->self_ty))
		return c->t_err;
	if (fl & FL_SELF_REF)
		return ty_ref_to(c->m, c->self_ty, false);
	if (fl & FL_SELF_MUT)
		return ty_ref_to(c->m, c->self_ty, true);
	return c->self_ty;
}

static int64_t self_flags(Checker *c, uint32_t fd)
{
	List pl = NODE_AT(c->m, fd)->FnDecl.params;
	if (!pl.len)
		return 0;
	Node *p = NODE_AT(c->m, LIST_AT(c->m, pl, 0));
	return p->kind == NK_Param ? p->Param.flags & (FL_SELF_VALUE | FL_SELF_REF | FL_SELF_MUT) : 0;
}

static void resolve_trait_sig(Checker *c, uint32_t fd)
{
	Module *m = c->m;
	gen_enter(c, fd);
	List pl = NODE_AT(m, fd)->FnDecl.params;
	for (uint32_t i = 0; i < pl.len; i++) {
		uint32_t p = LIST_AT(m, pl, i);
		if (NODE_AT(m, p)->kind != NK_Param)
			continue;
		uint32_t t = (NODE_AT(m, p)->Param.flags & (FL_SELF_VALUE | FL_SELF_REF | FL_SELF_MUT))
			? self_param_type(c, p) : resolve_type(c, NODE_AT(m, p)->Param.type);
		NODE_AT(m, p)->ty = t;
	}
	uint32_t r = NODE_AT(m, fd)->FnDecl.ret;
	if (r)
		resolve_type(c, r);
	NODE_AT(m, fd)->ty = 0;
	fn_type(c, fd);
	gen_leave(c);
}

static uint32_t impl_method(Checker *c, uint32_t impl, Str name)
{
	List ms = NODE_AT(c->m, impl)->ImplDecl.methods;
	for (uint32_t i = 0; i < ms.len; i++) {
		uint32_t fd = LIST_AT(c->m, ms, i);
		if (NODE_AT(c->m, fd)->kind == NK_FnDecl && NODE_AT(c->m, fd)->FnDecl.name == name)
			return fd;
	}
	return 0;
}

static uint32_t ret_type(Checker *c, uint32_t fd)
{
	uint32_t r = NODE_AT(c->m, fd)->FnDecl.ret;
	return r ? NODE_AT(c->m, r)->ty : c->t_unit;
}

/* CHECKS.md 7.5: the return type with Self replaced, and (beyond the
 * reference, as LANGUAGE.md 4.3 asks) the receiver and parameter types. */
static void compare_sig(Checker *c, uint32_t tm, uint32_t im, uint32_t self)
{
	Module *m = c->m;
	Str self_name = str_internz("Self");
	Str mname = NODE_AT(m, im)->FnDecl.name;
	Span sp = NODE_AT(m, im)->span;
	uint32_t want = subst_n(c, ret_type(c, tm), &self_name, &self, 1);
	uint32_t got = ret_type(c, im);
	if (!ty_is_err(c, want) && !ty_is_err(c, got) && want != got) {
		cerr(c, CD_SIG_MISMATCH, sp, str_get(mname), arena_printf(
			"expected return type %s, got %s", tname(c, want), tname(c, got)));
		return;
	}
	if (NODE_AT(m, tm)->FnDecl.generics.len || NODE_AT(m, im)->FnDecl.generics.len)
		return;
	List tp = NODE_AT(m, tm)->FnDecl.params, ip = NODE_AT(m, im)->FnDecl.params;
	if (tp.len != ip.len) {
		cerr(c, CD_SIG_MISMATCH, sp, str_get(mname), arena_printf(
			"expected %u parameters, got %u", tp.len, ip.len));
		return;
	}
	for (uint32_t i = 0; i < tp.len; i++) {
		uint32_t a = subst_n(c, NODE_AT(m, LIST_AT(m, tp, i))->ty, &self_name, &self, 1);
		uint32_t b = NODE_AT(m, LIST_AT(m, ip, i))->ty;
		if (ty_is_err(c, a) || ty_is_err(c, b) || a == b)
			continue;
		cerr(c, CD_SIG_MISMATCH, sp, str_get(mname), arena_printf(
			"expected parameter %u of type %s, got %s", i + 1, tname(c, a), tname(c, b)));
		return;
	}
}

static void check_destroy_impl(Checker *c, uint32_t impl, uint32_t self)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, impl);
	uint32_t fd = impl_method(c, impl, str_internz("destroy"));
	if (!fd) {
		cerr(c, CD_MISSING_METHOD, n->span, str_get(n->ImplDecl.target), "destroy");
		return;
	}
	uint32_t got = ret_type(c, fd);
	if (!ty_is_err(c, got) && got != c->t_unit)
		cerr(c, CD_SIG_MISMATCH, NODE_AT(m, fd)->span, "destroy", arena_printf(
			"expected return type (), got %s", tname(c, got)));
	if (ty_is_err(c, self))
		return;
	Type *st = ty_at(c, self);
	if (st->kind != TK_Struct && st->kind != TK_Enum)
		return;
	uint32_t decl = st->Struct.decl;
	if (!decl || decl >= m->nodes.n)
		return;
	Node *d = NODE_AT(m, decl);
	int64_t fl = d->kind == NK_StructDecl ? d->StructDecl.flags
		: d->kind == NK_EnumDecl ? d->EnumDecl.flags : 0;
	if (fl & FL_COPY)
		cerr(c, CD_DESTROY_COPY, n->span, str_get(n->ImplDecl.target));
}

static void check_trait_impl(Checker *c, uint32_t impl)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, impl);
	Str trait = n->ImplDecl.trait;
	c->tparams.n = 0;
	push_tparams(c, n->ImplDecl.generics);
	uint32_t self = impl_target(c, impl);
	gen_leave(c);
	if (is_destroy(trait)) {
		check_destroy_impl(c, impl, self);
		return;
	}
	uint32_t tr = find_trait(c, trait);
	if (!tr) {
		cerr(c, CD_UNKNOWN_TRAIT, NODE_AT(m, impl)->span, str_get(trait));
		return;
	}
	List tms = NODE_AT(m, tr)->TraitDecl.methods;
	for (uint32_t i = 0; i < tms.len; i++) {
		uint32_t tm = LIST_AT(m, tms, i);
		if (NODE_AT(m, tm)->kind != NK_FnDecl)
			continue;
		Str mname = NODE_AT(m, tm)->FnDecl.name;
		uint32_t im = impl_method(c, impl, mname);
		if (!im)
			cerr(c, CD_MISSING_METHOD, NODE_AT(m, impl)->span,
				str_get(NODE_AT(m, impl)->ImplDecl.target), str_get(mname));
		else
			compare_sig(c, tm, im, self);
	}
}

/* After signatures are resolved: trait method signatures, then every
 * trait impl of this module against its trait. */
void check_traits(Checker *c)
{
	Module *m = c->m;
	uint32_t saved = c->scope;
	for (uint32_t i = 0; i < c->scopes.n; i++) {
		c->scope = i;       /* a trait's signatures name its module's types */
		for (uint32_t j = 0; j < c->scopes.v[i].syms.n; j++) {
			uint32_t tr = c->scopes.v[i].syms.v[j].node;
			if (NODE_AT(m, tr)->kind != NK_TraitDecl)
				continue;
			List ms = NODE_AT(m, tr)->TraitDecl.methods;
			for (uint32_t k = 0; k < ms.len; k++) {
				uint32_t fd = LIST_AT(m, ms, k);
				if (NODE_AT(m, fd)->kind == NK_FnDecl && !NODE_AT(m, fd)->ty)
					resolve_trait_sig(c, fd);
			}
		}
	}
	c->scope = saved;
	for (uint32_t i = 0; i < c->timpls.n; i++) {
		uint32_t impl = c->timpls.v[i].impl;
		if (NODE_AT(m, impl)->aux)
			continue;       /* checked with an earlier module */
		NODE_AT(m, impl)->aux = 1;
		uint32_t saved = c->scope;
		c->scope = c->timpls.v[i].scope;
		check_trait_impl(c, impl);
		c->scope = saved;
	}
}

bool type_implements(Checker *c, uint32_t t, Str trait)
{
	const char *bn = type_symbol_name(c->m, t, true);
	if (!bn)
		return false;
	Str b = str_internz(bn);
	for (uint32_t i = 0; i < c->timpls.n; i++)
		if (c->timpls.v[i].type == b && c->timpls.v[i].trait == trait)
			return true;
	return false;
}

static void check_args_loose(Checker *c, List args)
{
	for (uint32_t i = 0; i < args.len; i++)
		check_expr(c, LIST_AT(c->m, args, i), 0);
}

/* Receiver adjustment of LANGUAGE.md 4.2 (ref: 0 value, 1 &T, 2 &mut T). */
static int64_t recv_flags(int64_t self, int ref)
{
	if (self & FL_SELF_VALUE)
		return ref ? FL_RECV_DEREF : 0;
	if (self & FL_SELF_REF)
		return ref ? 0 : FL_RECV_REF;
	/* [LENIENT] CHECKS.md 4.5: a &mut self method through &T is accepted. */
	return ref ? 0 : FL_RECV_MUT;
}

/* A method of a type parameter's bounds (LANGUAGE.md 4.2 step 4). */
static uint32_t tvar_method(Checker *c, uint32_t e, uint32_t bt, int ref)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str name = n->MethodCall.name, pname = ty_at(c, bt)->Param.name;
	List args = n->MethodCall.args;
	const TParam *tp = find_tparam(c, pname);
	uint32_t fd = 0;
	if (tp && tp->node) {
		List b = NODE_AT(m, tp->node)->GenericParam.bounds;
		for (uint32_t i = 0; i < b.len && !fd; i++) {
			uint32_t tr = find_trait(c, LIST_AT(m, b, i));
			List ms = tr ? NODE_AT(m, tr)->TraitDecl.methods : (List){ 0, 0 };
			for (uint32_t k = 0; k < ms.len && !fd; k++)
				if (NODE_AT(m, LIST_AT(m, ms, k))->FnDecl.name == name)
					fd = LIST_AT(m, ms, k);
		}
	}
	if (!fd || !self_flags(c, fd)) {
		cerr(c, CD_NO_METHOD_TVAR, n->span, str_get(name), str_get(pname));
		check_args_loose(c, args);
		return c->t_err;
	}
	n->aux = fd;
	n->MethodCall.flags = recv_flags(self_flags(c, fd), ref);
	Str self_name = str_internz("Self");
	List pl = NODE_AT(m, fd)->FnDecl.params;
	if (args.len + 1 != pl.len) {
		cerr(c, CD_ARG_COUNT, n->span, "method", str_get(name), pl.len - 1, args.len);
		check_args_loose(c, args);
	} else {
		for (uint32_t i = 0; i < args.len; i++) {
			uint32_t a = LIST_AT(m, args, i);
			Node *p = NODE_AT(m, LIST_AT(m, pl, i + 1));
			uint32_t want = subst_n(c, p->ty, &self_name, &bt, 1);
			expect_type(c, a, want, NODE_AT(m, a)->span, arena_printf("argument '%s' of '%s::%s'",
				str_get(p->Param.name), str_get(pname), str_get(name)));
		}
	}
	return subst_n(c, ret_type(c, fd), &self_name, &bt, 1);
}

/* Methods of the builtin Option/Result live in std (STDLIB.md 2.1,
 * std.option and std.result): the types are in scope everywhere, so their
 * methods are found in whichever loaded module defines them. */
static uint32_t builtin_enum_method(Checker *c, uint32_t t, Str mangled)
{
	if (ty_is_err(c, t) || ty_at(c, t)->kind != TK_Enum)
		return 0;
	uint32_t d = ty_at(c, t)->Enum.decl;
	if (!d || (d != c->enum_option && d != c->enum_result))
		return 0;
	for (uint32_t i = 0; i < c->scopes.n; i++) {
		uint32_t fd = scope_item(c, i, mangled, NK_FnDecl);
		if (fd)
			return fd;
	}
	return 0;
}

uint32_t check_methodcall(Checker *c, uint32_t e, uint32_t expect)
{
	(void)expect;
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str name = n->MethodCall.name;
	List args = n->MethodCall.args;
	uint32_t rt = check_expr(c, n->MethodCall.recv, 0);
	if (ty_is_err(c, rt)) {
		check_args_loose(c, args);
		return c->t_err;
	}
	uint32_t bt = rt;
	int ref = 0;
	if (ty_at(c, rt)->kind == TK_Ref) {
		ref = ty_at(c, rt)->Ref.mut ? 2 : 1;
		bt = ty_at(c, rt)->Ref.elem;
	}
	if (!ty_is_err(c, bt) && ty_at(c, bt)->kind == TK_Param)
		return tvar_method(c, e, bt, ref);
	const char *bn = type_symbol_name(c->m, bt, true);
	if (!bn) {
		cerr(c, CD_METHOD_NONNAMED, NODE_AT(m, e)->span, tname(c, rt));
		check_args_loose(c, args);
		return c->t_err;
	}
	uint32_t fd = FIND_FN(c, mangle(str_internz(bn), name));
	if (!fd)
		fd = builtin_enum_method(c, bt, mangle(str_internz(bn), name));
	uint32_t bret;
	if (!fd && bi_method(c, e, rt, bt, bn, &bret))   /* builtins.c */
		return bret;
	if (!fd || !owner_of(c, fd) || !self_flags(c, fd)) {
		cerr(c, CD_NO_METHOD, NODE_AT(m, e)->span, str_get(name), bn);
		check_args_loose(c, args);
		return c->t_err;
	}
	n = NODE_AT(m, e);
	n->aux = fd;
	n->MethodCall.flags = recv_flags(self_flags(c, fd), ref);
	List targs = n->MethodCall.targs;
	Type *b = ty_at(c, bt);
	uint32_t npre = (b->kind == TK_Struct || b->kind == TK_Enum) ? b->Struct.args.len : 0;
	uint32_t pre[npre + 1];
	for (uint32_t i = 0; i < npre; i++)
		pre[i] = LIST_AT(m, ty_at(c, bt)->Struct.args, i);
	List inst = { 0, 0 };
	uint32_t r = gen_call(c, e, fd, args, 1, pre, npre, targs, "method", str_get(name), &inst);
	NODE_AT(m, e)->MethodCall.inst = inst;
	return r;
}

static bool is_type_name(Checker *c, Str q)
{
	static const char *const prims[] = {
		"Int", "Uint", "i64", "u64", "i32", "u32", "i16", "u16", "i8", "u8",
		"Bool", "bool", "Char", "char", "Float64", "Float32", "f64", "f32", "String",
	};
	for (size_t i = 0; i < sizeof prims / sizeof *prims; i++)
		if (!strcmp(str_get(q), prims[i]))
			return true;
	uint32_t d = sym_lookup(c, q, 0);
	if (!d)
		return false;
	int k = NODE_AT(c->m, d)->kind;
	return k == NK_StructDecl || k == NK_EnumDecl || k == NK_NewtypeDecl;
}

/* `T::f(args)` and `T::<A>::f(args)`: the function T_f with the arguments
 * as written (LANGUAGE.md 4.2). */
bool check_static_call(Checker *c, uint32_t e, uint32_t *ret)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str q = n->Call.qual, name = n->Call.name;
	List args = n->Call.args, targs = n->Call.targs;
	uint32_t fd = FIND_FN(c, mangle(canon_target(q), name));
	if (fd && !owner_of(c, fd))
		fd = 0;
	if (!fd) {
		if (!is_type_name(c, q))
			return false;
		cerr(c, CD_UNKNOWN_STATIC, n->span, str_get(q), str_get(name));
		check_args_loose(c, args);
		*ret = c->t_err;
		return true;
	}
	n->aux = fd;
	uint32_t npre = 0;
	uint32_t pre[targs.len + 1];
	if (n->Call.flags & FL_QUAL_TARGS) {
		npre = resolve_targs(c, targs, pre);
		targs = (List){ 0, 0 };
	}
	List inst = { 0, 0 };
	const char *fname = arena_printf("%s::%s", str_get(q), str_get(name));
	*ret = gen_call(c, e, fd, args, 0, pre, npre, targs, "static method", fname, &inst);
	NODE_AT(m, e)->Call.inst = inst;
	return true;
}

/* destroy(x): calls X_destroy with &x (CHECKS.md 3.2); Call.flags gets
 * FL_RECV_REF when the method takes &self, for con-lower. */
uint32_t check_destroy(Checker *c, uint32_t e)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	List args = n->Call.args;
	if (args.len != 1) {
		cerr(c, CD_DESTROY_ARGS, n->span);
		check_args_loose(c, args);
		return c->t_unit;
	}
	uint32_t t = check_expr(c, LIST_AT(m, args, 0), 0);
	if (ty_is_err(c, t))
		return c->t_unit;
	Type *ty = ty_at(c, t);
	if (ty->kind != TK_Struct && ty->kind != TK_Enum) {
		cerr(c, CD_DESTROY_NAMED, NODE_AT(m, e)->span, tname(c, t));
		return c->t_unit;
	}
	Str tn = ty->Struct.name;
	uint32_t fd = FIND_FN(c, mangle(tn, str_internz("destroy")));
	if (!fd || !owner_of(c, fd) || !self_flags(c, fd)) {
		cerr(c, CD_NO_DESTROY, NODE_AT(m, e)->span, str_get(tn));
		return c->t_unit;
	}
	n = NODE_AT(m, e);
	n->aux = fd;
	if (self_flags(c, fd) & (FL_SELF_REF | FL_SELF_MUT))
		n->Call.flags |= FL_RECV_REF;
	uint32_t ni = impl_nparams(c, fd);
	List a = ty_at(c, t)->Struct.args;
	uint32_t av[ni + 1];
	for (uint32_t i = 0; i < ni; i++)
		av[i] = i < a.len ? LIST_AT(m, a, i) : c->t_err;
	NODE_AT(m, e)->Call.inst = list_make(m, av, ni);
	return c->t_unit;
}
