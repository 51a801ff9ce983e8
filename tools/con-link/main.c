/* con-link: objects (or .ll files, compiled first with opt + llc) plus the
 * runtime archive -> an executable, by running the system C compiler. */
#include "ir.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: con-link [-o OUT] [--runtime PATH] [-O0] FILE.o|FILE.ll ...\n";

static char tmpdir[64];

static void cleanup(void)
{
	if (!tmpdir[0])
		return;
	char *argv[] = {"rm", "-rf", tmpdir, NULL};
	proc_run(argv, NULL);
	tmpdir[0] = 0;
}

_Noreturn static void fail(int status, const char *fmt, const char *arg)
{
	fprintf(stderr, "con-link: ");
	fprintf(stderr, fmt, arg);
	fputc('\n', stderr);
	cleanup();
	exit(status);
}

static bool ends_with(const char *s, const char *suf)
{
	size_t n = strlen(s), k = strlen(suf);
	return n >= k && !strcmp(s + n - k, suf);
}

/* Run a tool; its stderr passes through, a failure becomes one line. */
static void run(const char *what, char **argv)
{
	int st = proc_run(argv, NULL);
	if (st == 127)
		fail(1, "cannot run %s", argv[0]);
	if (st != 0) {
		fprintf(stderr, "con-link: %s failed (exit %d)\n", what, st);
		cleanup();
		exit(1);
	}
}

/* f.ll -> f.o in the temporary directory. */
static const char *compile_ll(const char *ll, int k, bool o0)
{
	if (!tmpdir[0]) {
		strcpy(tmpdir, "/tmp/con-link.XXXXXX");
		if (!mkdtemp(tmpdir)) {
			tmpdir[0] = 0;
			fail(1, "cannot create a temporary directory: %s", strerror(errno));
		}
	}
	char *bc = arena_printf("%s/%d.bc", tmpdir, k);
	char *obj = arena_printf("%s/%d.o", tmpdir, k);
	const char *src = ll;
	if (!o0) {
		char *opt[] = {"opt", "-opaque-pointers", "-O2", (char *)ll, "-o", bc, NULL};
		int st = proc_run(opt, NULL);
		/* LLVM 14's loop access analysis can crash on opaque-pointer IR;
		 * a crash (not a rejection) falls back to llc's own optimisation. */
		if (st >= 128) {
			fprintf(stderr, "con-link: warning: opt crashed (exit %d); compiling %s without opt\n", st, ll);
		} else if (st == 127) {
			fail(1, "cannot run %s", "opt");
		} else if (st != 0) {
			fprintf(stderr, "con-link: opt failed (exit %d)\n", st);
			cleanup();
			exit(1);
		} else {
			src = bc;
		}
	}
	char *llc[] = {"llc", "-opaque-pointers", o0 ? "-O0" : "-O2", "-relocation-model=pic",
		"-filetype=obj", (char *)src, "-o", obj, NULL};
	run("llc", llc);
	return obj;
}

int main(int argc, char **argv)
{
	const char *out = "a.out", *runtime = getenv("CONCRETE_RUNTIME");
	bool o0 = false;
	VEC(const char *) inputs = {0};
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (!strcmp(s, "-h") || !strcmp(s, "--help")) {
			fputs(usage, stdout);
			return 0;
		} else if (!strcmp(s, "-o") || !strcmp(s, "--runtime")) {
			if (i + 1 >= argc) {
				fprintf(stderr, "con-link: missing argument after %s\n%s", s, usage);
				return 2;
			}
			if (s[1] == 'o')
				out = argv[++i];
			else
				runtime = argv[++i];
		} else if (!strcmp(s, "-O0")) {
			o0 = true;
		} else if (!strcmp(s, "-O2")) {
			o0 = false;
		} else if (s[0] == '-' && s[1]) {
			fprintf(stderr, "con-link: unknown option '%s'\n%s", s, usage);
			return 2;
		} else {
			vec_push(inputs, s);
		}
	}
	if (!inputs.n) {
		fprintf(stderr, "con-link: no input files\n%s", usage);
		return 2;
	}
	if (!runtime || !*runtime)
		runtime = arena_printf("%s/../lib/libconcrete_rt.a", proc_self_dir());
	if (access(runtime, R_OK) != 0)
		fail(2, "runtime library not found: %s", runtime);
	for (uint32_t i = 0; i < inputs.n; i++)
		if (access(inputs.v[i], R_OK) != 0)
			fail(2, "cannot read %s", inputs.v[i]);

	VEC(char *) cc = {0};
	vec_push(cc, "cc");
	vec_push(cc, "-o");
	vec_push(cc, (char *)out);
	for (uint32_t i = 0; i < inputs.n; i++) {
		const char *f = inputs.v[i];
		vec_push(cc, (char *)(ends_with(f, ".ll") || ends_with(f, ".bc") ? compile_ll(f, (int)i, o0) : f));
	}
	vec_push(cc, (char *)runtime);
	vec_push(cc, NULL);
	run("cc", cc.v);
	cleanup();
	return 0;
}
