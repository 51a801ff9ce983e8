/* libFuzzer target: any bytes through the lexer and parser, then the AST
 * stream writer; must never crash, hang or leak past the arena. */
#include <stdlib.h>
#include <string.h>
#include "ir.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = malloc(size + 1);
	memcpy(text, data, size);
	text[size] = '\0';
	Diags d = { 0 };
	Module *m = parse_source("fuzz.con", text, size, &d);
	if (m && d.errors == 0) {
		Buf b = { 0 };
		const char *err;
		if (stream_encode(m, &b, &err) != 0)
			abort();   /* a clean parse must always serialise */
		free(b.s);
	}
	/* the tools free at exit; here thousands of runs share one process */
	free(m->nodes.v);
	free(m->lists.v);
	free(m->types.v);
	free(m->files.v);
	free(m->thash);
	free(m);
	free(d.v.v);
	free(text);
	return 0;
}
