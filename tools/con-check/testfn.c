/* testfn.c: a #[test] function takes nothing, is not generic and returns
 * i32 (CHECKS.md 7.12, ABI.md 13), so that the test runner con-emit
 * generates can call every test the same way. */
#include "check.h"

void check_test_fn(Checker *c, uint32_t fd)
{
	Module *m = c->m;
	Node *f = NODE_AT(m, fd);
	if (f->kind != NK_FnDecl || !(f->FnDecl.flags & FL_TEST))
		return;
	const char *name = str_get(f->FnDecl.name);
	if (f->FnDecl.params.len)
		cerr(c, CD_TEST_PARAMS, f->span, name);
	if (f->FnDecl.generics.len)
		cerr(c, CD_TEST_GENERIC, f->span, name);
	uint32_t r = f->FnDecl.ret ? NODE_AT(m, f->FnDecl.ret)->ty : 0;
	/* an unresolved return type was reported already */
	if (!f->FnDecl.ret || (r && r != c->t_err && r != ty_int(m, 32, true)))
		cerr(c, CD_TEST_RETURN, f->span, name);
}
