/* postmono.c: the post-monomorphisation Copy check (CHECKS.md 8.2,
 * catalogue D3).  con-check treats every instance of a `struct Copy S<T>`
 * as Copy (2.1); here each concrete instance is lowered once, and its
 * fields, with the instance's arguments substituted, must all be Copy. */
#include "lower.h"

/* Index of type parameter `name` among the non-capability parameters of
 * `generics`, or -1. */
static int param_index(L *l, List generics, Str name)
{
	int k = 0;
	for (uint32_t i = 0; i < generics.len; i++) {
		Node *g = N(LIST_AT(l->m, generics, i));
		if (g->kind != NK_GenericParam || (g->GenericParam.flags & FL_CAP))
			continue;
		if (g->GenericParam.name == name)
			return k;
		k++;
	}
	return -1;
}

/* CHECKS.md 2.1 for checked type t whose parameters are those of
 * `generics`, bound to `args` (concrete types).  A parameter left unbound
 * counts as Copy: nothing is known about it here. */
static bool copy_in(L *l, uint32_t t, List generics, List args, int depth)
{
	if (!t || t >= l->m->types.n || depth > 32)
		return true;
	Type *ty = TYPE_AT(l->m, t);
	switch (ty->kind) {
	case TK_String: case TK_Heap: case TK_Vec: case TK_HeapArray:
		return false;
	case TK_Ref:
		return !ty->Ref.mut;
	case TK_Array:
		return copy_in(l, ty->Array.elem, generics, args, depth + 1);
	case TK_Param: {
		int i = param_index(l, generics, ty->Param.name);
		if (i < 0 || (uint32_t)i >= args.len)
			return true;
		List none = { 0 };
		return copy_in(l, LIST_AT(l->m, args, (uint32_t)i), none, none, depth + 1);
	}
	case TK_Struct: case TK_Enum: {
		uint32_t decl = ty->Struct.decl;
		if (!decl || decl >= l->m->nodes.n)
			return true;
		Node *d = N(decl);
		if (d->kind == NK_StructDecl)
			return (d->StructDecl.flags & FL_COPY) != 0;
		if (d->kind == NK_EnumDecl)
			return (d->EnumDecl.flags & FL_COPY) != 0;
		if (d->kind == NK_NewtypeDecl && !ty->Struct.args.len)
			return copy_in(l, N(d->NewtypeDecl.type)->ty, generics, args, depth + 1);
		return true;
	}
	default:
		return true;
	}
}

/* t: a concrete instance `S<A..>` of a struct declaration. */
void postmono_check_copy(L *l, uint32_t t)
{
	Type *ty = TYPE_AT(l->m, t);
	uint32_t decl = ty->Struct.decl;
	if (!ty->Struct.args.len || !decl || decl >= l->m->nodes.n)
		return;
	Node *d = N(decl);
	if (d->kind != NK_StructDecl || !(d->StructDecl.flags & FL_COPY))
		return;
	List fl = d->StructDecl.fields;
	for (uint32_t i = 0; i < fl.len; i++) {
		Node *f = N(LIST_AT(l->m, fl, i));
		if (f->kind != NK_FieldDecl
			|| copy_in(l, f->ty, d->StructDecl.generics, ty->Struct.args, 0))
			continue;
		Diag *dg = diag_add(l->d, SEV_ERROR, "post-mono", NULL, str_get(l->m->source),
			(Span){ 0 }, "Copy struct '%s' has non-Copy field '%s' after monomorphization",
			str_get(d->StructDecl.name), str_get(f->FieldDecl.name));
		diag_hint(dg, "the generic type parameter was instantiated with a non-Copy type");
	}
}
