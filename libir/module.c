/* module.c: a stream in memory: nodes, lists, hash-consed types. */
#include "ir.h"
#include <stdlib.h>
#include <string.h>

Module *module_new(Stage stage)
{
	Module *m = xcalloc(1, sizeof *m);
	m->stage = stage;
	Node none = {0};
	Type tnone = {0};
	vec_push(m->nodes, none);
	vec_push(m->types, tnone);
	return m;
}

uint32_t node_new(Module *m, NodeKind k, Span sp)
{
	vec_grow(m->nodes, m->nodes.n + 1);
	Node *n = &m->nodes.v[m->nodes.n];
	memset(n, 0, sizeof *n);
	n->kind = (uint16_t)k;
	n->span = sp;
	return m->nodes.n++;
}

List list_make(Module *m, const uint32_t *items, uint32_t n)
{
	List l = { m->lists.n, n };
	vec_grow(m->lists, m->lists.n + n);
	if (n)
		memcpy(m->lists.v + m->lists.n, items, n * sizeof *items);
	m->lists.n += n;
	return l;
}

/* Hashing and equality look through lists at their elements, so two
 * `Foo<i64>` built with separate list_make calls are the same type. */
static uint32_t mix(uint32_t h, uint64_t v)
{
	h ^= (uint32_t)v + 0x9e3779b9u + (h << 6) + (h >> 2);
	h ^= (uint32_t)(v >> 32) + 0x9e3779b9u + (h << 6) + (h >> 2);
	return h;
}

static uint32_t mix_list(const Module *m, uint32_t h, List l)
{
	h = mix(h, l.len);
	if ((uint64_t)l.start + l.len > m->lists.n)
		return h;
	for (uint32_t i = 0; i < l.len; i++)
		h = mix(h, m->lists.v[l.start + i]);
	return h;
}

static bool list_eq(const Module *m, List a, List b)
{
	if (a.len != b.len)
		return false;
	if ((uint64_t)a.start + a.len > m->lists.n || (uint64_t)b.start + b.len > m->lists.n)
		return a.start == b.start;
	return a.len == 0 || memcmp(m->lists.v + a.start, m->lists.v + b.start,
		a.len * sizeof(uint32_t)) == 0;
}

#define F_NODE(f) h = mix(h, x->f);
#define F_STR(f) h = mix(h, x->f);
#define F_TYPE(f) h = mix(h, x->f);
#define F_INT(f) h = mix(h, (uint64_t)x->f);
#define F_NLIST(f) h = mix_list(m, h, x->f);
#define F_SLIST(f) h = mix_list(m, h, x->f);
#define F_TLIST(f) h = mix_list(m, h, x->f);
static uint32_t type_hash(const Module *m, const Type *t)
{
	uint32_t h = mix(0, t->kind);
	switch (t->kind) {
#define TYPE(K, doc, fields) case TK_##K: { const struct T_##K *x = &t->K; (void)x; fields } break;
#include "schema.def"
#undef TYPE
	}
	return h;
}
#undef F_NODE
#undef F_STR
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_SLIST
#undef F_TLIST

#define F_NODE(f) if (x->f != y->f) return false;
#define F_STR(f) if (x->f != y->f) return false;
#define F_TYPE(f) if (x->f != y->f) return false;
#define F_INT(f) if (x->f != y->f) return false;
#define F_NLIST(f) if (!list_eq(m, x->f, y->f)) return false;
#define F_SLIST(f) if (!list_eq(m, x->f, y->f)) return false;
#define F_TLIST(f) if (!list_eq(m, x->f, y->f)) return false;
static bool type_eq(const Module *m, const Type *a, const Type *b)
{
	if (a->kind != b->kind)
		return false;
	switch (a->kind) {
#define TYPE(K, doc, fields) case TK_##K: { \
		const struct T_##K *x = &a->K, *y = &b->K; (void)x; (void)y; fields } break;
#include "schema.def"
#undef TYPE
	}
	return true;
}
#undef F_NODE
#undef F_STR
#undef F_TYPE
#undef F_INT
#undef F_NLIST
#undef F_SLIST
#undef F_TLIST

static void thash_insert(Module *m, uint32_t idx)
{
	uint32_t j = type_hash(m, &m->types.v[idx]) & (m->thash_cap - 1);
	while (m->thash[j])
		j = (j + 1) & (m->thash_cap - 1);
	m->thash[j] = idx;
}

static void thash_rebuild(Module *m, uint32_t cap)
{
	free(m->thash);
	m->thash_cap = cap;
	m->thash = xcalloc(cap, sizeof *m->thash);
	for (uint32_t i = 1; i < m->types.n; i++)
		thash_insert(m, i);
}

uint32_t type_intern(Module *m, const Type *t)
{
	if (!m->thash || m->types.n * 2 >= m->thash_cap) {
		uint32_t cap = m->thash_cap ? m->thash_cap : 64;
		while (m->types.n * 2 >= cap)
			cap *= 2;
		thash_rebuild(m, cap);
	}
	uint32_t j = type_hash(m, t) & (m->thash_cap - 1);
	while (m->thash[j]) {
		if (type_eq(m, &m->types.v[m->thash[j]], t))
			return m->thash[j];
		j = (j + 1) & (m->thash_cap - 1);
	}
	/* Copy through a zeroed Type so padding and unused union bytes never
	 * leak into streams or comparisons. */
	Type c;
	memset(&c, 0, sizeof c);
	c = *t;
	vec_push(m->types, c);
	m->thash[j] = m->types.n - 1;
	return m->types.n - 1;
}

uint32_t ty_simple(Module *m, TypeKind k)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = (uint16_t)k;
	return type_intern(m, &t);
}

uint32_t ty_int(Module *m, int bits, bool sign)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Int;
	t.Int.bits = bits;
	t.Int.sign = sign;
	return type_intern(m, &t);
}

/* A pointer-like type of kind k (Ptr or Ref; both are {elem, mut}). */
static uint32_t ty_pointer(Module *m, TypeKind k, uint32_t elem, bool mut)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = k;
	t.Ptr.elem = elem;
	t.Ptr.mut = mut;
	return type_intern(m, &t);
}

uint32_t ty_ptr_to(Module *m, uint32_t elem, bool mut) { return ty_pointer(m, TK_Ptr, elem, mut); }
uint32_t ty_ref_to(Module *m, uint32_t elem, bool mut) { return ty_pointer(m, TK_Ref, elem, mut); }

/* Names are capped in depth and length: types are acyclic (validated) but a
 * shared sub-type can make the written-out name exponentially long. */
enum { NAME_MAX_DEPTH = 64, NAME_MAX_LEN = 4096 };

static void name_of(Module *m, uint32_t t, Buf *b, int depth);

static void name_list(Module *m, List l, Buf *b, int depth, bool strs)
{
	if ((uint64_t)l.start + l.len > m->lists.n)
		return;
	for (uint32_t i = 0; i < l.len && b->n < NAME_MAX_LEN; i++) {
		if (i)
			buf_puts(b, ", ");
		uint32_t v = m->lists.v[l.start + i];
		if (strs)
			buf_puts(b, str_get(v));
		else
			name_of(m, v, b, depth + 1);
	}
}

static void name_of(Module *m, uint32_t t, Buf *b, int depth)
{
	if (depth > NAME_MAX_DEPTH || b->n > NAME_MAX_LEN) {
		buf_puts(b, "...");
		return;
	}
	if (t == 0 || t >= m->types.n) {
		buf_puts(b, "<none>");
		return;
	}
	const Type *ty = &m->types.v[t];
	switch (ty->kind) {
	case TK_Error: buf_puts(b, "<error>"); break;
	case TK_Unit: buf_puts(b, "()"); break;
	case TK_Never: buf_puts(b, "!"); break;
	case TK_Bool: buf_puts(b, "bool"); break;
	case TK_Char: buf_puts(b, "char"); break;
	case TK_String: buf_puts(b, "String"); break;
	case TK_Int:
		buf_printf(b, "%c%lld", ty->Int.sign ? 'i' : 'u', (long long)ty->Int.bits);
		break;
	case TK_Float: buf_printf(b, "f%lld", (long long)ty->Float.bits); break;
	case TK_Ref:
		buf_puts(b, ty->Ref.mut ? "&mut " : "&");
		name_of(m, ty->Ref.elem, b, depth + 1);
		break;
	case TK_Ptr:
		buf_puts(b, ty->Ptr.mut ? "*mut " : "*const ");
		name_of(m, ty->Ptr.elem, b, depth + 1);
		break;
	case TK_Array:
		buf_putc(b, '[');
		name_of(m, ty->Array.elem, b, depth + 1);
		buf_printf(b, "; %lld]", (long long)ty->Array.len);
		break;
	case TK_Struct:
	case TK_Enum: {
		Str name = ty->kind == TK_Struct ? ty->Struct.name : ty->Enum.name;
		List args = ty->kind == TK_Struct ? ty->Struct.args : ty->Enum.args;
		buf_puts(b, str_get(name));
		if (args.len) {
			buf_putc(b, '<');
			name_list(m, args, b, depth, false);
			buf_putc(b, '>');
		}
		break;
	}
	case TK_Fn:
		buf_puts(b, "fn(");
		name_list(m, ty->Fn.params, b, depth, false);
		buf_putc(b, ')');
		if (ty->Fn.caps.len) {
			buf_puts(b, " with(");
			name_list(m, ty->Fn.caps, b, depth, true);
			buf_putc(b, ')');
		}
		if (ty->Fn.ret && ty->Fn.ret < m->types.n && m->types.v[ty->Fn.ret].kind != TK_Unit) {
			buf_puts(b, " -> ");
			name_of(m, ty->Fn.ret, b, depth + 1);
		}
		break;
	case TK_Param: buf_puts(b, str_get(ty->Param.name)); break;
	case TK_Heap:
		buf_puts(b, "Heap<");
		name_of(m, ty->Heap.elem, b, depth + 1);
		buf_putc(b, '>');
		break;
	default: buf_printf(b, "<type kind %u>", ty->kind); break;
	}
}

const char *type_name(Module *m, uint32_t t)
{
	Buf b = {0};
	name_of(m, t, &b, 0);
	char *s = arena_alloc(b.n + 1);
	memcpy(s, b.s ? b.s : "", b.n + 1 > 1 ? b.n + 1 : 1);
	if (!b.s)
		s[0] = 0;
	free(b.s);
	return s;
}

/* ABI.md 11 spelling of a type inside symbols.  base: the name a method
 * namespace uses (LANGUAGE.md 4.2 step 1: canonical primitive names, a named
 * type without its arguments, NULL for a type with no methods); otherwise
 * the full instance spelling with nested arguments appended (`Pair_Int`,
 * `Vec_Int`, "unknown" for what has no spelling). */
const char *type_symbol_name(Module *m, uint32_t t, bool base)
{
	if (!t || t >= m->types.n)
		return base ? NULL : "unknown";
	Type *ty = TYPE_AT(m, t);
	switch (ty->kind) {
	case TK_Int:
		if (ty->Int.bits == 64)
			return ty->Int.sign ? "Int" : "Uint";
		return arena_printf("%c%d", ty->Int.sign ? 'i' : 'u', (int)ty->Int.bits);
	case TK_Bool: return "Bool";
	case TK_Char: return "Char";
	case TK_Float: return ty->Float.bits == 32 ? "Float32" : "Float64";
	case TK_String: return "String";
	case TK_Struct: case TK_Enum: {
		const char *s = str_get(ty->Struct.name);
		List a = ty->Struct.args;
		for (uint32_t i = 0; !base && i < a.len; i++)
			s = arena_printf("%s_%s", s, type_symbol_name(m, LIST_AT(m, a, i), false));
		return s;
	}
	case TK_Vec:
		return base ? "Vec" : arena_printf("Vec_%s", type_symbol_name(m, ty->Vec.elem, false));
	default:
		break;
	}
	if (base)
		return NULL;
	switch (ty->kind) {
	case TK_Unit: return "Unit";
	case TK_Heap: return arena_printf("Heap_%s", type_symbol_name(m, ty->Heap.elem, false));
	case TK_HeapArray: return arena_printf("HeapArray_%s", type_symbol_name(m, ty->HeapArray.elem, false));
	case TK_Ref:
		return arena_printf("%s_%s", ty->Ref.mut ? "refmut" : "ref", type_symbol_name(m, ty->Ref.elem, false));
	case TK_Ptr:
		return arena_printf("%s_%s", ty->Ptr.mut ? "ptrmut" : "ptr", type_symbol_name(m, ty->Ptr.elem, false));
	case TK_Array:
		return arena_printf("arr%lld_%s", (long long)ty->Array.len, type_symbol_name(m, ty->Array.elem, false));
	default:
		return "unknown";
	}
}

/* Calls f(ctx, child) for every node child of n (F_NODE and F_NLIST fields)
 * in schema order, which is evaluation order for expressions. */
void node_each_child(Module *m, uint32_t n, void (*f)(void *ctx, uint32_t child), void *ctx)
{
	if (!n || n >= m->nodes.n)
		return;
	Node *x = NODE_AT(m, n);
	switch (x->kind) {
#define F_NODE(fl) f(ctx, p->fl);
#define F_NLIST(fl) for (uint32_t i_ = 0; i_ < p->fl.len; i_++) f(ctx, LIST_AT(m, p->fl, i_));
#define F_STR(fl)
#define F_SLIST(fl)
#define F_TYPE(fl)
#define F_TLIST(fl)
#define F_INT(fl)
#define NODE(K, st, doc, fields) case NK_##K: { const struct N_##K *p = &x->K; (void)p; fields } break;
#include "schema.def"
#undef NODE
#undef F_NODE
#undef F_NLIST
#undef F_STR
#undef F_SLIST
#undef F_TYPE
#undef F_TLIST
#undef F_INT
	default:
		break;
	}
}

/* CHECKS.md 2.1: whether values of type t are Copy.  What is not known here
 * counts as Copy so that no good program is rejected: an error type, a type
 * whose declaration is not in this module, a union (it cannot be declared
 * Copy; like raw pointers its contents are not tracked).  h->param decides a
 * type parameter; h->newtype_inner gives the inner type of a newtype
 * instance (0 = unknown, counts as Copy). */
static bool is_copy_at(Module *m, uint32_t t, const CopyHooks *h, int depth)
{
	if (!t || t >= m->types.n || depth > 64)
		return true;
	Type *ty = TYPE_AT(m, t);
	switch (ty->kind) {
	case TK_Ref:
		return !ty->Ref.mut;
	case TK_Array:
		return is_copy_at(m, ty->Array.elem, h, depth + 1);
	case TK_String: case TK_Heap: case TK_Vec: case TK_HeapArray:
		return false;
	case TK_Param:
		return h->param(h->ctx, t);
	case TK_Struct: case TK_Enum: {
		uint32_t d = ty->Struct.decl;
		if (!d || d >= m->nodes.n)
			return true;
		Node *dn = NODE_AT(m, d);
		if (dn->kind == NK_NewtypeDecl)
			return is_copy_at(m, h->newtype_inner(h->ctx, t), h, depth + 1);
		if (dn->kind == NK_StructDecl)
			return (dn->StructDecl.flags & (FL_COPY | FL_UNION)) != 0;
		if (dn->kind == NK_EnumDecl)
			return (dn->EnumDecl.flags & FL_COPY) != 0;
		return true;
	}
	default:
		return true;     /* primitives, (), !, raw and fn pointers */
	}
}

bool type_is_copy(Module *m, uint32_t t, const CopyHooks *h)
{
	return is_copy_at(m, t, h, 0);
}
