/* names.c: name tables generated from schema.def. */
#include "ir.h"

const char *const node_kind_names[NK_COUNT] = {
	"None",
#define NODE(K, st, doc, fields) #K,
#include "schema.def"
#undef NODE
};

const char *const type_kind_names[TK_COUNT] = {
	"None",
#define TYPE(K, doc, fields) #K,
#include "schema.def"
#undef TYPE
};

const char *const binop_spelling[OP_COUNT] = {
#define BINOP(N, s, p) s,
#include "schema.def"
#undef BINOP
};

const int binop_prec[OP_COUNT] = {
#define BINOP(N, s, p) p,
#include "schema.def"
#undef BINOP
};

const char *const unop_spelling[UOP_COUNT] = {
#define UNOP(N, s) s,
#include "schema.def"
#undef UNOP
};

const char *const stage_names[] = { "", "ast", "checked", "ir", "iface" };
