#include "rt.h"
typedef int64_t (*F1)(int64_t); typedef int64_t (*F2)(int64_t, int64_t);
static int64_t dbl(int64_t x) { return x * 2; }
static int64_t sq(int64_t x) { return x * x; }
static int64_t neg(int64_t x) { return -x; }
static int64_t add(int64_t a, int64_t b) { return a + b; }
static int64_t mul(int64_t a, int64_t b) { return a * b; }
static int64_t apply(F1 f, int64_t x) { return f(x); }
static int64_t apply_n(F1 f, int64_t n, int64_t x) { for (int64_t i = 0; i < n; i++) x = f(x); return x; }
static int64_t fold(F2 op, int64_t init, int64_t n) { for (int64_t i = 1; i <= n; i++) init = op(init, i); return init; }
static int64_t compose_apply(F1 f, F1 g, int64_t x) { return g(f(x)); }
static F1 pick(int64_t k) { return k == 0 ? dbl : k == 1 ? sq : neg; }
static bool is_small(uint8_t b) { return b < 10; }
static int64_t count_if(bool (*p)(uint8_t), const uint8_t *d) { int64_t n = 0; for (int i = 0; i < 6; i++) if (p(d[i])) n++; return n; }
int main(void) {
    pi(apply(dbl,21)); ps(" "); pi(apply(sq,9)); ps(" "); pi(apply(neg,5)); nl();
    pi(apply_n(dbl,10,1)); ps(" "); pi(apply_n(sq,3,2)); nl();
    pi(fold(add,0,100)); ps(" "); pi(fold(mul,1,10)); nl();
    F1 f = sq, g = dbl;
    pi(f(7)); ps(" "); pi(g(7)); ps(" "); pi(compose_apply(f,g,3)); ps(" "); pi(compose_apply(g,f,3)); nl();
    g = neg; ps("g now "); pi(g(7)); nl();
    F2 op = (3 % 2 == 0) ? add : mul;
    ps("op="); pi(op(6,7)); nl();
    int64_t total = 0; for (int64_t k = 0; k < 3; k++) total += pick(k)(10);
    ps("total="); pi(total); nl();
    uint8_t d[6] = {1,20,3,40,9,10};
    ps("small="); pi(count_if(is_small, d)); nl();
    RET(apply(pick(1), 12));
}
