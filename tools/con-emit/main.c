/* con-emit: any stream (brought forward to IR) -> LLVM IR text. */
#include "ir.h"
#include <errno.h>
#include <string.h>

static const char usage[] = "con-emit [-o FILE] [--test] [--entry] [--tests-from IR]... [--module M] [--diagnostics text|json] [FILE|-]";

/* --tests-from FILE: the IR of a `mod x;` object whose #[test] functions
 * the runner also calls (LANGUAGE.md 6.3: tests in any module). */
static void load_test_mods(EmitOptions *opt, const char **files, uint32_t n, Diags *d)
{
	opt->test_mods = xcalloc(n, sizeof *opt->test_mods);
	for (uint32_t i = 0; i < n; i++) {
		ToolArgs a = { .prog = "con-emit", .input = files[i] };
		Module *m = stage_forward(tool_read_module(&a), STAGE_IR, d);
		if (m)
			opt->test_mods[opt->ntest_mods++] = m;
	}
}

int main(int argc, char **argv)
{
	EmitOptions opt = {0};
	/* --module takes a value, which the shared parser would read as the
	 * input file, so our own flags are taken out first. */
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	const char **tests_from = xcalloc((size_t)argc + 1, sizeof *tests_from);
	uint32_t ntests = 0;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && !strcmp(argv[i], "--test")) {
			opt.test_mode = true;
		} else if (i > 0 && !strcmp(argv[i], "--entry")) {
			opt.require_entry = true;
		} else if (i > 0 && !strcmp(argv[i], "--tests-from")) {
			if (i + 1 >= argc)
				tool_die("con-emit", 2, "missing file after --tests-from\nusage: %s", usage);
			tests_from[ntests++] = argv[++i];
		} else if (i > 0 && !strcmp(argv[i], "--module")) {
			if (i + 1 >= argc)
				tool_die("con-emit", 2, "missing module path after --module\nusage: %s", usage);
			opt.test_filter = argv[++i];
		} else if (i > 0 && !strncmp(argv[i], "--module=", 9)) {
			opt.test_filter = argv[i] + 9;
		} else {
			rest[nrest++] = argv[i];
		}
	}
	ToolArgs a;
	tool_args(&a, nrest, rest, usage);
	if (a.nextra)
		tool_die(a.prog, 2, "unknown option '%s'\nusage: %s", a.extra[0], usage);
	Module *m = tool_read_module(&a);
	Diags d = {0};
	Module *ir = stage_forward(m, STAGE_IR, &d);
	if (!ir || d.errors) {
		int st = tool_finish_diags(&a, &d);
		return st ? st : 1;
	}
	if (ntests)
		load_test_mods(&opt, tests_from, ntests, &d);
	if (d.errors)
		return tool_finish_diags(&a, &d);
	FILE *out = stdout;
	if (a.output && strcmp(a.output, "-")) {
		out = fopen(a.output, "w");
		if (!out)
			tool_die(a.prog, 2, "cannot write %s: %s", a.output, strerror(errno));
	}
	int r = emit_llvm(ir, &opt, out, &d);
	if (fflush(out) != 0 || (out != stdout && fclose(out) != 0))
		tool_die(a.prog, 2, "write error on %s", a.output ? a.output : "stdout");
	int st = tool_finish_diags(&a, &d);
	return r ? (st ? st : 1) : st;
}
