#include "rt.h"
static int32_t digit_value(uint8_t c) { return (int32_t)c - 48; }
static uint8_t to_upper(uint8_t c) { if (c >= 'a' && c <= 'z') return (uint8_t)(c - 32); return c; }
int main(void) {
    uint8_t c = 'A';
    ps("A="); pi(c); ps(" next="); pc((uint8_t)(c + 1)); nl();
    uint8_t d = '7';
    ps("digit="); pi(digit_value(d)); ps(" times 6="); pi(digit_value(d) * 6); nl();
    int64_t n = 0; uint8_t digits[4] = {'2','0','2','5'};
    for (int64_t i = 0; i < 4; i++) n = n * 10 + digit_value(digits[i]);
    ps("parsed="); pi(n); nl();
    pc(to_upper('h')); pc(to_upper('i')); pc(to_upper('!')); pc('\n');
    uint8_t hi = 200;
    ps("hi code="); pi(hi); ps(" as i8="); pi((int8_t)hi); ps(" cmp="); pb(hi > 'z'); nl();
    uint8_t lit = 66;
    ps("lit="); pc(lit); ps(" eq="); pb(lit == 66); nl();
    pi('\n'); ps(" "); pi('\t'); ps(" "); pi('\''); ps(" "); pi('\\'); ps(" "); pi(0); ps(" "); pi(' '); nl();
    RET(to_upper('q'));
}
