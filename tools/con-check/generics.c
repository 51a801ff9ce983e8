/* generics.c: type parameters, substitution, inference of type arguments,
 * generic struct instances and generic calls (LANGUAGE.md 4.4, 3.9).
 *
 * Generic bodies are checked once with TK_Param types; a use site binds
 * the parameters (turbofish or structural inference from the arguments,
 * first binding wins) and records them in Call.inst / MethodCall.inst for
 * con-lower, which monomorphizes. */
#include <string.h>

#include "check.h"

uint32_t ty_param(Checker *c, Str name)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Param;
	t.Param.name = name;
	return type_intern(c->m, &t);
}

bool ty_has_param(Checker *c, uint32_t t)
{
	if (ty_is_err(c, t))
		return false;
	Type *ty = ty_at(c, t);
	switch (ty->kind) {
	case TK_Param: return true;
	case TK_Ref: return ty_has_param(c, ty->Ref.elem);
	case TK_Ptr: return ty_has_param(c, ty->Ptr.elem);
	case TK_Heap: return ty_has_param(c, ty->Heap.elem);
	case TK_Vec: return ty_has_param(c, ty->Vec.elem);
	case TK_HeapArray: return ty_has_param(c, ty->HeapArray.elem);
	case TK_Array: return ty_has_param(c, ty->Array.elem);
	case TK_Struct: case TK_Enum: {
		List a = ty->Struct.args;
		for (uint32_t i = 0; i < a.len; i++)
			if (ty_has_param(c, LIST_AT(c->m, a, i)))
				return true;
		return false;
	}
	case TK_Fn: {
		List p = ty->Fn.params;
		uint32_t r = ty->Fn.ret;
		for (uint32_t i = 0; i < p.len; i++)
			if (ty_has_param(c, LIST_AT(c->m, p, i)))
				return true;
		return ty_has_param(c, r);
	}
	default:
		return false;
	}
}

static uint32_t subst_list(Checker *c, List src, List *dst, const Str *names,
	const uint32_t *args, uint32_t n)
{
	uint32_t v[src.len + 1];
	for (uint32_t i = 0; i < src.len; i++)
		v[i] = subst_n(c, LIST_AT(c->m, src, i), names, args, n);
	*dst = list_make(c->m, v, src.len);
	return src.len;
}

/* Unbound parameters (args[i] == 0) are left in place. */
uint32_t subst_n(Checker *c, uint32_t t, const Str *names, const uint32_t *args, uint32_t n)
{
	if (!n || ty_is_err(c, t) || !ty_has_param(c, t))
		return t;
	Type ty = *ty_at(c, t);
	switch (ty.kind) {
	case TK_Param:
		for (uint32_t i = n; i-- > 0;)
			if (names[i] == ty.Param.name)
				return args[i] ? args[i] : t;
		return t;
	case TK_Ref: ty.Ref.elem = subst_n(c, ty.Ref.elem, names, args, n); break;
	case TK_Ptr: ty.Ptr.elem = subst_n(c, ty.Ptr.elem, names, args, n); break;
	case TK_Heap: ty.Heap.elem = subst_n(c, ty.Heap.elem, names, args, n); break;
	case TK_Vec: ty.Vec.elem = subst_n(c, ty.Vec.elem, names, args, n); break;
	case TK_HeapArray: ty.HeapArray.elem = subst_n(c, ty.HeapArray.elem, names, args, n); break;
	case TK_Array: ty.Array.elem = subst_n(c, ty.Array.elem, names, args, n); break;
	case TK_Struct: case TK_Enum:
		subst_list(c, ty.Struct.args, &ty.Struct.args, names, args, n);
		break;
	case TK_Fn:
		subst_list(c, ty.Fn.params, &ty.Fn.params, names, args, n);
		ty.Fn.ret = subst_n(c, ty.Fn.ret, names, args, n);
		break;
	default:
		return t;
	}
	return type_intern(c->m, &ty);
}

/* Names of the type parameters of a generics list (cap parameters are not
 * types and are skipped). */
static uint32_t generic_names(Checker *c, List generics, Str *out, uint32_t *nodes)
{
	uint32_t n = 0;
	for (uint32_t i = 0; i < generics.len; i++) {
		uint32_t g = LIST_AT(c->m, generics, i);
		Node *gn = NODE_AT(c->m, g);
		if (gn->kind != NK_GenericParam || (gn->GenericParam.flags & FL_CAP))
			continue;
		if (nodes)
			nodes[n] = g;
		out[n++] = gn->GenericParam.name;
	}
	return n;
}

uint32_t subst(Checker *c, uint32_t t, List generics, List args)
{
	Str names[generics.len + 1];
	uint32_t n = generic_names(c, generics, names, NULL);
	uint32_t av[n + 1];
	for (uint32_t i = 0; i < n; i++)
		av[i] = i < args.len ? LIST_AT(c->m, args, i) : 0;
	return subst_n(c, t, names, av, n);
}

void push_tparams(Checker *c, List generics)
{
	for (uint32_t i = 0; i < generics.len; i++) {
		uint32_t g = LIST_AT(c->m, generics, i);
		Node *gn = NODE_AT(c->m, g);
		if (gn->kind != NK_GenericParam || (gn->GenericParam.flags & FL_CAP))
			continue;
		TParam tp = { gn->GenericParam.name, ty_param(c, gn->GenericParam.name), g };
		vec_push(c->tparams, tp);
	}
}

const TParam *find_tparam(Checker *c, Str name)
{
	for (uint32_t i = c->tparams.n; i-- > 0;)
		if (c->tparams.v[i].name == name)
			return &c->tparams.v[i];
	return NULL;
}

/* Type parameters of fd as seen by a caller: the owning impl's first. */
static uint32_t fn_params(Checker *c, uint32_t fd, Str *names, uint32_t *nodes)
{
	uint32_t n = 0;
	uint32_t own = owner_of(c, fd);
	if (own && NODE_AT(c->m, own)->kind == NK_ImplDecl)
		n = generic_names(c, NODE_AT(c->m, own)->ImplDecl.generics, names, nodes);
	return n + generic_names(c, NODE_AT(c->m, fd)->FnDecl.generics, names + n,
		nodes ? nodes + n : NULL);
}

uint32_t impl_nparams(Checker *c, uint32_t fd)
{
	uint32_t own = owner_of(c, fd);
	if (!own || NODE_AT(c->m, own)->kind != NK_ImplDecl)
		return 0;
	Str names[NODE_AT(c->m, own)->ImplDecl.generics.len + 1];
	return generic_names(c, NODE_AT(c->m, own)->ImplDecl.generics, names, NULL);
}

static uint32_t fn_nparams(Checker *c, uint32_t fd)
{
	uint32_t own = owner_of(c, fd);
	uint32_t n = NODE_AT(c->m, fd)->FnDecl.generics.len;
	if (own && NODE_AT(c->m, own)->kind == NK_ImplDecl)
		n += NODE_AT(c->m, own)->ImplDecl.generics.len;
	return n;
}

void gen_enter(Checker *c, uint32_t fd)
{
	c->tparams.n = 0;
	c->self_ty = 0;
	uint32_t own = owner_of(c, fd);
	if (own) {
		Node *o = NODE_AT(c->m, own);
		if (o->kind == NK_ImplDecl) {
			push_tparams(c, o->ImplDecl.generics);
			c->self_ty = impl_target(c, own);
		} else {
			c->self_ty = ty_param(c, str_internz("Self"));
		}
	}
	push_tparams(c, NODE_AT(c->m, fd)->FnDecl.generics);
}

void gen_leave(Checker *c)
{
	c->tparams.n = 0;
	c->self_ty = 0;
}

uint32_t resolve_targs(Checker *c, List targs, uint32_t *out)
{
	for (uint32_t i = 0; i < targs.len; i++)
		out[i] = resolve_type(c, LIST_AT(c->m, targs, i));
	return targs.len;
}

static List decl_generics(Checker *c, uint32_t decl)
{
	Node *d = NODE_AT(c->m, decl);
	switch (d->kind) {
	case NK_StructDecl: return d->StructDecl.generics;
	case NK_EnumDecl: return d->EnumDecl.generics;
	case NK_NewtypeDecl: return d->NewtypeDecl.generics;
	default: return (List){ 0, 0 };
	}
}

uint32_t generic_inst(Checker *c, uint32_t decl, const uint32_t *args, uint32_t n)
{
	Node *d = NODE_AT(c->m, decl);
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = d->kind == NK_EnumDecl ? TK_Enum : TK_Struct;
	t.Struct.name = d->kind == NK_EnumDecl ? d->EnumDecl.name
		: d->kind == NK_NewtypeDecl ? d->NewtypeDecl.name : d->StructDecl.name;
	t.Struct.args = list_make(c->m, args, n);
	t.Struct.decl = decl;
	return type_intern(c->m, &t);
}

/* `Name<A, B>` of a user generic struct, the type parameters in scope and
 * `Self`.  Enums and newtypes are resolved by their own areas, which call
 * generic_inst. */
uint32_t resolve_generic_name(Checker *c, uint32_t tn)
{
	Node *n = NODE_AT(c->m, tn);
	Str name = n->TyName.name;
	List args = n->TyName.args;
	const TParam *tp = find_tparam(c, name);
	if (tp) {
		if (args.len)
			cerr(c, CD_TARG_COUNT, n->span, str_get(name), 0u, args.len);
		return tp->ty;
	}
	if (!strcmp(str_get(name), "Self")) {
		if (!c->self_ty) {
			cerr(c, CD_SELF_OUTSIDE, n->span);
			return c->t_err;
		}
		return c->self_ty;
	}
	uint32_t decl = FIND_STRUCT(c, name);
	if (!decl)
		decl = sym_lookup(c, name, NK_NewtypeDecl);   /* generic newtypes */
	if (!decl)
		return 0;
	List g = decl_generics(c, decl);
	if (!g.len && !args.len)
		return 0;
	if (g.len != args.len) {
		cerr(c, CD_TARG_COUNT, n->span, str_get(name), g.len, args.len);
		return c->t_err;
	}
	uint32_t av[args.len + 1];
	resolve_targs(c, args, av);
	for (uint32_t i = 0; i < args.len; i++)
		if (ty_is_err(c, av[i]))
			return c->t_err;
	return generic_inst(c, decl, av, args.len);
}

/* `S::<A> { .. }`: the instance type; struct_field substitutes the fields. */
uint32_t check_generic_structlit(Checker *c, uint32_t e, uint32_t decl)
{
	Node *n = NODE_AT(c->m, e);
	List targs = n->StructLit.targs;
	List g = decl_generics(c, decl);
	Span sp = n->span;
	Str name = n->StructLit.name;
	if (!targs.len) {
		cerr(c, CD_CANNOT_INFER, sp, str_get(NODE_AT(c->m, LIST_AT(c->m, g, 0))->GenericParam.name),
			str_get(name));
		return c->t_err;
	}
	if (targs.len != g.len) {
		cerr(c, CD_TARG_COUNT, sp, str_get(name), g.len, targs.len);
		return c->t_err;
	}
	uint32_t av[targs.len + 1];
	resolve_targs(c, targs, av);
	for (uint32_t i = 0; i < targs.len; i++)
		if (ty_is_err(c, av[i]))
			return c->t_err;
	return generic_inst(c, decl, av, targs.len);
}

/* Structural matching of a parameter type against an argument type; the
 * first binding of a parameter wins (LANGUAGE.md 4.4). */
static void unify(Checker *c, uint32_t pt, uint32_t at, const Str *names, uint32_t *binds, uint32_t n)
{
	if (ty_is_err(c, pt) || ty_is_err(c, at) || !ty_has_param(c, pt))
		return;
	Type p = *ty_at(c, pt), a = *ty_at(c, at);
	if (p.kind == TK_Param) {
		for (uint32_t i = n; i-- > 0;)
			if (names[i] == p.Param.name) {
				if (!binds[i] && a.kind != TK_Never)
					binds[i] = at;
				return;
			}
		return;
	}
	if (p.kind != a.kind)
		return;
	switch (p.kind) {
	case TK_Ref: unify(c, p.Ref.elem, a.Ref.elem, names, binds, n); break;
	case TK_Ptr: unify(c, p.Ptr.elem, a.Ptr.elem, names, binds, n); break;
	case TK_Heap: unify(c, p.Heap.elem, a.Heap.elem, names, binds, n); break;
	case TK_Vec: unify(c, p.Vec.elem, a.Vec.elem, names, binds, n); break;
	case TK_HeapArray: unify(c, p.HeapArray.elem, a.HeapArray.elem, names, binds, n); break;
	case TK_Array: unify(c, p.Array.elem, a.Array.elem, names, binds, n); break;
	case TK_Struct: case TK_Enum:
		if (p.Struct.name != a.Struct.name || p.Struct.args.len != a.Struct.args.len)
			return;
		for (uint32_t i = 0; i < p.Struct.args.len; i++)
			unify(c, LIST_AT(c->m, p.Struct.args, i), LIST_AT(c->m, a.Struct.args, i),
				names, binds, n);
		break;
	case TK_Fn:
		if (p.Fn.params.len != a.Fn.params.len)
			return;
		for (uint32_t i = 0; i < p.Fn.params.len; i++)
			unify(c, LIST_AT(c->m, p.Fn.params, i), LIST_AT(c->m, a.Fn.params, i),
				names, binds, n);
		unify(c, p.Fn.ret, a.Fn.ret, names, binds, n);
		break;
	default:
		break;
	}
}

/* A function-pointer parameter type `fn(..) with(C)` naming a capability
 * parameter of fd: C is bound from the argument's set at each call
 * (LANGUAGE.md 4.5), so only parameters and result are compared. */
static bool has_cap_param(Checker *c, uint32_t t, uint32_t fd)
{
	if (ty_is_err(c, t) || ty_at(c, t)->kind != TK_Fn)
		return false;
	List caps = ty_at(c, t)->Fn.caps;
	List g = NODE_AT(c->m, fd)->FnDecl.generics;
	for (uint32_t i = 0; i < caps.len; i++)
		for (uint32_t k = 0; k < g.len; k++) {
			Node *gp = NODE_AT(c->m, LIST_AT(c->m, g, k));
			if (gp->kind == NK_GenericParam && (gp->GenericParam.flags & FL_CAP)
				&& gp->GenericParam.name == LIST_AT(c->m, caps, i))
				return true;
		}
	return false;
}

/* want with the capability set of got (both fn types). */
static uint32_t caps_from(Checker *c, uint32_t want, uint32_t got)
{
	if (ty_is_err(c, got) || ty_at(c, got)->kind != TK_Fn)
		return want;
	Type t = *ty_at(c, want);
	t.Fn.caps = ty_at(c, got)->Fn.caps;
	return type_intern(c->m, &t);
}

/* Check call arguments args[0..] against fd's parameters from index `skip`
 * (1 for a method call: the receiver is already checked), binding the type
 * parameters names[0..n) (binds[] pre-filled with the explicit ones). */
static void check_gen_args(Checker *c, uint32_t e, List args, uint32_t fd, uint32_t skip,
	const char *what, const char *fname, const Str *names, uint32_t *binds, uint32_t n)
{
	Module *m = c->m;
	List pl = NODE_AT(m, fd)->FnDecl.params;
	uint32_t np = pl.len > skip ? pl.len - skip : 0;
	if (args.len != np) {
		cerr(c, CD_ARG_COUNT, NODE_AT(m, e)->span, what, fname, np, args.len);
		for (uint32_t i = 0; i < args.len; i++)
			check_expr(c, LIST_AT(m, args, i), 0);
		return;
	}
	uint32_t got[np + 1];
	bool deferred[np + 1];
	for (uint32_t i = 0; i < np; i++) {
		uint32_t a = LIST_AT(m, args, i);
		Node *p = NODE_AT(m, LIST_AT(m, pl, i + skip));
		uint32_t pt = p->ty;
		Str pname = p->Param.name;
		uint32_t want = subst_n(c, pt, names, binds, n);
		deferred[i] = (ty_has_param(c, want) && ty_has_param(c, pt)) || has_cap_param(c, pt, fd);
		if (!deferred[i]) {
			expect_type(c, a, want, NODE_AT(m, a)->span,
				arena_printf("argument '%s' of '%s'", str_get(pname), fname));
			continue;
		}
		got[i] = check_expr(c, a, 0);
		unify(c, pt, got[i], names, binds, n);
	}
	for (uint32_t i = 0; i < np; i++) {
		if (!deferred[i])
			continue;
		uint32_t a = LIST_AT(m, args, i);
		Node *p = NODE_AT(m, LIST_AT(m, pl, i + skip));
		uint32_t want = subst_n(c, p->ty, names, binds, n);
		if (has_cap_param(c, p->ty, fd))
			want = caps_from(c, want, got[i]);
		if (!ty_has_param(c, want) && !ty_compat(c, want, got[i]))
			cerr(c, CD_MISMATCH, NODE_AT(m, a)->span,
				arena_printf("argument '%s' of '%s'", str_get(p->Param.name), fname),
				tname(c, want), tname(c, got[i]));
	}
}

/* Shared by free, static and method calls of a (possibly) generic fd.
 * pre[0..npre) binds the leading parameters (impl parameters from the
 * receiver's type or the qualifier's turbofish); targs binds the next ones. */
uint32_t gen_call(Checker *c, uint32_t e, uint32_t fd, List args, uint32_t skip,
	const uint32_t *pre, uint32_t npre, List targs, const char *what, const char *fname,
	List *inst)
{
	Module *m = c->m;
	uint32_t cap = fn_nparams(c, fd) + 1;
	Str names[cap];
	uint32_t nodes[cap], binds[cap];
	uint32_t n = fn_params(c, fd, names, nodes);
	memset(binds, 0, sizeof binds);
	for (uint32_t i = 0; i < npre && i < n; i++)
		binds[i] = pre[i];
	uint32_t ni = impl_nparams(c, fd);
	if (targs.len) {
		uint32_t tv[targs.len + 1];
		resolve_targs(c, targs, tv);
		if (ni + targs.len > n)
			cerr(c, CD_TARG_COUNT, NODE_AT(m, e)->span, fname, n - ni, targs.len);
		for (uint32_t i = 0; i < targs.len && ni + i < n; i++)
			binds[ni + i] = ty_is_err(c, tv[i]) ? 0 : tv[i];
	}
	check_gen_args(c, e, args, fd, skip, what, fname, names, binds, n);
	bool ok = true;
	for (uint32_t i = 0; i < n; i++)
		if (!binds[i]) {
			if (ok)
				cerr(c, CD_CANNOT_INFER, NODE_AT(m, e)->span, str_get(names[i]), fname);
			ok = false;
		}
	Node *f = NODE_AT(m, fd);
	uint32_t ret = f->FnDecl.ret ? NODE_AT(m, f->FnDecl.ret)->ty : c->t_unit;
	if (!ok)
		return c->t_err;
	check_bounds(c, NODE_AT(m, e)->span, fd, binds, n);
	*inst = list_make(m, binds, n);
	return ret ? subst_n(c, ret, names, binds, n) : c->t_err;
}

/* `f(args)` / `f::<A>(args)` of a generic function. */
uint32_t check_generic_call(Checker *c, uint32_t e, uint32_t fd)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	List args = n->Call.args, targs = n->Call.targs;
	const char *fname = str_get(NODE_AT(m, fd)->FnDecl.name);
	n->aux = fd;
	List inst = { 0, 0 };
	uint32_t r = gen_call(c, e, fd, args, 0, NULL, 0, targs, "function", fname, &inst);
	NODE_AT(m, e)->Call.inst = inst;
	return r;
}


/* LANGUAGE.md 4.3 / CHECKS.md 7.4: each bound of a type parameter must be
 * implemented by its argument; primitives and type variables are not
 * checked, and a `Copy` bound is left to the Copy rules. */
void check_bounds(Checker *c, Span sp, uint32_t fd, const uint32_t *binds, uint32_t n)
{
	uint32_t cap = fn_nparams(c, fd) + 1;
	Str names[cap];
	uint32_t nodes[cap];
	uint32_t k = fn_params(c, fd, names, nodes);
	for (uint32_t i = 0; i < k && i < n; i++) {
		uint32_t t = binds[i];
		if (ty_is_err(c, t))
			continue;
		int tk = ty_at(c, t)->kind;
		if (tk != TK_Struct && tk != TK_Enum)
			continue;
		List b = NODE_AT(c->m, nodes[i])->GenericParam.bounds;
		for (uint32_t j = 0; j < b.len; j++) {
			Str tr = LIST_AT(c->m, b, j);
			if (!strcmp(str_get(tr), "Copy") || type_implements(c, t, tr))
				continue;
			cerr(c, CD_NOT_IMPL_TRAIT, sp, tname(c, t), str_get(tr),
				str_get(NODE_AT(c->m, fd)->FnDecl.name));
		}
	}
}

/* `f::<A>` and `T::m` used as values: a function pointer to the instance
 * (Path.inst) or to the method.  False when the path is none of these. */
bool check_generic_path(Checker *c, uint32_t e, uint32_t *ret)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str q = n->Path.qual, name = n->Path.name;
	List targs = n->Path.targs;
	uint32_t fd = 0;
	if (!q && targs.len)
		fd = FIND_FN(c, name);
	else if (q && !targs.len) {
		fd = FIND_FN(c, str_internz(arena_printf("%s_%s", str_get(q), str_get(name))));
		if (fd && !owner_of(c, fd))
			fd = 0;
	}
	if (!fd)
		return false;
	uint32_t cap = fn_nparams(c, fd) + 1;
	Str names[cap];
	uint32_t binds[cap];
	uint32_t np = fn_params(c, fd, names, NULL);
	memset(binds, 0, sizeof binds);
	uint32_t tv[targs.len + 1];
	resolve_targs(c, targs, tv);
	if (targs.len != np) {
		cerr(c, CD_TARG_COUNT, NODE_AT(m, e)->span, str_get(name), np, targs.len);
		*ret = c->t_err;
		return true;
	}
	for (uint32_t i = 0; i < np; i++)
		binds[i] = tv[i];
	for (uint32_t i = 0; i < np; i++)
		if (ty_is_err(c, binds[i])) {
			*ret = c->t_err;
			return true;
		}
	check_bounds(c, NODE_AT(m, e)->span, fd, binds, np);
	NODE_AT(m, e)->aux = fd;
	NODE_AT(m, e)->Path.inst = list_make(m, binds, np);
	*ret = subst_n(c, fn_type(c, fd), names, binds, np);
	return true;
}
