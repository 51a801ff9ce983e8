/* ir.h: every core type of the Concrete toolchain, in one header.
 * Sections are marked by the file that implements them. */
#ifndef CONCRETE_IR_H
#define CONCRETE_IR_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define IR_MAGIC "concrete-ir"

/* ===== arena.c: allocation that never returns NULL ===== */

void *xmalloc(size_t n);            /* aborts with a message on OOM */
void *xcalloc(size_t n, size_t sz);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* Bump allocation from the process arena, freed once at exit. */
void *arena_alloc(size_t n);
char *arena_printf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *arena_vprintf(const char *fmt, va_list ap);

/* Growable arrays: VEC(T) v = {0}; vec_push(v, x); v.v[i], v.n */
#define VEC(T) struct { T *v; uint32_t n, cap; }
#define vec_grow(vec, need) do { \
		if ((need) > (vec).cap) { \
			uint32_t c_ = (vec).cap ? (vec).cap : 8; \
			while (c_ < (need)) c_ *= 2; \
			(vec).v = xrealloc((vec).v, (size_t)c_ * sizeof *(vec).v); \
			(vec).cap = c_; \
		} \
	} while (0)
#define vec_push(vec, x) do { vec_grow(vec, (vec).n + 1); (vec).v[(vec).n++] = (x); } while (0)

/* Growable byte buffer for building text without quadratic copies. */
typedef struct Buf { char *s; size_t n, cap; } Buf;
void buf_add(Buf *b, const char *s, size_t n);
void buf_reserve(Buf *b, size_t extra);   /* room for extra bytes + NUL */
void buf_puts(Buf *b, const char *s);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_putc(Buf *b, char c);

/* ===== intern.c: the string interner =====
 * Str 0 is the empty string / "none".  Strings may contain NUL bytes. */
typedef uint32_t Str;
Str str_intern(const char *s, size_t n);
Str str_internz(const char *s);
const char *str_get(Str s);        /* NUL-terminated view */
size_t str_len(Str s);
uint32_t str_count(void);          /* number of interned strings, incl. 0 */

/* ===== spans ===== */
typedef struct Span {
	uint32_t file;   /* index into Module.files */
	uint32_t line;   /* 1-based; 0 = no span */
	uint32_t col;    /* 1-based, in characters */
	uint32_t off;    /* byte offset */
} Span;

/* ===== schema-derived nodes and types (schema.def) ===== */
enum { S_AST = 1, S_IR = 2 };

typedef struct List { uint32_t start, len; } List;   /* into Module.lists */

typedef enum NodeKind {
	NK_None,
#define NODE(K, st, doc, fields) NK_##K,
#include "schema.def"
#undef NODE
	NK_COUNT
} NodeKind;

#define F_NODE(f) uint32_t f;
#define F_NLIST(f) List f;
#define F_STR(f) Str f;
#define F_SLIST(f) List f;
#define F_TYPE(f) uint32_t f;
#define F_TLIST(f) List f;
#define F_INT(f) int64_t f;
#define NODE(K, st, doc, fields) struct N_##K { fields };
#define TYPE(K, doc, fields) struct T_##K { fields };
#include "schema.def"
#undef NODE
#undef TYPE

typedef struct Node {
	uint16_t kind;      /* NodeKind */
	Span span;
	uint32_t ty;        /* semantic type (checked/ir), 0 = none */
	uint32_t aux;       /* resolution, see schema.def doc strings */
	union {
#define NODE(K, st, doc, fields) struct N_##K K;
#include "schema.def"
#undef NODE
	};
} Node;

typedef enum TypeKind {
	TK_None,
#define TYPE(K, doc, fields) TK_##K,
#include "schema.def"
#undef TYPE
	TK_COUNT
} TypeKind;

typedef struct Type {
	uint16_t kind;      /* TypeKind */
	union {
#define TYPE(K, doc, fields) struct T_##K K;
#include "schema.def"
#undef TYPE
	};
} Type;
#undef F_NODE
#undef F_NLIST
#undef F_STR
#undef F_SLIST
#undef F_TYPE
#undef F_TLIST
#undef F_INT

typedef enum BinOp {
#define BINOP(N, s, p) OP_##N,
#include "schema.def"
#undef BINOP
	OP_COUNT
} BinOp;

typedef enum UnOp {
#define UNOP(N, s) UOP_##N,
#include "schema.def"
#undef UNOP
	UOP_COUNT
} UnOp;

extern const char *const node_kind_names[NK_COUNT];
extern const char *const type_kind_names[TK_COUNT];
extern const char *const binop_spelling[OP_COUNT];
extern const int binop_prec[OP_COUNT];
extern const char *const unop_spelling[UOP_COUNT];

/* Node flag bits (F_INT flags fields). */
enum {
	FL_PUB      = 1 << 0,
	FL_TRUSTED  = 1 << 1,
	FL_EXTERN   = 1 << 2,    /* FnDecl: `extern fn` or `fn f();` */
	FL_TEST     = 1 << 3,    /* FnDecl: #[test] */
	FL_COPY     = 1 << 4,    /* StructDecl/EnumDecl: `Copy` */
	FL_UNION    = 1 << 5,    /* StructDecl: `union` */
	FL_MUT      = 1 << 6,    /* Let, TyRef, AddrOf, Borrow */
	FL_CONST    = 1 << 7,    /* TyPtr: `*const` */
	FL_EXPR     = 1 << 8,    /* While/Match used as a value */
	FL_SEMI     = 1 << 9,    /* ExprStmt ended by `;` */
	FL_STUB     = 1 << 10,   /* Module: `mod X;` (body in another file) */
	FL_SELF_VALUE = 1 << 11, /* Param: `self` */
	FL_SELF_REF = 1 << 12,   /* Param: `&self` */
	FL_SELF_MUT = 1 << 13,   /* Param: `&mut self` */
	FL_CAP      = 1 << 14,   /* GenericParam: `cap C` */
	FL_BRACES   = 1 << 15,   /* VariantLit/PatVariant written with `{ }` */
	FL_QUAL_TARGS = 1 << 16, /* Call: turbofish on the qualifier `T::<A>::f()` */
	FL_REPR_C   = 1 << 17,   /* StructDecl: #[repr(C)] */
	FL_REPR_PACKED = 1 << 18,/* StructDecl: #[repr(packed)] */
	FL_MAIN     = 1 << 19,   /* IrFunc: the user's main */
	FL_LOCAL    = 1 << 20,   /* IrFunc: internal linkage */
	FL_RECV_REF = 1 << 21,   /* MethodCall: pass `&recv` (auto-borrow) */
	FL_RECV_MUT = 1 << 22,   /* MethodCall: pass `&mut recv` (auto-borrow) */
	FL_RECV_DEREF = 1 << 23, /* MethodCall: recv is a reference; pass `*recv` */
	FL_FILE_MODULE = 1 << 24,/* Module: the top shell around a `mod x;` file
	                          * checked on its own (con-check --module); with
	                          * FL_STUB a sibling module file's interface
	                          * loaded beside it (check_add_siblings) */
	FL_LINKONCE = 1 << 25,   /* IrFunc: generic instance, linkonce_odr (ABI.md 11) */
	FL_BUILTIN  = 1 << 26,   /* EnumDecl: the builtin Option/Result (LANGUAGE.md 3.10) */
};

/* ===== module.c: a stream in memory ===== */
typedef enum Stage { STAGE_NONE, STAGE_AST, STAGE_CHECKED, STAGE_IR, STAGE_IFACE } Stage;
/* "", "ast", "checked", "ir", "iface" (a module interface, iface.c) */
extern const char *const stage_names[];

typedef struct Module {
	Stage stage;
	Str name;                /* module name (the file's main module) */
	Str source;              /* source path as given on the command line */
	VEC(Str) files;          /* Span.file -> path */
	VEC(uint32_t) lists;     /* backing store of every List */
	VEC(Type) types;         /* hash-consed; index 0 unused */
	VEC(Node) nodes;         /* index 0 unused (the "none" node) */
	uint32_t root;           /* File (ast/checked) or IrProgram (ir) */
	/* type hash table (not serialised; rebuilt on read) */
	uint32_t *thash;
	uint32_t thash_cap;
} Module;

Module *module_new(Stage stage);
uint32_t node_new(Module *m, NodeKind k, Span sp);   /* zeroed fields */
#define NODE_AT(m, i) (&(m)->nodes.v[(i)])
/* Lists are built with a scratch stack then frozen into Module.lists. */
List list_make(Module *m, const uint32_t *items, uint32_t n);
#define LIST_AT(m, l, i) ((m)->lists.v[(l).start + (i)])
uint32_t type_intern(Module *m, const Type *t);      /* returns index */
#define TYPE_AT(m, i) (&(m)->types.v[(i)])
/* Convenience constructors for common types. */
uint32_t ty_simple(Module *m, TypeKind k);
uint32_t ty_int(Module *m, int bits, bool sign);
uint32_t ty_ptr_to(Module *m, uint32_t elem, bool mut);
uint32_t ty_ref_to(Module *m, uint32_t elem, bool mut);
/* Type as surface syntax (CHECKS.md: `i64`, `&mut T`, `[T; N]`, `Name<A>`). */
const char *type_name(Module *m, uint32_t t);
/* CHECKS.md 2.1 Copy-ness of a type; the hooks decide type parameters and
 * give a newtype instance's inner type (0 = unknown). */
typedef struct CopyHooks {
	bool (*param)(void *ctx, uint32_t t);
	uint32_t (*newtype_inner)(void *ctx, uint32_t t);
	void *ctx;
} CopyHooks;
bool type_is_copy(Module *m, uint32_t t, const CopyHooks *h);
/* f(ctx, child) for every node child of n in schema (evaluation) order. */
void node_each_child(Module *m, uint32_t n, void (*f)(void *ctx, uint32_t child), void *ctx);
/* Type as spelled inside symbols (ABI.md 11); base = method-namespace name. */
const char *type_symbol_name(Module *m, uint32_t t, bool base);

/* ===== stream.c: MessagePack I/O, generated from the schema =====
 * Errors are returned as a one-line message (no trailing newline); the tool
 * prints it and exits 2. */
/* Serialise m to out (a FILE); returns 0 or -1 with *err set. */
int stream_write(Module *m, FILE *out, const char **err);
/* Encode into a buffer (for tests and benchmarks). */
int stream_encode(Module *m, Buf *out, const char **err);
/* Decode and validate; NULL and *err on malformed input. */
Module *stream_decode(const char *data, size_t n, const char **err);
/* Structural validation (indices in range, kinds allowed for the stage). */
int module_validate(Module *m, const char **err);

/* ===== iface.c: module interfaces (ARCHITECTURE.md 4) ===== */
/* The interface of a checked module: a new module of stage iface holding the
 * module tree with its public declarations (checked types kept; function
 * bodies only for generic functions). */
Module *iface_build(Module *checked);
/* Copy the items of the module at dotted `path` (main.util) of interface ifc
 * into m; *items gets their list.  False when ifc has no such module. */
/* builtins: m's FL_BUILTIN EnumDecls; the interface's copies of them are
 * mapped onto these (by name), so Option<T> stays one type across modules. */
bool iface_import(Module *m, Module *ifc, const char *path, List *items,
	const uint32_t *builtins, uint32_t nbuiltins);

/* ===== dump.c: readable text and JSON ===== */
void dump_text(Module *m, FILE *out);
void dump_json(Module *m, FILE *out);

/* ===== fmt.c: source text from an AST (concrete --fmt / --emit-core) =====
 * src/len (src may be NULL) is the text m was parsed from: its `//` comments
 * are re-attached before the item or statement they preceded.  core prints a
 * `// module NAME` line before each top-level module instead. */
typedef struct FmtOptions { const char *src; size_t len; bool core; } FmtOptions;
void fmt_module(Module *m, const FmtOptions *o, Buf *out);

/* ===== layout.c: size, alignment and offsets of every type =====
 * LANGUAGE.md 3.14 / ABI.md 3-5: the one place layout numbers come from.
 * Works on checked modules (StructDecl/EnumDecl/NewtypeDecl, generic
 * arguments substituted by name) and on IR modules (IrStruct). */
typedef struct Layout { uint64_t size, align; } Layout;
typedef struct EnumLayout {
	uint64_t size, align;
	uint64_t payload_off;    /* round_up(4, payload align) */
	uint64_t max_payload;    /* largest unpadded variant payload */
} EnumLayout;
Layout layout_of(Module *m, uint32_t ty);
/* Byte offset of field idx of a struct/union/newtype type (0 if none). */
uint64_t layout_field_offset(Module *m, uint32_t sty, uint32_t idx);
/* Enum tag/payload layout; false if ety is not an enum. */
bool layout_enum(Module *m, uint32_t ety, EnumLayout *out);
/* Byte offset (from the enum's start) of field f of variant v. */
uint64_t layout_variant_field_offset(Module *m, uint32_t ety, uint32_t v, uint32_t f);
/* Struct algorithm of ABI.md 3 over field layouts; offs (may be NULL)
 * receives n offsets.  min_align is repr(align(N)) or 0. */
Layout layout_fields(const Layout *f, uint32_t n, bool packed, bool is_union,
	uint64_t min_align, uint64_t *offs);
/* N of #[repr(align(N))] among StructDecl attributes, 0 if absent. */
int64_t layout_repr_align(Module *m, List attrs);
uint64_t align_up(uint64_t n, uint64_t a);

/* ===== diag.c: diagnostics as data ===== */
typedef enum Severity { SEV_ERROR, SEV_WARNING, SEV_NOTE } Severity;

typedef struct DiagNote { Span span; char *msg; } DiagNote;

typedef struct Diag {
	Severity sev;
	const char *pass;        /* "parse", "resolve", "check", ... */
	const char *code;        /* "E0001" or NULL */
	Span span;               /* line 0 = no span */
	const char *file;        /* path for rendering */
	char *msg;
	VEC(char *) hints;
	VEC(DiagNote) notes;
	VEC(char *) context;     /* "while checking function 'f'" */
} Diag;

typedef struct Diags {
	VEC(Diag) v;
	uint32_t errors;
} Diags;

typedef enum DiagFormat { DIAG_TEXT, DIAG_JSON } DiagFormat;

Diag *diag_add(Diags *d, Severity sev, const char *pass, const char *code,
	const char *file, Span sp, const char *fmt, ...) __attribute__((format(printf, 7, 8)));
void diag_hint(Diag *dg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void diag_note(Diag *dg, Span sp, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
void diag_context(Diag *dg, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Render every diagnostic (text: the reference format with a source snippet
 * when the file can be read; json: one object per line). */
void diags_render(const Diags *d, DiagFormat fmt, FILE *out);
void diag_render_one(const Diag *dg, DiagFormat fmt, FILE *out, Buf *scratch);

/* ===== tool.c: what every tool's main.c shares ===== */
typedef struct ToolArgs {
	const char *prog;        /* tool name for messages */
	const char *input;       /* "-" = stdin */
	const char *output;      /* NULL or "-" = stdout */
	DiagFormat diag_format;
	bool json;               /* con-dump --json */
	int nextra;
	const char **extra;      /* tool-specific flags the tool parses itself */
} ToolArgs;
/* Parses `[-o FILE] [--diagnostics text|json] [FILE|-]`; unknown flags go to
 * extra. Prints usage and exits 2 on misuse. */
void tool_args(ToolArgs *a, int argc, char **argv, const char *usage);
/* Read the whole input (file or stdin); exits 2 with a one-line error. */
char *tool_read_all(const char *prog, const char *path, size_t *n);
/* Read and decode a stream; exits 2 with a one-line error. */
Module *tool_read_module(const ToolArgs *a);
/* Write a stream to -o or stdout; exits 2 on I/O error. */
void tool_write_module(const ToolArgs *a, Module *m);
/* Print diagnostics and return the exit status they call for (0 or 1). */
int tool_finish_diags(const ToolArgs *a, Diags *d);
_Noreturn void tool_die(const char *prog, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* ===== proc.c: running other programs (no shell) ===== */
/* Run argv[0] (searched in PATH) and wait.  Returns the exit status, 128+N
 * for death by signal N, or 127 when it cannot be started.  With a non-NULL
 * keep, the child's stderr is read line by line and only lines for which
 * keep() is true are copied to our stderr. */
int proc_run(char *const argv[], bool (*keep)(const char *line));
/* Directory holding the running executable (from /proc/self/exe). */
const char *proc_self_dir(void);

/* ===== passes, implemented by the tool that owns them and linked into the
 * later tools so that any stage can be brought forward in-process ===== */

/* tools/con-parse: source text -> AST module (stage ast).  Diagnostics go to d;
 * the module is returned even with errors (for recovery tests). */
Module *parse_source(const char *path, const char *text, size_t len, Diags *d);
/* `mod X;` file dependencies of a source, for make (`con-parse --deps`). */

/* tools/con-check: AST -> checked AST in place (stage checked).
 * Returns the number of errors added to d. */
int check_module(Module *m, Diags *d);
/* Directories (NULL-terminated) where check_module finds the .iface of a
 * `mod x;` file module: DIR/<module path>.iface (main.x.iface). */
void check_set_iface_dirs(const char *const *dirs);

/* tools/con-lower: checked AST -> IR (a new module, stage ir). */
Module *lower_module(Module *checked, Diags *d);

/* tools/con-emit: IR -> LLVM IR text. */
typedef struct EmitOptions {
	bool test_mode;          /* generate the #[test] runner instead of main */
	const char *test_filter; /* --module M, or NULL */
	bool require_entry;      /* --entry: a program; no top-level main is an error */
	struct Module **test_mods; /* --tests-from: IR of the `mod x;` objects, */
	uint32_t ntest_mods;     /* whose #[test] functions the runner calls too */
} EmitOptions;
int emit_llvm(Module *ir, const EmitOptions *opt, FILE *out, Diags *d);

/* Bring any stage forward to `want` (used by con-check, con-lower, con-emit).
 * Returns the module at stage want, or NULL with diagnostics in d. */
Module *stage_forward(Module *m, Stage want, Diags *d);

#endif
