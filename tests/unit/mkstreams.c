/* mkstreams DIR: writes valid and malformed sample streams for the bats
 * tests (tests/bats/malformed.bats), built from the schema like the unit
 * tests, so they need no parser. */
#include "ir.h"
#include "sample.h"
#include <stdlib.h>
#include <string.h>

static const char *dir;

static void put(const char *name, const char *s, size_t n)
{
	char *path = arena_printf("%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	if (!f || fwrite(s, 1, n, f) != n || fclose(f) != 0) {
		fprintf(stderr, "mkstreams: cannot write %s\n", path);
		exit(1);
	}
}

static Buf encode(Module *m)
{
	Buf b = {0};
	const char *err;
	if (stream_encode(m, &b, &err) < 0) {
		fprintf(stderr, "mkstreams: %s\n", err);
		exit(1);
	}
	return b;
}

static void put_patched(const char *name, Buf b, const char *from, const char *to, size_t n)
{
	char *s = xmalloc(b.n);
	memcpy(s, b.s, b.n);
	for (size_t i = 0; i + n <= b.n; i++)
		if (memcmp(s + i, from, n) == 0) {
			memcpy(s + i, to, n);
			put(name, s, b.n);
			free(s);
			return;
		}
	fprintf(stderr, "mkstreams: pattern for %s not found\n", name);
	exit(1);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: mkstreams DIR\n");
		return 2;
	}
	dir = argv[1];
	Module *ast = sample_module(STAGE_AST);
	Buf a = encode(ast);
	put("ast.bin", a.s, a.n);
	Buf c = encode(sample_module(STAGE_CHECKED));
	put("checked.bin", c.s, c.n);
	Buf ir = encode(sample_module(STAGE_IR));
	put("ir.bin", ir.s, ir.n);
	put("empty.bin", "", 0);
	put("garbage.bin", "\x89\x12\xff\xc1 hello, not msgpack\n", 25);
	put("text.bin", "fn main() -> i64 { return 0; }\n", 31);
	put("truncated.bin", a.s, a.n / 2);
	put_patched("bad-magic.bin", a, "concrete-ir", "concrete-xx", 11);
	put_patched("bad-stage.bin", a, "\xa3" "ast", "\xa3" "zzz", 4);
	char from[8] = "\xa6schema", to[8] = "\xa6schema";
	from[7] = IR_SCHEMA_VERSION;
	to[7] = IR_SCHEMA_VERSION + 40;
	put_patched("bad-schema.bin", a, from, to, 8);
	Buf g = {0};
	buf_add(&g, a.s, a.n);
	buf_add(&g, "\x01\x02", 2);
	put("trailing.bin", g.s, g.n);
	/* a child index past the end of the node table */
	for (uint32_t i = 1; i < ast->nodes.n; i++)
		if (ast->nodes.v[i].kind == NK_Return) {
			ast->nodes.v[i].Return.value = 99999;
			break;
		}
	Buf r = encode(ast);
	put("bad-node.bin", r.s, r.n);
	return 0;
}
