#include "rt.h"
static bool is_odd(int64_t m) { return (m & 1) == 1; }
int main(void) {
    int64_t a = 12, b = 10;
    pi(a & b); ps(" "); pi(a | b); ps(" "); pi(a ^ b); ps(" "); pi(~a); ps(" "); pi(~0LL); nl();
    uint8_t u = 0x0F;
    ps("~u8="); pi((uint8_t)~u); ps(" u8^0xFF="); pi((uint8_t)(u ^ 0xFF)); ps(" u8|0x30="); pi((uint8_t)(u | 0x30)); nl();
    int8_t s = 0x0F;
    ps("~i8="); pi((int8_t)~s); nl();
    uint32_t w = 0xDEADBEEFu;
    ps("lo16="); pi(w & 0xFFFF); ps(" hi16="); pi(w >> 16); ps(" ~w="); pi((uint32_t)~w); nl();
    ps("odd 7="); pb(is_odd(7)); ps(" odd 10="); pb(is_odd(10)); ps(" odd -3="); pb(is_odd(-3)); nl();
    pb(((1 | (2 & 3)) == 3)); ps(" "); pi((6 ^ 3) | 8); ps(" "); pi(1 | (4 ^ 4)); nl();
    uint16_t mask = 0, i = 0;
    while (i < 16) { if (i % 3 == 0) mask = (uint16_t)(mask | (1u << i)); i++; }
    ps("mask="); pi(mask); nl();
    int64_t x = 0x5555;
    RET((x & ~0xFFLL) | 0x3);
}
