#include "rt.h"
static uint32_t fnv1a(const uint8_t *d, int n) { uint32_t h = 2166136261u; for (int i = 0; i < n; i++) { h ^= d[i]; h *= 16777619u; } return h; }
static uint64_t xs(uint64_t x) { x ^= x << 13; x ^= x >> 7; x ^= x << 17; return x; }
int main(void) {
    uint8_t d[8] = {104, 101, 108, 108, 111, 33, 0, 255};
    printf("%u %u\n", fnv1a(d, 5), fnv1a(d, 8));
    uint64_t s = 88172645463325252ull; uint32_t acc = 0;
    for (int i = 0; i < 5; i++) { s = xs(s); acc += (uint32_t)(s >> 40); printf("%lld %lld\n", (long long)(s % 1000), (long long)(s >> 60)); }
    printf("%u\n", acc);
    RET(0);
}
