/* con-parse: Concrete source -> AST stream, or make dependencies (--deps). */
#include <stdlib.h>
#include <string.h>
#include "parse.h"

static const char usage[] =
	"con-parse [-o FILE] [--diagnostics text|json] [FILE|-]\n"
	"       con-parse --deps FILE [-o DEPFILE] [--target T] [--pipeline CACHEDIR]";

int main(int argc, char **argv)
{
	/* --deps and --target take values tool_args does not know: strip them. */
	bool deps = false;
	const char *target = NULL, *cache = NULL;
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && strcmp(argv[i], "--deps") == 0) {
			deps = true;
		} else if (i > 0 && strcmp(argv[i], "--target") == 0) {
			if (i + 1 >= argc)
				tool_die("con-parse", 2, "missing name after --target");
			target = argv[++i];
		} else if (i > 0 && strcmp(argv[i], "--pipeline") == 0) {
			if (i + 1 >= argc)
				tool_die("con-parse", 2, "missing directory after --pipeline");
			cache = argv[++i];
		} else {
			rest[nrest++] = argv[i];
		}
	}
	ToolArgs a;
	tool_args(&a, nrest, rest, usage);
	if (a.nextra)
		tool_die(a.prog, 2, "unknown option '%s' (usage: %s)", a.extra[0], usage);
	Diags d = { 0 };
	if (deps) {
		if (strcmp(a.input, "-") == 0)
			tool_die(a.prog, 2, "--deps needs a source file, not stdin");
		FILE *out = stdout;
		if (a.output && strcmp(a.output, "-") != 0) {
			out = fopen(a.output, "w");
			if (!out)
				tool_die(a.prog, 2, "cannot write %s", a.output);
		}
		int st = deps_write(a.input, target, cache, out, &d);
		if (out != stdout && fclose(out) != 0)
			tool_die(a.prog, 2, "cannot write %s", a.output);
		int dst = tool_finish_diags(&a, &d);
		return st ? st : dst;
	}
	size_t n;
	char *text = tool_read_all(a.prog, a.input, &n);
	const char *path = strcmp(a.input, "-") == 0 ? "<stdin>" : a.input;
	Module *m = parse_source(path, text, n, &d);
	int st = tool_finish_diags(&a, &d);
	if (st == 0)
		tool_write_module(&a, m);
	return st;
}
