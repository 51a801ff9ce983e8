/* lower.h: private interface of con-lower's files.
 *
 * lower.c     the lowering state, instruction builders, expressions,
 *             statements, functions and the module entry point
 * mono.c      monomorphization: instances, substitution, symbols
 * match.c     enums, match, destructuring, `?`, defer
 * builtins.c  String/Vec/Heap and the other builtins
 * lowtypes.c  float constants and erased newtypes
 * borrow.c    borrow blocks
 * postmono.c  the post-monomorphization Copy check (CHECKS.md 8.2)
 * Each area file uses the builders declared here. */
#ifndef CON_LOWER_H
#define CON_LOWER_H

#include "ir.h"
#include <stdlib.h>
#include <string.h>

typedef struct Blk { uint32_t id; VEC(uint32_t) insts; bool done; } Blk;

typedef struct Loop {
	uint32_t node;          /* the While/For node */
	uint32_t brk, cont;     /* block indices (into L.blks) */
	uint32_t slot;          /* while-expression result slot, 0 if none */
	uint32_t defer_mark;    /* height of L.defers at the loop (match.c) */
} Loop;

typedef struct L {
	Module *m;              /* checked input */
	Module *o;              /* IR output */
	Diags *d;
	uint32_t *tmap;         /* checked type -> IR type (0 = not yet) */
	uint32_t *slot;         /* checked Let/Param/PatBind node -> IAlloca */
	Str *sym;               /* checked FnDecl node -> symbol */
	VEC(uint32_t) structs;  /* IrStruct nodes */
	VEC(uint32_t) funcs;    /* IrFunc nodes */
	VEC(uint32_t) rtdecls;  /* runtime/extern declarations added on use */
	/* per function */
	VEC(Blk) blks;
	VEC(uint32_t) allocas;
	uint32_t cur;           /* current block index */
	VEC(Loop) loops;
	uint32_t ret_ty;        /* IR type of the function's result */
	VEC(uint32_t) defers;   /* pending deferred Call nodes (match.c) */
	Span span;              /* span of the statement being lowered */
	struct Mono *mono;      /* mono.c: instances, type-parameter bindings */
} L;

/* Indices are clamped to the "none" node 0 so that a corrupt stream whose
 * child has the wrong kind cannot make us read outside the node table. */
#define N(i) NODE_AT(l->m, (uint32_t)(i) < l->m->nodes.n ? (uint32_t)(i) : 0)

uint32_t tcopy(L *l, uint32_t t);
uint32_t copy_list_types(L *l, List src, List *dst);
TypeKind okind(L *l, uint32_t t);
bool is_void(L *l, uint32_t t);
uint32_t t_bool(L *l);
uint32_t t_i64(L *l);
uint32_t t_ptr(L *l, uint32_t elem);
uint32_t t_fn(L *l, const uint32_t *params, uint32_t n, uint32_t ret);
uint32_t new_block(L *l);
uint32_t emit(L *l, NodeKind k, uint32_t ty);
bool is_term(NodeKind k);
void terminate(L *l, uint32_t n);
void set_block(L *l, uint32_t b);
void br(L *l, uint32_t b);
void condbr(L *l, uint32_t c, uint32_t t, uint32_t e);
void unreachable(L *l);
uint32_t iconst(L *l, uint32_t ty, int64_t v);
uint32_t alloca_(L *l, uint32_t ty, Str name);
uint32_t load(L *l, uint32_t ptr, uint32_t ty);
void store(L *l, uint32_t ptr, uint32_t val);
uint32_t vty(L *l, uint32_t v);
uint32_t spill(L *l, uint32_t v, uint32_t ty);
uint32_t field_ptr(L *l, uint32_t base, uint32_t agg, uint32_t idx);
uint32_t index_ptr(L *l, uint32_t base, uint32_t agg, uint32_t idx, Span sp);
void rt_decl(L *l, const char *name, uint32_t fnty);
uint32_t call(L *l, const char *name, uint32_t ret, const uint32_t *args, uint32_t n);
uint32_t nty(L *l, uint32_t n);
uint32_t to_i64(L *l, uint32_t v);
uint32_t cast(L *l, uint32_t v, uint32_t to);
uint32_t lower_expr(L *l, uint32_t n);
uint32_t lower_addr(L *l, uint32_t n);
void lower_stmt(L *l, uint32_t n);
uint32_t lower_block_value(L *l, uint32_t blk);
uint32_t result_slot(L *l, uint32_t ty);
void store_result(L *l, uint32_t slot, uint32_t v);
uint32_t finish_result(L *l, uint32_t slot, uint32_t ty);
uint32_t lower_args(L *l, List args, uint32_t *out);
uint32_t lower_builtin(L *l, uint32_t n);
/* builtins.c: String/Vec IR structs, string literals, `h->f` */
uint32_t lower_hdr_type(L *l, TypeKind k);
uint32_t lower_strlit(L *l, uint32_t n);
uint32_t lower_strlit_ref(L *l, uint32_t n);
uint32_t lower_arrow_addr(L *l, uint32_t n);
uint32_t lower_builtin_method(L *l, uint32_t n);
uint32_t lower_heap_read(L *l, uint32_t n);
uint32_t lower_call(L *l, uint32_t n);
void lower_fn(L *l, uint32_t fn, Str modpath);

/* mono.c: monomorphization and methods (LANGUAGE.md 4.2-4.4, ABI.md 11) */
void mono_init(L *l);
void mono_finish(L *l);         /* lower the instance worklist */
void mono_free(L *l);
uint32_t mono_type(L *l, uint32_t t);     /* tcopy hook; 0 = not handled */
uint32_t mono_subst(L *l, uint32_t t);    /* instance parameters replaced */
/* tcopy of t with a declaration's generics bound to args (checked types):
 * field types of generic struct/enum/newtype instances. */
uint32_t tcopy_in(L *l, uint32_t t, List generics, List args);
Str mono_struct_name(L *l, uint32_t t);  /* `Pair_Int` */
uint32_t mono_field_type(L *l, uint32_t t, uint32_t fty);
void mono_name_item(L *l, uint32_t it, const char *prefix);
void mono_lower_item(L *l, uint32_t it, Str modpath);
Str mono_callee(L *l, uint32_t fd, List inst);
uint32_t mono_call_args(L *l, uint32_t n, uint32_t *out);
uint32_t lower_methodcall(L *l, uint32_t n);

/* lowtypes.c: floats, newtypes, raw pointers (LANGUAGE.md 3.5, 3.11) */
uint32_t lt_newtype_inner(L *l, uint32_t checked_ty);
bool lt_is_newtype(L *l, uint32_t checked_ty);
uint32_t lt_fconst(L *l, uint32_t ty, Str text);

/* match.c: enums, enum match, destructuring let, `?`, defer */
uint32_t lower_branch(L *l, uint32_t b);
uint32_t enum_tcopy(L *l, uint32_t t);
uint32_t lower_variantlit(L *l, uint32_t n);
bool is_enum_match(L *l, uint32_t n);
uint32_t lower_match_enum(L *l, uint32_t n);
uint32_t lower_try(L *l, uint32_t n);
bool lower_match_stmt(L *l, uint32_t n);
/* borrow.c: `borrow [mut] x as r in R { }` */
void lower_borrow(L *l, uint32_t n);
void defer_run(L *l, uint32_t mark);
void defer_leave(L *l, uint32_t mark);

/* postmono.c */
void postmono_check_copy(L *l, uint32_t t);

#endif
