/* entry.c: a program has exactly one entry point, the function `main` of a
 * top-level module (LANGUAGE.md 4.12).  Checked only for a root file: a
 * `mod x;` file compiled with --module is not a program.  A root without
 * any `main` is still fine for `concrete --test` (the test runner is the
 * entry point), and the .chk is shared by both build variants, so "no entry
 * point" is reported by con-emit when it builds a program (--entry). */
#include "check.h"

#include <string.h>

/* The `main` functions among the items of top-level module mod. */
static uint32_t find_main_fn(Module *m, uint32_t mod)
{
	List items = NODE_AT(m, mod)->Module.items;
	for (uint32_t i = 0; i < items.len; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (!it || it >= m->nodes.n)
			continue;
		Node *n = NODE_AT(m, it);
		if (n->kind == NK_FnDecl && !(n->FnDecl.flags & FL_EXTERN)
			&& !strcmp(str_get(n->FnDecl.name), "main"))
			return it;
	}
	return 0;
}

int check_entry_point(Module *m, Diags *d)
{
	Node *root = m->root && m->root < m->nodes.n ? NODE_AT(m, m->root) : NULL;
	if (!root || root->kind != NK_File)
		return 0;
	List mods = root->File.modules;
	uint32_t first = 0, first_mod = 0;
	for (uint32_t i = 0; i < mods.len; i++) {
		uint32_t mod = LIST_AT(m, mods, i);
		if (!mod || mod >= m->nodes.n || NODE_AT(m, mod)->kind != NK_Module)
			continue;
		uint32_t f = find_main_fn(m, mod);
		if (!f)
			continue;
		if (!first) {
			first = f;
			first_mod = mod;
			continue;
		}
		Diag *dg = diag_add(d, SEV_ERROR, "check", NULL, str_get(m->source),
			NODE_AT(m, f)->span,
			"more than one entry point 'main' (in modules '%s' and '%s'): a program must have exactly one",
			str_get(NODE_AT(m, first_mod)->Module.name), str_get(NODE_AT(m, mod)->Module.name));
		diag_note(dg, NODE_AT(m, first)->span, "first 'main' is here");
		return 1;
	}
	return 0;
}
