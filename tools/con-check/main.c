/* con-check: AST stream -> checked AST stream.  A source file is parsed
 * first (brought forward); a later stage is refused with exit 2.
 * Module options (ARCHITECTURE.md 4): `--module PATH` checks a `mod x;`
 * file as module PATH (main.x), `--iface-out FILE` writes the module's
 * interface, `-I DIR` is where the interfaces of `mod x;` files are. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const char usage[] = "con-check [-o FILE] [--diagnostics text|json] "
	"[--module PATH] [--iface-out FILE] [-I DIR]... [--lib NAME]... [--deny CAP]... [FILE|-]";

/* MessagePack map headers start every stream (see tool_read_module). */
static bool looks_like_stream(const char *data, size_t n)
{
	unsigned char b = n ? (unsigned char)data[0] : 0;
	return (b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf;
}

typedef struct ModOpts {
	const char *module;      /* --module PATH */
	const char *iface_out;   /* --iface-out FILE */
	const char **dirs;       /* -I DIR..., NULL-terminated */
	const char **libs;       /* --lib NAME... (project mode), NULL-terminated */
	const char **deny;       /* --deny CAP... ([policy] deny), NULL-terminated */
} ModOpts;

/* Take our options out of argv (tool_args does not know they take values). */
static int module_opts(int argc, char **argv, char **rest, ModOpts *o)
{
	int nrest = 0, nd = 0, nl = 0, nx = 0;
	o->dirs = xcalloc((size_t)argc + 1, sizeof *o->dirs);
	o->libs = xcalloc((size_t)argc + 1, sizeof *o->libs);
	o->deny = xcalloc((size_t)argc + 1, sizeof *o->deny);
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		const char **val = NULL;
		if (i == 0 || s[0] != '-') {
			rest[nrest++] = argv[i];
			continue;
		}
		if (!strcmp(s, "--")) {
			while (i < argc)
				rest[nrest++] = argv[i++];
			break;
		}
		if (!strcmp(s, "--module"))
			val = &o->module;
		else if (!strcmp(s, "--iface-out"))
			val = &o->iface_out;
		else if (!strcmp(s, "-I"))
			val = &o->dirs[nd++];
		else if (!strcmp(s, "--lib"))
			val = &o->libs[nl++];
		else if (!strcmp(s, "--deny"))
			val = &o->deny[nx++];
		else if (!strncmp(s, "--module=", 9))
			o->module = s + 9;
		else if (!strncmp(s, "--iface-out=", 12))
			o->iface_out = s + 12;
		else if (!strncmp(s, "-I", 2))
			o->dirs[nd++] = s + 2;
		else
			rest[nrest++] = argv[i];
		if (val) {
			if (i + 1 >= argc)
				tool_die("con-check", 2, "missing value after '%s' (usage: %s)", s, usage);
			*val = argv[++i];
		}
	}
	return nrest;
}

/* Write to a temporary file and rename, so an interrupted run never leaves
 * a truncated interface behind. */
static void write_iface(const char *prog, const char *path, Module *m)
{
	Module *ifc = iface_build(m);
	Buf b = { 0 };
	const char *err = NULL;
	if (stream_encode(ifc, &b, &err) < 0)
		tool_die(prog, 2, "cannot encode the interface: %s", err);
	const char *tmp = arena_printf("%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	if (!f || fwrite(b.s, 1, b.n, f) != b.n || fclose(f) != 0 || rename(tmp, path) != 0)
		tool_die(prog, 2, "cannot write %s", path);
	free(b.s);
}

int main(int argc, char **argv)
{
	ModOpts o = { 0 };
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = module_opts(argc, argv, rest, &o);
	ToolArgs a;
	tool_args(&a, nrest, rest, usage);
	if (a.nextra)
		tool_die(a.prog, 2, "unknown option '%s' (usage: %s)", a.extra[0], usage);
	Diags d = { 0 };
	size_t n;
	char *data = tool_read_all(a.prog, a.input, &n);
	if (n == 0)
		tool_die(a.prog, 2, "empty input");
	Module *m;
	if (looks_like_stream(data, n)) {
		const char *err = NULL;
		m = stream_decode(data, n, &err);
		if (!m)
			tool_die(a.prog, 2, "%s", err);
	} else {
		const char *path = strcmp(a.input, "-") == 0 ? "<stdin>" : a.input;
		m = parse_source(path, data, n, &d);
		if (d.errors)
			return tool_finish_diags(&a, &d);
	}
	free(data);
	if (m->stage != STAGE_AST)
		tool_die(a.prog, 2, "expected an ast stream, got %s",
			m->stage <= STAGE_IFACE ? stage_names[m->stage] : "?");
	if (o.module && check_wrap_module(m, o.module, &d))
		return tool_finish_diags(&a, &d);
	check_set_iface_dirs(o.dirs);
	if (o.module)
		check_add_siblings(m, o.module);
	for (const char **l = o.libs; *l; l++)
		check_add_lib(m, *l);
	check_module(m, &d);
	check_policy_deny(m, o.deny, &d);
	if (!o.module)
		check_entry_point(m, &d);
	int st = tool_finish_diags(&a, &d);
	if (st == 0 && o.iface_out)
		write_iface(a.prog, o.iface_out, m);
	if (st == 0)
		tool_write_module(&a, m);
	return st;
}
