#include "rt.h"
#include <string.h>
#include <stdlib.h>
typedef struct { char b[256]; int64_t n; } B;
static void pc_(B *s, int64_t c) { s->b[s->n++] = (char)c; s->b[s->n] = 0; }
static void ap(B *s, const char *t) { while (*t) pc_(s, *t++); }
static void api(B *s, int64_t v) { char t[32]; snprintf(t, 32, "%lld", (long long)v); ap(s, t); }
static B mk(const char *t) { B s = {{0}, 0}; ap(&s, t); return s; }
static B repeat(int64_t c, int64_t n) { B s = mk(""); for (int64_t i = 0; i < n; i++) pc_(&s, c); return s; }
static B pad_left(B s, int64_t w, int64_t fill) { B o = repeat(fill, w - s.n); ap(&o, s.b); return o; }
static B pad_right(B s, int64_t w) { int64_t gap = w - s.n; for (int64_t i = 0; i < gap; i++) pc_(&s, 46); return s; }
static B hex(uint32_t v, int64_t digits) { B o = mk("0x"); uint32_t sh = (uint32_t)digits * 4; while (sh > 0) { sh -= 4; uint32_t d = (v >> sh) & 15; pc_(&o, d < 10 ? d + 48 : d + 87); } return o; }
static B thousands(int64_t n) { B d = mk(""); api(&d, n < 0 ? 0 - n : n); int64_t len = d.n; B o = mk(""); if (n < 0) pc_(&o, 45);
    for (int64_t i = 0; i < len; i++) { if (i > 0 && (len - i) % 3 == 0) pc_(&o, 44); pc_(&o, (unsigned char)d.b[i]); } return o; }
static B price(int64_t cents) { B o = mk(""); api(&o, cents / 100); ap(&o, "."); int64_t c = cents % 100; if (c < 10) pc_(&o, '0'); api(&o, c); return o; }
static int64_t row(const char *name, int32_t qty, int64_t cents) {
    B a = pad_right(mk(name), 12); B q = mk(""); api(&q, qty); B b = pad_left(q, 5, 32); B c = pad_left(price(cents), 10, 32);
    ap(&a, b.b); ap(&a, c.b); printf("|%s|\n", a.b); return a.n;
}
static int64_t parse(const char *s) {
    char *end; int64_t v = 0;
    if (*s) { long long r = strtol(s, &end, 10); if (*end == 0) { printf("parse '%s' -> %lld\n", s, r); return r; } }
    printf("parse '%s' -> error 1\n", s); return v;
}
static B slice(B s, int64_t a, int64_t e) { int64_t s0 = a < 0 ? 0 : a > s.n ? s.n : a; int64_t e0 = e < 0 ? 0 : e > s.n ? s.n : e; if (e0 < s0) e0 = s0;
    B o = mk(""); for (int64_t i = s0; i < e0; i++) pc_(&o, (unsigned char)s.b[i]); return o; }
int main(void) {
    int64_t widths = 0;
    widths += row("apples", 12, 345); widths += row("kiwi", 7, 5); widths += row("watermelon!!", 1, 123456); widths += row("x", -3, 10);
    B dash = repeat(61, 29); printf(" %s\n", dash.b);
    int64_t nums[6] = {0, 999, 1000, -1234567, 9223372036854775807LL, 100200300};
    for (int i = 0; i < 6; i++) { B p = pad_left(thousands(nums[i]), 28, 32); printf("[%s]\n", p.b); }
    B h1 = hex(3735928559u, 8), h2 = hex(255, 4), h3 = hex(0, 2);
    printf("%s %s %s\n", h1.b, h2.b, h3.b);
    B raw = mk("   \t padded words here \n ");
    int64_t lo = 0, hi = raw.n; while (lo < hi && strchr(" \t\n\r", raw.b[lo])) lo++; while (hi > lo && strchr(" \t\n\r", raw.b[hi - 1])) hi--;
    B tr = slice(raw, lo, hi);
    printf("trimmed <%s> len %lld from %lld\n", tr.b, (long long)tr.n, (long long)raw.n);
    bool has = strstr(tr.b, "words") != NULL, hasnt = strstr(tr.b, "Words") != NULL;
    B mid = slice(tr, 7, 12), sub = slice(tr, 13, 113), cl = slice(tr, -5, 3);
    printf("contains %s %s slice <%s> substr <%s> clamp <%s>\n", has ? "true" : "false", hasnt ? "true" : "false", mid.b, sub.b, cl.b);
    bool same = strcmp(mid.b, "words") == 0, other = strcmp(h2.b, h3.b) == 0;
    printf("eq %s %s empty-eq true\n", same ? "true" : "false", other ? "true" : "false");
    B built = mk(same ? "true" : "false"); ap(&built, "/42/c/false/-7"); api(&built, 8); ap(&built, "true");
    printf("%s (%lld bytes)\n", built.b, (long long)built.n);
    int64_t total = parse(" 42"); total += parse("-17"); total += parse("12ab"); total += parse(""); total += parse("+8"); total += parse("007");
    printf("total parsed %lld table width %lld\n", (long long)total, (long long)widths);
    RET(total + widths);
}
