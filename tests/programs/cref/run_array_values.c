#include "rt.h"
typedef struct { int64_t v[4]; } A4;
static int64_t bump(A4 arr) { arr.v[0] += 100; return arr.v[0]; }
static A4 reversed(A4 arr) { A4 o = {{0}}; for (int i = 0; i < 4; i++) o.v[3-i] = arr.v[i]; return o; }
static int64_t sum4(A4 a) { return a.v[0]+a.v[1]+a.v[2]+a.v[3]; }
int main(void) {
    A4 a = {{1,2,3,4}}; A4 b = a; b.v[0] = 50;
    ps("a[0]="); pi(a.v[0]); ps(" b[0]="); pi(b.v[0]); nl();
    ps("bump="); pi(bump(a)); ps(" a[0] after="); pi(a.v[0]); nl();
    A4 r = reversed(a);
    ps("r="); pi(r.v[0]); pi(r.v[1]); pi(r.v[2]); pi(r.v[3]); nl();
    A4 rr = reversed(reversed(b));
    ps("rr="); pi(rr.v[0]); ps(" "); pi(rr.v[3]); ps(" sum="); pi(sum4(rr)); nl();
    A4 c = r; c.v[1] *= 10;
    ps("c="); pi(c.v[0]); ps(" "); pi(c.v[1]); ps(" r[1]="); pi(r.v[1]); nl();
    A4 d = {{9,8,7,6}};
    ps("direct="); pi(reversed(d).v[0]); nl();
    RET(sum4(a) * 100 + sum4(c));
}
