#include "rt.h"
#include <string.h>
static const char *ABC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
typedef struct { unsigned char b[512]; int64_t n; } S;
static S mk(const char *t) { S s; s.n = strlen(t); memcpy(s.b, t, s.n); return s; }
static int64_t at(S *s, int64_t i) { return (i < 0 || i >= s->n) ? -1 : s->b[i]; }
static S encode(S *d) { S o; o.n = 0; int64_t n = d->n, i = 0;
    while (i < n) { uint32_t b0 = (uint32_t)at(d, i), b1 = i + 1 < n ? (uint32_t)at(d, i + 1) : 0, b2 = i + 2 < n ? (uint32_t)at(d, i + 2) : 0;
        uint32_t t = (b0 << 16) | (b1 << 8) | b2;
        o.b[o.n++] = ABC[(t >> 18) & 63]; o.b[o.n++] = ABC[(t >> 12) & 63];
        o.b[o.n++] = i + 1 < n ? ABC[(t >> 6) & 63] : '='; o.b[o.n++] = i + 2 < n ? ABC[t & 63] : '='; i += 3; }
    return o; }
enum { BadLength, BadChar, BadPadding }; static int ekind; static int64_t eat;
static int sextet(int64_t c, int64_t a, uint32_t *v) {
    if (c >= 65 && c <= 90) { *v = c - 65; return 1; } if (c >= 97 && c <= 122) { *v = c - 71; return 1; }
    if (c >= 48 && c <= 57) { *v = c + 4; return 1; } if (c == 43) { *v = 62; return 1; } if (c == 47) { *v = 63; return 1; }
    ekind = BadChar; eat = a; return 0; }
static int chk(S *s, int64_t i) { uint32_t v; return sextet(at(s, i), i, &v); }
static int validate(S *s, uint32_t *out) { int64_t n = s->n; if (n % 4 != 0) { ekind = BadLength; return 0; } uint32_t bytes = 0;
    for (int64_t i = 0; i < n; i += 4) { bool last = i + 4 == n; if (!chk(s, i)) return 0; if (!chk(s, i + 1)) return 0;
        int64_t c2 = at(s, i + 2), c3 = at(s, i + 3);
        if (last && c2 == 61) { if (c3 != 61) { ekind = BadPadding; return 0; } bytes += 1; }
        else if (last && c3 == 61) { if (!chk(s, i + 2)) return 0; bytes += 2; }
        else { if (!chk(s, i + 2)) return 0; if (!chk(s, i + 3)) return 0; bytes += 3; } }
    *out = bytes; return 1; }
static uint32_t val(int64_t c) { uint32_t v; return sextet(c, 0, &v) ? v : 0; }
static S decode(S *s, uint32_t bytes) { S o; o.n = 0; uint32_t prod = 0;
    for (int64_t i = 0; i < s->n; i += 4) { uint32_t q = (val(at(s, i)) << 18) | (val(at(s, i + 1)) << 12) | (val(at(s, i + 2)) << 6) | val(at(s, i + 3));
        for (uint32_t k = 0; k < 3; k++) if (prod < bytes) { o.b[o.n++] = (q >> (16 - 8 * k)) & 255; prod++; } }
    return o; }
static bool eq(S *a, S *b) { return a->n == b->n && memcmp(a->b, b->b, a->n) == 0; }
static void pr(S *s) { printf("%.*s", (int)s->n, (char *)s->b); }
static int64_t roundtrip(const char *t) { S text = mk(t); S e = encode(&text); uint32_t n; int64_t ok = 0;
    if (validate(&e, &n)) { S d = decode(&e, n); bool same = eq(&d, &text); printf("\"%s\" -> ", t); pr(&e); printf(" -> %u bytes, same=%s\n", n, same ? "true" : "false"); if (same) ok = 1; }
    else { ps("cannot decode own output "); pr(&e); nl(); }
    return ok; }
static int64_t try_decode(const char *t) { S s = mk(t); printf("decode %s: ", t); uint32_t n;
    if (validate(&s, &n)) { S d = decode(&s, n); ps("ok \""); pr(&d); ps("\"\n"); return 0; }
    if (ekind == BadLength) ps("error: length not a multiple of 4\n"); else if (ekind == BadChar) printf("error: bad character at %lld\n", (long long)eat); else ps("error: bad padding\n");
    return 1; }
int main(void) {
    int64_t ok = 0;
    ok += roundtrip(""); ok += roundtrip("f"); ok += roundtrip("fo"); ok += roundtrip("foo"); ok += roundtrip("foob"); ok += roundtrip("fooba"); ok += roundtrip("foobar");
    ok += roundtrip("Concrete: linear types & capabilities!");
    S bin; bin.n = 0; for (int c = 1; c < 256; c += 5) bin.b[bin.n++] = c;
    S be = encode(&bin); printf("binary %lld bytes -> ", (long long)bin.n); pr(&be); nl();
    bool bok = false; uint32_t n; if (validate(&be, &n)) { S d = decode(&be, n); bok = eq(&d, &bin); }
    printf("binary roundtrip %s\n", bok ? "true" : "false");
    int64_t bad = 0;
    bad += try_decode("SGVsbG8sIFdvcmxkIQ=="); bad += try_decode("Zm9v!A=="); bad += try_decode("abc"); bad += try_decode("Zg=a"); bad += try_decode("QUJD\nREVG"); bad += try_decode("YQ==");
    RET(ok * 10 + bad);
}
