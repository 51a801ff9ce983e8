#include "rt.h"
static int64_t gcd(int64_t a, int64_t b) { return b == 0 ? a : gcd(b, a % b); }
static int64_t lcm(int64_t a, int64_t b) { return a / gcd(a, b) * b; }
static int64_t cache[200];
static int64_t collatz_len(int64_t n) {
    int64_t steps = 0, x = n;
    while (x != 1) { if (x < 200 && cache[x] > 0) return steps + cache[x]; if (x % 2 == 0) x /= 2; else x = 3 * x + 1; steps++; }
    return steps;
}
int main(void) {
    bool comp[100] = {0}; comp[0] = comp[1] = true;
    for (int64_t p = 2; p * p < 100; p++) if (!comp[p]) for (int64_t m = p * p; m < 100; m += p) comp[m] = true;
    int64_t count = 0, last = 0, twin = 0;
    for (int64_t i = 0; i < 100; i++) if (!comp[i]) { count++; if (i - last == 2) twin++; last = i; if (i > 80) { pi(i); ps(" "); } }
    nl();
    ps("primes<100="); pi(count); ps(" twins="); pi(twin); ps(" largest="); pi(last); nl();
    ps("gcd="); pi(gcd(1071,462)); ps(" "); pi(gcd(17,5)); ps(" lcm="); pi(lcm(21,6)); ps(" "); pi(lcm(4,10)); nl();
    int64_t l = 1; for (int64_t k = 1; k <= 20; k++) l = lcm(l, k);
    ps("lcm(1..20)="); pi(l); nl();
    int64_t f[93] = {0}; f[1] = 1; for (int i = 2; i < 93; i++) f[i] = f[i-1] + f[i-2];
    ps("fib(50)="); pi(f[50]); ps(" fib(90)="); pi(f[90]); ps(" fib(92)="); pi(f[92]); nl();
    int64_t es = 0; for (int i = 0; i < 93; i++) if (f[i] % 2 == 0 && f[i] < 4000000) es += f[i];
    ps("even fib sum="); pi(es); nl();
    int64_t best = 1, best_len = 0;
    for (int64_t n = 2; n < 200; n++) { int64_t cl = collatz_len(n); cache[n] = cl; if (cl > best_len) { best_len = cl; best = n; } }
    ps("longest collatz below 200: "); pi(best); ps(" with "); pi(best_len); ps(" steps; len(27)="); pi(cache[27]); nl();
    RET(count + best);
}
