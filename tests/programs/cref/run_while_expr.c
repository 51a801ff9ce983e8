#include "rt.h"
static int64_t first_neg(const int64_t *v) { for (int64_t k = 0; k < 6; k++) if (v[k] < 0) return k; return -1; }
static int64_t first_divisor(int64_t n) { for (int64_t d = 2; d * d <= n; d++) if (n % d == 0) return d; return n; }
int main(void) {
    int64_t a[6] = {3,1,4,-1,5,-9}, b[6] = {1,2,3,4,5,6};
    ps("first_neg a="); pi(first_neg(a)); ps(" b="); pi(first_neg(b)); nl();
    ps("divisors: "); pi(first_divisor(91)); ps(" "); pi(first_divisor(97)); ps(" "); pi(first_divisor(1024)); nl();
    int32_t i = 0; bool found = false;
    while (i < 10) { i++; if (i * i == 49) { found = true; break; } }
    ps("found="); pb(found); ps(" i="); pi(i); nl();
    int64_t j = 0; while (j < 5) j++;
    int64_t v = j * 10 + 2;
    ps("v="); pi(v); nl();
    RET(first_divisor(221) + v);
}
