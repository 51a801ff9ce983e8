#include "rt.h"
int main(void) {
    int8_t a = -64; uint8_t b = 192;
    printf("%d %d %d %d\n", (int8_t)(a >> 2), (uint8_t)(b >> 2), (int8_t)(a << 1), (uint8_t)(b << 1));
    int32_t c = -1; uint32_t d = 4294967295u;
    printf("%d %u %d %u\n", c >> 28, d >> 28, (int32_t)((uint32_t)c << 31), d << 31);
    int64_t e = INT64_MIN; uint64_t f = 9223372036854775808ull;
    printf("%lld %llu %lld\n", (long long)(e >> 63), (unsigned long long)(f >> 63), 1ll << 62);
    uint16_t n = 3, g = 40000;
    printf("%d %d %d\n", (uint16_t)(g >> n), (uint16_t)(g << n), (uint16_t)(1 << n));
    int16_t s = -32768;
    printf("%d %d %d %d\n", (int16_t)(s >> 15), (int16_t)~s, ~0, (uint8_t)~b);
    RET(0);
}
