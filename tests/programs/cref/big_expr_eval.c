#include "rt.h"
#include <string.h>
enum { DivZero, Unexpected, Eof };
typedef struct { const char *src; int64_t n, pos; int64_t vars[26]; } P;
static int ek; static int64_t epos;
static int64_t at(P *p, int64_t i) { return (i < 0 || i >= p->n) ? -1 : (unsigned char)p->src[i]; }
static bool is_digit(int64_t c) { return c >= 48 && c <= 57; }
static int fail(int k, int64_t pos) { ek = k; epos = pos; return 0; }
static int64_t peek(P *p) { while (at(p, p->pos) == 32) p->pos++; return at(p, p->pos); }
static int compare(P *p, int64_t *out);
static int primary(P *p, int64_t *out) {
    int64_t c = peek(p);
    if (c == 40) { p->pos++; int64_t v; if (!compare(p, &v)) return 0; int64_t cl = peek(p);
        if (cl == -1) return fail(Eof, p->pos); if (cl != 41) return fail(Unexpected, p->pos); p->pos++; *out = v; return 1; }
    if (is_digit(c)) { int64_t v = 0; while (is_digit(at(p, p->pos))) { v = v * 10 + (at(p, p->pos) - 48); p->pos++; } *out = v; return 1; }
    if (c >= 97 && c <= 122) { p->pos++; *out = p->vars[c - 97]; return 1; }
    if (c == -1) return fail(Eof, p->pos);
    return fail(Unexpected, p->pos);
}
static int unary(P *p, int64_t *out) {
    if (peek(p) == 45) { p->pos++; int64_t v; if (!unary(p, &v)) return 0; *out = 0 - v; return 1; }
    return primary(p, out);
}
static int power(P *p, int64_t *out) {
    int64_t base; if (!unary(p, &base)) return 0;
    if (peek(p) != 94) { *out = base; return 1; }
    p->pos++; int64_t e; if (!power(p, &e)) return 0;
    int64_t acc = 1; for (int64_t k = 0; k < e; k++) acc = acc * base; *out = acc; return 1;
}
static int term(P *p, int64_t *out) {
    int64_t acc; if (!power(p, &acc)) return 0;
    for (;;) {
        int64_t c = peek(p);
        if (c == 42) { p->pos++; int64_t r; if (!power(p, &r)) return 0; acc = acc * r; }
        else if (c == 47 || c == 37) { int64_t a = p->pos; p->pos++; int64_t r; if (!power(p, &r)) return 0;
            if (r == 0) return fail(DivZero, a); acc = c == 47 ? acc / r : acc % r; }
        else break;
    }
    *out = acc; return 1;
}
static int sum(P *p, int64_t *out) {
    int64_t acc; if (!term(p, &acc)) return 0;
    for (;;) { int64_t c = peek(p); if (c != 43 && c != 45) break; p->pos++; int64_t r; if (!term(p, &r)) return 0; acc = c == 43 ? acc + r : acc - r; }
    *out = acc; return 1;
}
static int compare(P *p, int64_t *out) {
    int64_t l; if (!sum(p, &l)) return 0;
    int64_t c = peek(p); if (c != 60 && c != 62) { *out = l; return 1; }
    p->pos++; int64_t r; if (!sum(p, &r)) return 0;
    bool yes = c == 60 ? l < r : l > r; *out = yes ? 1 : 0; return 1;
}
static int whole(P *p, int64_t *out) {
    int64_t v; if (!compare(p, &v)) return 0;
    if (peek(p) != -1) return fail(Unexpected, p->pos);
    *out = v; return 1;
}
static int64_t vars[26], ok, errs, total;
static void run(const char *text) {
    printf("[%s] => ", text);
    P p; p.src = text; p.n = strlen(text); p.pos = 0; memcpy(p.vars, vars, sizeof vars);
    int64_t v;
    if (whole(&p, &v)) { printf("%lld\n", (long long)v); ok++; total += v; }
    else { ps(ek == DivZero ? "error: division by zero" : ek == Unexpected ? "error: unexpected character" : "error: unexpected end");
        printf(" at %lld\n", (long long)epos); errs++; }
}
int main(void) {
    for (int i = 0; i < 26; i++) vars[i] = i + 1;
    vars[23] = 0;
    run("1 + 2 * 3"); run("(1 + 2) * 3"); run("2 ^ 10 - 1"); run("2 ^ 3 ^ 2"); run("-7 / 2"); run("-7 % 3");
    run("c * d + e"); run("100 / (5 - 5)"); run("(1 + 2"); run("3 + * 4"); run("9223372036854775807 + 1");
    run("2 ^ 62 * 2"); run("1 < 2 + x"); run("((((z))))"); run("12 34"); run(""); run("  --5 -  - 5 ");
    run("7 % (x * 3)"); run("(a + b) * (c - d) / 2 > 0 - 5");
    printf("ok=%lld errors=%lld\n", (long long)ok, (long long)errs);
    RET(total % 1000003);
}
