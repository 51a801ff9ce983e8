#include "rt.h"
#include <string.h>
typedef struct { uint8_t b[512]; int64_t n; } V;
static void push(V *v, uint8_t x) { v->b[v->n++] = x; }
static void enc_text(const char *s, char *out) { int64_t n = strlen(s), i = 0; char *o = out;
    while (i < n) { char c = s[i]; int64_t run = 1; while (i + run < n && s[i + run] == c) run++; if (run > 1) o += sprintf(o, "%lld", (long long)run); *o++ = c; i += run; } *o = 0; }
static void dec_text(const char *s, char *out) { int64_t count = 0; char *o = out;
    for (int64_t i = 0; s[i]; i++) { char c = s[i]; if (c >= '0' && c <= '9') { count = count * 10 + (c - 48); continue; } if (count == 0) count = 1; for (int64_t k = 0; k < count; k++) *o++ = c; count = 0; } *o = 0; }
static void packbits(V *d, V *out) { int64_t n = d->n, i = 0;
    while (i < n) { uint8_t b = d->b[i]; int64_t run = 1; while (i + run < n && run < 128 && d->b[i + run] == b) run++;
        if (run >= 3) { int8_t h = (int8_t)(1 - run); push(out, (uint8_t)h); push(out, b); i += run; }
        else { int64_t start = i, len = 0; while (i < n && len < 128) { if (i + 2 < n && d->b[i] == d->b[i + 1] && d->b[i] == d->b[i + 2]) break; i++; len++; }
            push(out, (uint8_t)(len - 1)); for (int64_t k = start; k < start + len; k++) push(out, d->b[k]); } } }
static void unpack(V *e, V *out) { int64_t i = 0; while (i < e->n) { int8_t h = (int8_t)e->b[i];
    if (h >= 0) { for (int64_t k = 1; k <= h + 1; k++) push(out, e->b[i + k]); i += h + 2; } else { uint8_t b = e->b[i + 1]; for (int64_t k = 0; k < 1 - h; k++) push(out, b); i += 2; } } }
static bool same(V *a, V *b) { if (a->n != b->n) return false; for (int64_t i = 0; i < a->n; i++) if (a->b[i] != b->b[i]) return false; return true; }
static int64_t bit_runs(uint64_t x) { int64_t runs = 0; uint64_t i = 0; printf("runs of %lld:", (long long)x);
    while (i < 64) { uint64_t bit = (x >> i) & 1, len = 1; while (i + len < 64 && ((x >> (i + len)) & 1) == bit) len++; printf(" %lld%c", (long long)len, bit == 1 ? '#' : '.'); runs++; i += len; } nl(); return runs; }
static int64_t text_case(const char *s) { char e[256], d[256]; enc_text(s, e); dec_text(e, d);
    printf("'%s' -> '%s' -> ok=%s\n", s, e, strcmp(s, d) == 0 ? "true" : "false"); return (int64_t)strlen(s) - (int64_t)strlen(e); }
int main(void) {
    int64_t saved = 0;
    saved += text_case("aaabccddddde"); saved += text_case("abc"); saved += text_case("");
    saved += text_case("zzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzzz"); saved += text_case("  xx  yyy!");
    V data = {{0}, 0}, enc = {{0}, 0}, back = {{0}, 0};
    for (int i = 0; i < 5; i++) push(&data, 7); push(&data, 1); push(&data, 2); push(&data, 2); push(&data, 3);
    for (int i = 0; i < 200; i++) push(&data, 255); for (uint8_t i = 0; i < 10; i++) push(&data, i * 3); push(&data, 9); push(&data, 9);
    packbits(&data, &enc);
    printf("packbits %lld -> %lld:", (long long)data.n, (long long)enc.n); for (int64_t i = 0; i < enc.n; i++) printf(" %u", enc.b[i]); nl();
    unpack(&enc, &back);
    printf("roundtrip ok=%s length %lld\n", same(&data, &back) ? "true" : "false", (long long)back.n);
    back.b[7] = 0; printf("after tamper ok=%s\n", same(&data, &back) ? "true" : "false");
    int64_t r1 = bit_runs(0xF0F000000000FFFFull), r2 = bit_runs(1), r3 = bit_runs(~0ull);
    RET(saved * 1000 + enc.n * 10 + r1 + r2 + r3);
}
