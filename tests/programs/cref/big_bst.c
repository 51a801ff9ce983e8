#include "rt.h"
#include <stdlib.h>
typedef struct T { int64_t key; uint8_t c; struct T *l, *r; } T;
static T *node(int64_t k, uint8_t c, T *l, T *r) { T *n = malloc(sizeof *n); n->key = k; n->c = c; n->l = l; n->r = r; return n; }
static T *insert(T *t, int64_t k) {
    if (!t) return node(k, 1, NULL, NULL);
    if (k < t->key) t->l = insert(t->l, k); else if (k > t->key) t->r = insert(t->r, k); else t->c++;
    return t;
}
static void show(T *t) { if (!t) return; show(t->l); printf(" %lld", (long long)t->key); if (t->c > 1) printf("x%u", t->c); show(t->r); }
static int64_t height(T *t) { if (!t) return 0; int64_t a = height(t->l), b = height(t->r); return a > b ? a + 1 : b + 1; }
static int64_t find(T *t, int64_t k) { if (!t) return 0; if (k == t->key) return t->c; return k < t->key ? find(t->l, k) : find(t->r, k); }
static T *join(T *a, T *b) { if (!a) return b; a->r = join(a->r, b); return a; }
static T *del(T *t, int64_t k) {
    if (!t) return NULL;
    if (k < t->key) { t->l = del(t->l, k); return t; }
    if (k > t->key) { t->r = del(t->r, k); return t; }
    T *j = join(t->l, t->r); free(t); return j;
}
static int64_t destroy(T *t) { if (!t) return 0; int64_t n = 1 + destroy(t->l) + destroy(t->r); free(t); return n; }
static T *print_tree(const char *label, T *t) { printf("%s:", label); show(t); printf("  (height %lld)\n", (long long)height(t)); return t; }
static uint32_t next_key(uint32_t s) { return s * 1103515245u + 12345u; }
static T *fill(T *t, uint32_t s, int64_t n) { if (n == 0) return t; uint32_t s2 = next_key(s); int64_t k = (s2 >> 16) % 100; return fill(insert(t, k), s2, n - 1); }
int main(void) {
    uint32_t seed = 12345;
    T *t = insert(NULL, 50);
    t = fill(t, seed, 24);
    t = print_tree("initial", t);
    int64_t hits = 0; int64_t qs[6] = {50, 7, 64, 99, 0, 31};
    for (int i = 0; i < 6; i++) { int64_t v = find(t, qs[i]); printf("find %lld -> count %lld\n", (long long)qs[i], (long long)v); if (v > 0) hits++; }
    t = del(del(del(t, 50), 31), 1000);
    t = print_tree("after delete 50 31 1000", t);
    t = insert(insert(insert(t, 50), -5), 50);
    t = print_tree("reinserted", t);
    int64_t n = destroy(t);
    printf("hits %lld nodes freed %lld\n", (long long)hits, (long long)n);
    seed = seed + 1;
    RET(n * 100 + hits + (int64_t)seed % 7);
}
