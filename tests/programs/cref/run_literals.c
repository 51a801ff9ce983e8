#include "rt.h"
static int64_t take_u16(uint16_t x) { return x; }
int main(void) {
    pi(0x1F); ps(" "); pi(0xFF); ps(" "); pi(11); ps(" "); pi(3); ps(" "); pi(017); ps(" "); pi(0777); ps(" "); pi(7); ps(" "); pi(0); nl();
    uint16_t x = 10;
    uint16_t a = (uint16_t)(1 + x), b = (uint16_t)(0 - x); bool c = 100 < x;
    ps("a="); pi(a); ps(" b="); pi(b); ps(" c="); pb(c); ps(" d="); pi((uint16_t)(3 * x)); nl();
    ps("arg="); pi(take_u16(65535)); ps(" wrapped="); pi(take_u16((uint16_t)((uint16_t)0 - 1))); nl();
    int32_t n = -5;
    ps("n==-5: "); pb(n == -5); ps(" n*2="); pi(n*2); ps(" 2*n="); pi(2*n); ps(" n as Int+1="); pi((int64_t)n + 1); nl();
    uint8_t u = 255;
    ps("u="); pi(u); ps(" max="); pi(INT64_MAX); nl();
    int8_t y = 0x7F;
    ps("y="); pi(y); ps(" hex neg="); pi(-0x10); nl();
    RET(0x10 + 2 + 8 + 10);
}
