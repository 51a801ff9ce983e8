/* libs.c: what project mode adds to a check (CLI_AND_REPORTS.md 1.4):
 * library packages as top-level modules (`--lib std` makes `import
 * std.option.{...}` resolve, from the prebuilt std.iface) and the
 * `[policy] deny` list of Concrete.toml (`--deny Console`, CHECKS.md 8.1). */
#include <stdlib.h>
#include <string.h>

#include "check.h"

/* Appends top-level module NAME as a stub, as if the file said `mod NAME;`:
 * the check loads its items from NAME.iface in the -I directories
 * (load_stub), and its functions are declared, not defined: their code is
 * in the library's archive. */
void check_add_lib(Module *m, const char *name)
{
	Node *root = m->root && m->root < m->nodes.n ? NODE_AT(m, m->root) : NULL;
	if (!root || root->kind != NK_File)
		return;
	uint32_t mod = node_new(m, NK_Module, (Span){ 0 });
	NODE_AT(m, mod)->Module.name = str_intern(name, strlen(name));
	NODE_AT(m, mod)->Module.flags |= FL_STUB;
	List old = NODE_AT(m, m->root)->File.modules;
	uint32_t *v = xmalloc(((size_t)old.len + 1) * sizeof *v);
	for (uint32_t i = 0; i < old.len; i++)
		v[i] = LIST_AT(m, old, i);
	v[old.len] = mod;
	NODE_AT(m, m->root)->File.modules = list_make(m, v, old.len + 1);
	free(v);
}

/* `Std` is every capability but Unsafe (LANGUAGE.md 4.9): denying Console
 * also denies a function declaring with(Std). */
static bool grants(const char *declared, const char *denied)
{
	if (!strcmp(declared, denied))
		return true;
	return !strcmp(declared, "Std") && strcmp(denied, "Unsafe") != 0;
}

static void deny_fn(Module *m, uint32_t fn, const char *const *deny, Diags *d)
{
	Node *f = NODE_AT(m, fn);
	for (const char *const *x = deny; *x; x++)
		for (uint32_t i = 0; i < f->FnDecl.caps.len; i++) {
			if (!grants(str_get(LIST_AT(m, f->FnDecl.caps, i)), *x))
				continue;
			Str file = f->span.file < m->files.n ? m->files.v[f->span.file] : m->source;
			Diag *dg = diag_add(d, SEV_ERROR, "policy", "E0611", str_get(file), (Span){ 0 },
				"policy violation: capability '%s' is denied", *x);
			diag_hint(dg, "remove with(%s) or change [policy] deny list", *x);
			vec_push(dg->context, arena_printf("in function '%s'", str_get(f->FnDecl.name)));
			break;
		}
}

static void deny_items(Module *m, List items, const char *const *deny, Diags *d, unsigned depth)
{
	for (uint32_t i = 0; i < items.len && depth < 200; i++) {
		uint32_t it = LIST_AT(m, items, i);
		if (!it || it >= m->nodes.n)
			continue;
		Node *n = NODE_AT(m, it);
		if (n->kind == NK_FnDecl)
			deny_fn(m, it, deny, d);
		else if (n->kind == NK_ImplDecl)
			deny_items(m, n->ImplDecl.methods, deny, d, depth + 1);
		else if (n->kind == NK_Module && !(n->Module.flags & FL_STUB))
			deny_items(m, n->Module.items, deny, d, depth + 1);
	}
}

/* Every function of this file's modules that declares a denied capability
 * is an error.  Stub modules (`mod x;` files, libraries) are skipped: each
 * file is checked with the same --deny list on its own. */
void check_policy_deny(Module *m, const char *const *deny, Diags *d)
{
	Node *root = m->root && m->root < m->nodes.n ? NODE_AT(m, m->root) : NULL;
	if (!deny || !*deny || !root || root->kind != NK_File)
		return;
	List mods = root->File.modules;
	for (uint32_t i = 0; i < mods.len; i++) {
		uint32_t mod = LIST_AT(m, mods, i);
		if (mod && mod < m->nodes.n && NODE_AT(m, mod)->kind == NK_Module
			&& !(NODE_AT(m, mod)->Module.flags & FL_STUB))
			deny_items(m, NODE_AT(m, mod)->Module.items, deny, d, 0);
	}
}
