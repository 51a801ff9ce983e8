#include "rt.h"
#include <stdlib.h>
typedef struct L { int64_t h; struct L *t; } L; /* NULL = Nil */
static int64_t allocs, frees;
static L *cons(int64_t h, L *t) { allocs++; L *n = malloc(sizeof *n); n->h = h; n->t = t; return n; }
/* unbox: the Cons cell's tail box is freed; we model each cell = one box */
static L *unbox(L *cell) { frees++; L *t = cell->t; free(cell); return t; }
static L *range(int64_t lo, int64_t hi) { if (lo >= hi) return NULL; L *r = range(lo + 1, hi); return cons(lo, r); }
static int64_t sum_free(L *l) { if (!l) return 0; int64_t h = l->h; return h + sum_free(unbox(l)); }
static L *reverse(L *l, L *acc) { if (!l) return acc; int64_t h = l->h; L *rest = unbox(l); return reverse(rest, cons(h, acc)); }
static L *map(L *l, int64_t (*f)(int64_t)) { if (!l) return NULL; int64_t h = l->h; L *rest = map(unbox(l), f); return cons(f(h), rest); }
static L *filter(L *l, bool (*k)(int64_t)) { if (!l) return NULL; int64_t h = l->h; L *rest = filter(unbox(l), k); if (k(h)) return cons(h, rest); return rest; }
static L *append(L *a, L *b) { if (!a) return b; int64_t h = a->h; L *r = append(unbox(a), b); return cons(h, r); }
static L *insert_sorted(L *l, int64_t x) {
    if (!l) return cons(x, NULL);
    int64_t h = l->h;
    if (x <= h) { L *u = unbox(l); L *in = cons(h, u); return cons(x, in); }
    L *r = insert_sorted(unbox(l), x); return cons(h, r);
}
static L *sort(L *l, L *acc) { if (!l) return acc; int64_t h = l->h; L *rest = unbox(l); return sort(rest, insert_sorted(acc, h)); }
static L *show(L *l, bool first) {
    if (!l) { ps("]\n"); return NULL; }
    int64_t h = l->h;
    if (first) printf("[%lld", (long long)h); else printf(", %lld", (long long)h);
    L *r = show(unbox(l), false); return cons(h, r);
}
static int64_t triple(int64_t x) { return x * 3; }
static bool is_even(int64_t x) { return x % 2 == 0; }
static bool is_big(int64_t x) { return x > 20; }
int main(void) {
    L *a = range(1, 8); ps("range "); a = show(a, true);
    L *r = reverse(a, NULL); ps("reversed "); r = show(r, true);
    L *m = map(r, triple); ps("tripled "); m = show(m, true);
    L *f = filter(m, is_even); ps("even "); f = show(f, true);
    L *both = append(f, range(40, 43)); ps("appended "); both = show(both, true);
    L *x = cons(17, both); x = cons(0, x); x = cons(99, x); x = cons(-4, x); x = cons(17, x);
    L *s = sort(x, NULL); ps("sorted "); s = show(s, true);
    L *g = filter(s, is_big); ps("big "); g = show(g, true);
    L *e = filter(g, is_even); e = reverse(e, NULL); ps("even big reversed: "); e = show(e, true);
    int64_t leftover = sum_free(e); int64_t total = sum_free(range(1, 101));
    printf("leftover %lld sum 1..100 %lld\n", (long long)leftover, (long long)total);
    printf("allocs %lld frees %lld live %lld\n", (long long)allocs, (long long)frees, (long long)(allocs - frees));
    RET(allocs * 1000 + total);
}
