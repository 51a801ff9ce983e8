/* abi.c: the x86-64 System V C calling convention for `extern fn`
 * (ABI.md 10, psABI 3.2.3), and LLVM forms that depend on layout.
 *
 * Scalars pass as their LLVM types, with zeroext/signext on the narrow
 * ones as clang does.  A #[repr(C)] struct is classified by eightbytes:
 * each 8-byte chunk is INTEGER if any integer/pointer lies in it, else SSE.
 * Structs over 16 bytes, with unaligned fields, or that no longer fit in the
 * remaining registers go in memory: `byval` arguments, `sret` results.
 * Register-class values are coerced through a stack slot, so a partial last
 * eightbyte is loaded with its exact size (i32, i24, float) as clang does. */
#include "emit.h"

enum { CL_NONE, CL_INT, CL_SSE, CL_MEM };

/* Classify the eightbytes of type t placed at byte offset off. */
static void classify(Module *m, uint32_t t, uint64_t off, int cls[2], bool *unaligned, int depth)
{
	if (!t || t >= m->types.n || depth > 32)
		return;
	Type *ty = TYPE_AT(m, t);
	Layout lt = layout_of(m, t);
	if (lt.align > 1 && off % lt.align)
		*unaligned = true;
	if (ty->kind == TK_Struct && ty->Struct.decl && NODE_AT(m, ty->Struct.decl)->kind == NK_IrStruct) {
		List fl = NODE_AT(m, ty->Struct.decl)->IrStruct.fields;
		for (uint32_t i = 0; i < fl.len; i++)
			classify(m, LIST_AT(m, fl, i), off + layout_field_offset(m, t, i), cls, unaligned, depth + 1);
		return;
	}
	if (ty->kind == TK_Array) {
		Layout el = layout_of(m, ty->Array.elem);
		for (int64_t i = 0; i < ty->Array.len && el.size; i++)
			classify(m, ty->Array.elem, off + (uint64_t)i * el.size, cls, unaligned, depth + 1);
		return;
	}
	if (lt.size == 0 || off >= 16) {
		if (lt.size)
			cls[0] = cls[1] = CL_MEM;
		return;
	}
	int k = ty->kind == TK_Float ? CL_SSE : CL_INT;
	int *c = &cls[off / 8];
	if (*c == CL_NONE || *c == CL_SSE)
		*c = k == CL_INT ? CL_INT : CL_SSE;
}

/* Is every float in eightbyte w an f32 at offsets 0 and 4 (<2 x float>)? */
static bool two_floats(Module *m, uint32_t t, uint64_t w)
{
	List fl = NODE_AT(m, TYPE_AT(m, t)->Struct.decl)->IrStruct.fields;
	int n = 0;
	for (uint32_t i = 0; i < fl.len; i++) {
		uint64_t o = layout_field_offset(m, t, i);
		uint32_t ft = LIST_AT(m, fl, i);
		if (o / 8 != w)
			continue;
		if (TYPE_AT(m, ft)->kind != TK_Float || TYPE_AT(m, ft)->Float.bits != 32)
			return false;
		n++;
	}
	return n == 2;
}

const char *abi_scalar(Module *m, uint32_t t)
{
	Type *ty = TYPE_AT(m, t);
	switch (ty->kind) {
	case TK_Bool: return "i1";
	case TK_Char: return "i8";
	case TK_Int: return arena_printf("i%d", (int)ty->Int.bits);
	case TK_Float: return ty->Float.bits == 32 ? "float" : "double";
	case TK_Struct: return arena_printf("%%struct.%s", str_get(ty->Struct.name));
	default: return "ptr";
	}
}

/* clang's extension attributes for narrow C scalars. */
static const char *ext_attr(Module *m, uint32_t t)
{
	Type *ty = TYPE_AT(m, t);
	if (ty->kind == TK_Bool || ty->kind == TK_Char)
		return " zeroext";
	if (ty->kind == TK_Int && ty->Int.bits < 32)
		return ty->Int.sign ? " signext" : " zeroext";
	return "";
}

static bool is_agg(Module *m, uint32_t t)
{
	return t && t < m->types.n && TYPE_AT(m, t)->kind == TK_Struct;
}

/* How one value crosses the C boundary.  int_left/sse_left track the
 * argument registers still free (6 INTEGER, 8 SSE). */
AbiPass abi_classify(Module *m, uint32_t t, bool is_ret, int *int_left, int *sse_left)
{
	AbiPass p;
	memset(&p, 0, sizeof p);
	if (!t || t >= m->types.n || TYPE_AT(m, t)->kind == TK_Unit || TYPE_AT(m, t)->kind == TK_Never) {
		p.kind = ABI_IGNORE;
		return p;
	}
	if (!is_agg(m, t)) {
		p.kind = ABI_DIRECT;
		return p;
	}
	Layout lt = layout_of(m, t);
	int cls[2] = { CL_NONE, CL_NONE };
	bool unaligned = false;
	classify(m, t, 0, cls, &unaligned, 0);
	p.n = lt.size > 8 ? 2 : 1;
	if (lt.size == 0) {
		p.kind = ABI_IGNORE;
		return p;
	}
	int ni = 0, ns = 0;
	for (int i = 0; i < p.n; i++) {
		if (cls[i] == CL_NONE)
			cls[i] = CL_SSE;      /* padding only: clang treats as SSE-free; rare */
		ni += cls[i] == CL_INT;
		ns += cls[i] == CL_SSE;
	}
	bool mem = lt.size > 16 || unaligned || cls[0] == CL_MEM || cls[1] == CL_MEM;
	if (!mem && !is_ret && (ni > *int_left || ns > *sse_left))
		mem = true;
	if (mem) {
		p.kind = is_ret ? ABI_SRET : ABI_BYVAL;
		p.align = lt.align < 8 ? 8 : lt.align;
		if (is_ret)
			(*int_left)--;    /* the hidden pointer takes %rdi */
		return p;
	}
	if (!is_ret) {
		*int_left -= ni;
		*sse_left -= ns;
	}
	p.kind = ABI_COERCE;
	for (int i = 0; i < p.n; i++) {
		uint64_t sz = lt.size - 8 * (uint64_t)i;
		sz = sz > 8 ? 8 : sz;
		p.off[i] = 8 * (uint64_t)i;
		if (cls[i] == CL_INT)
			p.part[i] = arena_printf("i%llu", (unsigned long long)sz * 8);
		else if (sz <= 4)
			p.part[i] = "float";
		else
			p.part[i] = two_floats(m, t, (uint64_t)i) ? "<2 x float>" : "double";
	}
	return p;
}

static const char *coerced_ret(const AbiPass *p)
{
	return p->n == 1 ? p->part[0] : arena_printf("{ %s, %s }", p->part[0], p->part[1]);
}

void abi_declare(Module *m, FILE *out, const char *name, uint32_t fnty)
{
	Type *ft = TYPE_AT(m, fnty);
	int il = 6, sl = 8;
	AbiPass r = abi_classify(m, ft->Fn.ret, true, &il, &sl);
	Buf b = { 0 };
	buf_puts(&b, "");
	bool first = true;
	const char *ret = r.kind == ABI_IGNORE || r.kind == ABI_SRET ? "void"
		: r.kind == ABI_COERCE ? coerced_ret(&r) : abi_scalar(m, ft->Fn.ret);
	if (r.kind == ABI_DIRECT && ext_attr(m, ft->Fn.ret)[0])
		ret = arena_printf("%s %s", ext_attr(m, ft->Fn.ret) + 1, ret);
	if (r.kind == ABI_SRET) {
		buf_printf(&b, "ptr sret(%s) align %llu", abi_scalar(m, ft->Fn.ret), (unsigned long long)r.align);
		first = false;
	}
	for (uint32_t i = 0; i < ft->Fn.params.len; i++) {
		uint32_t t = LIST_AT(m, ft->Fn.params, i);
		AbiPass p = abi_classify(m, t, false, &il, &sl);
		if (p.kind == ABI_IGNORE)
			continue;
		const char *sep = first ? "" : ", ";
		first = false;
		if (p.kind == ABI_DIRECT)
			buf_printf(&b, "%s%s%s", sep, abi_scalar(m, t), ext_attr(m, t));
		else if (p.kind == ABI_BYVAL)
			buf_printf(&b, "%sptr byval(%s) align %llu", sep, abi_scalar(m, t), (unsigned long long)p.align);
		else
			for (int k = 0; k < p.n; k++)
				buf_printf(&b, "%s%s", k ? ", " : sep, p.part[k]);
	}
	fprintf(out, "declare %s @%s(%s)%s\n", ret, name, b.s ? b.s : "",
		TYPE_AT(m, ft->Fn.ret)->kind == TK_Never ? " noreturn" : "");
	free(b.s);
}

/* A call of extern `name` (type fnty) whose result is %v<res>; args[i] are
 * IR value operands already printed as "type value" (tv) and value (v). */
void abi_call(Module *m, Buf *b, Buf *pro, uint32_t res, const char *name, uint32_t fnty,
	const uint32_t *argty, const char *const *argval, uint32_t n)
{
	Type *ft = TYPE_AT(m, fnty);
	int il = 6, sl = 8;
	uint32_t rt = ft->Fn.ret;
	AbiPass r = abi_classify(m, rt, true, &il, &sl);
	Buf a = { 0 };
	buf_puts(&a, "");
	bool first = true;
	if (r.kind == ABI_SRET) {
		buf_printf(pro, "\t%%v%u.sret = alloca %s, align %llu\n", res, abi_scalar(m, rt), (unsigned long long)r.align);
		buf_printf(&a, "ptr sret(%s) align %llu %%v%u.sret", abi_scalar(m, rt), (unsigned long long)r.align, res);
		first = false;
	}
	for (uint32_t i = 0; i < n; i++) {
		uint32_t t = argty[i];
		AbiPass p = abi_classify(m, t, false, &il, &sl);
		if (p.kind == ABI_IGNORE)
			continue;
		const char *sep = first ? "" : ", ";
		first = false;
		if (p.kind == ABI_DIRECT) {
			buf_printf(&a, "%s%s%s %s", sep, abi_scalar(m, t), ext_attr(m, t), argval[i]);
			continue;
		}
		Layout lt = layout_of(m, t);
		uint64_t al = p.kind == ABI_BYVAL ? p.align : lt.align;
		buf_printf(pro, "\t%%v%u.a%u = alloca %s, align %llu\n", res, i,
			abi_scalar(m, t), (unsigned long long)al);
		buf_printf(b, "\tstore %s %s, ptr %%v%u.a%u\n", abi_scalar(m, t), argval[i], res, i);
		if (p.kind == ABI_BYVAL) {
			buf_printf(&a, "%sptr byval(%s) align %llu %%v%u.a%u", sep, abi_scalar(m, t),
				(unsigned long long)p.align, res, i);
			continue;
		}
		for (int k = 0; k < p.n; k++) {
			buf_printf(b, "\t%%v%u.a%u.p%d = getelementptr i8, ptr %%v%u.a%u, i64 %llu\n"
				"\t%%v%u.a%u.l%d = load %s, ptr %%v%u.a%u.p%d, align 1\n",
				res, i, k, res, i, (unsigned long long)p.off[k], res, i, k, p.part[k], res, i, k);
			buf_printf(&a, "%s%s %%v%u.a%u.l%d", k ? ", " : sep, p.part[k], res, i, k);
		}
	}
	const char *args = a.s ? a.s : "";
	switch (r.kind) {
	case ABI_IGNORE:
		buf_printf(b, "\tcall void @%s(%s)\n", name, args);
		break;
	case ABI_DIRECT:
		buf_printf(b, "\t%%v%u = call%s %s @%s(%s)\n", res, ext_attr(m, rt), abi_scalar(m, rt), name, args);
		break;
	case ABI_SRET:
		buf_printf(b, "\tcall void @%s(%s)\n\t%%v%u = load %s, ptr %%v%u.sret\n", name, args,
			res, abi_scalar(m, rt), res);
		break;
	default: {
		Layout lt = layout_of(m, rt);
		const char *ct = coerced_ret(&r);
		buf_printf(b, "\t%%v%u.r = call %s @%s(%s)\n", res, ct, name, args);
		/* The slot is at least 16 bytes so that storing both eightbytes
		 * whole cannot overrun a 12-byte struct. */
		buf_printf(pro, "\t%%v%u.rs = alloca [%llu x i8], align %llu\n", res,
			(unsigned long long)(lt.size > 8 ? 16 : 8), (unsigned long long)(lt.align < 8 ? 8 : lt.align));
		if (r.n == 1) {
			buf_printf(b, "\tstore %s %%v%u.r, ptr %%v%u.rs, align 1\n", ct, res, res);
		} else {
			for (int k = 0; k < 2; k++)
				buf_printf(b, "\t%%v%u.r%d = extractvalue %s %%v%u.r, %d\n"
					"\t%%v%u.rp%d = getelementptr i8, ptr %%v%u.rs, i64 %llu\n"
					"\tstore %s %%v%u.r%d, ptr %%v%u.rp%d, align 1\n",
					res, k, ct, res, k, res, k, res, (unsigned long long)r.off[k], r.part[k], res, k, res, k);
		}
		buf_printf(b, "\t%%v%u = load %s, ptr %%v%u.rs\n", res, abi_scalar(m, rt), res);
		break;
	}
	}
	free(a.s);
}
