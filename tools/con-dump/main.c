/* con-dump: print any stream (ast, checked, ir) as text or JSON, or the
 * schema as markdown. */
#include "ir.h"
#include <string.h>

void irdoc_print(FILE *out);   /* irdoc.c */

static const char usage[] =
	"con-dump [--json] [-o FILE] [FILE|-]\n"
	"       con-dump --schema-doc [-o FILE]";

int main(int argc, char **argv)
{
	ToolArgs a;
	tool_args(&a, argc, argv, usage);
	bool doc = false;
	for (int i = 0; i < a.nextra; i++) {
		if (strcmp(a.extra[i], "--schema-doc") == 0)
			doc = true;
		else {
			fprintf(stderr, "%s: unknown option '%s'\nusage: %s\n", a.prog, a.extra[i], usage);
			return 2;
		}
	}
	FILE *out = stdout;
	if (a.output && strcmp(a.output, "-") != 0) {
		out = fopen(a.output, "w");
		if (!out)
			tool_die(a.prog, 2, "cannot write '%s': %m", a.output);
	}
	if (doc) {
		irdoc_print(out);
	} else {
		Module *m = tool_read_module(&a);
		if (a.json)
			dump_json(m, out);
		else
			dump_text(m, out);
	}
	if (fflush(out) != 0 || ferror(out) || (out != stdout && fclose(out) != 0))
		tool_die(a.prog, 2, "write error");
	return 0;
}
