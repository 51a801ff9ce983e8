#include "rt.h"
typedef struct { int64_t x, y; } Point;
typedef struct { bool flag; uint8_t tag; int8_t small; uint64_t big; } Mixed;
int main(void) {
    Point p = {3, 4};
    ps("p=("); pi(p.x); ps(","); pi(p.y); ps(")"); nl();
    Point q = {10, -20};
    ps("q=("); pi(q.x); ps(","); pi(q.y); ps(")"); nl();
    Point r = {8, 7};
    ps("r=("); pi(r.x); ps(","); pi(r.y); ps(")"); nl();
    Point m = {0, 0};
    m.x = p.x + q.x; m.y = p.y * q.y;
    ps("m=("); pi(m.x); ps(","); pi(m.y); ps(")"); nl();
    Point n = m; m.x = 1000;
    ps("n.x="); pi(n.x); ps(" m.x="); pi(m.x); nl();
    Mixed mx = {true, 'Z', -5, 1ULL << 40};
    pb(mx.flag); ps(" "); pc(mx.tag); ps(" "); pi(mx.small); ps(" "); pi((int64_t)mx.big); nl();
    Mixed w = {false, 'a', 127, 0};
    w.small = (int8_t)(w.small + 1); w.big = w.big - 1;
    pb(w.flag); ps(" "); pc(w.tag); ps(" "); pi(w.small); ps(" "); pi((int64_t)w.big); nl();
    ps("dist="); pi(-q.x + -q.y); nl();
    RET(p.x*p.x + p.y*p.y + n.x);
}
