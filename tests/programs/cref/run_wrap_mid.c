#include "rt.h"
int main(void) {
    int16_t a = 32767; int16_t b = (int16_t)(a + 1);
    ps("i16 max+1="); pi(b); nl();
    uint16_t c = 0; uint16_t d = (uint16_t)(c - 1);
    ps("u16 0-1="); pi(d); nl();
    uint16_t e = 300;
    ps("u16 300*300="); pi((uint16_t)(e * e)); nl();
    int32_t f = 2147483647;
    ps("i32 max+1="); pi((int32_t)((uint32_t)f + 1u)); nl();
    int32_t g = INT32_MIN;
    ps("i32 min*-1="); pi((int32_t)((uint32_t)g * (uint32_t)-1)); nl();
    uint32_t h = 4000000000u;
    ps("u32 h+h="); pi((uint32_t)(h + h)); nl();
    uint32_t i = 3;
    ps("u32 3-4="); pi((uint32_t)(i - 4u)); nl();
    int16_t j = -300;
    ps("i16 -300*200="); pi((int16_t)(j * 200)); nl();
    uint32_t p = 1; int64_t n = 0;
    while (p != 0) { p = p * 3u; n = n + 1; if (n > 100) break; }
    ps("n="); pi(n); ps(" p="); pi(p); nl();
    RET((uint32_t)(h * 2u + 1u));
}
