/* con-link: objects (or .ll files, compiled first with opt + llc) plus the
 * runtime archive -> an executable, by running the system C compiler. */
#include "link.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
	"usage: con-link [-o OUT] [--runtime PATH] [-O0] FILE.o|FILE.ll ...\n"
	"       con-link -c [-O0] -o FILE.o FILE.ll    compile only\n";

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

static bool is_ir(const char *f)
{
	return ends_with(f, ".ll") || ends_with(f, ".bc");
}

/* f.ll -> an object in the temporary directory. */
static const char *compile_tmp(const char *ll, int k, bool o0)
{
	if (!tmpdir[0]) {
		strcpy(tmpdir, "/tmp/con-link.XXXXXX");
		if (!mkdtemp(tmpdir)) {
			tmpdir[0] = 0;
			fail(1, "cannot create a temporary directory: %s", strerror(errno));
		}
	}
	char *obj = arena_printf("%s/%d.o", tmpdir, k);
	if (link_compile(ll, obj, o0) != 0) {
		cleanup();
		exit(1);
	}
	return obj;
}

int main(int argc, char **argv)
{
	const char *out = "a.out", *runtime = getenv("CONCRETE_RUNTIME");
	bool o0 = false, compile_only = false;
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
		} else if (!strcmp(s, "-c")) {
			compile_only = true;
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
	if (compile_only) {
		if (inputs.n != 1 || !is_ir(inputs.v[0]) || !strcmp(out, "a.out"))
			fail(2, "%s", "-c takes one .ll input and -o FILE.o");
		if (access(inputs.v[0], R_OK) != 0)
			fail(2, "cannot read %s", inputs.v[0]);
		return link_compile(inputs.v[0], out, o0);
	}
	if (!runtime || !*runtime)
		runtime = arena_printf("%s/../lib/libconcrete_rt.a", proc_self_dir());
	if (access(runtime, R_OK) != 0)
		fail(2, "runtime library not found: %s", runtime);
	for (uint32_t i = 0; i < inputs.n; i++)
		if (access(inputs.v[i], R_OK) != 0)
			fail(2, "cannot read %s", inputs.v[i]);

	VEC(const char *) objs = {0};
	for (uint32_t i = 0; i < inputs.n; i++)
		vec_push(objs, is_ir(inputs.v[i]) ? compile_tmp(inputs.v[i], (int)i, o0) : inputs.v[i]);
	int st = link_executable(out, objs.v, objs.n, runtime);
	cleanup();
	return st;
}
