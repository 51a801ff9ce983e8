#include "rt.h"
int main(void) {
    int8_t a = 127; uint8_t b = 255; int16_t c = 32767; uint16_t d = 65535;
    int32_t e = 2147483647; uint32_t f = 4294967295u; int64_t g = INT64_MAX; uint64_t h = UINT64_MAX;
    printf("%d %d %d %d\n", (int8_t)(a + 1), (uint8_t)(b + 1), (int16_t)(c + 1), (uint16_t)(d + 1));
    printf("%d %u %lld %llu\n", (int32_t)(e + 1), (uint32_t)(f + 1), (long long)(int64_t)((uint64_t)g + 1), (unsigned long long)(h + 1));
    int8_t x = -128; uint8_t y = 0;
    printf("%d %d %d %d\n", (int8_t)(x - 1), (uint8_t)(y - 1), (int8_t)(x * -1), (int8_t)(-x));
    int16_t m = 300; uint32_t n = 65536;
    printf("%d %u %d\n", (int16_t)(m * m), (uint32_t)(n * n), (int)(uint8_t)(b * b));
    RET(0);
}
