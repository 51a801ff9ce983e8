#include "rt.h"
int main(void) {
    int64_t x = 10;
    ps("x="); pi(x); nl();
    int32_t y = 7;
    if (x > 5) { int64_t y2 = 100; int64_t x2 = x + y2; ps("inner x="); pi(x2); ps(" y="); pi(y2); nl(); }
    ps("outer x="); pi(x); ps(" y="); pi(y); nl();
    int64_t total = 0; for (int64_t i = 0; i < 3; i++) total = total + i * 10;
    ps("total="); pi(total); nl();
    int64_t v = 300;
    ps("v="); pi(v); nl();
    ps("r="); pi(42); ps(" s="); pb(true); nl();
    int64_t z = 10;
    RET(x + z + v);
}
