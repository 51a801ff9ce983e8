/* decls.c: declaration rules of core-check that are not about one
 * expression: Copy struct fields (CHECKS.md 3.1, catalogue D2). */
#include "check.h"

/* CHECKS.md 2.1 applied to a declared field type.  A type parameter here
 * is one of the struct's own (skipped by 3.1; the post-monomorphisation
 * check in con-lower sees the instance).  Imported declarations (decl 0)
 * are not visible to us and count as Copy so that no good program is
 * rejected; newtypes are Copy iff their inner type is (2.1). */
static bool param_copy(void *c, uint32_t t)
{
	return true;     /* the struct's own parameters: checked per instance (8.2) */
}

static uint32_t newtype_inner(void *c, uint32_t t)
{
	return tx_newtype_inner(c, t);
}

static bool field_copy(Checker *c, uint32_t t)
{
	CopyHooks h = { param_copy, newtype_inner, c };
	return type_is_copy(c->m, t, &h);
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
		if (f->kind != NK_FieldDecl || !f->ty || field_copy(c, f->ty))
			continue;
		Diag *dg = cerr(c, CD_COPY_FIELD, f->span, str_get(n->StructDecl.name),
			str_get(f->FieldDecl.name));
		diag_hint(dg, "mark the field type as #[copy] or remove #[copy] from the struct");
	}
}
