/* con-emit: any stream (brought forward to IR) -> LLVM IR text. */
#include "ir.h"
#include <errno.h>
#include <string.h>

static const char usage[] = "con-emit [-o FILE] [--test] [--module M] [--diagnostics text|json] [FILE|-]";

int main(int argc, char **argv)
{
	EmitOptions opt = {0};
	/* --module takes a value, which the shared parser would read as the
	 * input file, so our own flags are taken out first. */
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	for (int i = 0; i < argc; i++) {
		if (i > 0 && !strcmp(argv[i], "--test")) {
			opt.test_mode = true;
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
