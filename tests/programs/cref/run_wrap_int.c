#include "rt.h"
int main(void) {
    int64_t max = INT64_MAX; int64_t min = max + 1;
    ps("max+1="); pi(min); nl();
    ps("min-1="); pi(min - 1); nl();
    ps("max*2="); pi(max * 2); nl();
    ps("-min="); pi(-min); nl();
    int64_t big = 3037000500LL;
    ps("big*big="); pi(big * big); nl();
    uint64_t u = 0, umax = u - 1;
    ps("umax as Int="); pi((int64_t)umax); ps(" umax/2="); pi((int64_t)(umax / 2)); nl();
    int64_t h = 1469598103934665603LL, i = 0;
    while (i < 20) { h = h ^ i; h = h * 1099511628211LL; i = i + 1; }
    ps("hash="); pi(h); nl();
    int64_t k = 4611686018427387904LL, k2 = k + k;
    ps("2^62+2^62="); pi(k2); nl();
    RET(min + 5);
}
