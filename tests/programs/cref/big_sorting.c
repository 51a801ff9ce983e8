#include "rt.h"
#include <string.h>
typedef struct { int32_t v[20]; int64_t n; } Arr;
typedef struct { int64_t cmps, moves; } C;
static bool asc(int32_t a, int32_t b) { return a > b; }
static bool desc(int32_t a, int32_t b) { return a < b; }
static bool by_abs(int32_t a, int32_t b) { int32_t x = a < 0 ? -a : a, y = b < 0 ? -b : b; return x > y; }
static bool by_ld(int32_t a, int32_t b) { int32_t x = a < 0 ? (-a) % 10 : a % 10, y = b < 0 ? (-b) % 10 : b % 10; return x > y; }
static void insertion(int32_t *a, int64_t n, bool (*after)(int32_t, int32_t), C *c) {
    for (int64_t i = 1; i < n; i++) { int32_t key = a[i]; int64_t j = i - 1;
        while (j >= 0) { c->cmps++; if (!after(a[j], key)) break; a[j + 1] = a[j]; c->moves++; j--; } a[j + 1] = key; } }
static void quick(Arr *a, int64_t lo, int64_t hi, C *c) {
    if (lo >= hi) return; int32_t p = a->v[hi]; int64_t i = lo;
    for (int64_t j = lo; j < hi; j++) { c->cmps++; if (a->v[j] < p) { int32_t t = a->v[i]; a->v[i] = a->v[j]; a->v[j] = t; c->moves++; i++; } }
    int32_t t = a->v[i]; a->v[i] = a->v[hi]; a->v[hi] = t; quick(a, lo, i - 1, c); quick(a, i + 1, hi, c); }
static void merge_sort(Arr *a, C *c) { int32_t tmp[20] = {0}; int64_t w = 1;
    while (w < a->n) { for (int64_t lo = 0; lo < a->n; lo += 2 * w) { int64_t mid = lo + w < a->n ? lo + w : a->n, hi = lo + 2 * w < a->n ? lo + 2 * w : a->n, i = lo, j = mid;
            for (int64_t k = lo; k < hi; k++) { if (i < mid && (j >= hi || a->v[i] <= a->v[j])) tmp[k] = a->v[i++]; else tmp[k] = a->v[j++]; if (i <= mid && j <= hi) c->cmps++; } }
        for (int64_t k = 0; k < a->n; k++) a->v[k] = tmp[k]; w *= 2; } }
static void sift(Arr *a, int64_t s, int64_t end, C *c) { int64_t root = s;
    while (2 * root + 1 <= end) { int64_t ch = 2 * root + 1; c->cmps++; if (ch + 1 <= end && a->v[ch] < a->v[ch + 1]) ch++; if (a->v[root] >= a->v[ch]) return;
        int32_t t = a->v[root]; a->v[root] = a->v[ch]; a->v[ch] = t; root = ch; } }
static void heap_sort(Arr *a, C *c) { for (int64_t s = (a->n - 2) / 2; s >= 0; s--) sift(a, s, a->n - 1, c);
    for (int64_t e = a->n - 1; e > 0; e--) { int32_t t = a->v[0]; a->v[0] = a->v[e]; a->v[e] = t; sift(a, 0, e - 1, c); } }
static int64_t show(const char *l, int32_t *a, int64_t n, C c) { printf("%s:", l); int64_t s = 0;
    for (int64_t i = 0; i < n; i++) { printf(" %d", a[i]); s = s * 31 + a[i]; } printf("  [cmps %lld moves %lld]\n", (long long)c.cmps, (long long)c.moves); return s; }
static Arr fresh(void) { Arr a = {{38, -7, 12, 0, 99, -45, 12, 7, 1000, -1, 3, 17, -7, 42, 5, 23, -100, 8, 61, 12}, 20}; return a; }
int main(void) {
    int64_t check = 0; bool (*fns[4])(int32_t, int32_t) = {asc, desc, by_abs, by_ld};
    const char *names[4] = {"insertion asc", "insertion desc", "insertion |x|", "insertion last digit"};
    for (int f = 0; f < 4; f++) { Arr x = fresh(); C c = {0, 0}; insertion(x.v, 20, fns[f], &c); check += show(names[f], x.v, 20, c); }
    Arr q = fresh(); C qc = {0, 0}; quick(&q, 0, q.n - 1, &qc); check += show("quick", q.v, q.n, qc);
    Arr m = fresh(); C mc = {0, 0}; merge_sort(&m, &mc); check += show("merge", m.v, m.n, mc);
    Arr h = fresh(); C hc = {0, 0}; heap_sort(&h, &hc); check += show("heap", h.v, h.n, hc);
    Arr p = fresh(); p.n = 7; C pc = {0, 0}; quick(&p, 0, 6, &pc); check += show("quick first 7", p.v, 10, pc);
    uint8_t keys[16] = {5, 3, 250, 3, 0, 255, 5, 5, 128, 1, 0, 3, 250, 7, 7, 5}; uint16_t counts[256] = {0};
    for (int i = 0; i < 16; i++) counts[keys[i]]++;
    ps("counting:"); int64_t distinct = 0;
    for (int k = 0; k < 256; k++) if (counts[k] > 0) { distinct++; for (uint16_t r = 0; r < counts[k]; r++) printf(" %d", k); }
    printf("  (%lld distinct)\n", (long long)distinct);
    bool same = q.v[0] == m.v[0] && q.v[19] == h.v[19] && m.v[10] == h.v[10];
    printf("quick/merge/heap agree: %s\n", same ? "true" : "false");
    RET(check % 1000000007 + distinct);
}
