/* con-check: AST stream -> checked AST stream.  A source file is parsed
 * first (brought forward); a later stage is refused with exit 2. */
#include <stdlib.h>
#include <string.h>

#include "ir.h"

static const char usage[] = "con-check [-o FILE] [--diagnostics text|json] [FILE|-]";

/* MessagePack map headers start every stream (see tool_read_module). */
static bool looks_like_stream(const char *data, size_t n)
{
	unsigned char b = n ? (unsigned char)data[0] : 0;
	return (b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf;
}

int main(int argc, char **argv)
{
	ToolArgs a;
	tool_args(&a, argc, argv, usage);
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
			m->stage < STAGE_IR + 1 ? stage_names[m->stage] : "?");
	check_module(m, &d);
	int st = tool_finish_diags(&a, &d);
	if (st == 0)
		tool_write_module(&a, m);
	return st;
}
