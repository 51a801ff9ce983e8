/* project.c: project mode (CLI_AND_REPORTS.md 1.4, LANGUAGE.md 4.12):
 * `concrete build [-o OUT] [--emit-llvm]`, `concrete run [-- ARGS...]`,
 * `concrete test [--module M]` in a directory whose own or parent directory
 * holds Concrete.toml.  The project's src/main.con is built by pipeline.mk
 * into PROJECT/build/, with the standard library as top-level module `std`
 * (its prebuilt interfaces and archive) and the [policy] deny list passed
 * to con-check. */
#include "driver.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define MAX_DENY 32

typedef struct Project {
	char *root;              /* absolute directory of Concrete.toml */
	char *name;              /* [package] name, NULL when absent */
	const char *deny[MAX_DENY + 1]; /* [policy] deny, NULL-terminated */
	int ndeny;
} Project;

typedef enum ProjCmd { PC_BUILD, PC_RUN, PC_TEST } ProjCmd;

typedef struct ProjJob {
	ProjCmd cmd;
	const char *out;         /* build -o OUT */
	bool emit_llvm;          /* build --emit-llvm */
	const char *module;      /* test --module M */
	char **args;             /* run -- ARGS (NULL-terminated) */
} ProjJob;

static bool is_file(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* ---- Concrete.toml: the line-based subset the reference reads ---- */

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	char *e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r' || e[-1] == '\n'))
		*--e = 0;
	return s;
}

/* Cuts a `#` comment that is not inside a string (the values we read
 * have no escaped quotes). */
static void cut_comment(char *s)
{
	bool q = false;
	for (; *s; s++) {
		if (*s == '"')
			q = !q;
		else if (*s == '#' && !q) {
			*s = 0;
			return;
		}
	}
}

/* A "string" value: its contents (no escapes needed by any key we read),
 * NULL when v is not one string. */
static char *toml_string(char *v)
{
	size_t n = strlen(v);
	if (n < 2 || v[0] != '"' || v[n - 1] != '"' || memchr(v + 1, '"', n - 2))
		return NULL;
	return xstrndup(v + 1, n - 2);
}

static int toml_error(const char *file, int line, const char *what)
{
	fprintf(stderr, "error: %s:%d: %s\n", file, line, what);
	return 1;
}

/* deny = ["A", "B"]: one line, strings only. */
static int parse_deny(Project *p, char *v, const char *file, int line)
{
	size_t n = strlen(v);
	if (n < 2 || v[0] != '[' || v[n - 1] != ']')
		return toml_error(file, line, "deny must be a list of strings: deny = [\"Console\"]");
	v[n - 1] = 0;
	for (char *s = v + 1; *(s = trim(s));) {
		char *comma = strchr(s, ',');
		if (comma)
			*comma = 0;
		char *str = toml_string(trim(s));
		if (!str || !*str)
			return toml_error(file, line, "deny must be a list of strings: deny = [\"Console\"]");
		if (p->ndeny == MAX_DENY)
			return toml_error(file, line, "too many denied capabilities");
		p->deny[p->ndeny++] = str;
		if (!comma)
			break;
		s = comma + 1;
	}
	return 0;
}

static int policy_key(Project *p, const char *key, char *v, const char *file, int line)
{
	if (!strcmp(key, "deny"))
		return parse_deny(p, v, file, line);
	if (!strcmp(key, "predictable") || !strcmp(key, "require-proofs")) {
		if (strcmp(v, "true") && strcmp(v, "false"))
			return toml_error(file, line, arena_printf("%s must be true or false", key));
		if (!strcmp(v, "true"))
			fprintf(stderr, "warning: Concrete.toml: [policy] %s is not enforced by this compiler yet\n", key);
		return 0;
	}
	fprintf(stderr, "warning: Concrete.toml has unrecognized policy key '%s'\n", key);
	return 0;
}

static int toml_pair(Project *p, const char *section, char *line, const char *file, int ln)
{
	char *eq = strchr(line, '=');
	if (!eq)
		return toml_error(file, ln, "expected key = value or [section]");
	*eq = 0;
	char *key = trim(line), *v = trim(eq + 1);
	if (!*key || strspn(key, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != strlen(key))
		return toml_error(file, ln, "bad key");
	if (!*v)
		return toml_error(file, ln, arena_printf("missing value for '%s'", key));
	if (!strcmp(section, "package")) {
		if (v[0] == '"' && !toml_string(v))
			return toml_error(file, ln, "unterminated string");
		if (!strcmp(key, "name")) {
			if (!(p->name = toml_string(v)) || !*p->name)
				return toml_error(file, ln, "name must be a non-empty string");
			if (strchr(p->name, '/'))
				return toml_error(file, ln, "name must not contain '/'");
		}
		return 0;
	}
	if (!strcmp(section, "dependencies")) {
		fprintf(stderr, "error: %s:%d: dependency '%s': path dependencies are not supported yet\n", file, ln, key);
		return 1;
	}
	if (!strcmp(section, "policy"))
		return policy_key(p, key, v, file, ln);
	return 0;                /* [profile.*]: accepted, not used */
}

static int parse_toml(Project *p, const char *file)
{
	FILE *f = fopen(file, "r");
	if (!f) {
		fprintf(stderr, "error: cannot read %s: %s\n", file, strerror(errno));
		return 1;
	}
	char buf[4096], *section = xstrdup("");
	int ln = 0, st = 0;
	while (!st && fgets(buf, sizeof buf, f)) {
		ln++;
		if (!strchr(buf, '\n') && !feof(f)) {
			st = toml_error(file, ln, "line too long");
			break;
		}
		cut_comment(buf);
		char *s = trim(buf);
		if (!*s)
			continue;
		if (*s == '[') {
			char *e = strchr(s, ']');
			if (!e || e[1] || e == s + 1) {
				st = toml_error(file, ln, "malformed section header");
				break;
			}
			section = xstrndup(s + 1, (size_t)(e - s - 1));
			if (strcmp(section, "package") && strcmp(section, "dependencies")
				&& strcmp(section, "policy") && strncmp(section, "profile.", 8))
				fprintf(stderr, "warning: Concrete.toml has unrecognized section '[%s]'\n", section);
			continue;
		}
		if (!*section) {
			st = toml_error(file, ln, "key outside of any [section]");
			break;
		}
		st = toml_pair(p, section, s, file, ln);
	}
	fclose(f);
	if (!st && !p->name)
		fprintf(stderr, "warning: Concrete.toml has no [package] name\n");
	return st;
}

/* The directory with Concrete.toml: the current one or its parent. */
static char *find_root(void)
{
	char cwd[PATH_MAX];
	if (!getcwd(cwd, sizeof cwd))
		return NULL;
	if (is_file(arena_printf("%s/Concrete.toml", cwd)))
		return xstrdup(cwd);
	char *slash = strrchr(cwd, '/');
	if (!slash)
		return NULL;
	char *parent = slash == cwd ? xstrdup("/") : xstrndup(cwd, (size_t)(slash - cwd));
	if (is_file(arena_printf("%s/Concrete.toml", parent)))
		return parent;
	return NULL;
}

/* ---- the standard library ---- */

/* $CONCRETE_STD if it holds src/lib.con, else the first candidate relative
 * to the driver's directory that does: the copy `make` and `make install`
 * place in share/concrete/std, then the reference's EXE/../../../std,
 * EXE/../../std, EXE/../std and EXE/std. */
static char *find_std(void)
{
	const char *env = getenv("CONCRETE_STD");
	if (env && *env && is_file(arena_printf("%s/src/lib.con", env)))
		return xstrdup(env);
	const char *exe = proc_self_dir();
	static const char *const rel[] = {
		"/../share/concrete/std", "/../../../std", "/../../std", "/../std", "/std",
	};
	for (size_t i = 0; i < sizeof rel / sizeof *rel; i++) {
		char *d = arena_printf("%s%s", exe, rel[i]);
		if (is_file(arena_printf("%s/src/lib.con", d)))
			return d;
	}
	return NULL;
}


/* The directory with std.iface and libconcrete_std.a: STD/build when it
 * was prebuilt there (by `make`, kept by `make install`), else the
 * project's build/std, built now from STD's sources (a CONCRETE_STD
 * checkout).  NULL after a message when that build fails. */
static char *std_lib_dir(const char *std, const char *root)
{
	char *pre = arena_printf("%s/build", std);
	if (is_file(arena_printf("%s/libconcrete_std.a", pre)) && is_file(arena_printf("%s/std.iface", pre)))
		return pre;
	char *dir = arena_printf("%s/build/std", root);
	char *vars[] = {
		arena_printf("SRC=%s/src/lib.con", std), arena_printf("C=%s", dir), "LIB=std", NULL,
	};
	if (pipeline_make(vars, arena_printf("%s/libconcrete_std.a", dir)) != 0) {
		fprintf(stderr, "error: cannot build the standard library from %s\n", std);
		return NULL;
	}
	return dir;
}

/* ---- the commands ---- */

static int usage(void)
{
	fputs("usage: concrete build [-o OUT] [--emit-llvm]\n"
		"       concrete run [-- ARGS...]\n"
		"       concrete test [--module M]\n", stderr);
	return 1;
}

static int parse_args(int argc, char **argv, ProjJob *j)
{
	const char *c = argv[1];
	int i = 2;
	if (!strcmp(c, "build")) {
		j->cmd = PC_BUILD;
		if (i + 1 < argc && !strcmp(argv[i], "-o")) {
			j->out = argv[i + 1];
			i += 2;
		}
		if (i < argc && !strcmp(argv[i], "--emit-llvm")) {
			j->emit_llvm = true;
			i++;
		}
		return i == argc ? 0 : usage();
	}
	if (!strcmp(c, "run")) {
		j->cmd = PC_RUN;
		if (i < argc && strcmp(argv[i], "--"))
			return usage();
		j->args = argv + (i < argc ? i + 1 : argc);
		return 0;
	}
	j->cmd = PC_TEST;
	if (argc == 4 && !strcmp(argv[2], "--module")) {
		j->module = argv[3];
		return 0;
	}
	return argc == 2 ? 0 : usage();
}

/* Variables for pipeline.mk common to every command. */
static int pipeline_vars(const Project *p, const char *libdir, char **v)
{
	int n = 0;
	v[n++] = arena_printf("SRC=%s/src/main.con", p->root);
	v[n++] = arena_printf("C=%s/build", p->root);
	v[n++] = arena_printf("POLICY_DEPS=%s/Concrete.toml", p->root);
	if (libdir) {
		v[n++] = "LIBS=std";
		v[n++] = arena_printf("LIB_DIR=%s", libdir);
	}
	if (p->ndeny) {
		Buf b = { 0 };
		buf_puts(&b, "DENY=");
		for (int i = 0; i < p->ndeny; i++)
			buf_printf(&b, "%s%s", i ? " " : "", p->deny[i]);
		v[n++] = arena_printf("%s", b.s);
		free(b.s);
	}
	return n;
}

static int run_exe(char *exe, char **args)
{
	int n = 0;
	while (args && args[n])
		n++;
	char **argv = xcalloc((size_t)n + 2, sizeof *argv);
	argv[0] = exe;
	for (int i = 0; i < n; i++)
		argv[i + 1] = args[i];
	int st = proc_run(argv, NULL);
	if (st == 127)
		fprintf(stderr, "concrete: cannot run %s\n", exe);
	return st;
}

static int run_job(const Project *p, const ProjJob *j, const char *libdir)
{
	char *v[16];
	int n = pipeline_vars(p, libdir, v);
	char *cache = arena_printf("%s/build", p->root);
	if (j->cmd == PC_TEST) {
		char *exe = arena_printf("%s/main.test", cache);
		v[n++] = "TEST=1";
		if (j->module)
			v[n++] = arena_printf("TEST_MODULE=%s", j->module);
		v[n++] = arena_printf("OUT=%s", exe);
		v[n] = NULL;
		if (pipeline_make(v, exe) != 0)
			return 1;
		return run_exe(exe, NULL);
	}
	if (j->cmd == PC_RUN) {
		char *exe = arena_printf("%s/%s.run", cache, p->name ? p->name : "main");
		v[n++] = arena_printf("OUT=%s", exe);
		v[n] = NULL;
		if (pipeline_make(v, exe) != 0)
			return 1;
		return run_exe(exe, j->args);
	}
	if (j->emit_llvm) {
		char *ll = arena_printf("%s/main.ll", cache);
		v[n] = NULL;
		if (pipeline_make(v, ll) != 0)
			return 1;
		size_t len;
		char *text = tool_read_all("concrete", ll, &len);
		fwrite(text, 1, len, stdout);
		fputc('\n', stdout);
		free(text);
		return 0;
	}
	const char *out = j->out ? j->out : p->name ? p->name : "a.out";
	v[n++] = arena_printf("OUT=%s", out);
	v[n] = NULL;
	if (pipeline_make(v, out) != 0)
		return 1;
	printf("Built %s\n", out);
	return 0;
}

int project_main(int argc, char **argv)
{
	ProjJob j = { 0 };
	if (parse_args(argc, argv, &j) != 0)
		return 1;
	Project p = { 0 };
	if (!(p.root = find_root())) {
		fprintf(stderr, "error: no Concrete.toml found in current directory or parent\n"
			"  hint: run `concrete %s` in a project: a directory with Concrete.toml and src/main.con\n", argv[1]);
		return 1;
	}
	if (parse_toml(&p, arena_printf("%s/Concrete.toml", p.root)) != 0)
		return 1;
	if (!is_file(arena_printf("%s/src/main.con", p.root))) {
		fprintf(stderr, "error: no src/main.con in project %s\n", p.root);
		return 1;
	}
	if (mkdir(arena_printf("%s/build", p.root), 0777) < 0 && errno != EEXIST) {
		fprintf(stderr, "error: cannot create %s/build: %s\n", p.root, strerror(errno));
		return 1;
	}
	char *libdir = NULL, *std = find_std();
	if (!std)
		fprintf(stderr, "warning: builtin std not found\n");
	else if (!(libdir = std_lib_dir(std, p.root)))
		return 1;
	return run_job(&p, &j, libdir);
}
