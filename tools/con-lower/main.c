/* con-lower: checked AST (or AST, brought forward) -> IR stream. */
#include "ir.h"

static const char usage[] = "con-lower [-o FILE] [--diagnostics text|json] [FILE|-]";

int main(int argc, char **argv)
{
	ToolArgs a;
	tool_args(&a, argc, argv, usage);
	if (a.nextra)
		tool_die(a.prog, 2, "unknown option '%s'", a.extra[0]);
	Module *m = tool_read_module(&a);
	if (m->stage == STAGE_IR)
		tool_die(a.prog, 2, "expected an ast or checked stream, got ir");
	Diags d = {0};
	Module *ir = stage_forward(m, STAGE_IR, &d);
	int st = tool_finish_diags(&a, &d);
	if (!ir)
		return st ? st : 1;
	tool_write_module(&a, ir);
	return st;
}
