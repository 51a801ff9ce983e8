/* deps.c: `con-parse --deps`: make rules for the `mod X;` module files
 * reachable from a root source (CLI_AND_REPORTS.md 1.3). */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "parse.h"

typedef struct Deps {
	VEC(char *) files;       /* every file found, root first, as composed */
	VEC(char *) real;        /* realpath of files[i], for identity */
	VEC(uint32_t) path;      /* inclusion path: indices into files */
	VEC(char *) mpath;       /* module path of files[i] (main.net.tcp), root "" */
	VEC(uint32_t) parent;    /* file declaring files[i] */
	VEC(char *) imports;     /* " a b ": first segments of files[i]'s imports */
	Diags *d;
	int status;
} Deps;

static char *join(const char *base, const char *name)
{
	return *base ? arena_printf("%s/%s", base, name) : arena_printf("%s", name);
}

static bool exists(const char *p)
{
	return access(p, R_OK) == 0;
}

static void scan_file(Deps *D, uint32_t fi, const char *base);

/* Walk a module's items for `mod X;` stubs (inline modules keep the base);
 * mpath is the module path of the items' module. */
static void scan_items(Deps *D, Module *m, List items, const char *base, const char *file,
	const char *mpath)
{
	for (uint32_t i = 0; i < items.len && D->status == 0; i++) {
		Node *n = NODE_AT(m, LIST_AT(m, items, i));
		if (n->kind != NK_Module)
			continue;
		const char *name = str_get(n->Module.name);
		const char *sub = arena_printf("%s.%s", mpath, name);
		if (!(n->Module.flags & FL_STUB)) {
			scan_items(D, m, n->Module.items, base, file, sub);
			continue;
		}
		char *flat = join(base, arena_printf("%s.con", name));
		char *dir = join(base, name);
		char *nested = arena_printf("%s/mod.con", dir);
		char *found = exists(flat) ? flat : exists(nested) ? nested : NULL;
		if (!found) {
			diag_add(D->d, SEV_ERROR, "resolve", NULL, file, n->span,
				"module file not found: %s or %s", flat, nested);
			D->status = 1;
			return;
		}
		char *real = realpath(found, NULL);
		if (!real)
			real = xstrdup(found);
		for (uint32_t k = 0; k < D->path.n; k++) {
			if (strcmp(D->real.v[D->path.v[k]], real) == 0) {
				diag_add(D->d, SEV_ERROR, "resolve", NULL, file, n->span,
					"circular module import: %s", found);
				D->status = 1;
				free(real);
				return;
			}
		}
		uint32_t seen = UINT32_MAX;
		for (uint32_t k = 0; k < D->files.n; k++)
			if (strcmp(D->real.v[k], real) == 0)
				seen = k;
		if (seen != UINT32_MAX) {
			free(real);
			continue;
		}
		vec_push(D->files, found);
		vec_push(D->real, real);
		vec_push(D->mpath, (char *)sub);
		vec_push(D->parent, D->path.v[D->path.n - 1]);
		vec_push(D->imports, "");
		scan_file(D, D->files.n - 1, found == nested ? dir : base);
	}
}

/* " a b ": the first segment of every `import` among items, so that a
 * module file's check can wait for the siblings it imports. */
static char *import_heads(Module *m, List items)
{
	Buf b = { 0 };
	buf_putc(&b, ' ');
	for (uint32_t i = 0; i < items.len; i++) {
		Node *n = NODE_AT(m, LIST_AT(m, items, i));
		if (n->kind == NK_Import && n->Import.path.len)
			buf_printf(&b, "%s ", str_get(LIST_AT(m, n->Import.path, 0)));
	}
	char *r = arena_printf("%s", b.s);
	free(b.s);
	return r;
}

/* Does files[f] import its sibling files[i] (same declaring file)? */
static bool imports_sibling(Deps *D, uint32_t f, uint32_t i)
{
	if (!f || i == f || D->parent.v[i] != D->parent.v[f])
		return false;
	const char *dot = strrchr(D->mpath.v[i], '.');
	const char *name = dot ? dot + 1 : D->mpath.v[i];
	return strstr(D->imports.v[f], arena_printf(" %s ", name)) != NULL;
}

static void scan_file(Deps *D, uint32_t fi, const char *base)
{
	const char *file = D->files.v[fi];
	FILE *f = fopen(file, "rb");
	if (!f) {
		diag_add(D->d, SEV_ERROR, "resolve", NULL, file, (Span){ 0 },
			"cannot read %s: %s", file, strerror(errno));
		D->status = 1;
		return;
	}
	Buf b = { 0 };
	char chunk[65536];
	size_t k;
	while ((k = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, k);
	fclose(f);
	Module *m = parse_source(file, b.s ? b.s : "", b.n, D->d);
	if (D->d->errors) {
		D->status = 1;
		return;
	}
	vec_push(D->path, fi);
	Node *root = NODE_AT(m, m->root);
	if (fi == 0) {
		/* the root's top-level modules are named by the file (2.2) */
		List mods = root->File.modules;
		for (uint32_t i = 0; i < mods.len && D->status == 0; i++) {
			Node *t = NODE_AT(m, LIST_AT(m, mods, i));
			if (t->kind == NK_Module && !(t->Module.flags & FL_STUB))
				scan_items(D, m, t->Module.items, base, file, str_get(t->Module.name));
			else
				scan_items(D, m, (List){ LIST_AT(m, mods, i) ? mods.start + i : 0, 1 },
					base, file, "main");
		}
	} else if (root->File.modules.len == 1) {
		/* a module file's items form the body of its module */
		Node *t = NODE_AT(m, LIST_AT(m, root->File.modules, 0));
		D->imports.v[fi] = import_heads(m, t->Module.items);
		scan_items(D, m, t->Module.items, base, file, D->mpath.v[fi]);
	} else {
		diag_add(D->d, SEV_ERROR, "resolve", NULL, file, (Span){ 0 },
			"module file '%s' must contain exactly one module", file);
		D->status = 1;
	}
	D->path.n--;
}

/* Variables for pipeline.mk (docs/pipeline.md): the module path and source
 * of every module file, and the interfaces each file's check needs (those
 * of the module files it declares). */
static void write_pipeline(Deps *D, const char *cache, FILE *out)
{
	fputs("CON_MODS :=", out);
	for (uint32_t i = 1; i < D->files.n; i++)
		fprintf(out, " %s", D->mpath.v[i]);
	fputc('\n', out);
	for (uint32_t i = 1; i < D->files.n; i++)
		fprintf(out, "CON_SRC_%s := %s\n", D->mpath.v[i], D->real.v[i]);
	for (uint32_t f = 0; f < D->files.n; f++) {
		fprintf(out, "CON_IFACES_%s :=", f ? D->mpath.v[f] : "ROOT");
		for (uint32_t i = 1; i < D->files.n; i++)
			if (D->parent.v[i] == f
				|| (imports_sibling(D, f, i) && !imports_sibling(D, i, f)))
				fprintf(out, " %s/%s.iface", cache, D->mpath.v[i]);
		fputc('\n', out);
	}
}

int deps_write(const char *path, const char *target, const char *cache, FILE *out, Diags *d)
{
	Deps D = { .d = d };
	if (!exists(path)) {
		diag_add(d, SEV_ERROR, "resolve", NULL, path, (Span){ 0 },
			"cannot read %s: %s", path, strerror(errno));
		return 1;
	}
	const char *slash = strrchr(path, '/');
	char *base = slash ? xstrndup(path, (size_t)(slash - path)) : "";
	if (slash && slash == path)
		base = "/";
	vec_push(D.files, (char *)path);
	char *real = realpath(path, NULL);
	vec_push(D.real, real ? real : xstrdup(path));
	vec_push(D.mpath, "");
	vec_push(D.parent, 0);
	vec_push(D.imports, "");
	scan_file(&D, 0, base);
	if (D.status)
		return D.status;
	if (!target) {
		size_t n = strlen(path);
		target = n > 4 && strcmp(path + n - 4, ".con") == 0
			? arena_printf("%.*s.ast", (int)(n - 4), path) : arena_printf("%s.ast", path);
	}
	/* The pipeline's cache is shared by every spelling of the root's path
	 * (it is keyed by the real path), so the fragment names files by their
	 * real paths: a later build from another directory still finds them. */
	char **names = D.files.v;
	if (cache) {
		write_pipeline(&D, cache, out);
		names = D.real.v;
	}
	fprintf(out, "%s:", target);
	for (uint32_t i = 0; i < D.files.n; i++)
		fprintf(out, " %s", names[i]);
	fputc('\n', out);
	/* one empty rule per dependency, so deleting or moving a file does not
	 * break make (like cc -MP); in a pipeline fragment the root too, so a
	 * stale fragment is remade instead of stopping the build */
	for (uint32_t i = cache ? 0 : 1; i < D.files.n; i++)
		fprintf(out, "\n%s:\n", names[i]);
	return 0;
}
