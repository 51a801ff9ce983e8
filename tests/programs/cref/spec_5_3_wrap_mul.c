#include "rt.h"
int main(void) {
    int8_t a = 100; uint8_t b = 16; int16_t c = 300; uint16_t d = 65535; int32_t e = 65536;
    uint32_t f = 4294967295u; int64_t g = 4294967296LL; int64_t h = INT64_MAX; uint64_t i = UINT64_MAX;
    pi((int8_t)(a * 3)); ps(" "); pi((uint8_t)(b * 16)); ps(" "); pi((int16_t)(c * 300)); ps(" "); pi((uint16_t)(d * d)); nl();
    pi((int32_t)((uint32_t)e * 65536u)); ps(" "); pi((int32_t)((uint32_t)e * 32768u)); ps(" "); pi((uint32_t)(f * f)); ps(" ");
    pi(g * g); ps(" "); pi(h * 2); ps(" "); pi((int64_t)(i * i)); nl();
    int16_t m = -32767 - 1; uint8_t k = 5; int64_t n = INT64_MIN;
    pi((int16_t)(-m)); ps(" "); pi((uint8_t)(-k)); ps(" "); pi(-n); ps(" "); pi((int8_t)(a * -2)); nl();
    RET(0);
}
