/* typesx.c: the types beyond the integer core — floats, raw pointers, type
 * aliases, newtypes, unions, casts (LANGUAGE.md 3.1-3.14, 4.6-4.11, 5.7) —
 * and the declaration rules of CHECKS.md 7.12 (repr) and 6.6 (FFI).
 * Called from hooks in resolve.c, types.c, calls.c and check.c. */
#include <string.h>

#include "check.h"

static int kind_of(Checker *c, uint32_t t)
{
	return ty_is_err(c, t) ? TK_Error : ty_at(c, t)->kind;
}

static bool valid(Checker *c, uint32_t i) { return i && i < c->m->nodes.n; }

uint32_t tx_float(Checker *c, int bits)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Float;
	t.Float.bits = bits;
	return type_intern(c->m, &t);
}

/* LANGUAGE.md 5.2: a float literal takes an f32/f64 expectation, else f64. */
uint32_t tx_float_lit(Checker *c, uint32_t expect)
{
	return kind_of(c, expect) == TK_Float ? expect : tx_float(c, 64);
}

/* ---- newtypes and aliases ---- */

bool tx_is_newtype(Checker *c, uint32_t t)
{
	return kind_of(c, t) == TK_Struct && valid(c, ty_at(c, t)->Struct.decl)
		&& NODE_AT(c->m, ty_at(c, t)->Struct.decl)->kind == NK_NewtypeDecl;
}

/* The declared representation of a newtype, with its own type parameters
 * in scope, resolved on first use. */
static uint32_t newtype_raw_inner(Checker *c, uint32_t decl)
{
	Module *m = c->m;
	uint32_t tn = NODE_AT(m, decl)->NewtypeDecl.type;
	if (!valid(c, tn))
		return c->t_err;
	uint32_t inner = NODE_AT(m, tn)->ty;
	if (inner)
		return inner;
	uint32_t saved = c->tparams.n;
	push_tparams(c, NODE_AT(m, decl)->NewtypeDecl.generics);
	inner = resolve_type(c, tn);
	c->tparams.n = saved;
	NODE_AT(m, tn)->ty = inner ? inner : c->t_err;
	return NODE_AT(m, tn)->ty;
}

/* The representation type of newtype instance t. */
uint32_t tx_newtype_inner(Checker *c, uint32_t t)
{
	uint32_t decl = ty_at(c, t)->Struct.decl;
	uint32_t inner = newtype_raw_inner(c, decl);
	List g = NODE_AT(c->m, decl)->NewtypeDecl.generics;
	if (ty_at(c, t)->Struct.args.len && g.len)
		inner = subst(c, inner, g, ty_at(c, t)->Struct.args);
	return inner;
}

static uint32_t newtype_type(Checker *c, uint32_t decl)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Struct;
	t.Struct.name = NODE_AT(c->m, decl)->NewtypeDecl.name;
	t.Struct.decl = decl;
	return type_intern(c->m, &t);
}

static uint32_t alias_type(Checker *c, uint32_t decl)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, decl);
	if (n->ty)
		return n->ty;
	if (n->aux == 1) {      /* `type A = B; type B = A;` */
		cerr(c, CD_TYPE_CYCLE, n->span, str_get(n->TypeAlias.name));
		n->ty = c->t_err;
		return n->ty;
	}
	n->aux = 1;
	uint32_t t = resolve_type(c, n->TypeAlias.type);
	n = NODE_AT(m, decl);
	n->aux = 0;
	if (!n->ty)
		n->ty = t ? t : c->t_err;
	return n->ty;
}

/* TyName hook: f32/f64/Float64, aliases and non-generic newtypes.  Returns
 * 0 when the name is none of these. */
uint32_t tx_named_type(Checker *c, uint32_t tn)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, tn);
	const char *s = str_get(n->TyName.name);
	if (!strcmp(s, "f64") || !strcmp(s, "Float64"))
		return n->TyName.args.len ? 0 : tx_float(c, 64);
	if (!strcmp(s, "f32"))
		return n->TyName.args.len ? 0 : tx_float(c, 32);
	uint32_t d = sym_lookup(c, n->TyName.name, NK_TypeAlias);
	if (d)
		return alias_type(c, d);
	d = sym_lookup(c, n->TyName.name, NK_NewtypeDecl);
	if (!d)
		return 0;
	uint32_t ng = NODE_AT(m, d)->NewtypeDecl.generics.len;
	List targs = n->TyName.args;
	if (targs.len != ng) {
		cerr(c, CD_NEWTYPE_TARGC, n->span, s, ng, targs.len);
		return c->t_err;
	}
	if (!ng)
		return newtype_type(c, d);
	uint32_t av[ng + 1];
	resolve_targs(c, targs, av);
	for (uint32_t i = 0; i < ng; i++)
		if (ty_is_err(c, av[i]))
			return c->t_err;
	return generic_inst(c, d, av, ng);
}

uint32_t tx_ptr_type(Checker *c, uint32_t tn)
{
	Module *m = c->m;
	uint32_t e = resolve_type(c, NODE_AT(m, tn)->TyPtr.elem);
	if (ty_is_err(c, e))
		return c->t_err;
	return ty_ptr_to(m, e, !(NODE_AT(m, tn)->TyPtr.flags & FL_CONST));
}

/* Bind the parameters of `generics` that pattern p mentions by matching it
 * against the concrete type t (inference for generic newtype constructors). */
static void unify(Checker *c, uint32_t p, uint32_t t, List generics, uint32_t *out, int depth)
{
	if (ty_is_err(c, p) || ty_is_err(c, t) || depth > 32)
		return;
	Type *pt = ty_at(c, p), *tt = ty_at(c, t);
	if (pt->kind == TK_Param) {
		for (uint32_t i = 0; i < generics.len; i++)
			if (NODE_AT(c->m, LIST_AT(c->m, generics, i))->GenericParam.name == pt->Param.name && !out[i])
				out[i] = t;
		return;
	}
	if (pt->kind != tt->kind)
		return;
	switch (pt->kind) {
	case TK_Ref: case TK_Ptr: case TK_Heap: case TK_Vec: case TK_HeapArray: case TK_Array:
		unify(c, pt->Ref.elem, tt->Ref.elem, generics, out, depth + 1);
		break;
	case TK_Struct: case TK_Enum:
		if (pt->Struct.decl == tt->Struct.decl)
			for (uint32_t i = 0; i < pt->Struct.args.len && i < tt->Struct.args.len; i++)
				unify(c, LIST_AT(c->m, pt->Struct.args, i), LIST_AT(c->m, tt->Struct.args, i),
					generics, out, depth + 1);
		break;
	default:
		break;
	}
}

/* The instance of generic newtype d that `d(a)` builds: the expected type
 * when it is one, else inferred from the argument's type. */
static uint32_t newtype_infer(Checker *c, uint32_t e, uint32_t d, uint32_t a, uint32_t expect,
	uint32_t *argty)
{
	Module *m = c->m;
	if (kind_of(c, expect) == TK_Struct && ty_at(c, expect)->Struct.decl == d)
		return expect;
	List g = NODE_AT(m, d)->NewtypeDecl.generics;
	uint32_t out[g.len + 1];
	memset(out, 0, sizeof out);
	uint32_t at = check_expr(c, a, 0);
	*argty = at;
	if (ty_is_err(c, at))
		return c->t_err;
	unify(c, newtype_raw_inner(c, d), at, g, out, 0);
	for (uint32_t i = 0; i < g.len; i++)
		if (!out[i]) {
			cerr(c, CD_NEWTYPE_INFER, NODE_AT(m, e)->span,
				str_get(NODE_AT(m, LIST_AT(m, g, i))->GenericParam.name), str_get(NODE_AT(m, d)->NewtypeDecl.name));
			return c->t_err;
		}
	return generic_inst(c, d, out, g.len);
}

/* `N(e)` (LANGUAGE.md 3.11, CHECKS.md 7.10); false when the callee is not
 * a newtype (unwrap() is builtins.c's). */
bool tx_newtype_call(Checker *c, uint32_t e, uint32_t expect, uint32_t *ret)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str name = n->Call.name;
	List args = n->Call.args;
	uint32_t d = n->Call.qual ? 0 : sym_lookup(c, name, NK_NewtypeDecl);
	if (!d)
		return false;
	n->aux = d;
	*ret = c->t_err;
	if (n->Call.targs.len)
		cerr(c, CD_NEWTYPE_TARGS, n->span, str_get(name));
	if (args.len != 1) {
		cerr(c, CD_NEWTYPE_ARGS, n->span, str_get(name));
		for (uint32_t i = 0; i < args.len; i++)
			check_expr(c, LIST_AT(m, args, i), 0);
		return true;
	}
	uint32_t a = LIST_AT(m, args, 0);
	bool generic = NODE_AT(m, d)->NewtypeDecl.generics.len != 0;
	uint32_t argty = 0;
	uint32_t nt = generic ? newtype_infer(c, e, d, a, expect, &argty) : newtype_type(c, d);
	if (ty_is_err(c, nt))
		return true;
	const char *ctx = arena_printf("newtype '%s' constructor", str_get(name));
	uint32_t inner = tx_newtype_inner(c, nt);
	if (!argty)
		expect_type(c, a, inner, NODE_AT(m, a)->span, ctx);
	else if (!ty_compat(c, inner, argty))   /* inferred: the argument is checked */
		cerr(c, CD_MISMATCH, NODE_AT(m, a)->span, ctx, tname(c, inner), tname(c, argty));
	*ret = nt;
	return true;
}

/* `n.0` on a newtype or a reference to one; *ret = 0 if st is no newtype. */
bool tx_newtype_field(Checker *c, uint32_t st, Str name, Span sp, uint32_t *ret)
{
	if (!tx_is_newtype(c, st))
		return false;
	if (strcmp(str_get(name), "0")) {
		cerr(c, CD_NO_FIELD, sp, str_get(ty_at(c, st)->Struct.name), str_get(name));
		*ret = c->t_err;
		return true;
	}
	*ret = tx_newtype_inner(c, st);
	return true;
}

/* ---- operators on floats and pointers ---- */

/* *mut T and *const T of the same T are compatible (LANGUAGE.md 3.13). */
bool tx_ptr_compat(Checker *c, uint32_t a, uint32_t b)
{
	return kind_of(c, a) == TK_Ptr && kind_of(c, b) == TK_Ptr
		&& ty_at(c, a)->Ptr.elem == ty_at(c, b)->Ptr.elem;
}

/* Binary operators whose left operand is a float or a raw pointer.  Returns
 * false when the operands are neither (the integer rules apply). */
bool tx_binary(Checker *c, uint32_t e, uint32_t lt, uint32_t rt, uint32_t *ret)
{
	Node *n = NODE_AT(c->m, e);
	int64_t op = n->Binary.op;
	Span sp = n->span;
	int lk = kind_of(c, lt), rk = kind_of(c, rt);
	if (lk != TK_Float && lk != TK_Ptr)
		return false;
	bool cmp = op >= OP_Eq && op <= OP_Ge;
	if (op == OP_And || op == OP_Or)
		return false;
	if (cmp) {
		*ret = c->t_bool;
		if (lt != rt && !tx_ptr_compat(c, lt, rt))
			cerr(c, CD_CMP_MISMATCH, sp, tname(c, lt), tname(c, rt));
		return true;
	}
	if (lk == TK_Ptr) {
		/* p + n / p - n with a 64-bit integer count (LANGUAGE.md 5.3). */
		*ret = lt;
		bool wide = rk == TK_Int && ty_at(c, rt)->Int.bits == 64;
		if ((op != OP_Add && op != OP_Sub) || !wide) {
			if (op == OP_Add || op == OP_Sub)
				cerr(c, CD_BIN_MISMATCH, sp, tname(c, lt), tname(c, rt));
			else
				cerr(c, CD_ARITH_NONNUM, sp, tname(c, lt));
			*ret = c->t_err;
		}
		return true;
	}
	*ret = lt;
	if (op >= OP_BitOr && op <= OP_Shr) {
		cerr(c, CD_BIT_NONINT, sp, tname(c, lt));
		*ret = c->t_err;
	} else if (lt != rt) {
		cerr(c, CD_BIN_MISMATCH, sp, tname(c, lt), tname(c, rt));
		*ret = c->t_err;
	}
	return true;
}

/* ---- casts (LANGUAGE.md 5.7, CHECKS.md 7.9) ---- */

static bool cast_ok(Checker *c, uint32_t from, uint32_t to)
{
	int fk = kind_of(c, from), tk = kind_of(c, to);
	bool fint = fk == TK_Int || fk == TK_Char || fk == TK_Bool;
	bool tint = tk == TK_Int || tk == TK_Char || tk == TK_Bool;
	if (fint && tint)   /* bool <-> char is no integer cast */
		return !((fk == TK_Bool && tk == TK_Char) || (fk == TK_Char && tk == TK_Bool));
	if ((fk == TK_Int && tk == TK_Float) || (fk == TK_Float && tk == TK_Int)
		|| (fk == TK_Float && tk == TK_Float))
		return true;
	if (fk == TK_Ptr && (tk == TK_Ptr || tk == TK_Int || tk == TK_Ref))
		return true;
	if (tk == TK_Ptr && (fk == TK_Int || fk == TK_Ref || fk == TK_Array))
		return true;
	if (tx_is_newtype(c, from) && tx_newtype_inner(c, from) == to)
		return true;
	if (tx_is_newtype(c, to) && tx_newtype_inner(c, to) == from)
		return true;
	return false;
}

uint32_t tx_cast(Checker *c, uint32_t e)
{
	Node *n = NODE_AT(c->m, e);
	Span sp = n->span;
	uint32_t tnode = n->Cast.type;
	uint32_t from = check_expr(c, n->Cast.expr, 0);
	uint32_t to = resolve_type(c, tnode);
	if (ty_is_err(c, from) || ty_is_err(c, to) || from == to)
		return to;
	int fk = kind_of(c, from), tk = kind_of(c, to);
	if (fk == TK_Never || fk == TK_Param || tk == TK_Param)
		return to;
	if (!cast_ok(c, from, to))
		cerr(c, CD_BAD_CAST, sp, tname(c, from), tname(c, to));
	return to;
}

/* ---- declarations ---- */

/* CHECKS.md 6.6: integers, floats, bool, char, unit, raw pointers and
 * non-generic #[repr(C)] structs. */
bool tx_ffi_safe(Checker *c, uint32_t t, bool ret)
{
	switch (kind_of(c, t)) {
	case TK_Int: case TK_Float: case TK_Bool: case TK_Char: case TK_Ptr:
	case TK_Error:
		return true;
	case TK_Unit:
		return ret;
	case TK_Struct: {
		uint32_t d = ty_at(c, t)->Struct.decl;
		return valid(c, d) && NODE_AT(c->m, d)->kind == NK_StructDecl
			&& (NODE_AT(c->m, d)->StructDecl.flags & FL_REPR_C)
			&& !NODE_AT(c->m, d)->StructDecl.generics.len;
	}
	default:
		return false;
	}
}

static bool repr_has(Checker *c, List attrs, const char *opt)
{
	Module *m = c->m;
	for (uint32_t i = 0; i < attrs.len; i++) {
		Node *a = NODE_AT(m, LIST_AT(m, attrs, i));
		if (a->kind != NK_Attr || strcmp(str_get(a->Attr.key), "repr"))
			continue;
		for (uint32_t j = 0; j < a->Attr.args.len; j++) {
			Node *o = NODE_AT(m, LIST_AT(m, a->Attr.args, j));
			if (o->kind == NK_Attr && !strcmp(str_get(o->Attr.key), opt))
				return true;
		}
	}
	return false;
}

/* CHECKS.md 7.12, after the struct's field types are resolved. */
void tx_check_struct(Checker *c, uint32_t sd)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, sd);
	const char *s = str_get(n->StructDecl.name);
	Span sp = n->span;
	bool packed = (n->StructDecl.flags & FL_REPR_PACKED) || repr_has(c, n->StructDecl.attrs, "packed");
	bool has_align = repr_has(c, n->StructDecl.attrs, "align");
	int64_t al = layout_repr_align(m, n->StructDecl.attrs);
	if (packed && has_align)
		cerr(c, CD_REPR_BOTH, sp, s);
	if (has_align && (al <= 0 || (al & (al - 1))))
		cerr(c, CD_REPR_ALIGN, sp, (long long)al, s);
	if (!(n->StructDecl.flags & FL_REPR_C))
		return;
	if (n->StructDecl.generics.len) {
		cerr(c, CD_REPR_GENERIC, sp, s);
		return;
	}
	List fl = n->StructDecl.fields;
	for (uint32_t i = 0; i < fl.len; i++) {
		Node *f = NODE_AT(m, LIST_AT(m, fl, i));
		if (f->kind == NK_FieldDecl && !tx_ffi_safe(c, f->ty, false))
			cerr(c, CD_REPR_FIELD, f->span, s, str_get(f->FieldDecl.name), tname(c, f->ty));
	}
}

/* CHECKS.md 6.6: every extern fn's parameters and result are FFI-safe. */
void tx_check_extern(Checker *c, uint32_t fd)
{
	Module *m = c->m;
	Node *f = NODE_AT(m, fd);
	if (!(f->FnDecl.flags & FL_EXTERN) || f->FnDecl.body)
		return;
	const char *fn = str_get(f->FnDecl.name);
	List pl = f->FnDecl.params;
	for (uint32_t i = 0; i < pl.len; i++) {
		Node *p = NODE_AT(m, LIST_AT(m, pl, i));
		if (p->kind == NK_Param && p->ty && !tx_ffi_safe(c, p->ty, false))
			cerr(c, CD_FFI_PARAM, p->span, fn, str_get(p->Param.name), tname(c, p->ty));
	}
	uint32_t r = f->FnDecl.ret ? NODE_AT(m, f->FnDecl.ret)->ty : c->t_unit;
	if (r && !tx_ffi_safe(c, r, true))
		cerr(c, CD_FFI_RET, NODE_AT(m, fd)->span, fn, tname(c, r));
}

/* A union literal sets exactly one field (LANGUAGE.md 4.6). */
void tx_check_union_lit(Checker *c, uint32_t e, uint32_t decl)
{
	Module *m = c->m;
	if (NODE_AT(m, e)->StructLit.inits.len != 1)
		cerr(c, CD_UNION_LIT, NODE_AT(m, e)->span, str_get(NODE_AT(m, decl)->StructDecl.name));
}

/* Resolve every alias and non-generic newtype once, so that an unknown name
 * in one is reported even when the declaration is never used. */
void tx_resolve_decl(Checker *c, uint32_t d)
{
	Node *n = NODE_AT(c->m, d);
	if (n->kind == NK_TypeAlias)
		alias_type(c, d);
	else if (n->kind == NK_NewtypeDecl)
		newtype_raw_inner(c, d);
}

/* The StructDecl a non-generic alias names, for struct literals `A { .. }`
 * (an alias is transparent everywhere, LANGUAGE.md 3.11); 0 if none. */
uint32_t tx_alias_struct(Checker *c, Str name)
{
	uint32_t d = sym_lookup(c, name, NK_TypeAlias);
	if (!d)
		return 0;
	uint32_t t = alias_type(c, d);
	if (kind_of(c, t) != TK_Struct || ty_at(c, t)->Struct.args.len)
		return 0;
	uint32_t sd = ty_at(c, t)->Struct.decl;
	return valid(c, sd) && NODE_AT(c->m, sd)->kind == NK_StructDecl ? sd : 0;
}
