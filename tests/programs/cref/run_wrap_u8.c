#include "rt.h"
static uint8_t dec(uint8_t x) { return (uint8_t)(x - 1); }
int main(void) {
    uint8_t z = 0; uint8_t a = (uint8_t)(z - 1);
    ps("0-1="); pi(a); nl();
    uint8_t b = (uint8_t)(a + 1);
    ps("255+1="); pi(b); nl();
    uint8_t c = 16; uint8_t d = (uint8_t)(c * c);
    ps("16*16="); pi(d); nl();
    uint8_t e = (uint8_t)((uint8_t)0 - (uint8_t)1);
    ps("lit 0-1="); pi(e); nl();
    uint8_t f = (uint8_t)(200 + 100);
    ps("200+100="); pi(f); nl();
    uint8_t g = 250, sum = 0, i = 0;
    while (i < 10) { sum = (uint8_t)(sum + g); i = (uint8_t)(i + 1); }
    ps("10*250 mod 256="); pi(sum); nl();
    uint8_t h = 7;
    ps("7/2="); pi((uint8_t)(h/2)); ps(" 7%2="); pi((uint8_t)(h%2)); ps(" 255/16="); pi((uint8_t)(a/16)); nl();
    RET(dec(dec(z)));
}
