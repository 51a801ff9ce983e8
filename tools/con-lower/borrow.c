/* borrow.c: lowering of `borrow [mut] x as r in R { body }` (LANGUAGE.md
 * 5.15).  The ref is a true address: r's slot holds the address of the
 * owner's own slot, so writes through r are in the owner when the block
 * ends.  The checker put the owner's declaration in the Borrow node's aux. */
#include "lower.h"

void lower_borrow(L *l, uint32_t n)
{
	uint32_t owner = N(n)->aux < l->m->nodes.n ? N(n)->aux : 0;
	uint32_t ty = nty(l, n);
	uint32_t addr = owner ? l->slot[owner] : 0;
	if (!addr) {
		/* A zero-sized owner has no storage; any address will do,
		 * since nothing is ever loaded through it. */
		if (!owner || !is_void(l, nty(l, owner))) {
			diag_add(l->d, SEV_ERROR, "lower", NULL, str_get(l->m->source),
				N(n)->span, "malformed checked AST: borrow of '%s' without storage",
				str_get(N(n)->Borrow.owner));
			return;
		}
	}
	if (addr) {
		if (!l->slot[n])
			l->slot[n] = alloca_(l, ty, N(n)->Borrow.ref);
		store(l, l->slot[n], addr);
	}
	lower_stmt(l, N(n)->Borrow.body);
}
