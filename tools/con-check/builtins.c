/* builtins.c: typing of the intrinsics of BUILTINS.md 2 (strings, printing,
 * Vec, heap cells, sizeof/alignof, abort, clock, unwrap), string literals
 * (LANGUAGE.md 3.3) and heap access `h->f` (LANGUAGE.md 3.6).
 *
 * A builtin is reached only when no user, imported or extern function of the
 * name exists (BUILTINS.md 1.2; calls.c looks those up first).  Each
 * intrinsic is one table row: its spellings, a parameter string and a result
 * code, so that arity and argument-shape errors come out uniformly in the
 * shapes negative tests grep. */
#include <string.h>

#include "check.h"

/* Parameter codes:
 *   s  &String (a &mut String is accepted too)   m  &mut String
 *   o  String by value                           i  Int     b  Bool
 *   f  Float64                                   v  &Vec<T> or &mut Vec<T>
 *   V  &mut Vec<T>                               w  Vec<T> by value
 *   e  the element type T of the first argument  h  Heap<T> by value
 *   a  any value (alloc, unwrap)
 * Result codes: u unit, i Int, b Bool, o String, e element T, O Option<T>,
 *   R Result<Int, Int>, n never, U Uint, H Heap<arg>, T heap content,
 *   N newtype content. */
typedef struct Builtin {
	const char *name, *alias, *alias2;
	int id;
	const char *params;
	char ret;
	const char *pnames;   /* parameter names of the spec's signature, by spaces */
} Builtin;

static const Builtin builtins[] = {
	{ "alloc", 0, 0, BI_ALLOC, "a", 'H', "v" },
	{ "free", 0, 0, BI_FREE, "h", 'T', "h" },
	{ "destroy", 0, 0, BI_DESTROY, "a", 'u', "v" },
	{ "vec_new", "Vec_new", 0, BI_VEC_NEW, "", 'w', "" },
	{ "vec_push", "Vec_push", 0, BI_VEC_PUSH, "Ve", 'u', "v x" },
	{ "vec_get", "Vec_get", 0, BI_VEC_GET, "vi", 'e', "v i" },
	{ "vec_set", "Vec_set", 0, BI_VEC_SET, "Vie", 'u', "v i x" },
	{ "vec_len", "Vec_len", 0, BI_VEC_LEN, "v", 'i', "v" },
	{ "vec_pop", "Vec_pop", 0, BI_VEC_POP, "V", 'O', "v" },
	{ "vec_free", "Vec_free", 0, BI_VEC_FREE, "w", 'u', "v" },
	{ "string_length", "string_len", "String_len", BI_STR_LEN, "s", 'i', "s" },
	{ "string_concat", "String_concat", 0, BI_STR_CONCAT, "oo", 'o', "a b" },
	{ "string_eq", "String_eq", 0, BI_STR_EQ, "ss", 'b', "a b" },
	{ "string_slice", "String_slice", 0, BI_STR_SLICE, "sii", 'o', "s start end_" },
	{ "string_substr", "String_substr", 0, BI_STR_SUBSTR, "sii", 'o', "s start len" },
	{ "string_char_at", "String_char_at", 0, BI_STR_CHAR_AT, "si", 'i', "s index" },
	{ "string_contains", "String_contains", 0, BI_STR_CONTAINS, "ss", 'b', "haystack needle" },
	{ "string_trim", "String_trim", 0, BI_STR_TRIM, "s", 'o', "s" },
	{ "drop_string", "String_drop", 0, BI_DROP_STRING, "o", 'u', "s" },
	{ "string_push_char", "String_push_char", 0, BI_STR_PUSH_CHAR, "mi", 'u', "s c" },
	{ "string_append", "String_append", 0, BI_STR_APPEND, "ms", 'u', "s other" },
	{ "string_append_int", "String_append_int", 0, BI_STR_APPEND_INT, "mi", 'u', "s n" },
	{ "string_append_bool", "String_append_bool", 0, BI_STR_APPEND_BOOL, "mb", 'u', "s b" },
	{ "string_reserve", "String_reserve", 0, BI_STR_RESERVE, "mi", 'u', "s cap" },
	{ "int_to_string", 0, 0, BI_INT_TO_STRING, "i", 'o', "n" },
	{ "string_to_int", 0, 0, BI_STRING_TO_INT, "s", 'R', "s" },
	{ "bool_to_string", 0, 0, BI_BOOL_TO_STRING, "b", 'o', "b" },
	{ "float_to_string", 0, 0, BI_FLOAT_TO_STRING, "f", 'o', "f" },
	{ "print_string", 0, 0, BI_PRINT_STRING, "s", 'u', "s" },
	{ "print_int", 0, 0, BI_PRINT_INT, "i", 'u', "n" },
	{ "print_char", 0, 0, BI_PRINT_CHAR, "i", 'u', "c" },
	{ "print_bool", 0, 0, BI_PRINT_BOOL, "b", 'u', "b" },
	{ "print", 0, 0, BI_PRINT, 0, 'u', 0 },
	{ "println", 0, 0, BI_PRINTLN, 0, 'u', 0 },
	{ "append", 0, 0, BI_APPEND, 0, 'u', 0 },
	{ "clock_monotonic_ns", 0, 0, BI_CLOCK, "", 'i', "" },
	{ "get_args", 0, 0, BI_GET_ARGS, "", 'u', "" },
	{ "abort", 0, 0, BI_ABORT, "", 'n', "" },
	{ "sizeof", "_sizeof", 0, BI_SIZEOF, "", 'U', "" },
	{ "alignof", 0, 0, BI_ALIGNOF, "", 'U', "" },
	{ "unwrap", 0, 0, BI_UNWRAP, "a", 'N', "n" },
};
#define NBUILTINS (sizeof builtins / sizeof *builtins)

static const Builtin *builtin_row(Str name)
{
	const char *s = str_get(name);
	if (!s)
		return NULL;
	for (size_t i = 0; i < NBUILTINS; i++) {
		const Builtin *b = &builtins[i];
		if (!strcmp(s, b->name) || (b->alias && !strcmp(s, b->alias))
			|| (b->alias2 && !strcmp(s, b->alias2)))
			return b;
	}
	return NULL;
}

uint32_t builtin_kind(Str name)
{
	const Builtin *b = builtin_row(name);
	return b ? (uint32_t)b->id : BI_NONE;
}

/* ---- types ---- */

static uint32_t mk1(Checker *c, TypeKind k, uint32_t elem)
{
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = k;
	t.Heap.elem = elem;
	return type_intern(c->m, &t);
}

uint32_t ty_string(Checker *c) { return ty_simple(c->m, TK_String); }
uint32_t ty_vec(Checker *c, uint32_t elem) { return mk1(c, TK_Vec, elem); }
uint32_t ty_heap(Checker *c, uint32_t elem) { return mk1(c, TK_Heap, elem); }

static int kind(Checker *c, uint32_t t)
{
	return !t || ty_is_err(c, t) ? TK_Error : (int)ty_at(c, t)->kind;
}

/* The referent of a (mut, if asked) reference, else 0. */
static uint32_t deref_of(Checker *c, uint32_t t, bool need_mut)
{
	if (kind(c, t) != TK_Ref || (need_mut && !ty_at(c, t)->Ref.mut))
		return 0;
	return ty_at(c, t)->Ref.elem;
}

/* The builtin enums are declared by the enum pass (a prelude); their
 * instances are TK_Enum types naming that declaration. */
static uint32_t builtin_enum(Checker *c, const char *name, const uint32_t *args, uint32_t n, Span sp)
{
	uint32_t decl = enum_find(c, str_internz(name));   /* enums.c */
	if (!decl) {
		cerr(c, CD_UNSUPPORTED, sp, arena_printf("builtin enum '%s' (no declaration in scope)", name));
		return c->t_err;
	}
	Type t;
	memset(&t, 0, sizeof t);
	t.kind = TK_Enum;
	t.Enum.name = str_internz(name);
	t.Enum.args = list_make(c->m, args, n);
	t.Enum.decl = decl;
	return type_intern(c->m, &t);
}

/* ---- argument shapes ---- */

static void arity_error(Checker *c, Span sp, const char *name, uint32_t want)
{
	if (!want)
		cerr(c, CD_BUILTIN_NOARGS, sp, name);
	else
		cerr(c, CD_BI_ARITY, sp, name, want, want == 1 ? "" : "s");
}

static void loose(Checker *c, List args)
{
	for (uint32_t i = 0; i < args.len; i++)
		check_expr(c, LIST_AT(c->m, args, i), 0);
}

/* Checks argument i against code p; *elem receives T of a Vec or Heap
 * argument.  Returns false when the shape is wrong (reported). */
/* "argument 'x' of 'f'" with the i-th name of pnames. */
static const char *arg_ctx(const char *name, const char *pnames, uint32_t i)
{
	const char *p = pnames ? pnames : "";
	for (uint32_t k = 0; k < i && *p; k++) {
		while (*p && *p != ' ')
			p++;
		while (*p == ' ')
			p++;
	}
	int len = 0;
	while (p[len] && p[len] != ' ')
		len++;
	if (!len)
		return arena_printf("argument %u of '%s'", i + 1, name);
	return arena_printf("argument '%.*s' of '%s'", len, p, name);
}

static bool check_arg(Checker *c, const Builtin *b, const char *name, uint32_t a, uint32_t i,
	bool only, uint32_t *elem)
{
	Module *m = c->m;
	Span sp = NODE_AT(m, a)->span;
	char p = b->params[i];
	const char *ctx = arg_ctx(name, b->pnames, i);
	uint32_t t, in;
	switch (p) {
	case 'i': expect_type(c, a, c->t_int, sp, ctx); return true;
	case 'b': expect_type(c, a, c->t_bool, sp, ctx); return true;
	case 'f': expect_type(c, a, tx_float(c, 64), sp, ctx); return true;
	case 'o': expect_type(c, a, ty_string(c), sp, ctx); return true;
	case 'e':
		if (*elem)
			expect_type(c, a, *elem, sp, ctx);
		else
			check_expr(c, a, 0);
		return true;
	case 'a':
		*elem = check_expr(c, a, 0);
		return true;
	default:
		break;
	}
	t = check_expr(c, a, 0);
	if (ty_is_err(c, t))
		return false;
	switch (p) {
	case 's':
		if (deref_of(c, t, false) == ty_string(c))
			return true;
		cerr(c, CD_MISMATCH, sp, ctx, "&String", tname(c, t));
		return false;
	case 'm':
		if (deref_of(c, t, true) == ty_string(c))
			return true;
		cerr(c, CD_BI_MUTSTR, sp, name, tname(c, t));
		return false;
	case 'v': case 'V':
		in = deref_of(c, t, p == 'V');
		if (kind(c, in) == TK_Vec) {
			*elem = ty_at(c, in)->Vec.elem;
			return true;
		}
		cerr(c, CD_BI_SHAPE, sp, name, p == 'V' ? "&mut Vec<T>" : "&Vec<T> or &mut Vec<T>",
			only ? "argument" : i ? "an argument" : "first argument", tname(c, t));
		return false;
	case 'w':
		if (kind(c, t) == TK_Vec)
			return true;
		cerr(c, CD_BI_SHAPE, sp, name, "Vec<T>", "argument", tname(c, t));
		return false;
	case 'h':
		if (kind(c, t) == TK_Heap) {
			*elem = ty_at(c, t)->Heap.elem;
			return true;
		}
		cerr(c, CD_FREE_NONHEAP, sp, tname(c, t));
		return false;
	default:
		return false;
	}
}

/* ---- the variadic forms (BUILTINS.md 3.1, 3.4) ---- */

static bool printable(Checker *c, uint32_t t)
{
	int k = kind(c, t);
	if (k == TK_Error || k == TK_Int || k == TK_Bool || k == TK_Char || k == TK_String)
		return true;
	return k == TK_Ref && kind(c, ty_at(c, t)->Ref.elem) == TK_String;
}

static uint32_t check_variadic(Checker *c, uint32_t e, const Builtin *b, bool stmt)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	const char *name = b->name;
	List args = n->Call.args;
	Span sp = n->span;
	uint32_t first = 0;
	if (!stmt) {
		cerr(c, CD_UNDECL_CALL, sp, name,
			" (print, println and append are statements)");
		loose(c, args);
		return c->t_err;
	}
	if (b->id == BI_APPEND) {
		if (args.len < 2) {
			cerr(c, CD_APPEND_MIN2, sp);
			loose(c, args);
			return c->t_unit;
		}
		uint32_t a = LIST_AT(m, args, 0);
		uint32_t t = check_expr(c, a, 0);
		if (!ty_is_err(c, t) && deref_of(c, t, true) != ty_string(c))
			cerr(c, CD_APPEND_FIRST, NODE_AT(m, a)->span, tname(c, t));
		first = 1;
	} else if (!args.len) {
		cerr(c, CD_BUILTIN_MIN1, sp, name);
	}
	for (uint32_t i = first; i < args.len; i++) {
		uint32_t a = LIST_AT(m, args, i);
		uint32_t t = check_expr(c, a, 0);
		if (!printable(c, t))
			cerr(c, CD_PRINT_ARG, NODE_AT(m, a)->span, name, tname(c, t));
	}
	return c->t_unit;
}

/* ---- sizeof / alignof / vec_new: exactly one type argument ---- */

static uint32_t type_arg(Checker *c, uint32_t e, const char *name, bool values_ok)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	Span sp = n->span;
	List targs = n->Call.targs, args = n->Call.args;
	uint32_t t = c->t_err;
	if (targs.len != 1)
		cerr(c, CD_BI_TARGS, sp, name, name);
	else
		t = resolve_type(c, LIST_AT(m, targs, 0));
	n = NODE_AT(m, e);
	if (args.len) {
		if (values_ok)
			arity_error(c, sp, name, 0);
		else
			cerr(c, CD_BI_VALARGS, sp, name);
		loose(c, args);
	}
	if (!ty_is_err(c, t))
		NODE_AT(m, e)->Call.inst = list_make(m, &t, 1);
	return t;
}

static uint32_t result_type(Checker *c, const Builtin *b, uint32_t elem, Span sp)
{
	switch (b->ret) {
	case 'u': return c->t_unit;
	case 'i': return c->t_int;
	case 'b': return c->t_bool;
	case 'o': return ty_string(c);
	case 'n': return c->t_never;
	case 'U': return ty_int(c->m, 64, false);
	case 'e': case 'T': return elem ? elem : c->t_err;
	case 'H': return elem && !ty_is_err(c, elem) ? ty_heap(c, elem) : c->t_err;
	case 'O': return elem ? builtin_enum(c, "Option", &elem, 1, sp) : c->t_err;
	case 'R': {
		uint32_t a[2] = { c->t_int, c->t_int };
		return builtin_enum(c, "Result", a, 2, sp);
	}
	default: return c->t_err;
	}
}

uint32_t check_builtin(Checker *c, uint32_t e, uint32_t expect, bool stmt)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	const Builtin *b = builtin_row(n->Call.name);
	Span sp = n->span;
	List args = n->Call.args;
	if (!b)
		return c->t_err;
	const char *name = str_get(n->Call.name);
	if (!b->params)
		return check_variadic(c, e, b, stmt);
	switch (b->id) {
	case BI_SIZEOF: case BI_ALIGNOF:
		type_arg(c, e, b->name, false);
		return ty_int(m, 64, false);
	case BI_VEC_NEW: {
		uint32_t t = type_arg(c, e, "vec_new", true);
		return ty_is_err(c, t) ? c->t_err : ty_vec(c, t);
	}
	case BI_GET_ARGS:
		cerr(c, CD_UNSUPPORTED, sp, "get_args() (read arguments through the standard library)");
		loose(c, args);
		return c->t_err;
	case BI_DESTROY:
		cerr(c, CD_UNSUPPORTED, sp, "destroy()");
		loose(c, args);
		return c->t_err;
	default:
		break;
	}
	/* The turbofish on the other vec_* calls is accepted and ignored. */
	uint32_t np = (uint32_t)strlen(b->params);
	if (args.len != np) {
		arity_error(c, sp, name, np);
		loose(c, args);
		return b->ret == 'n' ? c->t_never : c->t_err;
	}
	uint32_t elem = 0;
	bool ok = true;
	for (uint32_t i = 0; i < np && ok; i++)
		ok = check_arg(c, b, name, LIST_AT(m, args, i), i, np == 1, &elem);
	if (!ok)
		return b->ret == 'u' ? c->t_unit : c->t_err;
	if (b->id == BI_UNWRAP) {   /* newtypes: typesx.c */
		if (tx_is_newtype(c, elem))
			return tx_newtype_inner(c, elem);
		if (!ty_is_err(c, elem))
			cerr(c, CD_UNWRAP_ARG, sp, tname(c, elem));
		return c->t_err;
	}
	(void)expect;
	return result_type(c, b, elem, sp);
}

/* ---- method-call syntax: `s.len()` reaches String_len (BUILTINS.md 2) ---- */

/* Called by check_methodcall when no method Type_name exists: the receiver
 * becomes the first argument, auto-borrowed as the builtin's first
 * parameter needs.  False when Type_name is no builtin either. */
bool bi_method(Checker *c, uint32_t e, uint32_t rt, uint32_t bt, const char *tyname, uint32_t *ret)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, e);
	const char *name = arena_printf("%s_%s", tyname, str_get(n->MethodCall.name));
	const Builtin *b = builtin_row(str_internz(name));
	if (!b || !b->params || !b->params[0])
		return false;
	char p0 = b->params[0];
	int bk = kind(c, bt);
	bool want_str = p0 == 's' || p0 == 'm' || p0 == 'o';
	bool want_vec = p0 == 'v' || p0 == 'V' || p0 == 'w';
	if ((want_str && bk != TK_String) || (want_vec && bk != TK_Vec) || (!want_str && !want_vec))
		return false;
	bool is_ref = kind(c, rt) == TK_Ref;
	if (p0 == 'o' || p0 == 'w')
		n->MethodCall.flags = is_ref ? FL_RECV_DEREF : 0;
	else if (!is_ref)
		n->MethodCall.flags = (p0 == 'm' || p0 == 'V') ? FL_RECV_MUT : FL_RECV_REF;
	else
		n->MethodCall.flags = 0;
	if ((p0 == 'm' || p0 == 'V') && is_ref && !ty_at(c, rt)->Ref.mut) {
		if (p0 == 'm')
			cerr(c, CD_BI_MUTSTR, n->span, name, tname(c, rt));
		else
			cerr(c, CD_BI_SHAPE, n->span, name, "&mut Vec<T>", "first argument", tname(c, rt));
	}
	n->aux = 0;
	uint32_t elem = bk == TK_Vec ? ty_at(c, bt)->Vec.elem : 0;
	List args = n->MethodCall.args;
	uint32_t np = (uint32_t)strlen(b->params);
	*ret = b->ret == 'u' ? c->t_unit : c->t_err;
	if (args.len + 1 != np) {
		cerr(c, CD_ARG_COUNT, n->span, "method", str_get(n->MethodCall.name), np - 1, args.len);
		loose(c, args);
		return true;
	}
	bool ok = true;
	for (uint32_t i = 1; i < np && ok; i++)
		ok = check_arg(c, b, name, LIST_AT(m, args, i - 1), i, false, &elem);
	if (ok)
		*ret = result_type(c, b, elem, n->span);
	return true;
}

/* ---- builtin type names (LANGUAGE.md 3.3, 3.6, 3.10) ---- */

/* String, Vec<T>, Heap<T>, HeapArray<T>; 0 when tn names none of them. */
uint32_t bi_named_type(Checker *c, uint32_t tn)
{
	Module *m = c->m;
	Node *n = NODE_AT(m, tn);
	const char *s = str_get(n->TyName.name);
	TypeKind k;
	if (!strcmp(s, "String"))
		k = TK_String;
	else if (!strcmp(s, "Vec"))
		k = TK_Vec;
	else if (!strcmp(s, "Heap"))
		k = TK_Heap;
	else if (!strcmp(s, "HeapArray"))
		k = TK_HeapArray;
	else
		return 0;
	uint32_t want = k == TK_String ? 0 : 1;
	if (n->TyName.args.len != want) {
		cerr(c, CD_BI_TYPE_ARGS, n->span, s, want, want == 1 ? "" : "s");
		return c->t_err;
	}
	if (k == TK_String)
		return ty_string(c);
	uint32_t e = resolve_type(c, LIST_AT(m, NODE_AT(m, tn)->TyName.args, 0));
	return ty_is_err(c, e) ? c->t_err : mk1(c, k, e);
}

/* ---- string literals and heap access ---- */

/* `&"lit"` is a &String to static data (LANGUAGE.md 3.3). */
uint32_t check_strlit_ref(Checker *c, uint32_t e)
{
	NODE_AT(c->m, e)->ty = ty_string(c);
	return ty_ref_to(c->m, ty_string(c), false);
}

/* The struct type behind `base->f`: Heap<S>, &Heap<S> or &mut Heap<S>
 * (HeapArray<S> for reads). */
static uint32_t arrow_struct(Checker *c, uint32_t e, bool write)
{
	Node *n = NODE_AT(c->m, e);
	Span sp = n->span;
	uint32_t bt = check_expr(c, n->Arrow.base, 0);
	if (ty_is_err(c, bt))
		return 0;
	uint32_t h = kind(c, bt) == TK_Ref ? ty_at(c, bt)->Ref.elem : bt;
	int hk = kind(c, h);
	if (hk != TK_Heap && (write || hk != TK_HeapArray)) {
		if (write)
			cerr(c, CD_ARROW_ASSIGN, sp, tname(c, bt));
		else
			diag_hint(cerr(c, CD_ARROW_NONHEAP, sp, tname(c, bt)),
				"use '.' for direct field access");
		return 0;
	}
	uint32_t st = ty_at(c, h)->Heap.elem;
	if (kind(c, st) != TK_Struct) {
		if (!ty_is_err(c, st))
			cerr(c, write ? CD_ARROW_ASSIGN_NONSTRUCT : CD_ARROW_NONSTRUCT, sp);
		return 0;
	}
	return st;
}

/* `s.ptr`, `s.len`, `s.cap` on a String (ABI.md 6; STDLIB.md types them
 * *mut u8, u64, u64) and the `.` on a heap cell error.  False when st is
 * neither, so field access goes on as usual. */
bool bi_fieldget(Checker *c, uint32_t e, uint32_t st, uint32_t *ret)
{
	Node *n = NODE_AT(c->m, e);
	Str name = n->FieldGet.name;
	int k = kind(c, st);
	if (k == TK_Heap || k == TK_HeapArray) {
		cerr(c, CD_HEAP_DOT, n->span, str_get(name), tname(c, st));
		*ret = c->t_err;
		return true;
	}
	if (k != TK_String)
		return false;
	static const char *const fields[] = { "ptr", "len", "cap" };
	for (uint32_t i = 0; i < 3; i++)
		if (!strcmp(str_get(name), fields[i])) {
			n->aux = i;
			*ret = i ? ty_int(c->m, 64, false) : ty_ptr_to(c->m, ty_int(c->m, 8, false), true);
			return true;
		}
	cerr(c, CD_NO_FIELD, n->span, "String", str_get(name));
	*ret = c->t_err;
	return true;
}

uint32_t check_arrow(Checker *c, uint32_t e, bool write)
{
	uint32_t st = arrow_struct(c, e, write);
	if (!st)
		return c->t_err;
	Node *n = NODE_AT(c->m, e);
	uint32_t idx = 0, ft = struct_field(c, st, n->Arrow.name, &idx);
	if (!ft) {
		cerr(c, CD_NO_FIELD, n->span, str_get(ty_at(c, st)->Struct.name), str_get(n->Arrow.name));
		return c->t_err;
	}
	n->aux = idx;
	n->ty = ft;
	return ft;
}
