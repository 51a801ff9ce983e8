#include "rt.h"
int main(void) {
    int64_t a = -7, b = 2;
    printf("%lld %lld %d %d %d %d\n", (long long)(a / b), (long long)(a % b), 7 / -2, 7 % -2, -7 / -2, -7 % -2);
    int32_t c = -100, d = 7; printf("%d %d\n", c / d, c % d);
    uint8_t e = 250, f = 7; printf("%d %d\n", (uint8_t)(e / f), (uint8_t)(e % f));
    uint64_t g = UINT64_MAX, h = 10; printf("%llu %llu\n", (unsigned long long)(g / h), (unsigned long long)(g % h));
    int8_t i = -128, j = 3; printf("%d %d\n", (int8_t)(i / j), (int8_t)(i % j));
    uint32_t k = 4000000000u; printf("%u %u\n", k / 3, k % 3);
    RET(0);
}
