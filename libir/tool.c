/* tool.c: argument parsing and I/O shared by every tool's main.c. */
#include "ir.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>

_Noreturn void tool_die(const char *prog, int status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fprintf(stderr, "%s: ", prog ? prog : "concrete");
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
	exit(status);
}

static _Noreturn void usage_error(const ToolArgs *a, const char *usage, const char *msg, const char *arg)
{
	fprintf(stderr, "%s: %s '%s'\n", a->prog, msg, arg);
	if (usage)
		fprintf(stderr, "usage: %s\n", usage);
	exit(2);
}

/* Tool-specific flags that take a value must be written --flag=value: the
 * shared parser cannot know which of them consume the next word. */
void tool_args(ToolArgs *a, int argc, char **argv, const char *usage)
{
	const char *p = argc > 0 && argv[0] ? strrchr(argv[0], '/') : NULL;
	memset(a, 0, sizeof *a);
	a->prog = p ? p + 1 : (argc > 0 && argv[0] ? argv[0] : "concrete");
	a->diag_format = DIAG_TEXT;
	a->extra = xcalloc((size_t)argc + 1, sizeof *a->extra);
	bool dashdash = false;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		if (!dashdash && s[0] == '-' && s[1]) {
			if (strcmp(s, "--") == 0) {
				dashdash = true;
			} else if (strcmp(s, "-h") == 0 || strcmp(s, "--help") == 0) {
				printf("usage: %s\n", usage ? usage : a->prog);
				exit(0);
			} else if (strcmp(s, "-o") == 0) {
				if (i + 1 >= argc)
					usage_error(a, usage, "missing file after", s);
				a->output = argv[++i];
			} else if (strncmp(s, "-o", 2) == 0 && s[2] != '-') {
				a->output = s + 2;
			} else if (strcmp(s, "--diagnostics") == 0 || strncmp(s, "--diagnostics=", 14) == 0) {
				const char *v = s[13] == '=' ? s + 14 : (i + 1 < argc ? argv[++i] : NULL);
				if (!v)
					usage_error(a, usage, "missing format after", s);
				if (strcmp(v, "text") == 0)
					a->diag_format = DIAG_TEXT;
				else if (strcmp(v, "json") == 0)
					a->diag_format = DIAG_JSON;
				else
					usage_error(a, usage, "unknown diagnostics format (want text or json)", v);
			} else if (strcmp(s, "--json") == 0) {
				a->json = true;
			} else {
				a->extra[a->nextra++] = s;
			}
			continue;
		}
		if (a->input)
			usage_error(a, usage, "more than one input file: unexpected", s);
		a->input = s;
	}
	if (!a->input)
		a->input = "-";
}

enum { MAX_INPUT = 1 << 30 };

char *tool_read_all(const char *prog, const char *path, size_t *n)
{
	bool std = !path || strcmp(path, "-") == 0;
	FILE *f = std ? stdin : fopen(path, "rb");
	const char *name = std ? "<stdin>" : path;
	if (!f)
		tool_die(prog, 2, "cannot read '%s': %s", name, strerror(errno));
	size_t cap = 1 << 16, len = 0;
	char *data = xmalloc(cap + 1);
	for (;;) {
		if (len == cap) {
			if (cap >= MAX_INPUT)
				tool_die(prog, 2, "input '%s' is larger than 1 GiB", name);
			cap *= 2;
			data = xrealloc(data, cap + 1);
		}
		size_t k = fread(data + len, 1, cap - len, f);
		len += k;
		if (k == 0)
			break;
	}
	if (ferror(f))
		tool_die(prog, 2, "cannot read '%s': %s", name, strerror(errno ? errno : EIO));
	if (len > MAX_INPUT)
		tool_die(prog, 2, "input '%s' is larger than 1 GiB", name);
	if (!std)
		fclose(f);
	data[len] = 0;
	*n = len;
	return data;
}

Module *tool_read_module(const ToolArgs *a)
{
	size_t n;
	char *data = tool_read_all(a->prog, a->input, &n);
	if (n == 0)
		tool_die(a->prog, 2, "empty input");
	unsigned char b = (unsigned char)data[0];
	if (!((b >= 0x80 && b <= 0x8f) || b == 0xde || b == 0xdf))
		tool_die(a->prog, 2, "input is not a Concrete stream (did you mean con-parse?)");
	const char *err = NULL;
	Module *m = stream_decode(data, n, &err);
	free(data);
	if (!m)
		tool_die(a->prog, 2, "%s", err);
	return m;
}

void tool_write_module(const ToolArgs *a, Module *m)
{
	bool std = !a->output || strcmp(a->output, "-") == 0;
	FILE *f = std ? stdout : fopen(a->output, "wb");
	if (!f)
		tool_die(a->prog, 2, "cannot write '%s': %s", a->output, strerror(errno));
	const char *err = NULL;
	int rc = stream_write(m, f, &err);
	if (!std && fclose(f) != 0 && rc == 0) {
		rc = -1;
		err = strerror(errno);
	}
	if (rc < 0) {
		/* A half-written stream must not look up to date to make. */
		if (!std)
			remove(a->output);
		tool_die(a->prog, 2, "cannot write '%s': %s", std ? "<stdout>" : a->output, err);
	}
}

int tool_finish_diags(const ToolArgs *a, Diags *d)
{
	(void)a;
	diags_render(d, a->diag_format, stderr);
	return d->errors ? 1 : 0;
}
