/* parse.h: private interface of con-parse (lexer, parser, --deps). */
#ifndef CON_PARSE_H
#define CON_PARSE_H

#include "ir.h"

typedef enum TokKind {
#define TOK(N, s) T_##N,
#define KW(w) T_KW_##w,
#define PUNCT(N, s) T_##N,
#include "tokens.def"
#undef TOK
#undef KW
#undef PUNCT
	T_COUNT
} TokKind;

extern const char *const tok_spelling[T_COUNT];

/* Tokens point into the source buffer; literal values are decoded by the
 * parser on demand, so lexing never allocates per token. */
typedef struct Token {
	uint16_t kind;
	uint16_t after_error;   /* the lexer reported an error just before: the
	                         * parser keeps quiet here to avoid a cascade */
	uint32_t off, len, line, col;
} Token;

typedef VEC(Token) Tokens;

/* Lex the whole buffer; the array always ends with one T_EOF token.
 * Errors go to d (pass parse) with path for rendering. */
void lex_source(const char *path, const char *text, size_t len, Tokens *out, Diags *d);

/* Decoded value of an INT token (checked by the lexer to fit 64 bits). */
uint64_t lex_int_value(const char *text, const Token *t);
/* Decoded contents of a STRING token (escapes resolved) into b. */
void lex_string_value(const char *text, const Token *t, Buf *b);
/* Code of a CHAR token (0-255). */
int lex_char_value(const char *text, const Token *t);

/* --deps: write make rules for the `mod X;` files reachable from path.
 * Returns the exit status (0, or 1 after adding diagnostics to d). */
/* With cache (--pipeline DIR) also the module variables pipeline.mk uses. */
int deps_write(const char *path, const char *target, const char *cache, FILE *out, Diags *d);

#endif
