#include "rt.h"
int main(void) {
    int64_t total = 0;
    for (int64_t i = 0; i < 10; i++) { if (i % 3 == 0) continue; total += i; }
    ps("c-style total="); pi(total); nl();
    int64_t k = 1; while (k < 1000) k *= 3;
    ps("while-style k="); pi(k); nl();
    int64_t n = 0; for (;;) { n++; if (n * n > 200) break; }
    ps("infinite n="); pi(n); nl();
    int64_t down = 0;
    for (int32_t j = 10; j > 0; j -= 3) { pi(j); ps(","); down++; }
    nl();
    uint64_t prod = 1; for (uint64_t f = 1; f <= 20; f++) prod *= f;
    ps("20!="); pi((int64_t)prod); nl();
    int64_t i = 99;
    for (int64_t i2 = 0; i2 < 2; i2++) total += i2;
    ps("outer i="); pi(i); nl();
    RET(total + k + n + down);
}
