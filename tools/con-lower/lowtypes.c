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

/* IR copy of checked type ct with the newtype's parameters (generics)
 * replaced by args: parameters directly or under pointers and arrays;
 * anything else is copied as is. */
static uint32_t subst_copy(L *l, uint32_t ct, List generics, List args, int depth)
{
	if (!ct || ct >= l->m->types.n || depth > 32)
		return tcopy(l, ct);
	Type ty = *TYPE_AT(l->m, ct);
	switch (ty.kind) {
	case TK_Param:
		for (uint32_t i = 0; i < generics.len && i < args.len; i++) {
			uint32_t g = LIST_AT(l->m, generics, i);
			if (NODE_AT(l->m, g)->GenericParam.name == ty.Param.name)
				return tcopy(l, LIST_AT(l->m, args, i));
		}
		return tcopy(l, ct);
	case TK_Ref: case TK_Ptr: case TK_Heap: case TK_HeapArray: case TK_Array:
		ty.Ptr.elem = subst_copy(l, ty.Ptr.elem, generics, args, depth + 1);
		return type_intern(l->o, &ty);
	default:
		return tcopy(l, ct);
	}
}

/* The IR type a newtype is erased to: its wrapped type, with the
 * instance's type arguments. */
uint32_t lt_newtype_inner(L *l, uint32_t t)
{
	uint32_t d = TYPE_AT(l->m, t)->Struct.decl;
	uint32_t tn = NODE_AT(l->m, d)->NewtypeDecl.type;
	if (!tn || tn >= l->m->nodes.n)
		return ty_simple(l->o, TK_Unit);
	return subst_copy(l, NODE_AT(l->m, tn)->ty, NODE_AT(l->m, d)->NewtypeDecl.generics,
		TYPE_AT(l->m, t)->Struct.args, 0);
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
