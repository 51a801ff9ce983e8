/* parse.c: recursive-descent parser for LANGUAGE.md section 2, building the
 * AST nodes of schema.def in the module arrays.
 *
 * Errors: a syntax error records a diagnostic and longjmps to the nearest
 * recovery point (a statement, an item, a method), which skips to a
 * synchronisation token and goes on, so one file reports several errors.
 * Soft errors (placement of attributes, `trusted`, cap alias names) are
 * reported without unwinding. */
#include <setjmp.h>
#include <stdlib.h>
#include <string.h>
#include "parse.h"

#define MAX_ERRORS 50
/* Deeper nesting than this is rejected rather than risking the C stack. */
#define MAX_DEPTH 400

typedef struct Parser {
	Module *m;
	const char *path, *text;
	Token *t;
	uint32_t nt, p;
	bool half;          /* a `>>` whose first `>` closed a generic list (1.12) */
	uint32_t depth;
	Diags *d;
	uint32_t errors;
	uint32_t last_err;  /* token index of the last error + 1 (0 = none) */
	jmp_buf *jb;
	VEC(uint32_t) stack; /* scratch stack for building lists */
	Buf sbuf;
	Str s_main, s_self, s_Copy, s_union, s_Alloc, s_repr, s_test;
} Parser;

#define K(P) ((P)->half ? T_GT : (TokKind)(P)->t[(P)->p].kind)
#define N(i) NODE_AT(P->m, (i))

static TokKind peek(Parser *P, uint32_t k)
{
	uint32_t i = P->p + k;
	return i < P->nt ? (TokKind)P->t[i].kind : T_EOF;
}

static void adv(Parser *P)
{
	P->half = false;
	if (P->p + 1 < P->nt)
		P->p++;
}

static Span span(Parser *P)
{
	Token *t = &P->t[P->p];
	Span sp = { 0, t->line, t->col + P->half, t->off + P->half };
	return sp;
}

static Str tok_str(Parser *P)
{
	Token *t = &P->t[P->p];
	return str_intern(P->text + t->off, t->len);
}

static bool tok_upper(Parser *P)
{
	char c = P->text[P->t[P->p].off];
	return c >= 'A' && c <= 'Z';
}

static const char *got(Parser *P)
{
	Token *t = &P->t[P->p];
	if (t->kind == T_EOF)
		return "<eof>";
	if (P->half)
		return ">";
	uint32_t n = t->len < 40 ? t->len : 40;
	const char *nl = memchr(P->text + t->off, '\n', n);
	if (nl)
		n = (uint32_t)(nl - (P->text + t->off));
	return arena_printf("%.*s", (int)n, P->text + t->off);
}

/* at: the offending token (NO_TOKEN for errors about an earlier construct);
 * a second error at the same token, or right after a lexical error, is
 * the same root cause and stays quiet. */
#define NO_TOKEN UINT32_MAX
static void report(Parser *P, Span sp, uint32_t at, const char *fmt, va_list ap)
{
	if (at != NO_TOKEN) {
		if (P->last_err == at + 1 || P->t[at].after_error)
			return;
		P->last_err = at + 1;
	}
	if (++P->errors > MAX_ERRORS) {
		/* Jump to the end so that every loop finishes. */
		P->p = P->nt - 1;
		P->half = false;
		return;
	}
	Diag *dg = diag_add(P->d, SEV_ERROR, "parse", "E0001", P->path, sp, "%s", "");
	dg->msg = arena_vprintf(fmt, ap);
}

/* Soft error at a span: reported, parsing goes on. */
__attribute__((format(printf, 4, 5)))
static void soft_error(Parser *P, Span sp, uint32_t at, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(P, sp, at, fmt, ap);
	va_end(ap);
}

/* Syntax error at the current token: unwind to the recovery point. */
__attribute__((format(printf, 2, 3), noreturn))
static void error(Parser *P, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	report(P, span(P), P->p, fmt, ap);
	va_end(ap);
	longjmp(*P->jb, 1);
}

static void expect(Parser *P, TokKind k)
{
	if (K(P) != k)
		error(P, "expected %s, got %s", tok_spelling[k], got(P));
	adv(P);
}

static bool accept(Parser *P, TokKind k)
{
	if (K(P) != k)
		return false;
	adv(P);
	return true;
}

/* Close a generic list, splitting `>>` (1.12). */
static void expect_gt(Parser *P)
{
	if (K(P) == T_GT)
		adv(P);
	else if (P->t[P->p].kind == T_SHR)
		P->half = true;
	else
		error(P, "expected >, got %s", got(P));
}

static bool is_name(TokKind k)
{
	return k == T_IDENT || k == T_KW_cap || k == T_KW_type;
}

static Str expect_name(Parser *P)
{
	if (!is_name(K(P)))
		error(P, "expected identifier, got %s", got(P));
	Str s = tok_str(P);
	adv(P);
	return s;
}

static void enter(Parser *P)
{
	if (++P->depth > MAX_DEPTH)
		error(P, "nesting too deep");
}

static List stack_list(Parser *P, uint32_t base)
{
	uint32_t n = P->stack.n - base;
	List l = list_make(P->m, n ? P->stack.v + base : NULL, n);
	P->stack.n = base;
	return l;
}

/* ===== recovery ===== */

static bool item_start(TokKind k)
{
	switch (k) {
	case T_KW_fn: case T_KW_struct: case T_KW_enum: case T_KW_impl:
	case T_KW_trait: case T_KW_const: case T_KW_newtype: case T_KW_extern:
	case T_KW_import: case T_KW_mod: case T_KW_pub: case T_KW_trusted:
	case T_HASH:
		return true;
	default:
		return false;
	}
}

/* Braces opened and not closed between start and the error. */
static int open_braces(Parser *P, uint32_t start)
{
	int depth = 0;
	for (uint32_t i = start; i < P->p; i++)
		depth += P->t[i].kind == T_LBRACE ? 1 : P->t[i].kind == T_RBRACE ? -1 : 0;
	return depth > 0 ? depth : 0;
}

/* Skip to the end of the broken statement: past `;`, past the block it
 * opened, or up to the `}` that closes the enclosing block. */
static void sync_stmt(Parser *P, uint32_t start)
{
	int depth = open_braces(P, start);
	P->half = false;
	for (TokKind k; (k = K(P)) != T_EOF; adv(P)) {
		if (k == T_LBRACE) {
			depth++;
		} else if (k == T_RBRACE) {
			if (depth == 0)
				break;
			/* A block closed: the broken statement ends with it unless an
			 * `else` continues it. */
			if (--depth == 0 && peek(P, 1) != T_KW_else) {
				adv(P);
				return;
			}
		} else if (k == T_SEMI && depth == 0) {
			adv(P);
			return;
		}
	}
	if (P->p == start && K(P) != T_EOF && K(P) != T_RBRACE)
		adv(P);
}

/* Skip to the next item keyword at this nesting level, or to the `}` that
 * closes the enclosing module/impl/trait. */
static void sync_item(Parser *P, uint32_t start)
{
	int depth = open_braces(P, start);
	P->half = false;
	for (TokKind k; (k = K(P)) != T_EOF; adv(P)) {
		if (depth == 0 && P->p > start && item_start(k))
			return;
		if (k == T_LBRACE) {
			depth++;
		} else if (k == T_RBRACE) {
			if (depth == 0) {
				if (P->p == start)
					adv(P);
				return;
			}
			depth--;
		}
	}
}

typedef uint32_t (*ParseFn)(Parser *P, void *ctx);

/* Run fn at a recovery point; on a syntax error skip with sync and return 0. */
static uint32_t recover(Parser *P, ParseFn fn, void *ctx, void (*sync)(Parser *, uint32_t))
{
	jmp_buf jb, *saved = P->jb;
	uint32_t start = P->p, base = P->stack.n, depth = P->depth;
	uint32_t r = 0;
	P->jb = &jb;
	if (setjmp(jb) == 0) {
		r = fn(P, ctx);
	} else {
		P->stack.n = base;
		P->depth = depth;
		sync(P, start);
	}
	P->jb = saved;
	return r;
}

/* ===== types ===== */

static uint32_t parse_type(Parser *P);

/* `<` type { , type } `>` after the `<` has been seen. */
static List parse_type_args(Parser *P)
{
	uint32_t base = P->stack.n;
	expect(P, T_LT);
	do {
		uint32_t t = parse_type(P);
		vec_push(P->stack, t);
	} while (accept(P, T_COMMA));
	expect_gt(P);
	return stack_list(P, base);
}

static List parse_with(Parser *P)
{
	uint32_t base = P->stack.n;
	expect(P, T_KW_with);
	expect(P, T_LPAREN);
	if (K(P) != T_RPAREN) {
		do {
			Str s = expect_name(P);
			vec_push(P->stack, s);
		} while (accept(P, T_COMMA));
	}
	expect(P, T_RPAREN);
	return stack_list(P, base);
}

static uint32_t parse_type(Parser *P)
{
	Span sp = span(P);
	uint32_t n, elem;
	enter(P);
	switch (K(P)) {
	case T_KW_fn: {
		adv(P);
		expect(P, T_LPAREN);
		uint32_t base = P->stack.n;
		if (K(P) != T_RPAREN) {
			do {
				uint32_t t = parse_type(P);
				vec_push(P->stack, t);
			} while (accept(P, T_COMMA));
		}
		expect(P, T_RPAREN);
		List params = stack_list(P, base);
		List caps = { 0, 0 };
		if (K(P) == T_KW_with)
			caps = parse_with(P);
		uint32_t ret = accept(P, T_ARROW) ? parse_type(P) : 0;
		n = node_new(P->m, NK_TyFn, sp);
		N(n)->TyFn.params = params;
		N(n)->TyFn.caps = caps;
		N(n)->TyFn.ret = ret;
		break;
	}
	case T_AMP:
	case T_AND2: {
		/* `&&T` is two references */
		bool twice = K(P) == T_AND2;
		adv(P);
		int64_t fl = accept(P, T_KW_mut) ? FL_MUT : 0;
		elem = parse_type(P);
		n = node_new(P->m, NK_TyRef, sp);
		N(n)->TyRef.elem = elem;
		N(n)->TyRef.flags = fl;
		if (twice) {
			elem = n;
			n = node_new(P->m, NK_TyRef, sp);
			N(n)->TyRef.elem = elem;
		}
		break;
	}
	case T_STAR: {
		adv(P);
		int64_t fl = 0;
		if (!accept(P, T_KW_mut) && accept(P, T_KW_const))
			fl = FL_CONST;
		elem = parse_type(P);
		n = node_new(P->m, NK_TyPtr, sp);
		N(n)->TyPtr.elem = elem;
		N(n)->TyPtr.flags = fl;
		break;
	}
	case T_LBRACKET: {
		adv(P);
		elem = parse_type(P);
		expect(P, T_SEMI);
		if (K(P) != T_INT)
			error(P, "expected integer literal, got %s", got(P));
		int64_t len = (int64_t)lex_int_value(P->text, &P->t[P->p]);
		adv(P);
		expect(P, T_RBRACKET);
		n = node_new(P->m, NK_TyArray, sp);
		N(n)->TyArray.elem = elem;
		N(n)->TyArray.len = len;
		break;
	}
	case T_IDENT: {
		Str name = tok_str(P);
		adv(P);
		List args = { 0, 0 };
		if (K(P) == T_COLON2 && peek(P, 1) == T_LT) {
			adv(P);
			args = parse_type_args(P);
		} else if (K(P) == T_LT) {
			args = parse_type_args(P);
		}
		n = node_new(P->m, NK_TyName, sp);
		N(n)->TyName.name = name;
		N(n)->TyName.args = args;
		break;
	}
	default:
		error(P, "expected type, got %s", got(P));
	}
	P->depth--;
	return n;
}

/* ===== expressions ===== */

static uint32_t parse_expr(Parser *P);
static uint32_t parse_block(Parser *P, bool expr_block);
static uint32_t parse_match(Parser *P);

/* BinOp + 1 for each token that is a binary operator, 0 otherwise. */
static const uint8_t tok_binop[T_COUNT] = {
	[T_OR2] = OP_Or + 1, [T_AND2] = OP_And + 1, [T_EQ2] = OP_Eq + 1,
	[T_NE] = OP_Ne + 1, [T_LT] = OP_Lt + 1, [T_GT] = OP_Gt + 1,
	[T_LE] = OP_Le + 1, [T_GE] = OP_Ge + 1, [T_PIPE] = OP_BitOr + 1,
	[T_CARET] = OP_BitXor + 1, [T_AMP] = OP_BitAnd + 1, [T_SHL] = OP_Shl + 1,
	[T_SHR] = OP_Shr + 1, [T_PLUS] = OP_Add + 1, [T_MINUS] = OP_Sub + 1,
	[T_STAR] = OP_Mul + 1, [T_SLASH] = OP_Div + 1, [T_PERCENT] = OP_Rem + 1,
};

static List parse_args(Parser *P)
{
	uint32_t base = P->stack.n;
	expect(P, T_LPAREN);
	if (K(P) != T_RPAREN) {
		do {
			uint32_t e = parse_expr(P);
			vec_push(P->stack, e);
		} while (accept(P, T_COMMA));
	}
	expect(P, T_RPAREN);
	return stack_list(P, base);
}

/* Optional call-site `with(Alloc = e)`. */
static uint32_t parse_alloc_with(Parser *P)
{
	if (K(P) != T_KW_with)
		return 0;
	adv(P);
	expect(P, T_LPAREN);
	Span sp = span(P);
	uint32_t at = P->p;
	Str name = expect_name(P);
	if (name != P->s_Alloc)
		soft_error(P, sp, at, "call-site with() can only bind Alloc, not '%s'", str_get(name));
	expect(P, T_ASSIGN);
	uint32_t e = parse_expr(P);
	expect(P, T_RPAREN);
	return e;
}

static uint32_t make_ident(Parser *P, Span sp, Str name)
{
	uint32_t n = node_new(P->m, NK_Ident, sp);
	N(n)->Ident.name = name;
	return n;
}

static List parse_field_inits(Parser *P)
{
	uint32_t base = P->stack.n;
	expect(P, T_LBRACE);
	while (K(P) != T_RBRACE) {
		Span sp = span(P);
		Str name = expect_name(P);
		uint32_t v = accept(P, T_COLON) ? parse_expr(P) : make_ident(P, sp, name);
		uint32_t f = node_new(P->m, NK_FieldInit, sp);
		N(f)->FieldInit.name = name;
		N(f)->FieldInit.value = v;
		vec_push(P->stack, f);
		if (!accept(P, T_COMMA))
			break;
	}
	expect(P, T_RBRACE);
	return stack_list(P, base);
}

static uint32_t make_call(Parser *P, Span sp, Str qual, Str name, List targs, int64_t flags)
{
	List args = parse_args(P);
	uint32_t alloc = parse_alloc_with(P);
	uint32_t n = node_new(P->m, NK_Call, sp);
	N(n)->Call.qual = qual;
	N(n)->Call.name = name;
	N(n)->Call.targs = targs;
	N(n)->Call.args = args;
	N(n)->Call.alloc = alloc;
	N(n)->Call.flags = flags;
	return n;
}

static uint32_t make_variant(Parser *P, Span sp, Str ename, List targs, Str vname)
{
	List inits = { 0, 0 };
	int64_t flags = 0;
	if (K(P) == T_LBRACE) {
		inits = parse_field_inits(P);
		flags = FL_BRACES;
	}
	uint32_t n = node_new(P->m, NK_VariantLit, sp);
	N(n)->VariantLit.ename = ename;
	N(n)->VariantLit.targs = targs;
	N(n)->VariantLit.vname = vname;
	N(n)->VariantLit.inits = inits;
	N(n)->VariantLit.flags = flags;
	return n;
}

static uint32_t make_path(Parser *P, Span sp, Str qual, Str name, List targs)
{
	uint32_t n = node_new(P->m, NK_Path, sp);
	N(n)->Path.qual = qual;
	N(n)->Path.name = name;
	N(n)->Path.targs = targs;
	return n;
}

/* IDENT `::` `<` types `>` path_after_turbofish */
static uint32_t parse_turbofish_path(Parser *P, Span sp, Str name, bool upper)
{
	List targs = parse_type_args(P);
	if (accept(P, T_COLON2)) {
		Str second = expect_name(P);
		if (K(P) == T_LPAREN)
			return make_call(P, sp, name, second, targs, FL_QUAL_TARGS);
		if (upper)
			return make_variant(P, sp, name, targs, second);
		return make_path(P, sp, name, second, targs);
	}
	if (K(P) == T_LPAREN)
		return make_call(P, sp, 0, name, targs, 0);
	if (K(P) == T_LBRACE && upper) {
		List inits = parse_field_inits(P);
		uint32_t n = node_new(P->m, NK_StructLit, sp);
		N(n)->StructLit.name = name;
		N(n)->StructLit.targs = targs;
		N(n)->StructLit.inits = inits;
		return n;
	}
	return make_path(P, sp, 0, name, targs);
}

/* The identifier forms of primary (2.13 path_expr, 2.15). */
static uint32_t parse_path_expr(Parser *P)
{
	Span sp = span(P);
	bool upper = tok_upper(P);
	Str name = tok_str(P);
	List none = { 0, 0 };
	adv(P);
	switch (K(P)) {
	case T_LPAREN:
		return make_call(P, sp, 0, name, none, 0);
	case T_LBRACE:
		if (!upper)
			break;
		List inits = parse_field_inits(P);
		uint32_t n = node_new(P->m, NK_StructLit, sp);
		N(n)->StructLit.name = name;
		N(n)->StructLit.inits = inits;
		return n;
	case T_COLON2:
		adv(P);
		if (K(P) == T_LT)
			return parse_turbofish_path(P, sp, name, upper);
		Str second = expect_name(P);
		if (upper) {
			if (K(P) == T_LPAREN) {
				List args = parse_args(P);
				uint32_t c = node_new(P->m, NK_Call, sp);
				N(c)->Call.qual = name;
				N(c)->Call.name = second;
				N(c)->Call.args = args;
				return c;
			}
			return make_variant(P, sp, name, none, second);
		}
		List targs = none;
		if (K(P) == T_COLON2) {
			adv(P);
			targs = parse_type_args(P);
		}
		if (K(P) == T_LPAREN)
			return make_call(P, sp, name, second, targs, 0);
		return make_path(P, sp, name, second, targs);
	default:
		break;
	}
	return make_ident(P, sp, name);
}

static uint32_t parse_array(Parser *P, Span sp)
{
	adv(P);
	uint32_t base = P->stack.n, n;
	if (K(P) != T_RBRACKET) {
		uint32_t e = parse_expr(P);
		if (accept(P, T_SEMI)) {
			if (K(P) != T_INT)
				error(P, "expected integer literal, got %s", got(P));
			int64_t count = (int64_t)lex_int_value(P->text, &P->t[P->p]);
			adv(P);
			expect(P, T_RBRACKET);
			n = node_new(P->m, NK_ArrayRepeat, sp);
			N(n)->ArrayRepeat.elem = e;
			N(n)->ArrayRepeat.count = count;
			return n;
		}
		vec_push(P->stack, e);
		while (accept(P, T_COMMA) && K(P) != T_RBRACKET) {
			e = parse_expr(P);
			vec_push(P->stack, e);
		}
	}
	expect(P, T_RBRACKET);
	List elems = stack_list(P, base);
	n = node_new(P->m, NK_ArrayLit, sp);
	N(n)->ArrayLit.elems = elems;
	return n;
}

static uint32_t parse_primary(Parser *P)
{
	Span sp = span(P);
	Token *t = &P->t[P->p];
	uint32_t n, e;
	switch (K(P)) {
	case T_INT:
		n = node_new(P->m, NK_IntLit, sp);
		N(n)->IntLit.value = (int64_t)lex_int_value(P->text, t);
		adv(P);
		return n;
	case T_FLOAT:
		n = node_new(P->m, NK_FloatLit, sp);
		N(n)->FloatLit.text = tok_str(P);
		adv(P);
		return n;
	case T_STRING:
		lex_string_value(P->text, t, &P->sbuf);
		n = node_new(P->m, NK_StrLit, sp);
		N(n)->StrLit.value = str_intern(P->sbuf.s ? P->sbuf.s : "", P->sbuf.n);
		adv(P);
		return n;
	case T_CHAR:
		n = node_new(P->m, NK_CharLit, sp);
		N(n)->CharLit.value = lex_char_value(P->text, t);
		adv(P);
		return n;
	case T_KW_true:
	case T_KW_false:
		n = node_new(P->m, NK_BoolLit, sp);
		N(n)->BoolLit.value = K(P) == T_KW_true;
		adv(P);
		return n;
	case T_LPAREN:
		adv(P);
		e = parse_expr(P);
		expect(P, T_RPAREN);
		n = node_new(P->m, NK_Paren, sp);
		N(n)->Paren.expr = e;
		return n;
	case T_LBRACKET:
		return parse_array(P, sp);
	case T_KW_if: {
		adv(P);
		uint32_t c = parse_expr(P);
		uint32_t th = parse_block(P, true);
		expect(P, T_KW_else);
		uint32_t el = parse_block(P, true);
		n = node_new(P->m, NK_IfExpr, sp);
		N(n)->IfExpr.cond = c;
		N(n)->IfExpr.then = th;
		N(n)->IfExpr.els = el;
		return n;
	}
	case T_KW_while: {
		adv(P);
		uint32_t c = parse_expr(P);
		uint32_t body = parse_block(P, false);
		expect(P, T_KW_else);
		uint32_t el = parse_block(P, false);
		n = node_new(P->m, NK_While, sp);
		N(n)->While.cond = c;
		N(n)->While.body = body;
		N(n)->While.els = el;
		N(n)->While.flags = FL_EXPR;
		return n;
	}
	case T_KW_match:
		n = parse_match(P);
		N(n)->Match.flags |= FL_EXPR;
		return n;
	case T_KW_cap:
	case T_KW_type:
		n = make_ident(P, sp, tok_str(P));
		adv(P);
		return n;
	case T_KW_fn:
		error(P, "closures are not supported");
	case T_IDENT:
		return parse_path_expr(P);
	default:
		error(P, "expected expression, got %s", got(P));
	}
}

/* `.name` after the dot: a field name or a (turbofish) method call. */
static uint32_t parse_member(Parser *P, uint32_t base, Span sp)
{
	Str name;
	if (is_name(K(P)) || K(P) == T_INT) {
		name = tok_str(P);
		adv(P);
	} else if (K(P) == T_FLOAT) {
		/* `x.0.1` lexes the float `0.1`: two numeric field names */
		Token *t = &P->t[P->p];
		const char *s = P->text + t->off, *dot = memchr(s, '.', t->len);
		uint32_t f = node_new(P->m, NK_FieldGet, sp);
		N(f)->FieldGet.base = base;
		N(f)->FieldGet.name = str_intern(s, (size_t)(dot - s));
		base = f;
		name = str_intern(dot + 1, t->len - (size_t)(dot - s) - 1);
		adv(P);
	} else {
		error(P, "expected field name, got %s", got(P));
	}
	List targs = { 0, 0 };
	if (K(P) == T_COLON2) {
		adv(P);
		targs = parse_type_args(P);
		if (K(P) != T_LPAREN)
			error(P, "expected (, got %s", got(P));
	}
	if (K(P) == T_LPAREN) {
		List args = parse_args(P);
		uint32_t n = node_new(P->m, NK_MethodCall, sp);
		N(n)->MethodCall.recv = base;
		N(n)->MethodCall.name = name;
		N(n)->MethodCall.targs = targs;
		N(n)->MethodCall.args = args;
		return n;
	}
	uint32_t n = node_new(P->m, NK_FieldGet, sp);
	N(n)->FieldGet.base = base;
	N(n)->FieldGet.name = name;
	return n;
}

static uint32_t parse_postfix(Parser *P, uint32_t e, bool allow_as)
{
	Span sp = N(e)->span;
	for (;;) {
		uint32_t n;
		switch (K(P)) {
		case T_DOT:
			adv(P);
			e = parse_member(P, e, sp);
			continue;
		case T_LBRACKET: {
			adv(P);
			uint32_t i = parse_expr(P);
			expect(P, T_RBRACKET);
			n = node_new(P->m, NK_Index, sp);
			N(n)->Index.base = e;
			N(n)->Index.index = i;
			break;
		}
		case T_QUESTION:
			adv(P);
			n = node_new(P->m, NK_Try, sp);
			N(n)->Try.expr = e;
			break;
		case T_ARROW: {
			adv(P);
			Str name = expect_name(P);
			n = node_new(P->m, NK_Arrow, sp);
			N(n)->Arrow.base = e;
			N(n)->Arrow.name = name;
			break;
		}
		case T_KW_as: {
			if (!allow_as)
				return e;
			adv(P);
			uint32_t ty = parse_type(P);
			n = node_new(P->m, NK_Cast, sp);
			N(n)->Cast.expr = e;
			N(n)->Cast.type = ty;
			break;
		}
		default:
			return e;
		}
		e = n;
	}
}

/* Prefix operators (2.13): - ! ~ take a primary only; & &mut * take a
 * primary plus its postfixes except `as`. */
static uint32_t parse_prefixed(Parser *P)
{
	Span sp = span(P);
	uint32_t n, e;
	enter(P);
	switch (K(P)) {
	case T_MINUS:
	case T_BANG:
	case T_TILDE: {
		int64_t op = K(P) == T_MINUS ? UOP_Neg : K(P) == T_BANG ? UOP_Not : UOP_BitNot;
		adv(P);
		e = parse_prefixed(P);
		n = node_new(P->m, NK_Unary, sp);
		N(n)->Unary.op = op;
		N(n)->Unary.expr = e;
		break;
	}
	case T_AMP:
	case T_AND2: {
		bool twice = K(P) == T_AND2;
		adv(P);
		int64_t fl = accept(P, T_KW_mut) ? FL_MUT : 0;
		e = parse_postfix(P, parse_prefixed(P), false);
		n = node_new(P->m, NK_AddrOf, sp);
		N(n)->AddrOf.expr = e;
		N(n)->AddrOf.flags = fl;
		if (twice) {
			e = n;
			n = node_new(P->m, NK_AddrOf, sp);
			N(n)->AddrOf.expr = e;
		}
		break;
	}
	case T_STAR:
		adv(P);
		e = parse_postfix(P, parse_prefixed(P), false);
		n = node_new(P->m, NK_Deref, sp);
		N(n)->Deref.expr = e;
		break;
	default:
		n = parse_primary(P);
		break;
	}
	P->depth--;
	return n;
}

/* Precedence climbing over the BINOP table; all operators left-associative. */
static uint32_t parse_binary(Parser *P, int minp)
{
	uint32_t lhs = parse_postfix(P, parse_prefixed(P), true);
	for (;;) {
		int op = tok_binop[K(P)] - 1;
		if (op < 0 || binop_prec[op] < minp)
			return lhs;
		adv(P);
		uint32_t rhs = parse_binary(P, binop_prec[op] + 1);
		uint32_t n = node_new(P->m, NK_Binary, N(lhs)->span);
		N(n)->Binary.op = op;
		N(n)->Binary.lhs = lhs;
		N(n)->Binary.rhs = rhs;
		lhs = n;
	}
}

static uint32_t parse_expr(Parser *P)
{
	return parse_binary(P, 1);
}

/* ===== patterns and match ===== */

static List parse_bindings(Parser *P)
{
	uint32_t base = P->stack.n;
	expect(P, T_LBRACE);
	while (K(P) != T_RBRACE) {
		Str s = expect_name(P);
		vec_push(P->stack, s);
		accept(P, T_COMMA);
	}
	adv(P);
	return stack_list(P, base);
}

static uint32_t parse_pattern(Parser *P)
{
	Span sp = span(P);
	uint32_t n;
	switch (K(P)) {
	case T_INT:
	case T_MINUS: {
		bool neg = accept(P, T_MINUS);
		if (K(P) != T_INT)
			error(P, "expected integer literal, got %s", got(P));
		uint64_t v = lex_int_value(P->text, &P->t[P->p]);
		adv(P);
		n = node_new(P->m, NK_PatInt, sp);
		N(n)->PatInt.value = neg ? (int64_t)(0 - v) : (int64_t)v;
		return n;
	}
	case T_KW_true:
	case T_KW_false:
		n = node_new(P->m, NK_PatBool, sp);
		N(n)->PatBool.value = K(P) == T_KW_true;
		adv(P);
		return n;
	case T_IDENT: {
		Str name = tok_str(P);
		adv(P);
		if (!accept(P, T_COLON2)) {
			n = node_new(P->m, NK_PatBind, sp);
			N(n)->PatBind.name = name;
			return n;
		}
		List targs = { 0, 0 }, binds = { 0, 0 };
		int64_t fl = 0;
		if (K(P) == T_LT) {
			targs = parse_type_args(P);
			expect(P, T_COLON2);
		}
		Str vname = expect_name(P);
		if (K(P) == T_LBRACE) {
			binds = parse_bindings(P);
			fl = FL_BRACES;
		}
		n = node_new(P->m, NK_PatVariant, sp);
		N(n)->PatVariant.ename = name;
		N(n)->PatVariant.targs = targs;
		N(n)->PatVariant.vname = vname;
		N(n)->PatVariant.bindings = binds;
		N(n)->PatVariant.flags = fl;
		return n;
	}
	default:
		error(P, "expected pattern, got %s", got(P));
	}
}

static uint32_t parse_arm(Parser *P)
{
	Span sp = span(P);
	uint32_t pat = parse_pattern(P), body;
	if (!accept(P, T_FATARROW) && !accept(P, T_ARROW))
		error(P, "expected =>, got %s", got(P));
	if (K(P) == T_LBRACE) {
		body = parse_block(P, true);
	} else if (K(P) == T_KW_return) {
		Span rs = span(P);
		adv(P);
		TokKind k = K(P);
		uint32_t v = k == T_SEMI || k == T_COMMA || k == T_RBRACE ? 0 : parse_expr(P);
		body = node_new(P->m, NK_Return, rs);
		N(body)->Return.value = v;
		accept(P, T_SEMI);
	} else {
		body = parse_expr(P);
		accept(P, T_SEMI);
	}
	accept(P, T_COMMA);
	uint32_t n = node_new(P->m, NK_Arm, sp);
	N(n)->Arm.pat = pat;
	N(n)->Arm.body = body;
	return n;
}

static uint32_t parse_match(Parser *P)
{
	Span sp = span(P);
	adv(P);
	uint32_t scrut = parse_expr(P);
	expect(P, T_LBRACE);
	uint32_t base = P->stack.n;
	while (K(P) != T_RBRACE && K(P) != T_EOF) {
		uint32_t a = parse_arm(P);
		vec_push(P->stack, a);
	}
	expect(P, T_RBRACE);
	List arms = stack_list(P, base);
	uint32_t n = node_new(P->m, NK_Match, sp);
	N(n)->Match.scrut = scrut;
	N(n)->Match.arms = arms;
	return n;
}

/* ===== statements ===== */

static uint32_t parse_let(Parser *P)
{
	Span sp = span(P);
	uint32_t n;
	adv(P);
	int64_t fl = accept(P, T_KW_mut) ? FL_MUT : 0;
	if (K(P) == T_IDENT && tok_upper(P) && peek(P, 1) == T_COLON2) {
		Str ename = tok_str(P);
		adv(P);
		adv(P);
		Str vname = expect_name(P);
		List binds = parse_bindings(P);
		expect(P, T_ASSIGN);
		uint32_t v = parse_expr(P);
		uint32_t els = K(P) == T_KW_else ? (adv(P), parse_block(P, false)) : 0;
		expect(P, T_SEMI);
		n = node_new(P->m, NK_LetVariant, sp);
		N(n)->LetVariant.ename = ename;
		N(n)->LetVariant.vname = vname;
		N(n)->LetVariant.bindings = binds;
		N(n)->LetVariant.value = v;
		N(n)->LetVariant.els = els;
		N(n)->LetVariant.flags = fl;
		return n;
	}
	if (K(P) == T_IDENT && tok_upper(P) && peek(P, 1) == T_LBRACE) {
		Str tname = tok_str(P);
		adv(P);
		List binds = parse_bindings(P);
		expect(P, T_ASSIGN);
		uint32_t v = parse_expr(P);
		expect(P, T_SEMI);
		n = node_new(P->m, NK_LetStruct, sp);
		N(n)->LetStruct.tname = tname;
		N(n)->LetStruct.bindings = binds;
		N(n)->LetStruct.value = v;
		N(n)->LetStruct.flags = fl;
		return n;
	}
	Str name = expect_name(P);
	uint32_t ty = accept(P, T_COLON) ? parse_type(P) : 0;
	expect(P, T_ASSIGN);
	uint32_t v = parse_expr(P);
	expect(P, T_SEMI);
	n = node_new(P->m, NK_Let, sp);
	N(n)->Let.name = name;
	N(n)->Let.type = ty;
	N(n)->Let.value = v;
	N(n)->Let.flags = fl;
	return n;
}

static uint32_t parse_if_stmt(Parser *P)
{
	Span sp = span(P);
	enter(P);
	adv(P);
	uint32_t c = parse_expr(P);
	uint32_t th = parse_block(P, false), el = 0;
	if (accept(P, T_KW_else))
		el = K(P) == T_KW_if ? parse_if_stmt(P) : parse_block(P, false);
	uint32_t n = node_new(P->m, NK_If, sp);
	N(n)->If.cond = c;
	N(n)->If.then = th;
	N(n)->If.els = el;
	P->depth--;
	return n;
}

static bool valid_target(Parser *P, uint32_t e, bool in_for)
{
	switch (N(e)->kind) {
	case NK_Ident: case NK_FieldGet:
		return true;
	case NK_Deref: case NK_Index: case NK_Arrow:
		return !in_for;
	default:
		return false;
	}
}

static uint32_t make_assign(Parser *P, uint32_t target, bool in_for)
{
	if (!valid_target(P, target, in_for))
		soft_error(P, N(target)->span, P->p, "invalid assignment target");
	adv(P);
	uint32_t v = parse_expr(P);
	uint32_t n = node_new(P->m, NK_Assign, N(target)->span);
	N(n)->Assign.target = target;
	N(n)->Assign.value = v;
	return n;
}

static uint32_t parse_while(Parser *P, Span sp, Str label)
{
	adv(P);
	uint32_t c = parse_expr(P);
	uint32_t body = parse_block(P, false);
	uint32_t n = node_new(P->m, NK_While, sp);
	N(n)->While.label = label;
	N(n)->While.cond = c;
	N(n)->While.body = body;
	return n;
}

static uint32_t parse_for(Parser *P, Span sp, Str label)
{
	uint32_t init = 0, cond = 0, step = 0;
	Span fsp = span(P);
	uint32_t fat = P->p;
	adv(P);
	if (accept(P, T_LPAREN)) {
		if (K(P) == T_KW_let) {
			init = parse_let(P);
			cond = parse_expr(P);
			expect(P, T_SEMI);
			step = parse_expr(P);
			if (K(P) == T_ASSIGN)
				step = make_assign(P, step, true);
		} else {
			cond = parse_expr(P);
			if (K(P) == T_SEMI || K(P) == T_ASSIGN) {
				soft_error(P, fsp, fat, "unsupported for loop syntax");
				longjmp(*P->jb, 1);
			}
		}
		expect(P, T_RPAREN);
	} else if (K(P) != T_LBRACE) {
		soft_error(P, fsp, fat, "unsupported for loop syntax");
		longjmp(*P->jb, 1);
	}
	uint32_t body = parse_block(P, false);
	uint32_t n = node_new(P->m, NK_For, sp);
	N(n)->For.label = label;
	N(n)->For.init = init;
	N(n)->For.cond = cond;
	N(n)->For.step = step;
	N(n)->For.body = body;
	return n;
}

static uint32_t parse_stmt(Parser *P, void *ctx)
{
	bool expr_block = ctx != NULL;
	Span sp = span(P);
	uint32_t n, e;
	switch (K(P)) {
	case T_KW_let:
		return parse_let(P);
	case T_KW_return: {
		adv(P);
		uint32_t v = K(P) == T_SEMI ? 0 : parse_expr(P);
		expect(P, T_SEMI);
		n = node_new(P->m, NK_Return, sp);
		N(n)->Return.value = v;
		return n;
	}
	case T_KW_if:
		return parse_if_stmt(P);
	case T_KW_while:
		return parse_while(P, sp, 0);
	case T_KW_for:
		return parse_for(P, sp, 0);
	case T_LABEL: {
		Str label = tok_str(P);
		uint32_t at = P->p;
		adv(P);
		expect(P, T_COLON);
		if (K(P) == T_KW_while)
			return parse_while(P, sp, label);
		if (K(P) == T_KW_for)
			return parse_for(P, sp, label);
		soft_error(P, sp, at, "label can only precede while or for loops");
		longjmp(*P->jb, 1);
	}
	case T_KW_match:
		n = parse_match(P);
		if (!expr_block || K(P) != T_RBRACE)
			return n;
		/* a match closing an expression block is its value */
		N(n)->Match.flags |= FL_EXPR;
		e = n;
		n = node_new(P->m, NK_ExprStmt, sp);
		N(n)->ExprStmt.expr = e;
		return n;
	case T_KW_break: {
		adv(P);
		Str label = 0;
		uint32_t v = 0;
		if (K(P) == T_LABEL) {
			label = tok_str(P);
			adv(P);
		} else if (K(P) != T_SEMI) {
			v = parse_expr(P);
		}
		expect(P, T_SEMI);
		n = node_new(P->m, NK_Break, sp);
		N(n)->Break.label = label;
		N(n)->Break.value = v;
		return n;
	}
	case T_KW_continue: {
		adv(P);
		Str label = 0;
		if (K(P) == T_LABEL) {
			label = tok_str(P);
			adv(P);
		}
		expect(P, T_SEMI);
		n = node_new(P->m, NK_Continue, sp);
		N(n)->Continue.label = label;
		return n;
	}
	case T_KW_defer:
		adv(P);
		e = parse_expr(P);
		expect(P, T_SEMI);
		n = node_new(P->m, NK_Defer, sp);
		N(n)->Defer.call = e;
		return n;
	case T_KW_borrow: {
		adv(P);
		int64_t fl = accept(P, T_KW_mut) ? FL_MUT : 0;
		Str owner = expect_name(P);
		expect(P, T_KW_as);
		Str ref = expect_name(P);
		expect(P, T_KW_in);
		Str region = expect_name(P);
		uint32_t body = parse_block(P, false);
		n = node_new(P->m, NK_Borrow, sp);
		N(n)->Borrow.owner = owner;
		N(n)->Borrow.ref = ref;
		N(n)->Borrow.region = region;
		N(n)->Borrow.body = body;
		N(n)->Borrow.flags = fl;
		return n;
	}
	default:
		break;
	}
	e = parse_expr(P);
	if (K(P) == T_ASSIGN) {
		n = make_assign(P, e, false);
		expect(P, T_SEMI);
		return n;
	}
	int64_t fl = FL_SEMI;
	if (expr_block && K(P) == T_RBRACE)
		fl = 0;
	else
		expect(P, T_SEMI);
	n = node_new(P->m, NK_ExprStmt, N(e)->span);
	N(n)->ExprStmt.expr = e;
	N(n)->ExprStmt.flags = fl;
	return n;
}

/* `{ stmts }`; in an expression block a final expression needs no `;`. */
static uint32_t parse_block(Parser *P, bool expr_block)
{
	Span sp = span(P);
	expect(P, T_LBRACE);
	enter(P);
	uint32_t base = P->stack.n;
	while (K(P) != T_RBRACE && K(P) != T_EOF) {
		uint32_t s = recover(P, parse_stmt, expr_block ? (void *)1 : NULL, sync_stmt);
		if (s)
			vec_push(P->stack, s);
	}
	expect(P, T_RBRACE);
	P->depth--;
	List stmts = stack_list(P, base);
	uint32_t n = node_new(P->m, NK_Block, sp);
	N(n)->Block.stmts = stmts;
	return n;
}

/* ===== items ===== */

enum FnCtx { FN_ITEM, FN_EXTERN, FN_METHOD, FN_TRAIT };

/* `<` params `>`: fn items allow `cap C` and `<>`; type_params do not. */
static List parse_generics(Parser *P, bool fn_item)
{
	uint32_t base = P->stack.n;
	expect(P, T_LT);
	if (fn_item && K(P) == T_GT) {
		adv(P);
		return stack_list(P, base);
	}
	do {
		Span sp = span(P);
		int64_t fl = 0;
		if (fn_item && K(P) == T_KW_cap && is_name(peek(P, 1))) {
			adv(P);
			fl = FL_CAP;
		}
		Str name = expect_name(P);
		uint32_t bb = P->stack.n;
		if (!fl && accept(P, T_COLON)) {
			do {
				Str b = expect_name(P);
				vec_push(P->stack, b);
			} while (accept(P, T_PLUS));
		}
		List bounds = stack_list(P, bb);
		uint32_t g = node_new(P->m, NK_GenericParam, sp);
		N(g)->GenericParam.name = name;
		N(g)->GenericParam.bounds = bounds;
		N(g)->GenericParam.flags = fl;
		vec_push(P->stack, g);
	} while (accept(P, T_COMMA));
	expect_gt(P);
	return stack_list(P, base);
}

static List parse_params(Parser *P, bool methods)
{
	uint32_t base = P->stack.n;
	expect(P, T_LPAREN);
	if (K(P) != T_RPAREN) {
		do {
			Span sp = span(P);
			uint32_t n;
			bool self_value = K(P) == T_IDENT && tok_str(P) == P->s_self && peek(P, 1) != T_COLON;
			if (methods && P->stack.n == base && (K(P) == T_AMP || self_value)) {
				int64_t fl = FL_SELF_VALUE;
				if (accept(P, T_AMP))
					fl = accept(P, T_KW_mut) ? FL_SELF_MUT : FL_SELF_REF;
				if (K(P) != T_IDENT || tok_str(P) != P->s_self)
					error(P, "expected self, got %s", got(P));
				adv(P);
				n = node_new(P->m, NK_Param, sp);
				N(n)->Param.name = P->s_self;
				N(n)->Param.flags = fl;
			} else {
				Str name = expect_name(P);
				expect(P, T_COLON);
				uint32_t ty = parse_type(P);
				n = node_new(P->m, NK_Param, sp);
				N(n)->Param.name = name;
				N(n)->Param.type = ty;
			}
			vec_push(P->stack, n);
		} while (accept(P, T_COMMA));
	}
	expect(P, T_RPAREN);
	return stack_list(P, base);
}

static uint32_t parse_fn(Parser *P, enum FnCtx ctx, int64_t flags, List attrs)
{
	Span sp = span(P);
	expect(P, T_KW_fn);
	Str name = expect_name(P);
	List generics = { 0, 0 }, caps = { 0, 0 };
	if (K(P) == T_LT && ctx != FN_EXTERN)
		generics = parse_generics(P, ctx == FN_ITEM);
	List params = parse_params(P, ctx == FN_METHOD || ctx == FN_TRAIT);
	if (K(P) == T_KW_with && ctx != FN_EXTERN)
		caps = parse_with(P);
	uint32_t ret = accept(P, T_ARROW) ? parse_type(P) : 0;
	uint32_t body = 0;
	if (ctx == FN_TRAIT || ctx == FN_EXTERN) {
		expect(P, T_SEMI);
	} else if (ctx == FN_ITEM && accept(P, T_SEMI)) {
		/* `fn f();` is an external declaration; `trusted` is dropped */
		flags = (flags | FL_EXTERN) & ~(int64_t)FL_TRUSTED;
	} else {
		body = parse_block(P, false);
	}
	uint32_t n = node_new(P->m, NK_FnDecl, sp);
	N(n)->FnDecl.name = name;
	N(n)->FnDecl.attrs = attrs;
	N(n)->FnDecl.generics = generics;
	N(n)->FnDecl.params = params;
	N(n)->FnDecl.caps = caps;
	N(n)->FnDecl.ret = ret;
	N(n)->FnDecl.body = body;
	N(n)->FnDecl.flags = flags;
	return n;
}

static List parse_fields(Parser *P)
{
	uint32_t base = P->stack.n;
	expect(P, T_LBRACE);
	while (K(P) != T_RBRACE) {
		Span sp = span(P);
		Str name = expect_name(P);
		expect(P, T_COLON);
		uint32_t ty = parse_type(P);
		uint32_t f = node_new(P->m, NK_FieldDecl, sp);
		N(f)->FieldDecl.name = name;
		N(f)->FieldDecl.type = ty;
		vec_push(P->stack, f);
		accept(P, T_COMMA);
	}
	adv(P);
	return stack_list(P, base);
}

/* `Copy` right after struct/enum (2.5). */
static int64_t parse_copy(Parser *P)
{
	if (K(P) == T_IDENT && tok_str(P) == P->s_Copy) {
		adv(P);
		return FL_COPY;
	}
	return 0;
}

static uint32_t parse_struct(Parser *P, int64_t flags, List attrs)
{
	Span sp = span(P);
	adv(P);
	if (!(flags & FL_UNION))
		flags |= parse_copy(P);
	Str name = expect_name(P);
	List generics = K(P) == T_LT ? parse_generics(P, false) : (List){ 0, 0 };
	List fields = parse_fields(P);
	uint32_t n = node_new(P->m, NK_StructDecl, sp);
	N(n)->StructDecl.name = name;
	N(n)->StructDecl.attrs = attrs;
	N(n)->StructDecl.generics = generics;
	N(n)->StructDecl.fields = fields;
	N(n)->StructDecl.flags = flags;
	return n;
}

static uint32_t parse_enum(Parser *P, int64_t flags, List attrs)
{
	Span sp = span(P);
	adv(P);
	flags |= parse_copy(P);
	Str name = expect_name(P);
	List generics = K(P) == T_LT ? parse_generics(P, false) : (List){ 0, 0 };
	expect(P, T_LBRACE);
	uint32_t base = P->stack.n;
	while (K(P) != T_RBRACE) {
		Span vsp = span(P);
		Str vname = expect_name(P);
		List fields = { 0, 0 };
		uint32_t value = 0;
		if (K(P) == T_LBRACE)
			fields = parse_fields(P);
		else if (accept(P, T_ASSIGN))
			value = parse_expr(P);
		uint32_t v = node_new(P->m, NK_Variant, vsp);
		N(v)->Variant.name = vname;
		N(v)->Variant.fields = fields;
		N(v)->Variant.value = value;
		vec_push(P->stack, v);
		accept(P, T_COMMA);
	}
	adv(P);
	List variants = stack_list(P, base);
	uint32_t n = node_new(P->m, NK_EnumDecl, sp);
	N(n)->EnumDecl.name = name;
	N(n)->EnumDecl.attrs = attrs;
	N(n)->EnumDecl.generics = generics;
	N(n)->EnumDecl.variants = variants;
	N(n)->EnumDecl.flags = flags;
	return n;
}

static const char *const capability_names[] = {
	"File", "Network", "Clock", "Env", "Random", "Process", "Console",
	"Alloc", "Unsafe", "Std",
};

static uint32_t parse_cap_alias(Parser *P, int64_t flags)
{
	Span sp = span(P);
	adv(P);
	Str name = expect_name(P);
	expect(P, T_ASSIGN);
	uint32_t base = P->stack.n;
	do {
		Span csp = span(P);
		uint32_t at = P->p;
		Str c = expect_name(P);
		bool known = false;
		for (size_t i = 0; i < sizeof capability_names / sizeof *capability_names; i++)
			known |= strcmp(str_get(c), capability_names[i]) == 0;
		if (!known)
			soft_error(P, csp, at, "unknown capability '%s' in cap alias '%s'",
				str_get(c), str_get(name));
		vec_push(P->stack, c);
	} while (accept(P, T_PLUS));
	expect(P, T_SEMI);
	List caps = stack_list(P, base);
	uint32_t n = node_new(P->m, NK_CapAlias, sp);
	N(n)->CapAlias.name = name;
	N(n)->CapAlias.caps = caps;
	N(n)->CapAlias.flags = flags;
	return n;
}

/* One method of an impl or trait body, at its own recovery point. */
static uint32_t parse_method(Parser *P, void *ctx)
{
	bool trait = ctx != NULL;
	int64_t fl = !trait && accept(P, T_KW_pub) ? FL_PUB : 0;
	if (K(P) != T_KW_fn)
		error(P, "expected fn, got %s", got(P));
	return parse_fn(P, trait ? FN_TRAIT : FN_METHOD, fl, (List){ 0, 0 });
}

static List parse_methods(Parser *P, bool trait)
{
	expect(P, T_LBRACE);
	uint32_t base = P->stack.n;
	while (K(P) != T_RBRACE && K(P) != T_EOF) {
		uint32_t f = recover(P, parse_method, trait ? (void *)1 : NULL, sync_item);
		if (f)
			vec_push(P->stack, f);
	}
	expect(P, T_RBRACE);
	return stack_list(P, base);
}

static uint32_t parse_impl(Parser *P, int64_t flags, List attrs)
{
	Span sp = span(P);
	adv(P);
	List generics = K(P) == T_LT ? parse_generics(P, false) : (List){ 0, 0 };
	Str first = expect_name(P), trait = 0, target = first;
	List targs = K(P) == T_LT ? parse_type_args(P) : (List){ 0, 0 };
	List caps = { 0, 0 };
	if (accept(P, T_KW_for)) {
		trait = first;
		target = expect_name(P);
		if (K(P) == T_KW_with)
			caps = parse_with(P);
	}
	List methods = parse_methods(P, false);
	uint32_t n = node_new(P->m, NK_ImplDecl, sp);
	N(n)->ImplDecl.generics = generics;
	N(n)->ImplDecl.trait = trait;
	N(n)->ImplDecl.target = target;
	N(n)->ImplDecl.targs = targs;
	N(n)->ImplDecl.caps = caps;
	N(n)->ImplDecl.attrs = attrs;
	N(n)->ImplDecl.methods = methods;
	N(n)->ImplDecl.flags = flags;
	return n;
}

static uint32_t parse_trait(Parser *P, int64_t flags, List attrs)
{
	Span sp = span(P);
	adv(P);
	Str name = expect_name(P);
	List generics = K(P) == T_LT ? parse_generics(P, false) : (List){ 0, 0 };
	List methods = parse_methods(P, true);
	uint32_t n = node_new(P->m, NK_TraitDecl, sp);
	N(n)->TraitDecl.name = name;
	N(n)->TraitDecl.attrs = attrs;
	N(n)->TraitDecl.generics = generics;
	N(n)->TraitDecl.methods = methods;
	N(n)->TraitDecl.flags = flags;
	return n;
}

static uint32_t parse_import(Parser *P)
{
	Span sp = span(P);
	adv(P);
	uint32_t base = P->stack.n;
	Str s = expect_name(P);
	vec_push(P->stack, s);
	while (accept(P, T_DOT) && K(P) != T_LBRACE) {
		s = expect_name(P);
		vec_push(P->stack, s);
	}
	List path = stack_list(P, base);
	expect(P, T_LBRACE);
	while (K(P) != T_RBRACE) {
		Span isp = span(P);
		Str name = expect_name(P), alias = 0;
		if (accept(P, T_KW_as))
			alias = expect_name(P);
		uint32_t it = node_new(P->m, NK_ImportItem, isp);
		N(it)->ImportItem.name = name;
		N(it)->ImportItem.alias = alias;
		vec_push(P->stack, it);
		accept(P, T_COMMA);
	}
	adv(P);
	expect(P, T_SEMI);
	List items = stack_list(P, base);
	uint32_t n = node_new(P->m, NK_Import, sp);
	N(n)->Import.path = path;
	N(n)->Import.items = items;
	return n;
}

static List parse_items(Parser *P, bool braced);

static uint32_t parse_mod(Parser *P, int64_t flags)
{
	Span sp = span(P);
	adv(P);
	Str name = expect_name(P);
	List items = { 0, 0 };
	if (accept(P, T_SEMI)) {
		flags |= FL_STUB;
	} else {
		if (K(P) != T_LBRACE)
			error(P, "expected {, got %s", got(P));
		adv(P);
		enter(P);
		items = parse_items(P, true);
		P->depth--;
		expect(P, T_RBRACE);
	}
	uint32_t n = node_new(P->m, NK_Module, sp);
	N(n)->Module.name = name;
	N(n)->Module.items = items;
	N(n)->Module.flags = flags & (FL_STUB | FL_PUB);
	return n;
}

static uint32_t parse_attr(Parser *P, int64_t *repr_flags)
{
	Span sp = span(P);
	adv(P);
	expect(P, T_LBRACKET);
	Str key = expect_name(P), arg = 0;
	List args = { 0, 0 };
	if (key == P->s_repr && K(P) == T_LPAREN) {
		adv(P);
		uint32_t base = P->stack.n;
		do {
			Span osp = span(P);
			uint32_t at = P->p;
			Str opt = expect_name(P);
			const char *o = str_get(opt);
			int64_t num = 0;
			if (strcmp(o, "C") == 0) {
				*repr_flags |= FL_REPR_C;
			} else if (strcmp(o, "packed") == 0) {
				*repr_flags |= FL_REPR_PACKED;
			} else if (strcmp(o, "align") == 0) {
				expect(P, T_LPAREN);
				if (K(P) != T_INT)
					error(P, "expected integer literal, got %s", got(P));
				num = (int64_t)lex_int_value(P->text, &P->t[P->p]);
				adv(P);
				expect(P, T_RPAREN);
			} else {
				soft_error(P, osp, at, "unknown repr option '%s' (expected C, packed or align(N))", o);
				longjmp(*P->jb, 1);
			}
			uint32_t a = node_new(P->m, NK_Attr, osp);
			N(a)->Attr.key = opt;
			N(a)->Attr.num = num;
			vec_push(P->stack, a);
			accept(P, T_COMMA);
		} while (K(P) != T_RPAREN);
		adv(P);
		args = stack_list(P, base);
	} else if (accept(P, T_ASSIGN)) {
		if (K(P) != T_STRING)
			error(P, "expected string literal, got %s", got(P));
		lex_string_value(P->text, &P->t[P->p], &P->sbuf);
		arg = str_intern(P->sbuf.s ? P->sbuf.s : "", P->sbuf.n);
		adv(P);
	} else if (accept(P, T_LPAREN)) {
		arg = expect_name(P);
		expect(P, T_RPAREN);
	}
	expect(P, T_RBRACKET);
	uint32_t n = node_new(P->m, NK_Attr, sp);
	N(n)->Attr.key = key;
	N(n)->Attr.arg = arg;
	N(n)->Attr.args = args;
	return n;
}

/* Check the placement of #[test] and #[repr] once the item is known. */
static void check_attrs(Parser *P, List attrs, uint32_t item)
{
	NodeKind k = item ? N(item)->kind : NK_None;
	for (uint32_t i = 0; i < attrs.len; i++) {
		uint32_t a = P->stack.v[attrs.start + i];
		Str key = N(a)->Attr.key;
		if (key == P->s_test && k != NK_FnDecl)
			soft_error(P, N(a)->span, NO_TOKEN,
				"#[test] can only be applied to function definitions");
		if (key == P->s_repr && k != NK_StructDecl)
			soft_error(P, N(a)->span, NO_TOKEN,
				"#[repr(...)] can only be applied to struct definitions");
	}
}

static uint32_t parse_item(Parser *P, void *ctx)
{
	(void)ctx;
	uint32_t base = P->stack.n;
	int64_t flags = 0, repr = 0;
	while (K(P) == T_HASH) {
		uint32_t a = parse_attr(P, &repr);
		vec_push(P->stack, a);
		if (K(P) == T_KW_pub && peek(P, 1) == T_HASH) {
			/* [REF] `pub #[test] fn f()` parses but loses `pub` */
			adv(P);
		}
	}
	/* attrs stay on the stack (start relative to it) until the item exists */
	List pending = { base, P->stack.n - base };
	uint32_t item = 0;
	if (accept(P, T_KW_pub))
		flags |= FL_PUB;
	if (K(P) == T_KW_trusted) {
		Span tsp = span(P);
		uint32_t at = P->p;
		adv(P);
		flags |= FL_TRUSTED;
		TokKind k = K(P);
		if (k != T_KW_fn && k != T_KW_impl && k != T_KW_extern)
			soft_error(P, tsp, at, "'trusted' can only be applied to fn, impl, or extern fn");
	}
	if (pending.len && (K(P) == T_EOF || K(P) == T_RBRACE)) {
		check_attrs(P, pending, 0);
		P->stack.n = base;
		return 0;
	}
	bool has_attrs = true;
	switch (K(P)) {
	case T_KW_fn:
		item = parse_fn(P, FN_ITEM, flags, (List){ 0, 0 });
		break;
	case T_KW_extern:
		adv(P);
		if (K(P) != T_KW_fn)
			error(P, "expected fn, got %s", got(P));
		item = parse_fn(P, FN_EXTERN, flags | FL_EXTERN, (List){ 0, 0 });
		break;
	case T_KW_struct:
		item = parse_struct(P, flags | repr, (List){ 0, 0 });
		break;
	case T_KW_enum:
		item = parse_enum(P, flags, (List){ 0, 0 });
		break;
	case T_KW_impl:
		item = parse_impl(P, flags, (List){ 0, 0 });
		break;
	case T_KW_trait:
		item = parse_trait(P, flags, (List){ 0, 0 });
		break;
	case T_KW_newtype: {
		Span sp = span(P);
		adv(P);
		Str name = expect_name(P);
		List generics = K(P) == T_LT ? parse_generics(P, false) : (List){ 0, 0 };
		expect(P, T_ASSIGN);
		uint32_t ty = parse_type(P);
		expect(P, T_SEMI);
		item = node_new(P->m, NK_NewtypeDecl, sp);
		N(item)->NewtypeDecl.name = name;
		N(item)->NewtypeDecl.generics = generics;
		N(item)->NewtypeDecl.type = ty;
		N(item)->NewtypeDecl.flags = flags;
		break;
	}
	case T_KW_type: {
		Span sp = span(P);
		adv(P);
		Str name = expect_name(P);
		expect(P, T_ASSIGN);
		uint32_t ty = parse_type(P);
		expect(P, T_SEMI);
		item = node_new(P->m, NK_TypeAlias, sp);
		N(item)->TypeAlias.name = name;
		N(item)->TypeAlias.type = ty;
		N(item)->TypeAlias.flags = flags;
		break;
	}
	case T_KW_const: {
		Span sp = span(P);
		adv(P);
		Str name = expect_name(P);
		expect(P, T_COLON);
		uint32_t ty = parse_type(P);
		expect(P, T_ASSIGN);
		uint32_t v = parse_expr(P);
		expect(P, T_SEMI);
		item = node_new(P->m, NK_ConstDecl, sp);
		N(item)->ConstDecl.name = name;
		N(item)->ConstDecl.type = ty;
		N(item)->ConstDecl.value = v;
		N(item)->ConstDecl.flags = flags;
		break;
	}
	case T_KW_cap:
		item = parse_cap_alias(P, flags);
		has_attrs = false;
		break;
	case T_KW_mod:
		item = parse_mod(P, flags);
		has_attrs = false;
		break;
	case T_KW_import:
		if (flags)
			error(P, "expected item, got %s", got(P));
		item = parse_import(P);
		has_attrs = false;
		break;
	case T_IDENT:
		if (tok_str(P) == P->s_union && is_name(peek(P, 1))) {
			item = parse_struct(P, flags | repr | FL_UNION, (List){ 0, 0 });
			break;
		}
		/* fallthrough */
	default:
		error(P, "expected item, got %s", got(P));
	}
	check_attrs(P, pending, item);
	List attrs = { 0, 0 };
	if (has_attrs && pending.len)
		attrs = list_make(P->m, P->stack.v + base, pending.len);
	P->stack.n = base;
	if (N(item)->kind == NK_FnDecl) {
		N(item)->FnDecl.attrs = attrs;
		for (uint32_t i = 0; i < attrs.len; i++)
			if (N(LIST_AT(P->m, attrs, i))->Attr.key == P->s_test)
				N(item)->FnDecl.flags |= FL_TEST;
	} else if (N(item)->kind == NK_StructDecl) {
		N(item)->StructDecl.attrs = attrs;
	} else if (N(item)->kind == NK_EnumDecl) {
		N(item)->EnumDecl.attrs = attrs;
	} else if (N(item)->kind == NK_ImplDecl) {
		N(item)->ImplDecl.attrs = attrs;
	} else if (N(item)->kind == NK_TraitDecl) {
		N(item)->TraitDecl.attrs = attrs;
	} else if (N(item)->kind == NK_NewtypeDecl) {
		N(item)->NewtypeDecl.attrs = attrs;
	} else if (N(item)->kind == NK_TypeAlias) {
		N(item)->TypeAlias.attrs = attrs;
	} else if (N(item)->kind == NK_ConstDecl) {
		N(item)->ConstDecl.attrs = attrs;
	}
	return item;
}

static List parse_items(Parser *P, bool braced)
{
	uint32_t base = P->stack.n;
	while (K(P) != T_EOF && !(braced && K(P) == T_RBRACE)) {
		uint32_t it = recover(P, parse_item, NULL, sync_item);
		if (it)
			vec_push(P->stack, it);
	}
	return stack_list(P, base);
}

/* The file -> module division rule (2.2). */
static uint32_t parse_file(Parser *P)
{
	Span sp = span(P);
	uint32_t base = P->stack.n;
	if (K(P) == T_KW_mod && is_name(peek(P, 1)) && peek(P, 2) == T_LBRACE) {
		while (K(P) == T_KW_mod) {
			uint32_t m = recover(P, parse_item, NULL, sync_item);
			if (m)
				vec_push(P->stack, m);
		}
	}
	if (K(P) != T_EOF || P->stack.n == base) {
		Span msp = span(P);
		List items = parse_items(P, false);
		uint32_t m = node_new(P->m, NK_Module, msp);
		N(m)->Module.name = P->s_main;
		N(m)->Module.items = items;
		vec_push(P->stack, m);
	}
	List mods = stack_list(P, base);
	uint32_t f = node_new(P->m, NK_File, sp);
	N(f)->File.modules = mods;
	return f;
}

Module *parse_source(const char *path, const char *text, size_t len, Diags *d)
{
	uint32_t first_diag = d->v.n, first_error = d->errors;
	Module *m = module_new(STAGE_AST);
	m->source = str_internz(path);
	vec_push(m->files, m->source);
	Tokens toks = { 0 };
	lex_source(path, text, len, &toks, d);
	/* about one node and one list entry per token: size once, not by doubling */
	vec_grow(m->nodes, m->nodes.n + toks.n);
	vec_grow(m->lists, m->lists.n + toks.n / 2);
	Parser P = { .m = m, .path = path, .text = text, .t = toks.v, .nt = toks.n, .d = d };
	P.errors = d->errors - first_error;
	P.s_main = str_internz("main");
	P.s_self = str_internz("self");
	P.s_Copy = str_internz("Copy");
	P.s_union = str_internz("union");
	P.s_Alloc = str_internz("Alloc");
	P.s_repr = str_internz("repr");
	P.s_test = str_internz("test");
	jmp_buf top;
	P.jb = &top;
	if (setjmp(top) == 0)
		m->root = parse_file(&P);
	else
		m->root = 0;    /* not reached: every unwinding lands in a recovery point */
	uint32_t first = m->nodes.n > 1 && m->root ? NODE_AT(m, m->root)->File.modules.len : 0;
	m->name = first ? NODE_AT(m, LIST_AT(m, NODE_AT(m, m->root)->File.modules, 0))->Module.name : P.s_main;
	/* lexical errors were found first: report in source order (insertion
	 * sort: stable, and the lists are short) */
	for (uint32_t i = first_diag + 1; i < d->v.n; i++) {
		Diag x = d->v.v[i];
		uint32_t j = i;
		for (; j > first_diag && x.span.off < d->v.v[j - 1].span.off; j--)
			d->v.v[j] = d->v.v[j - 1];
		d->v.v[j] = x;
	}
	free(toks.v);
	free(P.stack.v);
	free(P.sbuf.s);
	return m;
}
