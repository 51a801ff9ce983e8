/* lower.c: checked AST -> IR (basic blocks of typed instructions).
 *
 * Every local and parameter lives in an entry-block IAlloca and every
 * expression-valued construct (if/match/while-else, &&, ||) goes through a
 * stack slot, so the IR needs no phis; LLVM's mem2reg builds them.
 * Aggregates are first-class values (loaded/stored whole); lvalues are
 * lowered to addresses so field and element assignment write in place. */
#include "lower.h"
#include <stdlib.h>
#include <string.h>



/* ---- types ---- */


/* Copy checked type t into the IR module (memoised; structs get an IrStruct). */
uint32_t tcopy(L *l, uint32_t t)
{
	if (!t || t >= l->m->types.n)
		return 0;
	uint32_t mt = mono_type(l, t);     /* mono.c: instance parameters */
	if (mt)
		return mt;
	if (l->tmap[t])
		return l->tmap[t];
	if (TYPE_AT(l->m, t)->kind == TK_Enum)
		return enum_tcopy(l, t);       /* match.c: ABI.md 4 layout */
	Type ty = *TYPE_AT(l->m, t);
	switch (ty.kind) {
	case TK_String: case TK_Vec:   /* %struct.String / %struct.Vec (builtins.c) */
		return l->tmap[t] = lower_hdr_type(l, ty.kind);
	case TK_Ref: case TK_Ptr: case TK_Heap:
		ty.Ptr.elem = tcopy(l, ty.Ptr.elem);
		break;
	case TK_Array:
		ty.Array.elem = tcopy(l, ty.Array.elem);
		break;
	case TK_Fn: {
		Type src = ty;
		copy_list_types(l, src.Fn.params, &ty.Fn.params);
		uint32_t caps[src.Fn.caps.len + 1];
		for (uint32_t i = 0; i < src.Fn.caps.len; i++)
			caps[i] = LIST_AT(l->m, src.Fn.caps, i);
		ty.Fn.caps = list_make(l->o, caps, src.Fn.caps.len);
		ty.Fn.ret = tcopy(l, src.Fn.ret);
		break;
	}
	case TK_Struct: case TK_Enum: {
		Type src = ty;
		copy_list_types(l, src.Struct.args, &ty.Struct.args);
		uint32_t decl = src.Struct.decl;
		ty.Struct.decl = 0;
		if (ty.kind == TK_Struct && decl && decl < l->m->nodes.n
			&& NODE_AT(l->m, decl)->kind == NK_NewtypeDecl) {
			/* Newtypes are erased to their representation (ABI.md 3). */
			uint32_t it = lt_newtype_inner(l, t);
			l->tmap[t] = it;
			return it;
		}
		if (ty.kind == TK_Struct && decl && NODE_AT(l->m, decl)->kind == NK_StructDecl) {
			/* The IrStruct exists before its field types are copied so that
			 * a struct reached again through a pointer field terminates. */
			uint32_t s = node_new(l->o, NK_IrStruct, NODE_AT(l->m, decl)->span);
			ty.Struct.decl = s;
			ty.Struct.name = mono_struct_name(l, t);      /* Pair_Int */
			uint32_t it = type_intern(l->o, &ty);
			l->tmap[t] = it;
			NODE_AT(l->o, s)->ty = it;
			NODE_AT(l->o, s)->IrStruct.name = ty.Struct.name;
			NODE_AT(l->o, s)->IrStruct.flags = NODE_AT(l->m, decl)->StructDecl.flags;
			NODE_AT(l->o, s)->IrStruct.align = layout_repr_align(l->m, NODE_AT(l->m, decl)->StructDecl.attrs);
			List fl = NODE_AT(l->m, decl)->StructDecl.fields;
			uint32_t ft[fl.len + 1];
			for (uint32_t i = 0; i < fl.len; i++)
				ft[i] = mono_field_type(l, t, NODE_AT(l->m, LIST_AT(l->m, fl, i))->ty);
			List fields = list_make(l->o, ft, fl.len);
			NODE_AT(l->o, s)->IrStruct.fields = fields;
			vec_push(l->structs, s);
			postmono_check_copy(l, t);     /* postmono.c: CHECKS.md 8.2 */
			return it;
		}
		break;
	}
	default:
		break;
	}
	uint32_t it = type_intern(l->o, &ty);
	l->tmap[t] = it;
	return it;
}

uint32_t copy_list_types(L *l, List src, List *dst)
{
	uint32_t v[src.len + 1];
	for (uint32_t i = 0; i < src.len; i++)
		v[i] = tcopy(l, LIST_AT(l->m, src, i));
	*dst = list_make(l->o, v, src.len);
	return src.len;
}

TypeKind okind(L *l, uint32_t t) { return t ? TYPE_AT(l->o, t)->kind : TK_Unit; }
bool is_void(L *l, uint32_t t) { TypeKind k = okind(l, t); return k == TK_Unit || k == TK_Never; }
uint32_t t_bool(L *l) { return ty_simple(l->o, TK_Bool); }
uint32_t t_i64(L *l) { return ty_int(l->o, 64, true); }
uint32_t t_ptr(L *l, uint32_t elem) { return ty_ptr_to(l->o, elem, true); }

uint32_t t_fn(L *l, const uint32_t *params, uint32_t n, uint32_t ret)
{
	Type t = {.kind = TK_Fn};
	t.Fn.params = list_make(l->o, params, n);
	t.Fn.ret = ret;
	return type_intern(l->o, &t);
}

/* ---- blocks and instructions ---- */

uint32_t new_block(L *l)
{
	Blk b = {0};
	b.id = node_new(l->o, NK_IrBlock, l->span);
	vec_push(l->blks, b);
	return l->blks.n - 1;
}

uint32_t emit(L *l, NodeKind k, uint32_t ty)
{
	uint32_t n = node_new(l->o, k, l->span);
	NODE_AT(l->o, n)->ty = ty;
	Blk *b = &l->blks.v[l->cur];
	if (b->done) {
		/* Code after a terminator (after return/break/abort) is dead; give
		 * it a fresh block with no predecessors. */
		uint32_t nb = new_block(l);
		l->cur = nb;
		b = &l->blks.v[nb];
	}
	vec_push(b->insts, n);
	return n;
}

bool is_term(NodeKind k) { return k == NK_IBr || k == NK_ICondBr || k == NK_IRet || k == NK_IUnreachable; }

void terminate(L *l, uint32_t n)
{
	if (is_term(NODE_AT(l->o, n)->kind))
		l->blks.v[l->cur].done = true;
}

void set_block(L *l, uint32_t b) { l->cur = b; }

void br(L *l, uint32_t b)
{
	if (l->blks.v[l->cur].done)
		return;
	uint32_t n = emit(l, NK_IBr, 0);
	NODE_AT(l->o, n)->IBr.target = l->blks.v[b].id;
	terminate(l, n);
}

void condbr(L *l, uint32_t c, uint32_t t, uint32_t e)
{
	uint32_t n = emit(l, NK_ICondBr, 0);
	NODE_AT(l->o, n)->ICondBr.cond = c;
	NODE_AT(l->o, n)->ICondBr.then = l->blks.v[t].id;
	NODE_AT(l->o, n)->ICondBr.els = l->blks.v[e].id;
	terminate(l, n);
}

void unreachable(L *l)
{
	if (l->blks.v[l->cur].done)
		return;
	terminate(l, emit(l, NK_IUnreachable, 0));
}

uint32_t iconst(L *l, uint32_t ty, int64_t v)
{
	uint32_t n = emit(l, NK_IConst, ty);
	NODE_AT(l->o, n)->IConst.value = v;
	return n;
}

uint32_t alloca_(L *l, uint32_t ty, Str name)
{
	uint32_t n = node_new(l->o, NK_IAlloca, l->span);
	NODE_AT(l->o, n)->ty = t_ptr(l, ty);
	NODE_AT(l->o, n)->IAlloca.elem = ty;
	NODE_AT(l->o, n)->IAlloca.name = name;
	vec_push(l->allocas, n);
	return n;
}


uint32_t load(L *l, uint32_t ptr, uint32_t ty)
{
	uint32_t n = emit(l, NK_ILoad, ty);
	NODE_AT(l->o, n)->ILoad.ptr = ptr;
	return n;
}

void store(L *l, uint32_t ptr, uint32_t val)
{
	if (!val)
		return;
	uint32_t n = emit(l, NK_IStore, 0);
	NODE_AT(l->o, n)->IStore.ptr = ptr;
	NODE_AT(l->o, n)->IStore.val = val;
}

uint32_t vty(L *l, uint32_t v) { return v ? NODE_AT(l->o, v)->ty : 0; }

/* Spill a value to a fresh slot to get an address. */
uint32_t spill(L *l, uint32_t v, uint32_t ty)
{
	uint32_t s = alloca_(l, ty, 0);
	store(l, s, v);
	return s;
}

uint32_t field_ptr(L *l, uint32_t base, uint32_t agg, uint32_t idx)
{
	if (idx >= NODE_AT(l->o, TYPE_AT(l->o, agg)->Struct.decl)->IrStruct.fields.len) {
		diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), l->span,
			"malformed checked AST: field index %u out of range", idx);
		idx = 0;
		if (!NODE_AT(l->o, TYPE_AT(l->o, agg)->Struct.decl)->IrStruct.fields.len)
			return base;
	}
	uint32_t ft = LIST_AT(l->o, NODE_AT(l->o, TYPE_AT(l->o, agg)->Struct.decl)->IrStruct.fields, idx);
	uint32_t n = emit(l, NK_IFieldPtr, t_ptr(l, ft));
	NODE_AT(l->o, n)->IFieldPtr.base = base;
	NODE_AT(l->o, n)->IFieldPtr.agg = agg;
	NODE_AT(l->o, n)->IFieldPtr.index = idx;
	return n;
}

uint32_t index_ptr(L *l, uint32_t base, uint32_t agg, uint32_t idx, Span sp)
{
	uint32_t n = emit(l, NK_IIndexPtr, t_ptr(l, TYPE_AT(l->o, agg)->Array.elem));
	NODE_AT(l->o, n)->span = sp;
	NODE_AT(l->o, n)->IIndexPtr.base = base;
	NODE_AT(l->o, n)->IIndexPtr.agg = agg;
	NODE_AT(l->o, n)->IIndexPtr.index = idx;
	return n;
}

/* Declare (once) a runtime or extern function called by symbol. */
void rt_decl(L *l, const char *name, uint32_t fnty)
{
	Str s = str_internz(name);
	for (uint32_t i = 0; i < l->funcs.n; i++)
		if (NODE_AT(l->o, l->funcs.v[i])->IrFunc.name == s)
			return;
	for (uint32_t i = 0; i < l->rtdecls.n; i++)
		if (NODE_AT(l->o, l->rtdecls.v[i])->IrFunc.name == s)
			return;
	uint32_t f = node_new(l->o, NK_IrFunc, (Span){0});
	NODE_AT(l->o, f)->ty = fnty;
	NODE_AT(l->o, f)->IrFunc.name = s;
	NODE_AT(l->o, f)->IrFunc.flags = FL_EXTERN;
	vec_push(l->rtdecls, f);
}

uint32_t call(L *l, const char *name, uint32_t ret, const uint32_t *args, uint32_t n)
{
	uint32_t pt[n + 1];
	for (uint32_t i = 0; i < n; i++)
		pt[i] = vty(l, args[i]);
	rt_decl(l, name, t_fn(l, pt, n, ret));
	uint32_t c = emit(l, NK_ICall, ret);
	List al = list_make(l->o, args, n);
	NODE_AT(l->o, c)->ICall.callee = str_internz(name);
	NODE_AT(l->o, c)->ICall.args = al;
	return c;
}

/* ---- helpers on the checked AST ---- */

uint32_t nty(L *l, uint32_t n) { return tcopy(l, N(n)->ty); }

/* Widen an integer/char/bool value to i64 by its signedness. */
uint32_t to_i64(L *l, uint32_t v)
{
	uint32_t t = vty(l, v);
	if (t == t_i64(l) || t == ty_int(l->o, 64, false))
		return v;
	uint32_t n = emit(l, NK_ICast, t_i64(l));
	NODE_AT(l->o, n)->ICast.val = v;
	return n;
}

uint32_t cast(L *l, uint32_t v, uint32_t to)
{
	uint32_t from = vty(l, v);
	if (from == to)
		return v;
	uint32_t n = emit(l, NK_ICast, to);
	NODE_AT(l->o, n)->ICast.val = v;
	return n;
}

/* ---- expressions ---- */

/* lower_builtin: builtins.c */

uint32_t lower_args(L *l, List args, uint32_t *out)
{
	for (uint32_t i = 0; i < args.len; i++)
		out[i] = lower_expr(l, LIST_AT(l->m, args, i));
	return args.len;
}

uint32_t lower_call(L *l, uint32_t n)
{
	uint32_t callee = N(n)->aux < l->m->nodes.n ? N(n)->aux : 0;
	uint32_t ret = nty(l, n);
	if (!callee)
		return lower_builtin(l, n);
	List args = N(n)->Call.args;
	if (N(callee)->kind == NK_NewtypeDecl)    /* N(e) is e, erased */
		return args.len == 1 ? lower_expr(l, LIST_AT(l->m, args, 0)) : 0;
	uint32_t av[args.len + 1];
	mono_call_args(l, n, av);          /* mono.c: destroy(x) passes &x */
	List al = list_make(l->o, av, args.len);
	uint32_t c;
	if (N(callee)->kind == NK_FnDecl) {
		Str sym = mono_callee(l, callee, N(n)->Call.inst);   /* mono.c */
		c = emit(l, NK_ICall, ret);
		NODE_AT(l->o, c)->ICall.callee = sym;
		NODE_AT(l->o, c)->ICall.args = al;
	} else {
		uint32_t fp = load(l, l->slot[callee], nty(l, callee));
		c = emit(l, NK_ICallInd, ret);
		NODE_AT(l->o, c)->ICallInd.fnptr = fp;
		NODE_AT(l->o, c)->ICallInd.args = al;
	}
	if (okind(l, ret) == TK_Never) {
		unreachable(l);
		return 0;
	}
	return is_void(l, ret) ? 0 : c;
}

/* Short-circuit && / || through a bool slot. */
static uint32_t lower_logic(L *l, uint32_t n)
{
	bool is_and = N(n)->Binary.op == OP_And;
	uint32_t s = alloca_(l, t_bool(l), 0);
	uint32_t a = lower_expr(l, N(n)->Binary.lhs);
	store(l, s, a);
	uint32_t rhs = new_block(l), done = new_block(l);
	if (is_and)
		condbr(l, a, rhs, done);
	else
		condbr(l, a, done, rhs);
	set_block(l, rhs);
	store(l, s, lower_expr(l, N(n)->Binary.rhs));
	br(l, done);
	set_block(l, done);
	return load(l, s, t_bool(l));
}

static uint32_t lower_binary(L *l, uint32_t n)
{
	int op = (int)N(n)->Binary.op;
	if (op == OP_And || op == OP_Or)
		return lower_logic(l, n);
	uint32_t a = lower_expr(l, N(n)->Binary.lhs);
	uint32_t b = lower_expr(l, N(n)->Binary.rhs);
	bool cmp = op >= OP_Eq && op <= OP_Ge;
	uint32_t r = emit(l, cmp ? NK_ICmp : NK_IBin, cmp ? t_bool(l) : vty(l, a));
	NODE_AT(l->o, r)->IBin.op = op;
	NODE_AT(l->o, r)->IBin.lhs = a;
	NODE_AT(l->o, r)->IBin.rhs = b;
	return r;
}

static uint32_t lower_unary(L *l, uint32_t n)
{
	uint32_t v = lower_expr(l, N(n)->Unary.expr);
	uint32_t r = emit(l, NK_IUn, vty(l, v));
	NODE_AT(l->o, r)->IUn.op = N(n)->Unary.op;
	NODE_AT(l->o, r)->IUn.val = v;
	return r;
}

static uint32_t lower_cast(L *l, uint32_t n)
{
	uint32_t to = nty(l, n);
	uint32_t src = N(n)->Cast.expr;
	if (okind(l, nty(l, src)) == TK_Array)
		return lower_addr(l, src);     /* [T; N] as *T: address of element 0 */
	return cast(l, lower_expr(l, src), to);
}

static uint32_t lower_structlit(L *l, uint32_t n)
{
	uint32_t ty = nty(l, n);
	uint32_t s = alloca_(l, ty, 0);
	List inits = N(n)->StructLit.inits;
	uint32_t nf = TYPE_AT(l->o, ty)->kind == TK_Struct && TYPE_AT(l->o, ty)->Struct.decl
		? NODE_AT(l->o, TYPE_AT(l->o, ty)->Struct.decl)->IrStruct.fields.len : 0;
	/* Initialisers run in the struct's declaration order (LANGUAGE.md 5.1). */
	for (uint32_t f = 0; f < nf; f++)
		for (uint32_t i = 0; i < inits.len; i++) {
			uint32_t fi = LIST_AT(l->m, inits, i);
			if (N(fi)->aux != f)
				continue;
			uint32_t v = lower_expr(l, N(fi)->FieldInit.value);
			store(l, field_ptr(l, s, ty, f), v);
		}
	return load(l, s, ty);
}

static uint32_t lower_arraylit(L *l, uint32_t n)
{
	uint32_t ty = nty(l, n);
	uint32_t s = alloca_(l, ty, 0);
	List el = N(n)->ArrayLit.elems;
	for (uint32_t i = 0; i < el.len; i++) {
		uint32_t v = lower_expr(l, LIST_AT(l->m, el, i));
		store(l, index_ptr(l, s, ty, iconst(l, t_i64(l), i), N(n)->span), v);
	}
	return load(l, s, ty);
}

/* [e; N]: a counted loop evaluating e once per element (LANGUAGE.md 2.13:
 * the element is replicated syntactically, so evaluated N times). */
static uint32_t lower_repeat(L *l, uint32_t n)
{
	uint32_t ty = nty(l, n);
	uint32_t s = alloca_(l, ty, 0);
	int64_t count = TYPE_AT(l->o, ty)->Array.len;
	if (count <= 0)
		return load(l, s, ty);
	uint32_t i = alloca_(l, t_i64(l), 0);
	store(l, i, iconst(l, t_i64(l), 0));
	uint32_t head = new_block(l), body = new_block(l), done = new_block(l);
	br(l, head);
	set_block(l, head);
	uint32_t iv = load(l, i, t_i64(l));
	/* constants first: node_new may move the node table */
	uint32_t lim = iconst(l, t_i64(l), count);
	uint32_t c = emit(l, NK_ICmp, t_bool(l));
	NODE_AT(l->o, c)->ICmp.op = OP_Lt;
	NODE_AT(l->o, c)->ICmp.lhs = iv;
	NODE_AT(l->o, c)->ICmp.rhs = lim;
	condbr(l, c, body, done);
	set_block(l, body);
	uint32_t v = lower_expr(l, N(n)->ArrayRepeat.elem);
	store(l, index_ptr(l, s, ty, iv, N(n)->span), v);
	uint32_t one = iconst(l, t_i64(l), 1);
	uint32_t next = emit(l, NK_IBin, t_i64(l));
	NODE_AT(l->o, next)->IBin.op = OP_Add;
	NODE_AT(l->o, next)->IBin.lhs = iv;
	NODE_AT(l->o, next)->IBin.rhs = one;
	store(l, i, next);
	br(l, head);
	set_block(l, done);
	return load(l, s, ty);
}

/* A value-producing branch: a Block (expression-block rule), a Return, or an
 * expression. */
uint32_t lower_branch(L *l, uint32_t b)
{
	if (!b)
		return 0;
	if (N(b)->kind == NK_Block)
		return lower_block_value(l, b);
	if (N(b)->kind == NK_Return) {
		lower_stmt(l, b);
		return 0;
	}
	return lower_expr(l, b);
}

uint32_t result_slot(L *l, uint32_t ty)
{
	return is_void(l, ty) ? 0 : alloca_(l, ty, 0);
}

void store_result(L *l, uint32_t slot, uint32_t v)
{
	if (slot && v && !l->blks.v[l->cur].done)
		store(l, slot, v);
}

uint32_t finish_result(L *l, uint32_t slot, uint32_t ty)
{
	if (!slot) {
		if (okind(l, ty) == TK_Never)
			unreachable(l);
		return 0;
	}
	return load(l, slot, ty);
}

static uint32_t lower_if(L *l, uint32_t cond, uint32_t then, uint32_t els, uint32_t ty)
{
	uint32_t slot = result_slot(l, ty);
	uint32_t c = lower_expr(l, cond);
	uint32_t bt = new_block(l), be = new_block(l), done = new_block(l);
	condbr(l, c, bt, els ? be : done);
	set_block(l, bt);
	store_result(l, slot, lower_branch(l, then));
	br(l, done);
	set_block(l, be);
	if (els) {
		if (N(els)->kind == NK_If)
			lower_stmt(l, els);
		else
			store_result(l, slot, lower_branch(l, els));
		br(l, done);
	} else {
		unreachable(l);
	}
	set_block(l, done);
	return finish_result(l, slot, ty);
}

static bool is_catchall(L *l, uint32_t arm)
{
	return N(N(arm)->Arm.pat)->kind == NK_PatBind;
}

/* Literal arms in source order, then the first catch-all (LANGUAGE.md 5.11). */
static uint32_t lower_match(L *l, uint32_t n)
{
	if (is_enum_match(l, n))
		return lower_match_enum(l, n);      /* match.c */
	uint32_t ty = (N(n)->Match.flags & FL_EXPR) ? nty(l, n) : 0;
	uint32_t slot = result_slot(l, ty);
	uint32_t s = lower_expr(l, N(n)->Match.scrut);
	uint32_t sty = vty(l, s);
	uint32_t done = new_block(l);
	List arms = N(n)->Match.arms;
	for (int pass = 0; pass < 2; pass++)
		for (uint32_t i = 0; i < arms.len; i++) {
			uint32_t arm = LIST_AT(l->m, arms, i);
			if (is_catchall(l, arm) != (pass == 1))
				continue;
			uint32_t pat = N(arm)->Arm.pat;
			uint32_t body = new_block(l);
			if (pass == 0) {
				int64_t pv = N(pat)->kind == NK_PatInt ? N(pat)->PatInt.value : N(pat)->PatBool.value;
				uint32_t k = iconst(l, sty, pv);
				uint32_t c = emit(l, NK_ICmp, t_bool(l));
				NODE_AT(l->o, c)->ICmp.op = OP_Eq;
				NODE_AT(l->o, c)->ICmp.lhs = s;
				NODE_AT(l->o, c)->ICmp.rhs = k;
				uint32_t next = new_block(l);
				condbr(l, c, body, next);
				set_block(l, body);
				store_result(l, slot, lower_branch(l, N(arm)->Arm.body));
				br(l, done);
				set_block(l, next);
			} else {
				br(l, body);
				set_block(l, body);
				if (N(pat)->PatBind.name && strcmp(str_get(N(pat)->PatBind.name), "_")) {
					l->slot[pat] = alloca_(l, sty, N(pat)->PatBind.name);
					store(l, l->slot[pat], s);
				}
				store_result(l, slot, lower_branch(l, N(arm)->Arm.body));
				br(l, done);
				goto out;
			}
		}
	unreachable(l);         /* no arm matched: the checker proved it impossible */
out:
	set_block(l, done);
	return finish_result(l, slot, ty);
}

static Loop *find_loop(L *l, uint32_t node)
{
	for (uint32_t i = l->loops.n; i-- > 0;)
		if (l->loops.v[i].node == node || !node)
			return &l->loops.v[i];
	return l->loops.n ? &l->loops.v[l->loops.n - 1] : NULL;
}

/* while / for (3 forms) / while-expression with else. */
static uint32_t lower_loop(L *l, uint32_t n)
{
	bool is_for = N(n)->kind == NK_For;
	uint32_t cond = is_for ? N(n)->For.cond : N(n)->While.cond;
	uint32_t body = is_for ? N(n)->For.body : N(n)->While.body;
	uint32_t step = is_for ? N(n)->For.step : 0;
	uint32_t els = is_for ? 0 : N(n)->While.els;
	uint32_t ty = (!is_for && (N(n)->While.flags & FL_EXPR)) ? nty(l, n) : 0;
	uint32_t slot = result_slot(l, ty);
	if (is_for && N(n)->For.init)
		lower_stmt(l, N(n)->For.init);
	uint32_t head = new_block(l), bb = new_block(l), done = new_block(l);
	uint32_t sb = step ? new_block(l) : head;
	uint32_t eb = els ? new_block(l) : done;
	br(l, head);
	set_block(l, head);
	if (cond)
		condbr(l, lower_expr(l, cond), bb, eb);
	else
		br(l, bb);
	Loop lp = {n, done, sb, slot, l->defers.n};
	vec_push(l->loops, lp);
	set_block(l, bb);
	lower_stmt(l, body);
	br(l, sb);
	l->loops.n--;
	if (step) {
		set_block(l, sb);
		lower_stmt(l, step);
		br(l, head);
	}
	if (els) {
		set_block(l, eb);
		store_result(l, slot, lower_branch(l, els));
		br(l, done);
	}
	set_block(l, done);
	return slot ? load(l, slot, ty) : 0;
}

static uint32_t lower_ident(L *l, uint32_t n)
{
	uint32_t d = N(n)->aux < l->m->nodes.n ? N(n)->aux : 0;
	if (!d)
		return 0;
	switch (N(d)->kind) {
	case NK_FnDecl: {
		uint32_t f = emit(l, NK_IFnAddr, nty(l, n));
		Str sym = N(n)->kind == NK_Path ? mono_callee(l, d, N(n)->Path.inst) : l->sym[d];
		NODE_AT(l->o, f)->IFnAddr.name = sym;
		return f;
	}
	case NK_ConstDecl:
		return lower_expr(l, N(d)->ConstDecl.value);
	default:
		if (!l->slot[d] || is_void(l, nty(l, n)))
			return 0;
		return load(l, l->slot[d], nty(l, n));
	}
}

static uint32_t lower_expr_kind(L *l, uint32_t n);

uint32_t lower_expr(L *l, uint32_t n)
{
	static int depth;   /* a corrupt stream could make a const refer to itself */
	if (!n)
		return 0;
	if (depth > 5000) {
		diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), N(n)->span,
			"expression nested too deeply");
		return 0;
	}
	depth++;
	uint32_t v = lower_expr_kind(l, n);
	depth--;
	return v;
}

static uint32_t lower_expr_kind(L *l, uint32_t n)
{
	uint32_t ty = nty(l, n);
	switch (N(n)->kind) {
	case NK_IntLit: return iconst(l, ty, N(n)->IntLit.value);
	case NK_BoolLit: return iconst(l, ty, N(n)->BoolLit.value);
	case NK_CharLit: return iconst(l, ty, N(n)->CharLit.value);
	case NK_FloatLit: return lt_fconst(l, ty, N(n)->FloatLit.text);
	case NK_Ident: case NK_Path: return lower_ident(l, n);
	case NK_Paren: return lower_expr(l, N(n)->Paren.expr);
	case NK_Call: return lower_call(l, n);
	case NK_MethodCall: return lower_methodcall(l, n);   /* mono.c */
	case NK_Binary: return lower_binary(l, n);
	case NK_Unary: return lower_unary(l, n);
	case NK_Cast: return lower_cast(l, n);
	case NK_StructLit: return lower_structlit(l, n);
	case NK_VariantLit: return lower_variantlit(l, n);   /* match.c */
	case NK_Try: return lower_try(l, n);
	case NK_ArrayLit: return lower_arraylit(l, n);
	case NK_ArrayRepeat: return lower_repeat(l, n);
	case NK_StrLit: return lower_strlit(l, n);   /* builtins.c */
	case NK_Arrow: return load(l, lower_arrow_addr(l, n), ty);
	case NK_Deref:
		if (TYPE_AT(l->m, N(N(n)->Deref.expr)->ty)->kind == TK_Heap)
			return lower_heap_read(l, n);   /* builtins.c: load, then free */
		return load(l, lower_addr(l, n), ty);
	case NK_FieldGet: case NK_Index:
		return load(l, lower_addr(l, n), ty);
	case NK_AddrOf: return lower_addr(l, N(n)->AddrOf.expr);
	case NK_IfExpr: return lower_if(l, N(n)->IfExpr.cond, N(n)->IfExpr.then, N(n)->IfExpr.els, ty);
	case NK_Match: return lower_match(l, n);
	case NK_While: case NK_For: return lower_loop(l, n);
	case NK_Block: return lower_block_value(l, n);
	default:
		diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), N(n)->span,
			"cannot lower %s expressions yet", node_kind_names[N(n)->kind]);
		return 0;
	}
}

/* Address of an lvalue; rvalues are spilled to a temporary. */
uint32_t lower_addr(L *l, uint32_t n)
{
	switch (N(n)->kind) {
	case NK_StrLit:
		return lower_strlit_ref(l, n);   /* `&"lit"`: static bytes, cap 0 */
	case NK_Arrow:
		return lower_arrow_addr(l, n);
	case NK_Paren:
		return lower_addr(l, N(n)->Paren.expr);
	case NK_Ident: {
		uint32_t d = N(n)->aux < l->m->nodes.n ? N(n)->aux : 0;
		if (d && N(d)->kind != NK_FnDecl && N(d)->kind != NK_ConstDecl && l->slot[d])
			return l->slot[d];
		break;
	}
	case NK_FieldGet: {
		uint32_t b = N(n)->FieldGet.base;
		if (lt_is_newtype(l, N(b)->ty))   /* n.0 is n itself */
			return okind(l, nty(l, b)) == TK_Ref ? lower_expr(l, b) : lower_addr(l, b);
		uint32_t bt = nty(l, b);
		uint32_t base;
		if (okind(l, bt) == TK_Ref || okind(l, bt) == TK_Ptr) {
			base = lower_expr(l, b);    /* one level of auto-deref */
			bt = TYPE_AT(l->o, bt)->Ptr.elem;
		} else {
			base = lower_addr(l, b);
		}
		if (okind(l, bt) != TK_Struct || !TYPE_AT(l->o, bt)->Struct.decl)
			break;
		return field_ptr(l, base, bt, N(n)->aux);
	}
	case NK_Index: {
		uint32_t b = N(n)->Index.base;
		uint32_t bt = nty(l, b);
		uint32_t base;
		if (okind(l, bt) == TK_Ref || okind(l, bt) == TK_Ptr) {
			base = lower_expr(l, b);
			bt = TYPE_AT(l->o, bt)->Ptr.elem;
		} else {
			base = lower_addr(l, b);
		}
		if (okind(l, bt) != TK_Array)
			break;
		uint32_t idx = lower_expr(l, N(n)->Index.index);
		return index_ptr(l, base, bt, idx, N(n)->span);
	}
	case NK_Deref:
		return lower_expr(l, N(n)->Deref.expr);
	default: {
		uint32_t ty = nty(l, n);
		return spill(l, lower_expr(l, n), ty);
	}
	}
	if (N(n)->kind == NK_Ident)
		return spill(l, lower_expr(l, n), nty(l, n));
	diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), N(n)->span,
		"malformed checked AST: %s on a value of type '%s'", node_kind_names[N(n)->kind],
		type_name(l->m, N(n)->ty));
	return spill(l, 0, nty(l, n));
}

/* ---- statements ---- */

static void lower_return(L *l, uint32_t n)
{
	uint32_t v = lower_expr(l, N(n)->Return.value);
	if (l->blks.v[l->cur].done)
		return;
	defer_run(l, 0);            /* match.c: every pending defer, after e */
	uint32_t r = emit(l, NK_IRet, 0);
	NODE_AT(l->o, r)->IRet.val = is_void(l, l->ret_ty) ? 0 : v;
	terminate(l, r);
}

void lower_stmt(L *l, uint32_t n)
{
	if (!n)
		return;
	Span saved = l->span;
	l->span = N(n)->span;
	switch (N(n)->kind) {
	case NK_Block: {
		List s = N(n)->Block.stmts;
		uint32_t mark = l->defers.n;
		for (uint32_t i = 0; i < s.len; i++)
			lower_stmt(l, LIST_AT(l->m, s, i));
		defer_leave(l, mark);       /* match.c: LIFO at the block's end */
		break;
	}
	case NK_Let: {
		uint32_t ty = nty(l, n);
		uint32_t v = lower_expr(l, N(n)->Let.value);
		if (!is_void(l, ty)) {
			if (!l->slot[n])
				l->slot[n] = alloca_(l, ty, N(n)->Let.name);
			store(l, l->slot[n], v);
		}
		break;
	}
	case NK_Assign: {
		uint32_t a = lower_addr(l, N(n)->Assign.target);
		uint32_t v = lower_expr(l, N(n)->Assign.value);
		store(l, a, v);
		break;
	}
	case NK_Return:
		lower_return(l, n);
		break;
	case NK_If:
		lower_if(l, N(n)->If.cond, N(n)->If.then, N(n)->If.els, 0);
		break;
	case NK_While: case NK_For:
		lower_loop(l, n);
		break;
	case NK_Match:
		lower_match(l, n);
		break;
	case NK_Break: {
		uint32_t v = lower_expr(l, N(n)->Break.value);
		Loop *lp = find_loop(l, N(n)->aux);
		if (lp) {
			store_result(l, lp->slot, v);
			defer_run(l, lp->defer_mark);
			br(l, lp->brk);
		}
		break;
	}
	case NK_Continue: {
		Loop *lp = find_loop(l, N(n)->aux);
		if (lp) {
			defer_run(l, lp->defer_mark);
			br(l, lp->cont);
		}
		break;
	}
	case NK_ExprStmt:
		lower_expr(l, N(n)->ExprStmt.expr);
		break;
	case NK_Borrow:
		lower_borrow(l, n);     /* borrow.c */
		break;
	default:
		if (lower_match_stmt(l, n))     /* match.c: let-else, defer, ... */
			break;
		diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), N(n)->span,
			"cannot lower %s statements yet", node_kind_names[N(n)->kind]);
		break;
	}
	l->span = saved;
}

/* Expression-block rule (LANGUAGE.md 2.12): the value is the last statement
 * when it is an expression statement (or a match). */
uint32_t lower_block_value(L *l, uint32_t blk)
{
	List s = N(blk)->Block.stmts;
	if (!s.len)
		return 0;
	uint32_t mark = l->defers.n, v = 0;
	for (uint32_t i = 0; i + 1 < s.len; i++)
		lower_stmt(l, LIST_AT(l->m, s, i));
	uint32_t last = LIST_AT(l->m, s, s.len - 1);
	if (N(last)->kind == NK_ExprStmt)
		v = lower_expr(l, N(last)->ExprStmt.expr);
	else if (N(last)->kind == NK_Match && (N(last)->Match.flags & FL_EXPR))
		v = lower_expr(l, last);
	else
		lower_stmt(l, last);
	defer_leave(l, mark);       /* match.c: after the value is computed */
	return v;
}

/* ---- functions and modules ---- */

void lower_fn(L *l, uint32_t fn, Str modpath)
{
	uint32_t fty = nty(l, fn);
	uint32_t f = node_new(l->o, NK_IrFunc, N(fn)->span);
	NODE_AT(l->o, f)->ty = fty;
	NODE_AT(l->o, f)->IrFunc.name = l->sym[fn];
	NODE_AT(l->o, f)->IrFunc.modpath = modpath;
	int64_t fl = N(fn)->FnDecl.flags & (FL_TEST | FL_EXTERN);
	if (!strcmp(str_get(l->sym[fn]), "user_main"))
		fl |= FL_MAIN;
	NODE_AT(l->o, f)->IrFunc.flags = fl;
	vec_push(l->funcs, f);
	List ps = N(fn)->FnDecl.params;
	uint32_t pv[ps.len + 1];
	for (uint32_t i = 0; i < ps.len; i++) {
		uint32_t p = LIST_AT(l->m, ps, i);
		pv[i] = node_new(l->o, NK_IrParam, N(p)->span);
		NODE_AT(l->o, pv[i])->ty = nty(l, p);
		NODE_AT(l->o, pv[i])->IrParam.name = N(p)->Param.name;
		NODE_AT(l->o, pv[i])->IrParam.index = i;
	}
	List pl = list_make(l->o, pv, ps.len);
	NODE_AT(l->o, f)->IrFunc.params = pl;
	if (!N(fn)->FnDecl.body)
		return;
	l->blks.n = 0;
	l->allocas.n = 0;
	l->loops.n = 0;
	l->defers.n = 0;
	l->span = N(fn)->span;
	l->ret_ty = TYPE_AT(l->o, fty)->Fn.ret;
	set_block(l, new_block(l));
	/* Parameters get slots so that they are assignable and by-value. */
	for (uint32_t i = 0; i < ps.len; i++) {
		uint32_t p = LIST_AT(l->m, ps, i);
		if (is_void(l, vty(l, pv[i])))
			continue;
		l->slot[p] = alloca_(l, vty(l, pv[i]), N(p)->Param.name);
		store(l, l->slot[p], pv[i]);
	}
	lower_stmt(l, N(fn)->FnDecl.body);
	if (!l->blks.v[l->cur].done) {
		if (is_void(l, l->ret_ty) && okind(l, l->ret_ty) != TK_Never)
			terminate(l, emit(l, NK_IRet, 0));
		else
			unreachable(l);
	}
	uint32_t bl[l->blks.n + 1];
	for (uint32_t i = 0; i < l->blks.n; i++) {
		Blk *b = &l->blks.v[i];
		if (!b->done) {         /* a join block nothing reaches */
			set_block(l, i);
			unreachable(l);
			b = &l->blks.v[i];
		}
		VEC(uint32_t) all = {0};
		if (i == 0)
			for (uint32_t k = 0; k < l->allocas.n; k++)
				vec_push(all, l->allocas.v[k]);
		for (uint32_t k = 0; k < b->insts.n; k++)
			vec_push(all, b->insts.v[k]);
		List il = list_make(l->o, all.v, all.n);
		NODE_AT(l->o, b->id)->IrBlock.insts = il;
		free(all.v);
		free(b->insts.v);
		bl[i] = b->id;
	}
	List blist = list_make(l->o, bl, l->blks.n);
	NODE_AT(l->o, f)->IrFunc.blocks = blist;
}

/* Non-generic functions; `cap C` parameters alone do not make a function
 * generic (capabilities have no run-time form). */
static bool lowerable_fn(L *l, uint32_t it)
{
	if (N(it)->kind != NK_FnDecl)
		return false;
	List g = N(it)->FnDecl.generics;
	for (uint32_t i = 0; i < g.len; i++)
		if (!(N(LIST_AT(l->m, g, i))->GenericParam.flags & FL_CAP))
			return false;
	return true;
}

/* Is a function `name` defined in more than one top-level module? */
static bool top_clash(L *l, Str name)
{
	List mods = N(l->m->root)->File.modules;
	uint32_t n = 0;
	for (uint32_t i = 0; i < mods.len; i++) {
		List items = N(LIST_AT(l->m, mods, i))->Module.items;
		for (uint32_t k = 0; k < items.len; k++) {
			uint32_t it = LIST_AT(l->m, items, k);
			n += lowerable_fn(l, it) && !(N(it)->FnDecl.flags & FL_EXTERN)
				&& N(it)->FnDecl.name == name;
		}
	}
	return n > 1;
}

/* Symbols per ABI.md 11: bare names at top level, `<sub>_` prefixes below,
 * `user_main` for the top-level main, externs never prefixed; a name that
 * two top-level modules define gets its module's prefix in each (A_compute). */
static void name_items(L *l, uint32_t mod, const char *prefix, bool top)
{
	List items = N(mod)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(l->m, items, i);
		if (N(it)->kind == NK_Module) {
			const char *p = arena_printf("%s%s_", prefix, str_get(N(it)->Module.name));
			name_items(l, it, p, false);
		} else if (lowerable_fn(l, it)) {
			const char *nm = str_get(N(it)->FnDecl.name);
			if (N(it)->FnDecl.flags & FL_EXTERN)
				l->sym[it] = N(it)->FnDecl.name;
			else if (top && !strcmp(nm, "main"))
				l->sym[it] = str_internz("user_main");
			else if (top && top_clash(l, N(it)->FnDecl.name))
				l->sym[it] = str_internz(arena_printf("%s_%s",
					str_get(N(mod)->Module.name), nm));
			else
				l->sym[it] = str_internz(arena_printf("%s%s", prefix, nm));
		} else {
			mono_name_item(l, it, prefix);     /* mono.c: impls, generic fns */
		}
	}
}

static void lower_items(L *l, uint32_t mod, const char *path)
{
	List items = N(mod)->Module.items;
	Str mp = str_internz(path);
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(l->m, items, i);
		if (N(it)->kind == NK_Module)
			lower_items(l, it, arena_printf("%s.%s", path, str_get(N(it)->Module.name)));
		else if (lowerable_fn(l, it))
			lower_fn(l, it, mp);
		else if (N(it)->kind == NK_StructDecl && N(it)->StructDecl.generics.len == 0 && N(it)->ty)
			tcopy(l, N(it)->ty);
		else
			mono_lower_item(l, it, mp);        /* mono.c: impls, generic fns */
	}
}

Module *lower_module(Module *m, Diags *d)
{
	if (!m || m->stage != STAGE_CHECKED || !m->root || NODE_AT(m, m->root)->kind != NK_File) {
		diag_add(d, SEV_ERROR, "lower", NULL, m ? str_get(m->source) : "", (Span){0},
			"lower needs a checked module");
		return NULL;
	}
	L l = {0};
	l.m = m;
	l.d = d;
	l.o = module_new(STAGE_IR);
	l.o->name = m->name;
	l.o->source = m->source;
	for (uint32_t i = 0; i < m->files.n; i++)
		vec_push(l.o->files, m->files.v[i]);
	l.tmap = xcalloc(m->types.n + 1, sizeof *l.tmap);
	mono_init(&l);
	l.slot = xcalloc(m->nodes.n + 1, sizeof *l.slot);
	l.sym = xcalloc(m->nodes.n + 1, sizeof *l.sym);
	uint32_t errs = d->errors;
	List mods = NODE_AT(m, m->root)->File.modules;
	for (uint32_t i = 0; i < mods.len; i++)
		name_items(&l, LIST_AT(m, mods, i), "", true);
	for (uint32_t i = 0; i < mods.len; i++) {
		uint32_t mod = LIST_AT(m, mods, i);
		lower_items(&l, mod, str_get(NODE_AT(m, mod)->Module.name));
	}
	mono_finish(&l);        /* mono.c: generic instances reached above */
	for (uint32_t i = 0; i < l.rtdecls.n; i++) {
		/* Runtime helpers the user also declared as extern are declared once. */
		Str s = NODE_AT(l.o, l.rtdecls.v[i])->IrFunc.name;
		bool dup = false;
		for (uint32_t k = 0; k < l.funcs.n && !dup; k++)
			dup = NODE_AT(l.o, l.funcs.v[k])->IrFunc.name == s;
		if (!dup)
			vec_push(l.funcs, l.rtdecls.v[i]);
	}
	uint32_t root = node_new(l.o, NK_IrProgram, (Span){0});
	List sl = list_make(l.o, l.structs.v, l.structs.n);
	List fl = list_make(l.o, l.funcs.v, l.funcs.n);
	NODE_AT(l.o, root)->IrProgram.structs = sl;
	NODE_AT(l.o, root)->IrProgram.funcs = fl;
	l.o->root = root;
	mono_free(&l);
	free(l.tmap);
	free(l.slot);
	free(l.sym);
	free(l.structs.v);
	free(l.funcs.v);
	free(l.rtdecls.v);
	free(l.blks.v);
	free(l.allocas.v);
	free(l.loops.v);
	free(l.defers.v);
	if (d->errors > errs)
		return NULL;
	return l.o;
}
