/* check.h: private interface of con-check's passes.
 *
 * resolve.c  module symbols, local scopes, labels, syntactic types -> types
 * types.c    type predicates and expression typing (literal typing, 5.2)
 * stmt.c     statements, blocks, loops, match
 * check.c    check_module: items, structs, constants, functions
 * report.c   the diagnostics table (diagnostics.h) and context lines
 */
#ifndef CON_CHECK_H
#define CON_CHECK_H

#include "ir.h"

typedef enum CDiagId {
#define CDIAG(id, pass, code, fmt) CD_##id,
#include "diagnostics.h"
#undef CDIAG
	CD_COUNT
} CDiagId;

/* A module-level name: function, struct or constant. */
typedef struct Sym {
	Str name;
	uint32_t node;
} Sym;

/* A visible local: Let, Param or PatBind (named catch-all arm). */
typedef struct Local {
	Str name;
	uint32_t node;
} Local;

/* An enclosing loop, innermost last. */
typedef struct Loop {
	uint32_t node;       /* While or For */
	Str label;
	bool is_expr;        /* While with FL_EXPR: break may carry a value */
	uint32_t expect;     /* expected type of the while-expression */
	uint32_t break_ty;   /* type of the first valued break, 0 = none yet */
} Loop;

typedef struct Checker {
	Module *m;
	Diags *d;
	int errors;
	Str modname;          /* current top-level module */
	VEC(Sym) fns;
	VEC(Sym) structs;
	VEC(Sym) consts;
	VEC(Local) locals;
	VEC(Loop) loops;
	VEC(Str) reported;    /* names already reported in this function */
	uint32_t fn;          /* current FnDecl, 0 at module level */
	uint32_t ret;         /* its return type */
	unsigned depth;       /* recursion guard against cyclic or deep trees */
	bool const_init;      /* checking a constant initializer */
	bool const_bad;
	/* frequently used types */
	uint32_t t_err, t_unit, t_never, t_bool, t_char, t_int;
} Checker;

#define MAX_DEPTH 2000

/* report.c */
Diag *cerr(Checker *c, CDiagId id, Span sp, ...);
void report_sort(Diags *d, uint32_t from);

/* resolve.c */
uint32_t sym_find(const Sym *v, uint32_t n, Str name);
#define FIND_FN(c, s) sym_find((c)->fns.v, (c)->fns.n, (s))
#define FIND_STRUCT(c, s) sym_find((c)->structs.v, (c)->structs.n, (s))
#define FIND_CONST(c, s) sym_find((c)->consts.v, (c)->consts.n, (s))
void scope_push(Checker *c, Str name, uint32_t node);
uint32_t scope_find(Checker *c, Str name);
bool reported_once(Checker *c, Str name);
uint32_t resolve_type(Checker *c, uint32_t tn);
uint32_t fn_type(Checker *c, uint32_t fndecl);
bool is_reserved_fn(Str name);
uint32_t builtin_kind(Str name);
enum { BI_NONE, BI_PRINT_INT, BI_PRINT_CHAR, BI_PRINT_BOOL, BI_PRINT,
	BI_PRINTLN, BI_ABORT, BI_UNSUPPORTED };
Loop *loop_find(Checker *c, Str label);

/* types.c */
Type *ty_at(Checker *c, uint32_t t);
bool ty_is_int(Checker *c, uint32_t t);
bool ty_is_err(Checker *c, uint32_t t);
bool ty_compat(Checker *c, uint32_t want, uint32_t got);
const char *tname(Checker *c, uint32_t t);
uint32_t check_expr(Checker *c, uint32_t e, uint32_t expect);
/* Check e against want, reporting "type mismatch in <ctx>" at sp. */
void expect_type(Checker *c, uint32_t e, uint32_t want, Span sp, const char *ctx);
uint32_t check_call(Checker *c, uint32_t e, uint32_t expect, bool stmt);
uint32_t struct_field(Checker *c, uint32_t sty, Str name, uint32_t *index);

/* stmt.c */
uint32_t check_block(Checker *c, uint32_t blk, uint32_t expect, bool value);
void check_stmt(Checker *c, uint32_t s);
uint32_t check_while(Checker *c, uint32_t w, uint32_t expect);
uint32_t check_match(Checker *c, uint32_t mt, uint32_t expect);

#endif
