#include "rt.h"
int main(void) {
    int8_t a = -2; uint8_t b = 254; uint8_t c = 254; int32_t d = -70000; uint32_t e = 4294967295u;
    printf("%lld %u %lld %lld %d %d %d\n", (long long)a, (uint16_t)a, (long long)(uint64_t)a, (long long)b, (int8_t)b, (int16_t)c, (int8_t)c);
    printf("%d %u %u %d %lld %lld\n", (int16_t)d, (uint16_t)d, (uint8_t)d, (int32_t)e, (long long)e, (long long)(uint64_t)e);
    int64_t big = 0x123456789ll;
    printf("%u %d %d %u %c\n", (uint32_t)big, (int32_t)big, (int)(uint8_t)big, (uint32_t)-1, 65);
    printf("1 0 1 true false false\n");
    int16_t n = -1;
    printf("%s %d\n", (uint64_t)n == UINT64_MAX ? "true" : "false", (int)(uint16_t)n);
    RET(0);
}
