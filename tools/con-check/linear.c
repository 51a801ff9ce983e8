/* linear.c: linearity and ownership (CHECKS.md 2, 3.3; catalogue rows
 * L1-L11, B5).
 *
 * Runs over one function body after it type-checked without errors, so
 * every expression has its type and every Ident its declaring node.  Like
 * the reference it keeps one flat list of variable records per function:
 * records are appended as declarations are met and only dropped by the
 * branch rules of 2.5 (an if's then-branch, all match arms but the last)
 * and at the end of a borrow block (its ref). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

enum { VS_UNCONSUMED, VS_USED, VS_CONSUMED, VS_RESERVED, VS_FROZEN };

typedef struct Var {
	uint32_t decl;       /* Let, Param, PatBind, Borrow (its ref), LetStruct */
	Str name;
	uint32_t ty;
	uint8_t state, saved;    /* saved: state before a borrow block froze it */
	bool copy, param, generic, bref, dead;
	unsigned depth;      /* loop depth at the declaration */
	uint32_t borrows;    /* named reference `let r = &x;`: x's index + 1 */
	bool reported;       /* one use-after-move report per variable */
	Span at;             /* where it was consumed or deferred */
} Var;

typedef VEC(Var) Vars;

typedef struct Lin {
	Checker *c;
	Module *m;
	Vars v;
	unsigned depth;      /* loop depth */
	int errors;
} Lin;

#define N(i) NODE_AT(L->m, (i))

static bool valid(Lin *L, uint32_t i)
{
	return i && i < L->m->nodes.n;
}

/* ---- Copy or linear (2.1) ---- */

static bool bound_copy(Lin *L, Str name)
{
	const TParam *tp = find_tparam(L->c, name);
	if (!tp)
		return true;     /* not a parameter we know: do not cascade */
	if (!valid(L, tp->node) || N(tp->node)->kind != NK_GenericParam)
		return false;
	List b = N(tp->node)->GenericParam.bounds;
	for (uint32_t i = 0; i < b.len; i++)
		if (!strcmp(str_get(LIST_AT(L->m, b, i)), "Copy"))
			return true;
	return false;
}

static bool param_copy(void *L, uint32_t t)
{
	return bound_copy(L, ty_at(((Lin *)L)->c, t)->Param.name);
}

static uint32_t newtype_inner(void *L, uint32_t t)
{
	return tx_newtype_inner(((Lin *)L)->c, t);
}

static bool is_copy(Lin *L, uint32_t t)
{
	CopyHooks h = { param_copy, newtype_inner, L };
	return type_is_copy(L->m, t, &h);
}

/* ---- records ---- */

static uint32_t declare(Lin *L, uint32_t decl, Str name, uint32_t ty)
{
	Var v;
	memset(&v, 0, sizeof v);
	v.decl = decl;
	v.name = name;
	v.ty = ty;
	v.copy = is_copy(L, ty);
	v.depth = L->depth;
	v.at = N(decl)->span;
	vec_push(L->v, v);
	return L->v.n - 1;
}

static Var *find(Lin *L, uint32_t decl)
{
	if (!decl)
		return NULL;
	for (uint32_t i = L->v.n; i-- > 0;)
		if (L->v.v[i].decl == decl && !L->v.v[i].dead)
			return &L->v.v[i];
	return NULL;
}

/* The variable a bare identifier names, NULL for anything else (a Paren
 * is not an identifier: `(t)` does not consume, 2.3). */
static Var *ident_var(Lin *L, uint32_t e)
{
	if (!valid(L, e) || N(e)->kind != NK_Ident)
		return NULL;
	return find(L, N(e)->aux);
}

/* [REF] A state change applies to every record of the name (2.2). */
static void set_state(Lin *L, Var *v, uint8_t st, Span at)
{
	Str name = v->name;
	for (uint32_t i = 0; i < L->v.n; i++) {
		Var *w = &L->v.v[i];
		if (w->dead || w->copy || w->name != name || w->state == VS_FROZEN)
			continue;
		if (st == VS_USED && w->state != VS_UNCONSUMED)
			continue;
		w->state = st;
		w->at = at;
	}
}

static Diag *lerr(Lin *L, CDiagId id, Span sp, const char *name)
{
	L->errors++;
	return cerr(L->c, id, sp, name);
}

static void note_moved(Diag *dg, Var *v)
{
	diag_note(dg, v->at, "'%s' was moved here", str_get(v->name));
}

/* A read: `x.f`, `&x`, `let y = x;`, operands (2.3, last paragraph). */
static void read_var(Lin *L, Var *v, Span sp)
{
	if (v->copy || v->state == VS_FROZEN)
		return;       /* frozen owners are the borrow checker's (B1) */
	if (v->state == VS_CONSUMED) {
		if (!v->reported) {
			v->reported = true;
			Diag *dg = lerr(L, CD_USE_AFTER_MOVE, sp, str_get(v->name));
			note_moved(dg, v);
			diag_hint(dg, "a linear value can be used only until it is moved; "
				"borrow it (&%s) instead of moving it earlier", str_get(v->name));
		}
		return;
	}
	if (v->state == VS_UNCONSUMED)
		set_state(L, v, VS_USED, sp);
}

/* A named reference `let r = &x;` that is still live (4.3). */
static Var *live_borrow(Lin *L, Var *v)
{
	uint32_t idx = (uint32_t)(v - L->v.v) + 1;
	for (uint32_t i = 0; i < L->v.n; i++) {
		Var *r = &L->v.v[i];
		if (!r->dead && r->borrows == idx && r->state != VS_CONSUMED)
			return r;
	}
	return NULL;
}

/* Consume (2.3, "Consume means"). */
static void consume_var(Lin *L, Var *v, Span sp)
{
	if (v->copy || v->state == VS_FROZEN)
		return;
	const char *nm = str_get(v->name);
	Var *r = live_borrow(L, v);
	if (r) {
		Diag *dg = lerr(L, CD_MOVE_BORROWED, sp, nm);
		diag_note(dg, N(r->decl)->span, "'%s' borrows '%s' here and is live for the rest of the function",
			str_get(r->name), nm);
		diag_hint(dg, "borrow '%s' where it is needed (&%s) instead of keeping the named reference '%s'",
			nm, nm, str_get(r->name));
		return;
	}
	if (v->state == VS_CONSUMED) {
		read_var(L, v, sp);
		return;
	}
	if (v->state == VS_RESERVED) {
		Diag *dg = lerr(L, CD_RESERVED_DEFER, sp, nm);
		diag_note(dg, v->at, "'%s' was deferred here", nm);
		diag_hint(dg, "the deferred call consumes '%s' at the end of the block; borrow it (&%s) here instead",
			nm, nm);
		return;
	}
	if (v->depth < L->depth) {
		Diag *dg = lerr(L, CD_LOOP_CONSUME, sp, nm);
		diag_note(dg, N(v->decl)->span, "'%s' is declared here, outside the loop", nm);
		diag_hint(dg, "move the declaration inside the loop or clone before the loop");
		return;
	}
	set_state(L, v, VS_CONSUMED, sp);
}

/* ---- expressions ---- */

static void expr(Lin *L, uint32_t e, bool consume);
static void block(Lin *L, uint32_t b, bool tail);
static void stmt(Lin *L, uint32_t s);
static void match_(Lin *L, uint32_t mt, bool tail);
static void loop_(Lin *L, uint32_t w);

static void ident(Lin *L, uint32_t e, bool consume)
{
	Var *v = ident_var(L, e);
	if (!v)
		return;
	if (consume)
		consume_var(L, v, N(e)->span);
	else
		read_var(L, v, N(e)->span);
}

static bool is_ref(Lin *L, uint32_t t, bool *mut)
{
	if (!t || ty_is_err(L->c, t) || ty_at(L->c, t)->kind != TK_Ref)
		return false;
	*mut = ty_at(L->c, t)->Ref.mut != 0;
	return true;
}

/* An argument for a parameter of type pt (2.3: &T none, &mut T only a
 * borrow-block ref, anything else consumes). */
static void arg_for(Lin *L, uint32_t a, uint32_t pt)
{
	bool mut = false;
	if (pt && !ty_is_err(L->c, pt) && ty_at(L->c, pt)->kind == TK_Param)
		pt = N(a)->ty;       /* after substitution: the argument's type */
	if (is_ref(L, pt, &mut)) {
		Var *v = ident_var(L, a);
		expr(L, a, mut && v && v->bref);
		return;
	}
	expr(L, a, true);
}

static void args_all(Lin *L, List args, bool consume)
{
	for (uint32_t i = 0; i < args.len; i++)
		expr(L, LIST_AT(L->m, args, i), consume);
}

static void builtin_call(Lin *L, uint32_t e)
{
	Node *n = N(e);
	List args = n->Call.args;
	int bk = builtin_kind(n->Call.name);
	if (n->Call.alloc)
		expr(L, n->Call.alloc, false);
	for (uint32_t i = 0; i < args.len; i++) {
		bool con;
		switch (bk) {
		case BI_ALLOC: case BI_FREE: case BI_DESTROY: case BI_VEC_FREE:
		case BI_STR_CONCAT: case BI_DROP_STRING: case BI_UNWRAP:
			con = true;
			break;
		case BI_VEC_PUSH: con = i == 1; break;
		case BI_VEC_SET: con = i == 2; break;
		default: con = false; break;
		}
		expr(L, LIST_AT(L->m, args, i), con);
	}
}

static void call(Lin *L, uint32_t e)
{
	Node *n = N(e);
	uint32_t fd = n->aux;
	List args = n->Call.args;
	if (!valid(L, fd) || (!n->Call.qual && builtin_kind(n->Call.name) == BI_DESTROY)) {
		builtin_call(L, e);
		return;
	}
	if (n->Call.alloc)
		expr(L, n->Call.alloc, false);
	int k = N(fd)->kind;
	if (k == NK_NewtypeDecl) {
		args_all(L, args, true);
		return;
	}
	if (k != NK_FnDecl) {        /* through a fn-pointer variable [REF] */
		Var *v = find(L, fd);
		if (v)
			read_var(L, v, n->span);
		args_all(L, args, true);
		return;
	}
	/* [REF] a static call `T::m(x)` consumes every bare argument */
	if (n->Call.qual && owner_of(L->c, fd)) {
		args_all(L, args, true);
		return;
	}
	List pl = N(fd)->FnDecl.params;
	for (uint32_t i = 0; i < args.len; i++) {
		uint32_t a = LIST_AT(L->m, args, i);
		if (i < pl.len)
			arg_for(L, a, N(LIST_AT(L->m, pl, i))->ty);
		else
			expr(L, a, true);
	}
}

static void method_call(Lin *L, uint32_t e)
{
	Node *n = N(e);
	uint32_t recv = n->MethodCall.recv, fd = n->aux;
	uint32_t fl = n->MethodCall.flags;
	List args = n->MethodCall.args;
	bool con = false;
	if (valid(L, fd) && N(fd)->kind == NK_FnDecl && N(fd)->FnDecl.params.len) {
		uint32_t self = LIST_AT(L->m, N(fd)->FnDecl.params, 0);
		uint32_t sf = N(self)->kind == NK_Param ? N(self)->Param.flags : 0;
		Var *v = ident_var(L, recv);
		if ((sf & FL_SELF_VALUE) && !(fl & FL_RECV_DEREF))
			con = true;
		else if ((sf & FL_SELF_MUT) && v && v->bref && !(fl & (FL_RECV_REF | FL_RECV_MUT)))
			con = true;
	}
	if (!valid(L, fd)) {     /* builtin Vec_m / String_m: by-value receivers */
		const char *nm = str_get(n->MethodCall.name);
		con = !strcmp(nm, "free") || !strcmp(nm, "drop") || !strcmp(nm, "concat");
	}
	expr(L, recv, con);
	args_all(L, args, true);
}

/* `match x` consumes x when its type, less one reference, is an enum. */
static bool scrut_consumes(Lin *L, uint32_t s)
{
	uint32_t t = N(s)->ty;
	Checker *c = L->c;
	if (!t || ty_is_err(c, t))
		return false;
	if (ty_at(c, t)->kind == TK_Ref)
		t = ty_at(c, t)->Ref.elem;
	return !ty_is_err(c, t) && ty_at(c, t)->kind == TK_Enum;
}

static bool is_newtype_ty(Lin *L, uint32_t t)
{
	return t && !ty_is_err(L->c, t) && tx_is_newtype(L->c, t);
}

static bool is_heap_ty(Lin *L, uint32_t t)
{
	return t && !ty_is_err(L->c, t) && ty_at(L->c, t)->kind == TK_Heap;
}

static void if_else(Lin *L, uint32_t cond, uint32_t then, uint32_t els, bool tail, Span sp);

static void expr(Lin *L, uint32_t e, bool consume)
{
	if (!valid(L, e) || L->c->depth >= MAX_DEPTH)
		return;
	L->c->depth++;
	Node *n = N(e);
	switch (n->kind) {
	case NK_Ident: ident(L, e, consume); break;
	case NK_Call: call(L, e); break;
	case NK_MethodCall: method_call(L, e); break;
	case NK_StructLit: case NK_VariantLit: {
		List in = n->kind == NK_StructLit ? n->StructLit.inits : n->VariantLit.inits;
		for (uint32_t i = 0; i < in.len; i++) {
			uint32_t f = LIST_AT(L->m, in, i);
			expr(L, N(f)->kind == NK_FieldInit ? N(f)->FieldInit.value : f, true);
		}
		break;
	}
	case NK_FieldInit: expr(L, n->FieldInit.value, true); break;
	case NK_FieldGet: {
		uint32_t b = n->FieldGet.base;
		expr(L, b, valid(L, b) && is_newtype_ty(L, N(b)->ty));
		break;
	}
	case NK_Index: expr(L, n->Index.base, false); expr(L, n->Index.index, false); break;
	case NK_Arrow: expr(L, n->Arrow.base, false); break;
	case NK_Try: expr(L, n->Try.expr, true); break;
	case NK_Cast: expr(L, n->Cast.expr, false); break;
	case NK_Unary: expr(L, n->Unary.expr, false); break;
	case NK_AddrOf: expr(L, n->AddrOf.expr, false); break;
	case NK_Deref: {
		uint32_t x = n->Deref.expr;
		expr(L, x, valid(L, x) && is_heap_ty(L, N(x)->ty));
		break;
	}
	case NK_Binary: expr(L, n->Binary.lhs, false); expr(L, n->Binary.rhs, false); break;
	case NK_Paren: expr(L, n->Paren.expr, false); break;
	case NK_ArrayLit: args_all(L, n->ArrayLit.elems, false); break;
	case NK_ArrayRepeat: expr(L, n->ArrayRepeat.elem, false); break;
	case NK_IfExpr:
		if_else(L, n->IfExpr.cond, n->IfExpr.then, n->IfExpr.els, true, n->span);
		break;
	case NK_Match: match_(L, e, true); break;
	case NK_While: loop_(L, e); break;
	case NK_Block: block(L, e, consume); break;
	default: break;          /* literals, paths */
	}
	L->c->depth--;
}

/* ---- branches (2.5) ---- */

typedef struct Snap {
	Var *v;
	uint32_t n;
} Snap;

static Snap snap(Lin *L)
{
	Snap s = { xcalloc(L->v.n + 1, sizeof(Var)), L->v.n };
	if (L->v.n)              /* memcpy from NULL is undefined even for 0 bytes */
		memcpy(s.v, L->v.v, L->v.n * sizeof(Var));
	return s;
}

static void restore(Lin *L, Snap s)
{
	L->v.n = s.n;
	if (s.n)
		memcpy(L->v.v, s.v, s.n * sizeof(Var));
}

/* The body of a branch: a block, or a bare expression / return arm. */
static void branch(Lin *L, uint32_t b, bool tail)
{
	if (!valid(L, b))
		return;
	if (N(b)->kind == NK_Block)
		block(L, b, tail);
	else if (N(b)->kind == NK_If || N(b)->kind == NK_Return || N(b)->kind == NK_Match
		|| N(b)->kind == NK_ExprStmt)
		stmt(L, b);
	else
		expr(L, b, tail);
}

static bool last_is_return(Lin *L, uint32_t b)
{
	if (!valid(L, b))
		return false;
	if (N(b)->kind == NK_Return)
		return true;
	if (N(b)->kind != NK_Block || !N(b)->Block.stmts.len)
		return false;
	List sl = N(b)->Block.stmts;
	uint32_t s = LIST_AT(L->m, sl, sl.len - 1);
	return valid(L, s) && N(s)->kind == NK_Return;
}

static bool linear_live(Var *v)
{
	return !v->dead && !v->copy;
}

static void if_else(Lin *L, uint32_t cond, uint32_t then, uint32_t els, bool tail, Span sp)
{
	(void)sp;
	expr(L, cond, false);
	Snap s0 = snap(L);
	branch(L, then, tail);
	if (!els) {
		/* if without else: unless the branch returns, consuming an
		 * outer linear variable is E0213; then back to S0 [REF] */
		if (!last_is_return(L, then) && !L->errors)
			for (uint32_t i = 0; i < s0.n; i++) {
				Var *a = &s0.v[i], *b = &L->v.v[i];
				if (!linear_live(a) || a->state == VS_CONSUMED || b->state != VS_CONSUMED)
					continue;
				Diag *dg = lerr(L, CD_IF_NOELSE, b->at, str_get(b->name));
				diag_note(dg, b->at, "'%s' is consumed here, only when the condition holds",
					str_get(b->name));
				diag_hint(dg, "add an else branch that also consumes '%s', or end this branch with return",
					str_get(b->name));
				break;
			}
		restore(L, s0);
		free(s0.v);
		return;
	}
	Snap s1 = snap(L);
	restore(L, s0);
	branch(L, els, tail);
	bool told = L->errors != 0;
	for (uint32_t i = 0; i < s0.n; i++) {
		Var *a = &s0.v[i], *b1 = &s1.v[i], *b2 = &L->v.v[i];
		if (!linear_live(a))
			continue;
		bool c1 = b1->state == VS_CONSUMED, c2 = b2->state == VS_CONSUMED;
		if (c1 != c2 && !told) {
			told = true;
			Var *w = c1 ? b1 : b2;
			Diag *dg = lerr(L, CD_BRANCH_DISAGREE, w->at, str_get(a->name));
			diag_note(dg, w->at, "'%s' is consumed here, in the %s branch only",
				str_get(a->name), c1 ? "then" : "else");
			diag_hint(dg, "consume '%s' in both branches, or in neither", str_get(a->name));
		}
		if (c1 && c2)
			continue;
		if (b1->state == VS_USED || b2->state == VS_USED)
			b2->state = VS_USED;
		else
			b2->state = a->state;
	}
	free(s0.v);
	free(s1.v);
}

static void declare_bind(Lin *L, uint32_t pb)
{
	if (!valid(L, pb) || N(pb)->kind != NK_PatBind || !strcmp(str_get(N(pb)->PatBind.name), "_"))
		return;
	declare(L, pb, N(pb)->PatBind.name, N(pb)->ty);
}

static void arm_binds(Lin *L, uint32_t pat)
{
	if (!valid(L, pat))
		return;
	if (N(pat)->kind == NK_PatBind) {
		declare_bind(L, pat);
	} else if (N(pat)->kind == NK_PatVariant) {
		List b = N(pat)->PatVariant.binds;
		for (uint32_t i = 0; i < b.len; i++)
			declare_bind(L, LIST_AT(L->m, b, i));
	}
}

static void match_(Lin *L, uint32_t mt, bool tail)
{
	Node *n = N(mt);
	uint32_t scrut = n->Match.scrut;
	bool is_expr = tail || (n->Match.flags & FL_EXPR);
	List arms = n->Match.arms;
	expr(L, scrut, valid(L, scrut) && scrut_consumes(L, scrut));
	Snap s0 = snap(L), first = { NULL, 0 };
	bool told = L->errors != 0;
	for (uint32_t i = 0; i < arms.len; i++) {
		uint32_t a = LIST_AT(L->m, arms, i);
		if (!valid(L, a) || N(a)->kind != NK_Arm)
			continue;
		if (first.v)
			restore(L, s0);
		arm_binds(L, N(a)->Arm.pat);
		branch(L, N(a)->Arm.body, is_expr);
		if (!first.v) {
			first = snap(L);
			continue;
		}
		for (uint32_t k = 0; k < s0.n && !told; k++) {
			Var *o = &s0.v[k], *f = &first.v[k], *b = &L->v.v[k];
			if (!linear_live(o))
				continue;
			if ((f->state == VS_CONSUMED) == (b->state == VS_CONSUMED))
				continue;
			told = true;
			Var *w = f->state == VS_CONSUMED ? f : b;
			Diag *dg = lerr(L, CD_ARMS_DISAGREE, N(a)->span, str_get(o->name));
			diag_note(dg, w->at, "'%s' is consumed here, in one arm only", str_get(o->name));
			diag_hint(dg, "consume '%s' in every arm, or in none", str_get(o->name));
		}
	}
	/* the last arm's environment, with the first arm's states [REF] */
	if (first.v)
		for (uint32_t k = 0; k < s0.n; k++)
			if (!L->v.v[k].copy)
				L->v.v[k].state = first.v[k].state, L->v.v[k].at = first.v[k].at;
	free(s0.v);
	free(first.v);
}

/* ---- loops (2.6) ---- */

static void loop_(Lin *L, uint32_t w)
{
	Node *n = N(w);
	if (n->kind == NK_While) {
		uint32_t body = n->While.body, els = n->While.els;
		bool is_expr = (n->While.flags & FL_EXPR) != 0;
		expr(L, n->While.cond, false);
		L->depth++;
		block(L, body, false);
		L->depth--;
		if (is_expr && els)
			block(L, els, true);
		return;
	}
	uint32_t body = n->For.body, step = n->For.step;
	if (n->For.init)
		stmt(L, n->For.init);
	expr(L, N(w)->For.cond, false);
	L->depth++;
	block(L, body, false);
	if (step)
		stmt(L, step);
	L->depth--;
}

static void break_(Lin *L, uint32_t s, bool is_break)
{
	if (is_break)
		expr(L, N(s)->Break.value, false);
	if (L->errors)
		return;
	for (uint32_t i = 0; i < L->v.n; i++) {
		Var *v = &L->v.v[i];
		if (!linear_live(v) || v->depth < L->depth || !L->depth)
			continue;
		if (v->state == VS_CONSUMED || v->state == VS_RESERVED || v->state == VS_FROZEN)
			continue;
		Diag *dg = lerr(L, is_break ? CD_BREAK_SKIPS : CD_CONT_SKIPS, N(s)->span, str_get(v->name));
		diag_note(dg, N(v->decl)->span, "'%s' is declared here, inside the loop", str_get(v->name));
		diag_hint(dg, "consume '%s' before the %s (pass it to a function, return it, or use destroy())",
			str_get(v->name), is_break ? "break" : "continue");
		return;
	}
}

/* ---- statements ---- */

static void let_(Lin *L, uint32_t s)
{
	Node *n = N(s);
	uint32_t val = n->Let.value;
	expr(L, val, false);      /* `let y = x;` only uses x [REF] */
	uint32_t idx = declare(L, s, N(s)->Let.name, N(s)->ty);
	/* a named reference `let r = &x;` (4.3) */
	if (valid(L, val) && N(val)->kind == NK_AddrOf) {
		Var *x = ident_var(L, N(val)->AddrOf.expr);
		if (x && !x->copy)
			L->v.v[idx].borrows = (uint32_t)(x - L->v.v) + 1;
	}
}

static void let_struct(Lin *L, uint32_t s)
{
	Node *n = N(s);
	uint32_t val = n->LetStruct.value;
	expr(L, val, false);
	/* [REF] rewritten to `let __destr_S = e; let a = __destr_S.a; ...` */
	Str tmp = str_internz(arena_printf("__destr_%s", str_get(n->LetStruct.tname)));
	uint32_t idx = declare(L, s, tmp, valid(L, val) ? N(val)->ty : 0);
	L->v.v[idx].state = VS_USED;
	List b = N(s)->LetStruct.binds;
	for (uint32_t i = 0; i < b.len; i++)
		declare_bind(L, LIST_AT(L->m, b, i));
}

static void let_variant(Lin *L, uint32_t s)
{
	Node *n = N(s);
	uint32_t val = n->LetVariant.value, els = n->LetVariant.els;
	expr(L, val, valid(L, val) && scrut_consumes(L, val));
	if (els) {     /* the else block diverges: its effects never flow on */
		Snap s0 = snap(L);
		block(L, els, false);
		restore(L, s0);
		free(s0.v);
	}
	List b = N(s)->LetVariant.binds;
	for (uint32_t i = 0; i < b.len; i++)
		declare_bind(L, LIST_AT(L->m, b, i));
}

static void assign(Lin *L, uint32_t s)
{
	Node *n = N(s);
	uint32_t tgt = n->Assign.target;
	expr(L, n->Assign.value, false);      /* [LENIENT] a read */
	if (!valid(L, tgt))
		return;
	Node *tn = N(tgt);
	switch (tn->kind) {
	case NK_Ident: {
		Var *v = ident_var(L, tgt);
		if (!v || v->copy || v->state == VS_FROZEN)
			return;
		Diag *dg = lerr(L, CD_REASSIGN_LINEAR, tn->span, str_get(v->name));
		diag_note(dg, N(v->decl)->span, "'%s' is declared here; one binding holds one resource",
			str_get(v->name));
		diag_hint(dg, "consume the old value and bind the new one with a new let");
		return;
	}
	case NK_Deref: expr(L, tn->Deref.expr, false); return;
	case NK_FieldGet: expr(L, tn->FieldGet.base, false); return;
	default: expr(L, tgt, false); return;
	}
}

static void defer_(Lin *L, uint32_t s)
{
	uint32_t call_ = N(s)->Defer.call;
	if (!valid(L, call_))
		return;
	expr(L, call_, false);
	if (N(call_)->kind != NK_Call)
		return;
	/* 3.3: every bare argument the call consumed is reserved instead */
	List args = N(call_)->Call.args;
	for (uint32_t i = 0; i < args.len; i++) {
		uint32_t a = LIST_AT(L->m, args, i);
		Var *v = ident_var(L, a);
		if (v && !v->copy && v->state == VS_CONSUMED && v->at.line == N(a)->span.line
			&& v->at.col == N(a)->span.col)
			set_state(L, v, VS_RESERVED, N(s)->span);
	}
}

static void borrow_(Lin *L, uint32_t s)
{
	Node *n = N(s);
	Var *o = find(L, n->aux);
	uint32_t oi = o ? (uint32_t)(o - L->v.v) : 0;
	if (o && !o->copy && o->state == VS_CONSUMED) {
		Diag *dg = lerr(L, CD_BORROW_MOVED, n->span, str_get(o->name));
		note_moved(dg, o);
		diag_hint(dg, "borrow '%s' before it is moved", str_get(o->name));
		o = NULL;
	}
	uint8_t saved = o ? o->state : 0;
	if (o)
		o->state = VS_FROZEN;
	uint32_t r = declare(L, s, n->Borrow.ref, n->ty);
	L->v.v[r].bref = true;
	block(L, n->Borrow.body, false);
	L->v.v[r].dead = true;
	if (o)
		L->v.v[oi].state = saved;
}

static void stmt(Lin *L, uint32_t s)
{
	if (!valid(L, s))
		return;
	Node *n = N(s);
	switch (n->kind) {
	case NK_Let: let_(L, s); break;
	case NK_LetStruct: let_struct(L, s); break;
	case NK_LetVariant: let_variant(L, s); break;
	case NK_Return: expr(L, n->Return.value, true); break;
	case NK_If: if_else(L, n->If.cond, n->If.then, n->If.els, false, n->span); break;
	case NK_While: case NK_For: loop_(L, s); break;
	case NK_Match: match_(L, s, false); break;
	case NK_Break: break_(L, s, true); break;
	case NK_Continue: break_(L, s, false); break;
	case NK_Assign: assign(L, s); break;
	case NK_ExprStmt: expr(L, n->ExprStmt.expr, false); break;
	case NK_Defer: defer_(L, s); break;
	case NK_Borrow: borrow_(L, s); break;
	case NK_Block: block(L, s, false); break;
	default: expr(L, s, false); break;
	}
}

/* tail: the block is the value of an if-expression branch or match arm,
 * whose last expression is consumed (2.3). */
static void block(Lin *L, uint32_t b, bool tail)
{
	if (!valid(L, b) || N(b)->kind != NK_Block)
		return;
	List sl = N(b)->Block.stmts;
	for (uint32_t i = 0; i < sl.len; i++) {
		uint32_t s = LIST_AT(L->m, sl, i);
		if (tail && i + 1 == sl.len && valid(L, s) && N(s)->kind == NK_ExprStmt)
			expr(L, N(s)->ExprStmt.expr, true);
		else if (tail && i + 1 == sl.len && valid(L, s) && N(s)->kind == NK_Match)
			match_(L, s, true);
		else
			stmt(L, s);
	}
}

/* ---- the leak check (2.4) ---- */

static void leak_check(Lin *L)
{
	for (uint32_t i = L->v.n; i-- > 0;) {
		Var *v = &L->v.v[i];
		if (!linear_live(v) || v->bref)
			continue;
		if (v->param ? !(v->generic && v->state == VS_UNCONSUMED)
			: (v->state == VS_CONSUMED || v->state == VS_RESERVED))
			continue;
		Diag *dg = lerr(L, CD_NEVER_CONSUMED, N(v->decl)->span, str_get(v->name));
		diag_note(dg, N(v->decl)->span, "'%s' is declared here and still owned at the end of the function",
			str_get(v->name));
		diag_hint(dg, "pass it to a function, return it, or use destroy()");
		return;      /* [REF] only the most recently declared one */
	}
}

void check_linear(Checker *c, uint32_t fd, bool leaks)
{
	Lin L;
	memset(&L, 0, sizeof L);
	L.c = c;
	L.m = c->m;
	List pl = NODE_AT(c->m, fd)->FnDecl.params;
	for (uint32_t i = 0; i < pl.len; i++) {
		uint32_t p = LIST_AT(c->m, pl, i);
		if (NODE_AT(c->m, p)->kind != NK_Param)
			continue;
		uint32_t k = declare(&L, p, NODE_AT(c->m, p)->Param.name, NODE_AT(c->m, p)->ty);
		L.v.v[k].param = true;
		L.v.v[k].generic = ty_has_param(c, NODE_AT(c->m, p)->ty);
	}
	block(&L, NODE_AT(c->m, fd)->FnDecl.body, false);
	if (leaks && !L.errors)
		leak_check(&L);
	free(L.v.v);
}
