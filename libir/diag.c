/* diag.c: diagnostics as data, rendered as the reference text or JSON lines. */
#include "ir.h"
#include <stdlib.h>
#include <string.h>

Diag *diag_add(Diags *d, Severity sev, const char *pass, const char *code,
	const char *file, Span sp, const char *fmt, ...)
{
	Diag dg;
	memset(&dg, 0, sizeof dg);
	dg.sev = sev;
	dg.pass = pass;
	dg.code = code;
	dg.file = file;
	dg.span = sp;
	va_list ap;
	va_start(ap, fmt);
	dg.msg = arena_vprintf(fmt, ap);
	va_end(ap);
	vec_push(d->v, dg);
	if (sev == SEV_ERROR)
		d->errors++;
	return &d->v.v[d->v.n - 1];
}

void diag_hint(Diag *dg, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(fmt, ap);
	va_end(ap);
	vec_push(dg->hints, s);
}

void diag_note(Diag *dg, Span sp, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	DiagNote n = { sp, arena_vprintf(fmt, ap) };
	va_end(ap);
	vec_push(dg->notes, n);
}

void diag_context(Diag *dg, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = arena_vprintf(fmt, ap);
	va_end(ap);
	vec_push(dg->context, s);
}

static const char *const sev_words[] = { "error", "warning", "note" };

static const char *sev_word(Severity s)
{
	return (unsigned)s <= SEV_NOTE ? sev_words[s] : "error";
}

/* Most runs render several diagnostics against one file: keep the last
 * file read instead of reading it once per diagnostic. */
static char *cache_path, *cache_text;
static size_t cache_len;

static bool source_line(const char *path, uint32_t line, const char **s, size_t *n)
{
	if (!path || !*path || strcmp(path, "-") == 0)
		return false;
	if (!cache_path || strcmp(cache_path, path) != 0) {
		free(cache_path);
		free(cache_text);
		cache_path = xstrdup(path);
		cache_text = NULL;
		cache_len = 0;
		FILE *f = fopen(path, "rb");
		if (f) {
			Buf b = {0};
			char tmp[65536];
			size_t k;
			while ((k = fread(tmp, 1, sizeof tmp, f)) > 0 && b.n < (1u << 30))
				buf_add(&b, tmp, k);
			if (!ferror(f)) {
				cache_text = b.s ? b.s : xstrdup("");
				cache_len = b.n;
			} else {
				free(b.s);
			}
			fclose(f);
		}
	}
	if (!cache_text)
		return false;
	const char *p = cache_text, *end = cache_text + cache_len;
	for (uint32_t l = 1; l < line; l++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return false;
		p = nl + 1;
	}
	if (p >= end && line > 1)
		return false;
	const char *e = memchr(p, '\n', (size_t)(end - p));
	if (!e)
		e = end;
	if (e > p && e[-1] == '\r')
		e--;
	*s = p;
	*n = (size_t)(e - p);
	return true;
}

/* ` LINE | text` then a caret under column col.  Tabs before the column are
 * copied so the caret lines up; UTF-8 continuation bytes take no column. */
static void render_snippet(Buf *b, const char *file, Span sp)
{
	const char *s;
	size_t n;
	if (sp.line == 0 || !source_line(file, sp.line, &s, &n))
		return;
	int w = snprintf(NULL, 0, "%u", sp.line);
	buf_printf(b, " %u | ", sp.line);
	buf_add(b, s, n);
	buf_putc(b, '\n');
	buf_printf(b, " %*s | ", w, "");
	uint32_t col = 1;
	for (size_t i = 0; i < n && col < sp.col; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c & 0xc0) == 0x80)
			continue;
		buf_putc(b, c == '\t' ? '\t' : ' ');
		col++;
	}
	buf_puts(b, "^\n");
}

static void render_text(const Diag *dg, Buf *b)
{
	const char *file = dg->file ? dg->file : "<input>";
	if (dg->span.line)
		buf_printf(b, "%s:%u:%u: ", file, dg->span.line, dg->span.col);
	else
		buf_printf(b, "%s: ", file);
	buf_printf(b, "%s[%s]: ", sev_word(dg->sev), dg->pass ? dg->pass : "");
	if (dg->code)
		buf_printf(b, "(%s) ", dg->code);
	buf_puts(b, dg->msg ? dg->msg : "");
	buf_putc(b, '\n');
	render_snippet(b, dg->file, dg->span);
	for (uint32_t i = 0; i < dg->hints.n; i++)
		buf_printf(b, "  hint: %s\n", dg->hints.v[i]);
	for (uint32_t i = 0; i < dg->notes.n; i++) {
		const DiagNote *nt = &dg->notes.v[i];
		if (nt->span.line)
			buf_printf(b, "  note: %s:%u:%u: %s\n", file, nt->span.line, nt->span.col, nt->msg);
		else
			buf_printf(b, "  note: %s\n", nt->msg);
	}
	for (uint32_t i = 0; i < dg->context.n; i++)
		buf_printf(b, "  = %s\n", dg->context.v[i]);
}

static void json_str(Buf *b, const char *s)
{
	if (!s) {
		buf_puts(b, "null");
		return;
	}
	buf_putc(b, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		switch (c) {
		case '"': buf_puts(b, "\\\""); break;
		case '\\': buf_puts(b, "\\\\"); break;
		case '\n': buf_puts(b, "\\n"); break;
		case '\t': buf_puts(b, "\\t"); break;
		case '\r': buf_puts(b, "\\r"); break;
		default:
			if (c < 0x20 || c == 0x7f)
				buf_printf(b, "\\u%04x", c);
			else
				buf_putc(b, (char)c);
		}
	}
	buf_putc(b, '"');
}

static void render_json(const Diag *dg, Buf *b)
{
	buf_puts(b, "{\"severity\":");
	json_str(b, sev_word(dg->sev));
	buf_puts(b, ",\"pass\":");
	json_str(b, dg->pass);
	buf_puts(b, ",\"code\":");
	json_str(b, dg->code);
	buf_puts(b, ",\"file\":");
	json_str(b, dg->file);
	buf_printf(b, ",\"line\":%u,\"col\":%u,\"message\":", dg->span.line, dg->span.col);
	json_str(b, dg->msg);
	buf_puts(b, ",\"hints\":[");
	for (uint32_t i = 0; i < dg->hints.n; i++) {
		if (i)
			buf_putc(b, ',');
		json_str(b, dg->hints.v[i]);
	}
	buf_puts(b, "],\"notes\":[");
	for (uint32_t i = 0; i < dg->notes.n; i++) {
		const DiagNote *nt = &dg->notes.v[i];
		buf_printf(b, "%s{\"line\":%u,\"col\":%u,\"message\":", i ? "," : "",
			nt->span.line, nt->span.col);
		json_str(b, nt->msg);
		buf_putc(b, '}');
	}
	buf_puts(b, "],\"context\":[");
	for (uint32_t i = 0; i < dg->context.n; i++) {
		if (i)
			buf_putc(b, ',');
		json_str(b, dg->context.v[i]);
	}
	buf_puts(b, "]}\n");
}

void diag_render_one(const Diag *dg, DiagFormat fmt, FILE *out, Buf *scratch)
{
	scratch->n = 0;
	if (fmt == DIAG_JSON)
		render_json(dg, scratch);
	else
		render_text(dg, scratch);
	fwrite(scratch->s, 1, scratch->n, out);
}

void diags_render(const Diags *d, DiagFormat fmt, FILE *out)
{
	Buf b = {0};
	for (uint32_t i = 0; i < d->v.n; i++)
		diag_render_one(&d->v.v[i], fmt, out, &b);
	free(b.s);
	fflush(out);
}
