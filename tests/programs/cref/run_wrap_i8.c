#include "rt.h"
static int8_t inc(int8_t x) { return (int8_t)(x + 1); }
int main(void) {
    int8_t a = 127; int8_t b = (int8_t)(a + 1);
    ps("127+1="); pi(b); nl();
    int8_t c = -128; int8_t d = (int8_t)(c - 1);
    ps("-128-1="); pi(d); nl();
    int8_t e = 100; int8_t f = (int8_t)(e * 3);
    ps("100*3="); pi(f); nl();
    int8_t g = (int8_t)(-c);
    ps("-(-128)="); pi(g); nl();
    int8_t h = (int8_t)(64 * 2);
    ps("64*2="); pi(h); nl();
    int8_t k = 120; int64_t n = 0;
    while (k > 0) { k = inc(k); n = n + 1; }
    ps("steps="); pi(n); ps(" k="); pi(k); nl();
    /* -7 as i8 % 3 : (-7 as i8) % 3 with 3 typed i8 */
    ps("x="); pi((int8_t)((int8_t)-7 % (int8_t)3)); nl();
    RET(inc(inc(126)));
}
