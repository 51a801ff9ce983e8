/* fmt.c: Concrete source text from an AST (`concrete --fmt`, and
 * `--emit-core`, which prints the checked program the same way).
 *
 * The printer is token-faithful: every node prints exactly the tokens that
 * parse back to it (Paren nodes keep the programmer's parentheses, so no
 * precedence logic is needed), laid out in one canonical style: four-space
 * indentation, one statement per line, `{ e }` for an expression block that
 * fits on a line.  Hence fmt(fmt(x)) == fmt(x) and fmt(x) parses to x's AST.
 *
 * The AST holds no comments, so `//` comments are taken from the source text
 * and re-attached by line: each is printed before the first item, statement,
 * field, variant or arm that starts below it (or before the `}` that closes
 * the braces it sits in), and a comment that followed code on the first line
 * of a one-line statement stays at the end of that line.  Blank lines between
 * items and statements are kept (runs of them become one). */
#include "ir.h"
#include <stdlib.h>
#include <string.h>

typedef struct Cmt { uint32_t line, off, len; bool trailing; } Cmt;
typedef struct Brace { uint32_t open, close_line; } Brace;

typedef struct F {
	Module *m;
	const char *src;         /* NULL: no comments, no blank-line memory */
	size_t len;
	Buf *out;
	int ind;
	bool fresh;              /* just opened a brace: no blank line here */
	VEC(Cmt) cmts;
	uint32_t next;           /* first comment not printed yet */
	VEC(Brace) braces;       /* sorted by open offset */
	VEC(uint32_t) lines;     /* byte offset of each line start (line 1 first) */
} F;

#define NODE(i) NODE_AT(f->m, (i))
#define NL(l, i) LIST_AT(f->m, (l), (i))

static void expr(F *f, uint32_t n);
static void type(F *f, uint32_t n);
static void stmt(F *f, uint32_t n);
static void block(F *f, uint32_t n, bool inline_ok);
static void item(F *f, uint32_t n);

/* ------------------------------------------------------- the source text */

static int brace_cmp(const void *a, const void *b)
{
	uint32_t x = ((const Brace *)a)->open, y = ((const Brace *)b)->open;
	return x < y ? -1 : x > y;
}

/* Skips a `'` token the way the lexer reads it (label or char literal). */
static size_t skip_quote(const char *s, size_t i, size_t n)
{
	bool ident = i + 1 < n && (s[i + 1] == '_' || ((s[i + 1] | 0x20) >= 'a' && (s[i + 1] | 0x20) <= 'z'));
	if (ident && !(i + 2 < n && s[i + 2] == '\''))
		return i + 1;    /* a label: its letters are ordinary text */
	i++;
	if (i < n && s[i] == '\\')
		i += 2;
	else
		for (i++; i < n && ((unsigned char)s[i] & 0xC0) == 0x80; i++)
			;
	return i < n && s[i] == '\'' ? i + 1 : i;
}

/* One pass over the source: comments, brace pairs, line starts. */
static void scan(F *f)
{
	const char *s = f->src;
	size_t n = f->len;
	VEC(uint32_t) stack = { 0 };
	uint32_t line = 1;
	bool code = false;       /* non-blank text before this point on the line */
	vec_push(f->lines, 0);
	for (size_t i = 0; i < n;) {
		char c = s[i];
		if (c == '\n') {
			line++;
			code = false;
			vec_push(f->lines, (uint32_t)(i + 1));
			i++;
		} else if (c == '/' && i + 1 < n && s[i + 1] == '/') {
			size_t e = i;
			while (e < n && s[e] != '\n')
				e++;
			while (e > i && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r'))
				e--;
			Cmt cm = { line, (uint32_t)i, (uint32_t)(e - i), code };
			vec_push(f->cmts, cm);
			while (i < n && s[i] != '\n')
				i++;
		} else if (c == '"') {
			code = true;
			for (i++; i < n && s[i] != '"'; i++) {
				if (s[i] == '\\' && i + 1 < n)
					i++;
				if (s[i] == '\n') {
					line++;
					vec_push(f->lines, (uint32_t)(i + 1));
				}
			}
			i++;
		} else if (c == '\'') {
			code = true;
			i = skip_quote(s, i, n);
		} else {
			if (c == '{') {
				vec_push(stack, (uint32_t)i);
			} else if (c == '}' && stack.n) {
				Brace b = { stack.v[--stack.n], line };
				vec_push(f->braces, b);
			}
			if (c != ' ' && c != '\t' && c != '\r')
				code = true;
			i++;
		}
	}
	free(stack.v);
	if (f->braces.n)
		qsort(f->braces.v, f->braces.n, sizeof *f->braces.v, brace_cmp);
}

/* Line of the `}` matching the first `{` at or after off (0: unknown). */
static uint32_t close_line(F *f, uint32_t off)
{
	uint32_t lo = 0, hi = f->braces.n;
	while (lo < hi) {
		uint32_t mid = (lo + hi) / 2;
		if (f->braces.v[mid].open < off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < f->braces.n ? f->braces.v[lo].close_line : 0;
}

static bool line_blank(F *f, uint32_t line)
{
	if (!f->src || line < 1 || line > f->lines.n)
		return false;
	for (size_t i = f->lines.v[line - 1]; i < f->len && f->src[i] != '\n'; i++)
		if (f->src[i] != ' ' && f->src[i] != '\t' && f->src[i] != '\r')
			return false;
	return true;
}

/* ------------------------------------------------------------ output */

static void put(F *f, const char *s)
{
	buf_puts(f->out, s);
}

static void putstr(F *f, Str s)
{
	buf_add(f->out, str_get(s), str_len(s));
}

static void indent(F *f)
{
	for (int i = 0; i < f->ind; i++)
		put(f, "    ");
}

/* One blank line where the source had one before `line`. */
static void blank_before(F *f, uint32_t line)
{
	if (!f->fresh && line_blank(f, line - 1))
		put(f, "\n");
}

/* Comments that end before `line`, each on its own line. */
static void flush(F *f, uint32_t line)
{
	while (f->next < f->cmts.n && f->cmts.v[f->next].line < line) {
		Cmt *c = &f->cmts.v[f->next++];
		blank_before(f, c->line);
		indent(f);
		buf_add(f->out, f->src + c->off, c->len);
		put(f, "\n");
		f->fresh = false;
	}
}

/* Before a construct that starts a line of its own at source line `line`. */
static void lead(F *f, uint32_t line)
{
	if (!f->src) {
		f->fresh = false;
		return;
	}
	flush(f, line);
	blank_before(f, line);
	f->fresh = false;
}

/* After a construct printed from output offset `from` (ending in a newline):
 * a trailing comment of its first source line joins it if it is one line. */
static void trail(F *f, uint32_t line, size_t from)
{
	if (f->next >= f->cmts.n)
		return;
	Cmt *c = &f->cmts.v[f->next];
	if (!c->trailing || c->line != line)
		return;
	if (memchr(f->out->s + from, '\n', f->out->n - from) != f->out->s + f->out->n - 1)
		return;
	f->out->n--;
	put(f, "  ");
	buf_add(f->out, f->src + c->off, c->len);
	put(f, "\n");
	f->next++;
}

/* Ends the body of braces opened at or after source offset off: the
 * comments inside, one level of indentation, the `}`. */
static void close_brace(F *f, uint32_t off)
{
	if (f->src) {
		uint32_t l = close_line(f, off);
		if (l)
			flush(f, l);
	}
	f->ind--;
	indent(f);
	put(f, "}");
}

/* Whether a comment lies inside the braces opened at or after off. */
static bool comment_inside(F *f, uint32_t off)
{
	if (!f->src || f->next >= f->cmts.n)
		return false;
	uint32_t l = close_line(f, off);
	return f->cmts.v[f->next].line <= l && f->cmts.v[f->next].off > off;
}

/* ------------------------------------------------------------ literals */

static void put_strlit(F *f, Str s)
{
	const char *p = str_get(s);
	size_t n = str_len(s);
	put(f, "\"");
	for (size_t i = 0; i < n; i++) {
		switch (p[i]) {
		case '"': put(f, "\\\""); break;
		case '\\': put(f, "\\\\"); break;
		case '\n': put(f, "\\n"); break;
		case '\t': put(f, "\\t"); break;
		case '\r': put(f, "\\r"); break;
		case '\0': put(f, "\\0"); break;
		default: buf_putc(f->out, p[i]);
		}
	}
	put(f, "\"");
}

static void put_charlit(F *f, int64_t v)
{
	put(f, "'");
	switch (v) {
	case '\'': put(f, "\\'"); break;
	case '\\': put(f, "\\\\"); break;
	case '\n': put(f, "\\n"); break;
	case '\t': put(f, "\\t"); break;
	case '\r': put(f, "\\r"); break;
	case 0: put(f, "\\0"); break;
	default:
		if (v >= 0x80) {
			buf_putc(f->out, (char)(0xC0 | (v >> 6)));
			buf_putc(f->out, (char)(0x80 | (v & 0x3F)));
		} else {
			buf_putc(f->out, (char)v);
		}
	}
	put(f, "'");
}

/* ------------------------------------------------------------ lists */

static void names(F *f, List l, const char *sep)
{
	for (uint32_t i = 0; i < l.len; i++) {
		if (i)
			put(f, sep);
		putstr(f, NL(l, i));
	}
}

static void types(F *f, List l)
{
	for (uint32_t i = 0; i < l.len; i++) {
		if (i)
			put(f, ", ");
		type(f, NL(l, i));
	}
}

static void exprs(F *f, List l)
{
	for (uint32_t i = 0; i < l.len; i++) {
		if (i)
			put(f, ", ");
		expr(f, NL(l, i));
	}
}

/* `<A, B>`; turbofish adds `::` in front. */
static void targs(F *f, List l, bool fish)
{
	if (!l.len)
		return;
	put(f, fish ? "::<" : "<");
	types(f, l);
	put(f, ">");
}

static void with_caps(F *f, List caps)
{
	if (!caps.len)
		return;
	put(f, " with(");
	names(f, caps, ", ");
	put(f, ")");
}

static void bindings(F *f, List l)
{
	put(f, " {");
	if (l.len) {
		put(f, " ");
		names(f, l, ", ");
	}
	put(f, " }");
}

static void field_inits(F *f, List l)
{
	put(f, " {");
	for (uint32_t i = 0; i < l.len; i++) {
		Node *fi = NODE(NL(l, i));
		put(f, i ? ", " : " ");
		putstr(f, fi->FieldInit.name);
		Node *v = NODE(fi->FieldInit.value);
		if (v->kind == NK_Ident && v->Ident.name == fi->FieldInit.name)
			continue;
		put(f, ": ");
		expr(f, fi->FieldInit.value);
	}
	put(f, l.len ? " }" : "}");
}

/* ------------------------------------------------------------ types */

static void type(F *f, uint32_t n)
{
	Node *t = NODE(n);
	switch (t->kind) {
	case NK_TyName:
		putstr(f, t->TyName.name);
		targs(f, t->TyName.args, false);
		break;
	case NK_TyRef:
		put(f, t->TyRef.flags & FL_MUT ? "&mut " : "&");
		/* `& &T`: `&&` would lex as one token, which the parser also
		 * splits, but the space keeps the text plain */
		if (!(t->TyRef.flags & FL_MUT) && NODE(t->TyRef.elem)->kind == NK_TyRef)
			put(f, " ");
		type(f, t->TyRef.elem);
		break;
	case NK_TyPtr:
		put(f, t->TyPtr.flags & FL_CONST ? "*const " : "*mut ");
		type(f, t->TyPtr.elem);
		break;
	case NK_TyArray:
		put(f, "[");
		type(f, t->TyArray.elem);
		buf_printf(f->out, "; %lld]", (long long)t->TyArray.len);
		break;
	case NK_TyFn:
		put(f, "fn(");
		types(f, t->TyFn.params);
		put(f, ")");
		with_caps(f, t->TyFn.caps);
		if (t->TyFn.ret) {
			put(f, " -> ");
			type(f, t->TyFn.ret);
		}
		break;
	default:
		buf_printf(f->out, "/* %s */", node_kind_names[t->kind]);
	}
}

/* ------------------------------------------------------------ expressions */

static void call(F *f, Node *c)
{
	if (c->Call.qual) {
		putstr(f, c->Call.qual);
		if (c->Call.flags & FL_QUAL_TARGS)
			targs(f, c->Call.targs, true);
		put(f, "::");
	}
	putstr(f, c->Call.name);
	if (!(c->Call.flags & FL_QUAL_TARGS))
		targs(f, c->Call.targs, true);
	put(f, "(");
	exprs(f, c->Call.args);
	put(f, ")");
	if (c->Call.alloc) {
		put(f, " with(Alloc = ");
		expr(f, c->Call.alloc);
		put(f, ")");
	}
}

static void match(F *f, Node *mt)
{
	put(f, "match ");
	expr(f, mt->Match.scrut);
	put(f, " {\n");
	f->ind++;
	f->fresh = true;
	for (uint32_t i = 0; i < mt->Match.arms.len; i++) {
		Node *a = NODE(NL(mt->Match.arms, i));
		lead(f, a->span.line);
		size_t from = f->out->n;
		indent(f);
		expr(f, a->Arm.pat);
		put(f, " => ");
		Node *b = NODE(a->Arm.body);
		if (b->kind == NK_Block) {
			block(f, a->Arm.body, true);
			put(f, "\n");
		} else {
			if (b->kind == NK_Return) {
				put(f, b->Return.value ? "return " : "return");
				if (b->Return.value)
					expr(f, b->Return.value);
			} else {
				expr(f, a->Arm.body);
			}
			put(f, ",\n");
		}
		trail(f, a->span.line, from);
	}
	/* the arms' braces: the first `{` after the scrutinee */
	close_brace(f, NODE(mt->Match.scrut)->span.off);
}

static void expr(F *f, uint32_t n)
{
	Node *e = NODE(n);
	switch (e->kind) {
	case NK_IntLit:
		buf_printf(f->out, "%llu", (unsigned long long)e->IntLit.value);
		break;
	case NK_FloatLit:
		putstr(f, e->FloatLit.text);
		break;
	case NK_StrLit:
		put_strlit(f, e->StrLit.value);
		break;
	case NK_CharLit:
		put_charlit(f, e->CharLit.value);
		break;
	case NK_BoolLit:
		put(f, e->BoolLit.value ? "true" : "false");
		break;
	case NK_Ident:
		putstr(f, e->Ident.name);
		break;
	case NK_Path:
		if (e->Path.qual) {
			putstr(f, e->Path.qual);
			put(f, "::");
		}
		putstr(f, e->Path.name);
		targs(f, e->Path.targs, true);
		break;
	case NK_Call:
		call(f, e);
		break;
	case NK_MethodCall:
		expr(f, e->MethodCall.recv);
		put(f, ".");
		putstr(f, e->MethodCall.name);
		targs(f, e->MethodCall.targs, true);
		put(f, "(");
		exprs(f, e->MethodCall.args);
		put(f, ")");
		break;
	case NK_StructLit:
		putstr(f, e->StructLit.name);
		targs(f, e->StructLit.targs, true);
		field_inits(f, e->StructLit.inits);
		break;
	case NK_VariantLit:
		putstr(f, e->VariantLit.ename);
		targs(f, e->VariantLit.targs, true);
		put(f, "::");
		putstr(f, e->VariantLit.vname);
		if (e->VariantLit.flags & FL_BRACES)
			field_inits(f, e->VariantLit.inits);
		break;
	case NK_FieldGet:
		expr(f, e->FieldGet.base);
		put(f, ".");
		putstr(f, e->FieldGet.name);
		break;
	case NK_Index:
		expr(f, e->Index.base);
		put(f, "[");
		expr(f, e->Index.index);
		put(f, "]");
		break;
	case NK_Arrow:
		expr(f, e->Arrow.base);
		put(f, "->");
		putstr(f, e->Arrow.name);
		break;
	case NK_Try:
		expr(f, e->Try.expr);
		put(f, "?");
		break;
	case NK_Cast:
		expr(f, e->Cast.expr);
		put(f, " as ");
		type(f, e->Cast.type);
		break;
	case NK_Unary: {
		put(f, unop_spelling[e->Unary.op]);
		/* `- -x`, not `--x` */
		Node *x = NODE(e->Unary.expr);
		if (x->kind == NK_Unary && e->Unary.op == UOP_Neg && x->Unary.op == UOP_Neg)
			put(f, " ");
		expr(f, e->Unary.expr);
		break;
	}
	case NK_AddrOf:
		put(f, e->AddrOf.flags & FL_MUT ? "&mut " : "&");
		if (!(e->AddrOf.flags & FL_MUT) && NODE(e->AddrOf.expr)->kind == NK_AddrOf)
			put(f, " ");
		expr(f, e->AddrOf.expr);
		break;
	case NK_Deref:
		put(f, "*");
		expr(f, e->Deref.expr);
		break;
	case NK_Binary:
		expr(f, e->Binary.lhs);
		put(f, " ");
		put(f, binop_spelling[e->Binary.op]);
		put(f, " ");
		expr(f, e->Binary.rhs);
		break;
	case NK_Paren:
		put(f, "(");
		expr(f, e->Paren.expr);
		put(f, ")");
		break;
	case NK_ArrayLit:
		put(f, "[");
		exprs(f, e->ArrayLit.elems);
		put(f, "]");
		break;
	case NK_ArrayRepeat:
		put(f, "[");
		expr(f, e->ArrayRepeat.elem);
		buf_printf(f->out, "; %lld]", (long long)e->ArrayRepeat.count);
		break;
	case NK_IfExpr:
		put(f, "if ");
		expr(f, e->IfExpr.cond);
		put(f, " ");
		block(f, e->IfExpr.then, true);
		put(f, " else ");
		block(f, e->IfExpr.els, true);
		break;
	case NK_While:
	case NK_Match:
		stmt(f, n);
		break;
	/* patterns */
	case NK_PatInt:
		buf_printf(f->out, "%lld", (long long)e->PatInt.value);
		break;
	case NK_PatBool:
		put(f, e->PatBool.value ? "true" : "false");
		break;
	case NK_PatBind:
		putstr(f, e->PatBind.name);
		break;
	case NK_PatVariant:
		putstr(f, e->PatVariant.ename);
		targs(f, e->PatVariant.targs, true);
		put(f, "::");
		putstr(f, e->PatVariant.vname);
		if (e->PatVariant.flags & FL_BRACES)
			bindings(f, e->PatVariant.bindings);
		break;
	default:
		buf_printf(f->out, "/* %s */", node_kind_names[e->kind]);
	}
}

/* ------------------------------------------------------------ statements */

static void label(F *f, Str l)
{
	if (l) {
		putstr(f, l);
		put(f, ": ");
	}
}

/* `let` forms without the trailing `;` (also the init of a `for`). */
static void let(F *f, Node *s)
{
	switch (s->kind) {
	case NK_Let:
		put(f, s->Let.flags & FL_MUT ? "let mut " : "let ");
		putstr(f, s->Let.name);
		if (s->Let.type) {
			put(f, ": ");
			type(f, s->Let.type);
		}
		put(f, " = ");
		expr(f, s->Let.value);
		break;
	case NK_LetStruct:
		put(f, s->LetStruct.flags & FL_MUT ? "let mut " : "let ");
		putstr(f, s->LetStruct.tname);
		bindings(f, s->LetStruct.bindings);
		put(f, " = ");
		expr(f, s->LetStruct.value);
		break;
	default:
		put(f, s->LetVariant.flags & FL_MUT ? "let mut " : "let ");
		putstr(f, s->LetVariant.ename);
		put(f, "::");
		putstr(f, s->LetVariant.vname);
		bindings(f, s->LetVariant.bindings);
		put(f, " = ");
		expr(f, s->LetVariant.value);
		if (s->LetVariant.els) {
			put(f, " else ");
			block(f, s->LetVariant.els, false);
		}
	}
}

static void for_loop(F *f, Node *s)
{
	label(f, s->For.label);
	put(f, "for ");
	if (s->For.init) {
		put(f, "(");
		let(f, NODE(s->For.init));
		put(f, "; ");
		expr(f, s->For.cond);
		put(f, "; ");
		Node *st = NODE(s->For.step);
		if (st->kind == NK_Assign) {
			expr(f, st->Assign.target);
			put(f, " = ");
			expr(f, st->Assign.value);
		} else {
			expr(f, s->For.step);
		}
		put(f, ") ");
	} else if (s->For.cond) {
		put(f, "(");
		expr(f, s->For.cond);
		put(f, ") ");
	}
	block(f, s->For.body, false);
}

static void stmt(F *f, uint32_t n)
{
	Node *s = NODE(n);
	switch (s->kind) {
	case NK_Let:
	case NK_LetStruct:
	case NK_LetVariant:
		let(f, s);
		put(f, ";");
		break;
	case NK_Return:
		put(f, "return");
		if (s->Return.value) {
			put(f, " ");
			expr(f, s->Return.value);
		}
		put(f, ";");
		break;
	case NK_If:
		put(f, "if ");
		expr(f, s->If.cond);
		put(f, " ");
		block(f, s->If.then, false);
		if (s->If.els) {
			put(f, " else ");
			if (NODE(s->If.els)->kind == NK_If)
				stmt(f, s->If.els);
			else
				block(f, s->If.els, false);
		}
		break;
	case NK_While:
		label(f, s->While.label);
		put(f, "while ");
		expr(f, s->While.cond);
		put(f, " ");
		block(f, s->While.body, false);
		if (s->While.flags & FL_EXPR) {
			put(f, " else ");
			block(f, s->While.els, false);
		}
		break;
	case NK_For:
		for_loop(f, s);
		break;
	case NK_Match:
		match(f, s);
		break;
	case NK_Break:
		put(f, "break");
		if (s->Break.label) {
			put(f, " ");
			putstr(f, s->Break.label);
		} else if (s->Break.value) {
			put(f, " ");
			expr(f, s->Break.value);
		}
		put(f, ";");
		break;
	case NK_Continue:
		put(f, "continue");
		if (s->Continue.label) {
			put(f, " ");
			putstr(f, s->Continue.label);
		}
		put(f, ";");
		break;
	case NK_Defer:
		put(f, "defer ");
		expr(f, s->Defer.call);
		put(f, ";");
		break;
	case NK_Borrow:
		put(f, s->Borrow.flags & FL_MUT ? "borrow mut " : "borrow ");
		putstr(f, s->Borrow.owner);
		put(f, " as ");
		putstr(f, s->Borrow.ref);
		put(f, " in ");
		putstr(f, s->Borrow.region);
		put(f, " ");
		block(f, s->Borrow.body, false);
		break;
	case NK_Assign:
		expr(f, s->Assign.target);
		put(f, " = ");
		expr(f, s->Assign.value);
		put(f, ";");
		break;
	case NK_ExprStmt:
		expr(f, s->ExprStmt.expr);
		if (s->ExprStmt.flags & FL_SEMI)
			put(f, ";");
		break;
	default:
		expr(f, n);
	}
}

/* An expression block holding one value that fits on a line: `{ e }`. */
static bool block_inline(F *f, Node *b)
{
	if (b->Block.stmts.len != 1 || comment_inside(f, b->span.off))
		return false;
	Node *s = NODE(NL(b->Block.stmts, 0));
	if (s->kind != NK_ExprStmt || (s->ExprStmt.flags & FL_SEMI))
		return false;
	Buf *saved = f->out, tmp = { 0 };
	f->out = &tmp;
	expr(f, s->ExprStmt.expr);
	f->out = saved;
	bool ok = tmp.n <= 60 && !memchr(tmp.s, '\n', tmp.n);
	if (ok) {
		put(f, "{ ");
		buf_add(f->out, tmp.s, tmp.n);
		put(f, " }");
	}
	free(tmp.s);
	return ok;
}

static void block(F *f, uint32_t n, bool inline_ok)
{
	Node *b = NODE(n);
	if (inline_ok && block_inline(f, b))
		return;
	if (!b->Block.stmts.len && !comment_inside(f, b->span.off)) {
		put(f, "{ }");
		return;
	}
	put(f, "{\n");
	f->ind++;
	f->fresh = true;
	for (uint32_t i = 0; i < b->Block.stmts.len; i++) {
		uint32_t s = NL(b->Block.stmts, i);
		uint32_t line = NODE(s)->span.line;
		lead(f, line);
		size_t from = f->out->n;
		indent(f);
		stmt(f, s);
		put(f, "\n");
		trail(f, line, from);
	}
	close_brace(f, b->span.off);
}

/* ------------------------------------------------------------ items */

static void attrs(F *f, List l)
{
	for (uint32_t i = 0; i < l.len; i++) {
		Node *a = NODE(NL(l, i));
		indent(f);
		put(f, "#[");
		putstr(f, a->Attr.key);
		if (a->Attr.args.len) {
			put(f, "(");
			for (uint32_t j = 0; j < a->Attr.args.len; j++) {
				Node *o = NODE(NL(a->Attr.args, j));
				if (j)
					put(f, ", ");
				putstr(f, o->Attr.key);
				if (strcmp(str_get(o->Attr.key), "align") == 0)
					buf_printf(f->out, "(%lld)", (long long)o->Attr.num);
			}
			put(f, ")");
		} else if (a->Attr.arg) {
			/* `#[k(name)]` and `#[k = "s"]` give the same node: the
			 * source says which was written */
			const char *p = f->src ? f->src + a->span.off : NULL;
			const char *q = p ? memchr(p, ']', f->len - a->span.off) : NULL;
			if (q && memchr(p, '(', (size_t)(q - p)) && !memchr(p, '=', (size_t)(q - p))) {
				put(f, "(");
				putstr(f, a->Attr.arg);
				put(f, ")");
			} else {
				put(f, " = ");
				put_strlit(f, a->Attr.arg);
			}
		}
		put(f, "]\n");
	}
}

static void generics(F *f, List l)
{
	if (!l.len)
		return;
	put(f, "<");
	for (uint32_t i = 0; i < l.len; i++) {
		Node *g = NODE(NL(l, i));
		if (i)
			put(f, ", ");
		if (g->GenericParam.flags & FL_CAP)
			put(f, "cap ");
		putstr(f, g->GenericParam.name);
		if (g->GenericParam.bounds.len) {
			put(f, ": ");
			names(f, g->GenericParam.bounds, " + ");
		}
	}
	put(f, ">");
}

static void params(F *f, List l)
{
	put(f, "(");
	for (uint32_t i = 0; i < l.len; i++) {
		Node *p = NODE(NL(l, i));
		if (i)
			put(f, ", ");
		if (p->Param.flags & FL_SELF_REF)
			put(f, "&");
		else if (p->Param.flags & FL_SELF_MUT)
			put(f, "&mut ");
		putstr(f, p->Param.name);
		if (p->Param.type) {
			put(f, ": ");
			type(f, p->Param.type);
		}
	}
	put(f, ")");
}

static void fn(F *f, Node *d)
{
	int64_t fl = d->FnDecl.flags;
	/* `fn f<T>() with(C);` is the one declaration form with generics or
	 * capabilities; every other body-less extern prints as `extern fn` */
	bool ext = (fl & FL_EXTERN) && !d->FnDecl.body &&
		!d->FnDecl.generics.len && !d->FnDecl.caps.len;
	if (fl & FL_PUB)
		put(f, "pub ");
	if (fl & FL_TRUSTED)
		put(f, "trusted ");
	if (ext)
		put(f, "extern ");
	put(f, "fn ");
	putstr(f, d->FnDecl.name);
	generics(f, d->FnDecl.generics);
	params(f, d->FnDecl.params);
	with_caps(f, d->FnDecl.caps);
	if (d->FnDecl.ret) {
		put(f, " -> ");
		type(f, d->FnDecl.ret);
	}
	if (d->FnDecl.body) {
		put(f, " ");
		block(f, d->FnDecl.body, false);
	} else {
		put(f, ";");
	}
}

static void fields(F *f, List l, uint32_t open)
{
	if (!l.len && !comment_inside(f, open)) {
		put(f, "{ }");
		return;
	}
	put(f, "{\n");
	f->ind++;
	f->fresh = true;
	for (uint32_t i = 0; i < l.len; i++) {
		Node *fd = NODE(NL(l, i));
		lead(f, fd->span.line);
		size_t from = f->out->n;
		indent(f);
		putstr(f, fd->FieldDecl.name);
		put(f, ": ");
		type(f, fd->FieldDecl.type);
		put(f, ",\n");
		trail(f, fd->span.line, from);
	}
	close_brace(f, open);
}

/* Inline `{ a: T, b: U }` of a variant. */
static void fields_inline(F *f, List l)
{
	put(f, " {");
	for (uint32_t i = 0; i < l.len; i++) {
		Node *fd = NODE(NL(l, i));
		put(f, i ? ", " : " ");
		putstr(f, fd->FieldDecl.name);
		put(f, ": ");
		type(f, fd->FieldDecl.type);
	}
	put(f, l.len ? " }" : "}");
}

static void enum_decl(F *f, Node *d)
{
	put(f, d->EnumDecl.flags & FL_COPY ? "enum Copy " : "enum ");
	putstr(f, d->EnumDecl.name);
	generics(f, d->EnumDecl.generics);
	put(f, " {\n");
	f->ind++;
	f->fresh = true;
	for (uint32_t i = 0; i < d->EnumDecl.variants.len; i++) {
		Node *v = NODE(NL(d->EnumDecl.variants, i));
		lead(f, v->span.line);
		size_t from = f->out->n;
		indent(f);
		putstr(f, v->Variant.name);
		if (v->Variant.fields.len) {
			fields_inline(f, v->Variant.fields);
		} else if (v->Variant.value) {
			put(f, " = ");
			expr(f, v->Variant.value);
		}
		put(f, ",\n");
		trail(f, v->span.line, from);
	}
	close_brace(f, d->span.off);
}

/* Methods of an impl or trait, then the closing brace. */
static void methods(F *f, List l, uint32_t open)
{
	put(f, " {\n");
	f->ind++;
	f->fresh = true;
	for (uint32_t i = 0; i < l.len; i++) {
		Node *m = NODE(NL(l, i));
		if (!f->src && i)
			put(f, "\n");
		lead(f, m->span.line);
		size_t from = f->out->n;
		indent(f);
		fn(f, m);
		put(f, "\n");
		trail(f, m->span.line, from);
	}
	close_brace(f, open);
}

static void items(F *f, List l);

static void module(F *f, Node *m)
{
	if (m->Module.flags & FL_PUB)
		put(f, "pub ");
	put(f, "mod ");
	putstr(f, m->Module.name);
	if (m->Module.flags & FL_STUB) {
		put(f, ";");
		return;
	}
	put(f, " {\n");
	f->ind++;
	f->fresh = true;
	items(f, m->Module.items);
	close_brace(f, m->span.off);
}

static int64_t item_flags(Node *d)
{
	switch (d->kind) {
	case NK_StructDecl: return d->StructDecl.flags;
	case NK_EnumDecl: return d->EnumDecl.flags;
	case NK_NewtypeDecl: return d->NewtypeDecl.flags;
	case NK_TypeAlias: return d->TypeAlias.flags;
	case NK_ConstDecl: return d->ConstDecl.flags;
	case NK_CapAlias: return d->CapAlias.flags;
	case NK_TraitDecl: return d->TraitDecl.flags;
	case NK_ImplDecl: return d->ImplDecl.flags;
	default: return 0;
	}
}

static void item(F *f, uint32_t n)
{
	Node *d = NODE(n);
	int64_t fl = item_flags(d);
	if (fl & FL_PUB)
		put(f, "pub ");
	switch (d->kind) {
	case NK_FnDecl:
		fn(f, d);
		break;
	case NK_Module:
		module(f, d);
		break;
	case NK_Import:
		put(f, "import ");
		names(f, d->Import.path, ".");
		put(f, ".{");
		for (uint32_t i = 0; i < d->Import.items.len; i++) {
			Node *it = NODE(NL(d->Import.items, i));
			if (i)
				put(f, ", ");
			putstr(f, it->ImportItem.name);
			if (it->ImportItem.alias) {
				put(f, " as ");
				putstr(f, it->ImportItem.alias);
			}
		}
		put(f, "};");
		break;
	case NK_StructDecl:
		if (fl & FL_UNION)
			put(f, "union ");
		else
			put(f, fl & FL_COPY ? "struct Copy " : "struct ");
		putstr(f, d->StructDecl.name);
		generics(f, d->StructDecl.generics);
		put(f, " ");
		fields(f, d->StructDecl.fields, d->span.off);
		break;
	case NK_EnumDecl:
		enum_decl(f, d);
		break;
	case NK_NewtypeDecl:
		put(f, "newtype ");
		putstr(f, d->NewtypeDecl.name);
		generics(f, d->NewtypeDecl.generics);
		put(f, " = ");
		type(f, d->NewtypeDecl.type);
		put(f, ";");
		break;
	case NK_TypeAlias:
		put(f, "type ");
		putstr(f, d->TypeAlias.name);
		put(f, " = ");
		type(f, d->TypeAlias.type);
		put(f, ";");
		break;
	case NK_ConstDecl:
		put(f, "const ");
		putstr(f, d->ConstDecl.name);
		put(f, ": ");
		type(f, d->ConstDecl.type);
		put(f, " = ");
		expr(f, d->ConstDecl.value);
		put(f, ";");
		break;
	case NK_CapAlias:
		put(f, "cap ");
		putstr(f, d->CapAlias.name);
		put(f, " = ");
		names(f, d->CapAlias.caps, " + ");
		put(f, ";");
		break;
	case NK_TraitDecl:
		put(f, "trait ");
		putstr(f, d->TraitDecl.name);
		generics(f, d->TraitDecl.generics);
		methods(f, d->TraitDecl.methods, d->span.off);
		break;
	case NK_ImplDecl:
		if (fl & FL_TRUSTED)
			put(f, "trusted ");
		put(f, "impl");
		generics(f, d->ImplDecl.generics);
		put(f, " ");
		if (d->ImplDecl.trait) {
			putstr(f, d->ImplDecl.trait);
			targs(f, d->ImplDecl.targs, false);
			put(f, " for ");
			putstr(f, d->ImplDecl.target);
			with_caps(f, d->ImplDecl.caps);
		} else {
			putstr(f, d->ImplDecl.target);
			targs(f, d->ImplDecl.targs, false);
		}
		methods(f, d->ImplDecl.methods, d->span.off);
		break;
	default:
		buf_printf(f->out, "/* %s */", node_kind_names[d->kind]);
	}
}

static List item_attrs(Node *d)
{
	switch (d->kind) {
	case NK_FnDecl: return d->FnDecl.attrs;
	case NK_StructDecl: return d->StructDecl.attrs;
	case NK_EnumDecl: return d->EnumDecl.attrs;
	case NK_NewtypeDecl: return d->NewtypeDecl.attrs;
	case NK_TypeAlias: return d->TypeAlias.attrs;
	case NK_ConstDecl: return d->ConstDecl.attrs;
	case NK_TraitDecl: return d->TraitDecl.attrs;
	case NK_ImplDecl: return d->ImplDecl.attrs;
	default: return (List){ 0, 0 };
	}
}

static void items(F *f, List l)
{
	for (uint32_t i = 0; i < l.len; i++) {
		Node *d = NODE(NL(l, i));
		List at = item_attrs(d);
		uint32_t line = at.len ? NODE(NL(at, 0))->span.line : d->span.line;
		/* without the source: a blank line between items but imports */
		if (!f->src && i && !(d->kind == NK_Import && NODE(NL(l, i - 1))->kind == NK_Import))
			put(f, "\n");
		lead(f, line);
		attrs(f, at);
		size_t from = f->out->n;
		indent(f);
		item(f, NL(l, i));
		put(f, "\n");
		trail(f, d->span.line, from);
	}
}

/* Whether a top-level module was written `mod X { }` / `mod X;` rather than
 * being the implicit `main` of the items outside any module. */
static bool explicit_module(F *f, Node *m)
{
	if (m->Module.flags & FL_STUB)
		return true;
	if (!f->src || m->span.off + 3 > f->len || strncmp(f->src + m->span.off, "mod", 3) != 0)
		return false;
	size_t i = m->span.off + 3;
	while (i < f->len && strchr(" \t\r\n", f->src[i]))
		i++;
	while (i < f->len && (f->src[i] == '_' || (unsigned char)f->src[i] >= 0x80 ||
	       ((f->src[i] | 0x20) >= 'a' && (f->src[i] | 0x20) <= 'z') || (f->src[i] >= '0' && f->src[i] <= '9')))
		i++;
	while (i < f->len && strchr(" \t\r\n", f->src[i]))
		i++;
	return i < f->len && f->src[i] == '{';
}

void fmt_module(Module *m, const FmtOptions *o, Buf *out)
{
	F f = { .m = m, .src = o->core ? NULL : o->src, .len = o->len, .out = out, .fresh = true };
	if (f.src)
		scan(&f);
	buf_reserve(out, 0);
	Node *file = m->root ? NODE_AT(m, m->root) : NULL;
	if (file && file->kind == NK_File) {
		List mods = file->File.modules;
		for (uint32_t i = 0; i < mods.len; i++) {
			Node *md = NODE_AT(m, LIST_AT(m, mods, i));
			if (i && !f.src)
				put(&f, "\n");
			if (o->core) {
				put(&f, "// module ");
				putstr(&f, md->Module.name);
				put(&f, "\n");
				items(&f, md->Module.items);
			} else if (explicit_module(&f, md)) {
				lead(&f, md->span.line);
				size_t from = out->n;
				module(&f, md);
				put(&f, "\n");
				trail(&f, md->span.line, from);
			} else {
				items(&f, md->Module.items);
			}
		}
	}
	if (f.src)
		flush(&f, UINT32_MAX);
	free(f.cmts.v);
	free(f.braces.v);
	free(f.lines.v);
}
