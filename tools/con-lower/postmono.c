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

/* A field type is judged with the struct's parameters bound to the
 * instance's arguments (concrete types).  What is unknown here counts as
 * Copy: a parameter left unbound, a generic newtype's inner type. */
typedef struct Inst { L *l; List generics, args; } Inst;

static bool param_copy(void *ctx, uint32_t t);

static uint32_t newtype_inner(void *ctx, uint32_t t)
{
	L *l = ((Inst *)ctx)->l;
	Node *d = N(TYPE_AT(l->m, t)->Struct.decl);
	return TYPE_AT(l->m, t)->Struct.args.len ? 0 : N(d->NewtypeDecl.type)->ty;
}

static bool copy_in(Inst *in, uint32_t t)
{
	CopyHooks h = { param_copy, newtype_inner, in };
	return type_is_copy(in->l->m, t, &h);
}

static bool param_copy(void *ctx, uint32_t t)
{
	Inst *in = ctx;
	L *l = in->l;
	int i = param_index(l, in->generics, TYPE_AT(l->m, t)->Param.name);
	if (i < 0 || (uint32_t)i >= in->args.len)
		return true;
	Inst arg = { l, { 0 }, { 0 } };
	return copy_in(&arg, LIST_AT(l->m, in->args, (uint32_t)i));
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
	Inst in = { l, d->StructDecl.generics, ty->Struct.args };
	for (uint32_t i = 0; i < fl.len; i++) {
		Node *f = N(LIST_AT(l->m, fl, i));
		if (f->kind != NK_FieldDecl || copy_in(&in, f->ty))
			continue;
		Diag *dg = diag_add(l->d, SEV_ERROR, "post-mono", NULL, str_get(l->m->source),
			(Span){ 0 }, "Copy struct '%s' has non-Copy field '%s' after monomorphization",
			str_get(d->StructDecl.name), str_get(f->FieldDecl.name));
		diag_hint(dg, "the generic type parameter was instantiated with a non-Copy type");
	}
}
