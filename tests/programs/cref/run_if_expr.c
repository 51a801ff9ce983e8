#include "rt.h"
static int64_t abs_(int64_t x) { return x < 0 ? -x : x; }
static int64_t sign(int64_t x) { return x < 0 ? -1 : (x == 0 ? 0 : 1); }
int main(void) {
    pi(abs_(-42)); ps(" "); pi(abs_(17)); ps(" "); pi(sign(-9)); ps(" "); pi(sign(0)); ps(" "); pi(sign(9)); nl();
    int64_t a = 5, b = 8, m = a > b ? a : b;
    ps("max="); pi(m); nl();
    int64_t t = (a % 2 == 1) ? a * a + 1 : 0;
    ps("t="); pi(t); nl();
    bool flag = t > 20;
    ps("flag="); pb(flag); nl();
    ps("c="); pc(flag ? 'y' : 'n'); nl();
    uint8_t u = flag ? 250 : 3; uint8_t w = (uint8_t)(u + 10);
    ps("w="); pi(w); nl();
    int64_t total = 0;
    for (int64_t i = 0; i < 10; i++) total = total + (i % 2 == 0 ? i : 0 - i);
    ps("total="); pi(total); nl();
    ps("arg="); pi(abs_(a < b ? a - b : b - a)); nl();
    RET((flag ? 100 : 200) + m);
}
