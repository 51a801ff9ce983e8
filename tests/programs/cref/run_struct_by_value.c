#include "rt.h"
typedef struct { int32_t x, y; } Vec2;
typedef struct { int32_t a, b; } Pair;
static Vec2 add(Vec2 p, Vec2 q) { return (Vec2){p.x+q.x, p.y+q.y}; }
static Vec2 scale(Vec2 v, int32_t k) { v.x *= k; v.y *= k; return v; }
static int32_t clobber(Vec2 v) { v.x = 999; return v.x; }
static Pair swap(Pair p) { return (Pair){p.b, p.a}; }
static int32_t dot(Vec2 p, Vec2 q) { return p.x*q.x + p.y*q.y; }
int main(void) {
    Vec2 u = {1,2}, v = {-3,5}, w = add(u, v);
    ps("w="); pi(w.x); ps(","); pi(w.y); nl();
    Vec2 s = scale(w, 4);
    ps("s="); pi(s.x); ps(","); pi(s.y); ps(" w still="); pi(w.x); ps(","); pi(w.y); nl();
    ps("clobber="); pi(clobber(u)); ps(" u.x="); pi(u.x); nl();
    Pair p = swap((Pair){11,22});
    ps("swapped="); pi(p.a); ps(","); pi(p.b); nl();
    Vec2 acc = {0,0};
    for (int32_t i = 1; i <= 5; i++) acc = add(acc, scale(u, i));
    ps("acc="); pi(acc.x); ps(","); pi(acc.y); nl();
    RET(dot(acc, v) + add(u, u).y);
}
