#include "rt.h"
static int64_t t(int64_t tag, int64_t v) { pi(tag); ps(";"); return v; }
static int64_t three(int64_t a, int64_t b, int64_t c) { return a * 100 + b * 10 + c; }
int main(void) {
    int64_t a1 = t(1,1), a2 = t(2,2), a3 = t(3,3); int64_t x = three(a1,a2,a3);
    ps(" x="); pi(x); nl();
    int64_t l = t(4,10); int64_t r1 = t(5,3); int64_t r2 = t(6,2); int64_t y = l - r1 * r2;
    ps(" y="); pi(y); nl();
    int64_t i8 = t(8,1); int64_t i7 = t(7,i8); int64_t i9 = t(9,0), i10 = t(10,0), i11 = t(11,2); int64_t in3 = three(i9,i10,i11); int64_t i12 = t(12,3);
    int64_t z = three(i7, in3, i12);
    ps(" z="); pi(z); nl();
    int64_t ta = t(13,1), tb = t(14,2), tc = t(15,3);
    ps(" trio="); pi(ta); pi(tb); pi(tc); nl();
    int64_t ua = t(22,4), ub = t(23,5), uc = t(21,6);
    ps(" trio2="); pi(ua); pi(ub); pi(uc); nl();
    int64_t e0 = t(16,7), e1 = t(17,8), e2 = t(18,9);
    ps(" arr="); pi(e0 + e1 + e2); nl();
    int64_t c1 = t(19,1), c2 = t(20,2);
    ps(" c="); pb(c1 < c2); nl();
    RET(x + y + z);
}
