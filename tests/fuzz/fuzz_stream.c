/* fuzz_stream.c: libFuzzer target for the stream reader.  Whatever it
 * accepts must also be printable without crashing or looping. */
#include "ir.h"
#include <stdlib.h>

static FILE *null_out;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!null_out)
		null_out = fopen("/dev/null", "w");
	const char *err = NULL;
	Module *m = stream_decode((const char *)data, size, &err);
	if (!m) {
		if (!err)
			abort();    /* every rejection must say why */
		return 0;
	}
	dump_text(m, null_out);
	dump_json(m, null_out);
	/* what was accepted must write back out */
	Buf b = {0};
	if (stream_encode(m, &b, &err) != 0)
		abort();
	free(b.s);
	free(m->files.v);
	free(m->lists.v);
	free(m->types.v);
	free(m->nodes.v);
	free(m->thash);
	free(m);
	return 0;
}
