/* link.c: the one place that runs LLVM and the system linker.
 *
 * LLVM 14 crashes in RuntimePointerChecking::insert on opaque-pointer IR
 * (it asks a pointer for its element type) whenever a loop needs run-time
 * alias checks.  For LLVM 14 the build writes opt-pipeline.txt: the O2
 * pipeline without the three passes that build those checks (loop-distribute,
 * loop-vectorize, loop-load-elim).  When the file is absent (LLVM 15+), plain
 * -O2 is used. */
#include "link.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *opt_pipeline(void)
{
	static char *passes;
	static bool done;
	if (done)
		return passes;
	done = true;
	char *path = arena_printf("%s/../share/concrete/opt-pipeline.txt", proc_self_dir());
	FILE *f = fopen(path, "r");
	if (!f)
		return NULL;
	Buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	while (b.n && (b.s[b.n - 1] == '\n' || b.s[b.n - 1] == ' '))
		b.n--;
	if (!b.n)
		return NULL;
	buf_putc(&b, 0);
	passes = arena_printf("-passes=%s", b.s);
	free(b.s);
	return passes;
}

static int run(const char *what, char **argv)
{
	int st = proc_run(argv, NULL);
	if (st == 127)
		fprintf(stderr, "con-link: cannot run %s\n", argv[0]);
	else if (st != 0)
		fprintf(stderr, "con-link: %s failed (exit %d)\n", what, st);
	return st;
}

int link_compile(const char *ll, const char *obj, bool o0)
{
	const char *src = ll;
	char *bc = NULL;
	if (!o0) {
		bc = arena_printf("%s.bc", obj);
		const char *passes = opt_pipeline();
		char *opt[] = {"opt", "-opaque-pointers", (char *)(passes ? passes : "-O2"),
			(char *)ll, "-o", bc, NULL};
		if (run("opt", opt) != 0)
			return 1;
		src = bc;
	}
	char *tmp = arena_printf("%s.tmp", obj);
	char *llc[] = {"llc", "-opaque-pointers", o0 ? "-O0" : "-O2", "-relocation-model=pic",
		"-filetype=obj", (char *)src, "-o", tmp, NULL};
	int st = run("llc", llc);
	if (bc)
		unlink(bc);
	/* Rename last, so an interrupted build never leaves a partial object. */
	if (st == 0 && rename(tmp, obj) != 0) {
		fprintf(stderr, "con-link: cannot write %s: %s\n", obj, strerror(errno));
		st = 1;
	}
	if (st != 0)
		unlink(tmp);
	return st ? 1 : 0;
}

int link_executable(const char *out, const char *const *objs, uint32_t n, const char *runtime)
{
	VEC(char *) cc = {0};
	vec_push(cc, "cc");
	vec_push(cc, "-o");
	vec_push(cc, (char *)out);
	for (uint32_t i = 0; i < n; i++)
		vec_push(cc, (char *)objs[i]);
	vec_push(cc, (char *)runtime);
	vec_push(cc, "-lm");     /* extern fn sqrt, pow, ... (libm is not in libc) */
	vec_push(cc, NULL);
	int st = run("cc", cc.v);
	free(cc.v);
	return st ? 1 : 0;
}
