/* stmt.c: statements, blocks, loops and match (LANGUAGE.md 2.12, 5.8-5.11). */
#include <string.h>

#include "check.h"

static int kind_of(Checker *c, uint32_t t)
{
	return ty_is_err(c, t) ? TK_Error : ty_at(c, t)->kind;
}

static void malformed(Checker *c, uint32_t s, const char *where)
{
	Node *n = NODE_AT(c->m, s);
	cerr(c, CD_MALFORMED, n->span, arena_printf("%s node where %s was expected",
		n->kind < NK_COUNT ? node_kind_names[n->kind] : "unknown", where));
}

static bool valid(Checker *c, uint32_t i)
{
	return i && i < c->m->nodes.n;
}

/* An expression in statement position: print/println are allowed only
 * here (BUILTINS.md 3.1). */
static uint32_t check_expr_stmt(Checker *c, uint32_t x, uint32_t expect)
{
	if (valid(c, x) && NODE_AT(c->m, x)->kind == NK_Call && c->depth < MAX_DEPTH) {
		c->depth++;
		uint32_t t = check_call(c, x, expect, true);
		c->depth--;
		NODE_AT(c->m, x)->ty = t;
		return t;
	}
	return check_expr(c, x, expect);
}

/* Condition of a statement `if`, `while` or `for` (CHECKS.md 7.8). */
static void check_cond(Checker *c, uint32_t cond, const char *what)
{
	uint32_t t = check_expr(c, cond, c->t_bool);
	if (!ty_is_err(c, t) && t != c->t_bool)
		cerr(c, what[0] == 'i' ? CD_COND_STMT : CD_COND_WHILE,
			NODE_AT(c->m, cond)->span, what, tname(c, t));
}

uint32_t check_block(Checker *c, uint32_t blk, uint32_t expect, bool value)
{
	Module *m = c->m;
	if (!valid(c, blk) || NODE_AT(m, blk)->kind != NK_Block) {
		if (valid(c, blk))
			malformed(c, blk, "a block");
		return c->t_err;
	}
	uint32_t saved = c->locals.n;
	List sl = NODE_AT(m, blk)->Block.stmts;
	uint32_t t = c->t_unit;
	for (uint32_t i = 0; i < sl.len; i++) {
		uint32_t s = LIST_AT(m, sl, i);
		if (!value || i + 1 < sl.len || !valid(c, s)) {
			check_stmt(c, s);
			continue;
		}
		/* The value of an expression block is its last statement
		 * (LANGUAGE.md 2.12). */
		Node *n = NODE_AT(m, s);
		switch (n->kind) {
		case NK_ExprStmt:
			t = check_expr_stmt(c, n->ExprStmt.expr, expect);
			NODE_AT(m, s)->ty = t;
			break;
		case NK_Return:
			check_stmt(c, s);
			t = c->t_never;
			break;
		case NK_Match:
			NODE_AT(m, s)->Match.flags |= FL_EXPR;
			t = check_match(c, s, expect);
			NODE_AT(m, s)->ty = t;
			break;
		default:
			check_stmt(c, s);
			break;
		}
	}
	c->locals.n = saved;
	NODE_AT(m, blk)->ty = t;
	return t;
}

static void check_let(Checker *c, uint32_t s)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, s);
	Str name = n->Let.name;
	Span sp = n->span;
	uint32_t tn = n->Let.type, val = n->Let.value;
	uint32_t t;
	if (tn) {
		t = resolve_type(c, tn);
		expect_type(c, val, t, sp, arena_printf("let binding '%s'", str_get(name)));
	} else {
		t = check_expr(c, val, 0);
	}
	/* A failed let still declares its variable so later uses do not
	 * cascade (CHECKS.md 1). */
	NODE_AT(m, s)->ty = t;
	scope_push(c, name, s);
}

static void check_return(Checker *c, uint32_t s)
{
	Node *n = NODE_AT(c->m, s);
	if (n->Return.value) {
		expect_type(c, n->Return.value, c->ret, n->span, "return value");
		return;
	}
	if (!ty_is_err(c, c->ret) && c->ret != c->t_unit)
		cerr(c, CD_MISMATCH, n->span, "return (void)", "()", tname(c, c->ret));
}

static void check_if(Checker *c, uint32_t s)
{
	Node *n = NODE_AT(c->m, s);
	uint32_t th = n->If.then, el = n->If.els;
	check_cond(c, n->If.cond, "if");
	check_block(c, th, 0, false);
	if (!el)
		return;
	if (valid(c, el) && NODE_AT(c->m, el)->kind == NK_If)
		check_stmt(c, el);
	else
		check_block(c, el, 0, false);
}

static void push_loop(Checker *c, uint32_t node, Str label, bool is_expr, uint32_t expect)
{
	Loop l = { node, label, is_expr, expect, 0 };
	vec_push(c->loops, l);
}

uint32_t check_while(Checker *c, uint32_t w, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, w);
	bool is_expr = (n->While.flags & FL_EXPR) != 0;
	uint32_t body = n->While.body, els = n->While.els;
	check_cond(c, n->While.cond, "while");
	push_loop(c, w, NODE_AT(m, w)->While.label, is_expr, expect);
	check_block(c, body, 0, false);
	uint32_t bt = c->loops.v[--c->loops.n].break_ty;
	if (!is_expr) {
		if (els)
			check_block(c, els, 0, false);
		return c->t_unit;
	}
	if (!els) {
		cerr(c, CD_MALFORMED, NODE_AT(m, w)->span, "while-expression without else");
		return c->t_err;
	}
	uint32_t et = check_block(c, els, expect, true);
	if (!bt || kind_of(c, bt) == TK_Never)
		return et;
	if (kind_of(c, et) == TK_Never || ty_is_err(c, et))
		return bt;
	if (!ty_is_err(c, bt) && bt != et) {
		cerr(c, CD_WHILE_ELSE, NODE_AT(m, w)->span, tname(c, bt), tname(c, et));
		return c->t_err;
	}
	return et;
}

static void check_for(Checker *c, uint32_t s)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, s);
	uint32_t init = n->For.init, cond = n->For.cond, step = n->For.step, body = n->For.body;
	uint32_t saved = c->locals.n;
	if (init)
		check_stmt(c, init);
	if (cond)
		check_cond(c, cond, "for");
	push_loop(c, s, NODE_AT(m, s)->For.label, false, 0);
	check_block(c, body, 0, false);
	/* `continue` jumps to the step, so the step is inside the loop. */
	if (step) {
		int sk = valid(c, step) ? NODE_AT(m, step)->kind : NK_None;
		if (sk == NK_Assign || sk == NK_ExprStmt)
			check_stmt(c, step);
		else
			check_expr_stmt(c, step, 0);
	}
	c->loops.n--;
	c->locals.n = saved;
}

static void check_break(Checker *c, uint32_t s, bool is_break)
{
	Node *n = NODE_AT(c->m, s);
	Str label = is_break ? n->Break.label : n->Continue.label;
	uint32_t val = is_break ? n->Break.value : 0;
	Span sp = n->span;
	Loop *l = loop_find(c, label);
	if (!c->loops.n)
		cerr(c, is_break ? CD_BREAK_OUTSIDE : CD_CONT_OUTSIDE, sp);
	else if (!l)
		cerr(c, CD_UNKNOWN_LABEL, sp, str_get(label));
	if (l)
		NODE_AT(c->m, s)->aux = l->node;
	if (!val)
		return;
	uint32_t li = l ? (uint32_t)(l - c->loops.v) : 0;
	uint32_t t = check_expr(c, val, l && l->is_expr ? l->expect : 0);
	/* [REF] a value on a statement loop's break is evaluated and dropped. */
	if (!l || !c->loops.v[li].is_expr || ty_is_err(c, t))
		return;
	l = &c->loops.v[li];
	if (!l->break_ty || kind_of(c, l->break_ty) == TK_Never)
		l->break_ty = t;
	else if (kind_of(c, t) != TK_Never && t != l->break_ty)
		cerr(c, CD_BREAK_TYPE, sp, tname(c, t), tname(c, l->break_ty));
}

static void check_assign(Checker *c, uint32_t s)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, s);
	uint32_t tgt = n->Assign.target, val = n->Assign.value;
	Span sp = n->span;
	if (!valid(c, tgt)) {
		cerr(c, CD_MALFORMED, sp, "assignment without target");
		return;
	}
	Node *tn = NODE_AT(m, tgt);
	const char *ctx = NULL;
	switch (tn->kind) {
	case NK_Ident: {
		Str name = tn->Ident.name;
		/* CHECKS.md L13: the assignment's own message (it still contains
		 * R1's "undeclared variable"). */
		if (!scope_find(c, name) && !FIND_CONST(c, name) && !FIND_FN(c, name)) {
			if (reported_once(c, name))
				cerr(c, CD_ASSIGN_UNDECL, tn->span, str_get(name));
			check_expr(c, val, 0);
			return;
		}
		uint32_t t = check_expr(c, tgt, 0);
		uint32_t d = NODE_AT(m, tgt)->aux;
		int dk = valid(c, d) ? NODE_AT(m, d)->kind : NK_None;
		if ((dk == NK_Let && !(NODE_AT(m, d)->Let.flags & FL_MUT)) || dk == NK_PatBind
			|| dk == NK_Borrow)
			cerr(c, CD_ASSIGN_IMMUT, tn->span, str_get(name));
		else if (dk == NK_ConstDecl || dk == NK_FnDecl)
			cerr(c, CD_ASSIGN_NONVAR, tn->span,
				dk == NK_ConstDecl ? "constant" : "function", str_get(name));
		ctx = arena_printf("assignment to '%s'", str_get(name));
		expect_type(c, val, t, sp, ctx);
		return;
	}
	case NK_FieldGet: {
		uint32_t t = check_expr(c, tgt, 0);
		uint32_t bt = NODE_AT(m, NODE_AT(m, tgt)->FieldGet.base)->ty;
		if (kind_of(c, bt) == TK_Ref)
			bt = ty_at(c, bt)->Ref.elem;
		const char *sn = kind_of(c, bt) == TK_Struct ? str_get(ty_at(c, bt)->Struct.name) : "?";
		ctx = arena_printf("field assignment '%s.%s'", sn,
			str_get(NODE_AT(m, tgt)->FieldGet.name));
		expect_type(c, val, t, sp, ctx);
		return;
	}
	case NK_Index:
		expect_type(c, val, check_expr(c, tgt, 0), sp, "array element assignment");
		return;
	case NK_Deref: {
		uint32_t t = check_expr(c, tgt, 0);
		uint32_t rt = NODE_AT(m, NODE_AT(m, tgt)->Deref.expr)->ty;
		int rk = kind_of(c, rt);
		/* `*e = v` needs &mut T or *mut T (CHECKS.md 4.5); not a Heap<T> */
		if ((rk == TK_Ref && !ty_at(c, rt)->Ref.mut) || (rk == TK_Ptr && !ty_at(c, rt)->Ptr.mut)
			|| rk == TK_Heap)
			cerr(c, CD_ASSIGN_THRU_REF, sp, tname(c, rt));
		expect_type(c, val, t, sp, "deref assignment");
		return;
	}
	case NK_Arrow: {
		uint32_t t = check_arrow(c, tgt, true);   /* builtins.c */
		expect_type(c, val, t, sp, arena_printf("heap field assignment '->%s'",
			str_get(NODE_AT(m, tgt)->Arrow.name)));
		return;
	}
	default:
		cerr(c, CD_NOT_PLACE, sp);
		break;
	}
	check_expr(c, val, 0);
}

void check_stmt(Checker *c, uint32_t s)
{
	Module *m = c->m;
	if (!valid(c, s)) {
		cerr(c, CD_MALFORMED, (Span){ 0 }, "missing statement");
		return;
	}
	if (c->depth >= MAX_DEPTH) {
		cerr(c, CD_TOO_DEEP, NODE_AT(m, s)->span);
		return;
	}
	c->depth++;
	Node *n = NODE_AT(m, s);
	switch (n->kind) {
	case NK_Let: check_let(c, s); break;
	case NK_Return: check_return(c, s); break;
	case NK_If: check_if(c, s); break;
	case NK_While: n->ty = check_while(c, s, 0); break;
	case NK_For: check_for(c, s); break;
	case NK_Match: check_match(c, s, 0); break;
	case NK_Break: check_break(c, s, true); break;
	case NK_Continue: check_break(c, s, false); break;
	case NK_Assign: check_assign(c, s); break;
	case NK_ExprStmt: {
		uint32_t t = check_expr_stmt(c, n->ExprStmt.expr, 0);
		NODE_AT(m, s)->ty = t;
		break;
	}
	case NK_LetStruct: check_let_struct(c, s); break;      /* enums.c */
	case NK_LetVariant: check_let_variant(c, s); break;
	case NK_Defer: check_defer(c, s); break;
	case NK_Borrow: check_borrow(c, s); break;      /* borrow.c */
	default:
		malformed(c, s, "a statement");
		break;
	}
	c->depth--;
}

/* ---- match on integers, chars and bools ---- */

static bool is_wildcard(Str name)
{
	return !strcmp(str_get(name), "_");
}

/* Type of an arm body: a block by the expression-block rule, `return` is
 * never, a bare expression its own type (LANGUAGE.md 5.11). */
/* Records arm a's type at and checks it against the first arm's (CHECKS.md
 * 7.6); never and error types do not take part. */
void arm_type_agree(Checker *c, uint32_t a, uint32_t at, uint32_t *first)
{
	NODE_AT(c->m, a)->ty = at;
	if (ty_is_err(c, at) || kind_of(c, at) == TK_Never)
		return;
	if (!*first)
		*first = at;
	else if (at != *first)
		cerr(c, CD_ARM_TYPE, NODE_AT(c->m, a)->span, tname(c, at), tname(c, *first));
}

uint32_t check_arm_body(Checker *c, uint32_t body, uint32_t expect, bool is_expr)
{
	if (!valid(c, body))
		return c->t_err;
	switch (NODE_AT(c->m, body)->kind) {
	case NK_Block:
		return check_block(c, body, expect, true);
	case NK_Return:
		check_stmt(c, body);
		return c->t_never;
	default:
		return is_expr ? check_expr(c, body, expect) : check_expr_stmt(c, body, expect);
	}
}

static bool check_pattern(Checker *c, uint32_t pat, uint32_t st, bool *has_true, bool *has_false)
{
	Module *m = c->m;
	Node *p = NODE_AT(m, pat);
	int sk = kind_of(c, st);
	switch (p->kind) {
	case NK_PatInt:
		if (sk != TK_Error && sk != TK_Int && sk != TK_Char)
			cerr(c, CD_MATCH_PAT, p->span, "integer", tname(c, st));
		p->ty = st;
		return false;
	case NK_PatBool:
		if (sk != TK_Error && sk != TK_Bool)
			cerr(c, CD_MATCH_PAT, p->span, "bool", tname(c, st));
		*(p->PatBool.value ? has_true : has_false) = true;
		p->ty = st;
		return false;
	case NK_PatBind:
		p->ty = st;
		/* A named catch-all binds the scrutinee value for its arm. */
		if (!is_wildcard(p->PatBind.name))
			scope_push(c, p->PatBind.name, pat);
		return true;
	case NK_PatVariant:     /* enum scrutinees went to check_match_enum */
		if (sk != TK_Error)
			cerr(c, CD_MATCH_OTHER_ENUM, p->span, str_get(p->PatVariant.ename), tname(c, st));
		p->ty = c->t_err;
		return true;
	default:
		malformed(c, pat, "a pattern");
		return true;
	}
}

uint32_t check_match(Checker *c, uint32_t mt, uint32_t expect)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, mt);
	bool is_expr = (n->Match.flags & FL_EXPR) != 0;
	Span sp = n->span;
	List arms = n->Match.arms;
	uint32_t st = check_expr(c, n->Match.scrut, 0);
	if (enum_scrut_type(c, st))
		return check_match_enum(c, mt, st, expect);    /* enums.c */
	int sk = kind_of(c, st);
	/* CHECKS.md 7.6: one & is stripped before the named-type test. */
	uint32_t named = sk == TK_Ref ? ty_at(c, st)->Ref.elem : st;
	if (kind_of(c, named) == TK_Struct)
		cerr(c, CD_UNKNOWN_ENUM, sp, str_get(ty_at(c, named)->Struct.name));
	else if (sk != TK_Error && sk != TK_Int && sk != TK_Char && sk != TK_Bool)
		cerr(c, CD_MATCH_SCRUT, sp, tname(c, st));
	bool ok_scrut = sk == TK_Int || sk == TK_Char || sk == TK_Bool;
	bool catch_all = false, has_true = false, has_false = false;
	uint32_t first = 0;
	for (uint32_t i = 0; i < arms.len; i++) {
		uint32_t a = LIST_AT(m, arms, i);
		if (!valid(c, a) || NODE_AT(m, a)->kind != NK_Arm) {
			if (valid(c, a))
				malformed(c, a, "a match arm");
			continue;
		}
		uint32_t saved = c->locals.n;
		uint32_t pat = NODE_AT(m, a)->Arm.pat, body = NODE_AT(m, a)->Arm.body;
		if (valid(c, pat))
			catch_all |= check_pattern(c, pat, ok_scrut ? st : c->t_err, &has_true, &has_false);
		uint32_t at = check_arm_body(c, body, expect, is_expr);
		c->locals.n = saved;
		arm_type_agree(c, a, at, &first);
	}
	if (ok_scrut && !catch_all && !(sk == TK_Bool && has_true && has_false))
		cerr(c, CD_MATCH_NONEXH, sp);
	uint32_t t = first ? first : c->t_never;
	NODE_AT(m, mt)->ty = is_expr ? t : c->t_unit;
	return t;
}
