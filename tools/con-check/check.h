/* check.h: private interface of con-check's passes.
 *
 * check.c     check_module: phases over items, then each function body
 * resolve.c   module scopes, local scopes, labels, syntactic types -> types
 * imports.c   `import`, qualified names, module interfaces read with -I
 * types.c     expression typing (literal typing, LANGUAGE.md 5.2)
 * typesx.c    floats, pointers, aliases, newtypes, unions, casts, repr rules
 * calls.c     calls and their arguments
 * builtins.c  the builtins of BUILTINS.md
 * generics.c  type parameters, substitution, inference, turbofish
 * traits.c    impls, methods, traits, bounds, Destroy
 * enums.c     enums, variant literals, patterns, `?`
 * stmt.c      statements, blocks, loops, match
 * borrow.c    typing of borrow blocks
 * decls.c     Copy declarations (CHECKS.md 3.1)
 * entry.c     exactly one `main`; testfn.c: `#[test]` signatures
 * After a body type-checks, the CHECKS.md passes run over it:
 * borrowck.c  frozen owners, escapes, named references (CHECKS.md 4, 5)
 * linear.c    linearity and ownership (CHECKS.md 2, 3.3)
 * caps.c      capabilities (CHECKS.md 6), after all bodies
 * report.c    the diagnostics table (diagnostics.h) and context lines
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

/* A module-level name: function, struct, constant, ... (the node's kind
 * says which; impl methods are registered as `Type_method` functions). */
typedef struct Sym {
	Str name;
	uint32_t node;
} Sym;

/* One module of the file: the implicit `main`, a top-level or nested inline
 * `mod X { }`, or a `mod X;` whose items were copied from its interface
 * (imported: declared here, defined in another object). */
typedef struct Scope {
	uint32_t node;        /* its Module node */
	uint32_t parent;      /* enclosing scope, NO_SCOPE for a top-level module */
	Str path;             /* dotted path from the top-level module: main.net.tcp */
	bool imported;        /* items came from an .iface: signatures only */
	VEC(Sym) syms;        /* its own items */
	VEC(Sym) imports;     /* `import` names: local name -> declaration */
} Scope;
#define NO_SCOPE UINT32_MAX

/* A visible local: Let, Param or PatBind (named catch-all arm). */
typedef struct Local {
	Str name;
	uint32_t node;
} Local;

/* A type parameter in scope: its TK_Param type and GenericParam node. */
typedef struct TParam {
	Str name;
	uint32_t ty, node;
} TParam;

/* The impl (or trait) a method FnDecl belongs to. */
typedef struct Owner {
	uint32_t fn, owner;
} Owner;

/* `impl Trait for Type`: the type's base name and the trait's name. */
typedef struct TraitImpl {
	Str type, trait;
	uint32_t impl;        /* the ImplDecl */
	uint32_t scope;       /* the module it is declared in */
} TraitImpl;

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
	VEC(Scope) scopes;    /* every module of the file, parents first */
	uint32_t scope;       /* the module being checked (index into scopes) */
	const char *const *iface_dirs;  /* -I directories for `mod x;` interfaces */
	VEC(Local) locals;
	VEC(Loop) loops;
	VEC(Str) reported;    /* names already reported in this function */
	/* generics.c / traits.c */
	VEC(TParam) tparams;  /* type parameters in scope (impl's, then fn's) */
	uint32_t self_ty;     /* `Self` inside an impl or trait, 0 elsewhere */
	VEC(Owner) owners;    /* impl method / trait method -> ImplDecl/TraitDecl */
	VEC(TraitImpl) timpls;/* `impl Trait for Type` facts for bound checks */
	/* enums.c */
	uint32_t enum_option, enum_result;  /* the builtin EnumDecls */
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
/* Module symbol tables (LANGUAGE.md 4.12).  kind is a NodeKind (NK_FnDecl,
 * NK_StructDecl, ...) or 0 for any.  sym_lookup: what the current module can
 * name unqualified (its own items first, then its imports); scope_item: the
 * own items of one module; sym_add: add to the current module, returns
 * false (adding nothing) when the name is already taken. */
uint32_t sym_lookup(Checker *c, Str name, int kind);
uint32_t scope_item(Checker *c, uint32_t scope, Str name, int kind);
bool sym_add(Checker *c, Str name, uint32_t node);
/* The module `q` of a qualified name `q::f`: a direct submodule of the
 * current module, else a top-level module (sibling); NO_SCOPE if none. */
uint32_t qual_scope(Checker *c, Str q);
/* The module named by an import path (any suffix of a nested path). */
uint32_t path_scope(Checker *c, List path);
#define FIND_FN(c, s) sym_lookup((c), (s), NK_FnDecl)
#define FIND_STRUCT(c, s) sym_lookup((c), (s), NK_StructDecl)
#define FIND_CONST(c, s) sym_lookup((c), (s), NK_ConstDecl)
void scope_push(Checker *c, Str name, uint32_t node);
uint32_t scope_find(Checker *c, Str name);
bool reported_once(Checker *c, Str name);
uint32_t resolve_type(Checker *c, uint32_t tn);
uint32_t fn_type(Checker *c, uint32_t fndecl);
bool is_reserved_fn(Str name);
Loop *loop_find(Checker *c, Str label);

/* imports.c */
/* Resolve the `import` items of module scope i into its imports table. */
void check_imports(Checker *c, uint32_t scope);
/* Fill a `mod x;` stub with the items of x's interface (-I directories). */
void load_stub(Checker *c, uint32_t mod, Str path);
/* --module PATH: make the file's items the body of module PATH (main.x). */
int check_wrap_module(Module *m, const char *path, Diags *d);
/* After -I: `import x` of a sibling module file adds stub `mod x;`. */
void check_add_siblings(Module *m, const char *path);
/* libs.c (project mode): `--lib NAME` adds top-level module NAME from
 * NAME.iface; `--deny CAP` reports functions declaring a denied capability. */
void check_add_lib(Module *m, const char *name);
void check_policy_deny(Module *m, const char *const *deny, Diags *d);
/* entry.c: a root file has at most one top-level `main` (LANGUAGE.md 4.12) */
int check_entry_point(Module *m, Diags *d);
/* The function of `m::f` when m names a module (*is_mod); 0 on error. */
uint32_t qual_fn(Checker *c, Str q, Str name, Span sp, bool *is_mod);

/* builtins.c: the intrinsics of BUILTINS.md 2 (BI_NONE = not a builtin) */
enum { BI_NONE, BI_ALLOC, BI_FREE, BI_DESTROY, BI_VEC_NEW, BI_VEC_PUSH,
	BI_VEC_GET, BI_VEC_SET, BI_VEC_LEN, BI_VEC_POP, BI_VEC_FREE, BI_STR_LEN,
	BI_STR_CONCAT, BI_STR_EQ, BI_STR_SLICE, BI_STR_SUBSTR, BI_STR_CHAR_AT,
	BI_STR_CONTAINS, BI_STR_TRIM, BI_DROP_STRING, BI_STR_PUSH_CHAR,
	BI_STR_APPEND, BI_STR_APPEND_INT, BI_STR_APPEND_BOOL, BI_STR_RESERVE,
	BI_INT_TO_STRING, BI_STRING_TO_INT, BI_BOOL_TO_STRING, BI_FLOAT_TO_STRING,
	BI_PRINT_STRING, BI_PRINT_INT, BI_PRINT_CHAR, BI_PRINT_BOOL, BI_PRINT,
	BI_PRINTLN, BI_APPEND, BI_CLOCK, BI_GET_ARGS, BI_ABORT, BI_SIZEOF,
	BI_ALIGNOF, BI_UNWRAP };
uint32_t builtin_kind(Str name);
/* Types a call of a builtin (after calls.c found no function of the name). */
uint32_t check_builtin(Checker *c, uint32_t e, uint32_t expect, bool stmt);
/* `&"lit"`: the literal gets type String, the result &String. */
uint32_t check_strlit_ref(Checker *c, uint32_t e);
/* `base->f` (write: assignment target); sets aux = field index. */
uint32_t check_arrow(Checker *c, uint32_t e, bool write);
/* `recv.m(..)` on String/Vec reaching a builtin String_m / Vec_m when no
 * method exists; false if there is no such builtin. */
bool bi_method(Checker *c, uint32_t e, uint32_t rt, uint32_t bt, const char *tyname, uint32_t *ret);
/* String fields and `.` on a heap cell; false if st is neither. */
bool bi_fieldget(Checker *c, uint32_t e, uint32_t st, uint32_t *ret);
uint32_t ty_string(Checker *c);
/* String, Vec<T>, Heap<T>, HeapArray<T> by name; 0 if tn is none of them. */
uint32_t bi_named_type(Checker *c, uint32_t tn);
uint32_t ty_vec(Checker *c, uint32_t elem);
uint32_t ty_heap(Checker *c, uint32_t elem);

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
void check_inits_loose(Checker *c, List inits);
void check_field_inits(Checker *c, uint32_t e, List inits, List fields, const char *name,
	const char *of, uint32_t (*ftype)(Checker *, const void *, uint32_t), const void *ctx, bool all);

/* generics.c: type parameters, substitution, inference */
uint32_t ty_param(Checker *c, Str name);
bool ty_has_param(Checker *c, uint32_t t);
/* t with every TK_Param named by a GenericParam of `generics` replaced by
 * the type at the same position of `args` (a type list, e.g. Struct.args). */
uint32_t subst(Checker *c, uint32_t t, List generics, List args);
uint32_t subst_n(Checker *c, uint32_t t, const Str *names, const uint32_t *args, uint32_t n);
void push_tparams(Checker *c, List generics);
const TParam *find_tparam(Checker *c, Str name);
/* Enter/leave the generic context of a function (its impl's parameters and
 * Self, then its own parameters); resolve_signature and check_body use it. */
void gen_enter(Checker *c, uint32_t fd);
void gen_leave(Checker *c);
/* TyName hook of resolve_tyname: type parameters, Self, user generic
 * structs.  Returns 0 when the name is none of these. */
uint32_t resolve_generic_name(Checker *c, uint32_t tn);
uint32_t resolve_targs(Checker *c, List targs, uint32_t *out);
/* The instance `decl<args>` of a generic struct/enum/newtype decl. */
uint32_t generic_inst(Checker *c, uint32_t decl, const uint32_t *args, uint32_t n);
uint32_t check_generic_call(Checker *c, uint32_t e, uint32_t fd);
/* Arguments and type arguments of a call of fd (free, static or method):
 * pre[0..npre) binds the impl's parameters (receiver type or qualifier
 * turbofish), targs the function's own; the rest are inferred.  skip = 1
 * when args do not include the receiver.  Returns the substituted return
 * type and sets *inst. */
uint32_t gen_call(Checker *c, uint32_t e, uint32_t fd, List args, uint32_t skip,
	const uint32_t *pre, uint32_t npre, List targs, const char *what, const char *fname,
	List *inst);
uint32_t impl_nparams(Checker *c, uint32_t fd);
uint32_t check_generic_structlit(Checker *c, uint32_t e, uint32_t decl);
bool check_generic_path(Checker *c, uint32_t e, uint32_t *ret);
/* Canonical type name of LANGUAGE.md 4.2 (Int, Uint, i32, Bool, ...,
 * a named type's own name), NULL for types without one. */

/* traits.c: impls, methods, traits, bounds, destroy() */
void collect_impl(Checker *c, uint32_t impl);
void collect_trait(Checker *c, uint32_t tr);
void check_traits(Checker *c);
uint32_t owner_of(Checker *c, uint32_t fd);
uint32_t impl_target(Checker *c, uint32_t impl);
uint32_t self_param_type(Checker *c, uint32_t p);
uint32_t check_methodcall(Checker *c, uint32_t e, uint32_t expect);
/* `Type::f(args)`: false when qual is not a type this module knows. */
bool check_static_call(Checker *c, uint32_t e, uint32_t *ret);
uint32_t check_destroy(Checker *c, uint32_t e);
bool type_implements(Checker *c, uint32_t t, Str trait);
/* Bounds of fd's type parameters against binds (E0241). */
void check_bounds(Checker *c, Span sp, uint32_t fd, const uint32_t *binds, uint32_t n);

/* typesx.c: floats, raw pointers, aliases, newtypes, unions, casts, repr
 * and FFI declaration rules */
uint32_t tx_float(Checker *c, int bits);
uint32_t tx_float_lit(Checker *c, uint32_t expect);
uint32_t tx_named_type(Checker *c, uint32_t tn);
uint32_t tx_ptr_type(Checker *c, uint32_t tn);
bool tx_is_newtype(Checker *c, uint32_t t);
uint32_t tx_newtype_inner(Checker *c, uint32_t t);
bool tx_newtype_call(Checker *c, uint32_t e, uint32_t expect, uint32_t *ret);
bool tx_newtype_field(Checker *c, uint32_t st, Str name, Span sp, uint32_t *ret);
bool tx_ptr_compat(Checker *c, uint32_t a, uint32_t b);
bool tx_binary(Checker *c, uint32_t e, uint32_t lt, uint32_t rt, uint32_t *ret);
uint32_t tx_cast(Checker *c, uint32_t e);
bool tx_ffi_safe(Checker *c, uint32_t t, bool ret);
void tx_check_struct(Checker *c, uint32_t sd);
void check_copy_struct(Checker *c, uint32_t sd);   /* decls.c: CHECKS.md 3.1 */
void tx_check_extern(Checker *c, uint32_t fd);
void tx_check_union_lit(Checker *c, uint32_t e, uint32_t decl);
void tx_resolve_decl(Checker *c, uint32_t d);
uint32_t tx_alias_struct(Checker *c, Str name);

/* caps.c: capability containment, polymorphism, Unsafe/Alloc gating */
void check_caps(Checker *c);

/* testfn.c: the shape of #[test] functions */
void check_test_fn(Checker *c, uint32_t fd);

/* enums.c: enums, Option/Result, enum match, destructuring let, ?, defer */
void enum_builtins(Checker *c);
uint32_t enum_find(Checker *c, Str name);
void enum_resolve(Checker *c, uint32_t ed);
uint32_t enum_resolve_tyname(Checker *c, uint32_t tn);
uint32_t enum_scrut_type(Checker *c, uint32_t st);
uint32_t check_variantlit(Checker *c, uint32_t e, uint32_t expect);
uint32_t check_match_enum(Checker *c, uint32_t mt, uint32_t st, uint32_t expect);
void check_let_variant(Checker *c, uint32_t s);
void check_let_struct(Checker *c, uint32_t s);
uint32_t check_try(Checker *c, uint32_t e);
void check_defer(Checker *c, uint32_t s);

/* linear.c: linearity and ownership of one type-checked body (CHECKS.md 2,
 * 3.3): use after move, leaks, branch and loop rules, defer, named refs.
 * Needs the function's generic context (Copy bounds). */
void check_linear(Checker *c, uint32_t fd, bool leaks);

/* stmt.c */
uint32_t check_block(Checker *c, uint32_t blk, uint32_t expect, bool value);
void check_stmt(Checker *c, uint32_t s);
/* borrow.c: a `borrow [mut] x as r in R { }` statement */
void check_borrow(Checker *c, uint32_t s);
/* borrowck.c: freezing, escapes and named references of one checked body */
void borrowck_fn(Checker *c, uint32_t fd);
uint32_t check_while(Checker *c, uint32_t w, uint32_t expect);
uint32_t check_match(Checker *c, uint32_t mt, uint32_t expect);
void arm_type_agree(Checker *c, uint32_t a, uint32_t at, uint32_t *first);
uint32_t check_arm_body(Checker *c, uint32_t body, uint32_t expect, bool is_expr);

#endif
