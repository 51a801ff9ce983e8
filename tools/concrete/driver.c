/* driver.c: the `concrete` driver compiles nothing itself; it runs make on
 * pipeline.mk (which runs the con-* tools) and reports like the reference
 * compiler (CLI_AND_REPORTS.md 1.1). */
#include "driver.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

char *driver_default_out(const char *file)
{
	size_t n = strlen(file);
	if (n > 4 && strcmp(file + n - 4, ".con") == 0)
		return xstrndup(file, n - 4);
	return arena_printf("%s.out", file);
}

/* Make's own failure lines ("make: *** [x] Error 1") repeat what the tool
 * already said; users see only the tools' diagnostics. */
static bool keep_line(const char *line)
{
	if (strncmp(line, "make", 4) != 0)
		return true;
	return strstr(line, "***") == NULL;
}

static uint64_t fnv1a(const char *s)
{
	uint64_t h = 1469598103934665603ull;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ull;
	return h;
}

/* A per-user, per-source cache directory: two sources never share one, two
 * users never share one, and the source directory may be read-only. */
static char *cache_dir(const char *file)
{
	char real[PATH_MAX];
	if (!realpath(file, real))
		return NULL;
	const char *tmp = getenv("TMPDIR");
	if (!tmp || !*tmp)
		tmp = "/tmp";
	char *top = arena_printf("%s/concrete-%u", tmp, (unsigned)getuid());
	if (mkdir(top, 0700) < 0 && errno != EEXIST)
		return NULL;
	struct stat st;
	if (lstat(top, &st) < 0 || !S_ISDIR(st.st_mode) || st.st_uid != getuid())
		return NULL;
	const char *base = strrchr(real, '/');
	base = base ? base + 1 : real;
	char *dir = arena_printf("%s/%016llx-%s", top, (unsigned long long)fnv1a(real), base);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return NULL;
	return dir;
}

/* How many tools make runs at once: CONCRETE_JOBS when it is a positive
 * number, else one per online CPU (docs/concrete.md). */
static long build_jobs(void)
{
	const char *s = getenv("CONCRETE_JOBS");
	if (s && *s) {
		char *end;
		long j = strtol(s, &end, 10);
		if (*end == 0 && j > 0 && j <= 1024)
			return j;
	}
	long cpus = sysconf(_SC_NPROCESSORS_ONLN);
	return cpus > 0 ? cpus : 1;
}

/* make -f pipeline.mk with the variable assignments vars (NULL-ended) and
 * target.  Make runs with -r (no built-in rules: less to parse and no
 * implicit-rule searches for the included fragments) and its own -j;
 * MAKEFLAGS from a make that runs the driver is dropped, since the build is
 * the driver's, not the caller's (and a jobserver it names is not passed
 * down to us). */
int pipeline_make(char *const *vars, const char *target)
{
	const char *bin = proc_self_dir();
	char *argv[40];
	int n = 0;
	unsetenv("MAKEFLAGS");
	unsetenv("MFLAGS");
	argv[n++] = "make";
	argv[n++] = "-s";
	argv[n++] = "-r";
	long jobs = build_jobs();
	argv[n++] = arena_printf("-j%ld", jobs);
	if (jobs > 1)  /* one tool's diagnostics stay together */
		argv[n++] = "--output-sync=target";
	argv[n++] = "--no-print-directory";
	argv[n++] = "-f";
	argv[n++] = arena_printf("%s/../share/concrete/pipeline.mk", bin);
	argv[n++] = arena_printf("BIN=%s", bin);
	const char *o = getenv("CONCRETE_O");
	if (o)
		argv[n++] = arena_printf("CONCRETE_O=%s", o);
	for (; *vars && n < 38; vars++)
		argv[n++] = *vars;
	argv[n++] = (char *)target;
	argv[n] = NULL;
	int st = proc_run(argv, keep_line);
	if (st == 127)
		fprintf(stderr, "concrete: cannot run make\n");
	return st;
}

/* Builds target; exe names the OUT of pipeline.mk's link rule (NULL when
 * the target is an intermediate stage such as the .ll). */
static int run_make(const DriverJob *job, const char *cache, const char *target, const char *exe)
{
	char *vars[8];
	int n = 0;
	vars[n++] = arena_printf("SRC=%s", job->file);
	vars[n++] = arena_printf("C=%s", cache);
	if (exe)
		vars[n++] = arena_printf("OUT=%s", exe);
	if (job->mode == DRV_TEST) {
		vars[n++] = "TEST=1";
		if (job->test_module)
			vars[n++] = arena_printf("TEST_MODULE=%s", job->test_module);
	}
	vars[n] = NULL;
	return pipeline_make(vars, target);
}

static int print_file(const char *path)
{
	size_t n;
	char *text = tool_read_all("concrete", path, &n);
	fwrite(text, 1, n, stdout);
	fputc('\n', stdout);
	free(text);
	return 0;
}

/* Decodes a stage file the pipeline wrote; NULL after a one-line message. */
static Module *read_stage(const char *path)
{
	size_t n;
	char *data = tool_read_all("concrete", path, &n);
	const char *err = NULL;
	Module *m = stream_decode(data, n, &err);
	free(data);
	if (!m)
		fprintf(stderr, "concrete: %s: %s\n", path, err ? err : "malformed stream");
	return m;
}

/* --fmt formats one file: it parses in-process and never opens the files of
 * `mod x;` declarations, which need not exist for the source to be printed. */
static int format_file(const DriverJob *job)
{
	size_t n = 0;
	char *src = tool_read_all("concrete", job->file, &n);
	Diags d = { 0 };
	Module *m = parse_source(job->file, src, n, &d);
	diags_render(&d, DIAG_TEXT, stderr);
	if (d.errors) {
		free(src);
		return 1;
	}
	FmtOptions o = { .src = src, .len = n };
	Buf out = { 0 };
	fmt_module(m, &o, &out);
	fwrite(out.s, 1, out.n, stdout);
	free(out.s);
	free(src);
	return 0;
}

/* --emit-checked/--emit-ir/--emit-core: build one stage of the pipeline in
 * the cache and print it. */
static int print_stage(const DriverJob *job, const char *cache, const char *name)
{
	const char *ext = job->mode == DRV_EMIT_IR ? "ir" : "chk";
	char *path = arena_printf("%s/%s.%s", cache, name, ext);
	if (run_make(job, cache, path, NULL) != 0)
		return 1;
	Module *m = read_stage(path);
	if (!m)
		return 1;
	if (job->mode == DRV_EMIT_CHECKED || job->mode == DRV_EMIT_IR) {
		dump_text(m, stdout);
		fputc('\n', stdout);
		return 0;
	}
	FmtOptions o = { .core = true };
	Buf out = { 0 };
	fmt_module(m, &o, &out);
	fwrite(out.s, 1, out.n, stdout);
	fputc('\n', stdout);
	free(out.s);
	return 0;
}

int driver_run(const DriverJob *job)
{
	if (access(job->file, R_OK) < 0) {
		fprintf(stderr, "concrete: cannot read '%s': %s\n", job->file, strerror(errno));
		return 1;
	}
	char *cache = cache_dir(job->file);
	if (!cache) {
		fprintf(stderr, "concrete: cannot create a cache directory for '%s'\n", job->file);
		return 1;
	}
	const char *base = strrchr(job->file, '/');
	char *name = xstrdup(base ? base + 1 : job->file);
	char *dot = strrchr(name, '.');
	if (dot && dot != name)
		*dot = 0;

	switch (job->mode) {
	case DRV_FMT:
		return format_file(job);
	case DRV_EMIT_CHECKED:
	case DRV_EMIT_IR:
	case DRV_EMIT_CORE:
		return print_stage(job, cache, name);
	case DRV_EMIT_LLVM: {
		char *ll = arena_printf("%s/%s.ll", cache, name);
		if (run_make(job, cache, ll, NULL) != 0)
			return 1;
		return print_file(ll);
	}
	case DRV_TEST: {
		char *exe = arena_printf("%s/%s.test", cache, name);
		if (run_make(job, cache, exe, exe) != 0)
			return 1;
		char *argv[] = { exe, NULL };
		return proc_run(argv, NULL);
	}
	case DRV_BUILD: {
		const char *out = job->out ? job->out : driver_default_out(job->file);
		if (run_make(job, cache, out, out) != 0)
			return 1;
		printf("Compiled %s -> %s\n", job->file, out);
		return 0;
	}
	}
	return 1;
}
