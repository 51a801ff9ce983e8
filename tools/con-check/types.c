/* types.c: type predicates and expression typing.
 *
 * check_expr(e, expect) types e given the expected type of its position
 * (LANGUAGE.md 5.2): integer literals take an integer or char expectation and
 * are Int otherwise; the left-literal rule retypes a literal left operand.
 * Every expression node gets its final type in Node.ty. */
#include <string.h>

#include "check.h"

uint32_t const_type(Checker *c, uint32_t decl);   /* check.c */

Type *ty_at(Checker *c, uint32_t t)
{
	return TYPE_AT(c->m, t);
}

bool ty_is_err(Checker *c, uint32_t t)
{
	return !t || t >= c->m->types.n || ty_at(c, t)->kind == TK_Error;
}

bool ty_is_int(Checker *c, uint32_t t)
{
	return !ty_is_err(c, t) && ty_at(c, t)->kind == TK_Int;
}

static int ty_kind(Checker *c, uint32_t t)
{
	return ty_is_err(c, t) ? TK_Error : ty_at(c, t)->kind;
}

/* Types are hash-consed, so equality is index equality; never and a failed
 * type are compatible with everything (CHECKS.md 1 and 7.1). */
bool ty_compat(Checker *c, uint32_t want, uint32_t got)
{
	if (want == got || ty_is_err(c, want) || ty_is_err(c, got) || tx_ptr_compat(c, want, got))
		return true;
	return ty_kind(c, want) == TK_Never || ty_kind(c, got) == TK_Never;
}

const char *tname(Checker *c, uint32_t t)
{
	return ty_is_err(c, t) ? "{unknown}" : type_name(c->m, t);
}

void expect_type(Checker *c, uint32_t e, uint32_t want, Span sp, const char *ctx)
{
	uint32_t got = check_expr(c, e, want);
	if (!ty_compat(c, want, got))
		cerr(c, CD_MISMATCH, sp, ctx, tname(c, want), tname(c, got));
}

static uint32_t make_ty(Checker *c, Type *t)
{
	return type_intern(c->m, t);
}

static uint32_t array_ty(Checker *c, uint32_t elem, int64_t len)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Array;
	t.Array.elem = elem;
	t.Array.len = len;
	return make_ty(c, &t);
}

/* ---- literals and the left-literal rule ---- */

/* The integer literal under parentheses and negations, or 0.  Negated
 * literals are included: LANGUAGE.md 5.2 allows it and it only accepts
 * more programs (`-1 == n`). */
static uint32_t lit_root(Checker *c, uint32_t e)
{
	for (int guard = 0; e && guard < 64; guard++) {
		Node *n = NODE_AT(c->m, e);
		if (n->kind == NK_IntLit)
			return e;
		if (n->kind == NK_Paren)
			e = n->Paren.expr;
		else if (n->kind == NK_Unary && n->Unary.op == UOP_Neg)
			e = n->Unary.expr;
		else
			return 0;
	}
	return 0;
}

static void retype_lit(Checker *c, uint32_t e, uint32_t t)
{
	for (int guard = 0; e && guard < 64; guard++) {
		Node *n = NODE_AT(c->m, e);
		n->ty = t;
		if (n->kind == NK_Paren)
			e = n->Paren.expr;
		else if (n->kind == NK_Unary)
			e = n->Unary.expr;
		else
			return;
	}
}

/* ---- names ---- */

static uint32_t check_ident(Checker *c, uint32_t e)
{
	Node *n = NODE_AT(c->m, e);
	Str name = n->Ident.name;
	/* [REF] a constant takes precedence over a local (LANGUAGE.md 4.9). */
	uint32_t d = FIND_CONST(c, name);
	if (d) {
		n->aux = d;
		return const_type(c, d);
	}
	d = scope_find(c, name);
	if (d) {
		n->aux = d;
		return NODE_AT(c->m, d)->ty ? NODE_AT(c->m, d)->ty : c->t_err;
	}
	d = FIND_FN(c, name);
	if (d) {
		if (c->const_init)
			c->const_bad = true;
		n->aux = d;
		return fn_type(c, d);
	}
	if (reported_once(c, name))
		cerr(c, CD_UNDECL_VAR, n->span, str_get(name));
	return c->t_err;
}

/* ---- operators ---- */

enum { OPC_ARITH, OPC_CMP, OPC_LOGIC, OPC_BIT, OPC_SHIFT };

static int op_class(int64_t op)
{
	switch (op) {
	case OP_Or: case OP_And: return OPC_LOGIC;
	case OP_Eq: case OP_Ne: case OP_Lt: case OP_Gt: case OP_Le: case OP_Ge:
		return OPC_CMP;
	case OP_BitOr: case OP_BitXor: case OP_BitAnd: return OPC_BIT;
	case OP_Shl: case OP_Shr: return OPC_SHIFT;
	default: return OPC_ARITH;
	}
}

static uint32_t check_binary(Checker *c, uint32_t e, uint32_t expect)
{
	Node *n = NODE_AT(c->m, e);
	int64_t op = n->Binary.op;
	Span sp = n->span;
	uint32_t lhs = n->Binary.lhs, rhs = n->Binary.rhs;
	if (op < 0 || op >= OP_COUNT) {
		cerr(c, CD_MALFORMED, sp, "unknown binary operator");
		return c->t_err;
	}
	int cls = op_class(op);
	uint32_t lt = check_expr(c, lhs, expect);
	uint32_t rt = check_expr(c, rhs, lt);
	int rk = ty_kind(c, rt);
	if (lt == c->t_int && lit_root(c, lhs) && rt != lt
		&& (rk == TK_Int || rk == TK_Char || rk == TK_Param)) {
		retype_lit(c, lhs, rt);
		lt = rt;
	}
	uint32_t result = (cls == OPC_CMP || cls == OPC_LOGIC) ? c->t_bool : lt;
	if (ty_is_err(c, lt) || ty_is_err(c, rt))
		return ty_is_err(c, result) ? c->t_err : result;
	int lk = ty_kind(c, lt);
	uint32_t xt;
	if (tx_binary(c, e, lt, rt, &xt))     /* floats and raw pointers: typesx.c */
		return xt;
	/* [REF] LANGUAGE.md 4.4: operators on a type parameter are accepted
	 * in the generic body; the instance decides. */
	if (lk == TK_Param && lt == rt && cls != OPC_LOGIC)
		return cls == OPC_CMP ? c->t_bool : lt;
	switch (cls) {
	case OPC_ARITH:
		if (lk != TK_Int) {
			cerr(c, CD_ARITH_NONNUM, sp, tname(c, lt));
			return c->t_err;
		}
		if (lt != rt) {
			cerr(c, CD_BIN_MISMATCH, sp, tname(c, lt), tname(c, rt));
			return c->t_err;
		}
		return lt;
	case OPC_CMP:
		if (lt != rt)
			cerr(c, CD_CMP_MISMATCH, sp, tname(c, lt), tname(c, rt));
		else if (lk != TK_Int && lk != TK_Char && lk != TK_Bool)
			cerr(c, CD_CMP_TYPE, sp, tname(c, lt));
		return c->t_bool;
	case OPC_LOGIC:
		if (lk != TK_Bool || rk != TK_Bool)
			cerr(c, CD_LOGIC_NONBOOL, sp, tname(c, lt), tname(c, rt));
		return c->t_bool;
	default:
		if (lk != TK_Int) {
			cerr(c, CD_BIT_NONINT, sp, tname(c, lt));
			return c->t_err;
		}
		if (lt != rt) {
			cerr(c, CD_BIT_MISMATCH, sp, tname(c, lt), tname(c, rt));
			return c->t_err;
		}
		return lt;
	}
}

static uint32_t check_unary(Checker *c, uint32_t e, uint32_t expect)
{
	Node *n = NODE_AT(c->m, e);
	int64_t op = n->Unary.op;
	Span sp = n->span;
	uint32_t t = check_expr(c, n->Unary.expr, op == UOP_Not ? c->t_bool : expect);
	if (ty_is_err(c, t))
		return op == UOP_Not ? c->t_bool : c->t_err;
	switch (op) {
	case UOP_Neg:
		if (!ty_is_int(c, t) && ty_kind(c, t) != TK_Float) {
			cerr(c, CD_NEG_NONNUM, sp, tname(c, t));
			return c->t_err;
		}
		return t;
	case UOP_Not:
		if (ty_kind(c, t) != TK_Bool)
			cerr(c, CD_NOT_NONBOOL, sp, tname(c, t));
		return c->t_bool;
	case UOP_BitNot:
		if (!ty_is_int(c, t)) {
			cerr(c, CD_BITNOT_NONINT, sp, tname(c, t));
			return c->t_err;
		}
		return t;
	default:
		cerr(c, CD_MALFORMED, sp, "unknown unary operator");
		return c->t_err;
	}
}

/* Casts (LANGUAGE.md 5.7) are checked by tx_cast in typesx.c. */

/* ---- aggregates ---- */

uint32_t struct_field(Checker *c, uint32_t sty, Str name, uint32_t *index)
{
	Module *m = c->m;
	uint32_t decl = ty_at(c, sty)->Struct.decl;
	if (!decl || decl >= m->nodes.n || NODE_AT(m, decl)->kind != NK_StructDecl)
		return 0;
	List fl = NODE_AT(m, decl)->StructDecl.fields;
	for (uint32_t i = 0; i < fl.len; i++) {
		Node *f = NODE_AT(m, LIST_AT(m, fl, i));
		if (f->kind == NK_FieldDecl && f->FieldDecl.name == name) {
			*index = i;
			uint32_t ft = f->ty ? f->ty : c->t_err;
			List args = ty_at(c, sty)->Struct.args;     /* generic instance */
			return args.len ? subst(c, ft, NODE_AT(m, decl)->StructDecl.generics, args) : ft;
		}
	}
	return 0;
}

static uint32_t check_fieldget(Checker *c, uint32_t e)
{
	Node *n = NODE_AT(c->m, e);
	Str name = n->FieldGet.name;
	uint32_t bt = check_expr(c, n->FieldGet.base, 0);
	n = NODE_AT(c->m, e);
	if (ty_is_err(c, bt))
		return c->t_err;
	uint32_t st = bt;
	if (ty_kind(c, st) == TK_Ref)
		st = ty_at(c, st)->Ref.elem;    /* one level of auto-deref */
	uint32_t nt;
	if (bi_fieldget(c, e, st, &nt))   /* builtins.c: String fields, Heap misuse */
		return nt;
	if (tx_newtype_field(c, st, name, n->span, &nt)) {
		NODE_AT(c->m, e)->aux = 0;
		return nt;
	}
	if (ty_kind(c, st) != TK_Struct) {
		cerr(c, CD_FIELD_NONSTRUCT, n->span, tname(c, bt));
		return c->t_err;
	}
	uint32_t idx = 0, ft = struct_field(c, st, name, &idx);
	if (!ft) {
		cerr(c, CD_NO_FIELD, n->span, str_get(ty_at(c, st)->Struct.name), str_get(name));
		return c->t_err;
	}
	n->aux = idx;
	return ft;
}

static uint32_t check_index(Checker *c, uint32_t e)
{
	Node *n = NODE_AT(c->m, e);
	Span sp = n->span;
	uint32_t idx = n->Index.index;
	uint32_t bt = check_expr(c, n->Index.base, 0);
	uint32_t it = check_expr(c, idx, c->t_int);
	if (!ty_is_err(c, it) && !ty_is_int(c, it))
		cerr(c, CD_INDEX_NONINT, NODE_AT(c->m, idx)->span, tname(c, it));
	if (ty_is_err(c, bt))
		return c->t_err;
	if (ty_kind(c, bt) != TK_Array) {
		cerr(c, CD_INDEX_NONARRAY, sp, tname(c, bt));
		return c->t_err;
	}
	return ty_at(c, bt)->Array.elem;
}

/* The values of a literal whose type could not be found, checked so that
 * their own errors are still reported. */
void check_inits_loose(Checker *c, List inits)
{
	for (uint32_t i = 0; i < inits.len; i++) {
		Node *fi = NODE_AT(c->m, LIST_AT(c->m, inits, i));
		if (fi->kind == NK_FieldInit && fi->FieldInit.value)
			check_expr(c, fi->FieldInit.value, 0);
	}
}

/* The field initialisers of a struct or variant literal (LANGUAGE.md 4.6,
 * 4.7): each names one of `fields` at most once and its value is checked
 * against ftype(c, ctx, k); FieldInit.aux = k.  `name` names the literal in
 * diagnostics (`S`, `E::V`), `of` in mismatch contexts (`struct 'S'`,
 * `E::V`).  Missing fields are reported unless all is false (unions). */
void check_field_inits(Checker *c, uint32_t e, List inits, List fields, const char *name,
	const char *of, uint32_t (*ftype)(Checker *, const void *, uint32_t), const void *ctx, bool all)
{
	Module *m = c->m;
	bool seen[fields.len + 1];
	memset(seen, 0, sizeof seen);
	for (uint32_t i = 0; i < inits.len; i++) {
		uint32_t fin = LIST_AT(m, inits, i);
		Node *fi = NODE_AT(m, fin);
		if (fi->kind != NK_FieldInit) {
			cerr(c, CD_MALFORMED, fi->span, "literal entry is not a FieldInit");
			continue;
		}
		Str fname = fi->FieldInit.name;
		uint32_t k;
		for (k = 0; k < fields.len && NODE_AT(m, LIST_AT(m, fields, k))->FieldDecl.name != fname; k++)
			;
		if (k == fields.len) {
			cerr(c, CD_EXTRA_FIELD, fi->span, str_get(fname), name);
			check_expr(c, fi->FieldInit.value, 0);
			continue;
		}
		if (seen[k])
			cerr(c, CD_DUP_FIELD_INIT, fi->span, str_get(fname), name);
		seen[k] = true;
		uint32_t ft = ftype(c, ctx, k);
		expect_type(c, fi->FieldInit.value, ft, fi->span,
			arena_printf("field '%s' of %s", str_get(fname), of));
		fi = NODE_AT(m, fin);
		fi->aux = k;
		fi->ty = ft;
	}
	for (uint32_t k = 0; all && k < fields.len; k++)
		if (!seen[k])
			cerr(c, CD_MISSING_FIELD, NODE_AT(m, e)->span,
				str_get(NODE_AT(m, LIST_AT(m, fields, k))->FieldDecl.name), name);
}

/* Field k of struct type *st, with a generic instance's arguments. */
static uint32_t struct_field_at(Checker *c, const void *st, uint32_t k)
{
	uint32_t sty = *(const uint32_t *)st, idx;
	uint32_t decl = ty_at(c, sty)->Struct.decl;
	Str name = NODE_AT(c->m, LIST_AT(c->m, NODE_AT(c->m, decl)->StructDecl.fields, k))->FieldDecl.name;
	return struct_field(c, sty, name, &idx);
}

static uint32_t check_structlit(Checker *c, uint32_t e)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Str sname = n->StructLit.name;
	List inits = n->StructLit.inits;
	uint32_t decl = FIND_STRUCT(c, sname);
	if (!decl)
		decl = tx_alias_struct(c, sname);     /* `type A = S; A { .. }` */
	if (!decl) {
		cerr(c, CD_UNKNOWN_STRUCT, n->span, str_get(sname));
		check_inits_loose(c, inits);
		return c->t_err;
	}
	n->aux = decl;
	uint32_t st = NODE_AT(m, decl)->ty;
	if (n->StructLit.targs.len || NODE_AT(m, decl)->StructDecl.generics.len)
		st = check_generic_structlit(c, e, decl);      /* generics.c */
	if (ty_is_err(c, st)) {
		check_inits_loose(c, inits);
		return c->t_err;
	}
	bool is_union = (NODE_AT(m, decl)->StructDecl.flags & FL_UNION) != 0;
	check_field_inits(c, e, inits, NODE_AT(m, decl)->StructDecl.fields, str_get(sname),
		arena_printf("struct '%s'", str_get(sname)), struct_field_at, &st, !is_union);
	if (is_union)
		tx_check_union_lit(c, e, decl);
	return st;
}

static uint32_t check_arraylit(Checker *c, uint32_t e, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	List el = n->ArrayLit.elems;
	if (!el.len) {
		cerr(c, CD_ARRAY_EMPTY, n->span);
		return c->t_err;
	}
	uint32_t want = ty_kind(c, expect) == TK_Array ? ty_at(c, expect)->Array.elem : 0;
	uint32_t first = check_expr(c, LIST_AT(m, el, 0), want);
	for (uint32_t i = 1; i < el.len; i++) {
		uint32_t x = LIST_AT(m, el, i);
		expect_type(c, x, first, NODE_AT(m, x)->span, "array element");
	}
	if (ty_is_err(c, first))
		return c->t_err;
	return array_ty(c, first, el.len);
}

static uint32_t check_repeat(Checker *c, uint32_t e, uint32_t expect)
{
	Node *n = NODE_AT(c->m, e);
	int64_t count = n->ArrayRepeat.count;
	Span sp = n->span;
	uint32_t want = ty_kind(c, expect) == TK_Array ? ty_at(c, expect)->Array.elem : 0;
	uint32_t t = check_expr(c, n->ArrayRepeat.elem, want);
	if (count < 0 || count > UINT32_MAX) {
		/* [REF] `[e; 0]` yields one element; refuse instead of copying that. */
		cerr(c, CD_UNSUPPORTED, sp, arena_printf("array repeat count %lld", (long long)count));
		return c->t_err;
	}
	return ty_is_err(c, t) ? c->t_err : array_ty(c, t, count);
}

/* ---- references ---- */

static uint32_t check_addrof(Checker *c, uint32_t e, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	bool mut = (n->AddrOf.flags & FL_MUT) != 0;
	uint32_t x = n->AddrOf.expr;
	if (x && x < m->nodes.n && NODE_AT(m, x)->kind == NK_StrLit && !mut)
		return check_strlit_ref(c, x);   /* builtins.c */
	uint32_t want = ty_kind(c, expect) == TK_Ref ? ty_at(c, expect)->Ref.elem : 0;
	uint32_t t = check_expr(c, x, want);
	Node *xn = NODE_AT(m, x);
	if (mut && xn->kind == NK_Ident && xn->aux) {
		Node *d = NODE_AT(m, xn->aux);
		if ((d->kind == NK_Let && !(d->Let.flags & FL_MUT)) || d->kind == NK_ConstDecl
			|| d->kind == NK_PatBind || d->kind == NK_FnDecl) {
			Span ds = d->span;
			Diag *dg = cerr(c, CD_MUT_BORROW_IMM, xn->span, str_get(xn->Ident.name));
			diag_note(dg, ds, "'%s' is declared here without 'mut'", str_get(xn->Ident.name));
			diag_hint(dg, "declare with 'let mut' to allow mutable borrowing");
		}
	}
	return ty_is_err(c, t) ? c->t_err : ty_ref_to(c->m, t, mut);
}

static uint32_t check_deref(Checker *c, uint32_t e)
{
	Node *n = NODE_AT(c->m, e);
	Span sp = n->span;
	uint32_t t = check_expr(c, n->Deref.expr, 0);
	if (ty_is_err(c, t))
		return c->t_err;
	if (ty_kind(c, t) == TK_Ptr)
		return ty_at(c, t)->Ptr.elem;
	if (ty_kind(c, t) == TK_Heap)   /* `*h` reads (and consumes) the cell */
		return ty_at(c, t)->Heap.elem;
	if (ty_kind(c, t) != TK_Ref) {
		cerr(c, CD_DEREF_NONREF, sp, tname(c, t));
		return c->t_err;
	}
	return ty_at(c, t)->Ref.elem;
}

/* ---- control-flow expressions ---- */

static uint32_t check_ifexpr(Checker *c, uint32_t e, uint32_t expect)
{
	Node *n = NODE_AT(c->m, e);
	Span sp = n->span;
	uint32_t cond = n->IfExpr.cond, th = n->IfExpr.then, el = n->IfExpr.els;
	uint32_t ct = check_expr(c, cond, c->t_bool);
	if (!ty_is_err(c, ct) && ct != c->t_bool)
		cerr(c, CD_IFEXPR_COND, NODE_AT(c->m, cond)->span, tname(c, ct));
	uint32_t a = check_block(c, th, expect, true);
	uint32_t b = check_block(c, el, expect, true);
	if (ty_kind(c, a) == TK_Never)
		return b;
	if (ty_kind(c, b) == TK_Never || ty_is_err(c, b))
		return a;
	if (ty_is_err(c, a))
		return b;
	if (a != b) {
		cerr(c, CD_IFEXPR_BRANCH, sp, tname(c, a), tname(c, b));
		return c->t_err;
	}
	return a;
}

/* Constant initializers may use literals, operators, casts and other
 * constants (LANGUAGE.md 4.9); anything else is flagged. */
static bool const_ok(int kind)
{
	switch (kind) {
	case NK_IntLit: case NK_BoolLit: case NK_CharLit: case NK_Ident: case NK_FloatLit:
	case NK_Unary: case NK_Binary: case NK_Paren: case NK_Cast:
		return true;
	default:
		return false;
	}
}

uint32_t check_expr(Checker *c, uint32_t e, uint32_t expect)
{
	Module *m = c->m;
	if (!e || e >= m->nodes.n) {
		cerr(c, CD_MALFORMED, (Span){ 0 }, "missing expression");
		return c->t_err;
	}
	Node *n = NODE_AT(m, e);
	if (c->depth >= MAX_DEPTH) {
		cerr(c, CD_TOO_DEEP, n->span);
		return c->t_err;
	}
	c->depth++;
	if (c->const_init && !const_ok(n->kind))
		c->const_bad = true;
	uint32_t t = c->t_err;
	int ek = ty_kind(c, expect);
	switch (n->kind) {
	case NK_IntLit:
		t = (ek == TK_Int || ek == TK_Char || ek == TK_Param) ? expect : c->t_int;
		break;
	case NK_BoolLit: t = c->t_bool; break;
	case NK_CharLit: t = c->t_char; break;
	case NK_FloatLit:
		t = tx_float_lit(c, expect);
		break;
	case NK_StrLit: t = ty_string(c); break;
	case NK_Ident: t = check_ident(c, e); break;
	case NK_Path:
		if (n->Path.qual && !n->Path.targs.len) {  /* m::f as a value */
			bool is_mod;
			uint32_t fd = qual_fn(c, n->Path.qual, n->Path.name, n->span, &is_mod);
			if (is_mod) {
				NODE_AT(c->m, e)->aux = fd;
				t = fd ? fn_type(c, fd) : c->t_err;
				break;
			}
		}
		if (check_generic_path(c, e, &t))     /* generics.c: f::<A>, T::m */
			break;
		cerr(c, CD_UNSUPPORTED, n->span, arena_printf("paths ('%s::%s')",
			str_get(n->Path.qual), str_get(n->Path.name)));
		break;
	case NK_Call: t = check_call(c, e, expect, false); break;
	case NK_MethodCall: t = check_methodcall(c, e, expect); break;   /* traits.c */
	case NK_StructLit: t = check_structlit(c, e); break;
	case NK_VariantLit: t = check_variantlit(c, e, expect); break;   /* enums.c */
	case NK_FieldGet: t = check_fieldget(c, e); break;
	case NK_Index: t = check_index(c, e); break;
	case NK_Arrow: t = check_arrow(c, e, false); break;   /* builtins.c */
	case NK_Try: t = check_try(c, e); break;   /* enums.c */
	case NK_Cast: t = tx_cast(c, e); break;
	case NK_Unary: t = check_unary(c, e, expect); break;
	case NK_AddrOf: t = check_addrof(c, e, expect); break;
	case NK_Deref: t = check_deref(c, e); break;
	case NK_Binary: t = check_binary(c, e, expect); break;
	case NK_Paren: t = check_expr(c, n->Paren.expr, expect); break;
	case NK_ArrayLit: t = check_arraylit(c, e, expect); break;
	case NK_ArrayRepeat: t = check_repeat(c, e, expect); break;
	case NK_IfExpr: t = check_ifexpr(c, e, expect); break;
	case NK_Match: t = check_match(c, e, expect); break;
	case NK_While: t = check_while(c, e, expect); break;
	default:
		cerr(c, CD_MALFORMED, n->span, arena_printf("%s node where an expression was expected",
			n->kind < NK_COUNT ? node_kind_names[n->kind] : "unknown"));
		break;
	}
	c->depth--;
	NODE_AT(m, e)->ty = t;
	return t;
}
