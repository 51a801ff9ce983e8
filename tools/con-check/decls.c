/* decls.c: declaration rules of core-check that are not about one
 * expression: Copy struct fields (CHECKS.md 3.1, catalogue D2). */
#include "check.h"

/* CHECKS.md 2.1 applied to a declared field type.  A type parameter here
 * is one of the struct's own (skipped by 3.1; the post-monomorphisation
 * check in con-lower sees the instance).  Imported declarations (decl 0)
 * are not visible to us and count as Copy so that no good program is
 * rejected; newtypes are Copy iff their inner type is (2.1). */
static bool field_copy(Checker *c, uint32_t t, int depth)
{
	if (depth > 32)
		return true;
	Type *ty = ty_at(c, t);
	switch (ty->kind) {
	case TK_String: case TK_Heap: case TK_Vec: case TK_HeapArray:
		return false;
	case TK_Ref:
		return !ty->Ref.mut;
	case TK_Array:
		return field_copy(c, ty->Array.elem, depth + 1);
	case TK_Struct: case TK_Enum: {
		uint32_t decl = ty->Struct.decl;
		if (!decl || decl >= c->m->nodes.n)
			return true;
		Node *d = NODE_AT(c->m, decl);
		if (d->kind == NK_StructDecl)
			return (d->StructDecl.flags & FL_COPY) != 0;
		if (d->kind == NK_EnumDecl)
			return (d->EnumDecl.flags & FL_COPY) != 0;
		if (d->kind == NK_NewtypeDecl)
			return field_copy(c, tx_newtype_inner(c, t), depth + 1);
		return true;
	}
	default:
		return true;
	}
}

/* `struct Copy S { .. }`: every field Copy ("contains non-copy field",
 * E0571).  The fields of Copy enums are not checked (3.1 [LENIENT]). */
void check_copy_struct(Checker *c, uint32_t sd)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, sd);
	if (!(n->StructDecl.flags & FL_COPY))
		return;
	List fl = n->StructDecl.fields;
	for (uint32_t i = 0; i < fl.len; i++) {
		Node *f = NODE_AT(m, LIST_AT(m, fl, i));
		if (f->kind != NK_FieldDecl || !f->ty || field_copy(c, f->ty, 0))
			continue;
		Diag *dg = cerr(c, CD_COPY_FIELD, f->span, str_get(n->StructDecl.name),
			str_get(f->FieldDecl.name));
		diag_hint(dg, "mark the field type as #[copy] or remove #[copy] from the struct");
	}
}
