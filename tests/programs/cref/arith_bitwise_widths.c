#include "rt.h"
int main(void) {
    uint8_t a = 0xF0; int16_t b = -1; uint32_t c = 0xDEADBEEFu; int64_t d = INT64_MAX;
    printf("%d %d %d %d\n", (uint8_t)(a & 0x3C), (uint8_t)(a | 0x0F), (uint8_t)(a ^ 0xFF), (uint8_t)~a);
    printf("%d %d %d %d\n", (int16_t)(b & 0x00FF), (int16_t)(b ^ 0x7FFF), (int16_t)~b, (int16_t)(b | 0));
    printf("%u %u %u %u\n", c & 0xFFFF, c >> 16, c ^ c, ~c);
    printf("%lld %lld %s %lld\n", (long long)(d & -d), (long long)(d ^ -1), (d | 1) == d ? "true" : "false", (long long)~d);
    RET(0);
}
