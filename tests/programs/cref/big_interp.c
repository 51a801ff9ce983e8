#include "rt.h"
#include <string.h>
enum { DivZero, Unknown, Syntax, TooLong };
typedef struct { int64_t start, len, value; } Var;
static const char *S; static int64_t N, pos, steps, printed, nv; static Var vars[64]; static int fk; static int64_t fat;
static int64_t ch(int64_t i) { return (i < 0 || i >= N) ? -1 : (unsigned char)S[i]; }
static bool is_alpha(int64_t c) { return (c >= 97 && c <= 122) || c == 95; }
static bool is_digit(int64_t c) { return c >= 48 && c <= 57; }
static int64_t peek(void) { while (ch(pos) == 32 || ch(pos) == 10) pos++; return ch(pos); }
static int64_t word_len(void) { peek(); int64_t n = 0; while (is_alpha(ch(pos + n)) || (n > 0 && is_digit(ch(pos + n)))) n++; return n; }
static bool at_word(const char *w) { int64_t n = word_len(); if (n != (int64_t)strlen(w)) return false; for (int64_t i = 0; i < n; i++) if (ch(pos + i) != (unsigned char)w[i]) return false; return true; }
static int fail(int k, int64_t at) { fk = k; fat = at; return 0; }
static int expect(int64_t c) { if (peek() != c) return fail(Syntax, pos); pos++; return 1; }
static int64_t find_var(int64_t start, int64_t len) { for (int64_t k = 0; k < nv; k++) { Var v = vars[k]; if (v.len != len) continue; bool ok = true;
    for (int64_t i = 0; i < len; i++) if (ch(v.start + i) != ch(start + i)) { ok = false; break; } if (ok) return k; } return -1; }
static int expr(bool run, int64_t *o);
static int atom(bool run, int64_t *o) {
    int64_t c = peek(), v;
    if (c == 40) { pos++; if (!expr(run, &v)) return 0; if (!expect(41)) return 0; *o = v; return 1; }
    if (c == 45) { pos++; if (!atom(run, &v)) return 0; *o = 0 - v; return 1; }
    if (is_digit(c)) { v = 0; while (is_digit(ch(pos))) { v = v * 10 + (ch(pos) - 48); pos++; } *o = v; return 1; }
    int64_t n = word_len(); if (n == 0) return fail(Syntax, pos);
    int64_t start = pos; pos += n; if (!run) { *o = 0; return 1; }
    int64_t k = find_var(start, n); if (k < 0) return fail(Unknown, start); *o = vars[k].value; return 1;
}
static int term(bool run, int64_t *o) { int64_t acc, r; if (!atom(run, &acc)) return 0;
    for (;;) { int64_t c = peek(); if (c != 42 && c != 47 && c != 37) break; int64_t at = pos; pos++; if (!atom(run, &r)) return 0;
        if (run) { if (c == 42) acc *= r; else if (r == 0) return fail(DivZero, at); else if (c == 47) acc /= r; else acc %= r; } }
    *o = acc; return 1; }
static int sum(bool run, int64_t *o) { int64_t acc, r; if (!term(run, &acc)) return 0;
    for (;;) { int64_t c = peek(); if (c != 43 && c != 45) break; pos++; if (!term(run, &r)) return 0; acc = c == 43 ? acc + r : acc - r; } *o = acc; return 1; }
static int expr(bool run, int64_t *o) { int64_t l, r; if (!sum(run, &l)) return 0; int64_t c = peek();
    if (c == 60 || c == 62 || (c == 61 && ch(pos + 1) == 61)) { pos += c == 61 ? 2 : 1; if (!sum(run, &r)) return 0; bool y = c == 60 ? l < r : c == 62 ? l > r : l == r; *o = y ? 1 : 0; return 1; }
    *o = l; return 1; }
static int stmt(bool run);
static int block(bool run) { if (!expect(123)) return 0; while (peek() != 125) { if (peek() == -1) return fail(Syntax, pos); if (!stmt(run)) return 0; } pos++; return 1; }
static int stmt(bool run) {
    int64_t c, v;
    if (at_word("while")) { pos += 5; int64_t ca = pos;
        for (;;) { pos = ca; if (!expr(run, &c)) return 0; bool go = run && c != 0; if (!block(go)) return 0; if (!go) break; steps++; if (steps > 1000) return fail(TooLong, 0); }
        return 1; }
    if (at_word("if")) { pos += 2; if (!expr(run, &c)) return 0; if (!block(run && c != 0)) return 0; if (at_word("else")) { pos += 4; if (!block(run && c == 0)) return 0; } return 1; }
    if (at_word("print")) { pos += 5; if (!expr(run, &v)) return 0; if (!expect(59)) return 0; if (run) { printf("  out: %lld\n", (long long)v); printed++; } return 1; }
    int64_t n = word_len(); if (n == 0) return fail(Syntax, pos);
    int64_t start = pos; pos += n; if (!expect(61)) return 0; if (!expr(run, &v)) return 0; if (!expect(59)) return 0;
    if (run) { int64_t k = find_var(start, n); if (k < 0) vars[nv++] = (Var){start, n, v}; else vars[k] = (Var){start, n, v}; }
    return 1;
}
static int64_t run(const char *name, const char *src) {
    printf("%s:\n", name); S = src; N = strlen(src); pos = 0; steps = 0; printed = 0; nv = 0;
    int ok = 1; while (peek() != -1) { if (!stmt(true)) { ok = 0; break; } }
    if (ok) { printf("  done: %lld prints, %lld variables, %lld loop steps\n", (long long)printed, (long long)nv, (long long)steps); return printed; }
    switch (fk) { case DivZero: printf("  fault: division by zero at %lld\n", (long long)fat); break; case Unknown: printf("  fault: unknown variable at %lld\n", (long long)fat); break;
        case Syntax: printf("  fault: syntax error at %lld\n", (long long)fat); break; case TooLong: printf("  fault: step limit after %lld steps\n", (long long)steps); break; }
    return 100;
}
int main(void) {
    int64_t s = 0;
    s += run("fib", "n = 10; a = 0; b = 1;\nwhile n { t = a + b; a = b; b = t; n = n - 1; }\nprint a;");
    s += run("gcd", "x = 1071; y = 462; while y { t = x % y; x = y; y = t; } print x;\nif x == 21 { print 1; } else { print 0; }");
    s += run("collatz", "n = 27; steps = 0;\nwhile n > 1 { if n % 2 == 0 { n = n / 2; } else { n = 3 * n + 1; } steps = steps + 1; }\nprint steps;");
    s += run("nested", "i = 1; s = 0; while i < 5 { j = 1; while j < 5 { s = s + i * j; j = j + 1; } i = i + 1; }\nprint s; print -(s - 200) * 2; print 7 - -3 % 2;");
    s += run("skipped", "z = 0; if z { print 1 / z; q = 5; } else { print 2; } while z { print zz; } print z;");
    s += run("divzero", "a = 5; b = a - 5; print a / b;");
    s += run("unknown", "x = 1; print x + zz;");
    s += run("syntax", "x = (1 + 2;");
    s += run("unclosed", "while 1 { x = 1;");
    s += run("forever", "k = 1; while k { k = k + 1; }");
    RET(s);
}
