#include "rt.h"
static int32_t sdiv(int32_t a, int32_t b) { return a / b; }
static uint32_t udiv(uint32_t a, uint32_t b) { return a / b; }
int main(void) {
    pi(sdiv(-7,2)); ps(" "); pi(sdiv(7,-2)); ps(" "); pi(sdiv(-7,-2)); ps(" "); pi(sdiv(7,2)); nl();
    int32_t m = -7;
    pi(m % 2); ps(" "); pi(m % -2); ps(" "); pi(7 % -2); nl();
    int32_t x = -8; uint32_t ux = (uint32_t)x;
    ps("ux="); pi(ux); ps(" ux/2="); pi(udiv(ux,2)); ps(" x/2="); pi(sdiv(x,2)); nl();
    ps("ux%10="); pi(ux % 10u); ps(" x%10="); pi(x % 10); nl();
    int8_t b = -100; uint8_t ub = (uint8_t)b;
    ps("ub="); pi(ub); ps(" ub/3="); pi((uint8_t)(ub/3)); ps(" b/3="); pi((int8_t)(b/3));
    ps(" ub%7="); pi((uint8_t)(ub%7)); ps(" b%7="); pi((int8_t)(b%7)); nl();
    uint64_t big = UINT64_MAX;
    ps("big/10="); pi((int64_t)(big/10)); ps(" big%10="); pi((int64_t)(big%10)); nl();
    int64_t neg = -1;
    ps("neg/10="); pi(neg/10); ps(" neg%10="); pi(neg%10); nl();
    RET((int64_t)(big/3));
}
