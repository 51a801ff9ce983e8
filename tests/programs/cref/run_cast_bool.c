#include "rt.h"
static int64_t count_true(bool a, bool b, bool c) { return (int64_t)a + (int64_t)b + (int64_t)c; }
int main(void) {
    pi(1); ps(" "); pi(0); ps(" "); pi(count_true(true, false, true)); nl();
    bool t = 3 > 2; uint8_t v = (uint8_t)t;
    ps("v="); pi(v); ps(" i32="); pi((int32_t)(1 == 2)); nl();
    int64_t n = 0;
    for (int64_t i = 0; i < 10; i++) n = n + (int64_t)(i % 3 == 0);
    ps("multiples of 3 below 10: "); pi(n); nl();
    RET((uint8_t)(v + 0));
}
