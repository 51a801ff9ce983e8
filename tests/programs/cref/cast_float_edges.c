#include "rt.h"
int main(void) {
    double a = -0.5, b = 0.999, c = 255.5, d = -128.9;
    printf("%lld %lld %d %d %lld\n", (long long)a, (long long)b, (uint8_t)c, (int8_t)d, (long long)(-0.0));
    int64_t e = 9007199254740993ll;
    printf("%lld %lld %lld\n", (long long)(double)e, (long long)(float)16777217ll, (long long)(double)-7);
    double f = 0.1; float g = (float)f;
    printf("%s %lld\n", (double)g == f ? "true" : "false", (long long)((double)g * 1000000000000.0));
    uint64_t h = 18446744073709549568ull;
    printf("%s %u\n", (double)h > 18446744073709500000.0 ? "true" : "false", (uint32_t)(float)(uint32_t)3000000000u);
    RET(0);
}
