/* borrow.c: `borrow [mut] owner as r in Region { body }` (LANGUAGE.md 5.15,
 * CHECKS.md 4.2).  The Borrow node itself declares `r`: its ty is &T /
 * &mut T of the owner's type and its aux is the owner's declaration, so
 * con-lower can take the owner's address.  Freezing and escape analysis
 * belong to the ownership pass and are not done here. */
#include "check.h"

#include <string.h>

/* The owner's local declaration (Let, Param, pattern binding or an outer
 * borrow ref); 0 after reporting when the name is not a variable. */
static uint32_t borrow_owner(Checker *c, Str owner, Span sp)
{
	uint32_t d = scope_find(c, owner);
	if (!d) {
		if (reported_once(c, owner))
			cerr(c, CD_UNDECL_VAR, sp, str_get(owner));
		return 0;
	}
	return d;
}

void check_borrow(Checker *c, uint32_t s)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, s);
	Span sp = n->span;
	Str owner = n->Borrow.owner, ref = n->Borrow.ref, region = n->Borrow.region;
	bool mut = (n->Borrow.flags & FL_MUT) != 0;
	uint32_t body = n->Borrow.body;
	uint32_t d = borrow_owner(c, owner, sp);
	if (scope_find(c, ref))
		cerr(c, CD_BORROW_REF_SHADOW, sp, str_get(ref));
	if (scope_find(c, region))
		cerr(c, CD_BORROW_REGION_SHADOW, sp, str_get(region));
	uint32_t ot = d ? NODE_AT(m, d)->ty : 0;
	n = NODE_AT(m, s);
	n->aux = d;
	/* [LENIENT] borrow mut does not require a `mut` owner (CHECKS.md 4.2 5). */
	n->ty = (!ot || ty_is_err(c, ot)) ? c->t_err : ty_ref_to(c->m, ot, mut);
	uint32_t saved = c->locals.n;
	scope_push(c, ref, s);
	check_block(c, body, 0, false);
	c->locals.n = saved;
}
