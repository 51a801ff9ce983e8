/* match.c: lowering of enums (ABI.md 4), variant literals, enum match,
 * destructuring let, `?` and defer (LANGUAGE.md 5.11-5.14).
 *
 * An enum value is an aggregate whose IR type is TK_Enum with `decl` an
 * IrStruct holding its LLVM body: the i32 tag, then bytes (and i64s when the
 * payload needs 8-byte alignment) so that LLVM's size and alignment equal
 * the ABI layout exactly.  Payload fields are reached by byte offset from
 * libir/layout.c, computed on the checked (monomorphic) enum type. */
#include "lower.h"

static uint32_t t_i32(L *l) { return ty_int(l->o, 32, true); }

static uint32_t bytes_ty(L *l, uint64_t n)
{
	Type t = {.kind = TK_Array};
	t.Array.elem = ty_int(l->o, 8, false);
	t.Array.len = (int64_t)n;
	return type_intern(l->o, &t);
}

static uint32_t i64s_ty(L *l, uint64_t n)
{
	Type t = {.kind = TK_Array};
	t.Array.elem = t_i64(l);
	t.Array.len = (int64_t)n;
	return type_intern(l->o, &t);
}

/* IR copy of the checked enum type t (called by tcopy). */
uint32_t enum_tcopy(L *l, uint32_t t)
{
	Type src = *TYPE_AT(l->m, t);
	EnumLayout el = { 4, 4, 4, 0 };
	layout_enum(l->m, t, &el);
	Type ty = src;
	ty.Enum.decl = 0;
	copy_list_types(l, src.Enum.args, &ty.Enum.args);
	if (l->tmap[t])
		return l->tmap[t];
	uint32_t s = node_new(l->o, NK_IrStruct, (Span){ 0 });
	ty.Enum.decl = s;
	uint32_t it = type_intern(l->o, &ty);
	l->tmap[t] = it;
	uint32_t f[3], n = 0;
	f[n++] = t_i32(l);
	if (el.align <= 4) {
		if (el.size > 4)
			f[n++] = bytes_ty(l, el.size - 4);
	} else {
		/* i64 words give the body 8-byte alignment; wider alignment is
		 * rounded down to 8 (LLVM 14 aligns i128 to 8 as well). */
		f[n++] = bytes_ty(l, el.payload_off - 4);
		f[n++] = i64s_ty(l, (el.size - el.payload_off + 7) / 8);
	}
	List fl = list_make(l->o, f, n);
	Node *sn = NODE_AT(l->o, s);
	sn->ty = it;
	sn->IrStruct.name = str_internz(type_name(l->m, t));
	sn->IrStruct.fields = fl;
	vec_push(l->structs, s);
	return it;
}

/* ---- addresses inside an enum value ---- */

static uint32_t enum_size(L *l, uint32_t cty)
{
	EnumLayout el = { 4, 4, 4, 0 };
	layout_enum(l->m, cty, &el);
	return (uint32_t)el.size;
}

static uint32_t tag_ptr(L *l, uint32_t p, uint32_t cty)
{
	return field_ptr(l, p, tcopy(l, cty), 0);
}

static uint32_t load_tag(L *l, uint32_t p, uint32_t cty)
{
	return load(l, tag_ptr(l, p, cty), t_i32(l));
}

/* Address of field k of variant v in the enum at p (checked type cty). */
static uint32_t vfield_ptr(L *l, uint32_t p, uint32_t cty, uint32_t v, uint32_t k)
{
	uint64_t off = layout_variant_field_offset(l->m, cty, v, k);
	uint32_t idx = iconst(l, t_i64(l), (int64_t)off);
	return index_ptr(l, p, bytes_ty(l, enum_size(l, cty)), idx, l->span);
}

/* Payload bools travel as bytes: LLVM 14's SROA produces invalid IR from
 * i1 loads at byte offsets of an aggregate. */
static uint32_t load_field(L *l, uint32_t ptr, uint32_t ty)
{
	if (okind(l, ty) != TK_Bool)
		return load(l, ptr, ty);
	return cast(l, load(l, ptr, ty_int(l->o, 8, false)), ty);
}

static void store_field(L *l, uint32_t ptr, uint32_t v)
{
	if (okind(l, vty(l, v)) == TK_Bool)
		v = cast(l, v, ty_int(l->o, 8, false));
	store(l, ptr, v);
}

static uint32_t tag_is(L *l, uint32_t tag, uint32_t v)
{
	uint32_t k = iconst(l, t_i32(l), v);   /* before: emit may move nodes */
	uint32_t c = emit(l, NK_ICmp, t_bool(l));
	NODE_AT(l->o, c)->ICmp.op = OP_Eq;
	NODE_AT(l->o, c)->ICmp.lhs = tag;
	NODE_AT(l->o, c)->ICmp.rhs = k;
	return c;
}

/* Checked type of n with a generic instance's parameters substituted
 * (mono.c), so that layouts are computed on concrete types. */
static uint32_t cty_of(L *l, uint32_t n)
{
	return mono_subst(l, N(n)->ty);
}

static bool is_enum(L *l, uint32_t cty)
{
	return cty && cty < l->m->types.n && TYPE_AT(l->m, cty)->kind == TK_Enum;
}

uint32_t lower_variantlit(L *l, uint32_t n)
{
	uint32_t cty = cty_of(l, n), ty = tcopy(l, cty);
	uint32_t v = N(n)->aux;
	uint32_t slot = alloca_(l, ty, 0);
	store(l, tag_ptr(l, slot, cty), iconst(l, t_i32(l), v));
	List inits = N(n)->VariantLit.inits;
	/* Fields are evaluated in the variant's declaration order, not the
	 * order written (LANGUAGE.md 5.1); the checker made aux the field
	 * index and required each field exactly once. */
	for (uint32_t f = 0; f < inits.len; f++)
		for (uint32_t i = 0; i < inits.len; i++) {
			uint32_t fi = LIST_AT(l->m, inits, i);
			if (N(fi)->aux != f)
				continue;
			uint32_t x = lower_expr(l, N(fi)->FieldInit.value);
			if (x && !is_void(l, vty(l, x)))
				store_field(l, vfield_ptr(l, slot, cty, v, f), x);
		}
	return load(l, slot, ty);
}

/* Bind the PatBind nodes `binds` to the fields of variant v at p. */
static void bind_fields(L *l, List binds, uint32_t p, uint32_t cty, uint32_t v)
{
	for (uint32_t i = 0; i < binds.len; i++) {
		uint32_t b = LIST_AT(l->m, binds, i);
		if (!b)
			continue;
		uint32_t bt = nty(l, b);
		if (is_void(l, bt))
			continue;
		uint32_t x = load_field(l, vfield_ptr(l, p, cty, v, i), bt);
		l->slot[b] = alloca_(l, bt, N(b)->PatBind.name);
		store(l, l->slot[b], x);
	}
}

/* Address of an enum scrutinee and its enum type (looking through &). */
static uint32_t enum_place(L *l, uint32_t x, uint32_t *cty)
{
	uint32_t t = cty_of(l, x);
	if (TYPE_AT(l->m, t)->kind == TK_Ref) {
		*cty = TYPE_AT(l->m, t)->Ref.elem;
		return lower_expr(l, x);
	}
	*cty = t;
	return lower_addr(l, x);
}

bool is_enum_match(L *l, uint32_t n)
{
	uint32_t t = N(N(n)->Match.scrut)->ty;
	if (t && t < l->m->types.n && TYPE_AT(l->m, t)->kind == TK_Ref)
		t = TYPE_AT(l->m, t)->Ref.elem;
	return is_enum(l, t);
}

/* Variant arms in source order, then the first catch-all (LANGUAGE.md
 * 5.11: a catch-all written first does not hide later arms). */
uint32_t lower_match_enum(L *l, uint32_t n)
{
	uint32_t ty = (N(n)->Match.flags & FL_EXPR) ? nty(l, n) : 0;
	uint32_t slot = result_slot(l, ty);
	uint32_t x = N(n)->Match.scrut, cty;
	uint32_t p = enum_place(l, x, &cty);
	uint32_t tag = load_tag(l, p, cty);
	uint32_t done = new_block(l);
	List arms = N(n)->Match.arms;
	uint32_t catch_all = 0;
	for (uint32_t i = 0; i < arms.len; i++) {
		uint32_t arm = LIST_AT(l->m, arms, i), pat = N(arm)->Arm.pat;
		if (N(pat)->kind != NK_PatVariant) {
			if (!catch_all)
				catch_all = arm;
			continue;
		}
		uint32_t v = N(pat)->aux;
		uint32_t body = new_block(l), next = new_block(l);
		condbr(l, tag_is(l, tag, v), body, next);
		set_block(l, body);
		bind_fields(l, N(pat)->PatVariant.binds, p, cty, v);
		store_result(l, slot, lower_branch(l, N(arm)->Arm.body));
		br(l, done);
		set_block(l, next);
	}
	if (catch_all) {
		uint32_t pat = N(catch_all)->Arm.pat;
		Str nm = N(pat)->PatBind.name;
		if (nm && strcmp(str_get(nm), "_")) {
			uint32_t bt = nty(l, pat);
			bool by_ref = TYPE_AT(l->m, N(x)->ty)->kind == TK_Ref;
			l->slot[pat] = alloca_(l, bt, nm);
			store(l, l->slot[pat], by_ref ? p : load(l, p, bt));
		}
		store_result(l, slot, lower_branch(l, N(catch_all)->Arm.body));
		br(l, done);
	} else {
		unreachable(l);     /* the checker proved the match exhaustive */
	}
	set_block(l, done);
	return finish_result(l, slot, ty);
}

/* ---- destructuring let ---- */

static void lower_let_variant(L *l, uint32_t n)
{
	uint32_t cty;
	uint32_t p = enum_place(l, N(n)->LetVariant.value, &cty);
	uint32_t v = N(n)->aux;
	if (N(n)->LetVariant.els) {
		uint32_t ok = new_block(l), bad = new_block(l);
		condbr(l, tag_is(l, load_tag(l, p, cty), v), ok, bad);
		set_block(l, bad);
		lower_stmt(l, N(n)->LetVariant.els);
		unreachable(l);     /* the else block diverges (checked) */
		set_block(l, ok);
	}
	bind_fields(l, N(n)->LetVariant.binds, p, cty, v);
}

static void lower_let_struct(L *l, uint32_t n)
{
	uint32_t x = N(n)->LetStruct.value;
	uint32_t sty = nty(l, x);
	uint32_t p = lower_addr(l, x);
	List binds = N(n)->LetStruct.binds;
	for (uint32_t i = 0; i < binds.len; i++) {
		uint32_t b = LIST_AT(l->m, binds, i);
		if (!b)
			continue;
		uint32_t bt = nty(l, b);
		if (is_void(l, bt))
			continue;
		uint32_t v = load(l, field_ptr(l, p, sty, N(b)->aux), bt);
		l->slot[b] = alloca_(l, bt, N(b)->PatBind.name);
		store(l, l->slot[b], v);
	}
}

/* ---- `?` ---- */

uint32_t lower_try(L *l, uint32_t n)
{
	uint32_t x = N(n)->Try.expr;
	uint32_t cty = cty_of(l, x), ety = tcopy(l, cty);
	uint32_t v = lower_expr(l, x);
	uint32_t p = spill(l, v, ety);
	uint32_t okv = N(n)->aux;
	uint32_t ok = new_block(l), bad = new_block(l);
	condbr(l, tag_is(l, load_tag(l, p, cty), okv), ok, bad);
	set_block(l, bad);
	uint32_t rv = load(l, p, ety);
	defer_run(l, 0);
	uint32_t r = emit(l, NK_IRet, 0);
	NODE_AT(l->o, r)->IRet.val = rv;
	terminate(l, r);
	set_block(l, ok);
	uint32_t ty = nty(l, n);
	if (is_void(l, ty))
		return 0;
	return load_field(l, vfield_ptr(l, p, cty, okv, 0), ty);
}

/* ---- defer (LANGUAGE.md 5.14) ----
 * l->defers is a stack of deferred Call nodes; a block remembers its height
 * on entry, a loop its height at the loop.  Calls are lowered (arguments
 * evaluated) at each exit, innermost first. */

void defer_run(L *l, uint32_t mark)
{
	uint32_t n = l->defers.n;
	for (uint32_t i = n; i-- > mark;) {
		if (l->blks.v[l->cur].done)
			break;
		uint32_t call = l->defers.v[i];
		l->defers.n = i;    /* a block inside the call sees only outer defers */
		lower_expr(l, call);
	}
	l->defers.n = n;
}

/* Leave a block by falling through its end. */
void defer_leave(L *l, uint32_t mark)
{
	if (l->defers.n > mark && !l->blks.v[l->cur].done)
		defer_run(l, mark);
	l->defers.n = mark;
}

/* Statements of this area; false when n is none of them. */
bool lower_match_stmt(L *l, uint32_t n)
{
	switch (N(n)->kind) {
	case NK_LetVariant:
		lower_let_variant(l, n);
		return true;
	case NK_LetStruct:
		lower_let_struct(l, n);
		return true;
	case NK_Defer:
		vec_push(l->defers, N(n)->Defer.call);
		return true;
	default:
		return false;
	}
}
