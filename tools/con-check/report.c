/* report.c: con-check's diagnostics, built from the diagnostics.h table. */
#include <stdlib.h>
#include <string.h>

#include "check.h"

static const struct {
	const char *pass, *code, *fmt;
} cdiags[CD_COUNT] = {
#define CDIAG(id, pass, code, fmt) { pass, code, fmt },
#include "diagnostics.h"
#undef CDIAG
};

static const char *span_file(Checker *c, Span sp)
{
	Module *m = c->m;
	if (sp.file < m->files.n && m->files.v[sp.file])
		return str_get(m->files.v[sp.file]);
	return m->source ? str_get(m->source) : "<input>";
}

/* The formats come from a table, so the compiler cannot check them; every
 * call site passes what its row names. */
Diag *cerr(Checker *c, CDiagId id, Span sp, ...)
{
	va_list ap;
	va_start(ap, sp);
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
	char *msg = arena_vprintf(cdiags[id].fmt, ap);
#pragma GCC diagnostic pop
	va_end(ap);
	Diag *dg = diag_add(c->d, SEV_ERROR, cdiags[id].pass, cdiags[id].code,
		span_file(c, sp), sp, "%s", msg);
	if (c->modname)
		diag_context(dg, "while checking module '%s'", str_get(c->modname));
	if (c->fn)
		diag_context(dg, "while checking function '%s'",
			str_get(NODE_AT(c->m, c->fn)->FnDecl.name));
	if (id == CD_ASSIGN_IMMUT)
		diag_hint(dg, "declare with 'let mut' to make it mutable");
	else if (id == CD_BREAK_OUTSIDE || id == CD_CONT_OUTSIDE)
		diag_hint(dg, "%s can only be used inside while or for loops",
			id == CD_BREAK_OUTSIDE ? "break" : "continue");
	c->errors++;
	return dg;
}

static int by_position(const void *a, const void *b)
{
	const Diag *x = a, *y = b;
	/* Diagnostics without a span keep their place after the spanned ones. */
	uint32_t lx = x->span.line ? x->span.line : UINT32_MAX;
	uint32_t ly = y->span.line ? y->span.line : UINT32_MAX;
	if (lx != ly)
		return lx < ly ? -1 : 1;
	if (x->span.col != y->span.col)
		return x->span.col < y->span.col ? -1 : 1;
	return 0;
}

/* Items are checked in phases (signatures, then bodies), so diagnostics are
 * put back into source order; insertion sort keeps equal positions stable. */
void report_sort(Diags *d, uint32_t from)
{
	for (uint32_t i = from + 1; i < d->v.n; i++) {
		Diag tmp = d->v.v[i];
		uint32_t j = i;
		while (j > from && by_position(&d->v.v[j - 1], &tmp) > 0) {
			d->v.v[j] = d->v.v[j - 1];
			j--;
		}
		d->v.v[j] = tmp;
	}
}
