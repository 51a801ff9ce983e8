/* test_diag.c: diagnostics render exactly as CHECKS.md 9.1 shows. */
#include "ir.h"
#include "unit.h"
#include <stdlib.h>

static char *render(const Diags *d, DiagFormat fmt)
{
	char *s = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&s, &n);
	diags_render(d, fmt, f);
	fclose(f);
	return s;
}

int main(void)
{
	char path[] = "/tmp/test_diag_XXXXXX";
	int fd = mkstemp(path);
	FILE *src = fdopen(fd, "w");
	fputs("fn main() -> i64 {\n\tlet x: i64 = y;\r\n    return 0;\n}\n", src);
	fclose(src);

	Diags d = {0};
	Diag *g = diag_add(&d, SEV_ERROR, "resolve", "E0100", path, (Span){0, 2, 15, 0},
		"undeclared variable '%s'", "y");
	diag_hint(g, "did you mean '%s'?", "x");
	diag_note(g, (Span){0, 1, 4, 0}, "in this function");
	diag_context(g, "while checking module 'main'");
	diag_context(g, "while checking function 'main'");
	CHECK(d.errors == 1);
	char *want = arena_printf(
		"%s:2:15: error[resolve]: (E0100) undeclared variable 'y'\n"
		" 2 | \tlet x: i64 = y;\n"
		"   | \t             ^\n"
		"  hint: did you mean 'x'?\n"
		"  note: %s:1:4: in this function\n"
		"  = while checking module 'main'\n"
		"  = while checking function 'main'\n", path, path);
	CHECK_STR(render(&d, DIAG_TEXT), want);

	Diags e = {0};
	diag_add(&e, SEV_ERROR, "core-check", NULL, "a.con", (Span){0}, "[main] function 'f' requires File");
	diag_add(&e, SEV_WARNING, "check", "E0299", "missing.con", (Span){0, 3, 1, 0}, "odd");
	CHECK(e.errors == 1);
	CHECK_STR(render(&e, DIAG_TEXT),
		"a.con: error[core-check]: [main] function 'f' requires File\n"
		"missing.con:3:1: warning[check]: (E0299) odd\n");

	/* a line past the end of the file gets no snippet */
	Diags f = {0};
	diag_add(&f, SEV_ERROR, "parse", "E0001", path, (Span){0, 40, 1, 0}, "unexpected end");
	CHECK_STR(render(&f, DIAG_TEXT), arena_printf("%s:40:1: error[parse]: (E0001) unexpected end\n", path));

	Diags j = {0};
	g = diag_add(&j, SEV_ERROR, "check", "E0205", "q\"x.con", (Span){0, 4, 12, 0}, "used after move\tof 't'\\");
	diag_hint(g, "line\nbreak");
	diag_note(g, (Span){0, 1, 2, 0}, "moved here");
	diag_add(&j, SEV_NOTE, "check", NULL, "b.con", (Span){0}, "ctl \x01");
	CHECK_STR(render(&j, DIAG_JSON),
		"{\"severity\":\"error\",\"pass\":\"check\",\"code\":\"E0205\",\"file\":\"q\\\"x.con\","
		"\"line\":4,\"col\":12,\"message\":\"used after move\\tof 't'\\\\\",\"hints\":[\"line\\nbreak\"],"
		"\"notes\":[{\"line\":1,\"col\":2,\"message\":\"moved here\"}],\"context\":[]}\n"
		"{\"severity\":\"note\",\"pass\":\"check\",\"code\":null,\"file\":\"b.con\",\"line\":0,\"col\":0,"
		"\"message\":\"ctl \\u0001\",\"hints\":[],\"notes\":[],\"context\":[]}\n");
	CHECK(j.errors == 1);
	remove(path);
	UNIT_DONE();
}
