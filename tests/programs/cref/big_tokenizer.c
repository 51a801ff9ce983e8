#include "rt.h"
#include <string.h>
enum { Num, Ident, Op, LParen, RParen, Str, Bad };
typedef struct { int kind; int64_t start, len, value; int32_t line; } Token;
static const char *S; static int64_t N;
static int64_t at(int64_t i) { return (i < 0 || i >= N) ? -1 : (unsigned char)S[i]; }
static bool is_digit(int64_t c) { return c >= 48 && c <= 57; }
static bool is_alpha(int64_t c) { return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95; }
static bool is_space(int64_t c) { return c == 32 || c == 9 || c == 13; }
static int64_t hex_val(int64_t c) { if (is_digit(c)) return c - 48; if (c >= 97 && c <= 102) return c - 87; if (c >= 65 && c <= 70) return c - 55; return -1; }
static bool is_op_char(int64_t c) { switch (c) { case 43: case 45: case 42: case 47: case 61: case 60: case 62: case 33: case 59: return true; } return false; }
static Token toks[100]; static int64_t ntok;
static int64_t tokenize(void) {
    int64_t n = N, i = 0, errors = 0; int32_t line = 1;
    while (i < n) {
        int64_t c = at(i);
        if (c == 10) { line++; i++; continue; }
        if (is_space(c)) { i++; continue; }
        if (c == 35) { while (i < n && at(i) != 10) i++; continue; }
        int64_t start = i; int kind = Bad; int64_t value = 0;
        if (is_digit(c)) {
            kind = Num;
            if (c == 48 && at(i + 1) == 120) { i += 2; while (hex_val(at(i)) >= 0) { value = value * 16 + hex_val(at(i)); i++; } }
            else { while (is_digit(at(i))) { value = value * 10 + at(i) - 48; i++; } }
        } else if (is_alpha(c)) {
            kind = Ident;
            while (is_alpha(at(i)) || is_digit(at(i))) { value = value * 31 + at(i); i++; }
        } else if (c == 40) { kind = LParen; i++; }
        else if (c == 41) { kind = RParen; i++; }
        else if (c == 34) {
            kind = Str; i++;
            while (i < n) { int64_t d = at(i); if (d == 92) { i += 2; value++; continue; } i++; if (d == 34) break; value++; }
        } else if (is_op_char(c)) {
            kind = Op; value = c; i++;
            int64_t d = at(i);
            if (d == 61 || (c == 45 && d == 62)) { value = c * 256 + d; i++; }
        } else { errors++; value = c; i++; }
        toks[ntok++] = (Token){kind, start, i - start, value, line};
    }
    return errors;
}
static const char *tags[] = {"NUM  ", "IDENT", "OP   ", "LPAR ", "RPAR ", "STR  ", "BAD  "};
int main(void) {
    S = "let x1 = 0x1F + 42;\n# a comment (ignored)\nif (x1 >= 10) -> \"hi\\\"there\"\nfoo_bar != 7 $ 99 @\nz=x1*0xff-3;";
    N = strlen(S);
    int64_t errors = tokenize();
    int32_t cnt[7] = {0}; int64_t num_sum = 0;
    for (int64_t k = 0; k < ntok; k++) {
        Token t = toks[k];
        ps(tags[t.kind]);
        printf(" line %d @%lld '%.*s' v=%lld\n", t.line, (long long)t.start, (int)t.len, S + t.start, (long long)t.value);
        cnt[t.kind]++;
        if (t.kind == Num) num_sum += t.value;
    }
    printf("nums=%d idents=%d ops=%d parens=%d strs=%d bad=%d\n", cnt[Num], cnt[Ident], cnt[Op], cnt[LParen] + cnt[RParen], cnt[Str], cnt[Bad]);
    printf("errors=%lld sum of numbers=%lld\n", (long long)errors, (long long)num_sum);
    RET(ntok * 100 + errors);
}
