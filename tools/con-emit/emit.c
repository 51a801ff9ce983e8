/* emit.c: IR -> LLVM IR text (LLVM 14 with -opaque-pointers).
 *
 * Every IR value is `%v<node>`, every block `b<node>`; constants, function
 * addresses and string data are printed inline as operands.  Bounds checks on
 * IIndexPtr split the block into an `.ok` continuation and a cold `.oob`
 * block calling con_rt_bounds_fail (ABI.md 15 allows checking). */
#include "emit.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/utsname.h>

typedef struct E {
	Module *m;
	const EmitOptions *opt;
	Diags *d;
	Buf body;               /* function definitions, written before globals */
	Buf pro;                /* extra entry-block allocas of the current function */
	VEC(Str) strs;          /* string constants: @str.<i> */
	bool bounds;            /* con_rt_bounds_fail needed */
	bool divchk;            /* abort() needed by a division check */
	uint32_t bad;           /* first malformed node found by program_ok */
} E;

#define IR(i) NODE_AT(e->m, (i))
#define TY(i) TYPE_AT(e->m, (i))

static TypeKind tkind(E *e, uint32_t t) { return t ? TY(t)->kind : TK_Unit; }
static bool is_void(E *e, uint32_t t) { TypeKind k = tkind(e, t); return k == TK_Unit || k == TK_Never; }

/* `%enum.Name`, quoted when the instance name has type arguments
 * (`%"enum.Option<i64>"`); con-lower puts the name on the IrStruct. */
static const char *enum_ltype(E *e, uint32_t t)
{
	uint32_t d = TY(t)->Enum.decl;
	Str nm = d && d < e->m->nodes.n && IR(d)->kind == NK_IrStruct ? IR(d)->IrStruct.name : TY(t)->Enum.name;
	const char *s = str_get(nm);
	for (const char *p = s; *p; p++)
		if (!(*p == '_' || *p == '.' || (*p >= '0' && *p <= '9') || ((*p | 32) >= 'a' && (*p | 32) <= 'z')))
			return arena_printf("%%\"enum.%s\"", s);
	return arena_printf("%%enum.%s", s);
}

static const char *ltype(E *e, uint32_t t)
{
	static int depth;   /* a corrupt type table could nest arrays forever */
	if (t >= e->m->types.n || depth > 64)
		return "i8";
	switch (tkind(e, t)) {
	case TK_Unit: case TK_Never: return "void";
	case TK_Bool: return "i1";
	case TK_Char: return "i8";
	case TK_Int: return arena_printf("i%d", (int)TY(t)->Int.bits);
	case TK_Float: return TY(t)->Float.bits == 32 ? "float" : "double";
	case TK_Struct: return arena_printf("%%struct.%s", str_get(TY(t)->Struct.name));
	case TK_Enum: return enum_ltype(e, t);
	case TK_Array: {
		depth++;
		const char *el = ltype(e, TY(t)->Array.elem);
		depth--;
		return arena_printf("[%lld x %s]", (long long)TY(t)->Array.len, el);
	}
	default: return "ptr";  /* references, pointers, heap cells, fn pointers */
	}
}

static bool is_signed(E *e, uint32_t t) { return tkind(e, t) == TK_Int && TY(t)->Int.sign; }
static int bits(E *e, uint32_t t)
{
	switch (tkind(e, t)) {
	case TK_Bool: return 1;
	case TK_Char: return 8;
	case TK_Int: return (int)TY(t)->Int.bits;
	default: return 64;
	}
}

static uint32_t str_index(E *e, Str s)
{
	for (uint32_t i = 0; i < e->strs.n; i++)
		if (e->strs.v[i] == s)
			return i;
	vec_push(e->strs, s);
	return e->strs.n - 1;
}

/* LLVM wants float constants as the hex bits of a double; an f32 is
 * rounded once from the decimal text (LANGUAGE.md 1.7) and then widened,
 * which is exact. */
static const char *fconst_text(E *e, Node *n)
{
	const char *t = str_get(n->IFConst.text);
	double d = tkind(e, n->ty) == TK_Float && TY(n->ty)->Float.bits == 32
		? (double)strtof(t, NULL) : strtod(t, NULL);
	uint64_t u;
	memcpy(&u, &d, sizeof u);
	return arena_printf("0x%016llX", (unsigned long long)u);
}

/* An operand: constants inline, everything else by name. */
static const char *val(E *e, uint32_t v)
{
	Node *n = IR(v);
	switch (n->kind) {
	case NK_IConst: {
		int b = bits(e, n->ty);
		int64_t x = n->IConst.value;
		if (b == 1)
			return x & 1 ? "true" : "false";
		if (b < 64) {
			/* sign-normalise to the width so LLVM accepts e.g. i8 255 as -1 */
			uint64_t mask = (UINT64_C(1) << b) - 1, u = (uint64_t)x & mask;
			x = (u >> (b - 1)) & 1 ? (int64_t)(u | ~mask) : (int64_t)u;
		}
		return arena_printf("%lld", (long long)x);
	}
	case NK_IUndef: return "undef";
	case NK_IFConst: return fconst_text(e, n);
	case NK_IFnAddr: return arena_printf("@%s", str_get(n->IFnAddr.name));
	case NK_IStr: return arena_printf("@str.%u", str_index(e, n->IStr.value));
	default: return arena_printf("%%v%u", v);
	}
}

static const char *tv(E *e, uint32_t v) { return arena_printf("%s %s", ltype(e, IR(v)->ty), val(e, v)); }

static const char *args_text(E *e, List args)
{
	Buf b = {0};
	buf_puts(&b, "");
	bool first = true;
	for (uint32_t i = 0; i < args.len; i++) {
		uint32_t a = LIST_AT(e->m, args, i);
		if (!a || is_void(e, IR(a)->ty))
			continue;
		buf_printf(&b, "%s%s", first ? "" : ", ", tv(e, a));
		first = false;
	}
	char *s = arena_printf("%s", b.s ? b.s : "");
	free(b.s);
	return s;
}

static const char *const int_ops[OP_COUNT] = {
	[OP_Add] = "add", [OP_Sub] = "sub", [OP_Mul] = "mul", [OP_BitAnd] = "and",
	[OP_BitOr] = "or", [OP_BitXor] = "xor", [OP_Shl] = "shl",
};
static const char *const float_ops[OP_COUNT] = {
	[OP_Add] = "fadd", [OP_Sub] = "fsub", [OP_Mul] = "fmul", [OP_Div] = "fdiv", [OP_Rem] = "frem",
};

static const char *bin_op(E *e, int op, uint32_t t)
{
	bool s = is_signed(e, t);
	if (tkind(e, t) == TK_Float)
		return float_ops[op];
	switch (op) {
	case OP_Div: return s ? "sdiv" : "udiv";
	case OP_Rem: return s ? "srem" : "urem";
	case OP_Shr: return s ? "ashr" : "lshr";
	default: return int_ops[op];
	}
}

static const char *cmp_op(E *e, int op, uint32_t t)
{
	if (tkind(e, t) == TK_Float) {
		static const char *const f[OP_COUNT] = {[OP_Eq] = "fcmp oeq", [OP_Ne] = "fcmp une",
			[OP_Lt] = "fcmp olt", [OP_Gt] = "fcmp ogt", [OP_Le] = "fcmp ole", [OP_Ge] = "fcmp oge"};
		return f[op];
	}
	bool s = is_signed(e, t);
	switch (op) {
	case OP_Eq: return "icmp eq";
	case OP_Ne: return "icmp ne";
	case OP_Lt: return s ? "icmp slt" : "icmp ult";
	case OP_Gt: return s ? "icmp sgt" : "icmp ugt";
	case OP_Le: return s ? "icmp sle" : "icmp ule";
	default: return s ? "icmp sge" : "icmp uge";
	}
}

static bool is_intlike(TypeKind k) { return k == TK_Int || k == TK_Char || k == TK_Bool; }
static bool is_ptrlike(TypeKind k) { return k == TK_Ref || k == TK_Ptr || k == TK_Heap || k == TK_Fn; }

static void emit_cast(E *e, Buf *b, uint32_t n)
{
	uint32_t v = IR(n)->ICast.val, from = IR(v)->ty, to = IR(n)->ty;
	TypeKind fk = tkind(e, from), tk = tkind(e, to);
	const char *op = NULL;
	if (is_intlike(fk) && tk == TK_Bool) {
		buf_printf(b, "\t%%v%u = icmp ne %s, 0\n", n, tv(e, v));
		return;
	}
	if (is_intlike(fk) && is_intlike(tk)) {
		int fb = bits(e, from), tb = bits(e, to);
		op = fb < tb ? (is_signed(e, from) ? "sext" : "zext") : fb > tb ? "trunc" : NULL;
	} else if (is_intlike(fk) && tk == TK_Float) {
		op = is_signed(e, from) ? "sitofp" : "uitofp";
	} else if (fk == TK_Float && is_intlike(tk)) {
		op = is_signed(e, to) ? "fptosi" : "fptoui";
	} else if (fk == TK_Float && tk == TK_Float) {
		int fb = TY(from)->Float.bits, tb = TY(to)->Float.bits;
		op = fb < tb ? "fpext" : fb > tb ? "fptrunc" : NULL;
	} else if (is_ptrlike(fk) && is_intlike(tk)) {
		op = "ptrtoint";
	} else if (is_intlike(fk) && is_ptrlike(tk)) {
		op = "inttoptr";
	}
	if (op)
		buf_printf(b, "\t%%v%u = %s %s to %s\n", n, op, tv(e, v), ltype(e, to));
	else   /* same representation: a no-op that still defines the name */
		buf_printf(b, "\t%%v%u = select i1 true, %s, %s\n", n, tv(e, v), tv(e, v));
}

/* ---- layout-dependent forms (layout.c) ---- */

static int64_t struct_flags(E *e, uint32_t t)
{
	if (tkind(e, t) != TK_Struct || !TY(t)->Struct.decl || IR(TY(t)->Struct.decl)->kind != NK_IrStruct)
		return 0;
	return IR(TY(t)->Struct.decl)->IrStruct.flags;
}

/* LLVM gives a struct its natural alignment; a slot of a type whose
 * layout asks for more (repr(align(N)), unions stored as integer arrays)
 * says so explicitly. */
static const char *slot_align(E *e, uint32_t t)
{
	uint32_t s = t;
	while (tkind(e, s) == TK_Array)
		s = TY(s)->Array.elem;
	if (tkind(e, s) != TK_Struct || !TY(s)->Struct.decl || IR(TY(s)->Struct.decl)->kind != NK_IrStruct)
		return "";
	Node *d = IR(TY(s)->Struct.decl);
	if (d->IrStruct.align <= 0 && !(d->IrStruct.flags & FL_UNION))
		return "";
	return arena_printf(", align %llu", (unsigned long long)layout_of(e->m, t).align);
}

/* A field of a packed struct may sit at any address. */
static const char *mem_align(E *e, uint32_t ptr)
{
	if (ptr && IR(ptr)->kind == NK_IFieldPtr && (struct_flags(e, IR(ptr)->IFieldPtr.agg) & FL_REPR_PACKED))
		return ", align 1";
	return "";
}

/* `%struct.S = type ...` per ABI.md 3: packed as <{ }>, unions as integer
 * storage of the union's size and alignment, align(N) with tail padding. */
static void emit_struct_type(E *e, FILE *out, uint32_t s)
{
	Node *d = IR(s);
	List ft = d->IrStruct.fields;
	Layout lt = layout_of(e->m, d->ty);
	fprintf(out, "%s = type ", ltype(e, d->ty));
	if (d->IrStruct.flags & FL_UNION) {
		uint64_t w = lt.align > 8 ? 8 : lt.align;
		if (lt.size)
			fprintf(out, "{ [%llu x i%llu] }\n", (unsigned long long)(lt.size / w), (unsigned long long)w * 8);
		else
			fputs("{}\n", out);
		return;
	}
	bool packed = (d->IrStruct.flags & FL_REPR_PACKED) != 0;
	Layout f[ft.len + 1];
	for (uint32_t k = 0; k < ft.len; k++)
		f[k] = layout_of(e->m, LIST_AT(e->m, ft, k));
	Layout nat = layout_fields(f, ft.len, packed, false, 0, NULL);
	fputs(packed ? "<{ " : "{ ", out);
	for (uint32_t k = 0; k < ft.len; k++)
		fprintf(out, "%s%s", k ? ", " : "", ltype(e, LIST_AT(e->m, ft, k)));
	if (lt.size > nat.size)
		fprintf(out, "%s[%llu x i8]", ft.len ? ", " : "", (unsigned long long)(lt.size - nat.size));
	/* align(N) above the fields' own alignment: a zero-length array of an
	 * N-byte vector (LLVM aligns vectors to their size) gives the type
	 * alignment N, so a struct containing this one places it correctly.
	 * It sits after every field: field indices and the size stay. */
	bool over = !packed && lt.align > nat.align;
	if (over)
		fprintf(out, "%s[0 x <%llu x i8>]", ft.len || lt.size > nat.size ? ", " : "",
			(unsigned long long)lt.align);
	fputs(packed ? " }>\n" : (ft.len || lt.size > nat.size || over) ? " }\n" : "}\n", out);
}

/* Integer / and % by zero, and signed MIN / -1, abort instead of reaching
 * LLVM's undefined behaviour, which the optimiser may turn into a silently
 * wrong value (ABI.md 15: "same or abort; never silently continue"). */
static void emit_div_check(E *e, Buf *b, uint32_t n)
{
	Node *x = IR(n);
	uint32_t t = x->ty, r = x->IBin.rhs;
	bool sign = is_signed(e, t);
	int w = bits(e, t);
	if (IR(r)->kind == NK_IConst) {
		uint64_t mask = w < 64 ? (UINT64_C(1) << w) - 1 : UINT64_MAX;
		uint64_t v = (uint64_t)IR(r)->IConst.value & mask;
		if (v != 0 && !(sign && v == mask))
			return;
	}
	const char *ty = ltype(e, t), *rv = val(e, r);
	buf_printf(b, "\t%%v%u.z = icmp eq %s %s, 0\n", n, ty, rv);
	const char *bad = arena_printf("%%v%u.z", n);
	if (sign) {
		long long min = w < 64 ? -(1LL << (w - 1)) : INT64_MIN;
		buf_printf(b, "\t%%v%u.m1 = icmp eq %s %s, -1\n\t%%v%u.mn = icmp eq %s %s, %lld\n"
			"\t%%v%u.ov = and i1 %%v%u.m1, %%v%u.mn\n\t%%v%u.bad = or i1 %%v%u.z, %%v%u.ov\n",
			n, ty, rv, n, ty, val(e, x->IBin.lhs), min, n, n, n, n, n, n);
		bad = arena_printf("%%v%u.bad", n);
	}
	e->divchk = true;
	buf_printf(b, "\tbr i1 %s, label %%v%u.trap, label %%v%u.ok\n"
		"v%u.trap:\n\tcall i32 @fflush(ptr null)\n\tcall void @abort()\n\tunreachable\nv%u.ok:\n", bad, n, n, n, n);
}

/* p + n / p - n on a raw pointer moves by n elements (LANGUAGE.md 5.3). */
static void emit_ptr_arith(E *e, Buf *b, uint32_t n)
{
	Node *x = IR(n);
	uint32_t el = TY(x->ty)->Ptr.elem;
	const char *et = is_void(e, el) ? "i8" : ltype(e, el);
	const char *cnt = val(e, x->IBin.rhs);
	if (x->IBin.op == OP_Sub) {
		buf_printf(b, "\t%%v%u.n = sub i64 0, %s\n", n, cnt);
		cnt = arena_printf("%%v%u.n", n);
	}
	buf_printf(b, "\t%%v%u = getelementptr %s, ptr %s, i64 %s\n", n, et, val(e, x->IBin.lhs), cnt);
}

/* The user's `extern fn` declaration called `name` (runtime helpers, which
 * have no module path, keep the plain convention). */
static uint32_t user_extern(E *e, Str name)
{
	List fl = IR(e->m->root)->IrProgram.funcs;
	for (uint32_t i = 0; i < fl.len; i++) {
		uint32_t f = LIST_AT(e->m, fl, i);
		Node *fn = IR(f);
		if (fn->IrFunc.name == name && (fn->IrFunc.flags & FL_EXTERN) && !fn->IrFunc.blocks.len
			&& fn->IrFunc.modpath)
			return f;
	}
	return 0;
}

static void emit_extern_call(E *e, Buf *b, uint32_t n, uint32_t f)
{
	List args = IR(n)->ICall.args;
	List pt = TY(IR(f)->ty)->Fn.params;
	uint32_t ty[args.len + 1];
	const char *v[args.len + 1];
	for (uint32_t i = 0; i < args.len; i++) {
		uint32_t a = LIST_AT(e->m, args, i);
		ty[i] = i < pt.len ? LIST_AT(e->m, pt, i) : IR(a)->ty;
		v[i] = val(e, a);
	}
	abi_call(e->m, b, &e->pro, n, str_get(IR(f)->IrFunc.name), IR(f)->ty, ty, v, args.len);
}

static void emit_index(E *e, Buf *b, uint32_t n)
{
	Node *x = IR(n);
	uint32_t agg = x->IIndexPtr.agg, idx = x->IIndexPtr.index;
	long long len = (long long)TY(agg)->Array.len;
	const char *i64 = val(e, idx);
	if (bits(e, IR(idx)->ty) != 64) {
		buf_printf(b, "\t%%v%u.i = %s %s to i64\n", n,
			is_signed(e, IR(idx)->ty) ? "sext" : "zext", tv(e, idx));
		i64 = arena_printf("%%v%u.i", n);
	}
	bool known = IR(idx)->kind == NK_IConst && IR(idx)->IConst.value >= 0 && IR(idx)->IConst.value < len;
	if (!known) {
		Span sp = x->span;
		const char *file = sp.file < e->m->files.n ? str_get(e->m->files.v[sp.file]) : str_get(e->m->source);
		uint32_t fs = str_index(e, str_internz(file ? file : ""));
		e->bounds = true;
		buf_printf(b, "\t%%v%u.c = icmp ult i64 %s, %lld\n", n, i64, len);
		buf_printf(b, "\tbr i1 %%v%u.c, label %%v%u.ok, label %%v%u.oob\n", n, n, n);
		buf_printf(b, "v%u.oob:\n\tcall void @con_rt_bounds_fail(ptr @str.%u, i64 %u, i64 %u, i64 %s, i64 %lld)\n"
			"\tunreachable\nv%u.ok:\n", n, fs, sp.line, sp.col, i64, len, n);
	}
	buf_printf(b, "\t%%v%u = getelementptr %s, ptr %s, i64 0, i64 %s\n", n, ltype(e, agg),
		val(e, x->IIndexPtr.base), i64);
}

static void emit_inst(E *e, Buf *b, uint32_t n, uint32_t ret_ty)
{
	Node *x = IR(n);
	switch (x->kind) {
	case NK_IAlloca:
		if (!is_void(e, x->IAlloca.elem))
			buf_printf(b, "\t%%v%u = alloca %s%s\n", n, ltype(e, x->IAlloca.elem), slot_align(e, x->IAlloca.elem));
		break;
	case NK_IConst: case NK_IUndef: case NK_IFnAddr: case NK_IStr: case NK_IFConst:
		break;
	case NK_ILoad:
		if (!is_void(e, x->ty))
			buf_printf(b, "\t%%v%u = load %s, ptr %s%s\n", n, ltype(e, x->ty), val(e, x->ILoad.ptr),
				mem_align(e, x->ILoad.ptr));
		break;
	case NK_IStore:
		if (x->IStore.val && !is_void(e, IR(x->IStore.val)->ty))
			buf_printf(b, "\tstore %s, ptr %s%s\n", tv(e, x->IStore.val), val(e, x->IStore.ptr),
				mem_align(e, x->IStore.ptr));
		break;
	case NK_IFieldPtr:
		if (struct_flags(e, x->IFieldPtr.agg) & FL_UNION) {   /* every field at offset 0 */
			buf_printf(b, "\t%%v%u = getelementptr i8, ptr %s, i64 0\n", n, val(e, x->IFieldPtr.base));
			break;
		}
		buf_printf(b, "\t%%v%u = getelementptr %s, ptr %s, i32 0, i32 %lld\n", n,
			ltype(e, x->IFieldPtr.agg), val(e, x->IFieldPtr.base), (long long)x->IFieldPtr.index);
		break;
	case NK_IIndexPtr:
		emit_index(e, b, n);
		break;
	case NK_IBin:
		if (tkind(e, x->ty) == TK_Ptr) {
			emit_ptr_arith(e, b, n);
			break;
		}
		if ((x->IBin.op == OP_Div || x->IBin.op == OP_Rem) && tkind(e, x->ty) == TK_Int)
			emit_div_check(e, b, n);
		buf_printf(b, "\t%%v%u = %s %s, %s\n", n, bin_op(e, (int)x->IBin.op, x->ty),
			tv(e, x->IBin.lhs), val(e, x->IBin.rhs));
		break;
	case NK_ICmp:
		buf_printf(b, "\t%%v%u = %s %s, %s\n", n, cmp_op(e, (int)x->ICmp.op, IR(x->ICmp.lhs)->ty),
			tv(e, x->ICmp.lhs), val(e, x->ICmp.rhs));
		break;
	case NK_IUn: {
		const char *t = ltype(e, x->ty), *v = val(e, x->IUn.val);
		if (x->IUn.op == UOP_Neg)
			buf_printf(b, tkind(e, x->ty) == TK_Float ? "\t%%v%u = fneg %s %s\n" : "\t%%v%u = sub %s 0, %s\n", n, t, v);
		else if (x->IUn.op == UOP_Not && tkind(e, x->ty) == TK_Bool)
			buf_printf(b, "\t%%v%u = xor i1 %s, true\n", n, v);
		else
			buf_printf(b, "\t%%v%u = xor %s %s, -1\n", n, t, v);
		break;
	}
	case NK_ICast:
		emit_cast(e, b, n);
		break;
	case NK_ICall: case NK_ICallInd: {
		bool ind = x->kind == NK_ICallInd;
		uint32_t cf = ind ? 0 : user_extern(e, x->ICall.callee);
		if (cf) {       /* C ABI: abi.c */
			emit_extern_call(e, b, n, cf);
			break;
		}
		const char *callee = ind ? val(e, x->ICallInd.fnptr) : arena_printf("@%s", str_get(x->ICall.callee));
		const char *args = args_text(e, ind ? x->ICallInd.args : x->ICall.args);
		if (is_void(e, x->ty))
			buf_printf(b, "\tcall void %s(%s)\n", callee, args);
		else
			buf_printf(b, "\t%%v%u = call %s %s(%s)\n", n, ltype(e, x->ty), callee, args);
		break;
	}
	case NK_IBr:
		buf_printf(b, "\tbr label %%b%u\n", x->IBr.target);
		break;
	case NK_ICondBr:
		buf_printf(b, "\tbr i1 %s, label %%b%u, label %%b%u\n", val(e, x->ICondBr.cond),
			x->ICondBr.then, x->ICondBr.els);
		break;
	case NK_IRet:
		if (is_void(e, ret_ty))
			buf_puts(b, "\tret void\n");
		else if (x->IRet.val)
			buf_printf(b, "\tret %s\n", tv(e, x->IRet.val));
		else
			buf_printf(b, "\tret %s undef\n", ltype(e, ret_ty));
		break;
	case NK_IUnreachable:
		buf_puts(b, "\tunreachable\n");
		break;
	default:
		diag_add(e->d, SEV_ERROR, "emit", NULL, str_get(e->m->source), x->span,
			"unexpected %s node in a block", node_kind_names[x->kind]);
		break;
	}
}

static const char *param_list(E *e, uint32_t f, bool names)
{
	Buf b = {0};
	buf_puts(&b, "");
	List ps = IR(f)->IrFunc.params;
	List pt = TY(IR(f)->ty)->Fn.params;
	bool first = true;
	uint32_t n = names ? ps.len : pt.len;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t t = names ? IR(LIST_AT(e->m, ps, i))->ty : LIST_AT(e->m, pt, i);
		if (is_void(e, t))
			continue;
		buf_printf(&b, "%s%s", first ? "" : ", ", ltype(e, t));
		if (names)
			buf_printf(&b, " %%v%u", LIST_AT(e->m, ps, i));
		first = false;
	}
	char *s = arena_printf("%s", b.s ? b.s : "");
	free(b.s);
	return s;
}

static void emit_func(E *e, uint32_t f)
{
	Node *fn = IR(f);
	uint32_t ret = TY(fn->ty)->Fn.ret;
	Buf *b = &e->body;
	const char *name = str_get(fn->IrFunc.name);
	/* A generic instance made in a module file: every object that needs it
	 * has a copy in a comdat of its own name, the linker keeps one (ABI.md 11,
	 * ARCHITECTURE.md 4). */
	bool once = (fn->IrFunc.flags & FL_LINKONCE) && !(fn->IrFunc.flags & FL_LOCAL);
	if (once)
		buf_printf(b, "$%s = comdat any\n", name);
	buf_printf(b, "define %s%s @%s(%s) %s{\n",
		fn->IrFunc.flags & FL_LOCAL ? "internal " : once ? "linkonce_odr " : "",
		ltype(e, ret), name, param_list(e, f, true), once ? "comdat " : "");
	List bl = IR(f)->IrFunc.blocks;
	/* Instructions go to code first: extern calls may add entry-block
	 * allocas (e->pro) that are spliced in after the first label. */
	Buf code = {0};
	buf_puts(&code, "");
	e->pro.n = 0;
	buf_puts(&e->pro, "");
	for (uint32_t i = 0; i < bl.len; i++) {
		uint32_t blk = LIST_AT(e->m, bl, i);
		buf_printf(i ? &code : b, "b%u:\n", blk);
		List il = IR(blk)->IrBlock.insts;
		for (uint32_t k = 0; k < il.len; k++)
			emit_inst(e, &code, LIST_AT(e->m, il, k), ret);
	}
	buf_add(b, e->pro.s, e->pro.n);
	buf_add(b, code.s, code.n);
	free(code.s);
	buf_puts(b, "}\n\n");
}

static void put_string(FILE *out, const char *name, const char *s, size_t n)
{
	fprintf(out, "@%s = private unnamed_addr constant [%zu x i8] c\"", name, n + 1);
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 32 && c < 127 && c != '"' && c != '\\')
			fputc(c, out);
		else
			fprintf(out, "\\%02X", c);
	}
	fputs("\\00\"\n", out);
}

static uint32_t find_main(E *e)
{
	List fl = IR(e->m->root)->IrProgram.funcs;
	for (uint32_t i = 0; i < fl.len; i++) {
		uint32_t f = LIST_AT(e->m, fl, i);
		if ((IR(f)->IrFunc.flags & FL_MAIN) && IR(f)->IrFunc.blocks.len)
			return f;
	}
	return 0;
}

/* ABI.md 12: print user_main's scalar result by its type, return 0. */
static void emit_main_wrapper(E *e, FILE *out, uint32_t f)
{
	uint32_t ret = TY(IR(f)->ty)->Fn.ret;
	fputs("define i32 @main(i32 %argc, ptr %argv) {\n"
		"\tstore i32 %argc, ptr @__concrete_argc\n"
		"\tstore ptr %argv, ptr @__concrete_argv\n", out);
	if (is_void(e, ret)) {
		fputs("\tcall void @user_main()\n\tret i32 0\n}\n\n", out);
		return;
	}
	fprintf(out, "\t%%r = call %s @user_main()\n", ltype(e, ret));
	TypeKind k = tkind(e, ret);
	if (k == TK_Bool) {
		fputs("\t%s = select i1 %r, ptr @fmt.true, ptr @fmt.false\n"
			"\tcall i32 (ptr, ...) @printf(ptr %s)\n", out);
	} else if (k == TK_Int || k == TK_Char) {
		if (bits(e, ret) < 64)
			fprintf(out, "\t%%w = %s %s %%r to i64\n", is_signed(e, ret) ? "sext" : "zext", ltype(e, ret));
		else
			fputs("\t%w = add i64 %r, 0\n", out);
		fputs("\tcall i32 (ptr, ...) @printf(ptr @fmt.main, i64 %w)\n", out);
	}
	fputs("\tret i32 0\n}\n\n", out);
}

static bool test_selected(E *e, uint32_t f)
{
	if (!f || f >= e->m->nodes.n || IR(f)->kind != NK_IrFunc)
		return false;
	if (!(IR(f)->IrFunc.flags & FL_TEST) || !IR(f)->IrFunc.blocks.len)
		return false;
	uint32_t t = IR(f)->ty;
	if (!t || t >= e->m->types.n || TY(t)->kind != TK_Fn)
		return false;
	const char *m = e->opt->test_filter;
	if (!m)
		return true;
	const char *p = str_get(IR(f)->IrFunc.modpath);
	size_t n = strlen(m);
	return !strncmp(p, m, n) && (p[n] == 0 || p[n] == '.');
}

/* One #[test] function the runner calls: its symbol and result type. */
typedef struct TestFn {
	const char *sym;
	const char *lty;        /* LLVM result type; "void" for () */
	bool is_bool;
	bool foreign;           /* defined in a `mod x;` object: declare it */
} TestFn;
typedef VEC(TestFn) TestFns;

/* The selected tests of module e->m, in declaration order. */
static void collect_tests(E *e, TestFns *out, bool foreign)
{
	if (!e->m->root || e->m->root >= e->m->nodes.n || IR(e->m->root)->kind != NK_IrProgram)
		return;
	List fl = IR(e->m->root)->IrProgram.funcs;
	for (uint32_t i = 0; i < fl.len; i++) {
		uint32_t f = LIST_AT(e->m, fl, i);
		if (!test_selected(e, f))
			continue;
		uint32_t ret = TY(IR(f)->ty)->Fn.ret;
		TestFn t = { str_get(IR(f)->IrFunc.name), ltype(e, ret), tkind(e, ret) == TK_Bool, foreign };
		if (is_void(e, ret))
			t.lty = "void";
		vec_push(*out, t);
	}
}

/* Is sym already declared or defined by the root object? */
static bool root_has_fn(E *e, const char *sym)
{
	Str s = str_internz(sym);
	List fl = IR(e->m->root)->IrProgram.funcs;
	for (uint32_t i = 0; i < fl.len; i++)
		if (IR(LIST_AT(e->m, fl, i))->IrFunc.name == s)
			return true;
	return false;
}

/* ABI.md 13: call every selected #[test] in order, PASS:/FAIL: lines.  The
 * root object's tests come first, then those of each `mod x;` object
 * (--tests-from) in program order: a module's own functions before those
 * of its nested modules (LANGUAGE.md 6.3). */
static void emit_test_runner(E *e, FILE *out)
{
	TestFns ts = {0};
	collect_tests(e, &ts, false);
	Module *root = e->m;
	for (uint32_t i = 0; i < e->opt->ntest_mods; i++) {
		e->m = e->opt->test_mods[i];     /* type names resolve in their own module */
		collect_tests(e, &ts, true);
	}
	e->m = root;
	for (uint32_t k = 0; k < ts.n; k++) {
		Buf s = {0};
		buf_printf(&s, "PASS: %s\n", ts.v[k].sym);
		put_string(out, arena_printf("test.pass.%u", k), s.s, s.n);
		s.n = 0;
		buf_printf(&s, "FAIL: %s\n", ts.v[k].sym);
		put_string(out, arena_printf("test.fail.%u", k), s.s, s.n);
		free(s.s);
		if (ts.v[k].foreign && !root_has_fn(e, ts.v[k].sym))
			fprintf(out, "declare %s @%s()\n", ts.v[k].lty, ts.v[k].sym);
	}
	fputs("@test.none = private unnamed_addr constant [16 x i8] c\"No tests found\\0A\\00\"\n\n", out);
	fputs("define i32 @main() {\n\t%failed = alloca i32\n\tstore i32 0, ptr %failed\n", out);
	if (!ts.n)
		fputs("\tcall i32 (ptr, ...) @printf(ptr @test.none)\n\tret i32 0\n}\n\n", out);
	for (uint32_t k = 0; k < ts.n; k++) {
		TestFn *t = &ts.v[k];
		if (!strcmp(t->lty, "void"))
			fprintf(out, "\tcall void @%s()\n\t%%c%u = icmp ne i1 false, false\n", t->sym, k);
		else
			fprintf(out, "\t%%t%u = call %s @%s()\n\t%%c%u = icmp ne %s %%t%u, %s\n", k, t->lty, t->sym,
				k, t->lty, k, t->is_bool ? "false" : "0");
		fprintf(out, "\tbr i1 %%c%u, label %%fail%u, label %%pass%u\n"
			"pass%u:\n\tcall i32 (ptr, ...) @printf(ptr @test.pass.%u)\n\tbr label %%next%u\n"
			"fail%u:\n\tcall i32 (ptr, ...) @printf(ptr @test.fail.%u)\n\tstore i32 1, ptr %%failed\n"
			"\tbr label %%next%u\nnext%u:\n", k, k, k, k, k, k, k, k, k, k);
	}
	if (ts.n)
		fputs("\t%f = load i32, ptr %failed\n\tret i32 %f\n}\n\n", out);
	free(ts.v);
}

static void target_header(FILE *out)
{
	struct utsname u;
	if (uname(&u) != 0)
		return;
	if (!strcmp(u.machine, "x86_64"))
		fputs("target datalayout = \"e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-f80:128-n8:16:32:64-S128\"\n"
			"target triple = \"x86_64-pc-linux-gnu\"\n\n", out);
	else if (!strcmp(u.machine, "aarch64"))
		fputs("target datalayout = \"e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128\"\n"
			"target triple = \"aarch64-unknown-linux-gnu\"\n\n", out);
}

static bool defines(E *e, const char *name)
{
	Str s = str_internz(name);
	List fl = IR(e->m->root)->IrProgram.funcs;
	for (uint32_t i = 0; i < fl.len; i++)
		if (IR(LIST_AT(e->m, fl, i))->IrFunc.name == s)
			return true;
	return false;
}

/* ---- IR shape checks: an IR stream is only structurally validated by the
 * reader, so node kinds, types and indices are checked here before use. ---- */

static bool is_value(E *e, uint32_t v)
{
	if (!v || v >= e->m->nodes.n)
		return false;
	switch (IR(v)->kind) {
	case NK_IrParam: case NK_IAlloca: case NK_IConst: case NK_IUndef: case NK_ILoad: case NK_IFConst:
	case NK_IFieldPtr: case NK_IIndexPtr: case NK_IBin: case NK_ICmp: case NK_IUn:
	case NK_ICast: case NK_ICall: case NK_ICallInd: case NK_IFnAddr: case NK_IStr:
		return IR(v)->ty != 0 || IR(v)->kind == NK_ICall || IR(v)->kind == NK_ICallInd;
	default:
		return false;
	}
}

static bool is_type(E *e, uint32_t t, TypeKind k) { return t && t < e->m->types.n && TY(t)->kind == k; }
static bool is_block(E *e, uint32_t b) { return b && b < e->m->nodes.n && IR(b)->kind == NK_IrBlock; }

static bool struct_ok(E *e, uint32_t t)
{
	if (!is_type(e, t, TK_Struct) && !is_type(e, t, TK_Enum))
		return false;
	uint32_t s = TY(t)->Struct.decl;
	return s && s < e->m->nodes.n && IR(s)->kind == NK_IrStruct;
}

static bool args_ok(E *e, List args)
{
	for (uint32_t i = 0; i < args.len; i++)
		if (!is_value(e, LIST_AT(e->m, args, i)))
			return false;
	return true;
}

static bool inst_ok(E *e, uint32_t n)
{
	Node *x = IR(n);
	switch (x->kind) {
	case NK_IAlloca: return x->IAlloca.elem && x->IAlloca.elem < e->m->types.n;
	case NK_IConst: case NK_IUndef: case NK_IUnreachable: case NK_IFConst: return true;
	case NK_IFnAddr: return x->IFnAddr.name != 0;
	case NK_IStr: return true;
	case NK_ILoad: return is_value(e, x->ILoad.ptr);
	case NK_IStore: return is_value(e, x->IStore.ptr) && (!x->IStore.val || is_value(e, x->IStore.val));
	case NK_IFieldPtr:
		return is_value(e, x->IFieldPtr.base) && struct_ok(e, x->IFieldPtr.agg) && x->IFieldPtr.index >= 0
			&& x->IFieldPtr.index < IR(TY(x->IFieldPtr.agg)->Struct.decl)->IrStruct.fields.len;
	case NK_IIndexPtr:
		return is_value(e, x->IIndexPtr.base) && is_type(e, x->IIndexPtr.agg, TK_Array)
			&& is_value(e, x->IIndexPtr.index);
	case NK_IBin: case NK_ICmp:
		return x->IBin.op >= 0 && x->IBin.op < OP_COUNT && is_value(e, x->IBin.lhs) && is_value(e, x->IBin.rhs)
			&& (x->kind == NK_ICmp || x->IBin.op >= OP_BitOr);
	case NK_IUn: return x->IUn.op >= 0 && x->IUn.op < UOP_COUNT && is_value(e, x->IUn.val);
	case NK_ICast: return is_value(e, x->ICast.val);
	case NK_ICall: return x->ICall.callee != 0 && args_ok(e, x->ICall.args);
	case NK_ICallInd: return is_value(e, x->ICallInd.fnptr) && args_ok(e, x->ICallInd.args);
	case NK_IBr: return is_block(e, x->IBr.target);
	case NK_ICondBr: return is_value(e, x->ICondBr.cond) && is_block(e, x->ICondBr.then) && is_block(e, x->ICondBr.els);
	case NK_IRet: return !x->IRet.val || is_value(e, x->IRet.val);
	default: return false;
	}
}

static bool func_ok(E *e, uint32_t f)
{
	if (!f || f >= e->m->nodes.n || IR(f)->kind != NK_IrFunc || !is_type(e, IR(f)->ty, TK_Fn)
		|| !IR(f)->IrFunc.name)
		return false;
	List ps = IR(f)->IrFunc.params, bl = IR(f)->IrFunc.blocks;
	for (uint32_t i = 0; i < ps.len; i++) {
		uint32_t p = LIST_AT(e->m, ps, i);
		if (!p || IR(p)->kind != NK_IrParam || !IR(p)->ty)
			return false;
	}
	for (uint32_t i = 0; i < bl.len; i++) {
		uint32_t b = LIST_AT(e->m, bl, i);
		if (!is_block(e, b) || !IR(b)->IrBlock.insts.len)
			return false;
		List il = IR(b)->IrBlock.insts;
		for (uint32_t k = 0; k < il.len; k++)
			if (!inst_ok(e, LIST_AT(e->m, il, k))) {
				e->bad = LIST_AT(e->m, il, k);
				return false;
			}
	}
	return true;
}

static bool program_ok(E *e)
{
	Node *p = IR(e->m->root);
	List fl = p->IrProgram.funcs, sl = p->IrProgram.structs;
	for (uint32_t i = 0; i < sl.len; i++) {
		uint32_t s = LIST_AT(e->m, sl, i);
		if (!s || IR(s)->kind != NK_IrStruct || !struct_ok(e, IR(s)->ty))
			return false;
	}
	for (uint32_t i = 0; i < fl.len; i++)
		if (!func_ok(e, LIST_AT(e->m, fl, i)))
			return false;
	return true;
}

int emit_llvm(Module *m, const EmitOptions *opt, FILE *out, Diags *d)
{
	static const EmitOptions none = {0};
	E ev = {.m = m, .opt = opt ? opt : &none, .d = d}, *e = &ev;
	uint32_t errs = d->errors;
	if (!m || m->stage != STAGE_IR || !m->root || IR(m->root)->kind != NK_IrProgram) {
		diag_add(d, SEV_ERROR, "emit", NULL, m ? str_get(m->source) : "", (Span){0},
			"emit needs an ir module");
		return 1;
	}
	if (!program_ok(e)) {
		diag_add(d, SEV_ERROR, "emit", NULL, str_get(m->source), (Span){0},
			"malformed ir: %s node #%u has the wrong shape",
			e->bad ? node_kind_names[IR(e->bad)->kind] : "a function or struct", e->bad);
		return 1;
	}
	Node *prog = IR(m->root);
	List fl = prog->IrProgram.funcs, sl = prog->IrProgram.structs;
	for (uint32_t i = 0; i < fl.len; i++) {
		uint32_t f = LIST_AT(m, fl, i);
		if (IR(f)->IrFunc.blocks.len)
			emit_func(e, f);
	}
	if (d->errors > errs) {
		free(e->body.s);
		return 1;
	}
	uint32_t umain = e->opt->test_mode ? 0 : find_main(e);
	if (e->opt->require_entry && !e->opt->test_mode && !umain) {
		/* LANGUAGE.md 4.12: a program has exactly one entry point. */
		diag_add(d, SEV_ERROR, "check", NULL, str_get(m->source), (Span){ 0 },
			"no entry point: a program must have exactly one function 'main' in a top-level module");
		free(e->body.s);
		return 1;
	}
	bool runner = e->opt->test_mode || umain;

	fprintf(out, "; Generated by con-emit\nsource_filename = \"%s\"\n", str_get(m->source));
	target_header(out);
	for (uint32_t i = 0; i < sl.len; i++) {
		uint32_t s = LIST_AT(m, sl, i);
		emit_struct_type(e, out, s);
	}
	fputs("\n", out);
	for (uint32_t i = 0; i < e->strs.n; i++)
		put_string(out, arena_printf("str.%u", i), str_get(e->strs.v[i]), str_len(e->strs.v[i]));
	if (runner)
		fputs("@__concrete_argc = private global i32 0\n@__concrete_argv = private global ptr null\n"
			"@fmt.main = private unnamed_addr constant [6 x i8] c\"%lld\\0A\\00\"\n"
			"@fmt.true = private unnamed_addr constant [6 x i8] c\"true\\0A\\00\"\n"
			"@fmt.false = private unnamed_addr constant [7 x i8] c\"false\\0A\\00\"\n"
			"@fmt.main.s = private unnamed_addr constant [4 x i8] c\"%s\\0A\\00\"\n", out);
	fputs("\n", out);
	for (uint32_t i = 0; i < fl.len; i++) {
		uint32_t f = LIST_AT(m, fl, i);
		const char *nm = str_get(IR(f)->IrFunc.name);
		if (IR(f)->IrFunc.blocks.len || (runner && !strncmp(nm, "__concrete_get_arg", 18)))
			continue;
		if (runner && !strcmp(nm, "printf"))
			continue;
		if (user_extern(e, IR(f)->IrFunc.name) == f) {
			abi_declare(m, out, nm, IR(f)->ty);     /* C ABI: abi.c */
			continue;
		}
		uint32_t ret = TY(IR(f)->ty)->Fn.ret;
		fprintf(out, "declare %s @%s(%s)%s\n", ltype(e, ret), nm, param_list(e, f, false),
			tkind(e, ret) == TK_Never ? " noreturn" : "");
	}
	if (e->divchk && !defines(e, "abort"))
		fputs("declare void @abort() cold noreturn\n", out);
	if (e->divchk && !defines(e, "fflush"))     /* printed output survives the abort */
		fputs("declare i32 @fflush(ptr)\n", out);
	if (e->bounds && !defines(e, "con_rt_bounds_fail"))
		fputs("declare void @con_rt_bounds_fail(ptr, i64, i64, i64, i64) cold noreturn\n", out);
	if (runner)
		fputs("declare i32 @printf(ptr, ...)\n", out);
	fputs("\n", out);
	if (e->body.n)
		fwrite(e->body.s, 1, e->body.n, out);
	free(e->body.s);
	if (umain)
		emit_main_wrapper(e, out, umain);
	else if (e->opt->test_mode)
		emit_test_runner(e, out);
	if (runner) {
		bool t = e->opt->test_mode;
		fprintf(out, "define i32 @__concrete_get_argc() {\n%s}\n\n",
			t ? "\tret i32 0\n" : "\t%c = load i32, ptr @__concrete_argc\n\tret i32 %c\n");
		fprintf(out, "define ptr @__concrete_get_argv(i32 %%i) {\n%s}\n",
			t ? "\tret ptr null\n" : "\t%a = load ptr, ptr @__concrete_argv\n"
			"\t%p = getelementptr ptr, ptr %a, i32 %i\n\t%s = load ptr, ptr %p\n\tret ptr %s\n");
	}
	free(e->strs.v);
	return d->errors > errs ? 1 : 0;
}
