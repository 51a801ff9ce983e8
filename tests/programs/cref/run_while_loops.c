#include "rt.h"
int main(void) {
    int64_t i = 0, sum = 0;
    while (i < 100) { i++; if (i % 7 == 0) continue; if (i > 50) break; sum += i; }
    ps("i="); pi(i); ps(" sum="); pi(sum); nl();
    int64_t rows = 0, r = 1;
    while (r <= 5) { int64_t c = 1; while (c <= r) { pi(c * r); ps(" "); c++; } nl(); rows += r; r++; }
    int64_t n = 27, steps = 0;
    while (n != 1) { if (n % 2 == 0) n /= 2; else n = 3 * n + 1; steps++; }
    ps("collatz(27) steps="); pi(steps); nl();
    int64_t never = 0;
    while (never < 3) never++;
    RET(sum + rows + never);
}
