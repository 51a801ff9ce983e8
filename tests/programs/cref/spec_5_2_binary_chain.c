#include "rt.h"
int main(void) {
    uint8_t a = (uint8_t)(200 + 100); int8_t b = (int8_t)(100 + 100); uint16_t c = (uint16_t)(256 * 256);
    int64_t d = 4000000000LL * 4; int32_t e = -2147483647 - 1; uint32_t f = ~0u;
    uint8_t g = (uint8_t)((uint8_t)(3 - 5) * 2); int16_t h = (int16_t)((int16_t)(0x7FFF + 1) / 2);
    uint64_t i = 1ULL << 63;
    pi(a); ps(" "); pi(b); ps(" "); pi(c); ps(" "); pi(d); ps(" "); pi(e); ps(" "); pi(f); ps(" "); pi(g); ps(" "); pi(h); ps(" "); pi((int64_t)i); nl();
    RET(0);
}
