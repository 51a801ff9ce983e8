/* builtins.c: lowering of the intrinsics of BUILTINS.md 2, string literals
 * (LANGUAGE.md 3.3) and heap access `h->f` (LANGUAGE.md 3.6).
 *
 * String and Vec<T> become the IR structs %struct.String / %struct.Vec
 * { ptr, i64, i64 } (ABI.md 6, 7), so their fields are ordinary IFieldPtrs.
 * The helpers are the C runtime's (runtime/strings.c, vec.c): they take
 * Strings and Vecs by pointer and write String results through an out
 * pointer, because LLVM returns a 24-byte aggregate in registers where C
 * uses memory.  print/println/append are desugared into one helper call per
 * argument (BUILTINS.md 3.1, 3.4) under the spec's helper names, so a user
 * function of the same name receives them. */
#include "lower.h"

/* ---- types ---- */

static Module *hdr_mod;
static uint32_t hdr_ty[2];

uint32_t lower_hdr_type(L *l, TypeKind k)
{
	if (hdr_mod != l->o) {
		hdr_mod = l->o;
		hdr_ty[0] = hdr_ty[1] = 0;
	}
	int i = k == TK_Vec;
	if (hdr_ty[i])
		return hdr_ty[i];
	uint32_t s = node_new(l->o, NK_IrStruct, (Span){ 0 });
	Type t = { .kind = TK_Struct };
	t.Struct.name = str_internz(i ? "Vec" : "String");
	t.Struct.decl = s;
	uint32_t it = type_intern(l->o, &t);
	uint32_t u64 = ty_int(l->o, 64, false);
	uint32_t f[3] = { t_ptr(l, ty_int(l->o, 8, false)), u64, u64 };
	List fl = list_make(l->o, f, 3);
	NODE_AT(l->o, s)->ty = it;
	NODE_AT(l->o, s)->IrStruct.name = t.Struct.name;
	NODE_AT(l->o, s)->IrStruct.fields = fl;
	vec_push(l->structs, s);
	hdr_ty[i] = it;
	return it;
}

static uint32_t t_unit(L *l) { return ty_simple(l->o, TK_Unit); }
static uint32_t t_string(L *l) { return lower_hdr_type(l, TK_String); }
static uint32_t t_vec(L *l) { return lower_hdr_type(l, TK_Vec); }
static uint32_t t_rawptr(L *l) { return t_ptr(l, ty_int(l->o, 8, false)); }

/* Does checked type t mention a type parameter anywhere? */
static bool has_param(Module *m, uint32_t t, int depth)
{
	if (!t || t >= m->types.n || depth > 64)
		return false;
	Type *ty = TYPE_AT(m, t);
	switch (ty->kind) {
	case TK_Param: return true;
	case TK_Ref: case TK_Ptr: case TK_Heap: case TK_Vec: case TK_HeapArray:
		return has_param(m, ty->Ptr.elem, depth + 1);
	case TK_Array: return has_param(m, ty->Array.elem, depth + 1);
	case TK_Struct: case TK_Enum:
		for (uint32_t i = 0; i < ty->Struct.args.len; i++)
			if (has_param(m, LIST_AT(m, ty->Struct.args, i), depth + 1))
				return true;
		return false;
	default: return false;
	}
}

/* Layout of checked type t: from the checked declarations when t is
 * concrete (enums keep their variants there), else from the
 * monomorphized IR type. */
static Layout clayout(L *l, uint32_t t)
{
	if (!has_param(l->m, t, 0))
		return layout_of(l->m, t);
	return layout_of(l->o, tcopy(l, t));
}

static uint32_t lerr(L *l, uint32_t n, const char *msg)
{
	diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source), N(n)->span, "%s", msg);
	return 0;
}

/* The checked type of expression n with references peeled off. */
static Type *cty_deref(L *l, uint32_t n)
{
	uint32_t t = N(n)->ty;
	if (!t || t >= l->m->types.n)
		return TYPE_AT(l->m, 0);
	while (TYPE_AT(l->m, t)->kind == TK_Ref)
		t = TYPE_AT(l->m, t)->Ref.elem;
	return TYPE_AT(l->m, t);
}

/* ---- string literals ---- */

static uint32_t str_bytes(L *l, Str s)
{
	uint32_t p = emit(l, NK_IStr, t_rawptr(l));
	NODE_AT(l->o, p)->IStr.value = s;
	return p;
}

/* An owned copy of the literal: malloc(len+1), cap = len+1. */
uint32_t lower_strlit(L *l, uint32_t n)
{
	Str s = N(n)->StrLit.value;
	uint32_t slot = alloca_(l, t_string(l), 0);
	uint32_t a[3] = { slot, str_bytes(l, s), iconst(l, t_i64(l), (int64_t)str_len(s)) };
	call(l, "con_rt_string_lit", t_unit(l), a, 3);
	return load(l, slot, t_string(l));
}

/* `&"lit"`: a header pointing at the static bytes, cap 0 (never freed). */
uint32_t lower_strlit_ref(L *l, uint32_t n)
{
	Str s = N(n)->StrLit.value;
	uint32_t st = t_string(l);
	uint32_t slot = alloca_(l, st, 0);
	store(l, field_ptr(l, slot, st, 0), str_bytes(l, s));
	store(l, field_ptr(l, slot, st, 1), iconst(l, ty_int(l->o, 64, false), (int64_t)str_len(s)));
	store(l, field_ptr(l, slot, st, 2), iconst(l, ty_int(l->o, 64, false), 0));
	return slot;
}

static uint32_t strip_parens(L *l, uint32_t a)
{
	while (N(a)->kind == NK_Paren)
		a = N(a)->Paren.expr;
	return a;
}

/* Pointer to a String argument: a borrowed literal, a reference's value or
 * the address of an owned value (not copied, not consumed). */
static uint32_t string_ptr(L *l, uint32_t a)
{
	a = strip_parens(l, a);
	if (N(a)->kind == NK_StrLit)
		return lower_strlit_ref(l, a);
	if (TYPE_AT(l->m, N(a)->ty)->kind == TK_Ref)
		return lower_expr(l, a);
	return lower_addr(l, a);
}

/* Pointer to a String the helper consumes (and frees): a literal is
 * copied first, since its static bytes must never reach free. */
static uint32_t owned_string_ptr(L *l, uint32_t a)
{
	uint32_t x = strip_parens(l, a);
	if (N(x)->kind == NK_StrLit)
		return spill(l, lower_strlit(l, x), t_string(l));
	return lower_addr(l, a);
}

/* ---- print / println / append ---- */

static void desugar_one(L *l, uint32_t buf, uint32_t a)
{
	uint32_t unit = t_unit(l);
	TypeKind k = cty_deref(l, a)->kind;
	uint32_t args[2], v;
	uint32_t na = 0;
	const char *fn;
	if (buf)
		args[na++] = buf;
	switch (k) {
	case TK_String:
		v = string_ptr(l, a);
		fn = buf ? "string_append" : "print_string";
		break;
	case TK_Bool:
		v = lower_expr(l, a);
		fn = buf ? "string_append_bool" : "print_bool";
		break;
	case TK_Char:
		v = to_i64(l, lower_expr(l, a));
		fn = buf ? "string_push_char" : "print_char";
		break;
	case TK_Int:
		v = to_i64(l, lower_expr(l, a));
		fn = buf ? "string_append_int" : "print_int";
		break;
	default:
		lerr(l, a, "malformed checked AST: unprintable argument");
		return;
	}
	args[na++] = v;
	call(l, fn, unit, args, na);
}

static uint32_t lower_variadic(L *l, uint32_t n, const char *name)
{
	List args = N(n)->Call.args;
	uint32_t first = 0, buf = 0;
	if (!strcmp(name, "append")) {
		if (!args.len)
			return 0;
		buf = lower_expr(l, LIST_AT(l->m, args, 0));
		first = 1;
	}
	for (uint32_t i = first; i < args.len; i++)
		desugar_one(l, buf, LIST_AT(l->m, args, i));
	if (!strcmp(name, "println")) {
		uint32_t nl = iconst(l, t_i64(l), '\n');
		call(l, "print_char", t_unit(l), &nl, 1);
	}
	return 0;
}

/* ---- the fixed-arity helpers ---- */

/* The spec's canonical spelling of an alias (BUILTINS.md 2). */
static const char *canonical(const char *name)
{
	static const struct { const char *alias, *name; } al[] = {
		{ "string_len", "string_length" }, { "String_len", "string_length" },
		{ "String_drop", "drop_string" }, { "_sizeof", "sizeof" },
	};
	for (size_t i = 0; i < sizeof al / sizeof *al; i++)
		if (!strcmp(name, al[i].alias))
			return al[i].name;
	if (!strncmp(name, "String_", 7))
		return arena_printf("string_%s", name + 7);
	if (!strncmp(name, "Vec_", 4))
		return arena_printf("vec_%s", name + 4);
	return name;
}

/* Helpers with the parameter codes of con-check's table: s/m a String
 * pointer, o an owned String (passed by address, consumed by the helper),
 * i Int, b Bool, f Float64.  ret: o String (out pointer first), i, b, u. */
static const struct { const char *name, *params; char ret; } helpers[] = {
	{ "string_length", "s", 'i' }, { "string_concat", "oo", 'o' },
	{ "string_eq", "ss", 'b' }, { "string_slice", "sii", 'o' },
	{ "string_substr", "sii", 'o' }, { "string_char_at", "si", 'i' },
	{ "string_contains", "ss", 'b' }, { "string_trim", "s", 'o' },
	{ "drop_string", "o", 'u' }, { "string_push_char", "mi", 'u' },
	{ "string_append", "ms", 'u' }, { "string_append_int", "mi", 'u' },
	{ "string_append_bool", "mb", 'u' }, { "string_reserve", "mi", 'u' },
	{ "int_to_string", "i", 'o' }, { "bool_to_string", "b", 'o' },
	{ "float_to_string", "f", 'o' }, { "print_string", "s", 'u' },
	{ "print_int", "i", 'u' }, { "print_char", "i", 'u' },
	{ "print_bool", "b", 'u' }, { "clock_monotonic_ns", "", 'i' },
};

/* args: the value arguments; recv (0 if none): the already lowered
 * pointer to a method receiver standing for the first parameter. */
static uint32_t lower_helper(L *l, uint32_t n, int h, List args, uint32_t recv)
{
	const char *ps = helpers[h].params;
	uint32_t np = (uint32_t)strlen(ps);
	uint32_t skip = recv ? 1 : 0;
	if (args.len + skip != np)
		return lerr(l, n, "malformed checked AST: builtin arity");
	uint32_t av[np + 2], k = 0, out = 0;
	char ret = helpers[h].ret;
	if (ret == 'o')
		av[k++] = out = alloca_(l, t_string(l), 0);
	if (recv)
		av[k++] = recv;
	for (uint32_t i = skip; i < np; i++) {
		uint32_t a = LIST_AT(l->m, args, i - skip);
		switch (ps[i]) {
		case 's': case 'm': av[k++] = string_ptr(l, a); break;
		case 'o': av[k++] = owned_string_ptr(l, a); break;
		case 'i': av[k++] = to_i64(l, lower_expr(l, a)); break;
		default: av[k++] = lower_expr(l, a); break;
		}
	}
	uint32_t rt = ret == 'i' ? t_i64(l) : ret == 'b' ? t_bool(l) : t_unit(l);
	uint32_t c = call(l, helpers[h].name, rt, av, k);
	if (ret == 'o')
		return load(l, out, t_string(l));
	return ret == 'u' ? 0 : c;
}

/* ---- Vec<T> ---- */

static uint32_t lower_vec_pop(L *l, uint32_t n, uint32_t vp, uint32_t ety);

/* Checked element type of the Vec behind argument a (Vec<T>, &Vec<T>, ...). */
static uint32_t vec_elem(L *l, uint32_t a)
{
	Type *t = cty_deref(l, a);
	return t->kind == TK_Vec ? t->Vec.elem : 0;
}

/* sizeof checked type t as an i64 operand. */
static uint32_t isize(L *l, uint32_t t)
{
	return iconst(l, t_i64(l), (int64_t)clayout(l, t).size);
}

static uint32_t ibin(L *l, int op, uint32_t ty, uint32_t a, uint32_t b)
{
	uint32_t x = emit(l, NK_IBin, ty);
	NODE_AT(l->o, x)->IBin.op = op;
	NODE_AT(l->o, x)->IBin.lhs = a;
	NODE_AT(l->o, x)->IBin.rhs = b;
	return x;
}

/* Address of slot i, inline so that LLVM can optimise loops over a Vec:
 * data + i * sizeof T in bytes, the stride the runtime's push uses.  No
 * bounds check (BUILTINS.md 3.6). */
static uint32_t vec_slot(L *l, uint32_t vp, uint32_t i, uint32_t ety)
{
	uint32_t bytes = t_rawptr(l);
	uint32_t data = load(l, field_ptr(l, vp, t_vec(l), 0), bytes);
	uint32_t off = ibin(l, OP_Mul, t_i64(l), i, isize(l, ety));
	return ibin(l, OP_Add, bytes, data, off);
}

/* As lower_helper: with a receiver (recv = its node, rp = its pointer)
 * args holds only the arguments after it. */
static uint32_t lower_vec(L *l, uint32_t n, const char *name, List args, uint32_t recv, uint32_t rp)
{
	uint32_t unit = t_unit(l), a0 = recv ? recv : args.len ? LIST_AT(l->m, args, 0) : 0;
	uint32_t skip = recv ? 0 : 1;   /* index of the first non-Vec argument */
	if (!strcmp(name, "vec_new")) {
		List inst = N(n)->Call.inst;
		if (inst.len != 1)
			return lerr(l, n, "malformed checked AST: vec_new without its type");
		uint32_t ety = LIST_AT(l->m, inst, 0);
		uint32_t slot = alloca_(l, t_vec(l), 0);
		uint32_t av[2] = { slot, isize(l, ety) };
		call(l, "con_rt_vec_new", unit, av, 2);
		return load(l, slot, t_vec(l));
	}
	if (!a0)
		return lerr(l, n, "malformed checked AST: vec builtin without arguments");
	uint32_t ety = vec_elem(l, a0);
	if (!strcmp(name, "vec_free")) {
		uint32_t p = rp ? rp : lower_addr(l, a0);
		call(l, "vec_free", unit, &p, 1);
		return 0;
	}
	uint32_t vp = rp ? rp : lower_expr(l, a0);
	uint32_t nrest = args.len - skip;
	if (!strcmp(name, "vec_len"))
		return call(l, "vec_len", t_i64(l), &vp, 1);
	if (!strcmp(name, "vec_push") && nrest == 1) {
		uint32_t x = LIST_AT(l->m, args, skip);
		uint32_t av[3] = { vp, spill(l, lower_expr(l, x), tcopy(l, ety)), isize(l, ety) };
		call(l, "con_rt_vec_push", unit, av, 3);
		return 0;
	}
	if ((!strcmp(name, "vec_get") && nrest == 1) || (!strcmp(name, "vec_set") && nrest == 2)) {
		uint32_t i = to_i64(l, lower_expr(l, LIST_AT(l->m, args, skip)));
		uint32_t p = vec_slot(l, vp, i, ety);
		if (name[4] == 'g')
			return load(l, p, tcopy(l, ety));
		store(l, p, lower_expr(l, LIST_AT(l->m, args, skip + 1)));
		return 0;
	}
	if (!strcmp(name, "vec_pop"))
		return lower_vec_pop(l, n, vp, ety);
	return lerr(l, n, arena_printf("malformed checked AST: builtin '%s'", name));
}

/* ---- results built by the runtime ---- */

/* Option<T> and Result<Int, Int> values are written by the runtime into a
 * slot of the enum's IR type at the byte offsets of ABI.md 4, so this code
 * does not depend on how the enum lowering names its fields. */
static uint32_t lower_vec_pop(L *l, uint32_t n, uint32_t vp, uint32_t ety)
{
	uint32_t oty = nty(l, n);
	uint32_t slot = alloca_(l, oty, 0);
	uint64_t al = clayout(l, ety).align;
	uint32_t av[4] = { vp, slot, isize(l, ety), iconst(l, t_i64(l), al > 4 ? (int64_t)al : 4) };
	call(l, "con_rt_vec_pop", t_unit(l), av, 4);
	return load(l, slot, oty);
}

static uint32_t lower_string_to_int(L *l, uint32_t n, uint32_t sp)
{
	uint32_t rty = nty(l, n);
	uint32_t slot = alloca_(l, rty, 0);
	uint32_t av[2] = { slot, sp };
	call(l, "string_to_int", t_unit(l), av, 2);
	return load(l, slot, rty);
}

/* ---- heap cells ---- */

static uint32_t lower_alloc(L *l, uint32_t n)
{
	uint32_t a = LIST_AT(l->m, N(n)->Call.args, 0);
	uint32_t v = lower_expr(l, a);
	uint32_t sz = isize(l, N(a)->ty);
	uint32_t p = call(l, "con_rt_alloc", nty(l, n), &sz, 1);
	store(l, p, v);
	return p;
}

static uint32_t lower_free(L *l, uint32_t n)
{
	uint32_t p = lower_expr(l, LIST_AT(l->m, N(n)->Call.args, 0));
	uint32_t ty = nty(l, n);
	uint32_t v = is_void(l, ty) ? 0 : load(l, p, ty);
	call(l, "con_rt_free", t_unit(l), &p, 1);
	return v;
}

/* `*h` on a Heap<T> moves the value out and frees the cell (BUILTINS.md
 * 3.7; the checker treats it as consuming h). */
uint32_t lower_heap_read(L *l, uint32_t n)
{
	uint32_t p = lower_expr(l, N(n)->Deref.expr);
	uint32_t ty = nty(l, n);
	uint32_t v = is_void(l, ty) ? 0 : load(l, p, ty);
	call(l, "con_rt_free", t_unit(l), &p, 1);
	return v;
}

/* Address of `base->f`: the cell pointer (through one reference for
 * &Heap / &mut Heap), then the field. */
uint32_t lower_arrow_addr(L *l, uint32_t n)
{
	uint32_t b = N(n)->Arrow.base;
	uint32_t bt = N(b)->ty;
	uint32_t p = lower_expr(l, b);
	Type *t = TYPE_AT(l->m, bt < l->m->types.n ? bt : 0);
	if (t->kind == TK_Ref) {
		uint32_t ht = tcopy(l, t->Ref.elem);
		p = load(l, p, ht);
		t = TYPE_AT(l->m, t->Ref.elem);
	}
	if (t->kind != TK_Heap && t->kind != TK_HeapArray)
		return lerr(l, n, "malformed checked AST: '->' on a non-heap value");
	uint32_t st = tcopy(l, t->Heap.elem);
	if (okind(l, st) != TK_Struct || !TYPE_AT(l->o, st)->Struct.decl)
		return lerr(l, n, "malformed checked AST: '->' on a non-struct cell");
	return field_ptr(l, p, st, N(n)->aux);
}

/* ---- entry ---- */

uint32_t lower_builtin(L *l, uint32_t n)
{
	const char *name = canonical(str_get(N(n)->Call.name));
	List args = N(n)->Call.args;
	if (!strcmp(name, "abort")) {
		call(l, "abort", ty_simple(l->o, TK_Never), NULL, 0);
		unreachable(l);
		return 0;
	}
	if (!strcmp(name, "print") || !strcmp(name, "println") || !strcmp(name, "append"))
		return lower_variadic(l, n, name);
	for (size_t h = 0; h < sizeof helpers / sizeof *helpers; h++)
		if (!strcmp(name, helpers[h].name))
			return lower_helper(l, n, (int)h, args, 0);
	if (!strncmp(name, "vec_", 4))
		return lower_vec(l, n, name, args, 0, 0);
	if (!strcmp(name, "sizeof") || !strcmp(name, "alignof")) {
		List inst = N(n)->Call.inst;
		if (inst.len != 1)
			return lerr(l, n, "malformed checked AST: sizeof without its type");
		Layout lay = clayout(l, LIST_AT(l->m, inst, 0));
		return iconst(l, nty(l, n), (int64_t)(name[0] == 's' ? lay.size : lay.align));
	}
	if (!strcmp(name, "alloc") && args.len == 1)
		return lower_alloc(l, n);
	if (!strcmp(name, "free") && args.len == 1)
		return lower_free(l, n);
	if (!strcmp(name, "string_to_int") && args.len == 1)
		return lower_string_to_int(l, n, string_ptr(l, LIST_AT(l->m, args, 0)));
	if (!strcmp(name, "unwrap") && args.len == 1)   /* newtypes are erased */
		return lower_expr(l, LIST_AT(l->m, args, 0));
	return lerr(l, n, arena_printf("unsupported builtin call '%s'", name));
}

/* `s.len()`, `v.push(x)`, ...: a MethodCall con-check bound to a builtin
 * (aux 0).  Every helper takes its String/Vec by pointer, so the receiver
 * is passed by address whatever its adjustment flags say. */
uint32_t lower_builtin_method(L *l, uint32_t n)
{
	uint32_t recv = N(n)->MethodCall.recv;
	Type *rt = TYPE_AT(l->m, N(recv)->ty < l->m->types.n ? N(recv)->ty : 0);
	Type *bt = cty_deref(l, recv);
	const char *tn = bt->kind == TK_Vec ? "Vec" : bt->kind == TK_String ? "String" : NULL;
	if (!tn)
		return lerr(l, n, "malformed checked AST: builtin method on a non-String/Vec receiver");
	const char *name = canonical(arena_printf("%s_%s", tn, str_get(N(n)->MethodCall.name)));
	List args = N(n)->MethodCall.args;
	uint32_t rp = rt->kind == TK_Ref ? lower_expr(l, recv) : lower_addr(l, recv);
	for (size_t h = 0; h < sizeof helpers / sizeof *helpers; h++)
		if (!strcmp(name, helpers[h].name))
			return lower_helper(l, n, (int)h, args, rp);
	if (!strncmp(name, "vec_", 4))
		return lower_vec(l, n, name, args, recv, rp);
	return lerr(l, n, arena_printf("unsupported builtin method '%s'", name));
}
