/* lex.c: the Concrete lexer (LANGUAGE.md section 1), one pass over the whole
 * buffer into a token array. */
#include <string.h>
#include "parse.h"

const char *const tok_spelling[T_COUNT] = {
#define TOK(N, s) s,
#define KW(w) #w,
#define PUNCT(N, s) s,
#include "tokens.def"
#undef TOK
#undef KW
#undef PUNCT
};

/* Keyword lookup: open addressing on (length, first, last char); verified
 * with memcmp.  Built on first use. */
#define KWTAB 128
static uint8_t kwtab[KWTAB];

static unsigned kw_hash(const char *s, size_t n)
{
	return ((unsigned)s[0] * 31u + (unsigned)s[n - 1] * 7u + (unsigned)n) & (KWTAB - 1);
}

static void kw_init(void)
{
	static const uint8_t kws[] = {
#define KW(w) T_KW_##w,
#include "tokens.def"
#undef KW
	};
	for (size_t i = 0; i < sizeof kws; i++) {
		const char *w = tok_spelling[kws[i]];
		unsigned h = kw_hash(w, strlen(w));
		while (kwtab[h])
			h = (h + 1) & (KWTAB - 1);
		kwtab[h] = kws[i];
	}
}

static TokKind kw_lookup(const char *s, size_t n)
{
	if (n < 2 || n > 8)
		return T_IDENT;
	for (unsigned h = kw_hash(s, n); kwtab[h]; h = (h + 1) & (KWTAB - 1)) {
		const char *w = tok_spelling[kwtab[h]];
		if (strlen(w) == n && memcmp(w, s, n) == 0)
			return kwtab[h];
	}
	return T_IDENT;
}

static bool is_ident_start(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
static bool is_digit(int c) { return c >= '0' && c <= '9'; }
static bool is_ident_cont(int c) { return is_ident_start(c) || is_digit(c); }

static int digit_value(int c)
{
	if (c >= '0' && c <= '9') return c - '0';
	if (c >= 'a' && c <= 'f') return c - 'a' + 10;
	if (c >= 'A' && c <= 'F') return c - 'A' + 10;
	return 99;
}

typedef struct Lexer {
	const char *path;
	const unsigned char *s;
	size_t n, i;
	uint32_t line, linestart, cont;   /* cont: UTF-8 continuation bytes on this line */
	Diags *d;
	bool pending;   /* an error was reported since the last token */
	uint32_t errors;
} Lexer;

/* Garbage input must not print thousands of lines (the parser shares it). */
#define LEX_MAX_ERRORS 50

static uint32_t col_at(Lexer *L, size_t off)
{
	return (uint32_t)(off - L->linestart - L->cont + 1);
}

static void lex_error(Lexer *L, size_t off, const char *fmt, const char *arg)
{
	Span sp = { 0, L->line, col_at(L, off), (uint32_t)off };
	L->pending = true;
	if (++L->errors > LEX_MAX_ERRORS)
		return;
	diag_add(L->d, SEV_ERROR, "parse", "E0001", L->path, sp, fmt, arg);
}

/* Step over one byte inside a literal or comment, keeping line/column right. */
static void lit_step(Lexer *L)
{
	unsigned char c = L->s[L->i++];
	if (c == '\n') {
		L->line++;
		L->linestart = (uint32_t)L->i;
		L->cont = 0;
	} else if ((c & 0xC0) == 0x80) {
		L->cont++;
	}
}

/* Decode one UTF-8 character at i (without advancing); returns its code
 * point and byte length, or -1 for malformed bytes (length 1). */
static int32_t utf8_at(const unsigned char *s, size_t n, size_t i, int *len)
{
	unsigned char c = s[i];
	int k = c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
	*len = 1;
	if (k == 0 || i + k > n)
		return -1;
	int32_t cp = k == 1 ? c : c & (0x7F >> k);
	for (int j = 1; j < k; j++) {
		if ((s[i + j] & 0xC0) != 0x80)
			return -1;
		cp = cp << 6 | (s[i + j] & 0x3F);
	}
	*len = k;
	return cp;
}

static void lex_number(Lexer *L, Token *t)
{
	size_t i = L->i;
	const unsigned char *s = L->s;
	int base = 10;
	if (s[i] == '0' && i + 1 < L->n) {
		int p = s[i + 1] | 0x20;
		base = p == 'x' ? 16 : p == 'b' ? 2 : p == 'o' ? 8 : 10;
		if (base != 10)
			i += 2;
	}
	size_t digits = i;
	uint64_t v = 0;
	bool over = false;
	while (i < L->n && digit_value(s[i]) < base) {
		uint64_t dv = (uint64_t)digit_value(s[i]);
		if (v > (UINT64_MAX - dv) / (uint64_t)base)
			over = true;
		v = v * (uint64_t)base + dv;
		i++;
	}
	t->kind = T_INT;
	if (i == digits) {
		lex_error(L, L->i, "integer literal '%s' has no digits", base == 16 ? "0x" : base == 2 ? "0b" : "0o");
	} else if (base == 10 && i + 1 < L->n && s[i] == '.' && is_digit(s[i + 1])) {
		i++;
		while (i < L->n && is_digit(s[i]))
			i++;
		t->kind = T_FLOAT;
		over = false;
	}
	if (over)
		lex_error(L, L->i, "integer literal %s does not fit in 64 bits",
			arena_printf("%.*s", (int)(i - L->i), (const char *)s + L->i));
	L->i = i;
}

/* Returns false when the string runs to end of file. */
static bool lex_string(Lexer *L, Token *t)
{
	size_t start = L->i;
	uint32_t line = L->line, col = t->col;
	L->i++;
	while (L->i < L->n && L->s[L->i] != '"') {
		if (L->s[L->i] == '\\' && L->i + 1 < L->n)
			lit_step(L);
		lit_step(L);
	}
	t->kind = T_STRING;
	if (L->i >= L->n) {
		Span sp = { 0, line, col, (uint32_t)start };
		if (++L->errors <= LEX_MAX_ERRORS)
			diag_add(L->d, SEV_ERROR, "parse", "E0001", L->path, sp, "unterminated string literal");
		return false;
	}
	L->i++;
	return true;
}

static bool char_escape_ok(int c)
{
	return c == 'n' || c == 't' || c == 'r' || c == '\\' || c == '\'' || c == '0';
}

/* At `'`: label or character literal (the apostrophe rule, 1.10). */
static void lex_quote(Lexer *L, Token *t)
{
	const unsigned char *s = L->s;
	size_t i = L->i, n = L->n;
	if (i + 1 < n && is_ident_start(s[i + 1]) && !(i + 2 < n && s[i + 2] == '\'')) {
		i += 2;
		while (i < n && is_ident_cont(s[i]))
			i++;
		t->kind = T_LABEL;
		L->i = i;
		return;
	}
	t->kind = T_CHAR;
	i++;
	if (i >= n) {
		lex_error(L, L->i, "unterminated character literal%s", "");
		L->i = i;
		return;
	}
	int len = 1;
	if (s[i] == '\\') {
		if (i + 1 >= n || !char_escape_ok(s[i + 1])) {
			const char *what = i + 1 < n && s[i + 1] >= 0x20 && s[i + 1] < 0x7F
				? arena_printf("\\%c", s[i + 1]) : "\\";
			lex_error(L, L->i, "invalid escape '%s' in character literal", what);
		}
		len = i + 1 < n ? 2 : 1;
	} else if (s[i] == '\n') {
		lex_error(L, L->i, "malformed character literal%s", "");
		L->i = i;
		return;
	} else if (s[i] >= 0x80) {
		int32_t cp = utf8_at(s, n, i, &len);
		if (cp < 0 || cp > 255)
			lex_error(L, L->i, "character literal out of range (code points 0-255 only)%s", "");
		L->cont += len - 1;
	}
	i += len;
	if (i >= n || s[i] != '\'') {
		lex_error(L, L->i, "unterminated character literal%s", "");
		L->i = i;
		return;
	}
	L->i = i + 1;
}

/* Two-character punctuation, longest match first. */
static TokKind lex_punct(const unsigned char *s, size_t i, size_t n, int *len)
{
	int c = s[i], c2 = i + 1 < n ? s[i + 1] : 0;
	*len = 2;
	switch (c) {
	case ':': if (c2 == ':') return T_COLON2; *len = 1; return T_COLON;
	case '-': if (c2 == '>') return T_ARROW; *len = 1; return T_MINUS;
	case '=': if (c2 == '>') return T_FATARROW; if (c2 == '=') return T_EQ2; *len = 1; return T_ASSIGN;
	case '!': if (c2 == '=') return T_NE; *len = 1; return T_BANG;
	case '<': if (c2 == '=') return T_LE; if (c2 == '<') return T_SHL; *len = 1; return T_LT;
	case '>': if (c2 == '=') return T_GE; if (c2 == '>') return T_SHR; *len = 1; return T_GT;
	case '&': if (c2 == '&') return T_AND2; *len = 1; return T_AMP;
	case '|': if (c2 == '|') return T_OR2; *len = 1; return T_PIPE;
	}
	*len = 1;
	switch (c) {
	case '+': return T_PLUS;
	case '*': return T_STAR;
	case '/': return T_SLASH;
	case '%': return T_PERCENT;
	case '^': return T_CARET;
	case '~': return T_TILDE;
	case '?': return T_QUESTION;
	case ';': return T_SEMI;
	case ',': return T_COMMA;
	case '.': return T_DOT;
	case '#': return T_HASH;
	case '(': return T_LPAREN;
	case ')': return T_RPAREN;
	case '{': return T_LBRACE;
	case '}': return T_RBRACE;
	case '[': return T_LBRACKET;
	case ']': return T_RBRACKET;
	}
	*len = 0;
	return T_EOF;
}

/* Report a run of characters that cannot start a token once, then skip it. */
static void lex_bad_chars(Lexer *L)
{
	size_t start = L->i;
	int c = L->s[L->i];
	const char *what = c >= 0x20 && c < 0x7F ? arena_printf("'%c'", c)
		: c >= 0x80 ? "(non-ASCII)" : arena_printf("(byte 0x%02x)", c);
	lex_error(L, start, "unexpected character %s", what);
	int len;
	while (L->i < L->n) {
		c = L->s[L->i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '"' || c == '\'' || is_ident_cont(c))
			break;
		if (c < 0x80 && lex_punct(L->s, L->i, L->n, &len) != T_EOF)
			break;
		lit_step(L);
	}
}

void lex_source(const char *path, const char *text, size_t len, Tokens *out, Diags *d)
{
	static bool kw_ready;
	if (!kw_ready) {
		kw_init();
		kw_ready = true;
	}
	Lexer L = { path, (const unsigned char *)text, len, 0, 1, 0, 0, d, false, 0 };
	bool open_string = false;
	const unsigned char *s = L.s;
	vec_grow(*out, out->n + (uint32_t)(len / 4) + 16);
	for (;;) {
		while (L.i < len) {
			int c = s[L.i];
			if (c == ' ' || c == '\t' || c == '\r') {
				L.i++;
			} else if (c == '\n') {
				L.i++;
				L.line++;
				L.linestart = (uint32_t)L.i;
				L.cont = 0;
			} else if (c == '/' && L.i + 1 < len && s[L.i + 1] == '/') {
				while (L.i < len && s[L.i] != '\n')
					lit_step(&L);
			} else {
				break;
			}
		}
		Token t = { T_EOF, 0, (uint32_t)L.i, 0, L.line, col_at(&L, L.i) };
		if (L.i >= len) {
			t.after_error = open_string || L.pending;
			vec_push(*out, t);
			return;
		}
		int c = s[L.i];
		int plen;
		if (is_ident_start(c)) {
			size_t i = L.i + 1;
			while (i < len && is_ident_cont(s[i]))
				i++;
			t.kind = kw_lookup(text + L.i, i - L.i);
			L.i = i;
		} else if (is_digit(c)) {
			lex_number(&L, &t);
		} else if (c == '"') {
			open_string = !lex_string(&L, &t);
		} else if (c == '\'') {
			lex_quote(&L, &t);
		} else if (c < 0x80 && (t.kind = lex_punct(s, L.i, len, &plen)) != T_EOF) {
			L.i += plen;
		} else {
			lex_bad_chars(&L);
			continue;
		}
		t.len = (uint32_t)(L.i - t.off);
		t.after_error = L.pending;
		L.pending = false;
		vec_push(*out, t);
	}
}

uint64_t lex_int_value(const char *text, const Token *t)
{
	const char *s = text + t->off;
	uint32_t i = 0;
	uint64_t base = 10, v = 0;
	int p = t->len > 2 && s[0] == '0' ? s[1] | 0x20 : 0;
	if (p == 'x' || p == 'b' || p == 'o') {
		base = p == 'x' ? 16 : p == 'b' ? 2 : 8;
		i = 2;
	}
	for (; i < t->len; i++)
		v = v * base + (uint64_t)digit_value(s[i]);
	return v;
}

void lex_string_value(const char *text, const Token *t, Buf *b)
{
	const char *s = text + t->off + 1;
	size_t n = t->len >= 2 && text[t->off + t->len - 1] == '"' ? t->len - 2 : t->len - 1;
	b->n = 0;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (c == '\\' && i + 1 < n) {
			c = s[++i];
			c = c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == '0' ? '\0' : c;
		}
		buf_putc(b, c);
	}
}

int lex_char_value(const char *text, const Token *t)
{
	const unsigned char *s = (const unsigned char *)text + t->off + 1;
	if (t->len < 3)
		return 0;
	if (s[0] == '\\') {
		int c = s[1];
		return c == 'n' ? '\n' : c == 't' ? '\t' : c == 'r' ? '\r' : c == '0' ? 0 : c;
	}
	int len;
	int32_t cp = utf8_at(s, t->len - 1, 0, &len);
	return cp < 0 || cp > 255 ? 0 : cp;
}
