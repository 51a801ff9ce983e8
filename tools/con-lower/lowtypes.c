/* lowtypes.c: lowering of the types beyond the integer core: float
 * constants and erased newtypes (LANGUAGE.md 1.7, 3.11). */
#include "lower.h"

bool lt_is_newtype(L *l, uint32_t t)
{
	if (!t || t >= l->m->types.n)
		return false;
	Type *ty = TYPE_AT(l->m, t);
	if (ty->kind == TK_Ref)
		return lt_is_newtype(l, ty->Ref.elem);
	uint32_t d = ty->kind == TK_Struct ? ty->Struct.decl : 0;
	return d && d < l->m->nodes.n && NODE_AT(l->m, d)->kind == NK_NewtypeDecl;
}

/* The IR type a newtype is erased to: its wrapped type. */
uint32_t lt_newtype_inner(L *l, uint32_t t)
{
	uint32_t d = TYPE_AT(l->m, t)->Struct.decl;
	uint32_t tn = NODE_AT(l->m, d)->NewtypeDecl.type;
	if (!tn || tn >= l->m->nodes.n)
		return ty_simple(l->o, TK_Unit);
	return tcopy(l, NODE_AT(l->m, tn)->ty);
}

/* Correct rounding for the target type (LANGUAGE.md 1.7): f32 literals are
 * rounded once from the decimal text with strtof.  The IR keeps the
 * decimal text; con-emit turns it into the exact bits. */
uint32_t lt_fconst(L *l, uint32_t ty, Str text)
{
	uint32_t n = emit(l, NK_IFConst, ty);
	NODE_AT(l->o, n)->IFConst.text = text;
	return n;
}
