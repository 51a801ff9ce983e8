#include "rt.h"
int main(void) {
    int8_t a = -128; uint8_t b = 128, c = 1; int8_t d = 1;
    pi((int8_t)(a >> 7)); ps(" "); pi((int8_t)(a >> 1)); ps(" "); pi((uint8_t)(b >> 7)); ps(" "); pi((uint8_t)(c << 7)); ps(" "); pi((int8_t)(uint8_t)(d << 7)); nl();
    int64_t e = -1; uint64_t f = UINT64_MAX; int32_t g = -256; uint32_t h = 4294967040u;
    pi(e >> 63); ps(" "); pi((int64_t)((uint64_t)e << 63)); ps(" "); pi((int64_t)(f >> 63)); ps(" "); pi(g >> 4); ps(" "); pi(h >> 4); ps(" "); pi((int32_t)((uint32_t)g << 20)); nl();
    uint8_t n = 3; int16_t s = -32768; uint16_t t = 32768;
    pi((uint8_t)(c << n)); ps(" "); pi((uint8_t)(b >> n)); ps(" "); pi((int16_t)(s >> 15)); ps(" "); pi((uint16_t)(t >> 15)); ps(" "); pi(1LL << 62); nl();
    RET(0);
}
