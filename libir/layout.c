/* layout.c: size, alignment and field offsets of every type.
 *
 * LANGUAGE.md 3.14 and ABI.md 3-5.  The one source of layout numbers for
 * sizeof/alignof, con-emit's LLVM types and the C ABI.  A type is laid out
 * in the module it belongs to: in a checked module structs point at their
 * StructDecl (whose field types may mention the struct's type parameters,
 * substituted here through an environment of generic arguments); in an IR
 * module they point at an IrStruct whose field types are concrete. */
#include <string.h>

#include "ir.h"

/* Type arguments of the enclosing generic declarations: a TK_Param named
 * generics[i] means args[i], read in the environment `up`. */
typedef struct Env {
	const struct Env *up;
	List generics;      /* GenericParam nodes */
	List args;          /* types */
} Env;

static Layout lay(Module *m, uint32_t ty, const Env *env, int depth);

uint64_t align_up(uint64_t n, uint64_t a)
{
	return a <= 1 ? n : (n + a - 1) / a * a;
}

Layout layout_fields(const Layout *f, uint32_t n, bool packed, bool is_union,
	uint64_t min_align, uint64_t *offs)
{
	uint64_t off = 0, size = 0, align = 1;
	for (uint32_t i = 0; i < n; i++) {
		uint64_t a = packed ? 1 : (f[i].align ? f[i].align : 1);
		if (is_union) {
			/* C-union layout (ABI.md 3.1): every field at offset 0. */
			if (offs)
				offs[i] = 0;
			size = f[i].size > size ? f[i].size : size;
		} else {
			off = align_up(off, a);
			if (offs)
				offs[i] = off;
			off += f[i].size;
			size = off;
		}
		align = a > align ? a : align;
	}
	if (min_align > align && !packed)
		align = min_align;
	return (Layout){ packed ? size : align_up(size, align), align };
}

int64_t layout_repr_align(Module *m, List attrs)
{
	for (uint32_t i = 0; i < attrs.len; i++) {
		uint32_t a = LIST_AT(m, attrs, i);
		if (!a || a >= m->nodes.n || NODE_AT(m, a)->kind != NK_Attr
			|| strcmp(str_get(NODE_AT(m, a)->Attr.key), "repr"))
			continue;
		List args = NODE_AT(m, a)->Attr.args;
		for (uint32_t j = 0; j < args.len; j++) {
			Node *o = NODE_AT(m, LIST_AT(m, args, j));
			if (o->kind == NK_Attr && !strcmp(str_get(o->Attr.key), "align"))
				return o->Attr.num;
		}
	}
	return 0;
}

static bool valid_node(Module *m, uint32_t n) { return n && n < m->nodes.n; }

/* The type a parameter name stands for, and the environment to read it in. */
static uint32_t param_lookup(Module *m, Str name, const Env **env)
{
	for (const Env *e = *env; e; e = e->up)
		for (uint32_t i = 0; i < e->generics.len && i < e->args.len; i++) {
			uint32_t g = LIST_AT(m, e->generics, i);
			if (valid_node(m, g) && NODE_AT(m, g)->kind == NK_GenericParam
				&& NODE_AT(m, g)->GenericParam.name == name) {
				*env = e->up;
				return LIST_AT(m, e->args, i);
			}
		}
	return 0;
}

/* Field layouts of a struct-like declaration into f (at most cap). */
static uint32_t decl_fields(Module *m, uint32_t ty, const Env *env, int depth,
	Layout *f, uint32_t cap, bool *packed, bool *is_union, uint64_t *min_align)
{
	Type *t = TYPE_AT(m, ty);
	uint32_t decl = t->Struct.decl;
	Node *d = NODE_AT(m, decl);
	*packed = *is_union = false;
	*min_align = 0;
	if (d->kind == NK_IrStruct) {
		List fl = d->IrStruct.fields;
		*packed = (d->IrStruct.flags & FL_REPR_PACKED) != 0;
		*is_union = (d->IrStruct.flags & FL_UNION) != 0;
		*min_align = d->IrStruct.align > 0 ? (uint64_t)d->IrStruct.align : 0;
		uint32_t n = fl.len < cap ? fl.len : cap;
		for (uint32_t i = 0; i < n; i++)
			f[i] = lay(m, LIST_AT(m, fl, i), env, depth + 1);
		return n;
	}
	if (d->kind != NK_StructDecl)
		return 0;
	Env inner = { env, d->StructDecl.generics, t->Struct.args };
	List fl = d->StructDecl.fields;
	*packed = (d->StructDecl.flags & FL_REPR_PACKED) != 0;
	*is_union = (d->StructDecl.flags & FL_UNION) != 0;
	int64_t al = layout_repr_align(m, d->StructDecl.attrs);
	*min_align = al > 0 ? (uint64_t)al : 0;
	uint32_t n = fl.len < cap ? fl.len : cap;
	for (uint32_t i = 0; i < n; i++) {
		uint32_t fd = LIST_AT(m, fl, i);
		f[i] = valid_node(m, fd) ? lay(m, NODE_AT(m, fd)->ty, &inner, depth + 1) : (Layout){ 0, 1 };
	}
	return n;
}

static uint32_t struct_nfields(Module *m, uint32_t ty)
{
	Node *d = NODE_AT(m, TYPE_AT(m, ty)->Struct.decl);
	return d->kind == NK_IrStruct ? d->IrStruct.fields.len
		: d->kind == NK_StructDecl ? d->StructDecl.fields.len : 0;
}

static Layout lay_struct(Module *m, uint32_t ty, const Env *env, int depth, uint64_t *offs)
{
	uint32_t decl = TYPE_AT(m, ty)->Struct.decl;
	if (!valid_node(m, decl))
		return (Layout){ 0, 1 };
	Node *d = NODE_AT(m, decl);
	if (d->kind == NK_NewtypeDecl) {
		/* Newtypes are erased: the layout of the wrapped type (ABI.md 3). */
		Env inner = { env, d->NewtypeDecl.generics, TYPE_AT(m, ty)->Struct.args };
		uint32_t tn = d->NewtypeDecl.type;
		if (offs)
			offs[0] = 0;
		return valid_node(m, tn) ? lay(m, NODE_AT(m, tn)->ty, &inner, depth + 1) : (Layout){ 0, 1 };
	}
	uint32_t n = struct_nfields(m, ty);
	Layout f[n + 1];
	bool packed, is_union;
	uint64_t min_align;
	n = decl_fields(m, ty, env, depth, f, n, &packed, &is_union, &min_align);
	return layout_fields(f, n, packed, is_union, min_align, offs);
}

/* ---- enums ---- */

/* Variant field types of an enum type: per variant the field type ids, and
 * the environment they are read in.  Builtin Option/Result have no decl. */
typedef struct EnumShape {
	uint32_t nvar;
	uint32_t nf[64];
	uint32_t ft[256];      /* concatenated field types */
	Env env;
} EnumShape;

static bool enum_shape(Module *m, uint32_t ety, const Env *env, EnumShape *s)
{
	Type *t = TYPE_AT(m, ety);
	memset(s, 0, sizeof *s);
	s->env.up = env;
	uint32_t decl = t->Enum.decl;
	if (valid_node(m, decl) && NODE_AT(m, decl)->kind == NK_EnumDecl) {
		Node *d = NODE_AT(m, decl);
		s->env.generics = d->EnumDecl.generics;
		s->env.args = t->Enum.args;
		uint32_t k = 0;
		for (uint32_t v = 0; v < d->EnumDecl.variants.len && v < 64; v++) {
			uint32_t vn = LIST_AT(m, d->EnumDecl.variants, v);
			if (!valid_node(m, vn) || NODE_AT(m, vn)->kind != NK_Variant)
				continue;
			List fl = NODE_AT(m, vn)->Variant.fields;
			for (uint32_t i = 0; i < fl.len && k < 256; i++, k++) {
				uint32_t fd = LIST_AT(m, fl, i);
				s->ft[k] = valid_node(m, fd) ? NODE_AT(m, fd)->ty : 0;
				s->nf[s->nvar]++;
			}
			s->nvar++;
		}
		return true;
	}
	const char *name = str_get(t->Enum.name);
	List a = t->Enum.args;
	/* Some { value: T } = 0, None = 1; Ok { value: T } = 0, Err { error: E } = 1 */
	s->nvar = 2;
	if (!strcmp(name, "Option") && a.len >= 1) {
		s->nf[0] = 1;
		s->ft[0] = LIST_AT(m, a, 0);
		return true;
	}
	if (!strcmp(name, "Result") && a.len >= 2) {
		s->nf[0] = s->nf[1] = 1;
		s->ft[0] = LIST_AT(m, a, 0);
		s->ft[1] = LIST_AT(m, a, 1);
		return true;
	}
	s->nvar = 0;
	return true;
}

/* ABI.md 4: i32 tag, payload at round_up(4, A), variants laid out like
 * structs from there.  offs (may be NULL) gets absolute field offsets in the
 * order of the concatenated field list. */
static EnumLayout enum_from_shape(Module *m, const EnumShape *s, int depth, uint64_t *offs)
{
	Layout f[256];
	uint32_t total = 0;
	for (uint32_t v = 0; v < s->nvar; v++)
		total += s->nf[v];
	for (uint32_t i = 0; i < total; i++)
		f[i] = lay(m, s->ft[i], &s->env, depth + 1);
	uint64_t pa = 1;
	for (uint32_t i = 0; i < total; i++)
		pa = f[i].align > pa ? f[i].align : pa;
	EnumLayout el = { 0, 0, align_up(4, pa), 0 };
	uint32_t k = 0;
	for (uint32_t v = 0; v < s->nvar; v++) {
		uint64_t o[s->nf[v] + 1];
		/* unpadded struct size: the end of the last field */
		uint64_t end = 0;
		layout_fields(f + k, s->nf[v], false, false, 0, o);
		for (uint32_t i = 0; i < s->nf[v]; i++) {
			if (o[i] + f[k + i].size > end)
				end = o[i] + f[k + i].size;
			if (offs)
				offs[k + i] = el.payload_off + o[i];
		}
		el.max_payload = end > el.max_payload ? end : el.max_payload;
		k += s->nf[v];
	}
	el.align = pa > 4 ? pa : 4;
	el.size = align_up(el.payload_off + el.max_payload, el.align);
	return el;
}

bool layout_enum(Module *m, uint32_t ety, EnumLayout *out)
{
	if (!ety || ety >= m->types.n || TYPE_AT(m, ety)->kind != TK_Enum)
		return false;
	EnumShape s;
	enum_shape(m, ety, NULL, &s);
	*out = enum_from_shape(m, &s, 0, NULL);
	return true;
}

uint64_t layout_variant_field_offset(Module *m, uint32_t ety, uint32_t v, uint32_t f)
{
	if (!ety || ety >= m->types.n || TYPE_AT(m, ety)->kind != TK_Enum)
		return 0;
	EnumShape s;
	enum_shape(m, ety, NULL, &s);
	uint64_t offs[256];
	enum_from_shape(m, &s, 0, offs);
	if (v >= s.nvar || f >= s.nf[v])
		return 0;
	uint32_t k = 0;
	for (uint32_t i = 0; i < v; i++)
		k += s.nf[i];
	return offs[k + f];
}

/* ---- every type ---- */

static Layout lay(Module *m, uint32_t ty, const Env *env, int depth)
{
	if (!ty || ty >= m->types.n || depth > 200)
		return (Layout){ 0, 1 };
	Type *t = TYPE_AT(m, ty);
	switch (t->kind) {
	case TK_Bool: case TK_Char:
		return (Layout){ 1, 1 };
	case TK_Int:
		return (Layout){ (uint64_t)t->Int.bits / 8, (uint64_t)t->Int.bits / 8 };
	case TK_Float:
		return (Layout){ (uint64_t)t->Float.bits / 8, (uint64_t)t->Float.bits / 8 };
	case TK_String: case TK_Vec:
		return (Layout){ 24, 8 };
	case TK_Ref: case TK_Ptr: case TK_Heap: case TK_HeapArray: case TK_Fn:
		return (Layout){ 8, 8 };
	case TK_Array: {
		Layout e = lay(m, t->Array.elem, env, depth + 1);
		return (Layout){ e.size * (uint64_t)(t->Array.len > 0 ? t->Array.len : 0), e.align };
	}
	case TK_Struct:
		return lay_struct(m, ty, env, depth, NULL);
	case TK_Enum: {
		/* In an IR module an enum's decl is the IrStruct of its storage,
		 * built by con-lower to match this layout exactly. */
		if (valid_node(m, t->Enum.decl) && NODE_AT(m, t->Enum.decl)->kind == NK_IrStruct)
			return lay_struct(m, ty, env, depth, NULL);
		EnumShape s;
		enum_shape(m, ty, env, &s);
		EnumLayout el = enum_from_shape(m, &s, depth, NULL);
		return (Layout){ el.size, el.align };
	}
	case TK_Param: {
		const Env *e = env;
		uint32_t a = param_lookup(m, t->Param.name, &e);
		/* An unbound parameter has no layout until monomorphization. */
		return a ? lay(m, a, e, depth + 1) : (Layout){ 0, 1 };
	}
	default:   /* unit, never, error */
		return (Layout){ 0, 1 };
	}
}

Layout layout_of(Module *m, uint32_t ty)
{
	return lay(m, ty, NULL, 0);
}

uint64_t layout_field_offset(Module *m, uint32_t sty, uint32_t idx)
{
	if (!sty || sty >= m->types.n || TYPE_AT(m, sty)->kind != TK_Struct
		|| !valid_node(m, TYPE_AT(m, sty)->Struct.decl))
		return 0;
	uint32_t n = struct_nfields(m, sty);
	if (idx >= n)
		return 0;
	uint64_t offs[n + 1];
	lay_struct(m, sty, NULL, 0, offs);
	return offs[idx];
}
